/**
 * The emulator's HTTP control API, discovery documents, the CLI entry and a clean close(), over real HTTP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../../electron/sim/emulator/cli';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import { readFileSync } from 'node:fs';
import { makeCertificate } from '../../support/certificates';
import { makeTempDir } from '../../support/temp-dir';
import { clientFor, graphFailure, secretProvider, seedBody } from './support';

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 5 });
});
afterAll(() => emulator.close());
afterEach(() => emulator.reset());

const control = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${emulator.url}/_emulator/${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe('control API', () => {
  it('POST faults scripts responses per route; GET stats counts them; POST reset clears everything', async () => {
    const client = clientFor(emulator, secretProvider(emulator));
    const queued = await control('faults', { body: { faults: [{ route: 'quality', status: 503, retryAfter: '7', times: 1 }] } });
    expect(await queued.json()).toMatchObject({ queued: 1, pending: 1 });
    expect(await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ status: 503, retryAfterMs: 7000 });
    await client.logTeleconferenceDeviceQuality(seedBody().quality);
    const received = (await (await control('received')).json()) as { value: unknown[] };
    expect(received.value).toHaveLength(1);
    expect(await (await control('stats')).json()).toMatchObject({ tokensIssued: 1, requests: { quality: 2, token: 1 } });

    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect(((await (await control('received')).json()) as { value: unknown[] }).value).toEqual([]);
  });

  it('POST certificates registers a certificate on the app named in JSON, and refuses an unknown app or a body that is no certificate', async () => {
    const { dir, cleanup } = makeTempDir('vtc-emulator-cert-');
    try {
      const pem = readFileSync(makeCertificate(dir, 'unused').certificatePath, 'utf8');
      const app = emulator.registerApp({ roles: ['Calls.AccessMedia.All'] });
      const registered = await control('certificates', { body: { pem, clientId: app.clientId } });
      expect(registered.status).toBe(200);
      expect(await registered.json()).toEqual({ clientId: app.clientId, thumbprintSha256: expect.stringMatching(/^[0-9A-F]{64}$/) });
      expect((await control('certificates', { body: { pem, clientId: 'not-an-app' } })).status).toBe(404);
      const notPem = await control('certificates', { body: { pem: 'hello' } });
      expect(notPem.status).toBe(400);
      expect(((await notPem.json()) as { error: { message: string } }).error.message).toMatch(/^pem: not a PEM X\.509 certificate/);
    } finally {
      cleanup();
    }
  });

  it('refuses an invalid fault with every problem named', async () => {
    const response = await control('faults', { body: { route: 'nowhere', status: 99 } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/route|status/);
  });

  it('POST rate-limits and POST roles change behaviour; GET info and call-records describe the emulator', async () => {
    const client = clientFor(emulator, secretProvider(emulator));
    expect((await control('rate-limits', { body: { route: 'quality', requests: 1, windowSeconds: 60 } })).status).toBe(204);
    await client.logTeleconferenceDeviceQuality(seedBody().quality);
    expect(await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ status: 429 });
    await control('rate-limits', { body: { route: 'quality', limit: null } });

    expect((await control('roles', { body: { roles: ['CallRecords.Read.All'] } })).status).toBe(204);
    const fresh = clientFor(emulator, secretProvider(emulator));
    expect(await graphFailure(fresh.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ missingPermission: 'Calls.AccessMedia.All' });

    expect(await (await control('info')).json()).toMatchObject({ url: emulator.url, tenantId: emulator.tenantId, clientId: emulator.clientId });
    const records = (await (await control('call-records')).json()) as { value: { sessions: number; retained: boolean }[] };
    expect(records.value.some((r) => r.sessions === 150)).toBe(true);
    expect(records.value.some((r) => !r.retained)).toBe(true);
  });

  it('POST call-records/{id}/versions publishes an updated version read through Graph; refuses a bad body or an unknown id', async () => {
    const client = clientFor(emulator, secretProvider(emulator));
    const original = emulator.callRecords()[2]!;
    const bumped = await control(`call-records/${original.id}/versions`, { body: { set: { type: 'peerToPeer' }, streams: { averagePacketLossRate: 0.3 } } });
    expect(await bumped.json()).toEqual({ id: original.id, version: original.version + 1 });
    const read = await client.getCallRecord(original.id, { expandSessions: true });
    expect(read).toMatchObject({ version: original.version + 1, type: 'peerToPeer' });
    const streams = read.sessions!.flatMap((s) => s.segments ?? []).flatMap((g) => g.media ?? []).flatMap((m) => m.streams ?? []);
    expect(streams.length).toBeGreaterThan(0);
    expect(streams.every((stream) => stream.averagePacketLossRate === 0.3)).toBe(true);
    // The stored original is not changed in place (a test holding it still sees version 1).
    expect(original.type).not.toBe('peerToPeer');

    const bad = await control(`call-records/${original.id}/versions`, { body: { version: 0, set: { id: 'x' }, streams: { averageJitter: '12 ms' } } });
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/version/);
    expect(message).toMatch(/set/);
    expect(message).toMatch(/streams\.averageJitter/);
    expect((await control('call-records/no-such-record/versions', { body: {} })).status).toBe(404);
  });

  it('serves the Entra discovery documents MSAL may ask for', async () => {
    const openid = (await (await fetch(`${emulator.url}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(openid.token_endpoint).toBe(`${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`);
    const instance = (await (await fetch(`${emulator.url}/common/discovery/instance?api-version=1.1`)).json()) as { metadata: unknown[] };
    expect(instance.metadata.length).toBeGreaterThan(0);
    const jwks = (await (await fetch(openid.jwks_uri!)).json()) as { keys: { kty: string }[] };
    expect(jwks.keys[0]!.kty).toBe('RSA');
  });

  it('token endpoint: Entra error shape for a wrong secret', async () => {
    const response = await fetch(`${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'client-request-id': 'corr-1' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: 'x', scope: 'https://graph.microsoft.com/.default' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215], correlation_id: 'corr-1', trace_id: expect.any(String), timestamp: expect.any(String) });
  });
});

describe('CLI entry and lifecycle', () => {
  it('runEmulatorCommand prints the contract lines, same credentials for the same seed', async () => {
    const lines: string[] = [];
    const handle = await runEmulatorCommand({ port: 0, seed: 5 }, (line) => lines.push(line));
    try {
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^emulator: http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toBe(`tenant-id: ${emulator.tenantId}`);
      expect(lines[2]).toBe(`client-id: ${emulator.clientId}`);
      expect(lines[3]).toBe(`client-secret: ${emulator.clientSecret}`);
    } finally {
      await handle.close();
    }
  });

  it('close() ends keep-alive connections and pending delayed answers at once', async () => {
    const other = await startEmulator({ seed: 9 });
    const client = clientFor(other, secretProvider(other));
    await client.logTeleconferenceDeviceQuality(seedBody().quality); // leaves a keep-alive socket open
    other.injectFaults({ route: 'quality', delayMs: 60_000 });
    const pending = graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality));
    while (other.stats().requests.quality < 2) await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    await other.close();
    // Bounded against the 60 s the fault would hold the answer, not a wall-clock guess a loaded machine can miss.
    expect(Date.now() - started).toBeLessThan(60_000 / 10);
    expect(await pending).toMatchObject({ kind: 'network', retryable: true });
  });
});

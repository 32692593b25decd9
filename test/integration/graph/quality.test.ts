/**
 * logTeleconferenceDeviceQuality through the real client against the emulator: acceptance, every CSDL
 * violation as a parsed Graph 400, what only the product's stricter schema refuses, headers, auth failures, throttling and scripted faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import type { TokenProvider } from '../../../electron/core/auth/tokenProvider';
import { type GraphClient } from '../../../electron/core/graph/client';
import { USER_AGENT } from '../../../electron/core/app/version';
import { logTeleconferenceDeviceQualityBodySchema, type TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import { validate } from '../../../shared/validation';
import { clientFor, graphFailure, rawRequest, secretProvider, seedBody } from './support';

let emulator: EmulatorHandle;
let provider: TokenProvider;
let client: GraphClient;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 3 });
  provider = secretProvider(emulator);
  client = clientFor(emulator, provider);
});
afterAll(() => emulator.close());
afterEach(() => emulator.reset());

type Mutation = (quality: Record<string, unknown> & { mediaQualityList: Record<string, unknown>[] }) => void;
const send = (mutate: Mutation) => {
  const quality = seedBody().quality as unknown as Parameters<Mutation>[0];
  mutate(quality);
  return client.logTeleconferenceDeviceQuality(quality as unknown as TeleconferenceDeviceQuality);
};

describe('the seed example', () => {
  it('is accepted with 200 and listed by GET /_emulator/received with its User-Agent and client-request-id', async () => {
    const clientRequestId = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const result = await client.logTeleconferenceDeviceQuality(seedBody().quality, { clientRequestId });
    expect(result).toMatchObject({ status: 200, clientRequestId });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    const listed = (await (await fetch(`${emulator.url}/_emulator/received`)).json()) as { value: unknown[] };
    expect(listed.value).toEqual([
      expect.objectContaining({ apiVersion: 'v1.0', userAgent: USER_AGENT, clientRequestId, body: seedBody() }),
    ]);
    expect(USER_AGENT).toMatch(/^VTCQualityMonitor\/\d+\.\d+\.\d+/);
  });

  it('is accepted on /beta too, with a custom User-Agent', async () => {
    const beta = clientFor(emulator, provider, { apiVersion: 'beta', userAgent: 'VTCQualityMonitor/9.9.9' });
    await beta.logTeleconferenceDeviceQuality(seedBody().quality);
    expect(emulator.received()[0]).toMatchObject({ apiVersion: 'beta', userAgent: 'VTCQualityMonitor/9.9.9' });
  });

  it('each attempt gets a fresh client-request-id unless the caller gives one', async () => {
    const a = await client.logTeleconferenceDeviceQuality(seedBody().quality);
    const b = await client.logTeleconferenceDeviceQuality(seedBody().quality);
    expect(a.clientRequestId).not.toBe(b.clientRequestId);
    expect(emulator.received().map((r) => r.clientRequestId)).toEqual([a.clientRequestId, b.clientRequestId]);
  });
});

describe('each CSDL violation → 400 with the Graph error parsed', () => {
  const cases: [string, Mutation, string][] = [
    ['missing callChainId', (q) => delete q.callChainId, "quality.callChainId: The property 'callChainId' of type 'microsoft.graph.teleconferenceDeviceQuality' is required"],
    ['participantId not a GUID', (q) => (q.participantId = 'abc'), "quality.participantId: Cannot convert the literal 'abc' to the expected type 'Edm.Guid'."],
    ['mediaLegId null', (q) => (q.mediaLegId = null), "quality.mediaLegId: A null value was found for the property named 'mediaLegId'"],
    ['missing deviceDescription', (q) => delete q.deviceDescription, 'quality.deviceDescription: The property'],
    ['mediaQualityList null', (q) => ((q as Record<string, unknown>).mediaQualityList = null), "quality.mediaQualityList: A null value was found for the property named 'mediaQualityList'"],
    ['channelIndex not an integer', (q) => (q.mediaQualityList[0]!.channelIndex = 1.5), "quality.mediaQualityList[0].channelIndex: Cannot convert the literal '1.5' to the expected type 'Edm.Int32'."],
    ['port beyond Int32', (q) => (q.mediaQualityList[2]!.localPort = 2 ** 31), "quality.mediaQualityList[2].localPort: Cannot convert the literal '2147483648' to the expected type 'Edm.Int32'."],
    ['jitter not a duration', (q) => (q.mediaQualityList[0]!.averageInboundJitter = '10ms'), "quality.mediaQualityList[0].averageInboundJitter: Cannot convert the literal '10ms' to the expected type 'Edm.Duration'."],
    ['packet loss as text', (q) => (q.mediaQualityList[1]!.averageInboundPacketLossRateInPercentage = '5%'), "quality.mediaQualityList[1].averageInboundPacketLossRateInPercentage: Cannot convert the literal '5%' to the expected type 'Edm.Double'."],
    ['unknown @odata.type', (q) => (q.mediaQualityList[0]!['@odata.type'] = '#microsoft.graph.teleconferenceDeviceFaxQuality'), 'quality.mediaQualityList[0]["@odata.type"]: A type named \'#microsoft.graph.teleconferenceDeviceFaxQuality\' could not be resolved by the model.'],
    ['the abstract base type', (q) => (q.mediaQualityList[0]!['@odata.type'] = '#microsoft.graph.teleconferenceDeviceMediaQuality'), "is abstract and cannot be instantiated"],
    ['no @odata.type on an item', (q) => delete q.mediaQualityList[0]!['@odata.type'], "quality.mediaQualityList[0][\"@odata.type\"]: The type 'microsoft.graph.teleconferenceDeviceMediaQuality' is abstract"],
  ];

  it.each(cases)('%s', async (_name, mutate, expected) => {
    const error = await graphFailure(send(mutate));
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'BadRequest', retryable: false });
    expect(error.message).toContain(expected);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.received()).toHaveLength(0);
  });

  it('lists every violation at once', async () => {
    const error = await graphFailure(send((q) => {
      delete q.callChainId;
      q.mediaQualityList[0]!.channelIndex = 'one';
    }));
    expect(error.message).toContain('quality.callChainId');
    expect(error.message).toContain('quality.mediaQualityList[0].channelIndex');
  });
});

// Graph's types are open and its numbers unbounded, so it takes these; the product refuses them before
// sending (its rules are stricter on purpose, see shared/graph/quality.ts). The emulator answers as Graph.
describe('what only the product refuses: the emulator, like Graph, accepts it', () => {
  const cases: [string, Mutation][] = [
    ['blank deviceName', (q) => (q.deviceName = '   ')],
    ['empty mediaQualityList', (q) => (q.mediaQualityList = [])],
    ['channelIndex 0', (q) => (q.mediaQualityList[0]!.channelIndex = 0)],
    ['packet loss over 100 %', (q) => (q.mediaQualityList[1]!.averageInboundPacketLossRateInPercentage = 101)],
    ['port 70000', (q) => (q.mediaQualityList[2]!.localPort = 70000)],
    ['an address that is no IP address', (q) => (q.mediaQualityList[0]!.remoteIPAddress = '999.1.1.1')],
    ['misspelt metric (an open property)', (q) => (q.mediaQualityList[0]!.averageInboundJiter = 'PT0.01S')],
    ['bit rate on audio (an open property)', (q) => (q.mediaQualityList[0]!.averageInboundBitRate = 1)],
    ['negative packet count', (q) => (q.mediaQualityList[0]!.inboundPackets = -1)],
  ];

  it.each(cases)('%s', async (_name, mutate) => {
    const quality = seedBody().quality as unknown as Parameters<Mutation>[0];
    mutate(quality);
    expect(validate(logTeleconferenceDeviceQualityBodySchema, { quality }).ok).toBe(false);
    await expect(send(mutate)).resolves.toMatchObject({ status: 200 });
    expect(emulator.received()).toHaveLength(1);
  });
});

describe('request rules (raw HTTP)', () => {
  const url = () => `${emulator.url}/v1.0/communications/calls/logTeleconferenceDeviceQuality`;
  const bearer = async () => ({ authorization: `Bearer ${await emulator.issueAccessToken()}` });

  it('User-Agent missing → 400 in Graph error JSON; request-id set and client-request-id echoed', async () => {
    const response = await rawRequest(url(), {
      method: 'POST',
      headers: { ...(await bearer()), 'content-type': 'application/json', 'client-request-id': 'abc-123' },
      body: JSON.stringify(seedBody()),
    });
    expect(response.status).toBe(400);
    expect(response.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['client-request-id']).toBe('abc-123');
    const body = JSON.parse(response.body) as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toContain('User-Agent');
    expect(body.error.innerError).toMatchObject({ 'request-id': response.headers['request-id'], 'client-request-id': 'abc-123' });
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('not JSON → 415; malformed JSON → 400', async () => {
    const common = { ...(await bearer()), 'user-agent': 'Test/1.0' };
    const text = await rawRequest(url(), { method: 'POST', headers: { ...common, 'content-type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
    const broken = await rawRequest(url(), { method: 'POST', headers: { ...common, 'content-type': 'application/json' }, body: '{"quality":' });
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('Unable to read JSON request payload');
  });

  it('no token or an expired token → 401 InvalidAuthenticationToken', async () => {
    const none = await rawRequest(url(), { method: 'POST', headers: { 'user-agent': 'Test/1.0' } });
    expect(none.status).toBe(401);
    expect(none.body).toContain('InvalidAuthenticationToken');
    expect(none.headers['www-authenticate']).toContain('Bearer');
    const expired = await emulator.issueAccessToken({ lifetimeSeconds: 0 });
    const late = await rawRequest(url(), { method: 'POST', headers: { 'user-agent': 'Test/1.0', authorization: `Bearer ${expired}` } });
    expect(late.status).toBe(401);
    expect(late.body).toContain('the token is expired');
  });
});

describe('auth failures through the client', () => {
  it('missing role → 403 surfaced as "missing permission Calls.AccessMedia.All"', async () => {
    const app = emulator.registerApp({ roles: ['CallRecords.Read.All'] });
    const limited = clientFor(emulator, secretProvider(emulator, { clientId: app.clientId, secret: app.clientSecret }));
    const error = await graphFailure(limited.logTeleconferenceDeviceQuality(seedBody().quality));
    expect(error).toMatchObject({ kind: 'http', status: 403, missingPermission: 'Calls.AccessMedia.All', retryable: false });
    expect(error.message).toContain('missing permission Calls.AccessMedia.All');
  });

  it('a 401 is retried exactly once with a fresh token (forceRefresh)', async () => {
    const calls: boolean[] = [];
    const revokedFirst = {
      async getToken(options?: { forceRefresh?: boolean }) {
        calls.push(options?.forceRefresh ?? false);
        return { accessToken: options?.forceRefresh ? await emulator.issueAccessToken() : 'revoked.token.value' };
      },
    };
    await clientFor(emulator, revokedFirst).logTeleconferenceDeviceQuality(seedBody().quality);
    expect(calls).toEqual([false, true]);

    const alwaysBad = { getToken: async () => ({ accessToken: await emulator.issueAccessToken({ lifetimeSeconds: 0 }) }) };
    const error = await graphFailure(clientFor(emulator, alwaysBad).logTeleconferenceDeviceQuality(seedBody().quality));
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken', retryable: false });
    expect(emulator.stats().requests.quality).toBe(4);
  });
});

describe('throttling and faults', () => {
  it('429 with Retry-After: 2 → retryable GraphError with retryAfterMs 2000', async () => {
    emulator.injectFaults({ route: 'quality', status: 429, retryAfter: 2 });
    const error = await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality));
    expect(error).toMatchObject({ kind: 'http', status: 429, code: 'TooManyRequests', retryAfterMs: 2000, retryable: true });
  });

  it('429 with Retry-After as an HTTP-date → the wait until that date', async () => {
    const retryAt = new Date(Date.now() + 5000);
    emulator.injectFaults({ route: 'quality', status: 429, retryAfter: retryAt.toUTCString() });
    const before = Date.now();
    const error = await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality));
    // HTTP-dates have whole seconds: the wait is the date (rounded down to the second) minus the arrival time.
    const expectedMs = Math.floor(retryAt.getTime() / 1000) * 1000 - before;
    expect(error.retryAfterMs).toBeGreaterThan(expectedMs - 1000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(expectedMs);
    expect(error.retryable).toBe(true);
  });

  it('a per-route rate limit answers 429 with Retry-After within the window', async () => {
    emulator.setRateLimit('quality', { requests: 2, windowSeconds: 30 });
    await client.logTeleconferenceDeviceQuality(seedBody().quality);
    await client.logTeleconferenceDeviceQuality(seedBody().quality);
    const error = await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality));
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', retryable: true });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('5xx is retryable, a scripted 400 is not, and `times` repeats a fault', async () => {
    emulator.injectFaults({ route: 'quality', status: 503, times: 2 }, { route: 'quality', status: 400, code: 'InvalidRequest' });
    expect(await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ status: 503, code: 'ServiceUnavailable', retryable: true });
    expect(await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ status: 503, retryable: true });
    expect(await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ status: 400, code: 'InvalidRequest', retryable: false });
    expect((await client.logTeleconferenceDeviceQuality(seedBody().quality)).status).toBe(200);
  });

  it('connection reset → retryable network error', async () => {
    emulator.injectFaults({ route: 'quality', reset: true });
    expect(await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('a slow answer past the timeout → retryable timeout error', async () => {
    emulator.injectFaults({ route: 'quality', delayMs: 10_000 });
    const impatient = clientFor(emulator, provider, { timeoutMs: 200 });
    const error = await graphFailure(impatient.logTeleconferenceDeviceQuality(seedBody().quality));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('a malformed error body still gives status, a code and retryability', async () => {
    emulator.injectFaults({ route: 'quality', status: 502, malformedBody: true });
    const error = await graphFailure(client.logTeleconferenceDeviceQuality(seedBody().quality));
    expect(error).toMatchObject({ kind: 'http', status: 502, code: 'HTTP502', retryable: true });
    expect(error.requestId).toBeDefined();
  });

  it('the caller can cancel', async () => {
    emulator.injectFaults({ route: 'quality', delayMs: 10_000 });
    const controller = new AbortController();
    const pending = client.logTeleconferenceDeviceQuality(seedBody().quality, { signal: controller.signal });
    controller.abort();
    expect(await graphFailure(pending)).toMatchObject({ kind: 'network', code: 'aborted' });
  });
});

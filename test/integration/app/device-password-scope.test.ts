/**
 * A saved device password is only ever sent to the address and user name it was saved for: a settings save
 * that moves the device must carry the password again (else the collector would poll the new address with
 * the old password), and "Test device" towards another address needs a typed one. Real core with a real
 * cipher (as the Electron shell stores secrets), a real local listener that records Authorization headers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import type { SettingsView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import { testCipher } from '../../support/test-cipher';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listener(): Promise<{ url: string; authorizations: (string | undefined)[] }> {
  const authorizations: (string | undefined)[] = [];
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    res.writeHead(401).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(() => new Promise((done) => server.close(done)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, authorizations };
}

const device = (url: string, password?: string, trust: { allowSelfSigned?: boolean; certificateSha256?: string } = {}) => ({
  id: 'codec',
  kind: 'cisco-xapi' as const,
  url,
  username: 'monitor',
  ...(password !== undefined && { password }),
  allowSelfSigned: trust.allowSelfSigned ?? false,
  ...(trust.certificateSha256 !== undefined && { certificateSha256: trust.certificateSha256 }),
  pollSeconds: 300,
});

const PIN = 'ab'.repeat(32);

describe('a saved device password stays with its device', () => {
  it('updateSettings moving a device to another address without its password is refused, naming the field', async () => {
    const trap = await listener();
    const { dir, cleanup } = makeTempDir('vtc-device-scope-');
    cleanups.push(cleanup);
    const core: Core = await startCore({ dataDir: dir, log: createLogger({ sink: () => undefined }), transport: 'electron', version: 'test', ingest: { enabled: false }, cipher: testCipher() });
    cleanups.push(() => core.stop());
    const room = (devices: unknown[]) => ({ rooms: [{ id: 'b30', name: 'Bldg 30', devices }] });

    expect(await core.dispatch('updateSettings', room([device('http://127.0.0.1:9', 'saved-secret-1')]))).toMatchObject({ ok: true });
    const moved = await core.dispatch('updateSettings', room([device(trap.url)]));
    expect(moved).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'rooms[0].devices[0].password' }] } });
    const settings = (await core.dispatch('getSettings', undefined)) as { ok: true; value: SettingsView };
    expect(settings.value.rooms[0]!.devices[0]!.url).toBe('http://127.0.0.1:9');

    const tested = await core.dispatch('testDevice', { deviceId: 'codec', url: trap.url, username: 'monitor', allowSelfSigned: false });
    expect(tested).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'password' }] } });
    expect(trap.authorizations).toEqual([]);

    // Saving the same address again, or a new one with its password, is fine.
    expect(await core.dispatch('updateSettings', room([device('http://127.0.0.1:9/')]))).toMatchObject({ ok: true });
    expect(await core.dispatch('updateSettings', room([device(trap.url, 'typed-for-the-new-one')]))).toMatchObject({ ok: true });
  });

  it('keeps the saved password from a device whose certificate is trusted more loosely: self-signed newly allowed or another pin', async () => {
    const trap = await listener();
    const { dir, cleanup } = makeTempDir('vtc-device-trust-');
    cleanups.push(cleanup);
    const core: Core = await startCore({ dataDir: dir, log: createLogger({ sink: () => undefined }), transport: 'electron', version: 'test', ingest: { enabled: false }, cipher: testCipher() });
    cleanups.push(() => core.stop());
    const room = (devices: unknown[]) => ({ rooms: [{ id: 'b30', name: 'Bldg 30', devices }] });
    expect(await core.dispatch('updateSettings', room([device(trap.url, 'saved-secret-2')]))).toMatchObject({ ok: true });

    // Test device at the saved address, but trusting any self-signed certificate, or a pinned one: refused
    // before anything is sent.
    for (const trust of [{ allowSelfSigned: true }, { certificateSha256: PIN }]) {
      const tested = await core.dispatch('testDevice', { deviceId: 'codec', url: trap.url, username: 'monitor', allowSelfSigned: false, ...trust });
      expect(tested).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'password', message: expect.stringContaining('certificate trust') }] } });
    }
    expect(trap.authorizations).toEqual([]);
    // The same for a save: the password must be typed again.
    for (const trust of [{ allowSelfSigned: true }, { certificateSha256: PIN }]) {
      const saved = await core.dispatch('updateSettings', room([device(trap.url, undefined, trust)]));
      expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'rooms[0].devices[0].password' }] } });
    }

    // Trusted as saved, the saved password goes to the saved device; typed again, the looser trust is saved.
    const asSaved = await core.dispatch('testDevice', { deviceId: 'codec', url: trap.url, username: 'monitor', allowSelfSigned: false, transport: 'http' });
    expect(asSaved).toMatchObject({ ok: true });
    expect(trap.authorizations).toContain(`Basic ${Buffer.from('monitor:saved-secret-2').toString('base64')}`);
    expect(await core.dispatch('updateSettings', room([device(trap.url, 'typed-again', { allowSelfSigned: true, certificateSha256: PIN })]))).toMatchObject({ ok: true });
    // A stricter trust needs nothing typed: self-signed no longer allowed, the pin kept.
    expect(await core.dispatch('updateSettings', room([device(trap.url, undefined, { certificateSha256: PIN })]))).toMatchObject({ ok: true });
  });
});

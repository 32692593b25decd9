/**
 * Settings' "Test device" through the AppApi against a real simulated codec (HTTPS, self-signed, Basic).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { startCiscoSimulator, type CiscoSimulator } from '../../../electron/sim/cisco-codec';
import { appConfigSchema } from '../../../shared/config/schema';
import type { DeviceTestView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(): Promise<{ core: Core; simulator: CiscoSimulator }> {
  const simulator = await startCiscoSimulator({ seed: 4, productId: 'Cisco Room Kit Pro', password: 'codec-secret' });
  cleanups.push(() => simulator.close());
  const { dir, cleanup } = makeTempDir('vtc-test-device-');
  cleanups.push(cleanup);
  const config = appConfigSchema.parse({
    rooms: [{ id: 'b30', name: 'Bldg 30', devices: [{ id: 'sx', kind: 'cisco-xapi', url: simulator.url, username: simulator.username, password: 'codec-secret', allowSelfSigned: true, pollSeconds: 300 }] }],
  });
  const core = await startCore({ dataDir: dir, log: createLogger({ sink: () => undefined }), transport: 'web', version: 'test', ingest: { enabled: false }, managed: { config, managedKeys: ['rooms'] } });
  cleanups.push(() => core.stop());
  return { core, simulator };
}

const answer = async (core: Core, request: unknown): Promise<DeviceTestView> => {
  const result = await core.dispatch('testDevice', request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DeviceTestView;
};

describe('testDevice', () => {
  it('connects with the values being edited and names the product', async () => {
    const { core, simulator } = await rig();
    const result = await answer(core, { url: simulator.url, username: simulator.username, password: 'codec-secret', allowSelfSigned: true });
    expect(result).toMatchObject({ ok: true, state: 'online', productId: 'Cisco Room Kit Pro' });
  });

  it('uses the stored password of a saved device when none is typed', async () => {
    const { core, simulator } = await rig();
    expect(await answer(core, { deviceId: 'sx', url: simulator.url, username: simulator.username, allowSelfSigned: true })).toMatchObject({ ok: true });
  });

  it('says why it fails: wrong password, certificate not allowed, no password for a new device', async () => {
    const { core, simulator } = await rig();
    expect(await answer(core, { url: simulator.url, username: simulator.username, password: 'wrong', allowSelfSigned: true })).toMatchObject({ ok: false, state: 'auth_failed' });
    const tls = await answer(core, { url: simulator.url, username: simulator.username, password: 'codec-secret', allowSelfSigned: false });
    expect(tls.ok).toBe(false);
    expect(tls.error).toMatch(/certificate/);
    const missing = await core.dispatch('testDevice', { url: simulator.url, username: 'admin', allowSelfSigned: true });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'password' }] } });
  });
});

/**
 * Secrets the app stores (encrypted, as the Electron shell does) for the Graph credential: a saved client
 * secret is sent only to the cloud, tenant and client it was saved for ("Test connection" towards another
 * tenant needs it typed, and the emulator never hears of it), and a saved key passphrase reaches MSAL.
 * Real core, real SQLite, real MSAL against the emulator; the cipher is a local AES-GCM key.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { AppFailure } from '../../../electron/core/api/failure';
import { createLogger } from '../../../electron/core/log/logger';
import { appConfigSchema } from '../../../shared/config/schema';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import { makeCertificate } from '../../support/certificates';
import { makeTempDir } from '../../support/temp-dir';
import { testCipher } from '../../support/test-cipher';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function coreAgainst(emulator: EmulatorHandle): Promise<{ core: Core; dir: string; logLines: string[] }> {
  const { dir, cleanup } = makeTempDir('vtc-credential-scope-');
  cleanups.push(cleanup);
  const logLines: string[] = [];
  const config = appConfigSchema.parse({ endpoints: { graph: emulator.url, login: emulator.url } });
  const core = await startCore({
    dataDir: dir,
    log: createLogger({ sink: (line) => logLines.push(line) }),
    transport: 'electron',
    version: 'test',
    cipher: testCipher(),
    managed: { config, managedKeys: ['endpoints'] },
    ingest: { enabled: false },
  });
  cleanups.push(() => core.stop());
  return { core, dir, logLines };
}

describe('stored Graph secrets stay with their tenant', () => {
  it('Test connection sends the saved secret to the saved tenant only', async () => {
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const { core } = await coreAgainst(emulator);
    await core.handlers.updateSettings({ tenantId: emulator.tenantId, clientId: emulator.clientId, credential: { type: 'secret', secret: emulator.clientSecret } });

    expect(await core.handlers.testConnection({ credential: { type: 'secret' } })).toMatchObject({ tokenAcquired: true });
    const tokenRequests = emulator.stats().requests.token ?? 0;
    expect(tokenRequests).toBeGreaterThan(0);
    const otherTenant = randomUUID();
    const refused = core.handlers.testConnection({ tenantId: otherTenant, credential: { type: 'secret' } });
    await expect(refused).rejects.toBeInstanceOf(AppFailure);
    await expect(refused).rejects.toMatchObject({ details: [{ path: 'credential.secret', message: expect.stringContaining('must be typed') }] });
    expect(emulator.stats().requests.token ?? 0).toBe(tokenRequests);

    const typed = await core.handlers.testConnection({ tenantId: otherTenant, credential: { type: 'secret', secret: 'typed-for-the-other-tenant' } });
    expect(typed).toMatchObject({ tokenAcquired: false, error: expect.stringContaining(otherTenant) });
  }, 30_000);

  it('a passphrase saved in Settings is stored encrypted, never in clear, and unlocks the key for MSAL', async () => {
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const { core, dir, logLines } = await coreAgainst(emulator);
    const passphrase = `pass-${randomUUID()}`;
    const files = makeCertificate(dir, passphrase);
    emulator.registerCertificate(readFileSync(files.certificatePath, 'utf8'));
    const credential = { type: 'certificate' as const, certificatePath: files.certificatePath, privateKeyPath: files.privateKeyPath };

    await expect(core.handlers.updateSettings({ tenantId: emulator.tenantId, clientId: emulator.clientId, credential })).rejects.toMatchObject({
      details: [{ path: 'credential.privateKeyPassphrase', message: 'is required: the private key is encrypted' }],
    });
    await expect(core.handlers.updateSettings({ credential: { ...credential, privateKeyPassphrase: 'wrong' } })).rejects.toMatchObject({
      details: [{ path: 'credential.privateKeyPassphrase', message: 'does not decrypt the private key' }],
    });
    const view = await core.handlers.updateSettings({ tenantId: emulator.tenantId, clientId: emulator.clientId, credential: { ...credential, privateKeyPassphrase: passphrase } });
    expect(view.credential).toEqual({ ...credential, privateKeyPassphraseSet: true });
    expect(await core.handlers.testConnection({})).toMatchObject({ tokenAcquired: true });

    const rows = core.db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
    expect(rows.map((row) => row.key)).toContain('secret:credential.privateKeyPassphrase');
    expect(JSON.stringify(rows)).not.toContain(passphrase);
    expect(logLines.join('\n')).not.toContain(passphrase);
  }, 30_000);
});

/**
 * "Test connection" tests what is on screen, not what was saved: through the web UI's API of `run --web`
 * (a child process) against the Graph emulator, a tenant id typed but not saved reports the failure
 * Entra gives for it, where testing the saved settings acquires a token.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../electron/sim/emulator/index';
import { startAgentProcess } from '../../support/agent-process';
import { makeCertificate } from '../../support/certificates';
import { makeTempDir } from '../../support/temp-dir';
import { connectWebAgent } from '../../support/web-agent-client';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Test connection (run --web child process, Graph emulator)', () => {
  it('tests the tenant id typed in, not the saved one', async () => {
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const { dir, cleanup } = makeTempDir('vtc-test-connection-');
    cleanups.push(cleanup);
    const certificate = makeCertificate(dir, 'unused passphrase');
    emulator.registerCertificate(readFileSync(certificate.certificatePath, 'utf8'));
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ endpoints: { graph: emulator.url, login: emulator.url } }));

    const agent = await startAgentProcess(['run', '--web', '--port', '0', '--ingest-port', '0', '--data-dir', join(dir, 'data'), '--config', configFile], ['web']);
    cleanups.push(() => agent.stop());
    const api = await connectWebAgent(agent.lines.get('web')!);
    cleanups.push(() => api.close());
    const credential = { type: 'certificate' as const, certificatePath: certificate.certificatePath, privateKeyPath: certificate.plainKeyPath };
    expect((await api.updateSettings({ tenantId: emulator.tenantId, clientId: emulator.clientId, credential })).ok).toBe(true);

    const saved = await api.testConnection({});
    expect(saved).toMatchObject({ ok: true, value: { tokenAcquired: true, missingPermissions: [] } });

    const typedTenant = randomUUID();
    const typed = await api.testConnection({ tenantId: typedTenant, clientId: emulator.clientId, credential });
    expect(typed).toMatchObject({ ok: true, value: { tokenAcquired: false, error: expect.stringContaining(`Tenant '${typedTenant}' not found`) } });

    // A secret chosen on screen for another tenant is never completed with a saved one.
    const noSecret = await api.testConnection({ tenantId: typedTenant, credential: { type: 'secret' } });
    expect(noSecret).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'credential.secret' }] } });
  }, 90_000);
});

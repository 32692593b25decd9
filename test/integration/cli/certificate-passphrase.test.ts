/**
 * An IT admin's certificate credential with an encrypted key, end to end from outside: openssl makes the
 * certificate and an encrypted PKCS#8 key, the emulator runs as its own process and gets the certificate
 * through `POST /_emulator/certificates`, and `run --config` (a child process) with the credential block of
 * examples/fleet-config.json — passphrase from the environment — delivers a report Graph received.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/api/views';
import { runAgentProcess, startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { makeCertificate } from '../../support/certificates';
import { makeTempDir } from '../../support/temp-dir';
import { completeQuality } from '../../unit/outbox/support/quality';
import { runAgent } from './run-agent';

const EXAMPLE = join(import.meta.dirname, '../../../examples/fleet-config.json');
const PASSPHRASE = 'correct horse battery staple';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('certificate credential with an encrypted key (child processes)', () => {
  it('registers the certificate over HTTP and delivers a report with the passphrase from the environment', async () => {
    const { dir, cleanup } = makeTempDir('vtc-cert-');
    cleanups.push(cleanup);
    const files = makeCertificate(dir, PASSPHRASE);
    expect(readFileSync(files.privateKeyPath, 'utf8')).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');

    const emulator: AgentProcess = await startAgentProcess(['emulator', '--port', '0'], ['emulator', 'tenant-id', 'client-id']);
    cleanups.push(() => emulator.stop());
    const emulatorUrl = emulator.lines.get('emulator')!;
    const control = (path: string, init?: RequestInit): Promise<Response> => fetch(`${emulatorUrl}/_emulator/${path}`, init);

    const notACertificate = await control('certificates', { method: 'POST', body: 'hello' });
    expect(notACertificate.status).toBe(400);
    const registered = await control('certificates', { method: 'POST', headers: { 'content-type': 'application/x-pem-file' }, body: readFileSync(files.certificatePath, 'utf8') });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toMatchObject({ clientId: emulator.lines.get('client-id'), thumbprintSha256: expect.stringMatching(/^[0-9A-F]{64}$/) });

    // The example fleet file's own credential block: only the two paths are this machine's.
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { credential: { privateKeyPassphrase: { env: string } } };
    const configFile = join(dir, 'fleet-config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        tenantId: emulator.lines.get('tenant-id'),
        clientId: emulator.lines.get('client-id'),
        credential: { ...example.credential, certificatePath: files.certificatePath, privateKeyPath: files.privateKeyPath },
        endpoints: { graph: emulatorUrl, login: emulatorUrl },
      }),
    );
    const dataDir = join(dir, 'data');
    const { token } = (await runAgent(['tokens', 'create', '--name', 'gateway', '--data-dir', dataDir, '--json'])).json<{ token: string }>();

    const agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['ingest'], {
      env: { [example.credential.privateKeyPassphrase.env]: PASSPHRASE },
    });
    cleanups.push(() => agent.stop());
    const quality = completeQuality('certificate credential');
    const posted = await fetch(`${agent.lines.get('ingest')}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ quality }),
    });
    expect(posted.status).toBe(202);

    const received = await until(async () => {
      const { value } = (await (await control('received')).json()) as { value: Array<{ body: { quality: { mediaLegId: string } } }> };
      return value.find((report) => report.body.quality.mediaLegId === quality.mediaLegId);
    }, 'the report at the emulator');
    expect(received.body.quality.mediaLegId).toBe(quality.mediaLegId);
    expect(agent.stderr()).not.toContain(PASSPHRASE);

    const status = await runAgentProcess(['status', '--data-dir', dataDir, '--json']);
    expect((JSON.parse(status.stdout) as SyncStatusView).settingsProblems).toBeUndefined();
  }, 90_000);

  it('without the passphrase the agent still runs and status names the missing setting', async () => {
    const { dir, cleanup } = makeTempDir('vtc-cert-nopass-');
    cleanups.push(cleanup);
    const files = makeCertificate(dir, PASSPHRASE);
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ credential: { type: 'certificate', certificatePath: files.certificatePath, privateKeyPath: files.privateKeyPath } }));
    const dataDir = join(dir, 'data');
    const agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['ingest']);
    cleanups.push(() => agent.stop());
    const health = await fetch(`${agent.lines.get('ingest')}/api/v1/health`);
    expect(health.status).toBeLessThan(500);
    const status = JSON.parse((await runAgentProcess(['status', '--data-dir', dataDir, '--json'])).stdout) as SyncStatusView;
    expect(status.settingsProblems).toEqual([{ path: 'credential.privateKeyPassphrase', message: 'is required: the private key is encrypted' }]);
  }, 60_000);
});

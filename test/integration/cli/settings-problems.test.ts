/**
 * One mistyped setting must not stop the app. Through the web UI's API of `run --web` (a child process):
 * a LAN ingest host and unreadable certificate files are refused before they are saved, naming the field.
 * A setting that goes bad after it was saved (the key file removed), and a row an older version saved
 * without these checks (a LAN host, a tenant id that is no GUID) or a corrupt row, no longer stop a
 * restart: the agent serves on loopback, and `status --json` and the AppApi status view name the problem.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database';
import type { SyncStatusView } from '../../../shared/api/views';
import { runAgentProcess, startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { makeCertificate } from '../../support/certificates';
import { makeTempDir } from '../../support/temp-dir';
import { connectWebAgent } from '../../support/web-agent-client';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWebAgent(dataDir: string): Promise<AgentProcess> {
  const agent = await startAgentProcess(['run', '--web', '--port', '0', '--ingest-port', '0', '--data-dir', dataDir], ['web', 'ingest']);
  cleanups.push(() => agent.stop());
  return agent;
}

async function statusJson(dataDir: string): Promise<SyncStatusView> {
  const status = await runAgentProcess(['status', '--data-dir', dataDir, '--json']);
  expect(status.code).toBe(0);
  return JSON.parse(status.stdout) as SyncStatusView;
}

describe('settings that cannot stop the app (run --web child process)', () => {
  it('refuses bad values before saving; a saved setting gone bad is a problem after a restart, not a failed start', async () => {
    const { dir, cleanup } = makeTempDir('vtc-settings-');
    cleanups.push(cleanup);
    const dataDir = join(dir, 'data');
    const certificate = makeCertificate(dir, 'unused passphrase');
    const other = makeCertificate(dir, 'unused passphrase', 'other');

    const first = await startWebAgent(dataDir);
    const api = await connectWebAgent(first.lines.get('web')!);
    cleanups.push(() => api.close());

    const lanHost = await api.updateSettings({ ingest: { host: '0.0.0.0', port: 8790 } });
    expect(lanHost).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'ingest.host', message: expect.stringContaining('not a loopback address') }] } });
    const missingFile = await api.updateSettings({ credential: { type: 'certificate', certificatePath: join(dir, 'missing.crt'), privateKeyPath: certificate.plainKeyPath } });
    expect(missingFile).toMatchObject({ ok: false, error: { details: [{ path: 'credential.certificatePath', message: expect.stringContaining('cannot be read (ENOENT') }] } });
    const wrongKey = await api.updateSettings({ credential: { type: 'certificate', certificatePath: certificate.certificatePath, privateKeyPath: other.plainKeyPath } });
    expect(wrongKey).toMatchObject({ ok: false, error: { details: [{ path: 'credential.privateKeyPath', message: expect.stringContaining('does not belong to the certificate') }] } });
    const settingsAfterRefusals = await api.getSettings();
    expect(settingsAfterRefusals).toMatchObject({ ok: true, value: { credential: { type: 'none' }, ingest: { host: '127.0.0.1' } } });

    const saved = await api.updateSettings({
      tenantId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce',
      clientId: '9a5b1c3e-2d4f-4a6b-8c7d-0e1f2a3b4c5d',
      credential: { type: 'certificate', certificatePath: certificate.certificatePath, privateKeyPath: certificate.plainKeyPath },
    });
    expect(saved.ok).toBe(true);
    api.close();
    expect(await first.stop()).toBe(0);

    // The key file disappears while the agent is down (a certificate renewal that went wrong).
    rmSync(certificate.plainKeyPath);
    const second = await startWebAgent(dataDir);
    expect(second.lines.get('ingest')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await statusJson(dataDir);
    expect(status.settingsProblems).toEqual([{ path: 'credential.privateKeyPath', message: expect.stringContaining('cannot be read (ENOENT') }]);
    expect(status.state).toBe('setup_needed');
    expect(status.reason).toContain('credential.privateKeyPath');
  }, 120_000);

  it("restarts over an older version's bad row (a LAN ingest host, a tenant id that is no GUID) or a corrupt one, and says so", async () => {
    const { dir, cleanup } = makeTempDir('vtc-settings-row-');
    cleanups.push(cleanup);
    const dataDir = join(dir, 'data');
    const writeRow = (json: string): void => {
      const db = openDatabase(dataDir);
      db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('local', ?, '2026-01-01T00:00:00Z') ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json").run(json);
      db.close();
    };
    // What a version without the checks saved from `updateSettings {"ingest":{"host":"0.0.0.0"}}` (no version field).
    writeRow(JSON.stringify({ ingest: { host: '0.0.0.0', port: 8790 }, tenantId: 'contoso', alertCooldownMinutes: 3 }));

    const agent = await startWebAgent(dataDir);
    expect(agent.lines.get('ingest')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const expected = [
      { path: 'ingest.host', message: expect.stringContaining('"0.0.0.0" is not a loopback address') },
      { path: 'tenantId', message: expect.stringContaining('must be a GUID') },
    ];
    expect((await statusJson(dataDir)).settingsProblems).toEqual(expect.arrayContaining(expected));
    const api = await connectWebAgent(agent.lines.get('web')!);
    cleanups.push(() => api.close());
    const view = await api.getSyncStatus();
    expect(view.ok && view.value.settingsProblems).toEqual(expect.arrayContaining(expected));
    // The valid value of the same row still applies.
    const settings = await api.getSettings();
    expect(settings.ok && settings.value.alertCooldownMinutes).toBe(3);
    api.close();
    expect(await agent.stop()).toBe(0);

    writeRow('{"ingest": {"host": "0.0.0.0"');
    const afterCorruption = await startWebAgent(dataDir);
    expect(afterCorruption.lines.get('ingest')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await statusJson(dataDir)).settingsProblems).toEqual([{ path: 'settings', message: expect.stringContaining('unreadable') }]);
  }, 120_000);
});

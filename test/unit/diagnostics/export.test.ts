/**
 * "Export diagnostics" as support receives it: a real data directory (rotated log files written by the
 * real logger, a real database and outbox), exported and read back from the zip. The headline check: the
 * known secrets appear in no file of the bundle, even one a log line carried before it was registered.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../electron/core/config/load';
import { registerConfigSecrets } from '../../../electron/core/config/secrets';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { exportDiagnostics } from '../../../electron/core/diagnostics/index';
import { createFileLogSink } from '../../../electron/core/log/file-sink';
import { createLogger } from '../../../electron/core/log/logger';
import { createOutbox } from '../../../electron/core/outbox/index';
import { APP_VERSION } from '../../../electron/core/app/version';
import { makeTempDir } from '../../support/temp-dir';
import { readZip } from '../../support/zip-reader';
import { completeQuality } from '../outbox/support/quality';

const CLIENT_SECRET = 'Zq8~client-secret-value_1234';
const DEVICE_PASSWORD = 'room1-codec-pass-5678';
const ENV_PASSWORD = 'room2-codec-pass-from-env-9012';
const PASSPHRASE = 'key-passphrase-3456';
const SECRETS = [CLIENT_SECRET, DEVICE_PASSWORD, ENV_PASSWORD, PASSPHRASE];
const ENV = { VTC_ROOM2_PASSWORD: ENV_PASSWORD, VTC_KEY_PASSPHRASE: PASSPHRASE };
const NOW = new Date('2026-11-23T10:00:00Z');

const device = (id: string, password: unknown) => ({ id, kind: 'cisco-xapi', url: 'https://10.0.0.20', username: 'admin', password });
function configWith(credential: unknown) {
  return parseConfigText(
    JSON.stringify({
      tenantId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce',
      clientId: '9a5b1c3e-2d4f-4a6b-8c7d-0e1f2a3b4c5d',
      credential,
      endpoints: { graph: 'https://proxy-user:proxy-pass-7788@graph.example.test/' },
      rooms: [
        { id: 'b30-21', name: 'Bldg 30 / 21', devices: [device('codec-1', DEVICE_PASSWORD)] },
        { id: 'b30-22', name: 'Bldg 30 / 22', devices: [device('codec-2', { env: 'VTC_ROOM2_PASSWORD' })] },
      ],
    }),
    'test.json',
  );
}
const secretConfig = configWith({ type: 'secret', secret: CLIENT_SECRET });

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(() => {
  temp = makeTempDir('vtc-diagnostics-');
  db = openDatabase(join(temp.dir, 'data'), { synchronous: 'NORMAL' });
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

/** Writes rotated logs the way the app does, plus one raw line that leaked a secret before it was registered. */
function writeLogs(dataDir: string): void {
  const log = createLogger({ sink: createFileLogSink({ dir: join(dataDir, 'logs'), maxBytes: 2_000, keepFiles: 3 }) });
  registerConfigSecrets(secretConfig, log.redactor, ENV);
  for (let i = 0; i < 40; i += 1) log.info('sync attempt', { attempt: i, note: `token request with ${CLIENT_SECRET}` });
  appendFileSync(join(dataDir, 'logs', 'monitor.log'), `{"level":"error","msg":"early failure: password ${DEVICE_PASSWORD} refused"}\n`);
}

async function exportWith(overrides: Partial<Parameters<typeof exportDiagnostics>[0]> = {}) {
  const dataDir = join(temp.dir, 'data');
  const outbox = createOutbox(db);
  outbox.enqueue({ body: completeQuality('room 1'), source: 'ingest' });
  const outPath = join(temp.dir, 'export', 'diagnostics.zip');
  const result = await exportDiagnostics({
    dataDir,
    db,
    config: secretConfig,
    outboxStats: outbox.stats(NOW.getTime()),
    recentErrors: [new Error(`Graph 401 while using ${CLIENT_SECRET}`), { at: NOW.toISOString(), deviceId: 'codec-2', message: `login failed with ${ENV_PASSWORD}` }],
    outPath,
    now: () => NOW,
    env: ENV,
    ...overrides,
  });
  return { result, files: readZip(readFileSync(outPath)), outPath, outbox };
}

const text = (files: Map<string, Buffer>, name: string): string => {
  const data = files.get(name);
  if (!data) throw new Error(`${name} is not in the bundle: ${[...files.keys()].join(', ')}`);
  return data.toString('utf8');
};

describe('exportDiagnostics', () => {
  it('bundles the rotated logs, sanitized config, outbox counts, recent errors and about.json', async () => {
    writeLogs(join(temp.dir, 'data'));
    const logNames = readdirSync(join(temp.dir, 'data', 'logs')).sort();
    expect(logNames.length).toBeGreaterThan(1); // rotation happened

    const { result, files, outPath } = await exportWith();

    expect([...files.keys()].sort()).toEqual([...logNames.map((name) => `logs/${name}`), 'about.json', 'config.json', 'outbox-counts.json', 'recent-errors.json'].sort());
    expect(result).toMatchObject({ path: outPath, files: [...files.keys()] });
    expect(existsSync(`${outPath}.partial`)).toBe(false);
    expect(JSON.parse(text(files, 'outbox-counts.json'))).toMatchObject({ counts: { pending: 1 }, unsentRows: 1, full: false });
    expect(JSON.parse(text(files, 'recent-errors.json'))).toMatchObject([{ name: 'Error', message: 'Graph 401 while using [redacted]' }, { deviceId: 'codec-2' }]);
    const about = JSON.parse(text(files, 'about.json'));
    expect(about).toMatchObject({ version: APP_VERSION, createdAt: NOW.toISOString(), platform: process.platform, versions: { node: process.versions.node, electron: null } });
    expect(about.database.migrations.length).toBeGreaterThan(0);
    // The bundle as support opens it: Info-ZIP checks every entry's CRC.
    expect(execFileSync('unzip', ['-t', outPath], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('removes every secret from config.json but keeps env names, ids, rooms and URLs', async () => {
    const { files } = await exportWith();
    const config = JSON.parse(text(files, 'config.json'));
    expect(config.credential).toEqual({ type: 'secret', secret: '[removed]' });
    expect(config.rooms[0].devices[0]).toMatchObject({ username: 'admin', password: '[removed]', url: 'https://10.0.0.20' });
    expect(config.rooms[1].devices[0].password).toEqual({ env: 'VTC_ROOM2_PASSWORD' });
    expect(config.tenantId).toBe(secretConfig.tenantId);
    expect(config.endpoints.graph).toBe('https://graph.example.test/');
  });

  it('keeps certificate and key paths but not the key passphrase', async () => {
    const certificate = { type: 'certificate', certificatePath: '/etc/vtc/app.crt', privateKeyPath: '/etc/vtc/app.key', privateKeyPassphrase: PASSPHRASE };
    const { files } = await exportWith({ config: configWith(certificate) });
    expect(JSON.parse(text(files, 'config.json')).credential).toEqual({ ...certificate, privateKeyPassphrase: '[removed]' });
  });

  it('lets no known secret through in any file, not even one a log line leaked before redaction', async () => {
    writeLogs(join(temp.dir, 'data'));
    const { files } = await exportWith();
    for (const [name, data] of files) {
      for (const secret of [...SECRETS, 'proxy-pass-7788']) expect(data.toString('utf8'), `${name} holds ${secret}`).not.toContain(secret);
    }
    expect(text(files, 'logs/monitor.log')).toContain('early failure: password [redacted] refused');
  });

  it('exports without logs when none were written yet', async () => {
    const { files } = await exportWith();
    expect([...files.keys()].filter((name) => name.startsWith('logs/'))).toEqual([]);
    expect(JSON.parse(text(files, 'about.json')).logFiles).toBe(0);
  });
});

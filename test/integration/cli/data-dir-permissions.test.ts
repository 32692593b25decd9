/**
 * The data directory holds the outbox (rooms, call ids, device addresses) and the logs: on POSIX only its
 * owner may read it. A fresh `run` (child process, default umask) creates it 0700 with 0600 files, and a
 * directory an older version left 0755 / 0644 is tightened when the agent opens it.
 */
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDiagnostics } from '../../../electron/core/diagnostics';
import { openDatabase } from '../../../electron/core/db/database';
import { createFileLogSink } from '../../../electron/core/log/file-sink';
import { createOutbox } from '../../../electron/core/outbox';
import { appConfigSchema } from '../../../shared/config/schema';
import { startAgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('data directory permissions (POSIX)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('vtc-perms-');
  });
  afterEach(() => temp.cleanup());

  it('a fresh run creates the data directory 0700 and every file in it 0600', async () => {
    const dataDir = join(temp.dir, 'fresh', 'data');
    const configFile = join(temp.dir, 'config.json');
    writeFileSync(configFile, '{}\n');
    const agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['data-dir', 'ingest']);
    try {
      expect(modeOf(dataDir)).toBe('700');
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['vtc-quality.sqlite', 'vtc-quality.sqlite-wal', 'agent.json']));
      for (const file of files) expect([file, modeOf(join(dataDir, file))]).toEqual([file, '600']);
    } finally {
      expect(await agent.stop()).toBe(0);
    }
  }, 60_000);

  it('tightens a directory, database and log an older version left world-readable; logs and exports are 0600', async () => {
    const dataDir = join(temp.dir, 'old');
    mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    openDatabase(dataDir).close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'vtc-quality.sqlite'), 0o644);
    writeFileSync(join(dataDir, 'logs', 'monitor.log'), 'old line\n', { mode: 0o644 });
    chmodSync(join(dataDir, 'logs'), 0o755);

    const db = openDatabase(dataDir);
    const log = createFileLogSink({ dir: join(dataDir, 'logs') });
    log('a new line');
    const exported = await exportDiagnostics({
      dataDir,
      db,
      config: appConfigSchema.parse({}),
      outboxStats: createOutbox(db).stats(),
      recentErrors: [],
      outPath: join(dataDir, 'diagnostics', 'support.zip'),
      appVersion: 'test',
    });
    db.close();

    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(join(dataDir, 'vtc-quality.sqlite'))).toBe('600');
    expect(modeOf(join(dataDir, 'logs'))).toBe('700');
    expect(modeOf(join(dataDir, 'logs', 'monitor.log'))).toBe('600');
    expect(modeOf(join(dataDir, 'diagnostics'))).toBe('700');
    expect(modeOf(exported.path)).toBe('600');
  });
});

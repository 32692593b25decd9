/**
 * "Export diagnostics": one .zip a room-PC operator can mail to support, holding the rotating
 * log files, the configuration with every secret removed, the outbox counts, the recent errors and what
 * the app runs on. Secrets are kept out twice: the configuration is sanitized field by field, and every
 * file in the bundle then passes through a Redactor that knows the configuration's resolved secrets (and
 * the running logger's, when given), so a secret that slipped into a log line or an error is masked too.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { arch, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../../../shared/config/schema';
import { APP_VERSION } from '../app/version';
import { registerConfigSecrets } from '../config/secrets';
import type { Db } from '../db/database';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../data-dir/private-files';
import { Redactor } from '../log/redact';
import type { OutboxStats } from '../outbox/types';
import { configForDiagnostics } from './sanitize-config';
import { createZip, type ZipEntry } from './zip';
import { num } from '../../../shared/json';
import { errorCode } from '../../../shared/error-message';

export interface DiagnosticsInput {
  /** The installation's data directory; its logs/ folder is bundled. */
  dataDir: string;
  db: Db;
  config: AppConfig;
  outboxStats: OutboxStats;
  /** Most recent last; serialised as given (after redaction). */
  recentErrors: readonly unknown[];
  outPath: string;
  now?: () => Date;
  /** The running logger's redactor: every secret it knows is masked in every file of the bundle. */
  redactor?: Redactor;
  appVersion?: string;
  /** Where `{ "env": "NAME" }` secrets are resolved, to mask their values. */
  env?: NodeJS.ProcessEnv;
}

export interface DiagnosticsResult {
  path: string;
  sizeBytes: number;
  files: string[];
}

export const LOGS_DIR_NAME = 'logs';

export async function exportDiagnostics(input: DiagnosticsInput): Promise<DiagnosticsResult> {
  const now = input.now ?? (() => new Date());
  const createdAt = now();
  const redactor = new Redactor();
  registerConfigSecrets(input.config, redactor, input.env ?? process.env);
  const mask = (text: string): string => (input.redactor ? input.redactor.redactText(redactor.redactText(text)) : redactor.redactText(text));
  const json = (value: unknown): Buffer => Buffer.from(mask(`${JSON.stringify(value, null, 2)}\n`), 'utf8');

  const logs = await readLogFiles(join(input.dataDir, LOGS_DIR_NAME));
  const entries: ZipEntry[] = [
    ...logs.map((log) => ({ name: `${LOGS_DIR_NAME}/${log.name}`, data: Buffer.from(mask(log.text), 'utf8') })),
    { name: 'config.json', data: json(configForDiagnostics(input.config)) },
    { name: 'outbox-counts.json', data: json(input.outboxStats) },
    { name: 'recent-errors.json', data: json(input.recentErrors.map((error) => (error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error))) },
    { name: 'about.json', data: json(about(input, createdAt, logs.length)) },
  ];

  const zip = await createZip(entries, createdAt);
  // Written beside the target and renamed: a crash never leaves a half zip under the final name.
  await mkdir(dirname(input.outPath), { recursive: true, mode: PRIVATE_DIR_MODE });
  const partial = `${input.outPath}.partial`;
  try {
    // The zip holds the logs and configuration: owner-only until the operator hands it to support.
    await writeFile(partial, zip, { mode: PRIVATE_FILE_MODE });
    await rename(partial, input.outPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path: input.outPath, sizeBytes: zip.length, files: entries.map((entry) => entry.name) };
}

/** The rotating log files (monitor.log, monitor.1.log, …); none yet is not an error. */
async function readLogFiles(dir: string): Promise<Array<{ name: string; text: string }>> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.log')).map((entry) => entry.name);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(names.sort().map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

function about(input: DiagnosticsInput, createdAt: Date, logFileCount: number): Record<string, unknown> {
  return {
    app: 'VTC Quality Monitor',
    version: input.appVersion ?? APP_VERSION,
    createdAt: createdAt.toISOString(),
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    versions: { node: process.versions.node, electron: process.versions['electron'] ?? null, chrome: process.versions['chrome'] ?? null },
    dataDir: input.dataDir,
    logFiles: logFileCount,
    database: databaseFacts(input.db),
  };
}

/** Schema history and size: what support asks first when the outbox misbehaves. */
function databaseFacts(db: Db): Record<string, unknown> {
  const pageCount = num(db.pragma('page_count', { simple: true })) ?? 0;
  const pageSizeBytes = num(db.pragma('page_size', { simple: true })) ?? 0;
  const freePages = num(db.pragma('freelist_count', { simple: true })) ?? 0;
  const migrations = db.prepare('SELECT id, name, applied_at AS appliedAt FROM schema_migrations ORDER BY id').all();
  return {
    sizeBytes: pageCount * pageSizeBytes,
    freeBytes: freePages * pageSizeBytes,
    journalMode: db.pragma('journal_mode', { simple: true }),
    migrations,
  };
}

/**
 * The one SQLite database of an installation (design rule 3). The core owns it; callers pass the data
 * directory (Electron's userData, or the agent's --data-dir), never a path inside the app bundle.
 *
 * WAL lets the CLI read while the agent writes. synchronous=FULL: a report acknowledged with 202 must survive
 * not only a process crash (NORMAL already does in WAL mode) but a power cut of the room PC, which NORMAL does
 * not promise for the last transactions. bench/outbox-enqueue measures what FULL costs against NORMAL.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makePrivateDir, makePrivateFile, tightenFile } from '../data-dir/private-files';
import { applyMigrations } from './migrate';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;
export type Synchronous = 'FULL' | 'NORMAL';

export const DATABASE_FILE_NAME = 'vtc-quality.sqlite';

export interface OpenDatabaseOptions {
  synchronous?: Synchronous;
  readonly?: boolean;
  /** Tests inject a migration list to prove the history checks; production uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** Clock for backup file names. */
  now?: () => Date;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  makePrivateDir(dataDir);
  const path = databasePath(dataDir);
  // SQLite creates the -wal and -shm files with the database file's own mode: a 0600 database keeps them private.
  if (!options.readonly) {
    makePrivateFile(path);
    for (const suffix of ['-wal', '-shm']) tightenFile(path + suffix);
  }
  const db = new Database(path, { readonly: options.readonly ?? false, timeout: 5_000 });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    // A writer from another process (CLI resubmit while the agent runs) waits instead of failing at once.
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      applyMigrations(db, options.migrations ?? MIGRATIONS, { backupDir: dataDir, now: options.now ?? (() => new Date()) });
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

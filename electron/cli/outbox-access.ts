/**
 * Opens the agent's database for one shell command (`status`, `reports …`, `tokens …`) and closes it after.
 * Safe beside a running agent: the outbox does every write in one IMMEDIATE transaction and WAL lets the
 * agent keep reading (electron/core/outbox/outbox.ts). These commands never start a sync worker and never
 * call recoverInFlight: only the running agent sends, and only it may take back in-flight reports.
 */
import { existsSync } from 'node:fs';
import { databasePath, openDatabase, type Db } from '../core/db/database';
import { createOutbox, type Outbox } from '../core/outbox';
import { outboxLimitsOf } from '../core/app/outbox-limits';
import type { CommandContext } from './context';

/** A command that only reads (or changes existing reports) must not create a database in a mistyped directory. */
export class NoDatabaseError extends Error {
  constructor(dataDir: string) {
    super(`no database in ${dataDir}: the agent has not run with this data directory (pass the --data-dir that \`run\` uses)`);
    this.name = 'NoDatabaseError';
  }
}

export function hasDatabase(dataDir: string): boolean {
  return existsSync(databasePath(dataDir));
}

/** Runs `fn` with the database open; `create: false` (the default) throws NoDatabaseError when there is none. */
export function withDatabase<T>(dataDir: string, fn: (db: Db) => T, options: { create?: boolean } = {}): T {
  if (!options.create && !hasDatabase(dataDir)) throw new NoDatabaseError(dataDir);
  const db = openDatabase(dataDir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Runs `fn` with an outbox over the existing database, bounded by the configured limits like the agent's. */
export function withOutbox<T>(context: CommandContext, fn: (outbox: Outbox) => T): T {
  return withDatabase(context.dataDir, (db) => fn(createOutbox(db, { limits: outboxLimitsOf(context.config) })));
}

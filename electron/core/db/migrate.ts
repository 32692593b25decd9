/**
 * Numbered, immutable migrations (../shared/design/examples-to-follow.md #8). Each runs in its own transaction and is recorded
 * with the SHA-256 of its SQL. On start the recorded history must be a prefix of the code's list with the
 * same hashes: an edited or unknown migration means this database was written by other code, so we refuse
 * to touch it and leave a backup copy beside it. We never delete or "repair" an operator's data.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index';
import { makePrivateFile } from '../data-dir/private-files';

export class MigrationHistoryError extends Error {
  constructor(
    message: string,
    readonly backupPath: string,
  ) {
    super(`${message}. The database was not changed; a copy was saved to ${backupPath}.`);
    this.name = 'MigrationHistoryError';
  }
}

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

interface AppliedRow {
  id: number;
  name: string;
  sha256: string;
}

export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { backupDir: string; now: () => Date },
): number[] {
  assertNumbering(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  // The SELECT names exactly AppliedRow's columns.
  const applied = db.prepare('SELECT id, name, sha256 FROM schema_migrations ORDER BY id').all() as AppliedRow[];

  const problem = findHistoryProblem(applied, migrations);
  if (problem) {
    const backupPath = join(options.backupDir, `vtc-quality.backup-${options.now().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    makePrivateFile(backupPath);
    db.exec(`VACUUM INTO '${backupPath.replaceAll("'", "''")}'`);
    throw new MigrationHistoryError(problem, backupPath);
  }

  const record = db.prepare('INSERT INTO schema_migrations (id, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  const done: number[] = [];
  for (const migration of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, migrationHash(migration), options.now().toISOString());
    })();
    done.push(migration.id);
  }
  return done;
}

function findHistoryProblem(applied: AppliedRow[], migrations: readonly Migration[]): string | undefined {
  for (const [index, row] of applied.entries()) {
    const known = migrations[index];
    if (!known || known.id !== row.id) {
      return `Migration ${row.id} (${row.name}) is recorded in the database but unknown to this version of the app (a newer version wrote it)`;
    }
    if (migrationHash(known) !== row.sha256) {
      return `Migration ${row.id} (${row.name}) was edited after it was applied: history is immutable`;
    }
  }
  return undefined;
}

function assertNumbering(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) throw new Error(`Migrations must be numbered 1..n without gaps; found ${migration.id} at position ${index + 1}`);
  });
}

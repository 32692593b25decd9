import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../electron/core/db/database';
import { MigrationHistoryError } from '../../../electron/core/db/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/core/db/migrations/index';
import { makeTempDir } from '../../support/temp-dir';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function tempDir(): string {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  return dir;
}

const first: Migration = { id: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
const second: Migration = { id: 2, name: 'second', sql: 'CREATE TABLE b (y TEXT) STRICT;' };

describe('database', () => {
  it('opens in WAL mode with synchronous FULL and applies every migration once', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    again.close();
  });

  it('declares every table STRICT', () => {
    const db = openDatabase(tempDir());
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT\s*$/);
    db.close();
  });

  it('applies only the new migrations of a later version', () => {
    const dir = tempDir();
    openDatabase(dir, { migrations: [first] }).close();
    const db = openDatabase(dir, { migrations: [first, second] });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('a','b')").pluck().get()).toBe(2);
    db.close();
  });

  it('refuses an edited history, keeps the data and leaves a backup copy', () => {
    const dir = tempDir();
    const db = openDatabase(dir, { migrations: [first] });
    db.prepare('INSERT INTO a (x) VALUES (42)').run();
    db.close();
    const edited: Migration = { ...first, sql: 'CREATE TABLE a (x INTEGER, z TEXT) STRICT;' };
    let thrown: unknown;
    try {
      openDatabase(dir, { migrations: [edited], now: () => new Date('2026-11-23T10:00:00Z') });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MigrationHistoryError);
    expect((thrown as Error).message).toMatch(/Migration 1 \(first\) was edited/);
    const backup = (thrown as MigrationHistoryError).backupPath;
    expect(existsSync(backup)).toBe(true);
    for (const file of [databasePath(dir), backup]) {
      const check = new Database(file, { readonly: true });
      expect(check.prepare('SELECT x FROM a').pluck().get()).toBe(42);
      check.close();
    }
  });

  it('refuses a database written by a newer version (unknown migration)', () => {
    const dir = tempDir();
    openDatabase(dir, { migrations: [first, second] }).close();
    expect(() => openDatabase(dir, { migrations: [first] })).toThrow(/unknown to this version/);
    expect(readdirSync(dir).some((name) => name.startsWith('vtc-quality.backup-'))).toBe(true);
    expect(existsSync(join(dir, 'vtc-quality.sqlite'))).toBe(true);
  });

  it('rejects a migration list with gaps', () => {
    expect(() => openDatabase(tempDir(), { migrations: [first, { ...second, id: 3 }] })).toThrow(/numbered 1..n/);
  });

  it('rolls back a migration that fails halfway', () => {
    const dir = tempDir();
    const broken: Migration = { id: 2, name: 'broken', sql: 'CREATE TABLE c (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' };
    expect(() => openDatabase(dir, { migrations: [first, broken] })).toThrow(/no such table: nowhere/);
    const db = openDatabase(dir, { migrations: [first] });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
    db.close();
  });
});

// Ingest tokens (electron/core/tokens): created once, stored hashed, verified in constant time, revocable.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { createTokenStore, TokenNameError, TokenNameTakenError, TOKEN_PREFIX } from '../../../electron/core/tokens/index';
import { hashToken } from '../../../electron/core/tokens/token-secret';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function openTempDb(): { db: Db; dir: string } {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(dir);
  cleanups.push(() => {
    db.close();
    cleanup();
  });
  return { db, dir };
}

describe('token store', () => {
  it('creates a prefixed 256-bit token and stores only its SHA-256', () => {
    const { db } = openTempDb();
    const store = createTokenStore(db, { now: () => Date.UTC(2026, 10, 23, 10, 0) });
    const { name, token } = store.create('gateway-1');
    expect(name).toBe('gateway-1');
    expect(token).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    const rows = db.prepare('SELECT * FROM ingest_tokens').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_sha256).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token.slice(TOKEN_PREFIX.length));
    expect(store.list()).toEqual([{ name: 'gateway-1', createdAt: '2026-11-23T10:00:00.000Z', revoked: false }]);
  });

  it('gives every token a different secret', () => {
    const { db } = openTempDb();
    const store = createTokenStore(db);
    const tokens = new Set(Array.from({ length: 20 }, (_, i) => store.create(`sender-${i}`).token));
    expect(tokens.size).toBe(20);
  });

  it('verifies the right token, records its use at most once a minute, and nothing else', () => {
    const { db } = openTempDb();
    let nowMs = Date.UTC(2026, 10, 23, 10, 0);
    const store = createTokenStore(db, { now: () => nowMs });
    const a = store.create('a');
    const b = store.create('b');
    expect(store.verify(a.token)).toBe('a');
    expect(store.verify(b.token)).toBe('b');
    expect(store.list().find((t) => t.name === 'a')?.lastUsedAt).toBe('2026-11-23T10:00:00.000Z');
    nowMs += 30_000;
    store.verify(a.token);
    expect(store.list().find((t) => t.name === 'a')?.lastUsedAt).toBe('2026-11-23T10:00:00.000Z');
    nowMs += 30_000;
    store.verify(a.token);
    expect(store.list().find((t) => t.name === 'a')?.lastUsedAt).toBe('2026-11-23T10:01:00.000Z');
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['empty', ''],
    ['a number', 42],
    ['an object', {}],
    ['the prefix only', TOKEN_PREFIX],
    ['a random token', `${TOKEN_PREFIX}${'A'.repeat(43)}`],
    ['the stored hash itself', 'HASH'],
    ['a megabyte', 'x'.repeat(1_000_000)],
  ])('refuses %s', (_name, candidate) => {
    const { db } = openTempDb();
    const store = createTokenStore(db);
    const { token } = store.create('gateway');
    const presented = candidate === 'HASH' ? hashToken(token) : candidate;
    expect(store.verify(presented)).toBeUndefined();
  });

  it('revokes: the token stops working at once, also for another connection to the same database', () => {
    const { db, dir } = openTempDb();
    const store = createTokenStore(db);
    const { token } = store.create('gateway');
    const cli = openDatabase(dir);
    expect(createTokenStore(cli).revoke('gateway')).toEqual({ revoked: true });
    cli.close();
    expect(store.verify(token)).toBeUndefined();
    expect(store.revoke('gateway')).toEqual({ revoked: false, reason: 'already_revoked' });
    expect(store.revoke('nobody')).toEqual({ revoked: false, reason: 'not_found' });
    expect(store.list()).toMatchObject([{ name: 'gateway', revoked: true }]);
  });

  it('refuses a duplicate name, also of a revoked token', () => {
    const { db } = openTempDb();
    const store = createTokenStore(db);
    store.create('gateway');
    expect(() => store.create('gateway')).toThrow(TokenNameTakenError);
    store.revoke('gateway');
    expect(() => store.create('gateway')).toThrow(/revoked/);
  });

  it.each(['', 'a'.repeat(65), 'has space', 'slash/name', 'semi;colon', 'ümlaut', 'new\nline', '../etc'])('refuses the name %j', (name) => {
    const { db } = openTempDb();
    expect(() => createTokenStore(db).create(name)).toThrow(TokenNameError);
  });

  it.each(['a', 'A'.repeat(64), 'room-pc.b2', 'gateway_1'])('accepts the name %j', (name) => {
    const { db } = openTempDb();
    expect(createTokenStore(db).create(name).name).toBe(name);
  });
});

/**
 * `tokens create|list|revoke`: the token is printed once and works with the store the ingest server
 * verifies against; `list` never shows it; `revoke` stops it at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database';
import { createTokenStore } from '../../../electron/core/tokens';
import type { IngestTokenView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from './run-agent';

describe('tokens', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('vtc-cli-tokens-');
  });
  afterEach(() => temp.cleanup());

  const agent = (...args: string[]) => runAgent([...args, '--data-dir', temp.dir]);
  /** What the ingest server asks on every request. */
  const verify = (token: string): string | undefined => {
    const db = openDatabase(temp.dir);
    try {
      return createTokenStore(db).verify(token);
    } finally {
      db.close();
    }
  };
  const create = async (name: string): Promise<string> => {
    const result = await agent('tokens', 'create', '--name', name);
    expect(result.code).toBe(0);
    return /^token: (vtcq_\S+)$/m.exec(result.stdout())![1]!;
  };

  it('create prints a vtcq_ token once, with how to send it, and the ingest server accepts it', async () => {
    // A fresh data directory: tokens are made before the agent's first run.
    const result = await agent('tokens', 'create', '--name', 'gateway-1');
    expect(result.code).toBe(0);
    const token = /^token: (vtcq_[A-Za-z0-9_-]{43})$/m.exec(result.stdout())?.[1];
    expect(token).toBeDefined();
    expect(result.stdout()).toMatch(/^name: gateway-1$/m);
    expect(result.stdout()).toContain(`Authorization: Bearer ${token}`);
    expect(result.stdout()).toContain('http://127.0.0.1:8790/api/v1/reports');
    expect(result.err).toEqual([]);
    expect(verify(token!)).toBe('gateway-1');
  });

  it('create --json prints { name, token }', async () => {
    const result = await agent('tokens', 'create', '--name', 'room-pc.b2', '--json');
    const created = result.json<{ name: string; token: string }>();
    expect(created.name).toBe('room-pc.b2');
    expect(verify(created.token)).toBe('room-pc.b2');
  });

  it('list shows names, states and dates but never a token value', async () => {
    const first = await create('gateway-1');
    const second = await create('gateway-2');
    const table = await agent('tokens', 'list');
    expect(table.code).toBe(0);
    expect(table.out[0]).toMatch(/^NAME\s+STATE\s+CREATED\s+LAST USED$/);
    expect(table.out.slice(1)).toEqual([expect.stringMatching(/^gateway-1\s+active\s+\S+\s+never$/), expect.stringMatching(/^gateway-2\s+active\s+\S+\s+never$/)]);
    const json = await agent('tokens', 'list', '--json');
    const views = json.json<IngestTokenView[]>();
    expect(views.map((view) => Object.keys(view).sort())).toEqual([
      ['createdAt', 'name', 'revoked'],
      ['createdAt', 'name', 'revoked'],
    ]);
    for (const output of [table.stdout(), json.stdout()]) {
      expect(output).not.toContain(first);
      expect(output).not.toContain(second);
      expect(output).not.toContain('vtcq_');
    }
  });

  it('revoke stops the token at once and list shows it revoked', async () => {
    const token = await create('gateway-1');
    const result = await agent('tokens', 'revoke', 'gateway-1');
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^revoked: gateway-1/);
    expect(verify(token)).toBeUndefined();
    expect((await agent('tokens', 'list')).out[1]).toMatch(/^gateway-1\s+revoked \S+/);
    const again = await agent('tokens', 'revoke', 'gateway-1');
    expect(again.code).toBe(0);
    expect(again.out).toEqual(['gateway-1 was already revoked']);
  });

  it('revoking an unknown name exits 1 naming it', async () => {
    await create('gateway-1');
    const result = await agent('tokens', 'revoke', 'gateway-9');
    expect(result.code).toBe(1);
    expect(result.stderr()).toContain('no ingest token is named "gateway-9"');
  });

  it('refuses a missing, malformed or taken name with exit status 2 and prints no token', async () => {
    await create('gateway-1');
    const cases: [string[], string][] = [
      [['tokens', 'create'], '--name is required'],
      [['tokens', 'create', '--name', 'has space'], '--name must be 1–64 characters'],
      [['tokens', 'create', '--name', 'gateway-1'], 'A token named "gateway-1" already exists'],
      [['tokens', 'rotate'], 'choose one of create, list, revoke'],
    ];
    for (const [args, message] of cases) {
      const result = await agent(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr()).toContain(message);
      expect(result.stdout()).not.toContain('vtcq_');
    }
    expect((await agent('tokens', 'list', '--json')).json<IngestTokenView[]>()).toHaveLength(1);
  });
});

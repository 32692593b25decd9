import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxInputError, type ReportRecord } from '../../../electron/core/outbox/index';
import { completeQuality, draftQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

describe('outbox queries', () => {
  let f: OutboxFixture;
  beforeEach(() => {
    f = outboxFixture();
  });
  afterEach(() => f.temp.cleanup());

  it('lists newest first, filtered by state, room and time, page by page with a cursor', () => {
    const t0 = f.clock.nowMs;
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(f.outbox.enqueue({ body: i % 2 ? draftQuality() : completeQuality(), source: 'device', roomId: i < 4 ? 'a' : 'b' }).id);
      f.clock.nowMs += 1_000;
    }
    const all: ReportRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = f.outbox.list({ limit: 3, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((r) => r.id)).toEqual([...ids].reverse());

    expect(f.outbox.list({ state: 'needs_context' }).items.map((r) => r.id)).toEqual([ids[5], ids[3], ids[1]]);
    expect(f.outbox.list({ roomId: 'a', state: 'pending' }).items.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect(f.outbox.list({ fromMs: t0 + 2_000, toMs: t0 + 4_000 }).items.map((r) => r.id)).toEqual([ids[3], ids[2]]);
    expect(f.outbox.list({ limit: 7 }).nextCursor).toBeUndefined();
    expect(f.outbox.list({ limit: 6 }).nextCursor).toBeDefined();
  });

  it('pages correctly through reports created in the same millisecond', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10; i += 1) ids.add(f.outbox.enqueue({ body: completeQuality(), source: 'device' }).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = f.outbox.list({ limit: 4, cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen)).toEqual(ids);
  });

  it('refuses a cursor it did not make', () => {
    expect(() => f.outbox.list({ cursor: 'garbage' })).toThrow(OutboxInputError);
  });

  it('get returns the body and every attempt; unknown ids are undefined', () => {
    const { id } = f.outbox.enqueue({ body: completeQuality('x'), source: 'ingest' });
    const [c] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markRetry(c!, f.clock.nowMs, { kind: 'timeout', code: 'timeout', message: 'slow', durationMs: 30_000 });
    const [c2] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markSent(c2!, { status: 200, durationMs: 5 });
    const detail = f.outbox.get(id)!;
    expect(detail.attempts.map((a) => [a.attemptNo, a.outcome])).toEqual([
      [1, 'retry'],
      [2, 'sent'],
    ]);
    expect(f.outbox.get('missing')).toBeUndefined();
  });

  it('reports the backlog age from the oldest waiting report', () => {
    f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    f.clock.nowMs += 90_000;
    f.outbox.enqueue({ body: draftQuality(), source: 'ingest' });
    expect(f.outbox.stats().oldestWaitingAgeMs).toBe(90_000);
  });
});

describe('outbox queries with a large backlog', () => {
  let f: OutboxFixture;
  beforeAll(() => {
    f = outboxFixture();
    // 100,000 rows inserted directly (one transaction): what matters here is the plans, not the bodies.
    const insert = f.temp.db.prepare(`INSERT INTO reports (id, state, body_json, body_bytes, source, room_id, created_at,
      submitted_at, updated_at, next_attempt_at) VALUES (?, ?, '{}', 2, 'device', ?, ?, ?, ?, ?)`);
    const states = ['pending', 'sent', 'failed', 'needs_context'];
    f.temp.db.transaction(() => {
      for (let i = 0; i < 100_000; i += 1) {
        const at = f.clock.nowMs - i * 1_000;
        insert.run(`r${String(i).padStart(6, '0')}`, states[i % 4], `room${i % 50}`, at, at, at, at);
      }
    })();
  }, 60_000);
  afterAll(() => f.temp.cleanup());

  function plan(sql: string, ...params: unknown[]): string {
    return (f.temp.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
  }

  it('claims, lists and counts through indexes, without sorting or scanning the table', () => {
    const plans = [
      plan("SELECT id FROM reports WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 4", 0),
      plan("SELECT id FROM reports WHERE state = ? ORDER BY created_at DESC, id DESC LIMIT 50", 'failed'),
      plan('SELECT id FROM reports WHERE room_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT 50', 'room1', 0, 0, ''),
      plan('SELECT id FROM reports ORDER BY created_at DESC, id DESC LIMIT 50'),
      plan("SELECT created_at FROM reports WHERE state = 'pending' ORDER BY created_at LIMIT 1"),
    ];
    for (const p of plans) {
      expect(p).toMatch(/USING (COVERING )?INDEX/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('pages deep into the backlog as fast as at its start (keyset paging, no OFFSET scan)', () => {
    let cursor: string | undefined;
    const pageMs: number[] = [];
    for (let page = 0; page < 40; page += 1) {
      const started = performance.now();
      cursor = f.outbox.list({ state: 'sent', limit: 500, cursor }).nextCursor;
      pageMs.push(performance.now() - started);
    }
    expect(cursor).toBeDefined();
    const counts = f.outbox.stats();
    expect(counts.unsentRows).toBe(75_000);
    // A ratio of the same machine's timings, not an absolute bound: page 31–40 cost about what page 1–10 did
    // (an OFFSET scan would make the last pages ~4–7× slower). The medians and the 1 ms floor absorb noise.
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    expect(median(pageMs.slice(30))).toBeLessThan(3 * median(pageMs.slice(0, 10)) + 1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../electron/core/outbox/index';
import { completeQuality, draftQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

describe('expiry by age and purge after retention', () => {
  let f: OutboxFixture;
  beforeEach(() => {
    f = outboxFixture();
  });
  afterEach(() => f.temp.cleanup());

  it('expires pending and needs_context reports older than 7 days → failed, reason expired', () => {
    const pending = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' }).id;
    const waiting = f.outbox.enqueue({ body: draftQuality(), source: 'device' }).id;
    f.clock.nowMs += 7 * DAY_MS;
    expect(f.outbox.expire()).toEqual([]);
    f.clock.nowMs += 1;
    expect(f.outbox.expire().sort()).toEqual([pending, waiting].sort());
    expect(f.outbox.get(pending)).toMatchObject({ state: 'failed', failedReason: 'expired', lastError: { code: 'expired' } });
    expect(f.outbox.get(pending)!.lastError!.message).toMatch(/maximum age of 7 days/);
  });

  it('leaves in-flight reports to their answer', () => {
    const id = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' }).id;
    f.outbox.claimDue(1, f.clock.nowMs);
    f.clock.nowMs += 8 * DAY_MS;
    expect(f.outbox.expire()).toEqual([]);
    expect(f.outbox.get(id)!.state).toBe('in_flight');
  });

  it('a resubmitted report gets a full new age allowance', () => {
    const id = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' }).id;
    f.clock.nowMs += 8 * DAY_MS;
    f.outbox.expire();
    f.outbox.resubmit({ ids: [id] });
    f.clock.nowMs += 6 * DAY_MS;
    expect(f.outbox.expire()).toEqual([]);
    f.clock.nowMs += DAY_MS + 1;
    expect(f.outbox.expire()).toEqual([id]);
  });

  it('purges sent and discarded reports 30 days later, with their attempts; keeps the rest', () => {
    const sent = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' }).id;
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markSent(claim!, { status: 200, durationMs: 1 });
    const discarded = f.outbox.enqueue({ body: draftQuality(), source: 'device' }).id;
    f.outbox.discard([discarded], 'no call');
    const failed = f.outbox.enqueue({ body: draftQuality(), source: 'device' }).id;
    f.clock.nowMs += 30 * DAY_MS;
    expect(f.outbox.purge()).toBe(0);
    f.clock.nowMs += 1;
    f.outbox.expire();
    expect(f.outbox.purge()).toBe(2);
    expect(f.outbox.get(sent)).toBeUndefined();
    expect(f.outbox.get(discarded)).toBeUndefined();
    expect(f.outbox.get(failed)!.state).toBe('failed');
    expect(f.temp.db.prepare('SELECT COUNT(*) AS n FROM report_attempts').get()).toEqual({ n: 0 });
    expect(f.outbox.stats().counts).toMatchObject({ sent: 0, discarded: 0, failed: 1 });
  });

  it('purges in batches larger than one', () => {
    f.temp.db.transaction(() => {
      for (let i = 0; i < 2_500; i += 1) f.outbox.enqueue({ body: draftQuality(), source: 'device' });
    })();
    f.temp.db.prepare("UPDATE reports SET state = 'discarded', discarded_at = created_at").run();
    f.clock.nowMs += 31 * DAY_MS;
    expect(f.outbox.purge()).toBe(2_500);
  });
});

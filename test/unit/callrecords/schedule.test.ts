/**
 * The refresh schedule's timing on a hand-moved clock: a list every interval, records waited for when they
 * fall due, nothing before a Retry-After, never two runs closer than 1 s.
 */
import { describe, expect, it } from 'vitest';
import { createRefreshSchedule } from '../../../electron/core/callrecords/schedule';
import { silentLogger } from '../../../electron/core/log/logger';
import { FakeClock } from '../outbox/support/fake-clock';

function setUp(due: { statusAtMs?: number; notBeforeMs?: number } = {}) {
  const clock = new FakeClock(1_000_000);
  const runs: { list: number[]; recheck: number[] } = { list: [], recheck: [] };
  const schedule = createRefreshSchedule({
    now: clock.now,
    timers: clock,
    refreshIntervalMs: 300_000,
    nextDueAtMs: () => due,
    refreshList: async () => void runs.list.push(clock.now()),
    recheckDue: async () => void runs.recheck.push(clock.now()),
    log: silentLogger(),
  });
  return { clock, runs, schedule, due };
}

describe('refresh schedule', () => {
  it('lists at once, then every interval: 12 lists an hour', async () => {
    const { clock, runs, schedule } = setUp();
    schedule.start();
    await clock.advance(3_600_000);
    expect(runs.list).toHaveLength(13);
    expect(runs.list[1]! - runs.list[0]!).toBe(300_000);
    await schedule.stop();
    await clock.advance(3_600_000);
    expect(runs.list).toHaveLength(13);
  });

  it('wakes for a record falling due before the next list, but not within 1 s of the last run', async () => {
    const { clock, runs, schedule, due } = setUp();
    schedule.start();
    await clock.advance(0);
    due.statusAtMs = clock.now() + 200;
    schedule.wake();
    await clock.advance(999);
    expect(runs.recheck).toHaveLength(1);
    await clock.advance(1);
    expect(runs.recheck).toHaveLength(2);
    expect(runs.list).toHaveLength(1);
  });

  it('nothing runs before a Retry-After', async () => {
    const { clock, runs, schedule, due } = setUp();
    due.notBeforeMs = clock.now() + 600_000;
    schedule.start();
    await clock.advance(599_999);
    expect(runs.list).toHaveLength(0);
    await clock.advance(1);
    expect(runs.list).toHaveLength(1);
  });
});

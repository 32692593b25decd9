/**
 * The storage guard over a real outbox on a real SQLite file: a device report the database refuses (here:
 * locked by another connection, SQLITE_BUSY) is kept and stored in order once writes succeed; a body the
 * tracker built wrong is refused before storage, with the field named in the log and the status.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportIntake } from '../../../electron/core/app/report-intake';
import { createStorageGuard } from '../../../electron/core/app/storage-guard';
import { databasePath, openDatabase } from '../../../electron/core/db/database';
import { createLogger } from '../../../electron/core/log/logger';
import { createOutbox, type EnqueueInput } from '../../../electron/core/outbox';
import type { Timers } from '../../../electron/core/legs';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Timers the test fires by hand: the retry's wait is the guard's business, not the test's clock. */
function manualTimers(): Timers & { fire(): void; pending(): number[] } {
  const queue = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  return {
    setTimeout(callback, ms) {
      queue.set(next, { callback, ms });
      return next++;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') queue.delete(handle);
    },
    fire() {
      const due = [...queue.entries()];
      queue.clear();
      for (const [, timer] of due) timer.callback();
    },
    pending: () => [...queue.values()].map((timer) => timer.ms),
  };
}

function setup() {
  const { dir, cleanup } = makeTempDir('vtc-storage-guard-');
  cleanups.push(cleanup);
  const db = openDatabase(dir, { synchronous: 'NORMAL' });
  cleanups.push(() => db.close());
  db.pragma('busy_timeout = 0'); // a lock refuses at once instead of after 5 s
  // One millisecond per clock read, so the list's newest-first order is the order the reports were stored in
  // (reports stored within one real millisecond would otherwise tie and list by their random ids).
  let clockMs = Date.parse('2026-01-01T00:00:00Z');
  const outbox = createOutbox(db, { now: () => ++clockMs });
  const lines: string[] = [];
  const log = createLogger({ sink: (line) => lines.push(line) });
  const intake = createReportIntake({ outbox, events: { publish: () => undefined }, sync: { notify: () => undefined } });
  const timers = manualTimers();
  const problems: unknown[] = [];
  const guard = createStorageGuard({ intake, log, now: () => Date.parse('2026-01-01T00:00:00Z'), random: () => 0.5, timers, onChange: (problem) => problems.push(problem) });
  cleanups.push(() => guard.close());
  return { dir, db, outbox, lines, guard, timers, problems };
}

function report(deviceName: string): EnqueueInput {
  return {
    source: 'device',
    roomId: 'b30',
    deviceId: 'sx80',
    deviceCallId: '7',
    body: { '@odata.type': '#microsoft.graph.teleconferenceDeviceQuality', deviceName, deviceDescription: 'Building 30', mediaQualityList: [{ '@odata.type': '#microsoft.graph.teleconferenceDeviceAudioQuality', channelIndex: 1, averageInboundPacketLossRateInPercentage: 1 }] },
  };
}

describe('storage guard', () => {
  it('keeps device reports the database refuses and stores them in order once it takes writes', () => {
    const { dir, outbox, lines, guard, timers, problems } = setup();
    const holder = new Database(databasePath(dir));
    holder.exec('BEGIN EXCLUSIVE');
    guard.keepDeviceReport(report('first'));
    guard.keepDeviceReport(report('second'));
    expect(guard.problem()).toMatchObject({ kind: 'busy', code: expect.stringMatching(/^SQLITE_BUSY/), waitingReports: 2 });
    expect(timers.pending()).toHaveLength(1);
    timers.fire(); // still locked: waits again, longer at most
    expect(guard.waiting()).toBe(2);
    expect(lines.filter((line) => line.includes('storage refused a write'))).toHaveLength(1);

    holder.exec('ROLLBACK');
    holder.close();
    timers.fire();
    expect(guard.waiting()).toBe(0);
    expect(guard.problem()).toBeUndefined();
    expect(problems.at(-1)).toBeUndefined();
    const names = outbox.list().items.map((item) => outbox.get(item.id)?.body.deviceName).reverse();
    expect(names).toEqual(['first', 'second']);
    expect(lines.some((line) => line.includes('storage recovered'))).toBe(true);
  });

  it('refuses a malformed tracker body before storage, naming the field in the log and the status', () => {
    const { outbox, lines, guard } = setup();
    const bad = report('Cisco SX80');
    bad.body = { ...bad.body, mediaQualityList: [{ '@odata.type': '#microsoft.graph.teleconferenceDeviceAudioQuality', channelIndex: 1, averageInboundPacketLossRateInPercentage: 150 }] };
    guard.keepDeviceReport(bad);
    expect(outbox.stats().counts.needs_context).toBe(0);
    expect(guard.waiting()).toBe(0);
    const problem = guard.problem();
    expect(problem).toMatchObject({ kind: 'invalid_report', code: 'invalid_report' });
    expect(problem?.message).toContain('mediaQualityList[0].averageInboundPacketLossRateInPercentage');
    const logged = lines.find((line) => line.includes('refused before storage'));
    expect(logged).toContain('mediaQualityList[0].averageInboundPacketLossRateInPercentage');

    guard.keepDeviceReport(report('Cisco SX80'));
    expect(outbox.stats().counts.needs_context).toBe(1);
    expect(guard.problem()).toBeUndefined();
  });
});

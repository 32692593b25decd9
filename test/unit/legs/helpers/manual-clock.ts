/**
 * An injected clock and timers for tests: time moves only when the test says so, and due timers run in
 * order, so throttling, cooldowns and backoff are tested without sleeps.
 */
import type { Timers } from '../../../../electron/core/timers';

export interface ManualClock {
  now: () => number;
  timers: Timers;
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** Delays (from now) of the timers still pending, soonest first. */
  pendingDelays(): number[];
}

export function createManualClock(startMs = Date.parse('2025-03-01T10:00:00Z')): ManualClock {
  let nowMs = startMs;
  let nextId = 0;
  const pending = new Map<number, { atMs: number; callback: () => void }>();
  return {
    now: () => nowMs,
    timers: {
      setTimeout(callback, ms) {
        nextId += 1;
        pending.set(nextId, { atMs: nowMs + Math.max(0, ms), callback });
        return nextId;
      },
      clearTimeout(handle) {
        pending.delete(handle as number);
      },
    },
    advance(ms) {
      const endMs = nowMs + ms;
      for (;;) {
        let dueId: number | undefined;
        let dueAt = Number.POSITIVE_INFINITY;
        for (const [id, timer] of pending) {
          if (timer.atMs <= endMs && timer.atMs < dueAt) {
            dueId = id;
            dueAt = timer.atMs;
          }
        }
        if (dueId === undefined) break;
        const timer = pending.get(dueId)!;
        pending.delete(dueId);
        nowMs = Math.max(nowMs, timer.atMs);
        timer.callback();
      }
      nowMs = endMs;
    },
    pendingDelays: () => [...pending.values()].map((timer) => timer.atMs - nowMs).sort((a, b) => a - b),
  };
}

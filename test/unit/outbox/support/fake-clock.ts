/**
 * A clock and timers the test moves by hand: `advance(ms)` runs every timer that falls due, in order,
 * letting promise callbacks run between them, so a 600 s Retry-After takes no real time.
 */
import type { Timers } from '../../../../electron/core/sync/index';

interface Pending {
  id: number;
  atMs: number;
  callback: () => void;
}

export class FakeClock implements Timers {
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(public nowMs = Date.UTC(2026, 0, 1)) {}

  readonly now = (): number => this.nowMs;

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, atMs: this.nowMs + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** Moves time forward by `ms`, firing due timers in time order. */
  async advance(ms: number): Promise<void> {
    const targetMs = this.nowMs + ms;
    for (;;) {
      await flush();
      const next = [...this.pending].sort((a, b) => a.atMs - b.atMs || a.id - b.id)[0];
      if (!next || next.atMs > targetMs) break;
      this.pending = this.pending.filter((timer) => timer !== next);
      this.nowMs = Math.max(this.nowMs, next.atMs);
      next.callback();
    }
    this.nowMs = targetMs;
    await flush();
  }

  /** When the earliest armed timer fires, or undefined. */
  nextTimerAtMs(): number | undefined {
    return this.pending.reduce<number | undefined>((min, t) => (min === undefined || t.atMs < min ? t.atMs : min), undefined);
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

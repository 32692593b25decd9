/**
 * When the service talks to Graph on its own: one timer, armed for the earliest of (a) the next list
 * refresh, every `refreshIntervalMs`, and (b) the next record waited for (a 404 "not yet" re-check), but
 * never before a Retry-After Graph gave, and never closer than 1 s to the previous run. Each run does at
 * most one list (all its pages) and MAX_RECHECKS_PER_RUN record reads: with the 5-minute default that is
 * a few requests per 5 minutes against Graph's 40 / 20 s (../shared/reference/graph-api.md §4.1).
 */
import type { Logger } from '../log/logger';
import { nodeTimers, type Timers } from '../timers';


const MIN_GAP_MS = 1_000;
const MAX_RECHECKS_PER_RUN = 5;

export interface ScheduleOptions {
  now: () => number;
  timers?: Timers;
  refreshIntervalMs: number;
  nextDueAtMs: () => { statusAtMs?: number; notBeforeMs?: number };
  refreshList(): Promise<void>;
  recheckDue(limit: number): Promise<void>;
  log: Logger;
}

export function createRefreshSchedule(options: ScheduleOptions) {
  const timers = options.timers ?? nodeTimers;
  let handle: unknown;
  let running: Promise<void> | undefined;
  let started = false;
  let nextListAtMs = 0;
  let lastRunAtMs = -Infinity;

  function arm(): void {
    if (!started || running) return;
    if (handle !== undefined) timers.clearTimeout(handle);
    const { statusAtMs, notBeforeMs } = options.nextDueAtMs();
    let atMs = Math.min(nextListAtMs, statusAtMs ?? Infinity);
    atMs = Math.max(atMs, notBeforeMs ?? -Infinity, lastRunAtMs + MIN_GAP_MS);
    handle = timers.setTimeout(run, Math.max(0, atMs - options.now()));
  }

  function run(): void {
    handle = undefined;
    lastRunAtMs = options.now();
    running = (async () => {
      if (options.now() >= nextListAtMs) {
        nextListAtMs = options.now() + options.refreshIntervalMs;
        await options.refreshList().catch(() => undefined); // the service has logged and recorded why
      }
      await options.recheckDue(MAX_RECHECKS_PER_RUN).catch((error: unknown) => options.log.warn('re-checking call records failed', { error: String(error) }));
    })().finally(() => {
      running = undefined;
      arm();
    });
  }

  return {
    start(): void {
      if (started) return;
      started = true;
      nextListAtMs = options.now();
      arm();
    },
    /** Something became due earlier than planned (a report was sent). */
    wake(): void {
      arm();
    },
    async stop(): Promise<void> {
      started = false;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      await running;
    },
  };
}

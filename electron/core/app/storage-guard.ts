/**
 * What happens when the database refuses a write (disk full, locked past busy_timeout, I/O error):
 * - A report this app measured (a device call that ended) is never dropped: nobody else holds a copy. It is
 *   kept in memory, in order, and stored again with exponential backoff and full jitter (0.5 s doubling to
 *   10 s), and at once when another write succeeds; then it is sent like any other report.
 * - The ingest API refuses with 507/503 (ingest/handlers.ts); its sender keeps the report.
 * - The problem is logged once per episode (when it starts and when it ends, not per refused write) and
 *   shown in the sync status (`storage`), the tray and the status bar, with the number of reports waiting.
 * A tracker-built body that fails the Graph schema is refused before storage (report-intake.ts) and shown
 * the same way, as `invalid_report`, until the next device report is stored.
 */
import type { StorageProblemView } from '../../../shared/api/storage';
import type { Logger } from '../log/logger';
import { backoffDelayMs, storageFailureOf, type BackoffPolicy, type EnqueueInput, type StorageFailure } from '../outbox';
import { nodeTimers, type Timers } from '../timers';
import { InvalidReportError, type ReportIntake } from './report-intake';

export const STORAGE_RETRY: BackoffPolicy = { startMs: 500, factor: 2, capMs: 10_000 };
/** Never retry sooner than this, whatever the jitter draws. */
const MIN_RETRY_MS = 100;

export interface StorageGuardOptions {
  intake: Pick<ReportIntake, 'storeReport'>;
  log: Logger;
  now: () => number;
  random?: () => number;
  timers?: Timers;
  retry?: BackoffPolicy;
  /** Called whenever problem() changes (the core republishes the sync status). */
  onChange?: (problem: StorageProblemView | undefined) => void;
  /** Called whenever the reports waiting change (the core keeps a copy on disk for a restart: report-spill.ts). */
  onWaiting?: (waiting: readonly EnqueueInput[]) => void;
}

export interface StorageGuard {
  /** A report this app measured: stored now, or kept and stored once the database takes writes again. */
  keepDeviceReport(input: EnqueueInput): void;
  /** Another write (the ingest API) failed for this reason: the problem is shown, logged once per episode. */
  noteFailure(failure: StorageFailure): void;
  /** Another write succeeded: the episode may be over, and waiting reports are tried at once. */
  noteSuccess(): void;
  problem(): StorageProblemView | undefined;
  /** Device reports kept in memory. */
  waiting(): number;
  /** Tries the waiting reports once, now (at shutdown); returns those still waiting. */
  flush(): EnqueueInput[];
  close(): void;
}

interface Episode {
  failure: StorageFailure;
  sinceMs: number;
}

export function createStorageGuard(options: StorageGuardOptions): StorageGuard {
  const { intake, log, now } = options;
  const timers = options.timers ?? nodeTimers;
  const random = options.random ?? Math.random;
  const policy = options.retry ?? STORAGE_RETRY;
  const queue: EnqueueInput[] = [];
  let episode: Episode | undefined;
  let invalid: { message: string; atMs: number } | undefined;
  let attempt = 0;
  let timer: unknown;
  let closed = false;

  const changed = (): void => options.onChange?.(problem());
  const queueChanged = (): void => options.onWaiting?.(queue);

  function problem(): StorageProblemView | undefined {
    if (episode !== undefined) {
      const { failure, sinceMs } = episode;
      const waiting = queue.length === 0 ? '' : ` ${queue.length} measured report${queue.length === 1 ? ' is' : 's are'} kept in memory and will be stored and sent once it does.`;
      return {
        kind: failure.kind,
        code: failure.code,
        message: `${describe(failure)}${waiting}`,
        since: new Date(sinceMs).toISOString(),
        waitingReports: queue.length,
      };
    }
    if (invalid !== undefined) {
      return { kind: 'invalid_report', code: 'invalid_report', message: invalid.message, since: new Date(invalid.atMs).toISOString(), waitingReports: 0 };
    }
    return undefined;
  }

  function enter(failure: StorageFailure): void {
    if (episode === undefined) {
      episode = { failure, sinceMs: now() };
      log.error('storage refused a write: measured reports are kept in memory and the ingest API answers 507/503 until it recovers', { kind: failure.kind, code: failure.code, error: failure.message });
    } else {
      episode.failure = failure;
    }
    changed();
  }

  function leave(): void {
    if (episode === undefined) return;
    log.info('storage recovered', { code: episode.failure.code, sinceMs: episode.sinceMs, durationMs: now() - episode.sinceMs });
    episode = undefined;
    attempt = 0;
    changed();
  }

  /** Stores one report; returns false when it must wait (storage failure), true when it left the queue. */
  function storeOne(input: EnqueueInput): boolean {
    try {
      const result = intake.storeReport(input);
      log.info('device call reported', { id: result.id, roomId: input.roomId, deviceId: input.deviceId, state: result.state });
      if (invalid !== undefined) {
        invalid = undefined;
        changed();
      }
      return true;
    } catch (error) {
      if (error instanceof InvalidReportError) {
        // A body this app built wrong would only ever get a permanent 400 from Graph: refuse it, loudly.
        log.error('device report refused before storage: its body does not match the Graph schema', { roomId: input.roomId, deviceId: input.deviceId, issues: error.issues, body: input.body });
        invalid = { message: `A report of device ${input.deviceId ?? '?'} in room ${input.roomId ?? '?'} was refused before storage: ${error.message}. This is a bug: export diagnostics and report it.`, atMs: now() };
        changed();
        return true;
      }
      enter(storageFailureOf(error) ?? { kind: 'io', code: codeOf(error), message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  function drain(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    const before = queue.length;
    while (queue.length > 0) {
      const head = queue[0];
      if (head === undefined || !storeOne(head)) break;
      queue.shift();
    }
    if (queue.length !== before) queueChanged();
    if (queue.length === 0) {
      leave();
      return;
    }
    changed();
    schedule();
  }

  function schedule(): void {
    if (closed || timer !== undefined) return;
    attempt += 1;
    timer = timers.setTimeout(() => {
      timer = undefined;
      drain();
    }, Math.max(MIN_RETRY_MS, backoffDelayMs(attempt, random, policy)));
  }

  return {
    keepDeviceReport(input) {
      if (queue.length > 0) {
        // Behind the reports already waiting, so they are stored in the order the calls ended.
        queue.push(input);
        queueChanged();
        drain();
        return;
      }
      if (storeOne(input)) {
        if (episode !== undefined) leave();
        return;
      }
      queue.push(input);
      queueChanged();
      changed();
      schedule();
    },
    noteFailure: enter,
    noteSuccess() {
      if (queue.length > 0) drain();
      else leave();
    },
    problem,
    waiting: () => queue.length,
    flush() {
      if (queue.length > 0) drain();
      return [...queue];
    },
    close() {
      closed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}

function describe(failure: StorageFailure): string {
  if (failure.kind === 'disk_full') return `The disk of the data directory is full (${failure.code}): reports cannot be stored.`;
  if (failure.kind === 'busy') return `The database is locked by another process (${failure.code}): reports cannot be stored.`;
  return `The database refused a write (${failure.code}: ${failure.message}): reports cannot be stored.`;
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
}

/** The sync worker's public interface: what the agent, the Electron shell and the AppApi wire to. */
import type { QualitySender } from '../graph/types';
import type { Logger } from '../log/logger';
import type { BackoffPolicy } from '../outbox/index';
import type { SyncSnapshot } from './status';
import type { Timers } from '../timers';
import type { SyncOutbox } from './worker';

/** Why notify() was called: 'network' ends an offline pause, 'credentials' an auth/permission pause. */
export type WakeReason = 'enqueued' | 'resubmitted' | 'network' | 'credentials';

export interface AttemptEvent {
  reportId: string;
  attemptNo: number;
  clientRequestId: string;
  outcome: 'sent' | 'retry' | 'failed' | 'deferred' | 'interrupted';
  httpStatus?: number;
  code?: string;
  nextAttemptAtMs?: number;
}

export interface SyncEvents {
  /** Status, counts by state, last success, last error, backlog age: at most one per event-loop turn. */
  snapshot: SyncSnapshot;
  /** Every finished attempt. */
  attempt: AttemptEvent;
  /** Reports whose state changed (the AppApi's `reportsChanged`). */
  reportsChanged: { ids: string[] };
}

export interface SyncWorkerOptions {
  outbox: SyncOutbox;
  sender: QualitySender;
  /** Requests in flight at most. Default 4. */
  concurrency?: number;
  /** Requests started per second at most; unlimited when absent. */
  rateLimitPerSecond?: number;
  /** Token-bucket size; default min(concurrency, rate), so a burst never exceeds one second's worth. */
  rateLimitBurst?: number;
  now: () => number;
  random: () => number;
  timers?: Timers;
  log?: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  backoff?: BackoffPolicy;
  /** Longest sleep between looks at the outbox (reports made due by another process). Default 5 s. */
  pollIntervalMs?: number;
  /** How long an auth / permission pause lasts before one probe request. Default 5 min. */
  pausedProbeIntervalMs?: number;
  /** Rejected credentials: the first probe after this, doubling up to pausedProbeIntervalMs. Default 30 s. */
  authProbeStartMs?: number;
  /** Expiry and purge run this often. Default 1 min. */
  maintenanceIntervalMs?: number;
  /** Put in_flight rows back to pending at start (only the one process that sends may). Default true. */
  recoverOnStart?: boolean;
}

export interface SyncWorker {
  start(): void;
  /** Stops taking work, waits for in-flight requests up to timeoutMs (default 10 s), leaves the rest pending. */
  stop(options?: { timeoutMs?: number }): Promise<{ interrupted: number }>;
  notify(reason?: WakeReason): void;
  /** The operator's pause (AppApi setSyncPaused): nothing is sent until resume(). */
  pause(): void;
  resume(): void;
  snapshot(): SyncSnapshot;
  on<E extends keyof SyncEvents>(event: E, listener: (payload: SyncEvents[E]) => void): () => void;
  /** Resolves when nothing is in flight and nothing is due (or the worker is paused or stopped). */
  whenIdle(): Promise<void>;
}

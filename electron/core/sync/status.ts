/**
 * What the worker tells the UI, the tray and `status` (../shared/design/contracts.md): its state in the AppApi's words
 * (shared/api/states.ts SyncState) plus a one-line reason an operator can act on, e.g.
 * "paused: missing permission Calls.AccessMedia.All".
 */
import type { OutboxStats, ReportState, SyncLastError, SyncStatusRecord } from '../outbox/index';
import type { PauseCause } from './classify';
import type { SyncState } from '../../../shared/api/states';

/** Defined beside the saved record it is part of; re-exported for the worker's callers. */
export type { SyncLastError };
/** The UI's word for the worker's state (shared/api/states.ts), re-exported for the worker's callers. */
export type { SyncState };

export interface RoutePause {
  cause: PauseCause;
  /** When the worker tries again on its own (throttled: Retry-After; others: the next probe). */
  untilMs: number;
  message: string;
  permission?: string;
  /** throttled: the server's own Retry-After, kept when the ceiling cut it so the operator sees both. */
  retryAfterMs?: number;
}

export interface SyncSnapshot {
  state: SyncState;
  /** One line: "sending", "idle", "paused: missing permission Calls.AccessMedia.All", … */
  reason: string;
  pause?: RoutePause;
  pausedByOperator: boolean;
  inFlight: number;
  counts: Record<ReportState, number>;
  unsentRows: number;
  unsentBytes: number;
  /** Unsent as a share of the nearer bound, 0–1 (the tray warns near 1). */
  fillRatio: number;
  full: boolean;
  oldestUnsentAgeMs?: number;
  nextDueAtMs?: number;
  lastSuccessAtMs?: number;
  lastError?: SyncLastError;
}

/** The pause's message as the operator reads it. */
export function pauseMessage(cause: PauseCause, detail: { permission?: string; untilMs: number; error?: string; retryAfterMs?: number; nowMs?: number }): string {
  switch (cause) {
    case 'missing_permission':
      return `paused: missing permission ${detail.permission ?? 'Calls.AccessMedia.All'} (grant admin consent; retrying at ${iso(detail.untilMs)})`;
    case 'auth':
      return `paused: no access token: ${detail.error ?? 'credentials rejected'} (check tenant, client id and secret or certificate; retrying at ${iso(detail.untilMs)})`;
    case 'unavailable':
      return `setup needed: ${detail.error ?? 'the Graph API is not available'}`;
    case 'throttled':
      return `paused: throttled by Graph until ${iso(detail.untilMs)} (${retryAfterText(detail)})`;
    case 'offline':
      return `paused: Graph unreachable (${detail.error ?? 'network error'}); retrying at ${iso(detail.untilMs)}`;
  }
}

export function stateOf(options: { running: boolean; pausedByOperator: boolean; pause?: RoutePause; inFlight: number }): SyncState {
  if (!options.running) return 'stopped';
  if (options.pausedByOperator) return 'paused';
  if (options.pause) return options.pause.cause === 'unavailable' ? 'setup_needed' : 'paused';
  return options.inFlight > 0 ? 'running' : 'idle';
}

export function reasonOf(state: SyncState, pause: RoutePause | undefined, pausedByOperator: boolean): string {
  if (state === 'stopped') return 'stopped';
  if (pausedByOperator) return 'paused by the operator';
  if (pause) return pause.message;
  return state === 'running' ? 'sending' : 'idle';
}

export interface WorkerView {
  running: boolean;
  pausedByOperator: boolean;
  pause?: RoutePause;
  inFlight: number;
  nextDueAtMs?: number;
  lastSuccessAtMs?: number;
  lastError?: SyncLastError;
}

/** The snapshot the UI and the tray read: the worker's own state plus the outbox's figures. */
export function buildSnapshot(view: WorkerView, stats: OutboxStats): SyncSnapshot {
  const state = stateOf(view);
  const snapshot: SyncSnapshot = {
    state,
    reason: reasonOf(state, view.pause, view.pausedByOperator),
    pausedByOperator: view.pausedByOperator,
    inFlight: view.inFlight,
    counts: stats.counts,
    unsentRows: stats.unsentRows,
    unsentBytes: stats.unsentBytes,
    fillRatio: fillRatioOf(stats),
    full: stats.full,
  };
  if (view.pause) snapshot.pause = { ...view.pause };
  if (stats.oldestWaitingAgeMs !== undefined) snapshot.oldestUnsentAgeMs = stats.oldestWaitingAgeMs;
  if (view.nextDueAtMs !== undefined) snapshot.nextDueAtMs = view.nextDueAtMs;
  if (view.lastSuccessAtMs !== undefined) snapshot.lastSuccessAtMs = view.lastSuccessAtMs;
  if (view.lastError) snapshot.lastError = { ...view.lastError };
  return snapshot;
}

/** What is saved for `status` in another process (outbox sync_status): the snapshot without the counts. */
export function statusRecordOf(view: WorkerView): Omit<SyncStatusRecord, 'updatedAtMs'> {
  const state = stateOf(view);
  const record: Omit<SyncStatusRecord, 'updatedAtMs'> = { state, reason: reasonOf(state, view.pause, view.pausedByOperator), pausedByOperator: view.pausedByOperator };
  if (view.pause) record.pause = { ...view.pause };
  if (view.lastSuccessAtMs !== undefined) record.lastSuccessAtMs = view.lastSuccessAtMs;
  if (view.lastError) record.lastError = { ...view.lastError };
  return record;
}

export function fillRatioOf(stats: OutboxStats): number {
  const { limits } = stats;
  return Math.min(1, Math.max(stats.unsentRows / limits.maxUnsentRows, stats.unsentBytes / limits.maxUnsentBytes));
}

/** "Retry-After 30 s", or "Retry-After 100000000 s, capped at 3600 s" when the ceiling cut it. */
function retryAfterText(detail: { untilMs: number; retryAfterMs?: number; nowMs?: number }): string {
  if (detail.retryAfterMs === undefined) return 'Retry-After';
  const asked = `Retry-After ${Math.ceil(detail.retryAfterMs / 1000)} s`;
  if (detail.nowMs === undefined) return asked;
  const appliedMs = detail.untilMs - detail.nowMs;
  return appliedMs < detail.retryAfterMs ? `${asked}, capped at ${Math.ceil(appliedMs / 1000)} s` : asked;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

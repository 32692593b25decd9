/**
 * The outbox's public vocabulary: what callers (ingest API, leg tracker, sync worker, CLI, UI) see.
 * States and transitions: ../shared/design/architecture.md "Outbox states".
 */
import type { TeleconferenceDeviceQuality, TeleconferenceDeviceQualityDraft } from '../../../shared/graph/quality';
import type { AttemptOutcome, FailedReason, ReportSource, ReportState, SyncState } from '../../../shared/api/states';
import type { GraphFailureKind } from '../graph/errors';

// The states are the UI's too: defined once in shared/, re-exported for the outbox's callers.
export { REPORT_STATES, type AttemptOutcome, type FailedReason, type ReportSource, type ReportState } from '../../../shared/api/states';

/** Reports that still take disk space and may still need work: what the size bounds count. */
export const UNSENT_STATES = ['needs_context', 'pending', 'in_flight', 'failed'] as const satisfies readonly ReportState[];
/** Reports waiting to go out: what the backlog age measures. */
export const WAITING_STATES = ['needs_context', 'pending', 'in_flight'] as const satisfies readonly ReportState[];

export interface EnqueueInput {
  /** Already validated by the caller (ingest: teleconferenceDeviceQuality[Draft]Schema). Stored as given. */
  body: TeleconferenceDeviceQuality | TeleconferenceDeviceQualityDraft;
  source: ReportSource;
  roomId?: string;
  deviceId?: string;
  /** The device's own key of the call (Cisco: the `xStatus Call` item), for call-context matching. */
  deviceCallId?: string;
  /** When the call ran, for call-context matching by time; defaults to the enqueue time. */
  callStartedAtMs?: number;
  callEndedAtMs?: number;
}

export interface EnqueueResult {
  id: string;
  /** pending or needs_context for a new report; any state for an `existing` one. */
  state: ReportState;
  /** True when a device/operator report was kept although the bounds are exceeded (the tray alarms). */
  overLimit: boolean;
  /** True when the same body was already stored under its mediaLegId: nothing new was written. */
  existing: boolean;
}

/** A report handed to the sender. `clientRequestId` is fresh for this attempt and already recorded. */
export interface ClaimedReport {
  id: string;
  attemptId: number;
  attemptNo: number;
  clientRequestId: string;
  body: TeleconferenceDeviceQuality;
  createdAtMs: number;
}

/** Which attempt a result belongs to: a late answer for an attempt that was recovered is ignored. */
export interface AttemptRef {
  id: string;
  attemptId: number;
}

export interface AttemptSuccess {
  status: number;
  requestId?: string;
  /** The client-request-id the answer carries, when the sender had to use another (its 401 retry). */
  clientRequestId?: string;
  durationMs: number;
}

export interface AttemptFailure {
  kind: GraphFailureKind | 'internal';
  status?: number;
  code: string;
  message: string;
  requestId?: string;
  /** As in AttemptSuccess. */
  clientRequestId?: string;
  retryAfterMs?: number;
  durationMs: number;
}

export interface OutboxLimits {
  maxUnsentRows: number;
  maxUnsentBytes: number;
  /** Reports older than this (since enqueue or the last resubmit) become failed/expired. */
  maxAgeMs: number;
  /** sent and discarded reports are deleted this long after they reached that state. */
  retentionMs: number;
}

export const DAY_MS = 86_400_000;
export const DEFAULT_LIMITS: OutboxLimits = {
  maxUnsentRows: 100_000,
  maxUnsentBytes: 200 * 1024 * 1024,
  maxAgeMs: 7 * DAY_MS,
  retentionMs: 30 * DAY_MS,
};

export interface OutboxStats {
  counts: Record<ReportState, number>;
  unsentRows: number;
  unsentBytes: number;
  /** At or above a bound: ingest is refused, device reports are still kept. */
  full: boolean;
  limits: OutboxLimits;
  /** created_at of the oldest report waiting to go out (needs_context, pending, in_flight). */
  oldestWaitingCreatedAtMs?: number;
  oldestWaitingAgeMs?: number;
}

export interface LastError {
  kind?: string;
  httpStatus?: number;
  code?: string;
  message?: string;
  requestId?: string;
  clientRequestId?: string;
  retryAfterMs?: number;
}

/** A report as the outbox stores it (epoch ms, internal fields); the UI reads it as shared/api/views.ts ReportSummary. */
export interface ReportRecord {
  id: string;
  state: ReportState;
  source: ReportSource;
  roomId?: string;
  deviceId?: string;
  deviceCallId?: string;
  callChainId?: string;
  participantId?: string;
  mediaLegId?: string;
  bodyBytes: number;
  createdAtMs: number;
  updatedAtMs: number;
  attemptCount: number;
  nextAttemptAtMs?: number;
  lastAttemptAtMs?: number;
  lastError?: LastError;
  failedReason?: FailedReason;
  sentAtMs?: number;
  discardedAtMs?: number;
  discardReason?: string;
}

export interface AttemptRecord {
  id: number;
  attemptNo: number;
  startedAtMs: number;
  finishedAtMs?: number;
  durationMs?: number;
  outcome: AttemptOutcome;
  httpStatus?: number;
  errorKind?: string;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  clientRequestId: string;
  retryAfterMs?: number;
  nextAttemptAtMs?: number;
}

/** What an operator did to a report (operator_actions): resubmit, discard, attach Teams ids. */
export interface OperatorActionRecord {
  atMs: number;
  action: 'resubmit' | 'discard' | 'attach_context';
  /** `operator` (the UI), `cli`, or the name an API caller gave. */
  actor: string;
  reason?: string;
}

export interface ReportRecordDetail extends ReportRecord {
  body: TeleconferenceDeviceQuality | TeleconferenceDeviceQualityDraft;
  attempts: AttemptRecord[];
  /** Oldest first: with the attempts, the report's whole history. */
  operatorActions: OperatorActionRecord[];
}

export interface ListFilter {
  state?: ReportState;
  roomId?: string;
  /** created_at range, inclusive from, exclusive to. */
  fromMs?: number;
  toMs?: number;
  /** Page size, default 50, at most 1,000. */
  limit?: number;
  /** From the previous page's nextCursor. */
  cursor?: string;
}

export interface ListPage {
  items: ReportRecord[];
  /** Present when there may be more: pass it back as `cursor`. Newest first. */
  nextCursor?: string;
}

/** Which needs_context reports a call context belongs to (../shared/design/contracts.md `POST /api/v1/call-context`). */
export type ContextSelector =
  | { ids: readonly string[] }
  | { deviceId: string; deviceCallId: string }
  /** Reports of that room or device whose call overlaps [fromMs, toMs] (an `at` is from = to). */
  | { roomId?: string; deviceId?: string; fromMs: number; toMs: number };

export interface TeamsIds {
  callChainId: string;
  participantId: string;
}

export interface OperatorResult {
  /** Reports the action changed. */
  changed: string[];
  /** Reports it left alone, and why (unknown id, wrong state). */
  skipped: { id: string; reason: string }[];
}

/** The last failed send, as the worker reports it and saves it for `status`. */
export interface SyncLastError {
  atMs: number;
  reportId: string;
  kind: string;
  httpStatus?: number;
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
}

/**
 * The sync worker's status as last saved by the agent (sync/status.ts SyncSnapshot without the counts),
 * for `status` in another process. Written only when it changes: `updatedAtMs` is that moment, not a
 * heartbeat, and after a crash the row still says what the worker last said.
 */
export interface SyncStatusRecord {
  state: SyncState;
  reason: string;
  pausedByOperator: boolean;
  pause?: { cause: string; untilMs: number; message: string; permission?: string };
  lastSuccessAtMs?: number;
  lastError?: SyncLastError;
  updatedAtMs: number;
}

/**
 * Outbox and sync-worker records (epoch ms, internal names) → the views the UI and `--json` output read
 * (ISO times, shared/api/views.ts). One mapping for both, so the CLI prints what the UI shows.
 */
import type {
  ReportAttemptView,
  ReportDetail as ReportDetailView,
  ReportErrorView,
  ReportQuery,
  ReportSummary as ReportSummaryView,
  SyncPauseView,
  SyncStatusView,
} from '../../../shared/api/views';
import { syncPauseCauseSchema } from '../../../shared/api/states';
import type { AttemptRecord, LastError, ListFilter, ReportRecord, ReportRecordDetail, SyncStatusRecord } from '../outbox';
import type { SyncSnapshot } from '../sync';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

function toErrorView(error: LastError | undefined): ReportErrorView | undefined {
  if (!error || (error.code === undefined && error.message === undefined)) return undefined;
  return {
    httpStatus: error.httpStatus,
    code: error.code ?? 'error',
    message: error.message ?? '',
    requestId: error.requestId,
    clientRequestId: error.clientRequestId,
  };
}

export function toReportSummaryView(report: ReportRecord): ReportSummaryView {
  return {
    id: report.id,
    state: report.state,
    source: report.source,
    roomId: report.roomId,
    deviceId: report.deviceId,
    callChainId: report.callChainId,
    participantId: report.participantId,
    mediaLegId: report.mediaLegId,
    createdAt: new Date(report.createdAtMs).toISOString(),
    attemptCount: report.attemptCount,
    nextAttemptAt: iso(report.nextAttemptAtMs),
    failedReason: report.failedReason,
    lastError: toErrorView(report.lastError),
  };
}

function toAttemptView(attempt: AttemptRecord): ReportAttemptView {
  return {
    attemptNo: attempt.attemptNo,
    startedAt: new Date(attempt.startedAtMs).toISOString(),
    durationMs: attempt.durationMs,
    outcome: attempt.outcome,
    httpStatus: attempt.httpStatus,
    errorCode: attempt.errorCode,
    errorMessage: attempt.errorMessage,
    requestId: attempt.requestId,
    clientRequestId: attempt.clientRequestId,
    retryAfterMs: attempt.retryAfterMs,
  };
}

export function toReportDetailView(report: ReportRecordDetail): ReportDetailView {
  return {
    ...toReportSummaryView(report),
    body: report.body,
    attempts: report.attempts.map(toAttemptView),
    operatorActions: report.operatorActions.map((action) => ({ at: new Date(action.atMs).toISOString(), action: action.action, actor: action.actor, reason: action.reason })),
    discardReason: report.discardReason,
  };
}

/** The UI's query (ISO times) → the outbox's filter (epoch ms). Bad times are caught by the request schema. */
export function toListFilter(query: ReportQuery): ListFilter {
  return {
    state: query.state,
    roomId: query.roomId,
    fromMs: query.from === undefined ? undefined : Date.parse(query.from),
    toMs: query.to === undefined ? undefined : Date.parse(query.to),
    cursor: query.cursor,
    limit: query.limit,
  };
}

function lastErrorView(error: SyncSnapshot['lastError'] | SyncStatusRecord['lastError']): SyncStatusView['lastError'] {
  if (!error) return undefined;
  return {
    at: new Date(error.atMs).toISOString(),
    httpStatus: error.httpStatus,
    code: error.code,
    message: error.message,
    requestId: error.requestId,
    clientRequestId: error.clientRequestId,
  };
}

/**
 * The pause's cause and times as fields, so the UI words them in its language (the English message stays in
 * `reason`). A stored cause this version does not know is left out rather than guessed.
 */
function pauseView(pause: SyncStatusRecord['pause'], pausedByOperator: boolean): SyncPauseView | undefined {
  if (!pause || pausedByOperator) return undefined;
  const cause = syncPauseCauseSchema.safeParse(pause.cause);
  if (!cause.success) return undefined;
  const view: SyncPauseView = { cause: cause.data };
  if (cause.data !== 'unavailable') view.retryAt = iso(pause.untilMs);
  if (pause.permission !== undefined) view.permission = pause.permission;
  return view;
}

/** The running worker's snapshot, as the tray, the UI and `status` show it. */
export function toSyncStatusView(snapshot: SyncSnapshot): SyncStatusView {
  return {
    state: snapshot.state,
    reason: snapshot.reason,
    pausedByOperator: snapshot.pausedByOperator,
    pause: pauseView(snapshot.pause, snapshot.pausedByOperator),
    lastSuccessAt: iso(snapshot.lastSuccessAtMs),
    lastError: lastErrorView(snapshot.lastError),
    oldestUnsentAgeMs: snapshot.oldestUnsentAgeMs,
    counts: snapshot.counts,
    fillRatio: snapshot.fillRatio,
  };
}

/**
 * For `status` in another process: what the agent last saved, plus the counts read now. With no agent
 * record the worker has never run on this data directory.
 */
export function toStoredSyncStatusView(record: SyncStatusRecord | undefined, counts: SyncStatusView['counts'], fillRatio: number, oldestUnsentAgeMs?: number): SyncStatusView {
  return {
    state: record?.state ?? 'stopped',
    reason: record ? record.reason : 'the agent has not run on this data directory',
    pausedByOperator: record?.pausedByOperator ?? false,
    pause: pauseView(record?.pause, record?.pausedByOperator ?? false),
    lastSuccessAt: iso(record?.lastSuccessAtMs),
    lastError: lastErrorView(record?.lastError),
    oldestUnsentAgeMs,
    counts,
    fillRatio,
  };
}

/** Graph not configured is "setup needed" whatever the worker last saw (it learns it only on a send). */
export function withGraphProblem(view: SyncStatusView, problem: string | undefined): SyncStatusView {
  if (!problem || view.pausedByOperator || view.state === 'stopped') return view;
  return { ...view, state: 'setup_needed', reason: `setup needed: ${problem}`, pause: { cause: 'not_configured' } };
}

/** The SQL rows of reports and report_attempts, and their mapping to the public types (types.ts). */
import { dropUndefined } from '../../../shared/json';
import type { AttemptOutcome, AttemptRecord, FailedReason, LastError, ReportSource, ReportState, ReportRecord } from './types';

/** Every column of `reports` except body_json, which only get() and claimDue() read. */
export const SUMMARY_COLUMNS = `id, state, source, room_id, device_id, device_call_id, call_chain_id, participant_id,
  media_leg_id, body_bytes, created_at, updated_at, attempt_count, next_attempt_at, last_attempt_at,
  last_http_status, last_error_kind, last_error_code, last_error_message, last_request_id,
  last_client_request_id, last_retry_after_ms, failed_reason, sent_at, discarded_at, discard_reason`;

export interface ReportRow {
  id: string;
  state: ReportState;
  source: ReportSource;
  room_id: string | null;
  device_id: string | null;
  device_call_id: string | null;
  call_chain_id: string | null;
  participant_id: string | null;
  media_leg_id: string | null;
  body_bytes: number;
  created_at: number;
  updated_at: number;
  attempt_count: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_http_status: number | null;
  last_error_kind: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_request_id: string | null;
  last_client_request_id: string | null;
  last_retry_after_ms: number | null;
  failed_reason: FailedReason | null;
  sent_at: number | null;
  discarded_at: number | null;
  discard_reason: string | null;
}

export interface AttemptRow {
  id: number;
  attempt_no: number;
  started_at: number;
  finished_at: number | null;
  duration_ms: number | null;
  outcome: AttemptOutcome;
  http_status: number | null;
  error_kind: string | null;
  error_code: string | null;
  error_message: string | null;
  request_id: string | null;
  client_request_id: string;
  retry_after_ms: number | null;
  next_attempt_at: number | null;
}

export function toSummary(row: ReportRow): ReportRecord {
  return dropUndefined({
    id: row.id,
    state: row.state,
    source: row.source,
    roomId: opt(row.room_id),
    deviceId: opt(row.device_id),
    deviceCallId: opt(row.device_call_id),
    callChainId: opt(row.call_chain_id),
    participantId: opt(row.participant_id),
    mediaLegId: opt(row.media_leg_id),
    bodyBytes: row.body_bytes,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
    attemptCount: row.attempt_count,
    nextAttemptAtMs: opt(row.next_attempt_at),
    lastAttemptAtMs: opt(row.last_attempt_at),
    lastError: lastErrorOf(row),
    failedReason: opt(row.failed_reason),
    sentAtMs: opt(row.sent_at),
    discardedAtMs: opt(row.discarded_at),
    discardReason: opt(row.discard_reason),
  });
}

export function toAttempt(row: AttemptRow): AttemptRecord {
  return dropUndefined({
    id: row.id,
    attemptNo: row.attempt_no,
    startedAtMs: row.started_at,
    finishedAtMs: opt(row.finished_at),
    durationMs: opt(row.duration_ms),
    outcome: row.outcome,
    httpStatus: opt(row.http_status),
    errorKind: opt(row.error_kind),
    errorCode: opt(row.error_code),
    errorMessage: opt(row.error_message),
    requestId: opt(row.request_id),
    clientRequestId: row.client_request_id,
    retryAfterMs: opt(row.retry_after_ms),
    nextAttemptAtMs: opt(row.next_attempt_at),
  });
}

function lastErrorOf(row: ReportRow): LastError | undefined {
  if (row.last_error_code === null && row.last_http_status === null && row.last_error_message === null) return undefined;
  return dropUndefined({
    kind: opt(row.last_error_kind),
    httpStatus: opt(row.last_http_status),
    code: opt(row.last_error_code),
    message: opt(row.last_error_message),
    requestId: opt(row.last_request_id),
    clientRequestId: opt(row.last_client_request_id),
    retryAfterMs: opt(row.last_retry_after_ms),
  });
}

function opt<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

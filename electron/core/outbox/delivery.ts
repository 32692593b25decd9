/**
 * The sending side of the state machine (../shared/design/architecture.md "Outbox states"), used by the sync worker:
 *   pending --claimDue--> in_flight --markSent--> sent
 *                                   --markRetry--> pending (next_attempt_at = Retry-After or backoff)
 *                                   --markFailed--> failed (permanent 4xx)
 *                                   --markDeferred--> pending, in its old place (the worker paused: auth, permission)
 *                                   --markInterrupted / recoverInFlight--> pending, in its old place (stop, crash)
 * claimDue records the attempt and its fresh client-request-id BEFORE the request leaves, so a request
 * whose answer was lost in a crash is still traceable (outcome `interrupted`): that is the only way a
 * report is delivered twice (at-least-once).
 * Every result is guarded by the attempt id: an answer for an attempt that was recovered meanwhile is
 * ignored (returns false) instead of overwriting a newer state.
 */
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import type { OutboxContext } from './context';
import type { AttemptFailure, AttemptRef, AttemptSuccess, ClaimedReport, FailedReason } from './types';

export interface Delivery {
  /** Up to `limit` due pending reports → in_flight, oldest due first, in one transaction. */
  claimDue(limit: number, nowMs?: number): ClaimedReport[];
  markSent(ref: AttemptRef, result: AttemptSuccess): boolean;
  markRetry(ref: AttemptRef, nextAttemptAtMs: number, failure: AttemptFailure): boolean;
  markFailed(ref: AttemptRef, failure: AttemptFailure, reason?: FailedReason): boolean;
  markDeferred(ref: AttemptRef, failure: AttemptFailure): boolean;
  markInterrupted(ref: AttemptRef, durationMs?: number): boolean;
  /** At start-up, before the worker runs: every in_flight row → pending, due now. Returns how many. */
  recoverInFlight(): number;
  /** The earliest next_attempt_at of a pending report, or undefined when none is pending. */
  nextDueAtMs(): number | undefined;
}

/** Shown on a report whose answer never arrived: the next attempt may deliver it a second time. */
export const INTERRUPTED_CODE = 'interrupted';
const INTERRUPTED_MESSAGE = 'The agent stopped before Graph answered; the report is sent again (Graph may receive it twice).';

interface ClaimRow {
  id: string;
  body_json: string;
  attempt_count: number;
  created_at: number;
}

export function createDelivery(ctx: OutboxContext): Delivery {
  const { db } = ctx;
  const selectDue = db.prepare<[number, number], ClaimRow>(`SELECT id, body_json, attempt_count, created_at FROM reports
    WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`);
  // Attempt numbers go on across resubmits (attempt_count restarts at 0 for the retry budget and backoff).
  const lastAttemptNo = db.prepare<[string], { n: number }>('SELECT COALESCE(MAX(attempt_no), 0) AS n FROM report_attempts WHERE report_id = ?');
  const insertAttempt = db.prepare(`INSERT INTO report_attempts (report_id, attempt_no, started_at, outcome, client_request_id)
    VALUES (?, ?, ?, 'in_flight', ?)`);
  const setInFlight = db.prepare(`UPDATE reports SET state = 'in_flight', attempt_count = ?, current_attempt_id = ?,
    last_attempt_at = ?, last_client_request_id = ?, updated_at = ? WHERE id = ?`);
  const finishAttempt = db.prepare(`UPDATE report_attempts SET outcome = @outcome, finished_at = @now,
    duration_ms = @durationMs, http_status = @status, error_kind = @kind, error_code = @code,
    error_message = @message, request_id = @requestId, retry_after_ms = @retryAfterMs,
    next_attempt_at = @nextAttemptAt, client_request_id = COALESCE(@clientRequestId, client_request_id)
    WHERE id = @attemptId AND outcome = 'in_flight'`);
  // keepDue: a deferred or interrupted report keeps its place in the queue (it was due when claimed).
  const finishReport = db.prepare(`UPDATE reports SET state = @state, updated_at = @now,
    next_attempt_at = CASE WHEN @keepDue THEN next_attempt_at ELSE @nextAttemptAt END,
    last_http_status = @status, last_error_kind = @kind, last_error_code = @code, last_error_message = @message,
    last_request_id = @requestId, last_retry_after_ms = @retryAfterMs, failed_reason = @failedReason,
    last_client_request_id = COALESCE(@clientRequestId, last_client_request_id),
    sent_at = @sentAt, current_attempt_id = NULL
    WHERE id = @id AND state = 'in_flight' AND current_attempt_id = @attemptId`);
  const interruptAll = db.prepare(`UPDATE report_attempts SET outcome = 'interrupted', finished_at = ?
    WHERE outcome = 'in_flight' AND id IN (SELECT current_attempt_id FROM reports WHERE state = 'in_flight')`);
  const releaseAll = db.prepare(`UPDATE reports SET state = 'pending', updated_at = ?,
    current_attempt_id = NULL, last_error_kind = 'internal', last_error_code = ?, last_error_message = ?,
    last_http_status = NULL, last_request_id = NULL, last_retry_after_ms = NULL WHERE state = 'in_flight'`);
  const selectNextDue = db.prepare<[], { next_attempt_at: number }>(
    `SELECT next_attempt_at FROM reports WHERE state = 'pending' ORDER BY next_attempt_at LIMIT 1`,
  );

  const recover = db.transaction((): number => {
    const now = ctx.now();
    interruptAll.run(now);
    return releaseAll.run(now, INTERRUPTED_CODE, INTERRUPTED_MESSAGE).changes;
  });

  const claim = db.transaction((limit: number, nowMs: number): ClaimedReport[] => {
    const rows = selectDue.all(nowMs, limit);
    return rows.map((row) => {
      const attemptCount = row.attempt_count + 1;
      const attemptNo = Math.max(attemptCount, (lastAttemptNo.get(row.id)?.n ?? 0) + 1);
      // The worker's backoff counts the attempts of this submission; the stored record numbers all of them.
      const clientRequestId = ctx.newId();
      const attemptId = Number(insertAttempt.run(row.id, attemptNo, nowMs, clientRequestId).lastInsertRowid);
      setInFlight.run(attemptCount, attemptId, nowMs, clientRequestId, nowMs, row.id);
      // Only pending rows are claimed, and a report becomes pending only with all three ids (enqueue,
      // attach, resubmit check them), so the stored body is a complete teleconferenceDeviceQuality.
      const body = JSON.parse(row.body_json) as TeleconferenceDeviceQuality;
      return { id: row.id, attemptId, attemptNo: attemptCount, clientRequestId, body, createdAtMs: row.created_at };
    });
  });

  interface Finish {
    state: 'sent' | 'pending' | 'failed';
    outcome: 'sent' | 'retry' | 'failed' | 'deferred' | 'interrupted';
    /** null with keepDue: the row keeps its next_attempt_at. */
    nextAttemptAt: number | null;
    keepDue?: boolean;
    durationMs: number | null;
    failure?: AttemptFailure;
    status?: number;
    requestId?: string;
    clientRequestId?: string;
    failedReason?: FailedReason;
  }

  const finish = db.transaction((ref: AttemptRef, f: Finish): boolean => {
    const now = ctx.now();
    const common = {
      now,
      status: f.failure?.status ?? f.status ?? null,
      kind: f.failure?.kind ?? null,
      code: f.failure?.code ?? null,
      message: f.failure?.message ?? null,
      requestId: f.failure?.requestId ?? f.requestId ?? null,
      clientRequestId: f.failure?.clientRequestId ?? f.clientRequestId ?? null,
      retryAfterMs: f.failure?.retryAfterMs ?? null,
      nextAttemptAt: f.nextAttemptAt,
    };
    const changed = finishReport.run({
      ...common,
      id: ref.id,
      attemptId: ref.attemptId,
      state: f.state,
      keepDue: f.keepDue ? 1 : 0,
      failedReason: f.failedReason ?? null,
      sentAt: f.state === 'sent' ? now : null,
    }).changes;
    if (changed === 0) return false;
    finishAttempt.run({ ...common, attemptId: ref.attemptId, outcome: f.outcome, durationMs: f.durationMs });
    return true;
  });

  return {
    claimDue: (limit, nowMs = ctx.now()) => (limit <= 0 ? [] : claim.immediate(limit, nowMs)),
    markSent: (ref, result) =>
      finish.immediate(ref, {
        state: 'sent',
        outcome: 'sent',
        nextAttemptAt: null,
        durationMs: result.durationMs,
        status: result.status,
        requestId: result.requestId,
        clientRequestId: result.clientRequestId,
      }),
    markRetry: (ref, nextAttemptAtMs, failure) =>
      finish.immediate(ref, { state: 'pending', outcome: 'retry', nextAttemptAt: nextAttemptAtMs, durationMs: failure.durationMs, failure }),
    markFailed: (ref, failure, reason = 'permanent') =>
      finish.immediate(ref, { state: 'failed', outcome: 'failed', nextAttemptAt: null, durationMs: failure.durationMs, failure, failedReason: reason }),
    markDeferred: (ref, failure) =>
      finish.immediate(ref, { state: 'pending', outcome: 'deferred', nextAttemptAt: null, keepDue: true, durationMs: failure.durationMs, failure }),
    markInterrupted: (ref, durationMs) =>
      finish.immediate(ref, {
        state: 'pending',
        outcome: 'interrupted',
        nextAttemptAt: null,
        keepDue: true,
        durationMs: durationMs ?? null,
        failure: { kind: 'internal', code: INTERRUPTED_CODE, message: INTERRUPTED_MESSAGE, durationMs: durationMs ?? 0 },
      }),
    recoverInFlight: () => recover.immediate(),
    nextDueAtMs: () => selectNextDue.get()?.next_attempt_at,
  };
}

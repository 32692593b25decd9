/**
 * Housekeeping the worker runs periodically (and the CLI may run):
 * - expire: needs_context / pending reports older than maxAgeMs → failed with reason `expired`
 *   (nothing is dropped silently; the operator sees them and may resubmit). Age counts from enqueue, or
 *   from the last resubmit. In-flight reports are left to their answer; a retry makes them pending and
 *   the next sweep catches them.
 * - purge: sent and discarded reports are deleted retentionMs after they reached that state (their attempts
 *   go with them, ON DELETE CASCADE), in batches so the write lock is never held long.
 * Both bound their scan with `created_at < cutoff` (reports_state_created): submitted_at, sent_at and
 * discarded_at are never earlier than created_at, so rows younger than the cutoff are never visited.
 */
import type { OutboxContext } from './context';

export interface Maintenance {
  /** Returns the ids that expired. */
  expire(nowMs?: number): string[];
  /** Returns how many reports were deleted. */
  purge(nowMs?: number): number;
}

const PURGE_BATCH = 1_000;
export const EXPIRED_CODE = 'expired';

export function createMaintenance(ctx: OutboxContext): Maintenance {
  const { db } = ctx;
  const expireOld = db.prepare<{ cutoff: number; now: number; message: string }, { id: string }>(`UPDATE reports
    SET state = 'failed', failed_reason = 'expired', next_attempt_at = NULL, updated_at = @now,
      last_error_kind = 'internal', last_error_code = '${EXPIRED_CODE}', last_error_message = @message,
      last_http_status = NULL, last_request_id = NULL, last_retry_after_ms = NULL
    WHERE state IN ('needs_context','pending') AND created_at < @cutoff AND submitted_at < @cutoff
    RETURNING id`);
  const purgeBatch = db.prepare<{ cutoff: number; batch: number }>(`DELETE FROM reports WHERE id IN (
      SELECT id FROM reports WHERE state = 'sent' AND created_at < @cutoff AND sent_at < @cutoff
      UNION ALL
      SELECT id FROM reports WHERE state = 'discarded' AND created_at < @cutoff AND discarded_at < @cutoff
      LIMIT @batch)`);

  function expire(nowMs = ctx.now()): string[] {
    const { limits } = ctx;
    const days = Math.round((limits.maxAgeMs / 86_400_000) * 10) / 10;
    const message = `Not delivered within the maximum age of ${days} days; resubmit to try again.`;
    return db
      .transaction(() => expireOld.all({ cutoff: nowMs - limits.maxAgeMs, now: nowMs, message }).map((row) => row.id))
      .immediate();
  }

  function purge(nowMs = ctx.now()): number {
    const cutoff = nowMs - ctx.limits.retentionMs;
    let total = 0;
    for (;;) {
      const deleted = db.transaction(() => purgeBatch.run({ cutoff, batch: PURGE_BATCH }).changes).immediate();
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }

  return { expire, purge };
}

/**
 * enqueue: the one way a report enters the outbox. It returns only after the transaction has committed
 * (better-sqlite3 is synchronous; with synchronous=FULL in WAL mode the commit is on disk), so a report the
 * ingest API acknowledged survives a crash or power cut at any instant.
 * Why FULL, not NORMAL (database.ts): NORMAL survives a process crash but may lose the last commits on a
 * power cut, and a room PC is switched off at the wall. bench/outbox/enqueue.ts measures the price on the
 * project machine: ~2,750 enqueues/s with FULL against ~4,650/s with NORMAL (FULL costs ~1.7×), p99
 * 2.9 ms, and 0.61 of raw better-sqlite3 inserts of the same bytes — far above the few reports a minute a
 * room produces.
 *
 * Bounds: when unsent reports exceed the row or byte limit, reports posted through the
 * ingest API are refused with OutboxFullError (→ 507; the sender keeps them). Reports this app measured
 * itself ('device') or an operator entered are kept anyway and flagged `overLimit` for the tray alarm:
 * nobody else holds a copy of them, so refusing would be a silent drop. The limits are read at each call, so
 * new limits (setLimits) apply to the next report.
 *
 * Idempotency: a posted report whose mediaLegId is already stored returns that report when the body is the
 * same (a sender retrying after a lost answer), and is refused with DuplicateReportError when it differs.
 * Checked before the bounds: a retry of a stored report is answered even when the outbox is full.
 */
import type { OutboxContext } from './context';
import { hasAllIds, idsOf, sameBody, withMediaLegId } from './body';
import { DuplicateReportError, OutboxFullError } from './errors';
import type { StatsQueries } from './stats';
import type { EnqueueInput, EnqueueResult } from './types';

export function createEnqueue(ctx: OutboxContext, stats: StatsQueries): (input: EnqueueInput) => EnqueueResult {
  const { db } = ctx;
  const byMediaLeg = db.prepare<[string], { id: string; state: EnqueueResult['state']; body_json: string }>(
    'SELECT id, state, body_json FROM reports WHERE media_leg_id = ? ORDER BY created_at, id LIMIT 1',
  );
  const insert = db.prepare(`INSERT INTO reports (id, state, body_json, body_bytes, source, room_id, device_id,
      device_call_id, call_started_at, call_ended_at, call_chain_id, participant_id, media_leg_id, created_at,
      submitted_at, updated_at, next_attempt_at)
    VALUES (@id, @state, @bodyJson, @bodyBytes, @source, @roomId, @deviceId, @deviceCallId, @callStartedAt,
      @callEndedAt, @callChainId, @participantId, @mediaLegId, @now, @now, @now, @nextAttemptAt)`);

  // IMMEDIATE: the bound check and the insert see the same counts even when the CLI writes concurrently.
  const run = db.transaction((input: EnqueueInput): EnqueueResult => {
    const { limits } = ctx;
    const postedLegId = input.source === 'ingest' ? idsOf(input.body).mediaLegId : undefined;
    const stored = postedLegId === undefined ? undefined : byMediaLeg.get(postedLegId);
    if (stored !== undefined && postedLegId !== undefined) {
      if (!sameBody(input.body, JSON.parse(stored.body_json))) throw new DuplicateReportError(postedLegId, stored.id);
      return { id: stored.id, state: stored.state, overLimit: false, existing: true };
    }
    const body = withMediaLegId(input.body, ctx.newId);
    const bodyJson = JSON.stringify(body);
    const bodyBytes = Buffer.byteLength(bodyJson, 'utf8');
    const unsent = stats.unsent();
    const overLimit = unsent.rows + 1 > limits.maxUnsentRows || unsent.bytes + bodyBytes > limits.maxUnsentBytes;
    if (overLimit && input.source === 'ingest') {
      throw new OutboxFullError(unsent.rows, unsent.bytes, limits.maxUnsentRows, limits.maxUnsentBytes);
    }
    const ids = idsOf(body);
    const state = hasAllIds(ids) ? 'pending' : 'needs_context';
    const now = ctx.now();
    const id = ctx.newId();
    insert.run({
      id,
      state,
      bodyJson,
      bodyBytes,
      source: input.source,
      roomId: input.roomId ?? null,
      deviceId: input.deviceId ?? null,
      deviceCallId: input.deviceCallId ?? null,
      callStartedAt: input.callStartedAtMs ?? null,
      callEndedAt: input.callEndedAtMs ?? null,
      callChainId: ids.callChainId ?? null,
      participantId: ids.participantId ?? null,
      mediaLegId: ids.mediaLegId ?? null,
      now,
      nextAttemptAt: state === 'pending' ? now : null,
    });
    return { id, state, overLimit, existing: false };
  });

  return (input) => run.immediate(input);
}

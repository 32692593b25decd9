/**
 * Operator actions, from the UI or the CLI, also while the agent runs (each
 * is one IMMEDIATE transaction, WAL lets the agent keep reading). Every action is recorded in
 * operator_actions with the ids it changed, who did it and why.
 * - resubmit: failed → pending (or needs_context if the Teams ids are still missing), attempts reset, and
 *   the age limit counts again from now: the operator asked for another try, so it must get one.
 * - discard: needs_context / pending / failed → discarded, with a reason; kept for audit, purged later.
 *   In-flight reports are skipped (their answer decides); sent ones are history.
 * - attachContext: needs_context → pending, with callChainId / participantId filled into the body.
 */
import type { OutboxContext } from './context';
import { assertGuid, withTeamsIds } from './body';
import { OutboxInputError } from './errors';
import type { ContextSelector, OperatorResult, ReportState, TeamsIds } from './types';

export interface OperatorActions {
  resubmit(target: { ids: readonly string[] } | { allFailed: true }, actor?: string): OperatorResult;
  discard(ids: readonly string[], reason: string, actor?: string): OperatorResult;
  attachContext(selector: ContextSelector, ids: TeamsIds, actor?: string): OperatorResult;
}

const DISCARDABLE: readonly ReportState[] = ['needs_context', 'pending', 'failed'];

export function createOperatorActions(ctx: OutboxContext): OperatorActions {
  const { db } = ctx;
  const stateOf = db.prepare<[string], { state: ReportState }>('SELECT state FROM reports WHERE id = ?');
  const record = db.prepare(`INSERT INTO operator_actions (at, action, report_ids_json, reason, details_json, actor)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const RESUBMIT_SET = `SET state = CASE WHEN call_chain_id IS NOT NULL AND participant_id IS NOT NULL
      AND media_leg_id IS NOT NULL THEN 'pending' ELSE 'needs_context' END,
    next_attempt_at = CASE WHEN call_chain_id IS NOT NULL AND participant_id IS NOT NULL
      AND media_leg_id IS NOT NULL THEN @now ELSE NULL END,
    attempt_count = 0, failed_reason = NULL, submitted_at = @now, updated_at = @now`;
  const resubmitOne = db.prepare(`UPDATE reports ${RESUBMIT_SET} WHERE id = @id AND state = 'failed'`);
  const resubmitAll = db.prepare<{ now: number }, { id: string }>(`UPDATE reports ${RESUBMIT_SET} WHERE state = 'failed' RETURNING id`);
  const discardOne = db.prepare(`UPDATE reports SET state = 'discarded', discarded_at = @now, discard_reason = @reason,
    next_attempt_at = NULL, updated_at = @now WHERE id = @id AND state IN ('needs_context','pending','failed')`);
  const waitingById = db.prepare<[string], WaitingRow>(`SELECT id, body_json FROM reports WHERE id = ? AND state = 'needs_context'`);
  const waitingByDeviceCall = db.prepare<[string, string], WaitingRow>(`SELECT id, body_json FROM reports
    WHERE state = 'needs_context' AND device_id = ? AND device_call_id = ?`);
  // A report's call is [call_started_at, call_ended_at], or its enqueue time when the device gave none.
  const waitingInWindow = db.prepare<{ roomId: string | null; deviceId: string | null; fromMs: number; toMs: number }, WaitingRow>(
    `SELECT id, body_json FROM reports WHERE state = 'needs_context'
      AND (@roomId IS NULL OR room_id = @roomId) AND (@deviceId IS NULL OR device_id = @deviceId)
      AND COALESCE(call_started_at, created_at) <= @toMs AND COALESCE(call_ended_at, created_at) >= @fromMs`,
  );
  const attach = db.prepare(`UPDATE reports SET state = 'pending', body_json = @bodyJson, body_bytes = @bodyBytes,
    call_chain_id = @callChainId, participant_id = @participantId, media_leg_id = @mediaLegId,
    next_attempt_at = @now, updated_at = @now WHERE id = @id AND state = 'needs_context'`);

  function recordAction(action: string, ids: string[], reason: string | null, details: unknown, actor: string): void {
    if (ids.length > 0) record.run(ctx.now(), action, JSON.stringify(ids), reason, details === undefined ? null : JSON.stringify(details), actor);
  }

  function skipReason(id: string, expected: string): string {
    const row = stateOf.get(id);
    return row ? `is ${row.state}, not ${expected}` : 'no such report';
  }

  const resubmit = db.transaction((target: { ids: readonly string[] } | { allFailed: true }, actor: string): OperatorResult => {
    const now = ctx.now();
    const result: OperatorResult = { changed: [], skipped: [] };
    if ('allFailed' in target) {
      result.changed = resubmitAll.all({ now }).map((row) => row.id);
    } else {
      for (const id of unique(target.ids)) {
        if (resubmitOne.run({ id, now }).changes === 1) result.changed.push(id);
        else result.skipped.push({ id, reason: skipReason(id, 'failed') });
      }
    }
    recordAction('resubmit', result.changed, null, 'allFailed' in target ? { allFailed: true } : undefined, actor);
    return result;
  });

  const discard = db.transaction((ids: readonly string[], reason: string, actor: string): OperatorResult => {
    const now = ctx.now();
    const result: OperatorResult = { changed: [], skipped: [] };
    for (const id of unique(ids)) {
      if (discardOne.run({ id, now, reason }).changes === 1) result.changed.push(id);
      else result.skipped.push({ id, reason: skipReason(id, DISCARDABLE.join(', ')) });
    }
    recordAction('discard', result.changed, reason, undefined, actor);
    return result;
  });

  const attachContext = db.transaction((selector: ContextSelector, teams: TeamsIds, actor: string): OperatorResult => {
    assertGuid('callChainId', teams.callChainId);
    assertGuid('participantId', teams.participantId);
    const now = ctx.now();
    const result: OperatorResult = { changed: [], skipped: [] };
    for (const row of findWaiting(selector, result)) {
      const body = withTeamsIds(JSON.parse(row.body_json), teams, ctx.newId);
      const bodyJson = JSON.stringify(body);
      attach.run({
        id: row.id,
        now,
        bodyJson,
        bodyBytes: Buffer.byteLength(bodyJson, 'utf8'),
        callChainId: body.callChainId,
        participantId: body.participantId,
        mediaLegId: body.mediaLegId,
      });
      result.changed.push(row.id);
    }
    recordAction('attach_context', result.changed, null, { ...teams, selector }, actor);
    return result;
  });

  function findWaiting(selector: ContextSelector, result: OperatorResult): WaitingRow[] {
    if ('ids' in selector) {
      const rows: WaitingRow[] = [];
      for (const id of unique(selector.ids)) {
        const row = waitingById.get(id);
        if (row) rows.push(row);
        else result.skipped.push({ id, reason: skipReason(id, 'needs_context') });
      }
      return rows;
    }
    if ('deviceCallId' in selector) return waitingByDeviceCall.all(selector.deviceId, selector.deviceCallId);
    if (selector.roomId === undefined && selector.deviceId === undefined) {
      throw new OutboxInputError('a time window needs a roomId or a deviceId');
    }
    return waitingInWindow.all({
      roomId: selector.roomId ?? null,
      deviceId: selector.deviceId ?? null,
      fromMs: selector.fromMs,
      toMs: selector.toMs,
    });
  }

  return {
    resubmit: (target, actor = 'operator') => resubmit.immediate(target, actor),
    discard: (ids, reason, actor = 'operator') => {
      if (reason.trim() === '') throw new OutboxInputError('a discard needs a reason');
      return discard.immediate(ids, reason, actor);
    },
    attachContext: (selector, teams, actor = 'operator') => attachContext.immediate(selector, teams, actor),
  };
}

interface WaitingRow {
  id: string;
  body_json: string;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

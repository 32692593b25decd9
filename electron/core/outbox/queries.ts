/**
 * Read side for the UI, the CLI and the API: list with filters and cursor paging, one report with its
 * attempts. Listing is newest first by (created_at, id); the cursor is the last row's pair, so a page is
 * one index range scan whatever the depth (no OFFSET), on reports_state_created, reports_room_created or
 * reports_created. The statement for each combination of filters is prepared once, on first use.
 */
import type Database from 'better-sqlite3';
import type { OutboxContext } from './context';
import { OutboxInputError } from './errors';
import { SUMMARY_COLUMNS, toAttempt, toSummary, type AttemptRow, type ReportRow } from './rows';
import type { ListFilter, ListPage, OperatorActionRecord, ReportRecordDetail } from './types';

export interface Queries {
  list(filter?: ListFilter): ListPage;
  get(id: string): ReportRecordDetail | undefined;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1_000;

export function createQueries(ctx: OutboxContext): Queries {
  const { db } = ctx;
  const selectOne = db.prepare<[string], ReportRow & { body_json: string }>(`SELECT ${SUMMARY_COLUMNS}, body_json FROM reports WHERE id = ?`);
  const selectAttempts = db.prepare<[string], AttemptRow>(`SELECT id, attempt_no, started_at, finished_at, duration_ms, outcome,
    http_status, error_kind, error_code, error_message, request_id, client_request_id, retry_after_ms, next_attempt_at
    FROM report_attempts WHERE report_id = ? ORDER BY id`);
  // operator_actions keeps the ids of one action as a JSON array: the LIKE narrows the scan cheaply, json_each
  // makes the match exact (an id that is a prefix of another).
  const selectActions = db.prepare<{ id: string; pattern: string }, { at: number; action: OperatorActionRecord['action']; actor: string; reason: string | null }>(
    `SELECT at, action, actor, reason FROM operator_actions
      WHERE report_ids_json LIKE @pattern ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_each(report_ids_json) WHERE value = @id) ORDER BY id`,
  );
  const listStatements = new Map<string, Database.Statement<Record<string, unknown>, ReportRow>>();

  function listStatement(filter: ListFilter): Database.Statement<Record<string, unknown>, ReportRow> {
    const conditions: string[] = [];
    if (filter.state !== undefined) conditions.push('state = @state');
    if (filter.roomId !== undefined) conditions.push('room_id = @roomId');
    if (filter.fromMs !== undefined) conditions.push('created_at >= @fromMs');
    if (filter.toMs !== undefined) conditions.push('created_at < @toMs');
    if (filter.cursor !== undefined) conditions.push('(created_at < @cursorAt OR (created_at = @cursorAt AND id < @cursorId))');
    const key = conditions.join(' AND ');
    let statement = listStatements.get(key);
    if (!statement) {
      const where = conditions.length > 0 ? `WHERE ${key}` : '';
      statement = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM reports ${where} ORDER BY created_at DESC, id DESC LIMIT @limit`);
      listStatements.set(key, statement);
    }
    return statement;
  }

  function list(filter: ListFilter = {}): ListPage {
    const limit = Math.min(Math.max(1, Math.floor(filter.limit ?? DEFAULT_PAGE)), MAX_PAGE);
    const params: Record<string, unknown> = { limit: limit + 1 };
    if (filter.state !== undefined) params.state = filter.state;
    if (filter.roomId !== undefined) params.roomId = filter.roomId;
    if (filter.fromMs !== undefined) params.fromMs = filter.fromMs;
    if (filter.toMs !== undefined) params.toMs = filter.toMs;
    if (filter.cursor !== undefined) Object.assign(params, decodeCursor(filter.cursor));
    const rows = listStatement(filter).all(params);
    const page: ListPage = { items: rows.slice(0, limit).map(toSummary) };
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    if (last) page.nextCursor = encodeCursor(last.created_at, last.id);
    return page;
  }

  function get(id: string): ReportRecordDetail | undefined {
    const row = selectOne.get(id);
    if (!row) return undefined;
    const operatorActions = selectActions.all({ id, pattern: `%${JSON.stringify(id).replace(/[%_\\]/g, (c) => `\\${c}`)}%` }).map(
      (action): OperatorActionRecord => (action.reason === null ? { atMs: action.at, action: action.action, actor: action.actor } : { atMs: action.at, action: action.action, actor: action.actor, reason: action.reason }),
    );
    return { ...toSummary(row), body: JSON.parse(row.body_json), attempts: selectAttempts.all(id).map(toAttempt), operatorActions };
  }

  return { list, get };
}

function encodeCursor(createdAtMs: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAtMs, id])).toString('base64url');
}

function decodeCursor(cursor: string): { cursorAt: number; cursorId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { cursorAt: value[0], cursorId: value[1] };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new OutboxInputError('invalid cursor: pass back the nextCursor of the previous page');
}

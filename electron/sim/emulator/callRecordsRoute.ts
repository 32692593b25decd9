/**
 * callRecords reads (../shared/reference/graph-api.md §3; seeds 003, 004), all behind `CallRecords.Read.All`:
 * - `GET …/communications/callRecords[?$filter&$select]`: retained records (30 days) without expandable
 *   relationships (no sessions, no participants_v2; organizer_v2 inline), 60 per page + `@odata.nextLink`;
 * - `GET …/callRecords/{id}[?$select&$expand=sessions($expand=segments)]`: 404 when unknown or expired;
 *   expanded sessions 60 per page, the rest via `sessions@odata.nextLink`;
 * - `GET …/callRecords/{id}/sessions[?$expand=segments&$select]`: 60 per page + `@odata.nextLink`;
 * - participants_v2, expanded in a Get or `GET …/callRecords/{id}/participants_v2`: 130 per page (the
 *   emulator's `participantsPageSize`), the rest via `participants_v2@odata.nextLink` / `@odata.nextLink`.
 * `Prefer: odata.maxpagesize` may lower the page size of records and sessions.
 */
import type { CallRecord, CallRecordSession } from '../../../shared/graph/callRecords';
import { isRetained } from './callRecordStore';
import { authorizeGraph } from './graphAuth';
import { header, sendGraphError, sendJson, type RequestContext } from './http';
import { matchesFilter, parseCallRecordFilter } from './odataFilter';
import { parseCallRecordExpand, parseSelect, parseSessionExpand, project, selectableProperties } from './odataQuery';
import { decodeSkipToken, encodeSkipToken, MAX_PARTICIPANTS_PAGE_SIZE, pageSizeFromPrefer, slicePage, type PageCursor } from './paging';
import { PERMISSION_CALL_RECORDS_READ } from './types';

type ApiVersion = 'v1.0' | 'beta';

const CALL_RECORD_TYPE = 'microsoft.graph.callRecords.callRecord';
const SESSION_TYPE = 'microsoft.graph.callRecords.session';

export async function handleListCallRecords(ctx: RequestContext, apiVersion: ApiVersion): Promise<void> {
  if (!(await allowGet(ctx))) return;
  const filterText = ctx.url.searchParams.get('$filter');
  const filter = filterText === null ? { ok: true as const, clauses: [] } : parseCallRecordFilter(filterText);
  if (!filter.ok) return sendGraphError(ctx, 400, 'BadRequest', filter.message);
  const select = parseSelect(ctx.url.searchParams.get('$select'), selectableProperties(CALL_RECORD_TYPE), CALL_RECORD_TYPE);
  if (!select.ok) return sendGraphError(ctx, 400, 'BadRequest', select.message);
  const paging = cursorFor(ctx);
  if (!paging) return;

  const matching = ctx.state.callRecords.retained(ctx.state.now()).filter((record) => matchesFilter(record, filter.clauses));
  const { page, next } = slicePage(matching, paging.cursor);
  const base = `${ctx.state.baseUrl}/${apiVersion}`;
  const body: Record<string, unknown> = {
    '@odata.context': `${base}/$metadata#communications/callRecords`,
    value: page.map((record) => project(listView(record), select.value)),
  };
  if (next) {
    const query = [
      filterText === null ? undefined : `$filter=${encodeURIComponent(filterText)}`,
      select.value ? `$select=${select.value.join(',')}` : undefined,
      `$skiptoken=${encodeSkipToken(next)}`,
    ].filter((part) => part !== undefined);
    body['@odata.nextLink'] = `${base}/communications/callRecords?${query.join('&')}`;
  }
  sendJson(ctx, 200, body, paging.headers);
}

export async function handleGetCallRecord(ctx: RequestContext, apiVersion: ApiVersion, id: string): Promise<void> {
  if (!(await allowGet(ctx))) return;
  const record = findRetained(ctx, id);
  if (!record) return;
  const select = parseSelect(ctx.url.searchParams.get('$select'), selectableProperties(CALL_RECORD_TYPE), CALL_RECORD_TYPE);
  if (!select.ok) return sendGraphError(ctx, 400, 'BadRequest', select.message);
  const expand = parseCallRecordExpand(ctx.url.searchParams.get('$expand'));
  if (!expand.ok) return sendGraphError(ctx, 400, 'BadRequest', expand.message);
  const { pageSize, preferenceApplied } = pageSizeFromPrefer(header(ctx.req, 'prefer'));

  const base = `${ctx.state.baseUrl}/${apiVersion}`;
  const { sessions, participants_v2, ...scalar } = record;
  const body: Record<string, unknown> = {
    '@odata.context': `${base}/$metadata#communications/callRecords/$entity`,
    ...project(scalar, select.value),
  };
  if (expand.value.participants) {
    const { page, next } = slicePage(participants_v2 ?? [], { offset: 0, pageSize: ctx.state.participantsPageSize });
    body.participants_v2 = page;
    if (next) body['participants_v2@odata.nextLink'] = participantsLink(base, record.id, next);
  }
  if (expand.value.sessions) {
    const { page, next } = slicePage(sessions ?? [], { offset: 0, pageSize });
    body.sessions = page.map((session) => sessionView(session, expand.value.segments, undefined));
    if (next) body['sessions@odata.nextLink'] = sessionsLink(base, record.id, expand.value.segments, next);
  }
  sendJson(ctx, 200, body, preferenceApplied ? { 'preference-applied': preferenceApplied } : {});
}

export async function handleListSessions(ctx: RequestContext, apiVersion: ApiVersion, id: string): Promise<void> {
  if (!(await allowGet(ctx))) return;
  const record = findRetained(ctx, id);
  if (!record) return;
  const withSegments = parseSessionExpand(ctx.url.searchParams.get('$expand'));
  if (!withSegments.ok) return sendGraphError(ctx, 400, 'BadRequest', withSegments.message);
  const select = parseSelect(ctx.url.searchParams.get('$select'), selectableProperties(SESSION_TYPE), SESSION_TYPE);
  if (!select.ok) return sendGraphError(ctx, 400, 'BadRequest', select.message);
  const paging = cursorFor(ctx);
  if (!paging) return;
  const base = `${ctx.state.baseUrl}/${apiVersion}`;
  const { page, next } = slicePage(record.sessions ?? [], paging.cursor);
  const body: Record<string, unknown> = {
    '@odata.context': `${base}/$metadata#communications/callRecords('${record.id}')/sessions`,
    value: page.map((session) => sessionView(session, withSegments.value, select.value)),
  };
  if (next) body['@odata.nextLink'] = sessionsLink(base, record.id, withSegments.value, next);
  sendJson(ctx, 200, body, paging.headers);
}

export async function handleListParticipants(ctx: RequestContext, apiVersion: ApiVersion, id: string): Promise<void> {
  if (!(await allowGet(ctx))) return;
  const record = findRetained(ctx, id);
  if (!record) return;
  const token = ctx.url.searchParams.get('$skiptoken');
  const cursor = token === null ? { offset: 0, pageSize: ctx.state.participantsPageSize } : decodeSkipToken(token, MAX_PARTICIPANTS_PAGE_SIZE);
  if (!cursor) return sendGraphError(ctx, 400, 'BadRequest', 'The $skiptoken value is not valid.');
  const base = `${ctx.state.baseUrl}/${apiVersion}`;
  const { page, next } = slicePage(record.participants_v2 ?? [], cursor);
  const body: Record<string, unknown> = { '@odata.context': `${base}/$metadata#communications/callRecords('${record.id}')/participants_v2`, value: page };
  if (next) body['@odata.nextLink'] = participantsLink(base, record.id, next);
  sendJson(ctx, 200, body);
}

async function allowGet(ctx: RequestContext): Promise<boolean> {
  if (ctx.method !== 'GET') {
    sendGraphError(ctx, 405, 'Request_BadRequest', `The HTTP method '${ctx.method}' is not allowed; callRecords are read-only.`);
    return false;
  }
  return authorizeGraph(ctx, PERMISSION_CALL_RECORDS_READ);
}

function findRetained(ctx: RequestContext, id: string): CallRecord | undefined {
  const record = ctx.state.callRecords.get(id);
  if (!record || !isRetained(record, ctx.state.now())) {
    sendGraphError(ctx, 404, 'NotFound', `The call record '${id}' was not found. Call records are available for 30 days after the call ends.`);
    return undefined;
  }
  return record;
}

/** The page cursor from `$skiptoken` (or page 1 sized by Prefer); sends 400 for a foreign token. */
function cursorFor(ctx: RequestContext): { cursor: PageCursor; headers: Record<string, string> } | undefined {
  const token = ctx.url.searchParams.get('$skiptoken');
  if (token !== null) {
    const cursor = decodeSkipToken(token);
    if (!cursor) {
      sendGraphError(ctx, 400, 'BadRequest', 'The $skiptoken value is not valid.');
      return undefined;
    }
    return { cursor, headers: {} };
  }
  const { pageSize, preferenceApplied } = pageSizeFromPrefer(header(ctx.req, 'prefer'));
  return { cursor: { offset: 0, pageSize }, headers: preferenceApplied ? { 'preference-applied': preferenceApplied } : {} };
}

/** List items carry no expandable relationships (§3.2). */
function listView(record: CallRecord): Omit<CallRecord, 'sessions' | 'participants_v2'> {
  const { sessions: _sessions, participants_v2: _participants, 'sessions@odata.nextLink': _next, ...rest } = record;
  return rest;
}

function sessionView(session: CallRecordSession, withSegments: boolean, select: string[] | undefined): Partial<CallRecordSession> {
  const { segments, ...rest } = session;
  const view: Partial<CallRecordSession> = project(rest, select);
  if (withSegments) view.segments = segments ?? [];
  return view;
}

function participantsLink(base: string, recordId: string, next: PageCursor): string {
  return `${base}/communications/callRecords/${recordId}/participants_v2?$skiptoken=${encodeSkipToken(next)}`;
}

function sessionsLink(base: string, recordId: string, withSegments: boolean, next: PageCursor): string {
  const expand = withSegments ? '$expand=segments&' : '';
  return `${base}/communications/callRecords/${recordId}/sessions?${expand}$skiptoken=${encodeSkipToken(next)}`;
}

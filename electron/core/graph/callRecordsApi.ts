/**
 * Reading callRecords (../shared/reference/graph-api.md §3): list with `$filter` on startDateTime and participants_v2 id, get
 * one with its sessions (and segments) read whole across `sessions@odata.nextLink` pages, list sessions.
 * All need CallRecords.Read.All. Page size: Graph's maximum is 60; `maxPageSize` asks for less through
 * `Prefer: odata.maxpagesize`.
 */
import type { CallRecord, CallRecordParticipant, CallRecordSession } from '../../../shared/graph/callRecords';
import { callRecordSummarySchema } from '../../../shared/graph/callRecords';
import { GraphError } from './errors';
import { assertSameOrigin, followPages, parseJson, unexpected, type PageRequest } from './paging';
import type { GraphTransport } from './transport';

export const CALL_RECORDS_PERMISSION = 'CallRecords.Read.All';
/** 100 pages of 130 after the first: 13,130 people, more than a Teams town hall's 10,000 attendees. */
export const MAX_PARTICIPANT_PAGES = 100;

export interface CallRecordListQuery {
  /** Records that started at or after this time (startDateTime ge). */
  since?: Date | string;
  /** Records that started before this time (startDateTime lt). */
  until?: Date | string;
  /** Only calls this participant (participants_v2 id) took part in. */
  participantId?: string;
  /** ≤ 60 (Graph's maximum). */
  maxPageSize?: number;
  select?: readonly string[];
  /** A GraphPagingError's `resumeFrom`: continue there instead of starting over. */
  resumeFrom?: string;
  signal?: AbortSignal;
}

export interface CallRecordPage {
  records: CallRecord[];
  nextLink?: string;
}

export interface GetCallRecordOptions {
  /** Expand sessions with their segments, reading every sessions page. */
  expandSessions?: boolean;
  /**
   * Also expand participants_v2 (who took part, with their ids and UPNs: how a room's account is found). Graph
   * returns at most 130 inline (../shared/reference/graph-api.md §3.4) and the rest through
   * `participants_v2@odata.nextLink`, followed for at most `maxParticipantPages` more pages: past that bound
   * the record keeps the link, so the caller can tell (and say) that not every participant was read.
   */
  expandParticipants?: boolean;
  /** Participant pages read after the first (default MAX_PARTICIPANT_PAGES). */
  maxParticipantPages?: number;
  select?: readonly string[];
  maxPageSize?: number;
  signal?: AbortSignal;
}

export interface CallRecordsApiContext {
  transport: GraphTransport;
  /** e.g. https://graph.microsoft.com/v1.0 */
  versionRoot: string;
  graphOrigin: string;
}

export function buildCallRecordsFilter(query: Pick<CallRecordListQuery, 'since' | 'until' | 'participantId'>): string | undefined {
  const clauses: string[] = [];
  if (query.since !== undefined) clauses.push(`startDateTime ge ${isoInstant(query.since, 'since')}`);
  if (query.until !== undefined) clauses.push(`startDateTime lt ${isoInstant(query.until, 'until')}`);
  // OData string literal: a quote inside is doubled.
  if (query.participantId !== undefined) clauses.push(`participants_v2/any(p:p/id eq '${query.participantId.replace(/'/g, "''")}')`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

export async function* iterateCallRecordPages(ctx: CallRecordsApiContext, query: CallRecordListQuery = {}): AsyncGenerator<CallRecordPage> {
  const params: string[] = [];
  const filter = buildCallRecordsFilter(query);
  if (filter) params.push(`$filter=${encodeURIComponent(filter)}`);
  if (query.select?.length) params.push(`$select=${query.select.join(',')}`);
  const firstUrl = query.resumeFrom ?? `${ctx.versionRoot}/communications/callRecords${params.length ? `?${params.join('&')}` : ''}`;
  for await (const page of followPages(ctx.transport, firstUrl, pageRequest(ctx, query.maxPageSize, query.signal))) {
    yield { records: page.value.map((item) => checkRecord(item, !query.select?.length)), nextLink: page.nextLink };
  }
}

export async function listCallRecords(ctx: CallRecordsApiContext, query: CallRecordListQuery = {}): Promise<CallRecord[]> {
  const records: CallRecord[] = [];
  for await (const page of iterateCallRecordPages(ctx, query)) records.push(...page.records);
  return records;
}

export async function getCallRecord(ctx: CallRecordsApiContext, id: string, options: GetCallRecordOptions = {}): Promise<CallRecord> {
  const params: string[] = [];
  if (options.select?.length) params.push(`$select=${options.select.join(',')}`);
  const expand = [...(options.expandSessions ? ['sessions($expand=segments)'] : []), ...(options.expandParticipants ? ['participants_v2'] : [])];
  if (expand.length > 0) params.push(`$expand=${expand.join(',')}`);
  const url = `${ctx.versionRoot}/communications/callRecords/${encodeURIComponent(id)}${params.length ? `?${params.join('&')}` : ''}`;
  const request = pageRequest(ctx, options.maxPageSize, options.signal);
  const { graphOrigin: _origin, ...rest } = request;
  const response = await ctx.transport({ ...rest, method: 'GET', url });
  const record = checkRecord(parseJson(response.bodyText, response.status), !options.select?.length);
  const nextLink = record['sessions@odata.nextLink'];
  delete record['sessions@odata.nextLink'];
  if (nextLink !== undefined) {
    assertSameOrigin(nextLink, ctx.graphOrigin);
    const sessions = record.sessions ?? [];
    // Graph's sessions pages carry callRecordSession items (the page schema checks only the envelope).
    for await (const page of followPages(ctx.transport, nextLink, request)) sessions.push(...(page.value as CallRecordSession[]));
    record.sessions = sessions;
  }
  await readParticipantPages(ctx, record, request, options.maxParticipantPages ?? MAX_PARTICIPANT_PAGES);
  return record;
}

/** Follows `participants_v2@odata.nextLink` for at most `maxPages` pages; leaves the link on the record when it stops early. */
async function readParticipantPages(ctx: CallRecordsApiContext, record: CallRecord, request: PageRequest, maxPages: number): Promise<void> {
  const firstLink = record['participants_v2@odata.nextLink'];
  delete record['participants_v2@odata.nextLink'];
  if (firstLink === undefined) return;
  if (maxPages < 1) {
    record['participants_v2@odata.nextLink'] = firstLink;
    return;
  }
  assertSameOrigin(firstLink, ctx.graphOrigin);
  const participants = record.participants_v2 ?? [];
  let pages = 0;
  for await (const page of followPages(ctx.transport, firstLink, request)) {
    // Graph's participants pages carry participant items (the page schema checks only the envelope).
    participants.push(...(page.value as CallRecordParticipant[]));
    pages += 1;
    if (pages >= maxPages && page.nextLink !== undefined) {
      record['participants_v2@odata.nextLink'] = page.nextLink;
      break;
    }
  }
  record.participants_v2 = participants;
}

export async function listSessions(
  ctx: CallRecordsApiContext,
  id: string,
  options: { expandSegments?: boolean; maxPageSize?: number; signal?: AbortSignal } = {},
): Promise<CallRecordSession[]> {
  const expand = options.expandSegments === false ? '' : '?$expand=segments';
  const url = `${ctx.versionRoot}/communications/callRecords/${encodeURIComponent(id)}/sessions${expand}`;
  const sessions: CallRecordSession[] = [];
  for await (const page of followPages(ctx.transport, url, pageRequest(ctx, options.maxPageSize, options.signal))) {
    // Graph's sessions pages carry callRecordSession items (the page schema checks only the envelope).
    sessions.push(...(page.value as CallRecordSession[]));
  }
  return sessions;
}

function pageRequest(ctx: CallRecordsApiContext, maxPageSize: number | undefined, signal: AbortSignal | undefined): PageRequest {
  return {
    graphOrigin: ctx.graphOrigin,
    requiredPermission: CALL_RECORDS_PERMISSION,
    prefer: maxPageSize === undefined ? undefined : `odata.maxpagesize=${Math.max(1, Math.floor(maxPageSize))}`,
    signal,
  };
}

/**
 * Loose check (shared schema): refuses what is not a callRecord, keeps every property Graph adds. With
 * `$select` only an object is required: the required properties may not have been selected.
 */
function checkRecord(value: unknown, complete: boolean): CallRecord {
  if (!complete) {
    if (typeof value !== 'object' || value === null) throw unexpected(200, 'a callRecord that is not an object');
    // A whole record from Graph: an object, passed through as Graph typed it (open type, loose on purpose).
    return value as CallRecord;
  }
  const parsed = callRecordSummarySchema.safeParse(value);
  if (!parsed.success) throw unexpected(200, 'a callRecord missing required properties');
  // The loose summary schema checked what the app reads; the record passes through as Graph sent it.
  return value as CallRecord;
}

function isoInstant(value: Date | string, name: string): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new GraphError({ kind: 'http', code: 'invalidQuery', message: `${name} is not a valid time: ${String(value)}`, retryable: false });
  }
  return new Date(ms).toISOString();
}


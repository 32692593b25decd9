/**
 * The call-records service: recent callRecords and one record with every session, from Graph
 * through a SQLite cache, beside the room's own reports. Policy, in one place:
 * - A list is served from the cache while it is younger than the refresh interval (the UI re-lists on
 *   every `callRecordsChanged`, which must not turn into Graph requests); `refresh` or an older cache reads
 *   Graph, every page. A record read whole is final once read a day after its call ended; until 2.5 h
 *   after its call it is read again in the background, and a higher `version` replaces it (versions.ts).
 * - Graph unreachable (network, timeout, 5xx, a Retry-After longer than we wait in place) → the cache, with
 *   `stale: true` and availability `offline`, and a message saying why.
 * - 403 → `missing_permission` ("admin consent needed for CallRecords.Read.All"); remembered, so further
 *   calls answer from memory: Graph is asked again only by the schedule or an explicit refresh.
 * - 404 → not available yet (re-checked later with backoff) or expired (30 days after the call): missing.ts.
 * - 429 → Retry-After honoured: waited out in place when short (reader.ts), else no request before it.
 * - China → `unavailable_in_cloud` without a request; no client → `not_configured`.
 */
import type { AppRequest } from '../../../shared/api/contract';
import type { CallRecordDetailView, CallRecordListView, ReportCallRecordView, ReportDetail as ReportDetailView } from '../../../shared/api/views';
import type { CloudName } from '../../../shared/config/schema';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { CHINA_REFUSAL } from '../auth/clouds';
import type { Db } from '../db/database';
import type { Logger } from '../log/logger';
import { createOutbox } from '../outbox/outbox';
import type { ReportRecordDetail } from '../outbox/types';
import { createCallRecordCache, recordKey } from './cache';
import { createReportCorrelation, type ReportSource } from './correlation';
import { classifyFailure, outcomeOf, type ReadFailure } from './failures';
import { awaitedStatus, missingStatus, RETENTION_MS, retryDelayMs } from './missing';
import { createReader, ReadError, type CallRecordsApiLike, type ListProgress } from './reader';
import { checkRecordId, checkSinceHours, HOUR_MS } from './requests';
import { createRefreshSchedule } from './schedule';
import type { Timers } from '../timers';
import { backoffCeilingMs } from '../../../shared/backoff';
import { toDetailView, toListView, type Outcome } from './views';
import { loadTeamsRoomsCalls } from '../devices/teams-rooms-log';
import { matchTeamsRoomsCall, roomsInCallDuring, type TeamsRoom } from './teams-rooms';
import { createVersionFollower } from './versions';

export interface CallRecordsServiceOptions {
  db: Db;
  /** The Graph client of the current settings; undefined = not configured. Asked on every use. */
  getApi: () => CallRecordsApiLike | undefined;
  cloud: CloudName | (() => CloudName);
  log: Logger;
  /** Outbox report (epoch ms) → the shared view (ISO): app/report-views.ts toReportDetailView. */
  toReportView: (report: ReportRecordDetail) => ReportDetailView;
  /** Records that appeared, changed, or became readable: the core pushes `callRecordsChanged`. */
  onChanged?: (ids: string[]) => void;
  /** Scheduled list refresh and list cache lifetime (default 5 min: 1 list every 5 min vs 40 / 20 s allowed). */
  refreshIntervalMs?: number;
  /** First re-check of a record Graph does not have yet (default 2 min; doubles up to hourly). */
  notYetRetryMs?: number;
  /** Longest Retry-After waited out inside one call (default 10 s). */
  maxInlineWaitMs?: number;
  /**
   * Fetches a token past MSAL's cache. Called before re-checking a missing permission, because a token
   * issued before the admin consent does not carry the role (e.g. `() => provider.getToken({ forceRefresh: true })`).
   */
  renewToken?: () => Promise<unknown>;
  /** Where report details come from (default: an outbox over `db`). */
  outbox?: ReportSource;
  /** The configured rooms with a Teams resource account (rooms[].teamsRoomAccount): their Teams Rooms calls. */
  teamsRooms?: () => readonly TeamsRoom[];
  now?: () => number;
  timers?: Timers;
}

export interface CallRecordsService {
  list(req: AppRequest<'listCallRecords'>): Promise<CallRecordListView>;
  get(req: AppRequest<'getCallRecord'>): Promise<CallRecordDetailView>;
  /** For a report: its callRecord as far as the cache knows (no Graph request). */
  callRecordFor(callChainId: string): ReportCallRecordView;
  /** A report with this callChainId was sent: look for its record once Teams publishes it. */
  reportCallChainSent(callChainId: string): void;
  /** Starts the scheduled refresh (list + records waited for). */
  start(): void;
  /** Final: stops the schedule, cancels waits and waits for requests in flight. */
  stop(): Promise<void>;
}

const DEFAULT_REFRESH_MS = 5 * 60_000;
const DEFAULT_NOT_YET_MS = 2 * 60_000;
/** A record read this long after its call ended will not change any more. */
const FINAL_AFTER_MS = 24 * HOUR_MS;
/** Cached records are dropped a while after Graph itself drops them, so "expired" can still show them. */
const PURGE_AFTER_MS = RETENTION_MS + 5 * 24 * HOUR_MS;
/** Without Retry-After: 30 s, doubling, at most 30 min. */
const THROTTLE_FALLBACK_MS = 30_000;
const THROTTLE_MAX_MS = 30 * 60_000;
/** Records read whole per list refresh to find rooms' Teams Rooms calls (each record is read once). */
const MAX_TEAMS_ROOMS_READS = 10;

export function createCallRecordsService(options: CallRecordsServiceOptions): CallRecordsService {
  const now = options.now ?? Date.now;
  const refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_REFRESH_MS;
  const notYetRetryMs = options.notYetRetryMs ?? DEFAULT_NOT_YET_MS;
  const fixedCloud = options.cloud;
  const cloud = typeof fixedCloud === 'function' ? fixedCloud : () => fixedCloud;
  const log = options.log.child({ component: 'call-records' });
  const cache = createCallRecordCache(options.db);
  const correlation = createReportCorrelation(options.outbox ?? createOutbox(options.db, { now }));
  const closing = new AbortController();
  const reader = createReader({ now, maxInlineWaitMs: options.maxInlineWaitMs, signal: closing.signal, log });
  const versions = createVersionFollower({ cache, firstRetryMs: notYetRetryMs, now });

  let lastQuery: { sinceHours: number; participantId?: string } = { sinceHours: 24 };
  let permissionMissingSinceMs: number | undefined;
  let throttledUntilMs: number | undefined;
  let throttleCount = 0;
  let pendingList: { key: string; sinceMs: number; progress: ListProgress } | undefined;
  const inFlight = new Map<string, Promise<unknown>>();

  function once<T>(key: string, work: () => Promise<T>): Promise<T> {
    // Each key is only ever stored with the promise of its own work(), so T matches.
    const running = inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = work().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  function emit(ids: string[]): void {
    if (ids.length === 0) return;
    try {
      options.onChanged?.(ids);
    } catch (error) {
      log.warn('callRecordsChanged listener failed', { error: String(error) });
    }
  }

  /** Why Graph will not be asked now, or undefined with the client to ask. */
  function gate(refresh: boolean): { blocked: Outcome } | { api: CallRecordsApiLike } {
    if (cloud() === 'china') return { blocked: { availability: 'unavailable_in_cloud', message: CHINA_REFUSAL } };
    let api: CallRecordsApiLike | undefined;
    try {
      api = options.getApi();
    } catch (error) {
      return { blocked: outcomeOf(classifyFailure(error)) };
    }
    if (!api) return { blocked: { availability: 'not_configured', message: 'Connect to Microsoft Graph first (tenant, client id and credential).' } };
    if (permissionMissingSinceMs !== undefined && !refresh) return { blocked: outcomeOf({ kind: 'missing_permission', message: '' }) };
    if (throttledUntilMs !== undefined && now() < throttledUntilMs) {
      return { blocked: { availability: 'offline', message: `Microsoft Graph asked to slow down; next request after ${new Date(throttledUntilMs).toISOString()}.` } };
    }
    return { api };
  }

  async function beforeRequest(): Promise<void> {
    if (permissionMissingSinceMs === undefined || !options.renewToken) return;
    try {
      await options.renewToken();
    } catch {
      // the request that follows reports the token problem itself
    }
  }

  function succeeded(): void {
    if (permissionMissingSinceMs !== undefined) log.info('CallRecords.Read.All is granted now');
    permissionMissingSinceMs = undefined;
    throttledUntilMs = undefined;
    throttleCount = 0;
  }

  function failed(failure: ReadFailure): void {
    if (failure.kind === 'missing_permission') {
      if (permissionMissingSinceMs === undefined) log.warn('admin consent needed for CallRecords.Read.All: call records are not read until it is granted');
      permissionMissingSinceMs ??= now();
    } else if (failure.kind === 'throttled') {
      const waitMs = failure.retryAfterMs ?? backoffCeilingMs(throttleCount + 1, { startMs: THROTTLE_FALLBACK_MS, factor: 2, capMs: THROTTLE_MAX_MS });
      throttleCount += 1;
      throttledUntilMs = now() + waitMs;
      log.warn('throttled by Microsoft Graph', { retryAfterMs: waitMs });
    } else if (failure.kind !== 'not_found') {
      log.info('call records could not be read', { reason: failure.kind, message: failure.message });
    }
  }

  async function refreshList(api: CallRecordsApiLike, key: string, sinceMs: number, participantId: string | undefined): Promise<void> {
    return once(`list:${key}`, async () => {
      // Resume a list Graph throttled half-way, when it covers at least what is asked now.
      const resume = pendingList?.key === key && pendingList.sinceMs <= sinceMs ? pendingList : undefined;
      const fetchSinceMs = resume?.sinceMs ?? sinceMs;
      await beforeRequest();
      let records: CallRecord[];
      try {
        records = await reader.list(api, { since: new Date(fetchSinceMs), participantId }, resume?.progress);
      } catch (error) {
        const readError = error instanceof ReadError ? error : new ReadError(classifyFailure(error));
        failed(readError.failure);
        if (readError.failure.kind === 'throttled' && readError.progress?.records.length) {
          pendingList = { key, sinceMs: fetchSinceMs, progress: readError.progress };
        }
        throw readError;
      }
      pendingList = undefined;
      succeeded();
      const changed = cache.storeList(key, fetchSinceMs, now(), records);
      cache.purge(now() - PURGE_AFTER_MS);
      log.debug('call records listed', { count: records.length, changed: changed.length });
      emit(changed);
    });
  }

  /** Reads one record whole; a 404 becomes a not-yet / expired status. Throws ReadError otherwise. */
  async function fetchRecord(api: CallRecordsApiLike, id: string): Promise<void> {
    return once(`record:${recordKey(id)}`, async () => {
      await beforeRequest();
      let record: CallRecord;
      try {
        record = await reader.record(api, id);
      } catch (error) {
        const readError = error instanceof ReadError ? error : new ReadError(classifyFailure(error));
        if (readError.failure.kind === 'not_found') {
          succeeded(); // Graph answered: the permission is there and we are not throttled
          recordMissing(id);
          return;
        }
        failed(readError.failure);
        throw readError;
      }
      succeeded();
      if (cache.storeDetail(record, now())) emit([record.id]);
      schedule.wake(); // a record read whole (by a view too) is followed while young: its re-read may be due first
    });
  }

  function recordMissing(id: string): void {
    const cached = cache.record(id, { withDetail: false });
    const previous = cache.status(id);
    const status = missingStatus({
      id,
      nowMs: now(),
      callEndedAtMs: cached?.createdAtMs ?? correlation.callEndedAtMs(id),
      previous,
      firstRetryMs: notYetRetryMs,
    });
    cache.putStatus(status);
    // Not yet → expired is news for a view showing the record; a first 404 was just answered to the caller.
    if (previous !== undefined && previous.availability !== status.availability) emit([id]);
  }

  function detailIsFresh(id: string): boolean {
    const cached = cache.record(id, { withDetail: false });
    if (cached?.detailFetchedAtMs === undefined || cached.detailVersion !== cached.version) return false;
    return now() - cached.detailFetchedAtMs < refreshIntervalMs || cached.detailFetchedAtMs - cached.endAtMs > FINAL_AFTER_MS;
  }

  function detail(id: string, outcome: Outcome): CallRecordDetailView {
    const reports = correlation.reports(id).map(options.toReportView);
    return toDetailView(cache.record(id), reports, outcome);
  }

  /**
   * A listed record names only its organizer: one overlapping a room's Teams Rooms call is read whole (its
   * participants_v2) so the room's account can be found in it. Bounded: only such records, each read once.
   */
  async function readTeamsRoomsCandidates(api: CallRecordsApiLike, key: string, sinceMs: number): Promise<void> {
    const rooms = options.teamsRooms?.() ?? [];
    if (rooms.length === 0) return;
    const spans = loadTeamsRoomsCalls(options.db);
    const candidates = cache
      .list(key, sinceMs)
      .lines.filter((line) => roomsInCallDuring(line, rooms, spans, now()).length > 0 && matchTeamsRoomsCall(line, rooms, spans, now()) === undefined)
      .filter((line) => cache.record(recordKey(line.id), { withDetail: false })?.detailFetchedAtMs === undefined)
      .slice(0, MAX_TEAMS_ROOMS_READS);
    for (const line of candidates) {
      try {
        await fetchRecord(api, recordKey(line.id));
      } catch (error) {
        log.warn('callRecord of a Teams Rooms call not read', { id: line.id, error: String(error) });
        return;
      }
    }
  }

  function listView(key: string, sinceMs: number, outcome: Outcome): CallRecordListView {
    const cached = cache.list(key, sinceMs);
    const rooms = options.teamsRooms?.() ?? [];
    const spans = rooms.length === 0 ? [] : loadTeamsRoomsCalls(options.db);
    const view = toListView(cached, correlation.reportIdsByRecord(cached.lines.map((line) => recordKey(line.id))), outcome, sinceMs, (line) => matchTeamsRoomsCall(line, rooms, spans, now()));
    if (cached.fetchedAtMs !== undefined) view.nextRefreshAt = new Date(Math.max(now(), cached.fetchedAtMs + refreshIntervalMs)).toISOString();
    return view;
  }

  const service: CallRecordsService = {
    async list(req) {
      const sinceHours = checkSinceHours(req.sinceHours);
      const participantId = req.participantId?.trim() || undefined;
      const key = participantId?.toLowerCase() ?? '';
      const sinceMs = now() - sinceHours * HOUR_MS;
      lastQuery = { sinceHours, participantId };
      const gated = gate(req.refresh === true);
      if ('blocked' in gated) return listView(key, sinceMs, gated.blocked);
      const cached = cache.list(key, sinceMs);
      const fresh = cached.fetchedAtMs !== undefined && now() - cached.fetchedAtMs < refreshIntervalMs && (cached.sinceAtMs ?? Infinity) <= sinceMs;
      if (fresh && req.refresh !== true) return listView(key, sinceMs, { availability: 'ok' });
      try {
        await refreshList(gated.api, key, sinceMs, participantId);
        await readTeamsRoomsCandidates(gated.api, key, sinceMs);
        return listView(key, sinceMs, { availability: 'ok' });
      } catch (error) {
        return listView(key, sinceMs, outcomeOf(error instanceof ReadError ? error.failure : classifyFailure(error)));
      }
    },

    async get(req) {
      const id = checkRecordId(req.id);
      const gated = gate(req.refresh === true);
      if ('blocked' in gated) return detail(id, gated.blocked);
      const status = cache.status(id);
      if (req.refresh !== true) {
        // A status is Graph's latest word (a read record clears it), so it comes before the cached copy.
        if (status?.availability === 'expired') return detail(id, { availability: 'expired', message: status.message });
        if (status?.availability === 'not_available_yet' && (status.nextCheckAtMs ?? 0) > now()) {
          return detail(id, { availability: 'not_available_yet', message: status.message });
        }
        if (!status && detailIsFresh(id)) return detail(id, { availability: 'ok' });
      }
      try {
        await fetchRecord(gated.api, id);
      } catch (error) {
        return detail(id, outcomeOf(error instanceof ReadError ? error.failure : classifyFailure(error)));
      }
      const missing = cache.status(id);
      if (missing) return detail(id, { availability: missing.availability, message: missing.message });
      return detail(id, { availability: 'ok' });
    },

    callRecordFor(callChainId) {
      const id = recordKey(callChainId);
      const status = cache.status(id);
      if (status) return { id, availability: status.availability, checkedAt: new Date(status.checkedAtMs).toISOString() };
      const cached = cache.record(id, { withDetail: false });
      if (!cached) return { id, availability: 'unknown' };
      const view: ReportCallRecordView = { id: cached.line.id, availability: 'ok', startDateTime: cached.line.startDateTime, endDateTime: cached.line.endDateTime };
      if (cached.detailFetchedAtMs !== undefined) view.checkedAt = new Date(cached.detailFetchedAtMs).toISOString();
      return view;
    },

    reportCallChainSent(callChainId) {
      const id = recordKey(callChainId);
      if (cache.record(id, { withDetail: false })?.detailFetchedAtMs !== undefined || cache.status(id) !== undefined) return;
      cache.putStatus(awaitedStatus(id, now(), notYetRetryMs));
      schedule.wake();
    },

    start: () => schedule.start(),
    async stop() {
      closing.abort();
      await schedule.stop();
      await Promise.allSettled([...inFlight.values()]);
    },
  };

  const schedule = createRefreshSchedule({
    now,
    timers: options.timers,
    refreshIntervalMs,
    /** When the next scheduled work is due: a throttled Graph pushes everything to Retry-After. */
    nextDueAtMs: () => {
      const dueAtMs = [cache.nextStatusCheckAtMs(), versions.nextDueAtMs()].filter((at) => at !== undefined);
      return { statusAtMs: dueAtMs.length > 0 ? Math.min(...dueAtMs) : undefined, notBeforeMs: throttledUntilMs };
    },
    async refreshList() {
      const gated = gate(true);
      if ('blocked' in gated) return;
      const sinceMs = now() - lastQuery.sinceHours * HOUR_MS;
      await refreshList(gated.api, lastQuery.participantId?.toLowerCase() ?? '', sinceMs, lastQuery.participantId);
      await readTeamsRoomsCandidates(gated.api, lastQuery.participantId?.toLowerCase() ?? '', sinceMs);
    },
    async recheckDue(limit) {
      for (const status of cache.dueStatuses(now(), limit)) {
        const gated = gate(false);
        if ('blocked' in gated) return;
        try {
          await fetchRecord(gated.api, status.id);
        } catch {
          // Graph unreachable: look again later rather than at once (the status stays due otherwise).
          if (cache.status(status.id)?.nextCheckAtMs === status.nextCheckAtMs) {
            cache.putStatus({ ...status, checkedAtMs: now(), nextCheckAtMs: now() + retryDelayMs(notYetRetryMs, status.checkCount + 1) });
          }
        }
      }
      // Young records read whole: Teams may have published a higher version (versions.ts).
      for (const id of versions.due(limit)) {
        versions.looked(id); // first: a blocked Graph (no consent) must not make the timer spin either
        const gated = gate(false);
        if ('blocked' in gated) return;
        try {
          await fetchRecord(gated.api, id);
        } catch {
          return; // logged by failed(); the record is looked at again at its next due time
        }
      }
    },
    log,
  });

  return service;
}

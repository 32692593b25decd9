/**
 * The call-records cache over the one SQLite database (tables of migration 004). It only stores and reads:
 * what to fetch and when is the service's business. Statements are prepared once; each write is one
 * transaction, so a list refresh either lands whole or not at all. Ids are keyed in lower case: a record's
 * id is the callChainId of the room's reports, which senders may write in either case.
 */
import type { CallRecord } from '../../../shared/graph/callRecords';
import type { Db } from '../db/database';
import { dropUndefined } from '../../../shared/json';
import { recordLine, type RecordLine } from './summary';

export type MissingAvailability = 'not_available_yet' | 'expired';

export interface CachedRecord {
  id: string;
  startAtMs: number;
  endAtMs: number;
  createdAtMs: number;
  version: number;
  line: RecordLine;
  /** The record with every session, once read. */
  detail?: CallRecord;
  detailVersion?: number;
  detailFetchedAtMs?: number;
  sessionCount?: number;
}

/** What deciding a re-read needs of a record read whole. */
export interface ReadRecord {
  id: string;
  endAtMs: number;
  /** The newest version seen, in a list or a read. */
  version: number;
  detailVersion?: number;
  detailFetchedAtMs: number;
}

interface ReadRow {
  id: string;
  end_at: number;
  version: number;
  detail_version: number | null;
  detail_fetched_at: number;
}

export interface MissingStatus {
  id: string;
  availability: MissingAvailability;
  message: string;
  /** What the 30 days of retention count from: the call's end when known, else the first 404. */
  referenceAtMs: number;
  firstMissingAtMs: number;
  checkedAtMs: number;
  checkCount: number;
  nextCheckAtMs?: number;
}

export interface CachedList {
  lines: RecordLine[];
  fetchedAtMs?: number;
  /** The earliest start time the last fetch for this query covered. */
  sinceAtMs?: number;
}

interface RecordRow {
  id: string;
  start_at: number;
  end_at: number;
  created_at: number;
  version: number;
  view_json: string;
  detail_json: string | null;
  detail_version: number | null;
  detail_fetched_at: number | null;
  session_count: number | null;
}

interface StatusRow {
  id: string;
  availability: MissingAvailability;
  message: string;
  reference_at: number;
  first_missing_at: number;
  checked_at: number;
  check_count: number;
  next_check_at: number | null;
}

export const recordKey = (id: string): string => id.trim().toLowerCase();

/** A transaction as a plain function: the cache's type then names no better-sqlite3 internals. */
function inTransaction<A extends unknown[], R>(db: Db, work: (...args: A) => R): (...args: A) => R {
  return db.transaction(work);
}

export function createCallRecordCache(db: Db) {
  const selectRecord = db.prepare<[string], RecordRow>(`SELECT id, start_at, end_at, created_at, version, view_json, detail_json,
    detail_version, detail_fetched_at, session_count FROM call_records WHERE id = ?`);
  // The same without the detail JSON (about 1.7 MB for 150 sessions): for the decisions that only need the times.
  const selectRecordMeta = db.prepare<[string], RecordRow>(`SELECT id, start_at, end_at, created_at, version, view_json, NULL AS detail_json,
    detail_version, detail_fetched_at, session_count FROM call_records WHERE id = ?`);
  const selectVersion = db.prepare<[string], { version: number; detail_json: string | null; detail_version: number | null }>(
    'SELECT version, detail_json, detail_version FROM call_records WHERE id = ?',
  );
  const selectReadSince = db.prepare<[number], ReadRow>(`SELECT id, end_at, version, detail_version, detail_fetched_at FROM call_records
    WHERE detail_fetched_at IS NOT NULL AND end_at >= ?`);
  const upsertSummary = db.prepare(`INSERT INTO call_records (id, start_at, end_at, created_at, version, summary_json, view_json, listed_at)
    VALUES (@id, @startAt, @endAt, @createdAt, @version, @summaryJson, @viewJson, @listedAt)
    ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, end_at = excluded.end_at, created_at = excluded.created_at,
      version = excluded.version, summary_json = excluded.summary_json, view_json = excluded.view_json,
      listed_at = coalesce(excluded.listed_at, listed_at)`);
  const updateDetail = db.prepare(`UPDATE call_records SET detail_json = @detailJson, detail_version = @version,
    detail_fetched_at = @fetchedAt, session_count = @sessionCount WHERE id = @id`);
  const upsertList = db.prepare(`INSERT INTO call_record_lists (list_key, since_at, fetched_at) VALUES (?, ?, ?)
    ON CONFLICT (list_key) DO UPDATE SET since_at = excluded.since_at, fetched_at = excluded.fetched_at`);
  const deleteListItemsSince = db.prepare(`DELETE FROM call_record_list_items WHERE list_key = ?
    AND record_id IN (SELECT id FROM call_records WHERE start_at >= ?)`);
  const insertListItem = db.prepare('INSERT OR IGNORE INTO call_record_list_items (list_key, record_id) VALUES (?, ?)');
  const selectList = db.prepare<[string], { since_at: number; fetched_at: number }>('SELECT since_at, fetched_at FROM call_record_lists WHERE list_key = ?');
  const selectListLines = db.prepare<[string, number], { view_json: string }>(`SELECT r.view_json FROM call_record_list_items i
    JOIN call_records r ON r.id = i.record_id WHERE i.list_key = ? AND r.start_at >= ? ORDER BY r.start_at DESC, r.id DESC`);
  const selectStatus = db.prepare<[string], StatusRow>('SELECT * FROM call_record_status WHERE id = ?');
  const upsertStatus = db.prepare(`INSERT INTO call_record_status (id, availability, message, reference_at, first_missing_at, checked_at, check_count, next_check_at)
    VALUES (@id, @availability, @message, @referenceAt, @firstMissingAt, @checkedAt, @checkCount, @nextCheckAt)
    ON CONFLICT (id) DO UPDATE SET availability = excluded.availability, message = excluded.message, reference_at = excluded.reference_at,
      checked_at = excluded.checked_at, check_count = excluded.check_count, next_check_at = excluded.next_check_at`);
  const deleteStatus = db.prepare('DELETE FROM call_record_status WHERE id = ?');
  const selectDue = db.prepare<[number, number], StatusRow>(`SELECT * FROM call_record_status
    WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at LIMIT ?`);
  const selectNextDue = db.prepare<[], { at: number | null }>('SELECT min(next_check_at) AS at FROM call_record_status WHERE next_check_at IS NOT NULL');
  const purgeRecords = db.prepare('DELETE FROM call_records WHERE end_at < ?');
  const purgeStatus = db.prepare('DELETE FROM call_record_status WHERE next_check_at IS NULL AND checked_at < ?');

  /**
   * Writes a record's summary (a list item, or the scalars of a full read); true when new or a new version.
   * The view names people from `detail` (the record read whole) when there is one: a list item has none.
   * Graph raises `version` on every update (../shared/reference/graph-api.md §3.3), so a copy with a lower
   * version than the stored one (a page read before the update, a lagging replica) is older: not written.
   */
  function writeSummary(record: CallRecord, listedAtMs: number | undefined, fullRecord?: CallRecord): boolean {
    const id = recordKey(record.id);
    const before = selectVersion.get(id);
    if (before !== undefined && record.version < before.version) return false;
    // detail_json is written only by this cache, from a CallRecord.
    const detail = fullRecord ?? (before?.detail_json ? (JSON.parse(before.detail_json) as CallRecord) : undefined);
    const { sessions: _sessions, 'sessions@odata.nextLink': _next, ...summary } = record;
    upsertSummary.run({
      id,
      startAt: Date.parse(record.startDateTime),
      endAt: Date.parse(record.endDateTime),
      createdAt: createdAtMs(record),
      version: record.version,
      summaryJson: JSON.stringify(summary),
      // The newer scalars over the older detail: sessions and participants_v2 still name the people.
      viewJson: JSON.stringify(recordLine({ ...detail, ...summary })),
      listedAt: listedAtMs ?? null,
    });
    return before === undefined || before.version !== record.version;
  }

  return {
    /** Replaces what the list for `listKey` showed from `sinceAtMs` on; returns the ids that are new or changed. */
    storeList: inTransaction(db, (listKey: string, sinceAtMs: number, fetchedAtMs: number, records: readonly CallRecord[]): string[] => {
      const changed = records.filter((record) => writeSummary(record, fetchedAtMs)).map((record) => record.id);
      upsertList.run(listKey, sinceAtMs, fetchedAtMs);
      deleteListItemsSince.run(listKey, sinceAtMs);
      for (const record of records) {
        insertListItem.run(listKey, recordKey(record.id));
        deleteStatus.run(recordKey(record.id));
      }
      return changed;
    }),

    /**
     * Stores a record read whole (every session); true when it is new, a new version, or was missing. A read
     * older than the stored detail (a lower version) changes nothing and answers false.
     */
    storeDetail: inTransaction(db, (record: CallRecord, fetchedAtMs: number): boolean => {
      const id = recordKey(record.id);
      const before = selectVersion.get(id);
      if (before?.detail_version != null && record.version < before.detail_version) return false;
      const changed = writeSummary(record, undefined, record);
      updateDetail.run({ id, detailJson: JSON.stringify(record), version: record.version, fetchedAt: fetchedAtMs, sessionCount: record.sessions?.length ?? 0 });
      const wasMissing = deleteStatus.run(id).changes > 0;
      // A record read on its own (a sent report's call) joins the "everyone" list at once when that list
      // covers its time, instead of waiting for the next list refresh.
      const everyone = selectList.get('');
      if (everyone !== undefined && Date.parse(record.startDateTime) >= everyone.since_at) insertListItem.run('', id);
      // A new detail version is news even when a list already brought the new summary.
      return changed || before?.detail_version !== record.version || wasMissing;
    }),

    /** The cached record; `withDetail: false` leaves out the record read whole (cheaper). */
    record(id: string, options: { withDetail?: boolean } = {}): CachedRecord | undefined {
      const row = (options.withDetail === false ? selectRecordMeta : selectRecord).get(recordKey(id));
      if (!row) return undefined;
      return dropUndefined({
        id: row.id,
        startAtMs: row.start_at,
        endAtMs: row.end_at,
        createdAtMs: row.created_at,
        version: row.version,
        // view_json and detail_json are written only by this cache, from a RecordLine and a CallRecord.
        line: JSON.parse(row.view_json) as RecordLine,
        detail: row.detail_json === null ? undefined : (JSON.parse(row.detail_json) as CallRecord),
        detailVersion: row.detail_version ?? undefined,
        detailFetchedAtMs: row.detail_fetched_at ?? undefined,
        sessionCount: row.session_count ?? undefined,
      });
    },

    /** The records read whole whose call ended at or after `endedSinceMs` (the young ones a re-read may update). */
    readSince(endedSinceMs: number): ReadRecord[] {
      return selectReadSince.all(endedSinceMs).map((row) =>
        dropUndefined({ id: row.id, endAtMs: row.end_at, version: row.version, detailVersion: row.detail_version ?? undefined, detailFetchedAtMs: row.detail_fetched_at }),
      );
    },

    list(listKey: string, sinceAtMs: number): CachedList {
      const meta = selectList.get(listKey);
      // view_json is written only by this cache, from a RecordLine.
      const lines = selectListLines.all(listKey, sinceAtMs).map((row) => JSON.parse(row.view_json) as RecordLine);
      return { lines, fetchedAtMs: meta?.fetched_at, sinceAtMs: meta?.since_at };
    },

    status(id: string): MissingStatus | undefined {
      const row = selectStatus.get(recordKey(id));
      return row ? toStatus(row) : undefined;
    },

    putStatus(status: MissingStatus): void {
      upsertStatus.run({
        id: recordKey(status.id),
        availability: status.availability,
        message: status.message,
        referenceAt: status.referenceAtMs,
        firstMissingAt: status.firstMissingAtMs,
        checkedAt: status.checkedAtMs,
        checkCount: status.checkCount,
        nextCheckAt: status.nextCheckAtMs ?? null,
      });
    },

    dueStatuses(nowMs: number, limit: number): MissingStatus[] {
      return selectDue.all(nowMs, limit).map(toStatus);
    },

    nextStatusCheckAtMs(): number | undefined {
      return selectNextDue.get()?.at ?? undefined;
    },

    /** Drops records that ended before `beforeMs` and expired markers last checked before it. */
    purge(beforeMs: number): void {
      purgeRecords.run(beforeMs);
      purgeStatus.run(beforeMs);
    },
  };
}

export type CallRecordCache = ReturnType<typeof createCallRecordCache>;

/** "UTC time when the call record was created" (§3.3); the end of the call when absent. */
function createdAtMs(record: CallRecord): number {
  const created = Date.parse(record.lastModifiedDateTime ?? '');
  return Number.isNaN(created) ? Date.parse(record.endDateTime) : created;
}

function toStatus(row: StatusRow): MissingStatus {
  return dropUndefined({
    id: row.id,
    availability: row.availability,
    message: row.message,
    referenceAtMs: row.reference_at,
    firstMissingAtMs: row.first_missing_at,
    checkedAtMs: row.checked_at,
    checkCount: row.check_count,
    nextCheckAtMs: row.next_check_at ?? undefined,
  });
}

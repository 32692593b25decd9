import type { Migration } from './index';

/**
 * The call-records cache: what Graph said about callRecords, kept so the UI and the CLI can show
 * it offline (marked stale) and so the scheduled refresh stays far inside Graph's throttling limits
 * (../shared/reference/graph-api.md §4.1). Graph stays the source of truth: every row here can be dropped and read again.
 * Times are integer milliseconds since the epoch (UTC), as in the outbox.
 *
 * - call_records: one row per callRecord. `id` is the lower-cased record id (= a report's callChainId,
 *   which may be written in either case). summary_json is the list item as Graph returned it (no sessions);
 *   detail_json the record with every session and segment, once read; view_json the summary the UI lists
 *   (names read from organizer_v2 / participants_v2 / associatedIdentity), recomputed on each write.
 *   created_at is lastModifiedDateTime ("UTC time when the call record was created", §3.3): the 30 days
 *   of retention count from it.
 * - call_record_lists / call_record_list_items: which records the last list for a query returned, over
 *   which window, and when. list_key '' is "everyone"; otherwise the participant id (lower case).
 * - call_record_status: ids Graph answered 404 for: not_available_yet (retried at next_check_at, with
 *   backoff) or expired (30 days past the call; next_check_at NULL, no more automatic checks).
 * - reports_call_chain: reports by callChainId, case-insensitively, for the record ↔ report correlation
 *   (a scan of a million-row outbox otherwise).
 */
export const m004CallRecords: Migration = {
  id: 4,
  name: 'call_records',
  sql: `
CREATE TABLE call_records (
  id TEXT PRIMARY KEY,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  summary_json TEXT NOT NULL,
  view_json TEXT NOT NULL,
  listed_at INTEGER,
  detail_json TEXT,
  detail_version INTEGER,
  detail_fetched_at INTEGER,
  session_count INTEGER
) STRICT;
CREATE INDEX call_records_start ON call_records (start_at, id);
CREATE INDEX call_records_end ON call_records (end_at);

CREATE TABLE call_record_lists (
  list_key TEXT PRIMARY KEY,
  since_at INTEGER NOT NULL,
  fetched_at INTEGER NOT NULL
) STRICT;

CREATE TABLE call_record_list_items (
  list_key TEXT NOT NULL REFERENCES call_record_lists(list_key) ON DELETE CASCADE,
  record_id TEXT NOT NULL REFERENCES call_records(id) ON DELETE CASCADE,
  PRIMARY KEY (list_key, record_id)
) STRICT;
CREATE INDEX call_record_list_items_record ON call_record_list_items (record_id);

CREATE TABLE call_record_status (
  id TEXT PRIMARY KEY,
  availability TEXT NOT NULL CHECK (availability IN ('not_available_yet', 'expired')),
  message TEXT NOT NULL,
  reference_at INTEGER NOT NULL,
  first_missing_at INTEGER NOT NULL,
  checked_at INTEGER NOT NULL,
  check_count INTEGER NOT NULL,
  next_check_at INTEGER
) STRICT;
CREATE INDEX call_record_status_due ON call_record_status (next_check_at) WHERE next_check_at IS NOT NULL;

CREATE INDEX reports_call_chain ON reports (call_chain_id COLLATE NOCASE) WHERE call_chain_id IS NOT NULL;
`,
};

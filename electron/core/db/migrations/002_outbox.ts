import type { Migration } from './index';

/**
 * The outbox (../shared/design/architecture.md "Outbox states"). Times are integer milliseconds since the epoch
 * (UTC), so every time condition is an index range scan.
 *
 * Why each index exists (queries must stay fast with 1,000,000 unsent rows):
 * - reports_state_due: claimDue `state = 'pending' AND next_attempt_at <= now ORDER BY next_attempt_at`
 *   and the worker's "when is the next one due" (one seek).
 * - reports_state_created: list by state newest first (cursor = created_at, id), oldest unsent per state
 *   (backlog age), and expiry / purge (`created_at < cutoff` bounds the scan, see outbox/maintenance.ts).
 * - reports_room_created / reports_created: list by room, or with no filter, in the same order.
 * - reports_waiting_device_call: call-context matching, only over the few `needs_context` rows.
 *
 * outbox_stats holds row count and body bytes per state, kept by triggers, so counts, the size bounds
 * and the UI's figures cost one read of six rows instead of a scan, also when the CLI writes from
 * another process.
 * sync_status is the sync worker's last status (one row), written in the worker's own transactions when it
 * changes, so `status --data-dir D` in another process can show it while the agent runs.
 */
export const m002Outbox: Migration = {
  id: 2,
  name: 'outbox',
  sql: `
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('needs_context','pending','in_flight','sent','failed','discarded')),
  body_json TEXT NOT NULL,
  body_bytes INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('ingest','device','operator')),
  room_id TEXT,
  device_id TEXT,
  device_call_id TEXT,
  call_started_at INTEGER,
  call_ended_at INTEGER,
  call_chain_id TEXT,
  participant_id TEXT,
  media_leg_id TEXT,
  created_at INTEGER NOT NULL,
  submitted_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  attempt_count INTEGER NOT NULL DEFAULT 0,
  current_attempt_id INTEGER,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  last_http_status INTEGER,
  last_error_kind TEXT,
  last_error_code TEXT,
  last_error_message TEXT,
  last_request_id TEXT,
  last_client_request_id TEXT,
  last_retry_after_ms INTEGER,
  failed_reason TEXT CHECK (failed_reason IS NULL OR failed_reason IN ('permanent','expired')),
  sent_at INTEGER,
  discarded_at INTEGER,
  discard_reason TEXT
) STRICT;
CREATE INDEX reports_state_due ON reports (state, next_attempt_at);
CREATE INDEX reports_state_created ON reports (state, created_at, id);
CREATE INDEX reports_room_created ON reports (room_id, created_at, id);
CREATE INDEX reports_created ON reports (created_at, id);
CREATE INDEX reports_waiting_device_call ON reports (device_id, device_call_id) WHERE state = 'needs_context';

CREATE TABLE report_attempts (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  attempt_no INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  duration_ms INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('in_flight','sent','retry','failed','deferred','interrupted')),
  http_status INTEGER,
  error_kind TEXT,
  error_code TEXT,
  error_message TEXT,
  request_id TEXT,
  client_request_id TEXT NOT NULL,
  retry_after_ms INTEGER,
  next_attempt_at INTEGER
) STRICT;
CREATE INDEX report_attempts_report ON report_attempts (report_id, id);

CREATE TABLE operator_actions (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('resubmit','discard','attach_context')),
  report_ids_json TEXT NOT NULL,
  reason TEXT,
  details_json TEXT,
  actor TEXT NOT NULL
) STRICT;

CREATE TABLE outbox_stats (
  state TEXT PRIMARY KEY,
  row_count INTEGER NOT NULL,
  body_bytes INTEGER NOT NULL
) STRICT;
INSERT INTO outbox_stats (state, row_count, body_bytes) VALUES
  ('needs_context', 0, 0), ('pending', 0, 0), ('in_flight', 0, 0),
  ('sent', 0, 0), ('failed', 0, 0), ('discarded', 0, 0);

CREATE TABLE sync_status (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  status_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER reports_stats_insert AFTER INSERT ON reports BEGIN
  UPDATE outbox_stats SET row_count = row_count + 1, body_bytes = body_bytes + NEW.body_bytes WHERE state = NEW.state;
END;
CREATE TRIGGER reports_stats_update AFTER UPDATE OF state, body_bytes ON reports
  WHEN OLD.state IS NOT NEW.state OR OLD.body_bytes IS NOT NEW.body_bytes BEGIN
  UPDATE outbox_stats SET row_count = row_count - 1, body_bytes = body_bytes - OLD.body_bytes WHERE state = OLD.state;
  UPDATE outbox_stats SET row_count = row_count + 1, body_bytes = body_bytes + NEW.body_bytes WHERE state = NEW.state;
END;
CREATE TRIGGER reports_stats_delete AFTER DELETE ON reports BEGIN
  UPDATE outbox_stats SET row_count = row_count - 1, body_bytes = body_bytes - OLD.body_bytes WHERE state = OLD.state;
END;
`,
};

import type { Migration } from './index';

/**
 * The outbox (design "Outbox states"). Times are integer milliseconds since the epoch (UTC) so that the
 * claim query `state = 'pending' AND next_attempt_at <= now` is one index range scan.
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
  call_chain_id TEXT,
  participant_id TEXT,
  media_leg_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  attempt_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_http_status INTEGER,
  last_error_code TEXT,
  last_error_message TEXT,
  last_request_id TEXT,
  last_client_request_id TEXT,
  failed_reason TEXT CHECK (failed_reason IS NULL OR failed_reason IN ('permanent','expired')),
  sent_at INTEGER,
  discarded_at INTEGER,
  discard_reason TEXT
) STRICT;
CREATE INDEX reports_state_due ON reports (state, next_attempt_at);
CREATE INDEX reports_state_created ON reports (state, created_at);
CREATE INDEX reports_call_chain ON reports (call_chain_id) WHERE call_chain_id IS NOT NULL;
CREATE INDEX reports_device_call ON reports (device_id, device_call_id) WHERE device_call_id IS NOT NULL;

CREATE TABLE report_attempts (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  attempt_no INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('sent','retry','failed','token_refresh')),
  http_status INTEGER,
  error_code TEXT,
  error_message TEXT,
  request_id TEXT,
  client_request_id TEXT NOT NULL,
  retry_after_ms INTEGER
) STRICT;
CREATE INDEX report_attempts_report ON report_attempts (report_id, attempt_no);

CREATE TABLE operator_actions (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('resubmit','discard','attach_context')),
  report_ids_json TEXT NOT NULL,
  reason TEXT,
  actor TEXT NOT NULL
) STRICT;
`,
};

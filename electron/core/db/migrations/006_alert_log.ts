import type { Migration } from './index';

/**
 * The alert log: one row per episode of a room being poor, from the moment its first leg was confirmed poor
 * (the leg, metric, value and threshold that made it so) to the moment it had no poor leg left
 * (recovered_at, or call_ended when the call ended while poor). Rows older than 30 days are deleted as new
 * ones arrive (electron/core/quality/alert-log.ts). Times are epoch milliseconds, as in the outbox.
 */
export const m006AlertLog: Migration = {
  id: 6,
  name: 'alert_log',
  sql: `
CREATE TABLE alert_log (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  room_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  modality TEXT NOT NULL,
  direction TEXT NOT NULL,
  channel_index INTEGER NOT NULL,
  metric TEXT,
  value REAL,
  threshold REAL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  ended_how TEXT CHECK (ended_how IN ('recovered', 'call_ended'))
) STRICT;
CREATE INDEX alert_log_started ON alert_log (started_at);
CREATE INDEX alert_log_open ON alert_log (room_id) WHERE ended_at IS NULL;
`,
};

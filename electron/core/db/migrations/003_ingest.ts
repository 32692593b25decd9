import type { Migration } from './index';

/**
 * Ingest API state.
 * - ingest_tokens: one bearer token per sender. Only the SHA-256 of the token is stored (hex), so a copy of
 *   the database does not let anyone post reports. A revoked token keeps its row (who had access, until when).
 * - quarantine: request bodies the API refused (bad JSON, prototype keys, schema violations), for the operator
 *   to inspect. Bounded by rows and bytes in code (ingest/quarantine.ts), oldest out. Never holds request
 *   headers, so never an Authorization header.
 * Times are integer milliseconds since the epoch (UTC), as in the outbox.
 */
export const m003Ingest: Migration = {
  id: 3,
  name: 'ingest',
  sql: `
CREATE TABLE ingest_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
) STRICT;

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  endpoint TEXT NOT NULL,
  remote_address TEXT,
  token_name TEXT,
  reason_code TEXT NOT NULL,
  issues_json TEXT NOT NULL,
  body_bytes INTEGER NOT NULL,
  body_excerpt TEXT NOT NULL,
  excerpt_truncated INTEGER NOT NULL CHECK (excerpt_truncated IN (0, 1)),
  stored_bytes INTEGER NOT NULL
) STRICT;
CREATE INDEX quarantine_received ON quarantine (received_at);
`,
};

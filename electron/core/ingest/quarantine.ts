/**
 * Rejected request bodies, kept for the operator to see what a sender got wrong.
 * Bounded so a misbehaving sender cannot fill the disk: at most maxRows rows and maxBytes stored bytes
 * (excerpt + issues), oldest out, enforced in the same transaction as each insert. Only the body is kept,
 * cut to excerptBytes; request headers (and so the Authorization header) never reach this table.
 * Only authenticated requests get this far, so the quarantine cannot be flooded anonymously.
 */
import type { Db } from '../db/database';
import type { ValidationIssue } from '../../../shared/validation';

export interface QuarantineLimits {
  maxRows: number;
  maxBytes: number;
  excerptBytes: number;
}

export const DEFAULT_QUARANTINE_LIMITS: QuarantineLimits = { maxRows: 1_000, maxBytes: 8 * 1024 * 1024, excerptBytes: 16 * 1024 };
/** The issues of one body are cut to this much JSON, so one pathological body cannot take the whole budget. */
const ISSUES_MAX_BYTES = 16 * 1024;

export interface QuarantineEntry {
  receivedAt: number;
  endpoint: string;
  remoteAddress?: string;
  tokenName?: string;
  reasonCode: string;
  issues: ValidationIssue[];
  body: Buffer;
}

export interface QuarantinedBody {
  id: number;
  receivedAt: number;
  endpoint: string;
  remoteAddress: string | null;
  tokenName: string | null;
  reasonCode: string;
  issues: ValidationIssue[];
  bodyBytes: number;
  bodyExcerpt: string;
  excerptTruncated: boolean;
}

export interface Quarantine {
  add(entry: QuarantineEntry): void;
  /** Newest first. */
  list(limit?: number): QuarantinedBody[];
}

interface QuarantineRow {
  id: number;
  received_at: number;
  endpoint: string;
  remote_address: string | null;
  token_name: string | null;
  reason_code: string;
  issues_json: string;
  body_bytes: number;
  body_excerpt: string;
  excerpt_truncated: number;
}

export function createQuarantine(db: Db, limits: QuarantineLimits = DEFAULT_QUARANTINE_LIMITS): Quarantine {
  const insert = db.prepare(`INSERT INTO quarantine (received_at, endpoint, remote_address, token_name, reason_code,
    issues_json, body_bytes, body_excerpt, excerpt_truncated, stored_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Newest first, a running total of bytes and a row number: everything past either bound goes.
  const prune = db.prepare(`DELETE FROM quarantine WHERE id IN (
    SELECT id FROM (SELECT id, SUM(stored_bytes) OVER (ORDER BY id DESC) AS running_bytes,
                           ROW_NUMBER() OVER (ORDER BY id DESC) AS position FROM quarantine)
    WHERE running_bytes > ? OR position > ?)`);
  const select = db.prepare<[number], QuarantineRow>('SELECT * FROM quarantine ORDER BY id DESC LIMIT ?');

  const addInTransaction = db.transaction((entry: QuarantineEntry) => {
    const excerpt = entry.body.subarray(0, limits.excerptBytes).toString('utf8');
    const issuesJson = boundedIssuesJson(entry.issues);
    const storedBytes = Buffer.byteLength(excerpt) + Buffer.byteLength(issuesJson);
    insert.run(entry.receivedAt, entry.endpoint, entry.remoteAddress ?? null, entry.tokenName ?? null, entry.reasonCode,
      issuesJson, entry.body.length, excerpt, entry.body.length > limits.excerptBytes ? 1 : 0, storedBytes);
    prune.run(limits.maxBytes, limits.maxRows);
  });

  return {
    add: (entry) => addInTransaction(entry),
    list: (limit = 100) => select.all(limit).map(toQuarantined),
  };
}

function boundedIssuesJson(issues: ValidationIssue[]): string {
  const kept: ValidationIssue[] = [];
  let bytes = 2;
  for (const issue of issues) {
    bytes += Buffer.byteLength(JSON.stringify(issue)) + 1;
    if (bytes > ISSUES_MAX_BYTES) break;
    kept.push(issue);
  }
  if (kept.length < issues.length) kept.push({ path: '', message: `… and ${issues.length - kept.length} more issues` });
  return JSON.stringify(kept);
}

function toQuarantined(row: QuarantineRow): QuarantinedBody {
  return {
    id: row.id,
    receivedAt: row.received_at,
    endpoint: row.endpoint,
    remoteAddress: row.remote_address,
    tokenName: row.token_name,
    reasonCode: row.reason_code,
    // issues_json is written only by this module, from ValidationIssue[].
    issues: JSON.parse(row.issues_json) as ValidationIssue[],
    bodyBytes: row.body_bytes,
    bodyExcerpt: row.body_excerpt,
    excerptTruncated: row.excerpt_truncated === 1,
  };
}

/**
 * The ingest tokens of an installation, over the one database (ingest_tokens, migration 003).
 * Used by the CLI (`tokens create|list|revoke`), the settings UI and the ingest server (`verify`).
 *
 * verify() reads the active tokens on every call instead of caching them, so that `tokens revoke` run from
 * the CLI (another process, same database) takes effect on the very next request. The table holds one row
 * per sender, so this is one small indexed read. Every active digest is compared, without stopping at the
 * first match, so the time does not depend on which token (if any) matched.
 */
import type { Db } from '../db/database';
import { digestMatches, digestToken, generateToken, hashToken, TOKEN_MAX_CHARS } from './token-secret';
import { TokenNameError, tokenNameProblem } from './token-name';

export interface IngestTokenInfo {
  name: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  lastUsedAt?: string;
  revoked: boolean;
  revokedAt?: string;
}

export type RevokeResult = { revoked: true } | { revoked: false; reason: 'not_found' | 'already_revoked' };

export interface TokenStore {
  /** Creates a token for a new sender; the token is returned once and never stored in clear. */
  create(name: string): { name: string; token: string };
  list(): IngestTokenInfo[];
  revoke(name: string): RevokeResult;
  /** The sender's name when `token` is an active token, else undefined. Never throws on hostile input. */
  verify(token: unknown): string | undefined;
}

export interface TokenStoreOptions {
  now?: () => number;
  /** last_used_at is refreshed at most this often per token, so a busy sender does not cost a write per request. */
  lastUsedResolutionMs?: number;
}

export class TokenNameTakenError extends Error {
  readonly code = 'token_name_taken';
  constructor(name: string, revoked: boolean) {
    super(`A token named "${name}" already exists${revoked ? ' (revoked; kept for the record)' : ''}: choose another name`);
    this.name = 'TokenNameTakenError';
  }
}

interface TokenRow {
  name: string;
  token_sha256: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export function createTokenStore(db: Db, options: TokenStoreOptions = {}): TokenStore {
  const now = options.now ?? Date.now;
  const resolutionMs = options.lastUsedResolutionMs ?? 60_000;
  const insert = db.prepare('INSERT INTO ingest_tokens (name, token_sha256, created_at) VALUES (?, ?, ?)');
  const byName = db.prepare<[string], TokenRow>('SELECT * FROM ingest_tokens WHERE name = ?');
  const all = db.prepare<[], TokenRow>('SELECT * FROM ingest_tokens ORDER BY created_at, id');
  const active = db.prepare<[], TokenRow>('SELECT * FROM ingest_tokens WHERE revoked_at IS NULL');
  const markRevoked = db.prepare('UPDATE ingest_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL');
  const markUsed = db.prepare('UPDATE ingest_tokens SET last_used_at = ? WHERE name = ?');

  return {
    create(name) {
      const problem = tokenNameProblem(name);
      if (problem) throw new TokenNameError(`Token name ${problem}`);
      const existing = byName.get(name);
      if (existing) throw new TokenNameTakenError(name, existing.revoked_at !== null);
      const token = generateToken();
      insert.run(name, hashToken(token), now());
      return { name, token };
    },

    list() {
      return all.all().map(toInfo);
    },

    revoke(name) {
      if (markRevoked.run(now(), name).changes === 1) return { revoked: true };
      return { revoked: false, reason: byName.get(name) ? 'already_revoked' : 'not_found' };
    },

    verify(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > TOKEN_MAX_CHARS) return undefined;
      const presented = digestToken(token);
      let matched: TokenRow | undefined;
      for (const row of active.all()) {
        if (digestMatches(presented, row.token_sha256)) matched = row;
      }
      if (!matched) return undefined;
      const at = now();
      if (matched.last_used_at === null || at - matched.last_used_at >= resolutionMs) markUsed.run(at, matched.name);
      return matched.name;
    },
  };
}

function toInfo(row: TokenRow): IngestTokenInfo {
  const info: IngestTokenInfo = { name: row.name, createdAt: iso(row.created_at), revoked: row.revoked_at !== null };
  if (row.last_used_at !== null) info.lastUsedAt = iso(row.last_used_at);
  if (row.revoked_at !== null) info.revokedAt = iso(row.revoked_at);
  return info;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The web UI's access secret. The agent prints `web: http://127.0.0.1:PORT/?token=T` once; opening it trades
 * the token, once, for a session cookie (sessions.ts).
 */
import { randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: 43 characters. */
const TOKEN_BYTES = 32;
/** A configured token must carry at least 192 bits in the base64url alphabet. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,256}$/;

export function generateAccessToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function isWellFormedAccessToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/**
 * The web UI's access secret. The agent prints `web: http://127.0.0.1:PORT/?token=T` once; opening it trades
 * the token for a session cookie. The cookie value is derived from the token (HMAC) rather than equal to it:
 * the printed token is not what sits in the browser's cookie store, and a restart with the same token keeps
 * existing tabs signed in.
 */
import { createHmac, randomBytes } from 'node:crypto';

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

export function sessionCookieValue(accessToken: string): string {
  return createHmac('sha256', accessToken).update('vtc-web-session-v1').digest('base64url');
}

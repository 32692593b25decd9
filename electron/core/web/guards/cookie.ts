/**
 * The session cookie of the web UI and the constant-time secret comparison.
 *
 * Cookies are scoped by host, not by port (RFC 6265 §8.5): two agents on 127.0.0.1 would overwrite each
 * other's cookie, so the name carries the port. Another local server could still plant a cookie with the same
 * name, so every value sent under that name is checked, not only the first.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A browser sends at most 4 KiB per cookie; a header longer than this is not from our page. */
const MAX_COOKIE_HEADER_CHARS = 16_384;
const MAX_VALUES_PER_NAME = 8;

export function sessionCookieName(port: number): string {
  return `vtc_web_${port}`;
}

/** HttpOnly: page scripts never see it; SameSite=Strict: no other site's request carries it. */
export function sessionCookieHeader(name: string, value: string): string {
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Every value sent under `name` in a Cookie header (RFC 6265 §5.4 syntax); [] for anything else. */
export function parseCookie(header: unknown, name: string): string[] {
  if (typeof header !== 'string' || header.length > MAX_COOKIE_HEADER_CHARS) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    values.push(value);
    if (values.length >= MAX_VALUES_PER_NAME) break;
  }
  return values;
}

/**
 * Compares a secret in constant time. Both sides are hashed first so that neither the length nor a common
 * prefix leaks through timing (timingSafeEqual itself requires equal lengths).
 */
export function secretsEqual(candidate: unknown, expected: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1024) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(candidate), digest(expected));
}

export function anySecretEqual(candidates: readonly string[], expected: string): boolean {
  // No early exit: the time taken does not tell which candidate matched.
  let matched = false;
  for (const candidate of candidates) matched = secretsEqual(candidate, expected) || matched;
  return matched;
}

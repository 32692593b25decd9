/**
 * Who is signed in to the web UI. The printed access token is one-time: the first `/?token=T` trades it for
 * a session; any later use is refused (a URL left in a history, a log or a shoulder-surfed screen signs
 * nobody in). Each sign-in makes a fresh random session id, so the cookie is never the token nor derived
 * from it alone (rotation: a cookie the browser held before is revoked). A session unused for
 * `idleTimeoutMs` ends.
 *
 * Cookie value: `<id>.<HMAC-SHA256(token, id)>`. The MAC lets an agent restarted with the same given token
 * keep its open tabs signed in (their ids are unknown to the new process, but genuine); the in-memory
 * table holds the last use of each id and the revoked ones.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { secretsEqual } from './guards/cookie';

/** Sessions idle this long end: a tab left open overnight on a shared machine must sign in again. */
export const WEB_SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60_000;

const SESSION_ID_BYTES = 16;
const COOKIE_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
/** Far more than one person's browsers; beyond it the least recently used session is dropped. */
const MAX_SESSIONS = 1_000;

export type SignInResult = { ok: true; cookieValue: string } | { ok: false; reason: 'wrong_token' | 'token_used' };

export interface WebSessionsOptions {
  accessToken: string;
  idleTimeoutMs?: number;
  now?: () => number;
}

export class WebSessions {
  private readonly accessToken: string;
  private readonly idleTimeoutMs: number;
  private readonly now: () => number;
  private tokenUsed = false;
  private readonly lastUseMs = new Map<string, number>();
  private readonly ended = new Set<string>();

  constructor(options: WebSessionsOptions) {
    this.accessToken = options.accessToken;
    this.idleTimeoutMs = options.idleTimeoutMs ?? WEB_SESSION_IDLE_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  /** The `/?token=T` exchange. `presentedCookies`: the session cookie values the browser sent, revoked here. */
  signIn(token: unknown, presentedCookies: readonly string[]): SignInResult {
    if (!secretsEqual(token, this.accessToken)) return { ok: false, reason: 'wrong_token' };
    if (this.tokenUsed) return { ok: false, reason: 'token_used' };
    this.tokenUsed = true;
    for (const cookie of presentedCookies) {
      const id = this.verifiedId(cookie);
      if (id !== undefined) this.end(id);
    }
    const id = randomBytes(SESSION_ID_BYTES).toString('base64url');
    this.remember(id);
    return { ok: true, cookieValue: `${id}.${this.mac(id)}` };
  }

  /** True when one of the values is a live session; that session counts as used now. */
  touch(cookies: readonly string[]): boolean {
    let live = false;
    // No early exit: the time taken does not tell which value matched.
    for (const cookie of cookies) {
      const id = this.verifiedId(cookie);
      if (id === undefined || this.ended.has(id)) continue;
      const lastUseMs = this.lastUseMs.get(id);
      if (lastUseMs !== undefined && this.now() - lastUseMs > this.idleTimeoutMs) {
        this.end(id);
        continue;
      }
      this.remember(id);
      live = true;
    }
    return live;
  }

  private verifiedId(cookie: string): string | undefined {
    const match = COOKIE_PATTERN.exec(cookie);
    if (!match) return undefined;
    return secretsEqual(match[2], this.mac(match[1]!)) ? match[1] : undefined;
  }

  private mac(id: string): string {
    return createHmac('sha256', this.accessToken).update(`vtc-web-session-v2:${id}`).digest('base64url');
  }

  private remember(id: string): void {
    this.lastUseMs.delete(id); // re-inserted last: the Map's order is least recently used first
    this.lastUseMs.set(id, this.now());
    if (this.lastUseMs.size > MAX_SESSIONS) {
      const oldest = this.lastUseMs.keys().next().value;
      if (oldest !== undefined) this.end(oldest);
    }
  }

  private end(id: string): void {
    this.lastUseMs.delete(id);
    this.ended.add(id);
  }
}

/**
 * Every plain HTTP request of the web UI, in order: Host (DNS rebinding), method, request target, the
 * one-time token-for-cookie exchange on `/?token=T` (sessions.ts), the session cookie, then the static file.
 * The exchange answers with a redirect to `/` so the token leaves the address bar (and the history entry
 * the page keeps).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import { parseCookie, sessionCookieHeader } from './guards/cookie';
import { checkHost, type WebHostPolicy } from './guards/host';
import { parseRequestTarget } from './guards/request-target';
import { PAGES, applySecurityHeaders, sendPage } from './http-responses';
import type { WebSessions } from './sessions';
import { serveStaticFile } from './static-files';

export const WEB_SOCKET_PATH = '/api/ws';

export interface WebAccess {
  cookieName: string;
  sessions: WebSessions;
}

export interface HttpHandlerOptions {
  hostPolicy: WebHostPolicy;
  access: WebAccess;
  /** csp.ts webCsp: sent on every response, pages and refusals alike. */
  contentSecurityPolicy: string;
  staticDir: string;
  log?: Logger;
}

/** True when the request carries a live session cookie (which then counts as used now). */
export function hasSessionCookie(req: IncomingMessage, access: WebAccess): boolean {
  return access.sessions.touch(parseCookie(req.headers.cookie, access.cookieName));
}

export function createHttpHandler(options: HttpHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      options.log?.error('web request failed', { error });
      if (!res.headersSent) sendPage(req, res, 500, 'Internal error', 'The request could not be served.');
      else res.destroy();
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HttpHandlerOptions): Promise<void> {
  res.setHeader('Content-Security-Policy', options.contentSecurityPolicy);
  const host = checkHost(req.headers.host, options.hostPolicy);
  if (!host.ok) {
    options.log?.warn('web request refused', { reason: host.reason });
    return sendPage(req, res, 421, ...PAGES.misdirected);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendPage(req, res, 405, ...PAGES.methodNotAllowed, { Allow: 'GET, HEAD' });
  const target = parseRequestTarget(req.url);
  if (!target) return sendPage(req, res, 400, ...PAGES.badRequest);

  if (target.path === '/' && target.query.has('token')) {
    const tokens = target.query.getAll('token');
    const presented = parseCookie(req.headers.cookie, options.access.cookieName);
    const signIn = tokens.length === 1 ? options.access.sessions.signIn(tokens[0], presented) : ({ ok: false, reason: 'wrong_token' } as const);
    if (!signIn.ok && signIn.reason === 'token_used' && options.access.sessions.touch(presented)) return redirectHome(res);
    if (!signIn.ok) {
      options.log?.warn('web sign-in refused', { reason: signIn.reason === 'token_used' ? 'access token already used' : 'wrong access token' });
      return signIn.reason === 'token_used' ? sendPage(req, res, 403, ...PAGES.tokenUsed) : sendPage(req, res, 401, ...PAGES.unauthorized);
    }
    options.log?.info('web sign-in');
    return redirectHome(res, sessionCookieHeader(options.access.cookieName, signIn.cookieValue));
  }
  if (!hasSessionCookie(req, options.access)) return sendPage(req, res, 401, ...PAGES.unauthorized);
  if (target.path === WEB_SOCKET_PATH) return sendPage(req, res, 426, 'Upgrade required', 'This address takes WebSocket connections only.', { Upgrade: 'websocket' });
  await serveStaticFile(req, res, options.staticDir, target.path);
}

/** 302 to `/`, with the new session cookie when signing in (a tab already signed in just goes home). */
function redirectHome(res: ServerResponse, setCookie?: string): void {
  applySecurityHeaders(res);
  res.writeHead(302, { Location: '/', ...(setCookie !== undefined && { 'Set-Cookie': setCookie }), 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

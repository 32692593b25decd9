/**
 * Every plain HTTP request of the web UI, in order: Host (DNS rebinding), method, request target, the
 * token-for-cookie exchange on `/?token=T`, the session cookie, then the static file. The exchange answers
 * with a redirect to `/` so the token leaves the address bar (and the history entry the page keeps).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import { anySecretEqual, parseCookie, secretsEqual, sessionCookieHeader } from './guards/cookie';
import { checkHost, type WebHostPolicy } from './guards/host';
import { parseRequestTarget } from './guards/request-target';
import { PAGES, applySecurityHeaders, sendPage } from './http-responses';
import { serveStaticFile } from './static-files';

export const WEB_SOCKET_PATH = '/api/ws';

export interface WebAccess {
  accessToken: string;
  cookieName: string;
  cookieValue: string;
}

export interface HttpHandlerOptions {
  hostPolicy: WebHostPolicy;
  access: WebAccess;
  staticDir: string;
  log?: Logger;
}

export function hasSessionCookie(req: IncomingMessage, access: WebAccess): boolean {
  return anySecretEqual(parseCookie(req.headers.cookie, access.cookieName), access.cookieValue);
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
    if (tokens.length !== 1 || !secretsEqual(tokens[0], options.access.accessToken)) {
      options.log?.warn('web sign-in refused: wrong access token');
      return sendPage(req, res, 401, ...PAGES.unauthorized);
    }
    applySecurityHeaders(res);
    res.writeHead(302, {
      Location: '/',
      'Set-Cookie': sessionCookieHeader(options.access.cookieName, options.access.cookieValue),
      'Cache-Control': 'no-store',
      'Content-Length': 0,
    });
    res.end();
    return;
  }
  if (!hasSessionCookie(req, options.access)) return sendPage(req, res, 401, ...PAGES.unauthorized);
  if (target.path === WEB_SOCKET_PATH) return sendPage(req, res, 426, 'Upgrade required', 'This address takes WebSocket connections only.', { Upgrade: 'websocket' });
  await serveStaticFile(req, res, options.staticDir, target.path);
}

/**
 * The WebSocket door. Browsers let any page open a WebSocket to 127.0.0.1 (no same-origin policy, no CORS),
 * and would attach our cookie were it not SameSite=Strict; so the upgrade needs all of: our path, our Host
 * (DNS rebinding), our own Origin (cross-site pages) and the session cookie. A refusal is a bare HTTP status
 * on the raw socket, with no detail for the caller; the reason goes to the log.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log/logger';
import { checkHost, checkOrigin, type WebHostPolicy } from './guards/host';
import { parseRequestTarget } from './guards/request-target';
import { WEB_SOCKET_PATH, hasSessionCookie, type WebAccess } from './http-handler';
import { parseCookie } from './guards/cookie';

export interface UpgradeOptions {
  hostPolicy: WebHostPolicy;
  access: WebAccess;
  wss: WebSocketServer;
  /** `sessionCookies`: the session cookie values the tab presented, to check its session again later. */
  onConnection: (socket: WebSocket, sessionCookies: readonly string[]) => void;
  log?: Logger;
}

const STATUS_LINES: Readonly<Record<number, string>> = {
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not Found',
  421: '421 Misdirected Request',
};

export function createUpgradeHandler(options: UpgradeOptions): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refusal = upgradeRefusal(req, options);
    if (refusal) {
      options.log?.warn('web socket refused', { reason: refusal.reason });
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${STATUS_LINES[refusal.status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const sessionCookies = parseCookie(req.headers.cookie, options.access.cookieName);
    options.wss.handleUpgrade(req, socket, head, (ws) => options.onConnection(ws, sessionCookies));
  };
}

function upgradeRefusal(req: IncomingMessage, options: UpgradeOptions): { status: number; reason: string } | undefined {
  if (parseRequestTarget(req.url)?.path !== WEB_SOCKET_PATH) return { status: 404, reason: 'not the WebSocket path' };
  const host = checkHost(req.headers.host, options.hostPolicy);
  if (!host.ok) return { status: 421, reason: host.reason };
  const origin = checkOrigin(req.headers.origin, options.hostPolicy);
  if (!origin.ok) return { status: 403, reason: origin.reason };
  if (!hasSessionCookie(req, options.access)) return { status: 401, reason: 'no valid session cookie' };
  return undefined;
}

/**
 * The headless web mode: serves the built renderer on a loopback address and carries the AppApi
 * over a WebSocket at /api/ws, so the same UI runs in a plain browser. Access needs the random token of the
 * printed `web:` URL, traded once for a session cookie that ends after 12 h unused; Host and Origin are
 * checked on every request.
 * The server only forwards: the dispatcher validates every method and request (and secrets stay write-only
 * because the AppApi's views never carry them).
 */
import { existsSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import type { AppEventListener } from '../../../shared/api/contract';
import type { Dispatch } from '../api/dispatch';
import type { Logger } from '../log/logger';
import { generateAccessToken, isWellFormedAccessToken } from './access';
import { ClientRegistry } from './client-registry';
import { webCsp } from './csp';
import { sessionCookieName } from './guards/cookie';
import { MAX_MESSAGE_BYTES } from './guards/client-message';
import { bracketed, type WebHostPolicy } from './guards/host';
import { createHttpHandler, type WebAccess } from './http-handler';
import { WebSessions } from './sessions';
import { createUpgradeHandler } from './upgrade';

export type AppEventSubscriber = (listener: AppEventListener) => () => void;

export interface WebServerOptions {
  /** Loopback only: the UI can change settings and resubmit reports, and it is plain HTTP. */
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  dispatch: Dispatch;
  subscribe: AppEventSubscriber;
  /** Random 32 bytes (base64url) when absent; a given one must be ≥ 32 base64url characters. One-time. */
  accessToken?: string;
  /** A session unused this long ends (default WEB_SESSION_IDLE_TIMEOUT_MS, 12 h). */
  sessionIdleTimeoutMs?: number;
  /** The sessions' clock (tests). */
  now?: () => number;
  log?: Logger;
  heartbeatMs?: number;
  /** Bytes waiting for one tab beyond which it is disconnected as too slow. */
  maxBufferedBytes?: number;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=T`: what the agent prints as `web:`. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  accessToken: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`Refusing to serve the web UI on ${String(host)}: loopback addresses only`);
  const accessToken = options.accessToken ?? generateAccessToken();
  if (!isWellFormedAccessToken(accessToken)) throw new Error('The web access token must be at least 32 base64url characters');
  const log = options.log?.child({ component: 'web' });
  const staticDir = canonicalDir(options.staticDir);
  if (!existsSync(join(staticDir, 'index.html'))) log?.warn('web UI not built: every page will be 404 (run npm run build)', { staticDir });

  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 });
  server.on('clientError', (_error, socket) => socket.destroy());
  const port = await listen(server, host, options.port ?? 0);

  // Attached right after listen resolves (same tick as the 'listening' callback, before any I/O), because
  // the port (in the Host check and the cookie name) is only known now.
  const hostPolicy: WebHostPolicy = { bindHost: host, port };
  const sessions = new WebSessions({ accessToken, idleTimeoutMs: options.sessionIdleTimeoutMs, now: options.now });
  const access: WebAccess = { cookieName: sessionCookieName(port), sessions };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false, clientTracking: false });
  const clients = new ClientRegistry({
    dispatch: options.dispatch,
    log,
    maxInFlightCalls: 64,
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
    heartbeatMs: options.heartbeatMs ?? 30_000,
  });
  const origin = `http://${bracketed(host)}:${port}`;
  server.on('request', createHttpHandler({ hostPolicy, access, staticDir, log, contentSecurityPolicy: webCsp(origin) }));
  server.on('upgrade', createUpgradeHandler({ hostPolicy, access, wss, onConnection: (socket, cookies) => clients.add(socket, () => sessions.touch(cookies)), log }));
  const unsubscribe = options.subscribe((...event) => clients.broadcast(...event));

  log?.info('web UI listening', { origin });
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${accessToken}`,
    origin,
    port,
    accessToken,
    close: () => (closing ??= stop(server, wss, clients, unsubscribe)),
  };
}

async function stop(server: Server, wss: WebSocketServer, clients: ClientRegistry, unsubscribe: () => void): Promise<void> {
  unsubscribe();
  const serverClosed = new Promise<void>((done) => server.close(() => done()));
  await clients.closeAll();
  wss.close();
  server.closeAllConnections();
  await serverClosed;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((done, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The web server has no TCP address'));
      else done(address.port);
    });
  });
}

/** The real path when the build exists (so symlink checks compare like with like), else the resolved one. */
function canonicalDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * A real web-mode server for tests: 127.0.0.1, port 0, the real dispatcher over fake handlers, the real event
 * hub, and a temp static dir (index.html, one asset, and a secret file beside the root for traversal tests).
 * Plus raw HTTP and WebSocket helpers: node:http keeps the request path exactly as written (fetch would
 * normalize `/../`), and ws lets a test set Host, Origin and Cookie as a hostile page or tool would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { AppEventHub } from '../../electron/core/app/events';
import { startWebServer, type WebServer, type WebServerOptions } from '../../electron/core/web/server';
import type { AppApiHandlers } from '../../shared/api/contract';
import { fakeHandlers } from './fake-app-api';
import { makeTempDir } from './temp-dir';

export const SECRET_FILE_TEXT = 'outside-the-root: must never be served';

export interface TestWebServer {
  server: WebServer;
  hub: AppEventHub;
  staticDir: string;
  stop(): Promise<void>;
}

export async function startTestWebServer(
  options: { handlers?: AppApiHandlers; timeoutMs?: number } & Partial<Pick<WebServerOptions, 'accessToken' | 'port' | 'maxBufferedBytes' | 'staticDir' | 'log' | 'sessionIdleTimeoutMs' | 'now' | 'heartbeatMs'>> = {},
): Promise<TestWebServer> {
  const temp = makeTempDir('vtc-web-');
  const staticDir = options.staticDir ?? join(temp.dir, 'renderer');
  if (options.staticDir === undefined) {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VTC Quality Monitor</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};\n');
    writeFileSync(join(staticDir, 'assets', 'style.css'), 'body{}\n');
    writeFileSync(join(staticDir, '.env'), 'HIDDEN=1\n');
    writeFileSync(join(temp.dir, 'secret.txt'), SECRET_FILE_TEXT);
  }
  const handlers = options.handlers ?? fakeHandlers();
  const hub = new AppEventHub();
  const dispatch = createDispatcher({ getHandlers: () => handlers, timeoutMs: options.timeoutMs ?? 5_000 });
  const server = await startWebServer({
    port: options.port ?? 0,
    staticDir,
    dispatch,
    subscribe: (listener) => hub.subscribe(listener),
    accessToken: options.accessToken,
    maxBufferedBytes: options.maxBufferedBytes,
    log: options.log,
    sessionIdleTimeoutMs: options.sessionIdleTimeoutMs,
    now: options.now,
    heartbeatMs: options.heartbeatMs,
  });
  return {
    server,
    hub,
    staticDir,
    stop: async () => {
      await server.close();
      temp.cleanup();
    },
  };
}

/** What the request helpers need of a server: an in-process WebServer, or one parsed from a `web:` line. */
export type WebEndpoint = Pick<WebServer, 'port' | 'origin' | 'accessToken'>;

/** The endpoint of the `web: http://127.0.0.1:PORT/?token=T` line a child process printed. */
export function webEndpointOf(webUrl: string): WebEndpoint {
  const url = new URL(webUrl);
  return { port: Number(url.port), origin: url.origin, accessToken: url.searchParams.get('token') ?? '' };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with the path and headers exactly as given (Host defaults to the server's own). */
export function rawRequest(server: WebEndpoint, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Trades the access token for the session cookie, as a browser opening the printed URL does. */
export async function signIn(server: WebEndpoint): Promise<string> {
  const response = await rawRequest(server, `/?token=${server.accessToken}`);
  const setCookie = response.headers['set-cookie']?.[0];
  if (response.status !== 302 || setCookie === undefined) throw new Error(`sign-in failed with ${response.status}`);
  return setCookie.split(';')[0]!;
}

export interface SocketOptions {
  cookie?: string;
  origin?: string;
  host?: string;
  path?: string;
}

/** Opens the API socket; resolves when open, rejects with the HTTP status of a refused upgrade. */
export function openSocket(server: WebEndpoint, options: SocketOptions = {}): Promise<WebSocket> {
  const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${server.port}` };
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/api/ws'}`, {
    headers,
    origin: options.origin ?? server.origin,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`upgrade refused: ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Sends one raw message and waits for the answer with that id (or with id null for refusals). */
export function exchange(ws: WebSocket, text: string, id: number | null): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { id?: unknown; result?: unknown };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.result);
    };
    ws.on('message', onMessage);
    ws.send(text);
  });
}

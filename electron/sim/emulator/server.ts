/**
 * The emulator's node:http server: gives every response `request-id` and the echoed `client-request-id`
 * (../shared/reference/graph-api.md §4.4), then per route applies the rate limit, then any scripted fault, then the handler.
 * `close()` stops listening, destroys open (keep-alive) sockets and cancels pending fault delays, so tests
 * never wait for idle connections to time out.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorControl } from './control';
import { header, sendEntraError, sendGraphError, type RequestContext } from './http';
import { matchRoute } from './router';
import type { EmulatorState } from './state';
import type { EmulatorRoute, FaultSpec } from './types';

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

/** Default error.code for a scripted status (Graph's names; §4.2–4.3). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BadRequest', 401: 'InvalidAuthenticationToken', 403: 'Forbidden', 404: 'NotFound', 408: 'RequestTimeout',
  409: 'Conflict', 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function createEmulatorServer(state: EmulatorState, control: EmulatorControl): RunningServer {
  const closing = new AbortController();
  const server = createServer((req, res) => {
    void handleRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: `emulator error: ${String(error)}` } }));
      } else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const requestId = randomUUID();
    const clientRequestId = header(req, 'client-request-id') ?? url.searchParams.get('client-request-id') ?? requestId;
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId);
    res.setHeader('x-ms-request-id', requestId);
    const ctx: RequestContext = { req, res, url, method: req.method ?? 'GET', requestId, clientRequestId, state };
    const match = matchRoute(url.pathname, control);
    if (!match) {
      return sendGraphError(ctx, 404, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`);
    }
    if (match.route) {
      state.count(match.route);
      const throttled = state.rateLimiter.check(match.route, state.now());
      if (throttled) {
        const headers = { 'retry-after': String(throttled.retryAfterSeconds) };
        return match.route === 'token'
          ? sendEntraError(ctx, 429, 'temporarily_unavailable', 50196, 'The server terminated an operation because it encountered a client request loop.', headers)
          : sendGraphError(ctx, 429, throttled.code, `Too many requests; retry after ${throttled.retryAfterSeconds} seconds.`, { headers, innerCode: 'throttledRequest' });
      }
      const fault = state.faults.take(match.route);
      if (fault && (await applyFault(ctx, match.route, fault, closing.signal))) return;
    }
    await match.handle(ctx);
  }

  return {
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** True when the fault answered the request (or killed it); false to continue with normal handling. */
async function applyFault(ctx: RequestContext, route: EmulatorRoute, fault: FaultSpec, closing: AbortSignal): Promise<boolean> {
  if (fault.delayMs) {
    try {
      await sleep(fault.delayMs, undefined, { signal: closing });
    } catch {
      ctx.res.destroy();
      return true;
    }
    if (ctx.res.destroyed) return true;
  }
  if (fault.reset) {
    ctx.req.socket.destroy();
    return true;
  }
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
  if (fault.malformedBody) {
    ctx.res.writeHead(fault.status ?? 200, { ...headers, 'content-type': 'application/json' });
    ctx.res.end('{"error": {"code": "Intern');
    return true;
  }
  if (fault.status === undefined) return false;
  if (fault.status < 400) {
    ctx.res.writeHead(fault.status, { ...headers, 'content-length': 0 });
    ctx.res.end();
    return true;
  }
  const message = fault.message ?? `Injected fault: ${fault.status}.`;
  if (route === 'token' || route === 'discovery') {
    const error = fault.code ?? (fault.status >= 500 ? 'temporarily_unavailable' : 'invalid_request');
    sendEntraError(ctx, fault.status, error, 90000 + fault.status, message, headers);
  } else {
    const code = fault.code ?? CODE_BY_STATUS[fault.status] ?? `HTTP${fault.status}`;
    sendGraphError(ctx, fault.status, code, message, { headers, innerCode: fault.status === 429 ? 'throttledRequest' : undefined });
  }
  return true;
}

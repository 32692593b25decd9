/**
 * Writing responses: always JSON, never cached, never sniffed as HTML. Also the bounded "lingering" drain:
 * when we answer before reading the body (401, 413, 415 …), closing the socket at once with unread bytes
 * makes the kernel send a RST, and the client may lose our answer with it. So we read and discard what is
 * still coming, up to a bound, and only then give up on the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, type ApiError } from './errors';

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** How much of an unwanted body we discard (so the client sees our answer) before dropping the connection. */
export const MAX_DRAIN_BYTES = 1024 * 1024;
const MAX_DRAIN_MS = 5_000;

export function sendJson(request: IncomingMessage, response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  if (!request.complete) drainOrDrop(request);
  const json = JSON.stringify(body);
  response.writeHead(status, { ...BASE_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(json) });
  response.end(json);
}

export function sendError(request: IncomingMessage, response: ServerResponse, error: ApiError): void {
  sendJson(request, response, error.status, errorBody(error), error.headers);
}

/** Discards the rest of the request body; past MAX_DRAIN_BYTES or MAX_DRAIN_MS the connection is destroyed. */
function drainOrDrop(request: IncomingMessage): void {
  let drainedBytes = 0;
  const drop = (): void => {
    request.socket.destroy();
  };
  const timer = setTimeout(drop, MAX_DRAIN_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    drainedBytes += chunk.length;
    if (drainedBytes > MAX_DRAIN_BYTES) drop();
  });
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

/**
 * Small HTTP helpers for the emulator's handlers: one request context, JSON answers, and the two error
 * shapes it speaks — Graph's (../shared/reference/graph-api.md §4.3: `error.code`, `error.message`, `error.innerError` with
 * `request-id`, `client-request-id`, `date` without a zone) and Entra ID's token-endpoint shape
 * (`error`, `error_description` "AADSTSnnn: … Trace ID … Correlation ID … Timestamp …", `error_codes`,
 * `timestamp`, `trace_id`, `correlation_id`, `error_uri`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './state';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  requestId: string;
  /** As sent by the client (echoed back); Graph falls back to request-id when absent. */
  clientRequestId: string;
  state: EmulatorState;
}

export interface GraphErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export class BodyTooLargeError extends Error {}

/** Reads the whole body as UTF-8, refusing more than `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes = 1_048_576): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLargeError(`request body is larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(ctx: RequestContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  ctx.res.end(text);
}

export function sendEmpty(ctx: RequestContext, status: number, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(status, { ...headers, 'content-length': 0 });
  ctx.res.end();
}

export function sendGraphError(
  ctx: RequestContext,
  status: number,
  code: string,
  message: string,
  extra: { headers?: Record<string, string>; details?: GraphErrorDetail[]; innerCode?: string } = {},
): void {
  const innerError: Record<string, string> = {
    date: new Date(ctx.state.now()).toISOString().slice(0, 19),
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId,
  };
  if (extra.innerCode) innerError.code = extra.innerCode;
  const error: Record<string, unknown> = { code, message };
  if (extra.details && extra.details.length > 0) error.details = extra.details;
  error.innerError = innerError;
  sendJson(ctx, status, { error }, extra.headers);
}

export function sendEntraError(
  ctx: RequestContext,
  status: number,
  error: string,
  aadstsCode: number,
  description: string,
  headers: Record<string, string> = {},
): void {
  const now = new Date(ctx.state.now());
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  sendJson(
    ctx,
    status,
    {
      error,
      error_description:
        `AADSTS${aadstsCode}: ${description} Trace ID: ${ctx.requestId} ` +
        `Correlation ID: ${ctx.clientRequestId} Timestamp: ${timestamp}`,
      error_codes: [aadstsCode],
      timestamp,
      trace_id: ctx.requestId,
      correlation_id: ctx.clientRequestId,
      error_uri: `https://login.microsoftonline.com/error?code=${aadstsCode}`,
    },
    headers,
  );
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

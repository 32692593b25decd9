/**
 * The ingest HTTP server, on plain node:http so that every limit is ours to set:
 * - bound to 127.0.0.1 unless the installation explicitly allows a LAN bind (allowLan);
 * - headersTimeout 10 s against slow-header (slowloris) clients, requestTimeout for the whole request, and
 *   the connection check interval shortened so those timeouts hold to about a second (Node checks them
 *   only every connectionsCheckingInterval, 30 s by default);
 * - protocol-level errors (malformed request, timeout, oversized headers) also answered in our JSON shape.
 */
import { createServer, STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TokenStore } from '../tokens/token-store';
import type { IngestDeps } from './deps';
import { isLoopbackHost } from '../../../shared/config/hosts';
import { closeGracefully, listenOn } from '../http-lifecycle';
import { errorBody, apiError } from './errors';
import { DEFAULT_BODY_LIMIT_BYTES } from './guards/body-size';
import type { HostPolicy } from './guards/host';
import { createRequestHandler } from './pipeline';
import type { Quarantine } from './quarantine';

export const DEFAULT_INGEST_PORT = 8790;

export interface IngestServerOptions {
  host?: string;
  /** 0 picks a free port (tests, `--port 0`). */
  port?: number;
  deps: IngestDeps;
  tokens: Pick<TokenStore, 'verify'>;
  /** Where refused bodies go; without it they are only logged. */
  quarantine?: Quarantine;
  /** Must be true to bind anything but a loopback address. */
  allowLan?: boolean;
  /** Host names accepted besides the bind address and localhost (a LAN bind's DNS name). */
  extraHostNames?: readonly string[];
  bodyLimitBytes?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface IngestServer {
  /** e.g. http://127.0.0.1:8790 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** In-flight requests get this long to finish on close before their connections are cut. */
const CLOSE_GRACE_MS = 2_000;

export async function startIngestServer(options: IngestServerOptions): Promise<IngestServer> {
  const host = options.host ?? '127.0.0.1';
  if (!options.allowLan && !isLoopbackHost(host)) {
    throw new Error(`Refusing to serve the ingest API on ${host}: only loopback addresses unless a LAN bind is explicitly allowed`);
  }
  const headersTimeoutMs = options.headersTimeoutMs ?? 10_000;
  const requestTimeoutMs = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeoutMs);
  let hostPolicy: HostPolicy = { bindHost: host, port: options.port ?? DEFAULT_INGEST_PORT, extraHostNames: options.extraHostNames ?? [] };

  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
    },
    createRequestHandler({
      deps: options.deps,
      tokens: options.tokens,
      quarantine: options.quarantine,
      hostPolicy: () => hostPolicy,
      bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    }),
  );
  server.on('clientError', answerClientError);

  const port = await listenOn(server, host, options.port ?? DEFAULT_INGEST_PORT);
  hostPolicy = { ...hostPolicy, port };
  const urlHost = isIP(host) === 6 ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, port, close: () => closeGracefully(server, CLOSE_GRACE_MS) };
}

/**
 * Errors Node's HTTP parser raises before our handler runs. Same guard as Node's default handler: write
 * only if no response has started on this socket (a timeout may hit while a response is being written).
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Node's private link from a socket to its response: the only way to tell whether a reply started.
  const responseStarted = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || responseStarted) {
    socket.destroy();
    return;
  }
  const [status, code, message]: [number, string, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request (headers or body) took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : [400, 'bad_request', 'The request is not valid HTTP/1.1.'];
  const json = JSON.stringify(errorBody(apiError(status, code, message)));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}

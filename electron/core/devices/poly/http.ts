/**
 * JSON over HTTP(S) to a Poly VideoOS codec's local REST API (../shared/reference/poly-videoos.md §1): base path `/rest`,
 * self-signed certificate by default (allowSelfSigned or a pinned certificate), bodies up to a few hundred
 * KiB. This layer only moves bytes: it returns every HTTP status to the session layer (session.ts), which
 * decides what a 401, 403 or 404 means, and throws DeviceRequestError for network, TLS and body problems.
 *
 * One socket per device, kept alive only briefly: VideoOS has been reported to wedge its REST service
 * when connections are held open for long (§6).
 */
import http from 'node:http';
import https from 'node:https';
import { classifyRequestError, DeviceRequestError } from '../errors';
import { guardTls, rejectUnauthorizedFor } from '../tls';

export interface JsonClientOptions {
  url: string;
  allowSelfSigned?: boolean;
  certificateSha256?: string;
  onFingerprint?: (sha256: string) => void;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface JsonResponse {
  status: number;
  /** Parsed JSON; undefined for an empty or non-JSON body. */
  body: unknown;
  /** Cookies the response set, by name. */
  cookies: Map<string, string>;
}

export interface JsonRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JsonClient {
  request(request: JsonRequest): Promise<JsonResponse>;
  /** Aborts the requests in flight; the client stays usable (stop aborts a read, then logs out). */
  abort(): void;
  close(): void;
}

/** `name=value; Path=/; …` → [name, value]. */
export function parseSetCookie(header: string): [string, string] | undefined {
  const pair = header.split(';', 1)[0] ?? '';
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
}

export function createJsonClient(options: JsonClientOptions): JsonClient {
  const base = new URL(options.url);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('device url must be http(s)');
  const isHttps = base.protocol === 'https:';
  const timeoutMs = options.timeoutMs ?? 10_000;
  // Poly caps requests at 10 MB (§1); a statistics answer is a few KiB.
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const agentOptions = { keepAlive: true, maxSockets: 1, timeout: 30_000 };
  const agent = isHttps ? new https.Agent({ ...agentOptions, rejectUnauthorized: rejectUnauthorizedFor(options) }) : new http.Agent(agentOptions);
  const inFlight = new Set<http.ClientRequest>();
  let closed = false;

  const request = (spec: JsonRequest): Promise<JsonResponse> =>
    new Promise<JsonResponse>((resolve, reject) => {
      if (closed) {
        reject(new DeviceRequestError('offline', 'client closed'));
        return;
      }
      const target = new URL(spec.path, base);
      const payload = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body), 'utf8');
      const outgoing = (isHttps ? https : http).request(target, {
        method: spec.method,
        agent,
        headers: {
          Accept: 'application/json',
          ...(payload !== undefined && { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) }),
          ...spec.headers,
        },
      });
      inFlight.add(outgoing);
      if (isHttps) guardTls(outgoing, options, options.onFingerprint);
      const fail = (error: unknown): void => reject(classifyRequestError(error));
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      outgoing.on('error', fail);
      outgoing.on('close', () => inFlight.delete(outgoing));
      outgoing.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            outgoing.destroy(new DeviceRequestError('error', `response larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', fail);
        response.on('close', () => {
          if (!response.complete) fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        });
        response.on('end', () => {
          const cookies = new Map<string, string>();
          for (const header of response.headers['set-cookie'] ?? []) {
            const cookie = parseSetCookie(header);
            if (cookie !== undefined) cookies.set(cookie[0], cookie[1]);
          }
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          if (text.trim() !== '') {
            try {
              body = JSON.parse(text);
            } catch {
              // An HTML error page from a proxy or a wedged service: the caller sees a status without a body.
              body = undefined;
            }
          }
          resolve({ status: response.statusCode ?? 0, body, cookies });
        });
      });
      outgoing.end(payload);
    });

  const abort = (): void => {
    for (const outgoing of inFlight) outgoing.destroy(new DeviceRequestError('offline', 'client closed'));
    inFlight.clear();
  };

  return {
    request,
    abort,
    close() {
      closed = true;
      abort();
      agent.destroy();
    },
  };
}

/**
 * HTTP(S) XMLAPI reads from a Cisco codec: `GET /getxml?location=<path>` with HTTP Basic
 * (../shared/reference/devices-and-thresholds.md §3.2; `NetworkServices HTTP Mode` defaults to HTTPS).
 *
 * - Codecs ship with a self-signed certificate; it is accepted only when the device's `allowSelfSigned`
 *   option says so, through this client's own agent (never the process-wide TLS setting).
 * - One keep-alive connection per device: a codec's web server serves few sessions, and a TLS handshake
 *   every poll costs it more than us.
 * - Every failure becomes a DeviceRequestError whose `kind` is the device state the UI shows:
 *   network/timeouts → offline, 401/403 → auth_failed, anything else (HTTP errors, oversized bodies, a
 *   rejected certificate) → error. Messages never include the credentials.
 */
import http from 'node:http';
import https from 'node:https';
import { classifyRequestError, DeviceRequestError } from '../errors';
import { guardTls, rejectUnauthorizedFor } from '../tls';

export { classifyRequestError, DeviceRequestError } from '../errors';
export type { FailureState } from '../errors';

export interface XmlClientOptions {
  url: string;
  username: string;
  password: string;
  allowSelfSigned?: boolean;
  /** Pinned certificate (lower-case hex SHA-256), instead of allowSelfSigned. */
  certificateSha256?: string;
  /** Told the fingerprint of the certificate the codec presents (Test device shows it for pinning). */
  onFingerprint?: (sha256: string) => void;
  timeoutMs?: number;
  /** A status document of a busy codec is a few tens of KiB; anything near this is not a codec. */
  maxBytes?: number;
}

export interface XmlClient {
  /** GETs `/getxml?location=<location>` and returns the body text. */
  get(location: string): Promise<string>;
  /** Aborts requests in flight and closes the kept-alive connection. */
  close(): void;
}

export function createXmlClient(options: XmlClientOptions): XmlClient {
  const base = new URL(options.url);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('device url must be http(s)');
  const isHttps = base.protocol === 'https:';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
  const agent = isHttps
    ? new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: rejectUnauthorizedFor(options) })
    : new http.Agent({ keepAlive: true, maxSockets: 1 });
  const inFlight = new Set<http.ClientRequest>();
  let closed = false;

  const get = (location: string): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      if (closed) {
        reject(new DeviceRequestError('offline', 'client closed'));
        return;
      }
      // The location is one of our own constant paths; Cisco expects it unencoded (§3.2 examples).
      const target = new URL(`/getxml?location=${location}`, base);
      target.username = '';
      target.password = '';
      const request = (isHttps ? https : http).request(target, {
        method: 'GET',
        agent,
        headers: { Authorization: authorization, Accept: 'text/xml, application/xml' },
      });
      inFlight.add(request);
      if (isHttps) guardTls(request, options, options.onFingerprint);
      const fail = (error: unknown): void => reject(classifyRequestError(error));
      request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      request.on('error', fail);
      request.on('close', () => inFlight.delete(request));
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status === 401 || status === 403) {
          response.resume();
          reject(new DeviceRequestError('auth_failed', `authentication failed (HTTP ${status}): check the device user name and password`, status));
          return;
        }
        if (status !== 200) {
          response.resume();
          reject(new DeviceRequestError('error', `unexpected HTTP ${status} from ${target.pathname}${target.search}`, status));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy(new DeviceRequestError('error', `response larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', fail);
        // A connection cut mid-body ends neither with 'end' nor always with 'error'.
        response.on('close', () => {
          if (!response.complete) fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        });
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      request.end();
    });

  return {
    get,
    close() {
      closed = true;
      for (const request of inFlight) request.destroy(new DeviceRequestError('offline', 'client closed'));
      inFlight.clear();
      agent.destroy();
    },
  };
}

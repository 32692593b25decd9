/**
 * Cisco xAPI JSON-RPC 2.0 over WebSocket (../shared/reference/devices-and-thresholds.md §3.2): `wss://<codec>/ws`, one login
 * per connection through the subprotocol `auth-<base64url(user:password)>` (padding dropped, `+` → `-`,
 * `/` → `_`, as Cisco's jsxapi does), requests `{ jsonrpc, id, method, params }` answered by id, and
 * feedback pushed as `xFeedback/Event` notifications carrying the subscription's `Id`.
 *
 * Failures map to device states like the HTTP client's: a refused TCP connection or a drop → offline,
 * 401/403 on the upgrade → auth_failed, a pinned certificate that does not match → certificate_changed.
 * Any other answer to the upgrade (404 when `NetworkServices Websocket` is Off, CE 9's default) is a
 * WebSocketRefusedError: the collector may fall back to HTTP polling.
 */
import type { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import { classifyRequestError, DeviceRequestError } from '../errors';
import { CertificateChangedError, normaliseFingerprint, rejectUnauthorizedFor } from '../tls';
import { isNode, type JsonNode } from './json';

export class WebSocketRefusedError extends Error {
  override readonly name = 'WebSocketRefusedError';
  constructor(readonly status: number) {
    super(`the codec refused the WebSocket (HTTP ${status}): is NetworkServices Websocket Off?`);
  }
}

export interface XapiSocketOptions {
  url: string;
  username: string;
  password: string;
  allowSelfSigned?: boolean;
  certificateSha256?: string;
  /** Connect and request timeout. */
  timeoutMs?: number;
  /** Told the fingerprint of the certificate the codec presents (Test device shows it for pinning). */
  onFingerprint?: (sha256: string) => void;
  onFeedback: (subscriptionId: number, payload: JsonNode) => void;
  /** The connection ended (not by close()): the collector reconnects. */
  onClosed: (reason: string) => void;
}

export interface XapiSocket {
  request(method: string, params: JsonNode): Promise<unknown>;
  close(): void;
}

export function authSubprotocol(username: string, password: string): string {
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `auth-${encoded}`;
}

export function webSocketUrlOf(deviceUrl: string): string {
  const url = new URL(deviceUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/ws';
  url.search = '';
  url.username = '';
  url.password = '';
  return url.toString();
}

/** Opens the socket; resolves once it is open (the codec accepted the login), rejects with a classified error. */
export function openXapiSocket(options: XapiSocketOptions): Promise<XapiSocket> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socket = new WebSocket(webSocketUrlOf(options.url), authSubprotocol(options.username, options.password), {
    rejectUnauthorized: rejectUnauthorizedFor(options),
    handshakeTimeout: timeoutMs,
    maxPayload: 4 * 1024 * 1024,
    // A pinned certificate is checked before the upgrade request (which carries the login) is sent.
    finishRequest: (request) => {
      const pinned = options.certificateSha256;
      request.on('socket', (tcp) => {
        if (!(tcp instanceof TLSSocket)) {
          request.end();
          return;
        }
        tcp.once('secureConnect', () => {
          const presented = normaliseFingerprint(tcp.getPeerCertificate().fingerprint256 ?? '');
          options.onFingerprint?.(presented);
          if (pinned === undefined || presented === pinned) request.end();
          else request.destroy(new CertificateChangedError(presented, pinned));
        });
      });
    },
  });
  const pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  let open = false;
  let closedByUs = false;

  const failAll = (error: Error): void => {
    for (const entry of pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    pending.clear();
  };

  socket.on('message', (data) => {
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return; // not JSON: ignored, like any message we do not understand
    }
    if (!isNode(message)) return;
    if (message.method === 'xFeedback/Event' && isNode(message.params)) {
      const { Id: id, ...payload } = message.params;
      if (typeof id === 'number') options.onFeedback(id, payload);
      return;
    }
    const entry = pending.get(String(message.id));
    if (entry === undefined) return;
    pending.delete(String(message.id));
    clearTimeout(entry.timer);
    if (isNode(message.error)) entry.reject(new DeviceRequestError('error', `xAPI error ${String(message.error.code)}: ${String(message.error.message)}`));
    else entry.resolve(message.result);
  });

  return new Promise<XapiSocket>((resolve, reject) => {
    socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      response.resume();
      socket.terminate();
      if (status === 401 || status === 403) reject(new DeviceRequestError('auth_failed', `authentication failed (HTTP ${status}): check the device user name and password`, status));
      else reject(new WebSocketRefusedError(status));
    });
    socket.on('open', () => {
      open = true;
      resolve({
        request(method, params) {
          return new Promise<unknown>((resolveRequest, rejectRequest) => {
            if (socket.readyState !== WebSocket.OPEN) {
              rejectRequest(new DeviceRequestError('offline', 'the WebSocket is closed'));
              return;
            }
            const id = String(nextId++);
            const timer = setTimeout(() => {
              pending.delete(id);
              rejectRequest(new DeviceRequestError('offline', `no answer to ${method} within ${timeoutMs} ms`));
              socket.terminate();
            }, timeoutMs);
            pending.set(id, { resolve: resolveRequest, reject: rejectRequest, timer });
            socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
          });
        },
        close() {
          closedByUs = true;
          failAll(new DeviceRequestError('offline', 'client closed'));
          socket.terminate();
        },
      });
    });
    socket.on('error', (error) => {
      if (!open) reject(classifyRequestError(error));
    });
    socket.on('close', (code, reason) => {
      failAll(new DeviceRequestError('offline', 'the WebSocket closed'));
      if (!open) {
        reject(new DeviceRequestError('offline', `the WebSocket closed before it opened (${code})`));
        return;
      }
      if (!closedByUs) options.onClosed(`the WebSocket closed (${code}${reason.length > 0 ? ` ${reason.toString()}` : ''})`);
    });
  });
}

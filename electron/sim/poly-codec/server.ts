/**
 * A fake Poly VideoOS codec (../shared/reference/poly-videoos.md): a real HTTPS server (or HTTP) on 127.0.0.1, port 0, with a
 * self-signed certificate, following the reference's ✔ facts and stated assumptions:
 * - `POST /rest/current/session` {user, password} → 200 `{success, session: {sessionId}}` and a
 *   `session_id` cookie; bad credentials → 401 `{success: false, reason: "SessionRequestInvalid"}`; after
 *   `lockoutAfter` failures → 400 `SessionPortLockout`. `DELETE` logs out.
 * - Every other `/rest` route needs `Cookie: session_id=…`: none → 401, unknown or expired → 403. With
 *   `xsrf` (VideoOS 4.6.2+), responses set `XSRF-TOKEN` and a request without the matching
 *   `X-XSRF-TOKEN` header and cookie → 403.
 * - `GET /rest/system`, `/rest/conferences`, `/rest/conferences/{id}`, `/rest/conferences/{id}/mediastats`
 *   (404 once the call is gone), `/rest/mediastats` (content this room shares).
 *
 * Time is the test's: `tick()` moves the codec one statistics interval. `restart()` is a REST-service
 * restart: every session is forgotten and open connections drop; the call goes on.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { simulatorCertificate } from '../cisco-codec/cert';
import { createSimulatedPolyCodec, type PolyExpectedCall } from './codec';
import { generatePolyCallScript, POLY_TICK_MS, type PolyScenario } from './scenario';

export interface PolySimulatorOptions {
  seed: number;
  scenario?: PolyScenario;
  username?: string;
  password?: string;
  model?: string;
  softwareVersion?: string;
  /** VideoOS 4.6.2+ anti-CSRF token. */
  xsrf?: boolean;
  /** Plain HTTP instead of HTTPS. */
  http?: boolean;
  loop?: boolean;
  /** Failed logins before the account locks (0: never). */
  lockoutAfter?: number;
  /** Epoch ms of the codec's clock (conference startTime). */
  now?: () => number;
}

export interface PolySimulator {
  url: string;
  username: string;
  password: string;
  scenario: PolyScenario;
  tick(count?: number): void;
  /** A REST-service restart: sessions lost, connections dropped, the call goes on. */
  restart(): void;
  setReachable(reachable: boolean): void;
  currentCallId(): string | undefined;
  expected(): PolyExpectedCall[];
  /** Successful and failed logins, and requests by path. */
  readonly logins: number;
  readonly failedLogins: number;
  readonly requests: ReadonlyMap<string, number>;
  readonly activeSessions: number;
  readonly certificateSha256: string | undefined;
  startAutoTick(intervalMs?: number): void;
  stopAutoTick(): void;
  close(): Promise<void>;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export async function startPolySimulator(options: PolySimulatorOptions): Promise<PolySimulator> {
  const username = options.username ?? 'admin';
  const password = options.password ?? 'simulator';
  const scenario = options.scenario ?? { calls: [generatePolyCallScript(options.seed)] };
  const now = options.now ?? Date.now;
  const codec = createSimulatedPolyCodec({ seed: options.seed, scenario, loop: options.loop ?? false, epochMs: now });
  const expectedCredentials = digest(`${username}\u0000${password}`);
  const sessions = new Set<string>();
  const requests = new Map<string, number>();
  const sockets = new Set<Socket>();
  let xsrfToken = randomBytes(16).toString('hex');
  let logins = 0;
  let failedLogins = 0;
  let reachable = true;
  let autoTick: ReturnType<typeof setInterval> | undefined;

  const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    if (!reachable) {
      request.socket.destroy();
      return;
    }
    const url = new URL(request.url ?? '/', 'https://codec.invalid');
    const path = url.pathname;
    requests.set(`${request.method} ${path}`, (requests.get(`${request.method} ${path}`) ?? 0) + 1);
    const send = (status: number, body: unknown, extraCookies: string[] = []): void => {
      const cookies = [...extraCookies, ...(options.xsrf ? [`XSRF-TOKEN=${xsrfToken}; Path=/; Secure`] : [])];
      response.writeHead(status, { 'Content-Type': 'application/json', ...(cookies.length > 0 && { 'Set-Cookie': cookies }) });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const cookies = cookiesOf(request.headers.cookie);
      if (path === '/rest/current/session' && request.method === 'POST') {
        let body: { user?: unknown; password?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { user?: unknown; password?: unknown };
        } catch {
          send(400, { success: false, reason: 'SessionRequestInvalid' });
          return;
        }
        if (options.lockoutAfter !== undefined && options.lockoutAfter > 0 && failedLogins >= options.lockoutAfter) {
          send(400, { success: false, reason: 'SessionPortLockout', loginStatus: { failedLogins } });
          return;
        }
        const given = digest(`${String(body.user)}\u0000${String(body.password)}`);
        if (!timingSafeEqual(given, expectedCredentials)) {
          failedLogins += 1;
          send(401, { success: false, reason: 'SessionRequestInvalid', loginStatus: { failedLogins } });
          return;
        }
        logins += 1;
        // Opaque, with the characters the reference warns about (+ / =).
        const sessionId = `PS${randomBytes(18).toString('base64')}`;
        sessions.add(sessionId);
        send(200, { success: true, loginStatus: { failedLogins }, session: { sessionId, userId: username, role: 'ADMIN', clientType: 'WEB', isAuthenticated: true, isStale: false } }, [`session_id=${sessionId}; Path=/; Secure; HttpOnly`]);
        return;
      }
      const sessionId = cookies.get('session_id');
      if (sessionId === undefined) {
        send(401, { success: false, reason: 'SessionNoActiveSession' });
        return;
      }
      if (!sessions.has(sessionId)) {
        send(403, { success: false, reason: 'SessionNoActiveSession' });
        return;
      }
      if (options.xsrf && (request.headers['x-xsrf-token'] !== xsrfToken || cookies.get('XSRF-TOKEN') !== xsrfToken)) {
        send(403, { success: false, reason: 'XSRF token missing or wrong' });
        return;
      }
      if (path === '/rest/current/session' && request.method === 'DELETE') {
        sessions.delete(sessionId);
        send(200, { success: true });
        return;
      }
      if (request.method !== 'GET') {
        send(405, undefined);
        return;
      }
      const call = codec.activeCall();
      const conferenceMatch = /^\/rest\/conferences\/(\d+)(\/mediastats)?$/.exec(path);
      if (path === '/rest/system') {
        send(200, { model: options.model ?? 'StudioX30', softwareVersion: options.softwareVersion ?? '4.6.2', build: '4.6.2-400123', buildType: 'Release', serialNumber: '8G2115FA1E2A', systemName: 'Sim Studio X30', hardwareVersion: '10', state: 'AWAKE', uptime: 12345.6, lanStatus: { duplex: 'FULL', speedMbps: 1000, state: 'LAN_UP' } });
      } else if (path === '/rest/conferences') {
        send(200, call === undefined ? [] : [conferenceBody(call.script.conferenceId, call.startTime, call.script.address)]);
      } else if (conferenceMatch !== null) {
        if (call === undefined || String(call.script.conferenceId) !== conferenceMatch[1]) send(404, { success: false });
        else if (conferenceMatch[2] === undefined) send(200, conferenceBody(call.script.conferenceId, call.startTime, call.script.address));
        else send(200, codec.mediaStats());
      } else if (path === '/rest/mediastats') {
        const sharing = call?.streams.get('content-tx');
        send(200, { vars: sharing === undefined ? [] : [{ width: 1920, height: 1080, framerate: sharing.current.actualFrameRate, bitrate: sharing.current.actualBitRate }] });
      } else {
        send(404, { success: false });
      }
    });
  };

  let certificateSha256: string | undefined;
  let server: http.Server;
  if (options.http) {
    server = http.createServer(handler);
  } else {
    const { key, cert } = await simulatorCertificate();
    server = https.createServer({ key, cert }, handler);
    const der = Buffer.from(cert.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    certificateSha256 = createHash('sha256').update(der).digest('hex');
  }
  server.on('connection', (socket: Socket) => {
    if (!reachable) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const tick = (count = 1): void => {
    for (let i = 0; i < count; i += 1) codec.tick();
  };

  return {
    url: `${options.http ? 'http' : 'https'}://127.0.0.1:${port}`,
    username,
    password,
    scenario,
    tick,
    restart() {
      sessions.clear();
      xsrfToken = randomBytes(16).toString('hex');
      for (const socket of sockets) socket.destroy();
    },
    setReachable(value) {
      reachable = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
    currentCallId: () => {
      const call = codec.activeCall();
      return call === undefined ? undefined : String(call.script.conferenceId);
    },
    expected: () => codec.expected(),
    get logins() {
      return logins;
    },
    get failedLogins() {
      return failedLogins;
    },
    requests,
    get activeSessions() {
      return sessions.size;
    },
    certificateSha256,
    startAutoTick(intervalMs = POLY_TICK_MS) {
      if (autoTick !== undefined) return;
      autoTick = setInterval(() => tick(), intervalMs);
      autoTick.unref();
    },
    stopAutoTick() {
      if (autoTick !== undefined) clearInterval(autoTick);
      autoTick = undefined;
    },
    close() {
      if (autoTick !== undefined) clearInterval(autoTick);
      autoTick = undefined;
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function conferenceBody(id: number, startTime: number, address: string) {
  return {
    id,
    isActive: true,
    startTime,
    terminals: [{ address, systemID: 'Example MCU' }],
    connections: [{ id: 3, parentConfId: id, address, callType: 'SIP', callInfo: 'SIP 1920 kbps', startTime }],
  };
}

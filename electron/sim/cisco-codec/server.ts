/**
 * A fake Cisco codec: a real HTTPS server on 127.0.0.1 (port 0 by default) with a
 * self-signed certificate and HTTP Basic, serving `GET /getxml?location=/Status/Call | /Status/MediaChannels
 * | /Status/SystemUnit` in the CE 9 or RoomOS 11 shape (render.ts), driven by a seeded scenario
 * (scenario.ts, codec.ts).
 *
 * Time is the test's: `tick()` / `advanceMs()` move the codec on by Netstat intervals, so a two-minute call
 * runs in milliseconds. The demo calls `startAutoTick()` to run in real time, looping calls.
 * Faults for the collector's failure paths: `setReachable(false)` drops every connection (the collector sees
 * the device offline), `setFault('malformed' | 'http500')` answers with broken XML or HTTP 500.
 * `expected()` returns what the scenario injected (expected.ts) for assertions.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { simulatorCertificate } from './cert';
import type { Firmware } from './channels';
import { createSimulatedCodec } from './codec';
import type { ExpectedCall } from './expected';
import { renderCallStatus, renderMediaChannels, renderSystemUnit } from './render';
import { createSimulatorWebSocket } from './websocket';
import { authSubprotocol } from '../../core/devices/cisco/ws-client';
import { generateScenario, TICK_MS, type Scenario } from './scenario';

export type SimulatorFault = 'none' | 'malformed' | 'http500';

export interface CiscoSimulatorOptions {
  seed: number;
  firmware?: Firmware;
  username?: string;
  password?: string;
  scenario?: Scenario;
  /** xStatus SystemUnit ProductId, Graph's deviceName (../shared/reference/devices-and-thresholds.md §3.6). */
  productId?: string;
  /** Start a new call after each one ends (the demo). */
  loop?: boolean;
  /**
   * The WebSocket xAPI at /ws (`NetworkServices Websocket`, off on CE 9 by default, ../shared/reference/devices-and-thresholds.md
   * R6): off unless asked, so the upgrade is answered 404 and an `auto` collector polls over HTTP.
   */
  websocket?: boolean;
  /**
   * Microsoft Teams Rooms mode (a Room Bar running the native Teams client): `/Status/MicrosoftTeams/Calling/
   * InCall` exists; while `setTeamsCall(true)`, InCall is True and SystemUnit State NumberOfActiveCalls 1,
   * with no Call and no MediaChannels (as a real RoomOS 11.19 capture shows).
   */
  teamsRooms?: boolean;
}

export interface CiscoSimulator {
  url: string;
  username: string;
  password: string;
  scenario: Scenario;
  /** Advances `count` Netstat intervals (default 1). */
  tick(count?: number): void;
  /** Advances codec time; each full 5 s is one tick. */
  advanceMs(ms: number): void;
  setReachable(reachable: boolean): void;
  setFault(fault: SimulatorFault): void;
  /** The call key of the call in progress, if any. */
  currentCallId(): string | undefined;
  /** Finished calls, then the one in progress. */
  expected(): ExpectedCall[];
  /** HTTP requests answered (any status), for assertions; WebSocket traffic is not counted here. */
  readonly requestCount: number;
  /** JSON-RPC requests answered over WebSockets, and the WebSockets open now. */
  readonly webSocketRequests: number;
  readonly webSocketConnections: number;
  /** Cuts every WebSocket (a network drop mid-call); HTTP and the call go on. */
  dropWebSockets(): void;
  setWebSocketEnabled(enabled: boolean): void;
  /** Teams Rooms mode: a native Teams call starts or ends. */
  setTeamsCall(inCall: boolean): void;
  readonly ticks: number;
  startAutoTick(intervalMs?: number): void;
  stopAutoTick(): void;
  close(): Promise<void>;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export async function startCiscoSimulator(options: CiscoSimulatorOptions): Promise<CiscoSimulator> {
  const firmware = options.firmware ?? 'roomos11';
  const username = options.username ?? 'admin';
  const password = options.password ?? 'simulator';
  const productId = options.productId ?? 'Cisco SX80';
  const scenario = options.scenario ?? generateScenario(options.seed);
  const codec = createSimulatedCodec({ seed: options.seed, firmware, scenario, loop: options.loop ?? false });
  const expectedAuth = digest(`Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`);
  let webSocketEnabled = options.websocket ?? false;
  let teamsInCall = false;
  const teams = (): { inCall: boolean } | undefined => (options.teamsRooms ? { inCall: teamsInCall } : undefined);
  const webSocket = createSimulatorWebSocket({ codec, firmware, productId, teams, enabled: () => webSocketEnabled, expectedProtocol: authSubprotocol(username, password) });

  let reachable = true;
  let fault: SimulatorFault = 'none';
  let requestCount = 0;
  let pendingMs = 0;
  let autoTick: ReturnType<typeof setInterval> | undefined;
  const sockets = new Set<Socket>();

  const { key, cert } = await simulatorCertificate();
  const server = https.createServer({ key, cert }, (request, response) => {
    if (!reachable) {
      request.socket.destroy();
      return;
    }
    requestCount += 1;
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', ...headers });
      response.end(body);
    };
    // Compare digests so the check takes the same time whatever the header's length.
    if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expectedAuth)) {
      send(401, '<?xml version="1.0"?>\n<Error>Unauthorized</Error>\n', { 'WWW-Authenticate': 'Basic realm="Cisco Codec"' });
      return;
    }
    const url = new URL(request.url ?? '/', 'https://codec.invalid');
    if (request.method !== 'GET' || url.pathname !== '/getxml') {
      send(404, '<?xml version="1.0"?>\n<Error>Not found</Error>\n');
      return;
    }
    if (fault === 'http500') {
      send(500, '<?xml version="1.0"?>\n<Error>Internal error</Error>\n');
      return;
    }
    if (fault === 'malformed') {
      send(200, '<?xml version="1.0"?>\n<Status product="Cisco Codec"><Call item="1"><Status>Conn');
      return;
    }
    const call = codec.activeCall();
    switch (url.searchParams.get('location')) {
      case '/Status/Call':
        send(200, renderCallStatus(firmware, call, codec.ticks));
        return;
      case '/Status/MediaChannels':
        send(200, renderMediaChannels(firmware, call));
        return;
      case '/Status/SystemUnit':
        send(200, renderSystemUnit(firmware, productId));
        return;
      case '/Status/MicrosoftTeams/Calling/InCall':
        if (!options.teamsRooms) break;
        send(200, `<?xml version="1.0"?>\n<Status product="Cisco Codec" apiVersion="4">\n  <MicrosoftTeams>\n    <Calling>\n      <InCall>${teamsInCall ? 'True' : 'False'}</InCall>\n    </Calling>\n  </MicrosoftTeams>\n</Status>\n`);
        return;
      default:
    }
    send(404, '<?xml version="1.0"?>\n<Error>No such status path</Error>\n');
  });
  server.on('upgrade', (request, socket: Socket, head: Buffer) => {
    if (!reachable) {
      socket.destroy();
      return;
    }
    webSocket.handleUpgrade(request, socket, head);
  });
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
    for (let i = 0; i < count; i += 1) {
      codec.tick();
      webSocket.afterTick();
    }
  };

  return {
    url: `https://127.0.0.1:${port}`,
    username,
    password,
    scenario,
    tick,
    advanceMs(ms) {
      pendingMs += ms;
      while (pendingMs >= TICK_MS) {
        pendingMs -= TICK_MS;
        tick();
      }
    },
    setReachable(value) {
      reachable = value;
      // A codec that drops off the network takes its open connections with it.
      if (!value) {
        for (const socket of sockets) socket.destroy();
        webSocket.dropAll();
      }
    },
    dropWebSockets: () => webSocket.dropAll(),
    setWebSocketEnabled(enabled) {
      webSocketEnabled = enabled;
    },
    setTeamsCall(inCall) {
      teamsInCall = inCall;
      webSocket.pushTeams();
    },
    get webSocketRequests() {
      return webSocket.requests;
    },
    get webSocketConnections() {
      return webSocket.connections;
    },
    setFault(value) {
      fault = value;
    },
    currentCallId: () => codec.activeCall()?.callId,
    expected: () => codec.expected(),
    get requestCount() {
      return requestCount;
    },
    get ticks() {
      return codec.ticks;
    },
    startAutoTick(intervalMs = TICK_MS) {
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
      webSocket.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

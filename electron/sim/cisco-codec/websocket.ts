/**
 * The simulated codec's WebSocket xAPI (../shared/reference/devices-and-thresholds.md §3.2, as Cisco's jsxapi speaks it):
 * `GET /ws` upgraded when the subprotocol `auth-<base64url(user:password)>` carries the right login (401
 * otherwise; 404 when the codec's `NetworkServices Websocket` is Off), then JSON-RPC 2.0: `xGet {Path}`,
 * `xFeedback/Subscribe {Query, NotifyCurrentValue}` → `{Id}`, `xFeedback/Unsubscribe {Id}`. After each
 * tick the codec pushes `xFeedback/Event` to the matching subscriptions: the call's status, every media
 * channel (closed ones and an ended call as `ghost: "True"`), and `Event/CallDisconnect` when a call ends.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Firmware } from './channels';
import type { SimulatedCodec } from './codec';
import { callJson, channelJson, statusTree, type JsonTree } from './render-json';

interface Subscription {
  id: number;
  query: string;
}

export interface SimulatorWebSocket {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Pushes what the last tick changed. */
  afterTick(): void;
  /** Pushes the Teams Rooms call state (MicrosoftTeams Calling InCall). */
  pushTeams(): void;
  /** Cuts every WebSocket (a network drop); the codec stays up. */
  dropAll(): void;
  readonly connections: number;
  /** JSON-RPC requests answered. */
  readonly requests: number;
  close(): void;
}

export function createSimulatorWebSocket(options: { codec: SimulatedCodec; firmware: Firmware; productId: string; teams: () => { inCall: boolean } | undefined; enabled: () => boolean; expectedProtocol: string }): SimulatorWebSocket {
  const { codec, firmware } = options;
  const server = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(options.expectedProtocol) ? options.expectedProtocol : false) });
  const subscriptions = new Map<WebSocket, Subscription[]>();
  let nextSubscription = 1;
  let requests = 0;
  let previousCallId: string | undefined;
  let previousChannels = new Set<number>();

  const send = (socket: WebSocket, message: JsonTree): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ jsonrpc: '2.0', ...message }));
  };

  const push = (query: string, payload: JsonTree): void => {
    for (const [socket, list] of subscriptions) {
      for (const subscription of list) if (query.startsWith(subscription.query)) send(socket, { method: 'xFeedback/Event', params: { Id: subscription.id, ...payload } });
    }
  };

  const dig = (tree: unknown, path: readonly unknown[]): unknown => {
    let node = tree;
    for (const part of path) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = Array.isArray(node) ? node.find((item: { id?: unknown }) => String(item.id) === String(part)) : (node as Record<string, unknown>)[String(part)];
    }
    return node;
  };

  server.on('connection', (socket: WebSocket) => {
    subscriptions.set(socket, []);
    socket.on('close', () => subscriptions.delete(socket));
    socket.on('message', (data) => {
      let message: { id?: unknown; method?: unknown; params?: { Path?: unknown; Query?: unknown; Id?: unknown } };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        send(socket, { id: null, error: { code: -32700, message: 'Parse error' } });
        return;
      }
      requests += 1;
      const { id, method, params } = message;
      if (method === 'xGet' && Array.isArray(params?.Path)) {
        const value = dig(statusTree(firmware, codec.activeCall(), codec.ticks, options.productId, options.teams()), params.Path);
        if (value === undefined) send(socket, { id, error: { code: 3, message: 'No match on Path argument' } });
        else send(socket, { id, result: value });
      } else if (method === 'xFeedback/Subscribe' && Array.isArray(params?.Query)) {
        const subscription = { id: nextSubscription++, query: params.Query.join('/') };
        subscriptions.get(socket)?.push(subscription);
        send(socket, { id, result: { Id: subscription.id } });
      } else if (method === 'xFeedback/Unsubscribe') {
        subscriptions.set(socket, (subscriptions.get(socket) ?? []).filter((subscription) => subscription.id !== params?.Id));
        send(socket, { id, result: true });
      } else {
        send(socket, { id, error: { code: -32601, message: 'Method not found' } });
      }
    });
  });

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'https://codec.invalid');
      if (url.pathname !== '/ws' || !options.enabled()) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim());
      if (!offered.includes(options.expectedProtocol)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    afterTick() {
      const call = codec.activeCall();
      const callId = call?.callId;
      if (previousCallId !== undefined && previousCallId !== callId) {
        const ended = Number(previousCallId);
        push('Status/Call', { Status: { Call: [{ id: ended, ghost: 'True' }] } });
        push('Status/MediaChannels', { Status: { MediaChannels: { Call: [{ id: ended, ghost: 'True' }] } } });
        push('Event/CallDisconnect', { Event: { CallDisconnect: { CallId: ended, CauseType: 'LocalDisconnect', CauseValue: 1, Duration: 0 } } });
        previousChannels = new Set();
      }
      previousCallId = callId;
      if (call === undefined) return;
      push('Status/Call', { Status: { Call: [callJson(firmware, call, codec.ticks)] } });
      const channels = [...call.channels.values()].sort((a, b) => a.item - b.item);
      const current = new Set(channels.map((channel) => channel.item));
      const closed = [...previousChannels].filter((item) => !current.has(item)).map((item) => ({ id: item, ghost: 'True' }));
      previousChannels = current;
      push('Status/MediaChannels', { Status: { MediaChannels: { Call: [{ id: Number(call.callId), Channel: [...channels.map(channelJson), ...closed] }] } } });
    },
    pushTeams() {
      const teams = options.teams();
      if (teams !== undefined) push('Status/MicrosoftTeams/Calling/InCall', { Status: { MicrosoftTeams: { Calling: { InCall: teams.inCall ? 'True' : 'False' } } } });
    },
    dropAll() {
      for (const socket of subscriptions.keys()) socket.terminate();
    },
    get connections() {
      return subscriptions.size;
    },
    get requests() {
      return requests;
    },
    close() {
      for (const socket of subscriptions.keys()) socket.terminate();
      server.close();
    },
  };
}

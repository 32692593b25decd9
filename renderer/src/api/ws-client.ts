/**
 * The AppApi over the headless agent's WebSocket: the browser transport, the
 * counterpart of the Electron preload. The session cookie goes along with the upgrade automatically.
 * - Wire: `{ id, method, req }` → `{ id, result }`; pushed events arrive as `{ event, payload }`.
 * - Every call settles with the Result envelope, never throws: `timeout` after `callTimeoutMs`,
 *   `unavailable` when the connection drops before the answer (a call is never re-sent: it may not be
 *   idempotent).
 * - Calls made while (re)connecting wait in order and go out once the socket opens.
 * - Reconnects with exponential backoff and jitter while anything listens or waits. Listeners survive a
 *   reconnect; since events may have been missed meanwhile, `syncStatus` is re-read and re-delivered,
 *   `roomsChanged` gets a push numbered ROOMS_RESYNC_SEQ (which never lines up, so the rooms store re-reads
 *   getRooms) and `reportsChanged` with no ids tells lists to re-query.
 * One function per method is generated from APP_API_METHODS only here, in the browser transport (the
 * preload is written by hand); the server's dispatcher validates every request anyway.
 */
import { APP_API_METHODS, APP_EVENT_NAMES, type AppApiClient, type AppApiMethod, type AppEventName } from '../../../shared/api/contract';
import type { AppErrorCode, Result } from '../../../shared/api/result';
import { ROOMS_RESYNC_SEQ, type RoomsChange } from '../../../shared/domain/legs';

export interface WebSocketClientOptions {
  /** Defaults to ws(s)://<this page's host>/api/ws. */
  url?: string;
  /** A bit longer than the core's own 30 s handler bound, so the core's timeout message wins. */
  callTimeoutMs?: number;
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** For tests outside a browser; defaults to the browser's WebSocket. */
  createSocket?: (url: string) => WebSocket;
}

/** An AppApiClient that can also be shut down (tests, page teardown). */
export type WebSocketAppClient = AppApiClient & { close(): void };

interface PendingCall {
  text: string;
  sent: boolean;
  settle: (result: Result<unknown>) => void;
}

type Listener = (payload: unknown) => void;
const EVENT_NAMES = new Set<string>(APP_EVENT_NAMES);

const failure = (code: AppErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

export function createWebSocketClient(options: WebSocketClientOptions = {}): WebSocketAppClient {
  const url = options.url ?? defaultUrl();
  const callTimeoutMs = options.callTimeoutMs ?? 35_000;
  const minDelayMs = options.minReconnectDelayMs ?? 250;
  const maxDelayMs = options.maxReconnectDelayMs ?? 10_000;
  const createSocket = options.createSocket ?? ((target: string) => new WebSocket(target));
  const pending = new Map<number, PendingCall>();
  const listeners = new Map<AppEventName, Set<Listener>>();
  let socket: WebSocket | undefined;
  let open = false;
  let everOpened = false;
  let closed = false;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;

  function connect(): void {
    if (closed || socket !== undefined || reconnectTimer !== undefined) return;
    let ws: WebSocket;
    try {
      ws = createSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      open = true;
      failedAttempts = 0;
      for (const call of pending.values()) if (!call.sent) transmit(ws, call);
      if (everOpened) resync();
      everOpened = true;
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onclose = () => {
      socket = undefined;
      open = false;
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        call.settle(failure('unavailable', 'The connection to the monitor was lost before it answered.'));
      }
      scheduleReconnect();
    };
    ws.onerror = () => undefined; // a close event always follows; reconnecting is handled there
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer !== undefined || (pending.size === 0 && listeners.size === 0)) return;
    const backoffMs = Math.min(maxDelayMs, minDelayMs * 2 ** failedAttempts);
    failedAttempts += 1;
    // Jitter: many tabs of a restarted agent do not all knock at the same instant.
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect();
    }, backoffMs * (0.5 + Math.random() / 2));
  }

  function transmit(ws: WebSocket, call: PendingCall): void {
    call.sent = true;
    ws.send(call.text);
  }

  function call(method: AppApiMethod, req: unknown): Promise<Result<unknown>> {
    if (closed) return Promise.resolve(failure('unavailable', 'The connection to the monitor is closed.'));
    const id = nextId++;
    let text: string;
    try {
      text = JSON.stringify({ id, method, req });
    } catch {
      return Promise.resolve(failure('invalid_input', `The ${method} request cannot be sent as JSON.`));
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(failure('timeout', `${method} did not answer within ${Math.round(callTimeoutMs / 1000)} s.`));
      }, callTimeoutMs);
      const settle = (result: Result<unknown>): void => {
        clearTimeout(timer);
        resolve(result);
      };
      const entry: PendingCall = { text, sent: false, settle };
      pending.set(id, entry);
      if (open && socket !== undefined) transmit(socket, entry);
      else connect();
    });
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, result, event, payload } = message as Record<string, unknown>;
    if (typeof event === 'string' && EVENT_NAMES.has(event)) return deliver(event as AppEventName, payload);
    if (typeof id !== 'number') return;
    const entry = pending.get(id);
    if (entry === undefined) return; // answered after its timeout: already settled
    pending.delete(id);
    entry.settle(isResult(result) ? result : failure('internal', 'The monitor sent an answer this page cannot read.'));
  }

  function deliver(event: AppEventName, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`AppApi ${event} listener failed`, error);
      }
    }
  }

  function resync(): void {
    if (listeners.has('roomsChanged')) deliver('roomsChanged', { seq: ROOMS_RESYNC_SEQ, rooms: [] } satisfies RoomsChange);
    if (listeners.has('syncStatus')) void call('getSyncStatus', undefined).then((r) => r.ok && deliver('syncStatus', r.value));
    if (listeners.has('reportsChanged')) deliver('reportsChanged', { ids: [] });
  }

  const methods: Partial<Record<AppApiMethod, (req: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of APP_API_METHODS) methods[method] = (req) => call(method, req);

  return {
    // The loop above fills every method of the contract; the wire carries the types the contract declares.
    ...(methods as Omit<AppApiClient, 'on'>),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      // Payloads come from the authenticated core of the same origin, typed by the contract.
      const untyped = listener as Listener;
      set.add(untyped);
      connect();
      return () => {
        set.delete(untyped);
        if (set.size === 0 && listeners.get(event) === set) listeners.delete(event);
      };
    },
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      for (const entry of pending.values()) entry.settle(failure('unavailable', 'The connection to the monitor is closed.'));
      pending.clear();
      socket?.close(1000, 'client closed');
    },
  };
}

function defaultUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/ws`;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record || Object.keys(record).length === 1;
  if (record.ok !== false || typeof record.error !== 'object' || record.error === null) return false;
  const error = record.error as Record<string, unknown>;
  return typeof error.code === 'string' && typeof error.message === 'string';
}

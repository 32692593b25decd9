/**
 * The AppApi over the headless agent's WebSocket: the browser transport, the
 * counterpart of the Electron preload. The session cookie goes along with the upgrade automatically.
 * - Wire: `{ id, method, req }` → `{ id, result }`; pushed events arrive as `{ event, payload }`.
 * - Every call settles with the Result envelope, never throws: `timeout` after `callTimeoutMs`,
 *   `unavailable` when the connection drops before the answer (a call is never re-sent: it may not be
 *   idempotent).
 * - Calls made while (re)connecting wait in order and go out once the socket opens.
 * - Reconnects with the shared backoff (exponential, full jitter, cap) while anything listens or waits. Listeners survive a
 *   reconnect; since events may have been missed meanwhile, `syncStatus` is re-read and re-delivered,
 *   `roomsChanged` gets a push numbered ROOMS_RESYNC_SEQ (which never lines up, so the rooms store re-reads
 *   getRooms) and `reportsChanged` with no ids tells lists to re-query.
 * The methods come from the shared createAppApiClient, as in the preload; the server's dispatcher validates
 * every request anyway.
 */
import { createAppApiClient } from '../../../shared/api/client';
import {
  APP_EVENT_NAMES,
  type AppApiClient,
  type AppApiMethod,
  type AppCall,
  type AppEventMessage,
  type AppEventName,
  type AppEventSpec,
  type AppEventsClient,
  type AppResponse,
} from '../../../shared/api/contract';
import type { AppErrorCode, Result } from '../../../shared/api/result';
import { backoffDelayMs } from '../../../shared/backoff';
import { ROOMS_RESYNC_SEQ, type RoomsChange } from '../../../shared/domain/legs';
import { isObject } from '../../../shared/json';

export interface WebSocketClientOptions {
  /** Defaults to ws(s)://<this page's host>/api/ws. */
  url?: string;
  /** A bit longer than the core's own 30 s handler bound, so the core's timeout message wins. */
  callTimeoutMs?: number;
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** For tests outside a browser; defaults to the browser's WebSocket. */
  createSocket?: (url: string) => WebSocket;
  /**
   * The server closed the socket because the tab's session ended (close code 1008): reconnecting would only
   * be refused. Defaults to reloading the page, which then shows the server's "sign in again" page.
   */
  onSessionEnded?: () => void;
}

/** Close code the web server sends when a tab's session ended (electron/core/web/client-registry.ts). */
const SESSION_ENDED_CLOSE_CODE = 1008;

/** An AppApiClient that can also be shut down (tests, page teardown). */
export type WebSocketAppClient = AppApiClient & { close(): void };

interface PendingCall {
  text: string;
  sent: boolean;
  settle: (result: Result<unknown>) => void;
}

type Listeners = { [E in AppEventName]: Set<(payload: AppEventSpec[E]) => void> };
const EVENT_NAMES = new Set<unknown>(APP_EVENT_NAMES);

function isEventName(value: unknown): value is AppEventName {
  return EVENT_NAMES.has(value);
}

const failure = (code: AppErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

export function createWebSocketClient(options: WebSocketClientOptions = {}): WebSocketAppClient {
  const url = options.url ?? defaultUrl();
  const callTimeoutMs = options.callTimeoutMs ?? 35_000;
  const minDelayMs = options.minReconnectDelayMs ?? 250;
  const maxDelayMs = options.maxReconnectDelayMs ?? 10_000;
  const createSocket = options.createSocket ?? ((target: string) => new WebSocket(target));
  const onSessionEnded = options.onSessionEnded ?? (() => window.location.reload());
  const pending = new Map<number, PendingCall>();
  const listeners: Listeners = {
    roomsChanged: new Set(),
    syncStatus: new Set(),
    alert: new Set(),
    reportsChanged: new Set(),
    callRecordsChanged: new Set(),
    navigate: new Set(),
    settingsChanged: new Set(),
    diagnosticsExported: new Set(),
  };
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
    ws.onclose = (event) => {
      socket = undefined;
      open = false;
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        call.settle(failure('unavailable', 'The connection to the monitor was lost before it answered.'));
      }
      if (event.code === SESSION_ENDED_CLOSE_CODE) {
        closed = true;
        for (const call of pending.values()) call.settle(failure('forbidden', 'The session ended: sign in again.'));
        pending.clear();
        onSessionEnded();
        return;
      }
      scheduleReconnect();
    };
    ws.onerror = () => undefined; // a close event always follows; reconnecting is handled there
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer !== undefined || (pending.size === 0 && !hasListeners())) return;
    failedAttempts += 1;
    // Full jitter: many tabs of a restarted agent do not all knock at the same instant.
    const delayMs = backoffDelayMs(failedAttempts, Math.random, { startMs: minDelayMs, factor: 2, capMs: maxDelayMs });
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect();
    }, delayMs);
  }

  function transmit(ws: WebSocket, call: PendingCall): void {
    call.sent = true;
    ws.send(call.text);
  }

  function hasListeners(): boolean {
    return APP_EVENT_NAMES.some((event) => listeners[event].size > 0);
  }

  function send(method: AppApiMethod, req: unknown): Promise<Result<unknown>> {
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
    if (!isObject(message)) return;
    const { id, result, event, payload } = message;
    // Pushed by the authenticated core of this origin in the contract's shape; the page does not re-validate it.
    if (isEventName(event)) return deliver({ event, payload } as AppEventMessage);
    if (typeof id !== 'number') return;
    const entry = pending.get(id);
    if (entry === undefined) return; // answered after its timeout: already settled
    pending.delete(id);
    entry.settle(isResult(result) ? result : failure('internal', 'The monitor sent an answer this page cannot read.'));
  }

  function deliver(message: AppEventMessage): void {
    notify(message.event, message.payload);
  }

  function notify<E extends AppEventName>(event: E, payload: AppEventSpec[E]): void {
    for (const listener of listeners[event]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`AppApi ${event} listener failed`, error);
      }
    }
  }

  function resync(): void {
    if (listeners.roomsChanged.size > 0) notify('roomsChanged', { seq: ROOMS_RESYNC_SEQ, rooms: [] } satisfies RoomsChange);
    if (listeners.syncStatus.size > 0) void call('getSyncStatus', undefined).then((r) => r.ok && notify('syncStatus', r.value));
    if (listeners.reportsChanged.size > 0) notify('reportsChanged', { ids: [] });
  }

  // The core's dispatcher answers method M with a Result of AppResponse<M>; the page does not re-validate it.
  const call: AppCall = <M extends AppApiMethod>(method: M, req: unknown) => send(method, req) as Promise<Result<AppResponse<M>>>;

  const on: AppEventsClient['on'] = (event, listener) => {
    listeners[event].add(listener);
    connect();
    return () => {
      listeners[event].delete(listener);
    };
  };

  return {
    ...createAppApiClient(call, on),
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
  if (!isObject(value)) return false;
  if (value.ok === true) return 'value' in value || Object.keys(value).length === 1;
  if (value.ok !== false || !isObject(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

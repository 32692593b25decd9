/**
 * Reads a Cisco codec over its WebSocket xAPI instead of polling (../shared/reference/devices-and-thresholds.md §3.2): one
 * login per connection, feedback subscriptions on `Status/Call`, `Status/MediaChannels` and
 * `Event/CallDisconnect`, then a full read of both branches (so nothing that changed while subscribing is
 * missed). Samples are taken from the state the feedback builds, a short moment after the codec's last
 * push (it sends a Netstat interval as several events), through the HTTP collector's sample mapper: the
 * same channel numbering, the same per-interval loss, the same skip of an unchanged interval.
 *
 * A dropped socket makes the device `offline` and is reconnected at once, then with backoff (1, 2, 4, 8 s:
 * within 10 s), re-subscribing; calls are kept across the drop and are ended only when the codec, once back,
 * no longer lists them, or after `closeCallsAfterFailures` failed reconnections. A refused upgrade (404:
 * `NetworkServices Websocket` Off) is handed to `onRefused` (auto transport: fall back to HTTP).
 */
import type { DeviceState } from '../../../../shared/domain/legs';
import { nodeTimers } from '../../timers';
import { classifyRequestError, DeviceRequestError } from '../errors';
import type { CollectorContext, CollectorDeviceConfig, DeviceCollector, DeviceStatus } from '../types';
import { createFeedbackState, endsSomething } from './feedback-state';
import { child, systemUnitOf, type JsonNode } from './json';
import { createSampleMapper } from './mapping';
import { ciscoStatus, GENERIC_NAME } from './status';
import { openXapiSocket, WebSocketRefusedError, type XapiSocket } from './ws-client';

export interface CiscoWebSocketOptions {
  /** Called once when the codec refuses the WebSocket; without it the collector keeps retrying. */
  onRefused?: (error: WebSocketRefusedError) => void;
  /** Quiet time after a push before samples are taken (the codec pushes one interval as several events). */
  settleMs?: number;
  maxReconnectMs?: number;
  authBackoffMs?: number;
  closeCallsAfterFailures?: number;
  requestTimeoutMs?: number;
}

const ENDED_STATES = new Set(['Idle']);

export function createCiscoWebSocketCollector(device: CollectorDeviceConfig, context: CollectorContext, options: CiscoWebSocketOptions = {}): DeviceCollector {
  const timers = context.timers ?? nodeTimers;
  const random = context.random ?? Math.random;
  const settleMs = options.settleMs ?? 250;
  const maxReconnectMs = options.maxReconnectMs ?? 8_000;
  const authBackoffMs = options.authBackoffMs ?? 5 * 60_000;
  const closeAfter = options.closeCallsAfterFailures ?? 6;
  const log = context.log?.child({ deviceId: device.id, roomId: context.roomId });
  const feedback = createFeedbackState();
  const mapper = createSampleMapper();

  let state: DeviceState = 'unknown';
  let lastError: string | undefined;
  let productId: string | undefined;
  let softwareVersion: string | undefined;
  let socket: XapiSocket | undefined;
  let connecting: Promise<void> | undefined;
  let reconnectTimer: unknown;
  let settleTimer: unknown;
  let failures = 0;
  let running = false;
  let stopped = false;
  const openCalls = new Map<string, string>(); // callId → since (ISO)
  /** A native Microsoft Teams Rooms call (no Call, no MediaChannels): shown, never reported. */
  let teamsCallSince: string | undefined;

  const setTeamsInCall = (value: unknown): void => {
    const inCall = String(child(child(child(child(value, 'Status'), 'MicrosoftTeams'), 'Calling'), 'InCall') ?? child(child(value, 'Calling'), 'InCall') ?? value).toLowerCase() === 'true';
    teamsCallSince = inCall ? (teamsCallSince ?? new Date(context.now()).toISOString()) : undefined;
  };

  const setState = (next: DeviceState, error?: string): void => {
    if (next === state && error === lastError) return;
    if (next !== state) log?.info('device state', { state: next, error, transport: 'websocket' });
    state = next;
    lastError = error;
    context.onDeviceState({ deviceId: device.id, state: next, ...(error !== undefined && { error }) });
  };

  const endCall = (callId: string): void => {
    if (!openCalls.delete(callId)) return;
    mapper.forgetCall(callId);
    context.onCallEnded({ deviceId: device.id, callId, deviceName: productId ?? GENERIC_NAME });
  };

  /** Samples from the current state; ends the calls the codec no longer lists. */
  const takeSamples = (): void => {
    if (settleTimer !== undefined) timers.clearTimeout(settleTimer);
    settleTimer = undefined;
    const calls = feedback.calls();
    const live = new Set(calls.filter((call) => !ENDED_STATES.has(call.status ?? '')).map((call) => call.callId));
    const samples = mapper.map(
      feedback.media().filter((call) => live.has(call.callId)),
      { roomId: context.roomId, deviceId: device.id, at: new Date(context.now()).toISOString() },
    );
    for (const sample of samples) {
      if (openCalls.has(sample.callId)) continue;
      const duration = calls.find((call) => call.callId === sample.callId)?.durationSeconds ?? 0;
      openCalls.set(sample.callId, new Date(context.now() - duration * 1_000).toISOString());
    }
    if (samples.length > 0) context.onSamples(samples);
    for (const callId of [...openCalls.keys()]) if (!live.has(callId)) endCall(callId);
  };

  const onFeedback = (_id: number, payload: JsonNode): void => {
    // What a hang-up ends is sampled first, so the call is reported with its last interval.
    if (endsSomething(payload)) takeSamples();
    feedback.apply(payload);
    const teams = child(child(payload.Status, 'MicrosoftTeams'), 'Calling');
    if (teams !== undefined) setTeamsInCall(child(teams, 'InCall'));
    const disconnected = child(child(payload.Event, 'CallDisconnect'), 'CallId');
    if (disconnected !== undefined) endCall(String(disconnected));
    if (settleTimer === undefined) settleTimer = timers.setTimeout(takeSamples, settleMs);
  };

  const readBranch = async (connection: XapiSocket, path: string[]): Promise<unknown> => {
    try {
      return await connection.request('xGet', { Path: path });
    } catch (error) {
      // An idle codec has no Call node: "No match on Path" is an empty branch, not a failure.
      if (error instanceof DeviceRequestError && error.kind === 'error') return undefined;
      throw error;
    }
  };

  const scheduleReconnect = (delayMs: number): void => {
    if (!running || reconnectTimer !== undefined) return;
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, delayMs);
  };

  const fail = (error: unknown): void => {
    const failure = error instanceof WebSocketRefusedError ? new DeviceRequestError('error', error.message) : classifyRequestError(error);
    failures += 1;
    setState(failure.kind, failure.message);
    if (failures >= closeAfter) for (const callId of [...openCalls.keys()]) endCall(callId);
    if (failure.kind === 'auth_failed') scheduleReconnect(authBackoffMs);
    else {
      // The first retry is at once (a drop is usually brief); then 1, 2, 4, 8 s with ±10 % jitter.
      const base = failures <= 1 ? 0 : Math.min(maxReconnectMs, 1_000 * 2 ** (failures - 2));
      scheduleReconnect(Math.round(base * (0.9 + 0.2 * random())));
    }
  };

  const connectOnce = async (): Promise<void> => {
    let connection: XapiSocket | undefined;
    try {
      connection = await openXapiSocket({
        url: device.url,
        username: device.username,
        password: device.password,
        allowSelfSigned: device.allowSelfSigned,
        certificateSha256: device.certificateSha256,
        timeoutMs: options.requestTimeoutMs,
        onFeedback,
        onClosed: (reason) => {
          if (stopped) return;
          socket = undefined;
          fail(new DeviceRequestError('offline', reason));
        },
      });
      if (stopped) {
        connection.close();
        return;
      }
      socket = connection;
      for (const query of [['Status', 'Call'], ['Status', 'MediaChannels'], ['Event', 'CallDisconnect']]) {
        await connection.request('xFeedback/Subscribe', { Query: query, NotifyCurrentValue: false });
      }
      // Codecs not in Teams Rooms mode answer with an error: no Teams call, nothing else changes.
      await connection.request('xFeedback/Subscribe', { Query: ['Status', 'MicrosoftTeams', 'Calling', 'InCall'], NotifyCurrentValue: false }).catch(() => undefined);
      setTeamsInCall(await readBranch(connection, ['Status', 'MicrosoftTeams', 'Calling', 'InCall']));
      const unit = systemUnitOf(await readBranch(connection, ['Status', 'SystemUnit']));
      productId = unit.productId ?? GENERIC_NAME;
      softwareVersion = unit.softwareVersion;
      feedback.replaceCalls(await readBranch(connection, ['Status', 'Call']));
      feedback.replaceMedia(await readBranch(connection, ['Status', 'MediaChannels']));
      failures = 0;
      setState('online');
      takeSamples();
    } catch (error) {
      connection?.close();
      socket = undefined;
      if (stopped) return;
      if (error instanceof WebSocketRefusedError && options.onRefused !== undefined) {
        running = false;
        options.onRefused(error);
        return;
      }
      fail(error);
    }
  };

  function connect(): Promise<void> {
    connecting ??= connectOnce().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  return {
    start(): void {
      if (running || stopped) return;
      running = true;
      void connect();
    },
    async stop(): Promise<void> {
      if (stopped) return;
      running = false;
      stopped = true;
      if (reconnectTimer !== undefined) timers.clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      socket?.close();
      socket = undefined;
      await connecting?.catch(() => undefined);
      takeSamples();
      for (const callId of [...openCalls.keys()]) endCall(callId);
    },
    /**
     * Makes sure every push the codec sent so far is in the samples: one round trip on the socket (messages
     * arrive in order), then the samples are taken without waiting for the quiet time. Connects when down.
     */
    async pollOnce(): Promise<void> {
      if (stopped) return;
      if (socket === undefined) await connect();
      const connection = socket;
      if (connection === undefined) return;
      try {
        await connection.request('xGet', { Path: ['Status', 'SystemUnit', 'Uptime'] });
      } catch {
        // A failing socket reports itself through onClosed.
      }
      takeSamples();
    },
    status(): DeviceStatus {
      return ciscoStatus({ deviceId: device.id, state, lastError, productName: productId, softwareVersion, transport: 'websocket', openCalls, teamsCallSince });
    },
  };
}

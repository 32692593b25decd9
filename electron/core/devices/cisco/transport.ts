/**
 * Picks how a Cisco codec is read (config `transport`): `websocket` (push, ../shared/reference/devices-and-thresholds.md §3.2),
 * `http` (polling `getxml`), or `auto` (the default): WebSocket, and HTTP polling when the codec refuses
 * the WebSocket (CE 9 ships with `NetworkServices Websocket` Off). The fallback is said in the device's
 * status (`transport`), so an operator knows why the codec is polled. An administrator may switch the
 * WebSocket on later: while polling, the WebSocket is tried again about every 10 minutes (one handshake,
 * never during a call, so a call is never split between transports) and used as soon as it answers.
 */
import { backoffDelayMs } from '../../../../shared/backoff';
import { nodeTimers } from '../../timers';
import type { CollectorContext, CollectorDeviceConfig, DeviceCollector, DeviceStatus } from '../types';
import { createCiscoCollector } from './collector';
import { openXapiSocket } from './ws-client';
import { createCiscoWebSocketCollector, type CiscoWebSocketOptions } from './ws-collector';

const DEFAULT_WEBSOCKET_RETRY_MS = 10 * 60_000;

/** What `status` says while an `auto` device is polled, `retryMs` the mean time between WebSocket tries. */
export function httpFallbackNote(retryMs: number = DEFAULT_WEBSOCKET_RETRY_MS): string {
  const every = retryMs >= 60_000 ? `${Math.round(retryMs / 60_000)} min` : `${Math.round(retryMs / 1000)} s`;
  return `http (the codec refused the WebSocket: NetworkServices Websocket is Off; tried again about every ${every})`;
}

export const HTTP_FALLBACK_NOTE = httpFallbackNote();

export interface CiscoAutoOptions extends CiscoWebSocketOptions {
  /** Mean time between WebSocket tries while polling over HTTP (full jitter over twice it; default 10 min). */
  webSocketRetryMs?: number;
}

/**
 * A codec's Netstat counters cover an interval of about 5 s (../shared/reference/devices-and-thresholds.md §3.1):
 * polling faster reads the same interval twice and only loads the codec. Simulated codecs run faster than
 * life and lower the floor (context.minPollSeconds).
 */
export const CISCO_MIN_POLL_SECONDS = 5;

function httpCollector(device: CollectorDeviceConfig, context: CollectorContext): DeviceCollector {
  const pollSeconds = Math.max(context.minPollSeconds ?? CISCO_MIN_POLL_SECONDS, device.pollSeconds ?? CISCO_MIN_POLL_SECONDS);
  return createCiscoCollector({
    device: { id: device.id, url: device.url, username: device.username, password: device.password, allowSelfSigned: device.allowSelfSigned, certificateSha256: device.certificateSha256, pollSeconds },
    roomId: context.roomId,
    now: context.now,
    onSamples: context.onSamples,
    onCallEnded: context.onCallEnded,
    onDeviceState: context.onDeviceState,
    log: context.log,
    timers: context.timers,
    random: context.random,
  });
}

export function createCiscoDeviceCollector(device: CollectorDeviceConfig, context: CollectorContext, options: CiscoAutoOptions = {}): DeviceCollector {
  const transport = device.transport ?? 'auto';
  if (transport === 'http') return httpCollector(device, context);
  if (transport === 'websocket') return createCiscoWebSocketCollector(device, context, options);

  const timers = context.timers ?? nodeTimers;
  const random = context.random ?? Math.random;
  const retryMs = options.webSocketRetryMs ?? DEFAULT_WEBSOCKET_RETRY_MS;
  const note = httpFallbackNote(retryMs);
  let fallback: DeviceCollector | undefined;
  let stopped = false;
  let retryTimer: unknown;

  const scheduleRetry = (): void => {
    if (stopped) return;
    retryTimer = timers.setTimeout(() => void retryWebSocket(), backoffDelayMs(1, random, { startMs: 2 * retryMs, factor: 1, capMs: 2 * retryMs }));
  };

  /** One handshake; on success the polling stops (no call open, so nothing is ended) and the push starts. */
  const retryWebSocket = async (): Promise<void> => {
    retryTimer = undefined;
    const polling = fallback;
    if (stopped || polling === undefined) return;
    if (polling.status().call !== null) return scheduleRetry(); // never switch in the middle of a call
    try {
      const socket = await openXapiSocket({
        url: device.url,
        username: device.username,
        password: device.password,
        allowSelfSigned: device.allowSelfSigned,
        certificateSha256: device.certificateSha256,
        timeoutMs: options.requestTimeoutMs ?? 8_000,
        onFeedback: () => undefined,
        onClosed: () => undefined,
      });
      socket.close();
    } catch {
      return scheduleRetry(); // still refused (or the codec is away): keep polling
    }
    if (stopped || fallback !== polling || polling.status().call !== null) return scheduleRetry();
    context.log?.info('WebSocket accepted again: reading the codec over the WebSocket', { deviceId: device.id });
    fallback = undefined;
    const refused = primary;
    await Promise.all([polling.stop(), refused.stop()]);
    if (stopped) return;
    primary = webSocketCollector();
    primary.start();
  };

  const webSocketCollector = (): DeviceCollector =>
    createCiscoWebSocketCollector(device, context, {
      ...options,
      onRefused: (error) => {
        if (stopped) return;
        context.log?.warn('WebSocket refused: polling over HTTP', { deviceId: device.id, error: error.message });
        fallback = httpCollector(device, context);
        fallback.start();
        scheduleRetry();
      },
    });

  let primary = webSocketCollector();
  return {
    start: () => primary.start(),
    async stop() {
      stopped = true;
      if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
      await primary.stop();
      await fallback?.stop();
    },
    pollOnce: () => (fallback ?? primary).pollOnce(),
    status(): DeviceStatus {
      if (fallback === undefined) return primary.status();
      return { ...fallback.status(), transport: note };
    },
  };
}

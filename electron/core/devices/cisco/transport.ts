/**
 * Picks how a Cisco codec is read (config `transport`): `websocket` (push, ../shared/reference/devices-and-thresholds.md §3.2),
 * `http` (polling `getxml`), or `auto` (the default): WebSocket, and HTTP polling when the codec refuses
 * the WebSocket (CE 9 ships with `NetworkServices Websocket` Off). The fallback is said in the device's
 * status (`transport`), so an operator knows why the codec is polled.
 */
import type { CollectorContext, CollectorDeviceConfig, DeviceCollector, DeviceStatus } from '../types';
import { createCiscoCollector } from './collector';
import { createCiscoWebSocketCollector, type CiscoWebSocketOptions } from './ws-collector';

export const HTTP_FALLBACK_NOTE = 'http (the codec refused the WebSocket: NetworkServices Websocket is Off)';

function httpCollector(device: CollectorDeviceConfig, context: CollectorContext): DeviceCollector {
  return createCiscoCollector({
    device: { id: device.id, url: device.url, username: device.username, password: device.password, allowSelfSigned: device.allowSelfSigned, certificateSha256: device.certificateSha256, pollSeconds: device.pollSeconds },
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

export function createCiscoDeviceCollector(device: CollectorDeviceConfig, context: CollectorContext, options: CiscoWebSocketOptions = {}): DeviceCollector {
  const transport = device.transport ?? 'auto';
  if (transport === 'http') return httpCollector(device, context);
  if (transport === 'websocket') return createCiscoWebSocketCollector(device, context, options);

  let fallback: DeviceCollector | undefined;
  let stopped = false;
  const primary = createCiscoWebSocketCollector(device, context, {
    ...options,
    onRefused: (error) => {
      if (stopped) return;
      context.log?.warn('WebSocket refused: polling over HTTP', { deviceId: device.id, error: error.message });
      fallback = httpCollector(device, context);
      fallback.start();
    },
  });
  return {
    start: () => primary.start(),
    async stop() {
      stopped = true;
      await primary.stop();
      await fallback?.stop();
    },
    pollOnce: () => (fallback ?? primary).pollOnce(),
    status(): DeviceStatus {
      if (fallback === undefined) return primary.status();
      return { ...fallback.status(), transport: HTTP_FALLBACK_NOTE };
    },
  };
}

/**
 * One Cisco collector per configured device, feeding the leg tracker. `apply` replaces the set when the
 * settings change: stopping a collector ends its calls, so what it measured is reported, not lost.
 */
import { createCiscoCollector, type CiscoCollector } from '../devices/cisco';
import type { LegTracker } from '../legs';
import type { Logger } from '../log/logger';
import type { ResolvedDevice } from '../settings/service';

export interface DeviceCollectors {
  apply(devices: readonly ResolvedDevice[]): Promise<void>;
  /** Polls every device now (the settings' "Test device", and tests). */
  pollAll(): Promise<void>;
  stop(): Promise<void>;
  readonly count: number;
}

export function createDeviceCollectors(options: { tracker: LegTracker; log: Logger; now: () => number }): DeviceCollectors {
  const { tracker, log, now } = options;
  let collectors: CiscoCollector[] = [];

  const stopAll = async (): Promise<void> => {
    const stopping = collectors;
    collectors = [];
    await Promise.all(stopping.map((collector) => collector.stop()));
  };

  return {
    async apply(devices) {
      await stopAll();
      for (const device of devices) {
        if (device.password === undefined) {
          tracker.setDeviceState(device.id, 'auth_failed', 'no password stored for this device');
          continue;
        }
        const collector = createCiscoCollector({
          device: { id: device.id, url: device.url, username: device.username, password: device.password, allowSelfSigned: device.allowSelfSigned, pollSeconds: device.pollSeconds },
          roomId: device.roomId,
          now,
          log,
          onSamples: (samples) => tracker.ingestSamples(samples),
          onCallEnded: (event) => tracker.endCall(event.deviceId, event.callId, { deviceName: event.deviceName }),
          onDeviceState: (event) => tracker.setDeviceState(event.deviceId, event.state, event.error),
        });
        collectors.push(collector);
        collector.start();
      }
      log.info('device collectors started', { devices: collectors.length });
    },
    async pollAll() {
      await Promise.all(collectors.map((collector) => collector.pollOnce()));
    },
    stop: stopAll,
    get count() {
      return collectors.length;
    },
  };
}

/**
 * One collector per configured device, made by the registry from the device's `kind`, feeding the leg
 * tracker. `apply` replaces the set when the settings change: stopping a collector ends its calls, so what
 * it measured is reported, not lost. Statuses (state, product, version, call) are saved for `status --json`
 * whenever they change (checked on every device event and every few seconds).
 */
import { deviceKind } from '../devices/registry';
import { saveDeviceStatuses, type DeviceStatusEntry, type ReportedDeviceState } from '../devices/status-store';
import type { DeviceCollector, DeviceStatus } from '../devices/types';
import { createTeamsRoomsCallLog } from '../devices/teams-rooms-log';
import type { Db } from '../db/database';
import type { LegTracker } from '../legs';
import type { Logger } from '../log/logger';
import type { ResolvedDevice } from '../settings/service';
import type { DeviceState } from '../../../shared/domain/legs';
import { errorMessage } from '../../../shared/error-message';

export interface DeviceCollectors {
  apply(devices: readonly ResolvedDevice[]): Promise<void>;
  /** Polls every device now (the settings' "Test device", and tests). */
  pollAll(): Promise<void>;
  /** Every configured device with its room: what `status --json` lists. */
  statuses(): DeviceStatusEntry[];
  stop(): Promise<void>;
  readonly count: number;
}

interface Running {
  device: ResolvedDevice;
  collector?: DeviceCollector;
}

const reported = (state: DeviceState): ReportedDeviceState => (state === 'unknown' ? 'offline' : state);

export interface DeviceCollectorsOptions {
  tracker: LegTracker;
  log: Logger;
  now: () => number;
  /** Where statuses are saved for `status` in another process. */
  db?: Db;
  saveIntervalMs?: number;
  /** Overrides each kind's polling floor (simulated codecs whose statistics interval is shorter). */
  minPollSeconds?: number;
}

export function createDeviceCollectors(options: DeviceCollectorsOptions): DeviceCollectors {
  const { tracker, log, now } = options;
  let running: Running[] = [];
  let lastSaved = '';
  let saveTimer: ReturnType<typeof setInterval> | undefined;

  const entryOf = ({ device, collector }: Running): DeviceStatusEntry => {
    const status: DeviceStatus = collector?.status() ?? { deviceId: device.id, kind: device.kind, state: 'auth_failed', error: 'no password stored for this device', call: null };
    return {
      roomId: device.roomId,
      deviceId: device.id,
      kind: device.kind,
      product: status.product ?? null,
      softwareVersion: status.softwareVersion ?? null,
      state: reported(status.state),
      call: status.call,
      error: status.error ?? null,
      transport: status.transport ?? null,
    };
  };

  const statuses = (): DeviceStatusEntry[] => running.map(entryOf);

  /** The Rooms view shows a native Teams Rooms call beside its device (the tracker has no legs for it). */
  const teamsRoomsLog = options.db === undefined ? undefined : createTeamsRoomsCallLog(options.db, now);
  const showTeamsRoomsCalls = (list: readonly DeviceStatusEntry[]): void => {
    const calls = list.map((entry) => ({ roomId: entry.roomId, deviceId: entry.deviceId, since: entry.call?.kind === 'teams_rooms' ? entry.call.since : null }));
    for (const call of calls) tracker.setTeamsRoomsCall(call.deviceId, call.since);
    // Kept for the call records: a record of the room's account overlapping a span is the room's call.
    if (options.db?.open !== true) return;
    try {
      teamsRoomsLog?.update(calls);
    } catch (error) {
      log.warn('Teams Rooms calls not saved', { error: errorMessage(error) });
    }
  };

  const save = (list = statuses()): void => {
    showTeamsRoomsCalls(list);
    if (options.db === undefined || !options.db.open) return;
    const text = JSON.stringify(list);
    if (text === lastSaved) return;
    lastSaved = text;
    try {
      saveDeviceStatuses(options.db, list, now());
    } catch (error) {
      log.warn('device status not saved', { error: errorMessage(error) });
    }
  };

  const stopAll = async (): Promise<void> => {
    const stopping = running;
    running = [];
    await Promise.all(stopping.map((entry) => entry.collector?.stop()));
  };

  return {
    async apply(devices) {
      await stopAll();
      for (const device of devices) {
        if (device.password === undefined) {
          tracker.setDeviceState(device.id, 'auth_failed', 'no password stored for this device');
          running.push({ device });
          continue;
        }
        const collector = deviceKind(device.kind).createCollector(
          { ...device, password: device.password },
          {
            roomId: device.roomId,
            now,
            log,
            onSamples: (samples) => tracker.ingestSamples(samples),
            onCallEnded: (event) => {
              tracker.endCall(event.deviceId, event.callId, { deviceName: event.deviceName });
              queueMicrotask(() => save());
            },
            onDeviceState: (event) => {
              tracker.setDeviceState(event.deviceId, event.state, event.error);
              queueMicrotask(() => save());
            },
            ...(options.minPollSeconds !== undefined && { minPollSeconds: options.minPollSeconds }),
          },
        );
        running.push({ device, collector });
        collector.start();
      }
      save();
      saveTimer ??= setInterval(() => save(), options.saveIntervalMs ?? 5_000);
      saveTimer.unref();
      log.info('device collectors started', { devices: running.length });
    },
    async pollAll() {
      await Promise.all(running.map((entry) => entry.collector?.pollOnce()));
      save();
    },
    statuses,
    async stop() {
      if (saveTimer !== undefined) clearInterval(saveTimer);
      saveTimer = undefined;
      const last = running;
      await stopAll();
      // What a later `status` shows: the last states, with the calls ended (they were just reported).
      save(last.map(entryOf));
      if (options.db?.open === true) {
        try {
          teamsRoomsLog?.closeAll();
        } catch (error) {
          log.warn('Teams Rooms calls not saved', { error: errorMessage(error) });
        }
      }
    },
    get count() {
      return running.filter((entry) => entry.collector !== undefined).length;
    },
  };
}

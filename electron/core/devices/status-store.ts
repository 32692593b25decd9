/**
 * The devices' last known status, saved by the running agent so that `status --json` in another process
 * (an IT health check) lists every device with its room, kind, product, version, state and call
 * (../shared/design/contracts.md `status`). Kept as one JSON row of the key/value `settings` table: it is small (one entry
 * per device), rewritten only when something in it changes, and needs no migration of its own.
 */
import { z } from 'zod';
import { DEVICE_KINDS, type DeviceKind } from '../../../shared/config/schema';
import type { Db } from '../db/database';
import type { DeviceCallStatus } from './types';

/** ../shared/design/contracts.md: `state` is one of these (a device not contacted yet counts as offline). */
export type ReportedDeviceState = 'online' | 'offline' | 'auth_failed' | 'certificate_changed' | 'error';

export interface DeviceStatusEntry {
  roomId: string;
  deviceId: string;
  kind: DeviceKind;
  product: string | null;
  softwareVersion: string | null;
  state: ReportedDeviceState;
  call: DeviceCallStatus | null;
  /** Why the device is not online (no secrets), or null. */
  error: string | null;
  /** How the device is read now (Cisco: websocket or http), or null when the kind has no choice. */
  transport: string | null;
}

export interface SavedDeviceStatuses {
  savedAt: string;
  devices: DeviceStatusEntry[];
}

const KEY = 'runtime.deviceStatus';

export function saveDeviceStatuses(db: Db, devices: readonly DeviceStatusEntry[], now: number): void {
  const value = JSON.stringify({ savedAt: new Date(now).toISOString(), devices });
  db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at').run(KEY, value, new Date(now).toISOString());
}

const savedSchema = z.object({
  savedAt: z.string(),
  devices: z.array(
    z.object({
      roomId: z.string(),
      deviceId: z.string(),
      kind: z.enum(DEVICE_KINDS),
      product: z.string().nullable(),
      softwareVersion: z.string().nullable(),
      state: z.enum(['online', 'offline', 'auth_failed', 'certificate_changed', 'error']),
      call: z.union([
        z.object({ kind: z.literal('interop'), id: z.string(), since: z.string() }),
        z.object({ kind: z.literal('teams_rooms'), since: z.string() }),
      ]).nullable(),
      error: z.string().nullable(),
      transport: z.string().nullable(),
    }),
  ),
});

/** The saved statuses; undefined when the agent never saved any (or wrote a shape this code does not know). */
export function readDeviceStatuses(db: Db): SavedDeviceStatuses | undefined {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(KEY);
  if (row === undefined) return undefined;
  const parsed = savedSchema.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : undefined;
}

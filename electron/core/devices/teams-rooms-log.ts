/**
 * When each room's codec was in a native Microsoft Teams Rooms call: the spans the call-records service
 * matches Teams' callRecords against (a record of the room's account overlapping a span is the room's Teams
 * Rooms call). Saved by the running agent so that `call-records list` in another process sees them too; one
 * JSON row of the key/value `settings` table like the device statuses (small: a few spans per room per day,
 * kept as long as Graph keeps callRecords).
 */
import { z } from 'zod';
import type { Db } from '../db/database';

export interface TeamsRoomsCallSpan {
  roomId: string;
  deviceId: string;
  startMs: number;
  /** null while the call goes on (or the agent stopped before seeing it end). */
  endMs: number | null;
}

const KEY = 'runtime.teamsRoomsCalls';
/** Graph keeps callRecords 30 days; a span older than that can match nothing. */
const KEEP_MS = 31 * 24 * 3_600_000;
const MAX_SPANS = 5_000;

const spansSchema = z.array(z.object({ roomId: z.string(), deviceId: z.string(), startMs: z.number(), endMs: z.number().nullable() }));

export function loadTeamsRoomsCalls(db: Db): TeamsRoomsCallSpan[] {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(KEY);
  if (row === undefined) return [];
  try {
    const parsed = spansSchema.safeParse(JSON.parse(row.value_json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** A device's Teams Rooms call now: its start (ISO) or null. */
export interface TeamsRoomsCallNow {
  roomId: string;
  deviceId: string;
  since: string | null;
}

export function createTeamsRoomsCallLog(db: Db, now: () => number) {
  let spans = loadTeamsRoomsCalls(db);

  const save = (): void => {
    const oldest = now() - KEEP_MS;
    spans = spans.filter((span) => (span.endMs ?? Infinity) >= oldest).slice(-MAX_SPANS);
    const at = new Date(now()).toISOString();
    db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at').run(KEY, JSON.stringify(spans), at);
  };

  return {
    /** Opens a span for a call that started, closes the span of one that ended; saves only on a change. */
    update(devices: readonly TeamsRoomsCallNow[]): void {
      let changed = false;
      for (const device of devices) {
        const startMs = device.since === null ? undefined : Date.parse(device.since);
        const open = spans.find((span) => span.deviceId === device.deviceId && span.endMs === null);
        if (open !== undefined && open.startMs !== startMs) {
          open.endMs = now();
          changed = true;
        }
        if (startMs !== undefined && !Number.isNaN(startMs) && open?.startMs !== startMs) {
          spans.push({ roomId: device.roomId, deviceId: device.deviceId, startMs, endMs: null });
          changed = true;
        }
      }
      if (changed) save();
    },
    /** The agent stops: what it saw ends now (a call still going on is seen again at the next start). */
    closeAll(): void {
      let changed = false;
      for (const span of spans) {
        if (span.endMs !== null) continue;
        span.endMs = now();
        changed = true;
      }
      if (changed) save();
    },
  };
}

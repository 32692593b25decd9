/**
 * The alert log (table alert_log, migration 006): one row per episode of a room being poor, opened when
 * its first leg is confirmed poor and closed when it has none left. Kept 30 days: older rows are deleted
 * whenever a new one is written (one indexed DELETE), so the table stays bounded without a timer.
 */
import type { AlertLogEntryView } from '../../../shared/api/views';
import type { ClassificationReason, LegKey, Modality, Direction, QualityMetric } from '../../../shared/domain/legs';
import type { Db } from '../db/database';

export const ALERT_LOG_RETENTION_MS = 30 * 86_400_000;
const DEFAULT_LIMIT = 500;

export interface RoomEpisodeStart {
  roomId: string;
  roomName: string;
  legKey: LegKey;
  reason: ClassificationReason | null;
  atMs: number;
}

export interface AlertLog {
  opened(episode: RoomEpisodeStart): void;
  closed(roomId: string, atMs: number, how: 'recovered' | 'call_ended'): void;
  /** Newest first. */
  list(limit?: number): AlertLogEntryView[];
}

interface Row {
  id: number;
  room_id: string;
  room_name: string;
  device_id: string;
  modality: Modality;
  direction: Direction;
  channel_index: number;
  metric: QualityMetric | null;
  value: number | null;
  threshold: number | null;
  started_at: number;
  ended_at: number | null;
  ended_how: 'recovered' | 'call_ended' | null;
}

export function createAlertLog(db: Db, now: () => number): AlertLog {
  const insert = db.prepare(`INSERT INTO alert_log (room_id, room_name, device_id, modality, direction, channel_index, metric, value, threshold, started_at)
    VALUES (@roomId, @roomName, @deviceId, @modality, @direction, @channelIndex, @metric, @value, @threshold, @startedAt)`);
  // A room has at most one open episode; one left open by a crash is closed by the next one.
  const closeOpen = db.prepare('UPDATE alert_log SET ended_at = @endedAt, ended_how = @how WHERE room_id = @roomId AND ended_at IS NULL');
  const prune = db.prepare('DELETE FROM alert_log WHERE started_at < ?');
  const select = db.prepare<[number], Row>('SELECT * FROM alert_log ORDER BY started_at DESC, id DESC LIMIT ?');

  const open = db.transaction((episode: RoomEpisodeStart) => {
    closeOpen.run({ roomId: episode.roomId, endedAt: episode.atMs, how: 'recovered' });
    insert.run({
      roomId: episode.roomId,
      roomName: episode.roomName,
      deviceId: episode.legKey.deviceId,
      modality: episode.legKey.modality,
      direction: episode.legKey.direction,
      channelIndex: episode.legKey.channelIndex,
      metric: episode.reason?.metric ?? null,
      value: episode.reason?.value ?? null,
      threshold: episode.reason?.threshold ?? null,
      startedAt: episode.atMs,
    });
    prune.run(now() - ALERT_LOG_RETENTION_MS);
  });

  return {
    opened: (episode) => open(episode),
    closed: (roomId, atMs, how) => void closeOpen.run({ roomId, endedAt: atMs, how }),
    list: (limit = DEFAULT_LIMIT) => select.all(limit).map(toView),
  };
}

function toView(row: Row): AlertLogEntryView {
  const view: AlertLogEntryView = {
    id: row.id,
    at: new Date(row.started_at).toISOString(),
    roomId: row.room_id,
    roomName: row.room_name,
    deviceId: row.device_id,
    modality: row.modality,
    direction: row.direction,
    channelIndex: row.channel_index,
  };
  if (row.metric !== null) view.metric = row.metric;
  if (row.value !== null) view.value = row.value;
  if (row.threshold !== null) view.threshold = row.threshold;
  if (row.ended_at !== null) view.endedAt = new Date(row.ended_at).toISOString();
  if (row.ended_how !== null) view.endedHow = row.ended_how;
  return view;
}

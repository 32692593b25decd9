/**
 * The alert overlay's rules, pure: one alert per poor room (its worst leg now, updated in place as samples
 * arrive), and what a room that stopped being poor says ("was 25.1 %, now 0.2 %": the last poor value and
 * the same leg's value now). Derived from the room snapshots, so an alert can never outlive the state it
 * describes and a room still poor never loses its alert when another recovers. Which room has an alert and
 * what it says is shared/domain/room-alert.ts, the rule the tray follows too.
 */
import type { LegKey, QualityMetric } from '../../../shared/domain/legs';
import { roomAlertOf, type RoomAlert } from '../../../shared/domain/room-alert';
import type { RoomsState } from '../stores/rooms';

export type { RoomAlert } from '../../../shared/domain/room-alert';

export interface Recovery {
  roomId: string;
  roomName: string;
  legKey: LegKey;
  metric: QualityMetric;
  was: number;
  now: number;
  threshold: number | null;
  /** Epoch ms when it was seen: the banner fades after RECOVERY_SHOWN_MS. */
  seenAtMs: number;
}

export const RECOVERY_SHOWN_MS = 8_000;

/** The poor rooms in the configured order, each with its worst leg and the reason it is poor (the tray's rule too). */
export function poorRoomAlerts(state: Pick<RoomsState, 'order' | 'byId'>): RoomAlert[] {
  const alerts: RoomAlert[] = [];
  for (const roomId of state.order) {
    const room = state.byId[roomId]?.snapshot;
    const alert = room === undefined ? null : roomAlertOf(room);
    if (alert !== null) alerts.push(alert);
  }
  return alerts;
}

/** Equal while no alert's room, leg or numbers changed: the overlay renders only then. */
export function alertsKey(alerts: readonly RoomAlert[]): string {
  return alerts.map((alert) => `${alert.roomId}|${alert.legId}|${alert.metric}|${alert.value}|${alert.threshold}`).join('\n');
}

/**
 * The rooms of `previous` no longer poor in `state` whose leg still runs: they recovered (a room whose call
 * ended while poor did not, and says nothing).
 */
export function recoveriesSince(previous: readonly RoomAlert[], current: readonly RoomAlert[], state: Pick<RoomsState, 'byId'>, nowMs: number): Recovery[] {
  const stillPoor = new Set(current.map((alert) => alert.roomId));
  const recovered: Recovery[] = [];
  for (const alert of previous) {
    if (stillPoor.has(alert.roomId) || alert.metric === null || alert.value === null) continue;
    const room = state.byId[alert.roomId]?.snapshot;
    const leg = room?.activeCalls.flatMap((call) => call.legs).find((candidate) => candidate.id === alert.legId);
    const now = leg?.[alert.metric].current;
    if (room === undefined || now === undefined || now === null) continue;
    recovered.push({ roomId: alert.roomId, roomName: room.roomName, legKey: alert.legKey, metric: alert.metric, was: alert.value, now, threshold: alert.threshold, seenAtMs: nowMs });
  }
  return recovered;
}

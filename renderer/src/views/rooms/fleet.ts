/**
 * The fleet overview's rules, pure: which group a room is in (poor, a device in trouble, fair, good, idle),
 * the order of the rooms (group first, then the configured order, so a room moves only when its group
 * changes and rows do not jump on every sample), and a room's worst leg right now (the alert rule's, so a tile
 * and its alert name the same leg).
 */
import type { DeviceSnapshot, LegStatsSnapshot, RoomSnapshot } from '../../../../shared/domain/legs';
import { worstAlertLeg } from '../../../../shared/domain/room-alert';

export const TROUBLE_GROUPS = ['poor', 'device', 'warning', 'good', 'idle'] as const;
export type TroubleGroup = (typeof TROUBLE_GROUPS)[number];

/** A device the room cannot be watched through: offline, sign-in refused, certificate changed, error. */
export function deviceInTrouble(device: DeviceSnapshot): boolean {
  return device.state !== 'online' && device.state !== 'unknown';
}

export function troubleGroup(room: RoomSnapshot): TroubleGroup {
  if (room.classification === 'poor') return 'poor';
  if (room.devices.some(deviceInTrouble)) return 'device';
  if (room.classification === 'warning') return 'warning';
  if (room.classification === 'good') return 'good';
  return 'idle';
}

/** The leg of the room's current call that is worst now: the alert rule's (shared/domain/room-alert.ts). */
export function worstLeg(room: RoomSnapshot): LegStatsSnapshot | null {
  return worstAlertLeg(room);
}

/** The room ids by group, each group in the configured order (`order`). */
export function fleetOrder(order: readonly string[], groupOf: (roomId: string) => TroubleGroup | undefined): string[] {
  const buckets = new Map<TroubleGroup, string[]>(TROUBLE_GROUPS.map((group) => [group, []]));
  for (const roomId of order) {
    const group = groupOf(roomId);
    if (group !== undefined) buckets.get(group)!.push(roomId);
  }
  return TROUBLE_GROUPS.flatMap((group) => buckets.get(group)!);
}

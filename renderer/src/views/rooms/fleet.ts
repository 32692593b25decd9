/**
 * The fleet overview's rules, pure: which group a room is in (poor, a device in trouble, fair, good, idle),
 * the order of the rooms (group first, then the configured order, so a room moves only when its group
 * changes and rows do not jump on every sample), and a room's worst leg right now.
 */
import type { DeviceSnapshot, LegClassification, LegStatsSnapshot, RoomSnapshot } from '../../../../shared/domain/legs';

export const TROUBLE_GROUPS = ['poor', 'device', 'warning', 'good', 'idle'] as const;
export type TroubleGroup = (typeof TROUBLE_GROUPS)[number];

const SEVERITY: Record<LegClassification, number> = { unknown: 0, good: 1, warning: 2, poor: 3 };

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

/** How far a leg is past its limit: the confirmed reason, else the latest sample's crossing. */
function excess(leg: LegStatsSnapshot): number {
  const reason = leg.classificationReason ?? leg.sampleReason;
  if (reason === null || reason.threshold === 0) return 0;
  // Frame rate is worse below its limit; the others above.
  return reason.metric === 'frameRate' ? reason.threshold / Math.max(reason.value, 0.001) : reason.value / reason.threshold;
}

/** A trend toward a worse state ranks a leg above its peers of the same state. */
function heading(leg: LegStatsSnapshot): number {
  return leg.trend !== null && SEVERITY[leg.trend.toward] > SEVERITY[leg.classification] ? 1 : 0;
}

/** The leg of the room's current call that is worst now: state, then a worsening trend, then excess. */
export function worstLeg(room: RoomSnapshot): LegStatsSnapshot | null {
  let worst: LegStatsSnapshot | null = null;
  for (const call of room.activeCalls) {
    for (const leg of call.legs) {
      if (worst === null) {
        worst = leg;
        continue;
      }
      const bySeverity = SEVERITY[leg.classification] - SEVERITY[worst.classification];
      const byTrend = heading(leg) - heading(worst);
      if (bySeverity > 0 || (bySeverity === 0 && (byTrend > 0 || (byTrend === 0 && excess(leg) > excess(worst))))) worst = leg;
    }
  }
  return worst;
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

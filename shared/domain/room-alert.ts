/**
 * The one rule of a room's alert, shared by the window's alert overlay (renderer/src/shell/room-alerts.ts)
 * and the tray (electron/main/tray-state.ts), so they never disagree: a room has one alert while it is poor
 * and has a leg in a call (an alert is never kept past the state it describes), naming the room's worst leg
 * now with the metric, value and threshold that made it poor. Pure, and it reads only what a RoomSnapshot and
 * a pushed RoomDelta share, so the shell (which keeps no history) applies it to every push.
 */
import type { LegClassification, LegKey, LegStatsSnapshot, QualityMetric, RoomSummary } from './legs';

/** What the rule reads of a leg: present in a LegStatsSnapshot and a LegDelta alike. */
export type AlertRuleLeg = Pick<LegStatsSnapshot, 'id' | 'key' | 'classification' | 'classificationReason' | 'sampleReason' | 'trend'>;

/** A room with its calls' legs, as a snapshot or a push carries it. */
export interface AlertRuleRoom<L extends AlertRuleLeg = AlertRuleLeg> extends RoomSummary {
  activeCalls: readonly { legs: readonly L[] }[];
}

export interface RoomAlert {
  roomId: string;
  roomName: string;
  legId: string;
  legKey: LegKey;
  metric: QualityMetric | null;
  value: number | null;
  threshold: number | null;
}

const SEVERITY: Record<LegClassification, number> = { unknown: 0, good: 1, warning: 2, poor: 3 };

/** How far a leg is past its limit: the confirmed reason, else the latest sample's crossing. */
function excess(leg: AlertRuleLeg): number {
  const reason = leg.classificationReason ?? leg.sampleReason;
  if (reason === null || reason.threshold === 0) return 0;
  // Frame rate is worse below its limit; the others above.
  return reason.metric === 'frameRate' ? reason.threshold / Math.max(reason.value, 0.001) : reason.value / reason.threshold;
}

/** A trend toward a worse state ranks a leg above its peers of the same state. */
function heading(leg: AlertRuleLeg): number {
  return leg.trend !== null && SEVERITY[leg.trend.toward] > SEVERITY[leg.classification] ? 1 : 0;
}

/** The leg of the room's calls that is worst now: state, then a worsening trend, then excess. */
export function worstAlertLeg<L extends AlertRuleLeg>(room: { activeCalls: readonly { legs: readonly L[] }[] }): L | null {
  let worst: L | null = null;
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

/** The room's alert, or null when it has none (not poor, or no leg in a call). */
export function roomAlertOf(room: AlertRuleRoom): RoomAlert | null {
  if (room.classification !== 'poor') return null;
  const leg = worstAlertLeg(room);
  if (leg === null) return null;
  const reason = leg.classificationReason;
  return {
    roomId: room.roomId,
    roomName: room.roomName,
    legId: leg.id,
    legKey: leg.key,
    metric: reason?.metric ?? null,
    value: reason?.value ?? null,
    threshold: reason?.threshold ?? null,
  };
}

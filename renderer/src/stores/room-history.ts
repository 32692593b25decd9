/**
 * What the room store keeps beyond the latest snapshot, and how it decides a room did not change.
 *
 * - A snapshot's leg history covers only the last minutes (shared/domain/legs.ts); the room detail charts the
 *   whole call, so each leg's points are merged here. Memory stays bounded by decimation: past
 *   MAX_CALL_POINTS, every other point of the older half is dropped, so a long call keeps its whole span at a
 *   coarser step instead of losing its beginning.
 * - `roomFingerprint` is cheap (no JSON of the histories): every leg value derives from its samples, so
 *   lastSampleAt + sampleCount + classification per leg, with the device states, identify a snapshot. It
 *   reads the fields a snapshot and a pushed delta share, so a push of an unchanged room is recognised
 *   before anything is built from it.
 */
import type { CallSnapshot, LegHistoryPoint, LegStatsSnapshot, RoomSummary } from '../../../shared/domain/legs';

export const MAX_CALL_POINTS = 600;

export function mergeHistory(
  previous: readonly LegHistoryPoint[] | undefined,
  incoming: readonly LegHistoryPoint[],
  maxPoints = MAX_CALL_POINTS,
): LegHistoryPoint[] {
  if (previous === undefined || previous.length === 0) return incoming.slice(-maxPoints);
  const lastAt = previous[previous.length - 1]?.at ?? '';
  // ISO 8601 UTC strings of one producer compare in time order.
  const fresh = incoming.filter((point) => point.at > lastAt);
  if (fresh.length === 0) return previous.slice();
  return decimated(previous.concat(fresh), maxPoints);
}

/**
 * The held points with a leg's window read whole (one room's getRoomHistory) put in place: over the window's
 * span its points replace what is held (the core's ring is what getRooms answers; a push lost in a gap leaves
 * a hole in what is held), the held points before it (a long call's older part) and after it (pushes newer
 * than the read) stay.
 */
export function spliceHistory(held: readonly LegHistoryPoint[], window: readonly LegHistoryPoint[], maxPoints = MAX_CALL_POINTS): LegHistoryPoint[] {
  const firstAt = window[0]?.at;
  const lastAt = window[window.length - 1]?.at;
  if (firstAt === undefined || lastAt === undefined) return held.slice();
  // ISO 8601 UTC strings of one producer compare in time order.
  const before = held.filter((point) => point.at < firstAt);
  const after = held.filter((point) => point.at > lastAt);
  return decimated(before.concat(window, after), maxPoints);
}

/** Past `maxPoints`, every other point of the older half is dropped (again, until it fits). */
function decimated(points: LegHistoryPoint[], maxPoints: number): LegHistoryPoint[] {
  let merged = points;
  while (merged.length > maxPoints) {
    const half = Math.floor(merged.length / 2);
    merged = merged
      .slice(0, half)
      .filter((_, index) => index % 2 === 0)
      .concat(merged.slice(half));
  }
  return merged;
}

/** What roomFingerprint reads: the fields a RoomSnapshot and a RoomDelta have in common. */
export interface FingerprintedRoom extends RoomSummary {
  activeCalls: readonly (Omit<CallSnapshot, 'legs'> & { legs: readonly Pick<LegStatsSnapshot, 'id' | 'lastSampleAt' | 'sampleCount' | 'classification'>[] })[];
}

export function roomFingerprint(room: FingerprintedRoom): string {
  const parts: string[] = [room.roomId, room.roomName, room.classification];
  for (const device of room.devices) {
    parts.push(`d:${device.deviceId}:${device.state}:${device.since ?? ''}:${device.lastError ?? ''}:${device.teamsRoomsCallSince ?? ''}`);
  }
  for (const call of room.activeCalls) {
    parts.push(`c:${call.deviceId}:${call.callId}:${call.lastSampleAt}:${call.classification}:${call.callChainId ?? ''}:${call.participantId ?? ''}`);
    for (const leg of call.legs) parts.push(`l:${leg.id}:${leg.lastSampleAt}:${leg.sampleCount}:${leg.classification}`);
  }
  return parts.join('|');
}

/**
 * How a receiver turns a pushed RoomDelta into the RoomSnapshot it would have read from getRooms: the
 * counterpart of the core's delta builder (electron/core/legs/rooms.ts). Pure, so the renderer store applies
 * it and the tracker's tests check that applying every push reproduces the full snapshot.
 */
import type { CallSnapshot, LegDelta, LegStatsSnapshot, RoomDelta, RoomSnapshot } from './legs';

/**
 * The leg after `delta`, or null when the receiver lacks history points the delta builds on (it missed a
 * push): then only a full snapshot can repair it. `previous` is the leg as held, undefined for a new leg.
 */
export function applyLegDelta(previous: LegStatsSnapshot | undefined, delta: LegDelta): LegStatsSnapshot | null {
  const { historyFrom, historyTail, ...stats } = delta;
  const keptCount = historyFrom - delta.historyStart;
  if (keptCount < 0) return null;
  // Nothing new (another leg of the room changed): keep the very object, so a memoized row skips it.
  if (
    previous !== undefined &&
    historyTail.length === 0 &&
    previous.sampleCount === delta.sampleCount &&
    previous.lastSampleAt === delta.lastSampleAt &&
    previous.classification === delta.classification &&
    previous.historyStart === delta.historyStart &&
    previous.history.length === keptCount
  ) {
    return previous;
  }
  if (keptCount === 0) return { ...stats, history: historyTail };
  if (previous === undefined) return null;
  const offset = delta.historyStart - previous.historyStart;
  if (offset < 0 || offset + keptCount > previous.history.length) return null;
  // Points older than historyStart fell out of the core's window: dropping them keeps the length bounded.
  return { ...stats, history: previous.history.slice(offset, offset + keptCount).concat(historyTail) };
}

/**
 * The room after the push numbered `seq`, or null when one of its legs does not line up with what is held.
 * Calls and legs absent from the delta are gone (the delta lists every active call and leg).
 */
export function applyRoomDelta(previous: RoomSnapshot | undefined, delta: RoomDelta, seq: number): RoomSnapshot | null {
  const heldLegs = new Map<string, LegStatsSnapshot>();
  for (const call of previous?.activeCalls ?? []) for (const leg of call.legs) heldLegs.set(leg.id, leg);
  const activeCalls: CallSnapshot[] = [];
  for (const { legs: legDeltas, ...call } of delta.activeCalls) {
    const legs: LegStatsSnapshot[] = [];
    for (const legDelta of legDeltas) {
      const leg = applyLegDelta(heldLegs.get(legDelta.id), legDelta);
      if (leg === null) return null;
      legs.push(leg);
    }
    activeCalls.push({ ...call, legs });
  }
  return {
    roomId: delta.roomId,
    roomName: delta.roomName,
    devices: delta.devices,
    classification: delta.classification,
    activeCalls,
    asOfSeq: seq,
  };
}

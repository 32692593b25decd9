/**
 * How a receiver turns a pushed RoomDelta into the RoomSnapshot it would have read from getRooms: the
 * counterpart of the core's delta builder (electron/core/legs/rooms.ts). Pure, so the renderer store applies
 * it and the tracker's tests check that applying every push reproduces the full snapshot.
 */
import type { CallDelta, CallSnapshot, LegDelta, LegStatsSnapshot, RoomDelta, RoomSnapshot, RoomsChange } from './legs';

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
    previous.historyStart >= delta.historyStart &&
    previous.historyStart + previous.history.length === historyFrom
  ) {
    return previous;
  }
  if (keptCount === 0) return { ...stats, history: historyTail };
  if (previous === undefined) return null;
  // A held window may start later than the core's (getRooms answers only the latest points, see
  // latestHistoryOnly): what it holds from there on still lines up, it just reaches less far back.
  const keptFrom = Math.max(delta.historyStart, previous.historyStart);
  const heldEnd = previous.historyStart + previous.history.length;
  if (keptFrom > historyFrom || heldEnd < historyFrom) return null;
  // Points older than historyStart fell out of the core's window: dropping them keeps the length bounded.
  const kept = previous.history.slice(keptFrom - previous.historyStart, historyFrom - previous.historyStart);
  return { ...stats, historyStart: keptFrom, history: kept.concat(historyTail) };
}

/**
 * The room with each leg's history cut to its latest `keepPoints` points (historyStart moved to match), as
 * getRooms answers: the fleet overview shows no history, and full histories made the first answer several
 * megabytes. The room detail reads one room in full (getRoomHistory) and merges it with mergeRoomHistory.
 */
export function latestHistoryOnly(room: RoomSnapshot, keepPoints = 1): RoomSnapshot {
  return {
    ...room,
    activeCalls: room.activeCalls.map((call) => ({
      ...call,
      legs: call.legs.map((leg) => {
        const dropped = Math.max(0, leg.history.length - keepPoints);
        return { ...leg, history: leg.history.slice(dropped), historyStart: leg.historyStart + dropped };
      }),
    })),
  };
}

/**
 * The held room with each leg's window extended back by the older points of `full` (one room read in full,
 * or what a receiver held before it read a list with only the latest points): what is held stays as it is
 * (it may be newer than `full`); only steps before its window are added, and only when `full` reaches the
 * held window without a gap. The same object when nothing was added.
 */
export function mergeRoomHistory(held: RoomSnapshot, full: RoomSnapshot): RoomSnapshot {
  const fullLegs = new Map<string, LegStatsSnapshot>();
  for (const call of full.activeCalls) for (const leg of call.legs) fullLegs.set(leg.id, leg);
  let changed = false;
  const activeCalls = held.activeCalls.map((call) => {
    let callChanged = false;
    const legs = call.legs.map((leg) => {
      const older = fullLegs.get(leg.id);
      // Another start of the leg (a restarted core numbers its steps from 0 again): its steps are others.
      if (older === undefined || older.startedAt !== leg.startedAt || older.historyStart >= leg.historyStart) return leg;
      const olderEnd = older.historyStart + older.history.length;
      if (olderEnd < leg.historyStart) return leg;
      callChanged = true;
      const prefix = older.history.slice(0, leg.historyStart - older.historyStart);
      return { ...leg, historyStart: older.historyStart, history: prefix.concat(leg.history) };
    });
    if (!callChanged) return call;
    changed = true;
    return { ...call, legs };
  });
  return changed ? { ...held, activeCalls } : held;
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

/**
 * One leg delta equal to applying `earlier` then `later` (both of the same leg id), or null when `later` does
 * not build on what `earlier` leaves (it keeps steps `earlier` did not reach): no real tracker sends that.
 * The merge keeps `later`'s statistics and window start and, from `earlier`, only the tail points `later`
 * keeps; it can line up where `earlier` would not (when `later` no longer keeps any point older than it).
 */
export function mergeLegDeltas(earlier: LegDelta, later: LegDelta): LegDelta | null {
  // `later` replaces the whole window: what came before does not matter.
  if (later.historyFrom === later.historyStart) return later;
  const earlierEnd = earlier.historyFrom + earlier.historyTail.length;
  if (later.historyStart < earlier.historyStart || later.historyFrom > earlierEnd) return null;
  if (later.historyFrom <= earlier.historyFrom) return later;
  const historyFrom = Math.max(earlier.historyFrom, later.historyStart);
  const kept = earlier.historyTail.slice(historyFrom - earlier.historyFrom, later.historyFrom - earlier.historyFrom);
  return { ...later, historyFrom, historyTail: kept.concat(later.historyTail) };
}

/** The room after `earlier` then `later`; null when a leg does not line up (see mergeLegDeltas). */
function mergeRoomDeltas(earlier: RoomDelta, later: RoomDelta): RoomDelta | null {
  const earlierLegs = new Map<string, LegDelta>();
  for (const call of earlier.activeCalls) for (const leg of call.legs) earlierLegs.set(leg.id, leg);
  const activeCalls: CallDelta[] = [];
  // `later` lists every call and leg still active: those only in `earlier` ended, as applying `later` drops them.
  for (const call of later.activeCalls) {
    const legs: LegDelta[] = [];
    for (const leg of call.legs) {
      const held = earlierLegs.get(leg.id);
      const merged = held === undefined ? leg : mergeLegDeltas(held, leg);
      if (merged === null) return null;
      legs.push(merged);
    }
    activeCalls.push({ ...call, legs });
  }
  return { ...later, activeCalls };
}

/**
 * One push equal to applying `earlier` then `later` in order (for a receiver of either kind: one that holds
 * push `earlier.seq - 1`, or a full list read at any point up to `later`): numbered `later.seq`, with
 * `firstSeq` the first push it stands for, so the receiver sees no gap. Rooms keep the order in which the
 * pushes first named them. Pure (inputs are shared with other subscribers and never changed).
 *
 * When `later` does not follow `earlier` (seqs not consecutive) or a leg does not line up, no exact merge
 * exists: the answer is `later` alone, whose numbering shows the receiver the gap, so it re-reads getRooms.
 */
export function mergeRoomsChanges(earlier: RoomsChange, later: RoomsChange): RoomsChange {
  const laterFirstSeq = later.firstSeq ?? later.seq;
  if (laterFirstSeq !== earlier.seq + 1) return { seq: later.seq, rooms: later.rooms };
  const laterRooms = new Map(later.rooms.map((room) => [room.roomId, room]));
  const rooms: RoomDelta[] = [];
  for (const room of earlier.rooms) {
    const newer = laterRooms.get(room.roomId);
    laterRooms.delete(room.roomId);
    if (newer === undefined) {
      rooms.push(room);
      continue;
    }
    const merged = mergeRoomDeltas(room, newer);
    if (merged === null) return { seq: later.seq, rooms: later.rooms };
    rooms.push(merged);
  }
  rooms.push(...laterRooms.values());
  return { seq: later.seq, firstSeq: earlier.firstSeq ?? earlier.seq, rooms };
}

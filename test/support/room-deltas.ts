/**
 * Pushes built from whole snapshots, for tests and fakes that feed the rooms store: every leg carries its
 * whole history window (historyFrom = historyStart), which is what the core pushes for a leg the receiver
 * has never seen, and lines up with whatever the receiver holds.
 */
import type { RoomDelta, RoomSnapshot, RoomsChange } from '../../shared/domain/legs';

export function wholeRoomDelta(room: RoomSnapshot): RoomDelta {
  return {
    roomId: room.roomId,
    roomName: room.roomName,
    devices: room.devices,
    classification: room.classification,
    activeCalls: room.activeCalls.map(({ legs, ...call }) => ({
      ...call,
      legs: legs.map(({ history, ...leg }) => ({ ...leg, historyFrom: leg.historyStart, historyTail: history })),
    })),
  };
}

/** The push numbered `seq` carrying `rooms` whole. */
export function wholeRoomsChange(seq: number, rooms: readonly RoomSnapshot[]): RoomsChange {
  return { seq, rooms: rooms.map(wholeRoomDelta) };
}

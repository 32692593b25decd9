/**
 * The real leg tracker on a manual clock, recording every roomsChanged push it makes, plus a scripted day that
 * exercises what a push can carry: legs refreshed and stepping through a wrapped history ring, a new call in
 * another room, Teams ids attached, a device going offline, a call ending, a room first named by a sample.
 * And the receiver's side: applying pushes to a full list (getRooms) as the renderer's rooms store does.
 */
import { createLegTracker, type LegTrackerOptions } from '../../electron/core/legs';
import type { RoomSnapshot, RoomsChange } from '../../shared/domain/legs';
import { applyRoomDelta } from '../../shared/domain/room-delta';
import type { LiveSample } from '../../shared/domain/samples';
import { createManualClock } from '../unit/legs/helpers/manual-clock';

export const TRACKER_START_MS = Date.parse('2025-03-01T10:00:00Z');

export function createPushingTracker(overrides: Partial<LegTrackerOptions> = {}) {
  const clock = createManualClock(TRACKER_START_MS);
  const tracker = createLegTracker({
    now: clock.now,
    timers: clock.timers,
    rooms: [{ id: 'bldg-30', name: 'VTC Bldg 30/21', devices: [{ id: 'sx80' }] }, { id: 'annex', name: 'Annex', devices: [{ id: 'kit' }] }],
    onReport: () => undefined,
    ...overrides,
  });
  const pushes: RoomsChange[] = [];
  tracker.subscribe((change) => pushes.push(change));
  /** Samples of every given leg at the clock's time, then `stepMs` pass (and with them the push slot). */
  const tick = (legs: Partial<LiveSample>[], stepMs = 500): void => {
    const at = new Date(clock.now()).toISOString();
    tracker.ingestSamples(
      legs.map((fields) => ({ roomId: 'bldg-30', deviceId: 'sx80', callId: '3', modality: 'audio', direction: 'inbound', channelIndex: 1, at, lossPercent: 0.5, jitterMs: 4, ...fields })),
    );
    clock.advance(stepMs);
  };
  return { clock, tracker, pushes, tick };
}

export type PushingTracker = ReturnType<typeof createPushingTracker>;

/** Varied pushes (about 70) from a tracker made with `historyPoints: 4`, so its history ring wraps. */
export function runScriptedDay({ tracker, tick }: PushingTracker): void {
  tick([{}]);
  for (let i = 0; i < 50; i += 1) tick([{}, { direction: 'outbound', jitterMs: 4 + (i % 7) }]); // 25 s: 6 steps of 5 s in a ring of 4
  tick([{ callId: '4', deviceId: 'kit', roomId: 'annex' }]);
  tracker.setCallContext({ deviceId: 'sx80', callId: '3', callChainId: '7d0c1a7e-2f43-4d7b-9a3c-5e1f00000001', participantId: '3b9e9c1d-8f2a-4c55-b1d2-6a0f00000002' });
  for (let i = 0; i < 6; i += 1) tick([{}, { callId: '4', deviceId: 'kit', roomId: 'annex', lossPercent: 12 + i }]);
  tracker.setDeviceState('kit', 'offline', 'no answer');
  tracker.endCall('kit', '4');
  tick([{}, { modality: 'video', direction: 'inbound' }]);
  for (let i = 0; i < 6; i += 1) tick([{ roomId: 'pop-up', deviceId: 'board', callId: '1' }, { modality: 'video', direction: 'inbound' }]);
  tracker.endCall('sx80', '3');
  tick([{ roomId: 'pop-up', deviceId: 'board', callId: '1' }]);
}

/** The rooms a receiver holds after applying `pushes` in order to the full list `full`; throws on a gap. */
export function applyPushes(full: readonly RoomSnapshot[], pushes: readonly RoomsChange[]): RoomSnapshot[] {
  const byId = new Map(full.map((room) => [room.roomId, room]));
  for (const change of pushes) {
    for (const delta of change.rooms) {
      const next = applyRoomDelta(byId.get(delta.roomId), delta, change.seq);
      if (next === null) throw new Error(`push ${change.seq} does not line up for ${delta.roomId}`);
      byId.set(delta.roomId, next);
    }
  }
  return [...byId.values()];
}

/** Rooms without the seq they are as of (which differs between a full list and applied pushes), by id. */
export function withoutSeq(rooms: readonly RoomSnapshot[]): Omit<RoomSnapshot, 'asOfSeq'>[] {
  return rooms.map(({ asOfSeq: _asOfSeq, ...room }) => room).sort((a, b) => a.roomId.localeCompare(b.roomId));
}

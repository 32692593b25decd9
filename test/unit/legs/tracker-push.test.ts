// What the leg tracker pushes (roomsChanged) against what it answers in full (getRooms): a push carries per
// leg only the history points changed since the previous push and each call once, and a receiver that
// applies every push to the full list it read holds exactly what getRooms would answer.
import { describe, expect, it } from 'vitest';
import type { LegTrackerOptions } from '../../../electron/core/legs';
import type { RoomSnapshot } from '../../../shared/domain/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import { TRACKER_START_MS as START_MS, applyPushes as applyAll, createPushingTracker } from '../../support/tracker-pushes';

const setup = (overrides: Partial<LegTrackerOptions> = {}) => createPushingTracker(overrides);

const SIX_LEGS: Partial<LiveSample>[] = (['audio', 'video', 'screenSharing'] as const).flatMap((modality) =>
  (['inbound', 'outbound'] as const).map((direction) => ({ modality, direction })),
);

describe('leg tracker pushes', () => {
  it('carries each call once and, per leg, only the points changed since the previous push', () => {
    const { tracker, pushes, tick } = setup();
    for (let i = 0; i < 60; i += 1) tick(SIX_LEGS); // 0–29.5 s at 2 Hz: steps 0–5 of 5 s per leg
    const full = tracker.snapshot()[0]!;
    expect(full.activeCalls).toHaveLength(1);
    expect(full.activeCalls[0]!.legs[0]!.history).toHaveLength(6);

    // The push of the 29.5 s samples: step 5 refreshed (its point replaced by the newer sample).
    const refreshed = pushes.at(-1)!;
    expect(refreshed.rooms.map((room) => room.roomId)).toEqual(['bldg-30']);
    expect(refreshed.rooms[0]!.activeCalls).toHaveLength(1);
    expect(Object.keys(refreshed.rooms[0]!)).not.toContain('activeCall');
    expect(refreshed.rooms[0]!.activeCalls[0]!.legs).toHaveLength(6);
    for (const leg of refreshed.rooms[0]!.activeCalls[0]!.legs) {
      expect(leg).not.toHaveProperty('history');
      expect(leg.sampleCount).toBe(60);
      expect(leg.historyFrom).toBe(5);
      expect(leg.historyTail.map((point) => point.at)).toEqual([new Date(START_MS + 29_500).toISOString()]);
    }

    tick(SIX_LEGS); // 30 s: step 6 starts
    const stepped = pushes.at(-1)!.rooms[0]!.activeCalls[0]!.legs[0]!;
    expect(stepped.historyFrom).toBe(6);
    expect(stepped.historyTail.map((point) => point.at)).toEqual([new Date(START_MS + 30_000).toISOString()]);
  });

  it('numbers pushes from 1 and tells in a full list which push it already holds', () => {
    const { tracker, pushes, tick, clock } = setup();
    expect(tracker.snapshot().map((room) => room.asOfSeq)).toEqual([0, 0]);
    tick([{}]);
    tick([{}]);
    expect(pushes.map((change) => change.seq)).toEqual([1, 2]);
    expect(tracker.snapshot().map((room) => room.asOfSeq)).toEqual([2, 2]);
    tracker.ingestSamples([{ roomId: 'bldg-30', deviceId: 'sx80', callId: '3', modality: 'audio', direction: 'inbound', channelIndex: 1, at: new Date(clock.now()).toISOString() }]);
    // A change not yet pushed is in the full list already; push 3 carries it again, harmlessly.
    expect(tracker.snapshot()[0]!.activeCalls[0]!.legs[0]!.sampleCount).toBe(3);
    expect(tracker.snapshot()[0]!.asOfSeq).toBe(2);
  });

  it('applied in order to the full list, reproduces getRooms: new legs and calls, ended calls, ids, a wrapped ring', () => {
    const { tracker, pushes, tick } = setup({ historyPoints: 4 });
    tick([{}]);
    const full = tracker.snapshot();
    const firstSeq = pushes.length + 1;
    for (let i = 0; i < 40; i += 1) tick([{}, { direction: 'outbound' }]); // to 20 s: 5 steps in a ring of 4
    tick([{ callId: '4', deviceId: 'kit', roomId: 'annex' }]);
    tracker.setCallContext({ deviceId: 'sx80', callId: '3', callChainId: '7d0c1a7e-2f43-4d7b-9a3c-5e1f00000001', participantId: '3b9e9c1d-8f2a-4c55-b1d2-6a0f00000002' });
    tick([{}]);
    tracker.setDeviceState('kit', 'offline', 'no answer');
    tracker.endCall('kit', '4');
    tick([{}]);
    const received = applyAll(full, pushes.slice(firstSeq - 1));
    const expected = tracker.snapshot();
    const withoutSeq = (rooms: RoomSnapshot[]) => rooms.map(({ asOfSeq: _asOfSeq, ...room }) => room);
    expect(withoutSeq(received)).toEqual(withoutSeq(expected));
    expect(expected[0]!.activeCalls[0]!.legs[0]!.history).toHaveLength(4);
    expect(expected[0]!.activeCalls[0]!.legs[0]!.historyStart).toBe(1); // steps 0–4, the first fell out
  });

  it('keeps a push of a room whose legs hold 10 minutes of history under a tenth of its full snapshot', () => {
    const { tracker, pushes, tick } = setup();
    for (let i = 0; i < 1_200; i += 1) tick(SIX_LEGS); // 10 minutes at 2 Hz: 120 points per leg
    const fullBytes = JSON.stringify(tracker.snapshot()).length;
    const pushBytes = JSON.stringify(pushes.at(-1)).length;
    expect(tracker.snapshot()[0]!.activeCalls[0]!.legs[0]!.history).toHaveLength(120);
    expect(pushBytes).toBeLessThan(fullBytes / 10);
  });
});

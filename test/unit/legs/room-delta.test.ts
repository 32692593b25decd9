// How a receiver applies a pushed leg or room (shared/domain/room-delta.ts), and when it cannot.
import { describe, expect, it } from 'vitest';
import type { LegDelta, LegHistoryPoint, LegStatsSnapshot, RoomDelta, RoomSnapshot } from '../../../shared/domain/legs';
import { applyLegDelta, applyRoomDelta, latestHistoryOnly, mergeRoomHistory } from '../../../shared/domain/room-delta';

const point = (step: number): LegHistoryPoint => ({ at: `2025-03-01T10:00:${String(step).padStart(2, '0')}Z`, lossPercent: step, classification: 'good' });
const points = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => point(from + i));

function held(historyStart: number, history: LegHistoryPoint[]): LegStatsSnapshot {
  const none = { current: null, avg: null, max: null };
  return {
    id: 'leg-1',
    key: { roomId: 'r', deviceId: 'd', callId: '1', modality: 'audio', direction: 'inbound', channelIndex: 1 },
    startedAt: point(0).at,
    lastSampleAt: history.at(-1)?.at ?? point(0).at,
    sampleCount: history.length,
    lossPercent: none, jitterMs: none, roundTripMs: none, packets: none, bitRate: none, frameRate: none,
    classification: 'good',
    classificationReason: null,
    trend: null,
    sampleReason: null,
    history,
    historyStart,
  };
}

function delta(historyStart: number, historyFrom: number, historyTail: LegHistoryPoint[], sampleCount = 99): LegDelta {
  const { history: _history, ...stats } = held(historyStart, []);
  return { ...stats, historyStart, historyFrom, historyTail, sampleCount, lastSampleAt: historyTail.at(-1)?.at ?? stats.lastSampleAt };
}

describe('applyLegDelta', () => {
  it('replaces the refreshed newest point and appends new steps', () => {
    const next = applyLegDelta(held(0, points(0, 5)), delta(0, 4, [{ ...point(4), lossPercent: 44 }, point(5)]));
    expect(next?.history.map((p) => p.lossPercent)).toEqual([0, 1, 2, 3, 44, 5]);
  });

  it('drops the points that left the core window, so the length stays bounded', () => {
    const next = applyLegDelta(held(0, points(0, 4)), delta(2, 4, [point(4), point(5)]));
    expect(next).toMatchObject({ historyStart: 2, history: points(2, 6) });
  });

  it('refuses a delta that builds on points it does not hold (a missed push)', () => {
    expect(applyLegDelta(held(0, points(0, 4)), delta(0, 6, [point(6)]))).toBeNull(); // steps 4–5 missing
    expect(applyLegDelta(undefined, delta(0, 3, [point(3)]))).toBeNull(); // an unknown leg needs its whole window
    expect(applyLegDelta(undefined, delta(3, 3, [point(3)]))).toMatchObject({ historyStart: 3, history: [point(3)] });
  });

  it('applies pushes to a leg read with only its latest point (getRooms), keeping its later window start', () => {
    const next = applyLegDelta(held(4, [point(4)]), delta(0, 4, [{ ...point(4), lossPercent: 44 }, point(5)]));
    expect(next).toMatchObject({ historyStart: 4, history: [{ ...point(4), lossPercent: 44 }, point(5)] });
    expect(applyLegDelta(held(5, [point(5)]), delta(0, 4, [point(4)]))).toBeNull(); // a gap before what it holds
  });

  it('keeps the very same leg object when nothing about it changed', () => {
    const leg = held(0, points(0, 3));
    expect(applyLegDelta(leg, { ...delta(0, 3, []), sampleCount: 3, lastSampleAt: leg.lastSampleAt })).toBe(leg);
  });
});

describe('applyRoomDelta', () => {
  it('drops calls that ended and takes the push seq as the room asOfSeq', () => {
    const room: RoomDelta = { roomId: 'r', roomName: 'R', devices: [], classification: 'unknown', activeCalls: [] };
    expect(applyRoomDelta(undefined, room, 7)).toEqual({ ...room, activeCalls: [], asOfSeq: 7 });
  });
});

function room(leg: LegStatsSnapshot): RoomSnapshot {
  const call = { deviceId: 'd', callId: '1', startedAt: point(0).at, lastSampleAt: point(0).at, callChainId: null, participantId: null, classification: 'good' as const, legs: [leg] };
  return { roomId: 'r', roomName: 'R', devices: [], classification: 'good', activeCalls: [call], asOfSeq: 3 };
}

describe('latestHistoryOnly and mergeRoomHistory', () => {
  it('cuts each leg to its latest point, and a whole read later adds back the older steps before what is held', () => {
    const full = room(held(2, points(2, 8)));
    const light = latestHistoryOnly(full);
    expect(light.activeCalls[0]?.legs[0]).toMatchObject({ historyStart: 7, history: [point(7)] });
    // What is held moved on by a push meanwhile: its newer points stay, the read adds steps 2–6.
    const moved = applyLegDelta(light.activeCalls[0]?.legs[0], delta(2, 7, [{ ...point(7), lossPercent: 77 }, point(8)]));
    expect(moved).not.toBeNull();
    const merged = mergeRoomHistory(room(moved ?? held(0, [])), full);
    expect(merged.activeCalls[0]?.legs[0]).toMatchObject({ historyStart: 2, history: [...points(2, 7), { ...point(7), lossPercent: 77 }, point(8)] });
  });

  it('returns the held room itself when the read adds nothing or leaves a gap', () => {
    const whole = room(held(2, points(2, 8)));
    expect(mergeRoomHistory(whole, room(held(2, points(2, 5))))).toBe(whole);
    const light = room(held(9, [point(9)]));
    expect(mergeRoomHistory(light, room(held(2, points(2, 8))))).toBe(light); // step 8 missing
  });

  it('adds nothing from another start of the leg (a restarted core numbers its steps from 0 again)', () => {
    const restarted = room({ ...held(3, [point(3)]), startedAt: point(1).at });
    expect(mergeRoomHistory(restarted, room(held(0, points(0, 6))))).toBe(restarted);
  });
});

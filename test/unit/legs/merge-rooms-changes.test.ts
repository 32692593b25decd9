// Merging roomsChanged pushes (shared/domain/room-delta.ts mergeRoomsChanges), as a web tab's server does for
// a slow tab: with the real tracker's pushes, a merged push applied to what the tab holds gives exactly what
// applying the pushes one by one gives, so the tab never needs a full re-read.
import { describe, expect, it } from 'vitest';
import type { LegDelta, RoomsChange } from '../../../shared/domain/legs';
import { mergeLegDeltas, mergeRoomsChanges } from '../../../shared/domain/room-delta';
import { createPushSequence } from '../../../renderer/src/stores/push-sequence';
import { applyPushes, createPushingTracker, runScriptedDay, withoutSeq } from '../../support/tracker-pushes';

/** The scripted day's pushes and the full list read before the first. */
function scriptedDay() {
  const setup = createPushingTracker({ historyPoints: 4 });
  const full = setup.tracker.snapshot();
  runScriptedDay(setup);
  return { ...setup, full };
}

const mergeAll = (changes: readonly RoomsChange[]): RoomsChange => changes.reduce((merged, change) => mergeRoomsChanges(merged, change));

/** Splits `items` into consecutive groups of the given sizes (the last group takes the rest). */
function groups<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= items.length) break;
    out.push(items.slice(at, at + size));
    at += size;
  }
  if (at < items.length) out.push(items.slice(at));
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('mergeRoomsChanges with the tracker pushes', () => {
  it('the scripted day covers what a push can carry', () => {
    const { pushes, tracker } = scriptedDay();
    expect(pushes.length).toBeGreaterThan(40);
    expect(pushes.map((change) => change.seq)).toEqual(pushes.map((_, index) => index + 1));
    expect(tracker.snapshot().map((room) => room.roomId)).toContain('pop-up');
    // The ring of 4 points wrapped: history starts after step 0.
    const legs = pushes.flatMap((change) => change.rooms.flatMap((room) => room.activeCalls.flatMap((call) => call.legs)));
    expect(Math.max(...legs.map((leg) => leg.historyStart))).toBeGreaterThan(0);
  });

  it.each([
    ['every push merged into one', [1_000]],
    ['pairs', Array.from({ length: 40 }, () => 2)],
    ['uneven runs', [1, 7, 3, 12, 1, 1, 5, 9, 2]],
    ['the first alone, then the rest merged', [1, 1_000]],
  ])('applied in order to the full list, equals the pushes one by one and getRooms: %s', (_name, sizes) => {
    const { pushes, full, tracker } = scriptedDay();
    const merged = groups(pushes, sizes).map(mergeAll);
    const sequence = createPushSequence();
    sequence.fullList(full);
    expect(merged.map((change) => sequence.push(change.seq, change.firstSeq))).toEqual(merged.map(() => 'apply'));
    expect(merged.at(-1)!.seq).toBe(pushes.at(-1)!.seq);
    const received = applyPushes(full, merged);
    expect(withoutSeq(received)).toEqual(withoutSeq(applyPushes(full, pushes)));
    expect(withoutSeq(received)).toEqual(withoutSeq(tracker.snapshot()));
  });

  it('numbers a merged push by the pushes it stands for', () => {
    const { pushes } = scriptedDay();
    const merged = mergeAll(pushes.slice(4, 9));
    expect({ firstSeq: merged.firstSeq, seq: merged.seq }).toEqual({ firstSeq: 5, seq: 9 });
    expect(mergeAll(pushes.slice(4, 5))).toBe(pushes[4]); // a single push is sent as published
  });

  it('lines up after a full list read while its pushes were waiting (the tab re-read getRooms meanwhile)', () => {
    const setup = createPushingTracker({ historyPoints: 4 });
    const before = setup.tracker.snapshot();
    runScriptedDay(setup);
    // A second day: the tab reads the full list after push `readAfter` while pushes from `firstWaiting` wait.
    const firstWaiting = setup.pushes.length + 1;
    const readAfter = firstWaiting + 3;
    for (let i = 0; i < 12; i += 1) {
      setup.tick([{ callId: '9' }, { callId: '9', modality: 'video' }]);
      if (setup.pushes.length === readAfter) before.splice(0, before.length, ...setup.tracker.snapshot());
    }
    const waiting = mergeAll(setup.pushes.slice(firstWaiting - 1));
    expect(before[0]!.asOfSeq).toBe(readAfter);
    const sequence = createPushSequence();
    sequence.fullList(before);
    expect(sequence.push(waiting.seq, waiting.firstSeq)).toBe('apply');
    expect(withoutSeq(applyPushes(before, [waiting]))).toEqual(withoutSeq(setup.tracker.snapshot()));
  });

  it('never changes its inputs (the same push object goes to every tab)', () => {
    const { pushes, full, tracker } = scriptedDay();
    deepFreeze(pushes);
    expect(withoutSeq(applyPushes(full, [mergeAll(pushes)]))).toEqual(withoutSeq(tracker.snapshot()));
  });

  it('keeps a merged push of 10 minutes of one room no bigger than the room in full', () => {
    const { tracker, pushes, tick } = createPushingTracker();
    const sixLegs = (['audio', 'video', 'screenSharing'] as const).flatMap((modality) => (['inbound', 'outbound'] as const).map((direction) => ({ modality, direction })));
    for (let i = 0; i < 1_200; i += 1) tick(sixLegs); // 10 minutes at 2 Hz: 1,200 pushes
    const mergedBytes = JSON.stringify(mergeAll(pushes)).length;
    const fullBytes = JSON.stringify(tracker.snapshot()).length;
    const allBytes = pushes.reduce((sum, change) => sum + JSON.stringify(change).length, 0);
    expect(mergedBytes).toBeLessThanOrEqual(fullBytes);
    expect(mergedBytes).toBeLessThan(allBytes / 50);
  });

  it('gives the later push alone, its gap visible, when the two are not consecutive', () => {
    const { pushes } = scriptedDay();
    const merged = mergeRoomsChanges(pushes[2]!, pushes[4]!);
    expect(merged).toEqual({ seq: 5, rooms: pushes[4]!.rooms });
    const sequence = createPushSequence();
    sequence.push(3);
    expect(sequence.push(merged.seq, merged.firstSeq)).toBe('missed');
  });
});

describe('mergeLegDeltas', () => {
  const point = (step: number) => ({ at: `2025-03-01T10:00:${String(step).padStart(2, '0')}Z`, lossPercent: step, classification: 'good' as const });
  const points = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => point(from + i));
  const none = { current: null, avg: null, max: null };
  const leg = (historyStart: number, historyFrom: number, historyTail: ReturnType<typeof points>): LegDelta => ({
    id: 'leg-1',
    key: { roomId: 'r', deviceId: 'd', callId: '1', modality: 'audio', direction: 'inbound', channelIndex: 1 },
    startedAt: point(0).at,
    lastSampleAt: historyTail.at(-1)?.at ?? point(0).at,
    sampleCount: historyFrom + historyTail.length,
    lossPercent: none, jitterMs: none, roundTripMs: none, packets: none, bitRate: none, frameRate: none,
    classification: 'good',
    classificationReason: null,
    trend: null,
    sampleReason: null,
    historyStart,
    historyFrom,
    historyTail,
  });

  it('keeps the earlier tail points the later push builds on, and the later window start', () => {
    const merged = mergeLegDeltas(leg(0, 4, [point(4), point(5)]), leg(2, 5, [{ ...point(5), lossPercent: 55 }, point(6)]));
    expect(merged).toMatchObject({ historyStart: 2, historyFrom: 4, historyTail: [point(4), { ...point(5), lossPercent: 55 }, point(6)] });
  });

  it('starts at the later window when the earlier tail reaches back before it', () => {
    const merged = mergeLegDeltas(leg(0, 0, points(0, 4)), leg(3, 4, [point(4)]));
    expect(merged).toMatchObject({ historyStart: 3, historyFrom: 3, historyTail: [point(3), point(4)] });
  });

  it('refuses a later push that builds on points the earlier one did not reach', () => {
    expect(mergeLegDeltas(leg(0, 4, [point(4)]), leg(0, 6, [point(6)]))).toBeNull();
  });
});

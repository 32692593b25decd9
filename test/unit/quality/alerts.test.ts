import { describe, expect, it } from 'vitest';
import { createAlertPolicy } from '../../../electron/core/quality/alerts';
import type { AlertEvent, LegKey, LegSummary } from '../../../shared/domain/legs';
import { createManualClock } from '../legs/helpers/manual-clock';

const MINUTE = 60_000;
const key = (roomId: string, modality: LegKey['modality'] = 'audio'): LegKey => ({
  roomId, deviceId: `${roomId}-codec`, callId: '3', modality, direction: 'inbound', channelIndex: 1,
});
const leg = (roomId: string, modality?: LegKey['modality']) => ({ key: key(roomId, modality), roomName: `Room ${roomId}` });
const reason = { metric: 'lossPercent' as const, value: 14, threshold: 10 };
const summary: LegSummary = {
  durationMs: 60_000, sampleCount: 12, poorMs: 15_000, worstClassification: 'poor', avgLossPercent: 4, maxLossPercent: 14,
  avgJitterMs: 5, maxJitterMs: 9, avgRoundTripMs: null, maxRoundTripMs: null,
};

function setup(cooldownMs = 5 * MINUTE) {
  const clock = createManualClock();
  const events: AlertEvent[] = [];
  const policy = createAlertPolicy({ now: clock.now, cooldownMs, onAlert: (event) => events.push(event) });
  const at = () => new Date(clock.now()).toISOString();
  return { clock, events, policy, at, kinds: () => events.map((event) => `${event.kind}:${event.roomId}:${event.legKey.modality}`) };
}

describe('alert policy: one notification per room per cooldown', () => {
  it('notifies when a leg turns poor, with the metric, value and threshold', () => {
    const { policy, events, at } = setup();
    expect(policy.legBecamePoor(leg('a'), reason, at())).toBe(true);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'leg_poor', roomId: 'a', roomName: 'Room a', metric: 'lossPercent', value: 14, threshold: 10 }),
    ]);
  });

  it('stays quiet for a second leg of the same room within the cooldown, but not for another room', () => {
    const { policy, kinds, at } = setup();
    policy.legBecamePoor(leg('a', 'audio'), reason, at());
    expect(policy.legBecamePoor(leg('a', 'video'), reason, at())).toBe(false);
    policy.legBecamePoor(leg('b'), reason, at());
    expect(kinds()).toEqual(['leg_poor:a:audio', 'leg_poor:b:audio']);
  });

  it('notifies again after the cooldown even without a recovery', () => {
    const { policy, clock, kinds, at } = setup();
    policy.legBecamePoor(leg('a', 'audio'), reason, at());
    clock.advance(4 * MINUTE);
    policy.legBecamePoor(leg('a', 'video'), reason, at());
    clock.advance(1 * MINUTE);
    policy.legBecamePoor(leg('a', 'screenSharing'), reason, at());
    expect(kinds()).toEqual(['leg_poor:a:audio', 'leg_poor:a:screenSharing']);
  });

  it('notifies within the cooldown when the room recovered and fell again', () => {
    const { policy, clock, kinds, at } = setup();
    policy.legBecamePoor(leg('a'), reason, at());
    clock.advance(MINUTE);
    policy.legLeftPoor(leg('a'), reason, at());
    clock.advance(MINUTE);
    policy.legBecamePoor(leg('a'), reason, at());
    expect(kinds()).toEqual(['leg_poor:a:audio', 'leg_recovered:a:audio', 'room_recovered:a:audio', 'leg_poor:a:audio']);
  });

  it('says a notified room recovered at most once per cooldown, and only when no leg is poor', () => {
    const { policy, clock, kinds, at } = setup();
    policy.legBecamePoor(leg('a', 'audio'), reason, at());
    policy.legBecamePoor(leg('a', 'video'), reason, at());
    policy.legLeftPoor(leg('a', 'audio'), reason, at()); // video still poor
    policy.legLeftPoor(leg('a', 'video'), reason, at());
    clock.advance(MINUTE);
    policy.legBecamePoor(leg('a', 'audio'), reason, at()); // fell again: notified
    policy.legLeftPoor(leg('a', 'audio'), reason, at()); // within the cooldown: no second recovery notice
    clock.advance(5 * MINUTE);
    policy.legBecamePoor(leg('a', 'audio'), reason, at());
    policy.legLeftPoor(leg('a', 'audio'), reason, at());
    expect(kinds().filter((kind) => !kind.startsWith('leg_recovered'))).toEqual([
      'leg_poor:a:audio',
      'room_recovered:a:video',
      'leg_poor:a:audio',
      'leg_poor:a:audio',
      'room_recovered:a:audio',
    ]);
  });

  it('a room is recovered only when none of its legs is poor', () => {
    const { policy, kinds, at } = setup();
    policy.legBecamePoor(leg('a', 'audio'), reason, at());
    policy.legBecamePoor(leg('a', 'video'), reason, at());
    policy.legLeftPoor(leg('a', 'audio'), reason, at());
    policy.legBecamePoor(leg('a', 'audio'), reason, at()); // video still poor: no recovery, no alert
    expect(kinds()).toEqual(['leg_poor:a:audio', 'leg_recovered:a:audio']);
  });

  it('a leg that ends while poor is not a recovery, and gets a summary', () => {
    const { policy, kinds, events, at } = setup();
    policy.legBecamePoor(leg('a'), reason, at());
    policy.legEnded(leg('a'), summary, reason, true, at());
    policy.legBecamePoor(leg('a', 'video'), reason, at());
    expect(kinds()).toEqual(['leg_poor:a:audio', 'leg_summary:a:audio']);
    expect(events[1]?.summary).toEqual(summary);
  });

  it('no summary for a leg that was never poor, no recovery for a leg that was not poor', () => {
    const { policy, events, at } = setup();
    policy.legLeftPoor(leg('a'), null, at());
    policy.legEnded(leg('a'), { ...summary, worstClassification: 'warning', poorMs: 0 }, null, false, at());
    expect(events).toEqual([]);
  });

  it('a zero cooldown notifies every fall', () => {
    const { policy, kinds, at } = setup(0);
    policy.legBecamePoor(leg('a', 'audio'), reason, at());
    policy.legBecamePoor(leg('a', 'video'), reason, at());
    expect(kinds()).toHaveLength(2);
  });
});

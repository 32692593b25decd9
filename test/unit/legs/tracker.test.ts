import { describe, expect, it } from 'vitest';
import { createLegTracker, type DeviceCallReport, type LegTrackerOptions } from '../../../electron/core/legs';
import type { AlertEvent, RoomsChange } from '../../../shared/domain/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import { teleconferenceDeviceQualityDraftSchema, teleconferenceDeviceQualitySchema } from '../../../shared/graph/quality';
import { validate } from '../../../shared/validation';
import { createManualClock } from './helpers/manual-clock';

const CALL_CHAIN = '7d0c1a7e-2f43-4d7b-9a3c-5e1f00000001';
const PARTICIPANT = '3b9e9c1d-8f2a-4c55-b1d2-6a0f00000002';
const GUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(overrides: Partial<LegTrackerOptions> = {}) {
  const clock = createManualClock();
  const reports: DeviceCallReport[] = [];
  const alerts: AlertEvent[] = [];
  const tracker = createLegTracker({
    now: clock.now,
    timers: clock.timers,
    rooms: [{ id: 'bldg-30', name: 'VTC Bldg 30/21', devices: [{ id: 'sx80' }] }, { id: 'annex', name: 'Annex' }],
    onReport: (report) => reports.push(report),
    onAlert: (alert) => alerts.push(alert),
    ...overrides,
  });
  let seq = 0;
  /** One sample `seconds` after the clock's start, advancing the clock to it. */
  const sample = (fields: Partial<LiveSample> = {}, atSeconds = seq++ * 5): LiveSample => ({
    roomId: 'bldg-30', deviceId: 'sx80', callId: '3', modality: 'audio', direction: 'inbound', channelIndex: 1,
    at: new Date(Date.parse('2025-03-01T10:00:00Z') + atSeconds * 1_000).toISOString(),
    ...fields,
  });
  return { clock, tracker, reports, alerts, sample };
}

describe('leg tracker', () => {
  it('keeps current, average and maximum per leg, and classifies after 3 samples', () => {
    const { tracker, sample } = setup();
    tracker.ingestSamples([sample({ lossPercent: 0, jitterMs: 4 }), sample({ lossPercent: 2, jitterMs: 8 })]);
    let leg = tracker.snapshot()[0]!.activeCalls[0]!.legs[0]!;
    expect(leg.classification).toBe('unknown');
    tracker.ingestSamples([sample({ lossPercent: 1, jitterMs: 6, packets: 750 })]);
    leg = tracker.snapshot()[0]!.activeCalls[0]!.legs[0]!;
    expect(leg.lossPercent).toEqual({ current: 1, avg: 1, max: 2 });
    expect(leg.jitterMs).toEqual({ current: 6, avg: 6, max: 8 });
    expect(leg.roundTripMs).toEqual({ current: null, avg: null, max: null });
    expect(leg.packets.current).toBe(750);
    expect(leg.classification).toBe('good'); // from unknown, the mildest of the first three (good, warning, warning)
    expect(leg.history).toHaveLength(3);
  });

  it('builds ONE report per device call with a new mediaLegId, room name and device name', () => {
    const { tracker, sample, reports } = setup();
    tracker.ingestSamples([
      sample({ lossPercent: 5, jitterMs: 10, maxJitterMs: 22, packets: 250 }, 0),
      sample({ lossPercent: 1, jitterMs: 20, maxJitterMs: 25, packets: 500 }, 5),
      sample({ direction: 'outbound', roundTripMs: 80, packets: 260 }, 5),
      sample({ modality: 'video', channelIndex: 4, bitRate: 2_000_000, frameRate: 30 }, 5),
    ]);
    const returned = tracker.endCall('sx80', '3', { deviceName: 'Cisco SX80' });
    expect(reports).toHaveLength(1);
    expect(returned).toBe(reports[0]);
    const report = reports[0]!;
    expect(report).toMatchObject({
      roomId: 'bldg-30', deviceId: 'sx80', deviceCallId: '3',
      callStartedAtMs: Date.parse('2025-03-01T10:00:00Z'), callEndedAtMs: Date.parse('2025-03-01T10:00:05Z'),
    });
    expect(report.body.mediaLegId).toMatch(GUID_V4);
    expect(report.body).toMatchObject({ deviceName: 'Cisco SX80', deviceDescription: 'VTC Bldg 30/21' });
    expect(validate(teleconferenceDeviceQualityDraftSchema, report.body)).toMatchObject({ ok: true });
    const [audio, video] = report.body.mediaQualityList;
    expect(audio).toMatchObject({
      channelIndex: 1, averageInboundPacketLossRateInPercentage: 3, maximumInboundPacketLossRateInPercentage: 5,
      averageInboundJitter: 'PT0.015S', maximumInboundJitter: 'PT0.025S', inboundPackets: 500,
      averageOutboundRoundTripDelay: 'PT0.08S', outboundPackets: 260, mediaDuration: 'PT10S',
    });
    expect(video).toMatchObject({ channelIndex: 1, averageInboundBitRate: 2_000_000, averageInboundFrameRate: 30 });
    expect(tracker.snapshot()[0]!.activeCalls).toEqual([]);
    expect(tracker.endCall('sx80', '3', { deviceName: 'Cisco SX80' })).toBeNull();
  });

  it('gives each device call its own mediaLegId', () => {
    const { tracker, sample, reports } = setup();
    tracker.ingestSamples([sample(), sample({ callId: '4' })]);
    tracker.endCall('sx80', '3', { deviceName: 'x' });
    tracker.endCall('sx80', '4', { deviceName: 'x' });
    expect(new Set(reports.map((report) => report.body.mediaLegId)).size).toBe(2);
  });

  describe('call context (contracts.md call-context)', () => {
    const ids = { callChainId: CALL_CHAIN, participantId: PARTICIPANT };

    it('matches by device call key and puts the Teams ids into the report', () => {
      const { tracker, sample, reports } = setup();
      tracker.ingestSamples([sample({ lossPercent: 0 }), sample({ direction: 'outbound', lossPercent: 0 })]);
      const matched = tracker.setCallContext({ deviceId: 'sx80', callId: '3', ...ids });
      expect(matched.map((key) => key.direction).sort()).toEqual(['inbound', 'outbound']);
      expect(tracker.snapshot()[0]!.activeCalls[0]).toMatchObject(ids);
      tracker.endCall('sx80', '3', { deviceName: 'Cisco SX80' });
      expect(reports[0]!.body).toMatchObject(ids);
      expect(validate(teleconferenceDeviceQualitySchema, reports[0]!.body)).toMatchObject({ ok: true });
    });

    it('matches by room and a time within the call (with a tolerance), not outside it', () => {
      const { tracker, sample } = setup();
      tracker.ingestSamples([sample({}, 0), sample({}, 60)]);
      expect(tracker.setCallContext({ roomId: 'bldg-30', at: '2025-03-01T10:00:30Z', ...ids })).toHaveLength(1);
      expect(tracker.setCallContext({ roomId: 'bldg-30', at: '2025-03-01T10:01:10Z', ...ids })).toHaveLength(1);
      expect(tracker.setCallContext({ roomId: 'bldg-30', at: '2025-03-01T10:05:00Z', ...ids })).toEqual([]);
    });

    it('matches the only call of a device, but guesses nothing among several', () => {
      const { tracker, sample } = setup();
      tracker.ingestSamples([sample()]);
      expect(tracker.setCallContext({ deviceId: 'sx80', ...ids })).toHaveLength(1);
      tracker.ingestSamples([sample({ callId: '9' })]);
      expect(tracker.setCallContext({ deviceId: 'sx80', ...ids })).toEqual([]);
    });

    it('keeps a context that arrives before the first sample of its call', () => {
      const { tracker, sample, reports } = setup();
      expect(tracker.setCallContext({ deviceId: 'sx80', callId: '3', ...ids })).toEqual([]);
      tracker.ingestSamples([sample()]);
      tracker.endCall('sx80', '3', { deviceName: 'Cisco SX80' });
      expect(reports[0]!.body).toMatchObject(ids);
    });

    it('refuses ids that are not GUIDs', () => {
      const { tracker } = setup();
      expect(() => tracker.setCallContext({ deviceId: 'sx80', callId: '3', callChainId: 'nope', participantId: PARTICIPANT })).toThrow(/GUID/);
    });
  });

  it('pushes changed rooms at most every 500 ms, coalesced, and only the rooms that changed', () => {
    const { tracker, sample, clock } = setup();
    const pushes: RoomsChange[] = [];
    const unsubscribe = tracker.subscribe((change) => pushes.push(change));
    tracker.ingestSamples([sample(), sample()]);
    clock.advance(0);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.rooms.map((room) => room.roomId)).toEqual(['bldg-30']);
    tracker.ingestSamples([sample()]);
    tracker.ingestSamples([sample()]);
    clock.advance(499);
    expect(pushes).toHaveLength(1);
    clock.advance(1);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]!.rooms[0]!.activeCalls[0]!.legs[0]!.sampleCount).toBe(4);
    unsubscribe();
    tracker.ingestSamples([sample()]);
    clock.advance(1_000);
    expect(pushes).toHaveLength(2);
  });

  it('shows device states with the last error, cleared when online', () => {
    const { tracker } = setup();
    expect(tracker.snapshot()[0]!.devices).toEqual([{ deviceId: 'sx80', state: 'unknown', lastError: null, since: null }]);
    tracker.setDeviceState('sx80', 'auth_failed', 'authentication failed (HTTP 401)');
    expect(tracker.snapshot()[0]!.devices[0]).toMatchObject({ state: 'auth_failed', lastError: 'authentication failed (HTTP 401)' });
    tracker.setDeviceState('sx80', 'online');
    expect(tracker.snapshot()[0]!.devices[0]).toMatchObject({ state: 'online', lastError: null });
  });

  it('raises a poor alert once a leg is poor for 3 samples, and a summary when it ends', () => {
    const { tracker, sample, alerts } = setup();
    tracker.ingestSamples([sample({ lossPercent: 0 }), sample({ lossPercent: 0 }), sample({ lossPercent: 0 })]);
    tracker.ingestSamples([sample({ lossPercent: 20 }), sample({ lossPercent: 25 })]);
    expect(alerts).toEqual([]);
    tracker.ingestSamples([sample({ lossPercent: 30 })]);
    expect(alerts.map((alert) => alert.kind)).toEqual(['leg_poor']);
    expect(alerts[0]).toMatchObject({ roomId: 'bldg-30', roomName: 'VTC Bldg 30/21', metric: 'lossPercent', value: 30, threshold: 10 });
    tracker.endCall('sx80', '3', { deviceName: 'Cisco SX80' });
    expect(alerts.map((alert) => alert.kind)).toEqual(['leg_poor', 'leg_summary']);
    expect(alerts[1]!.summary).toMatchObject({ maxLossPercent: 30, worstClassification: 'poor', poorMs: 0 });
  });

  it('ends a call that stops sending after the idle timeout (senders that never say "ended")', () => {
    const { tracker, sample, reports, clock } = setup({ callIdleTimeoutMs: 60_000 });
    tracker.ingestSamples([sample(), sample()]);
    clock.advance(59_000);
    expect(reports).toHaveLength(0);
    clock.advance(16_000);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body.deviceName).toBe('sx80');
  });

  it('forgets rooms first named by a sample once their call ends; keeps configured rooms', () => {
    const { tracker, sample } = setup();
    tracker.ingestSamples([sample({ roomId: 'pop-up', deviceId: 'kit-1' })]);
    expect(tracker.snapshot().map((room) => room.roomId)).toEqual(['bldg-30', 'annex', 'pop-up']);
    tracker.endCall('kit-1', '3', { deviceName: 'Room Kit' });
    expect(tracker.snapshot().map((room) => room.roomId)).toEqual(['bldg-30', 'annex']);
  });

  it('bounds memory: calls and legs beyond the limits are dropped and counted', () => {
    const { tracker, sample } = setup({ maxActiveCalls: 1, maxLegsPerCall: 2 });
    expect(tracker.ingestSamples([sample(), sample({ callId: '4' })])).toMatchObject({
      accepted: 1,
      dropped: 1,
      drops: [{ index: 1, code: 'too_many_calls', message: expect.stringContaining('call "4" of device "sx80" was not opened') }],
    });
    expect(tracker.ingestSamples([sample({ channelIndex: 2 }), sample({ channelIndex: 3 })])).toMatchObject({
      accepted: 1,
      dropped: 1,
      drops: [{ index: 1, code: 'too_many_legs', message: expect.stringContaining('already has 2 legs') }],
    });
    expect(tracker.stats()).toMatchObject({ activeCalls: 1, droppedSamples: 2 });
  });

  it('survives a throwing onReport and listener', () => {
    const errors: unknown[] = [];
    const { tracker, sample, clock } = setup({ onReport: () => { throw new Error('outbox down'); }, onError: (error) => errors.push(error) });
    tracker.subscribe(() => { throw new Error('ui gone'); });
    tracker.ingestSamples([sample()]);
    clock.advance(0);
    expect(tracker.endCall('sx80', '3', { deviceName: 'x' })).not.toBeNull();
    expect(errors).toHaveLength(2);
    tracker.close();
  });
});

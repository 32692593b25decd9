/**
 * End to end over real HTTPS on 127.0.0.1: simulator → Cisco collector → leg tracker → onReport. The report's
 * numbers must match what the scenario injected (loss %, jitter, packets), and it must pass Graph's schema.
 * Failure paths: a codec that goes away and comes back, wrong credentials, a certificate not allowed,
 * broken XML. Time is driven by ticks and explicit polls: no sleeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCiscoCollector, type CiscoCollectorOptions } from '../../../electron/core/devices/cisco';
import { startCiscoSimulator, type CiscoSimulator, type ExpectedChannel } from '../../../electron/sim/cisco-codec';
import { createLegTracker, type DeviceCallReport } from '../../../electron/core/legs';
import type { AlertEvent } from '../../../shared/domain/legs';
import { isoDurationToMs } from '../../../shared/graph/duration';
import { MODALITY_ODATA_TYPE, teleconferenceDeviceQualityDraftSchema, teleconferenceDeviceQualitySchema } from '../../../shared/graph/quality';
import { validate } from '../../../shared/validation';
import { startRig } from '../outbox/support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(options: { firmware?: 'ce9' | 'roomos11'; seed?: number; password?: string; allowSelfSigned?: boolean } = {}) {
  const simulator: CiscoSimulator = await startCiscoSimulator({ seed: options.seed ?? 11, firmware: options.firmware ?? 'roomos11', password: 'codec-pw' });
  cleanups.push(() => simulator.close());
  let nowMs = Date.parse('2025-03-01T10:00:00Z');
  const reports: DeviceCallReport[] = [];
  const alerts: AlertEvent[] = [];
  const tracker = createLegTracker({
    now: () => nowMs,
    rooms: [{ id: 'bldg-30', name: 'VTC Bldg 30/21', devices: [{ id: 'sx80' }] }],
    onReport: (report) => reports.push(report),
    onAlert: (alert) => alerts.push(alert),
  });
  cleanups.push(() => tracker.close());
  const collectorOptions: CiscoCollectorOptions = {
    device: { id: 'sx80', url: simulator.url, username: simulator.username, password: options.password ?? 'codec-pw', allowSelfSigned: options.allowSelfSigned ?? true },
    roomId: 'bldg-30',
    now: () => nowMs,
    onSamples: (samples) => tracker.ingestSamples(samples),
    onCallEnded: (event) => tracker.endCall(event.deviceId, event.callId, { deviceName: event.deviceName }),
    onDeviceState: (event) => tracker.setDeviceState(event.deviceId, event.state, event.error),
  };
  const collector = createCiscoCollector(collectorOptions);
  cleanups.push(() => collector.stop());
  /** One Netstat interval on the codec, then one poll: the collector reads every interval exactly once. */
  const step = async () => {
    simulator.tick();
    nowMs += 5_000;
    return collector.pollOnce();
  };
  const deviceState = () => tracker.snapshot()[0]!.devices[0]!;
  return { simulator, tracker, collector, reports, alerts, step, deviceState };
}

function itemFor(report: DeviceCallReport, channel: ExpectedChannel): Record<string, unknown> {
  const item = report.body.mediaQualityList.find(
    (candidate) => candidate['@odata.type'] === MODALITY_ODATA_TYPE[channel.modality] && candidate.channelIndex === channel.channelIndex,
  );
  expect(item, `${channel.name} in the report`).toBeDefined();
  return item as Record<string, unknown>;
}

describe.each(['ce9', 'roomos11'] as const)('simulated %s codec end to end', (firmware) => {
  it('a scenario call becomes one report whose numbers match what the scenario injected', async () => {
    const { simulator, tracker, reports, alerts, step } = await rig({ firmware });
    const callDurationTicks = simulator.scenario.calls[0]!.durationTicks;
    for (let i = 0; i < callDurationTicks + 3; i += 1) await step();

    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    const [expected] = simulator.expected();
    expect(report).toMatchObject({ roomId: 'bldg-30', deviceId: 'sx80', deviceCallId: expected!.callId });
    expect(report.body).toMatchObject({ deviceName: 'Cisco SX80', deviceDescription: 'VTC Bldg 30/21' });
    expect(validate(teleconferenceDeviceQualityDraftSchema, report.body)).toMatchObject({ ok: true });
    expect(report.body.mediaQualityList).toHaveLength(3); // audio, video, screen sharing

    for (const channel of expected!.channels) {
      const item = itemFor(report, channel);
      const dir = channel.direction === 'inbound' ? 'Inbound' : 'Outbound';
      expect(item[`average${dir}PacketLossRateInPercentage`]).toBeCloseTo(channel.avgLossPercent, 3);
      expect(item[`maximum${dir}PacketLossRateInPercentage`]).toBeCloseTo(channel.maxLossPercent, 3);
      expect(isoDurationToMs(item[`average${dir}Jitter`] as string)).toBe(Math.round(channel.avgJitterMs));
      expect(isoDurationToMs(item[`maximum${dir}Jitter`] as string)).toBe(channel.maxJitterMs);
      expect(item[`${channel.direction}Packets`]).toBe(channel.packets);
      if (channel.avgRoundTripMs === null) expect(item).not.toHaveProperty(`average${dir}RoundTripDelay`);
      else expect(isoDurationToMs(item[`average${dir}RoundTripDelay`] as string)).toBe(Math.round(channel.avgRoundTripMs));
      if (channel.modality !== 'audio') expect(item[`average${dir}BitRate`]).toBe(Math.round(channel.avgBitRate));
      expect(isoDurationToMs(item.mediaDuration as string)).toBeGreaterThanOrEqual(channel.intervals * 5_000);
    }
    // The injected loss burst and jitter spike crossed the CQD rules: one alert, a recovery, summaries.
    expect(alerts.map((alert) => alert.kind)).toContain('leg_poor');
    expect(alerts.map((alert) => alert.kind)).toContain('leg_summary');
    expect(tracker.snapshot()[0]!.activeCalls).toEqual([]);
  });
});

describe('call context on a live simulated call', () => {
  it('the report carries the Teams ids and passes the full schema', async () => {
    const { simulator, tracker, reports, step } = await rig({ seed: 5 });
    for (let i = 0; i < 4; i += 1) await step();
    const ids = { callChainId: '2f1d3c4b-5a69-4788-9900-aabbccddeeff', participantId: '11111111-2222-4333-8444-555555555555' };
    expect(tracker.setCallContext({ deviceId: 'sx80', callId: simulator.currentCallId()!, ...ids }).length).toBeGreaterThan(0);
    for (let i = 0; i < 30; i += 1) await step();
    expect(validate(teleconferenceDeviceQualitySchema, reports[0]!.body)).toMatchObject({ ok: true });
    expect(reports[0]!.body).toMatchObject(ids);
  });
});

describe('simulated codec to Microsoft Graph (the emulator)', () => {
  it('delivers the call report with the numbers the scenario injected', async () => {
    const { simulator, tracker, reports, step } = await rig({ seed: 9 });
    const graph = await startRig();
    cleanups.push(() => graph.close());
    await step();
    const ids = { callChainId: '7b0b2a51-3f0e-4f7c-9d51-2f0e8f7d6c11', participantId: '3c9d6a2e-8b1f-4e0a-a7d2-5b6c7d8e9f00' };
    tracker.setCallContext({ deviceId: 'sx80', callId: simulator.currentCallId()!, ...ids });
    for (let i = 0; i < simulator.scenario.calls[0]!.durationTicks + 3; i += 1) await step();
    expect(reports).toHaveLength(1);

    graph.outbox.enqueue({ ...reports[0]!, source: 'device' });
    graph.worker.start();
    await graph.waitFor('sent', 1);
    const received = graph.emulator.received().map((item) => (item.body as { quality: Record<string, unknown> }).quality);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject(ids);
    const items = received[0]!.mediaQualityList as Record<string, unknown>[];
    for (const channel of simulator.expected()[0]!.channels) {
      const item = items.find((candidate) => candidate['@odata.type'] === MODALITY_ODATA_TYPE[channel.modality] && candidate.channelIndex === channel.channelIndex)!;
      const dir = channel.direction === 'inbound' ? 'Inbound' : 'Outbound';
      expect(item[`average${dir}PacketLossRateInPercentage`]).toBeCloseTo(channel.avgLossPercent, 3);
      expect(isoDurationToMs(item[`average${dir}Jitter`] as string)).toBe(Math.round(channel.avgJitterMs));
      expect(item[`${channel.direction}Packets`]).toBe(channel.packets);
    }
  });
});

describe('device failures', () => {
  it('a codec that goes away shows offline, its call is reported with what was measured, and it recovers', async () => {
    const { simulator, reports, step, deviceState } = await rig();
    for (let i = 0; i < 6; i += 1) await step();
    expect(deviceState().state).toBe('online');
    simulator.setReachable(false);
    const outcome = await step();
    expect(outcome.state).toBe('offline');
    expect(deviceState()).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/unreachable/) });
    await step();
    expect(reports).toHaveLength(0); // a short outage does not split the call
    await step();
    expect(reports).toHaveLength(1);
    const audio = reports[0]!.body.mediaQualityList[0]!;
    expect(audio.inboundPackets).toBeGreaterThan(0);
    simulator.setReachable(true);
    expect((await step()).state).toBe('online');
    expect(deviceState()).toMatchObject({ state: 'online', lastError: null });
  });

  it('wrong credentials show auth_failed', async () => {
    const { step, deviceState } = await rig({ password: 'wrong' });
    expect((await step()).state).toBe('auth_failed');
    expect(deviceState().lastError).toMatch(/HTTP 401/);
    expect(deviceState().lastError).not.toContain('wrong');
  });

  it('a self-signed certificate is refused unless the device allows it', async () => {
    const { step, deviceState } = await rig({ allowSelfSigned: false });
    expect((await step()).state).toBe('error');
    expect(deviceState().lastError).toMatch(/certificate rejected.*allow self-signed/);
  });

  it.each([
    ['malformed', /malformed XML/],
    ['http500', /HTTP 500/],
  ] as const)('%s answers show the device in error, then it recovers', async (fault, message) => {
    const { simulator, step, deviceState } = await rig();
    await step();
    simulator.setFault(fault);
    expect((await step()).state).toBe('error');
    expect(deviceState().lastError).toMatch(message);
    simulator.setFault('none');
    expect((await step()).state).toBe('online');
  });

  it('start() polls on its own and stop() leaves nothing running', async () => {
    const { simulator } = await rig();
    let resolveOnline!: () => void;
    const online = new Promise<void>((resolve) => (resolveOnline = resolve));
    const collector = createCiscoCollector({
      device: { id: 'sx80', url: simulator.url, username: simulator.username, password: 'codec-pw', allowSelfSigned: true },
      roomId: 'bldg-30',
      now: Date.now,
      onSamples: () => undefined,
      onCallEnded: () => undefined,
      onDeviceState: (event) => event.state === 'online' && resolveOnline(),
    });
    collector.start();
    await online;
    expect(simulator.requestCount).toBeGreaterThanOrEqual(2);
    await collector.stop();
  });
});

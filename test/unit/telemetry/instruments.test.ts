/**
 * The instruments over a real leg tracker, read the way the Prometheus endpoint reads them: values in the
 * contract's units, contract attribute values (screen_sharing, not the tracker's screenSharing), and a
 * leg's points gone once its call ended (a gauge must not repeat an ended call's last value forever).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MeterProvider, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { createLegTracker } from '../../../electron/core/legs';
import { METER_NAME, registerInstruments } from '../../../electron/core/telemetry/instruments';
import { ScrapeReader } from '../../../electron/core/telemetry/prometheus-endpoint';
import { createDeliveryTally, type TelemetrySources } from '../../../electron/core/telemetry/sources';
import type { LiveSample } from '../../../shared/domain/samples';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function rig() {
  const tracker = createLegTracker({ now: () => Date.parse('2026-01-01T10:00:10Z'), rooms: [{ id: 'r1', name: 'Room One', devices: [{ id: 'codec-1' }] }], onReport: () => undefined });
  closers.push(() => tracker.close());
  const tally = createDeliveryTally();
  const sources: TelemetrySources = {
    rooms: () => tracker.snapshot(),
    deviceKind: (deviceId) => (deviceId === 'codec-1' ? 'cisco-xapi' : undefined),
    outboxCounts: () => ({ pending: 2, sent: 5 }),
    deliveries: tally.counts,
  };
  const reader = new ScrapeReader();
  const provider = new MeterProvider({ readers: [reader] });
  closers.push(() => provider.shutdown());
  registerInstruments(provider.getMeter(METER_NAME), sources);
  return { tracker, tally, collect: async () => (await reader.collect()).resourceMetrics };
}

const sample = (overrides: Partial<LiveSample>): LiveSample => ({
  roomId: 'r1', deviceId: 'codec-1', callId: '7', modality: 'audio', direction: 'inbound', channelIndex: 1, at: '2026-01-01T10:00:05Z', ...overrides,
});

function points(metrics: ResourceMetrics, name: string) {
  const metric = metrics.scopeMetrics.flatMap((scope) => scope.metrics).find((candidate) => candidate.descriptor.name === name);
  return (metric?.dataPoints ?? []).map((point) => ({ attributes: point.attributes, value: point.value }));
}

describe('telemetry instruments', () => {
  it('observe each live leg in the contract’s units and attribute values', async () => {
    const { tracker, tally, collect } = rig();
    tracker.ingestSamples([
      sample({ lossPercent: 2.5, jitterMs: 23, roundTripMs: 140, bitRate: 64_000 }),
      sample({ modality: 'screenSharing', direction: 'outbound', channelIndex: 2, frameRate: 15, bitRate: 1_200_000 }),
    ]);
    tally.record('sent');
    tally.record('retry');
    tally.record('deferred');
    const metrics = await collect();
    const audio = { 'vtc.room.id': 'r1', 'vtc.room.name': 'Room One', 'vtc.device.id': 'codec-1', 'vtc.media.type': 'audio', 'vtc.media.direction': 'inbound', 'vtc.media.channel': 1 };
    expect(points(metrics, 'vtc.media.packet_loss')).toEqual([{ attributes: audio, value: 2.5 }]);
    expect(points(metrics, 'vtc.media.jitter')).toEqual([{ attributes: audio, value: 0.023 }]);
    expect(points(metrics, 'vtc.media.round_trip')).toEqual([{ attributes: audio, value: 0.14 }]);
    expect(points(metrics, 'vtc.media.frame_rate')).toEqual([{ attributes: { ...audio, 'vtc.media.type': 'screen_sharing', 'vtc.media.direction': 'outbound', 'vtc.media.channel': 2 }, value: 15 }]);
    expect(points(metrics, 'vtc.media.poor').map((point) => point.value)).toEqual([0, 0]);
    expect(points(metrics, 'vtc.device.up')).toEqual([{ attributes: { 'vtc.room.id': 'r1', 'vtc.room.name': 'Room One', 'vtc.device.id': 'codec-1', 'vtc.device.kind': 'cisco-xapi' }, value: 0 }]);
    expect(points(metrics, 'vtc.outbox.reports')).toEqual([
      { attributes: { 'vtc.report.state': 'pending' }, value: 2 },
      { attributes: { 'vtc.report.state': 'sent' }, value: 5 },
    ]);
    expect(points(metrics, 'vtc.sync.deliveries')).toEqual([
      { attributes: { outcome: 'sent' }, value: 1 },
      { attributes: { outcome: 'failed' }, value: 0 },
      { attributes: { outcome: 'retried' }, value: 1 },
    ]);
  });

  it('stop a leg’s points when its call ends, and keep counting deliveries', async () => {
    const { tracker, tally, collect } = rig();
    tracker.ingestSamples([sample({ lossPercent: 4 })]);
    tally.record('sent');
    expect(points(await collect(), 'vtc.media.packet_loss')).toHaveLength(1);
    tracker.endCall('codec-1', '7');
    tally.record('sent');
    const after = await collect();
    expect(points(after, 'vtc.media.packet_loss')).toEqual([]);
    expect(points(after, 'vtc.media.poor')).toEqual([]);
    expect(points(after, 'vtc.sync.deliveries').find((point) => point.attributes['outcome'] === 'sent')?.value).toBe(2);
  });
});

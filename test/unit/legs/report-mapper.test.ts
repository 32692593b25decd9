/** The typed mapper from a leg's statistics to Graph's field names (legs/report.ts). */
import { describe, expect, it } from 'vitest';
import { accumulate, createAccumulator } from '../../../electron/core/legs/accumulator';
import type { LegTotals } from '../../../electron/core/legs/leg';
import { directionMetrics, inboundFields, outboundFields, rateFields } from '../../../electron/core/legs/report';
import type { Direction, Modality } from '../../../shared/domain/legs';

function leg(modality: Modality, direction: Direction, values: Partial<Record<'lossPercent' | 'jitterMs' | 'maxJitterMs' | 'roundTripMs' | 'packets' | 'bitRate' | 'frameRate', number[]>>): LegTotals {
  const totals: LegTotals = {
    key: { roomId: 'r', deviceId: 'd', callId: '1', modality, direction, channelIndex: 1 },
    firstAtMs: 0, lastAtMs: 10_000, sampleCount: 3,
    lossPercent: createAccumulator(), jitterMs: createAccumulator(), maxJitterMs: createAccumulator(), roundTripMs: createAccumulator(),
    packets: createAccumulator(), bitRate: createAccumulator(), frameRate: createAccumulator(),
    localAddress: undefined, remoteAddress: undefined,
  };
  for (const [name, list] of Object.entries(values)) for (const value of list) accumulate(totals[name as 'lossPercent'], value);
  return totals;
}

describe('report mapper', () => {
  const video = leg('video', 'inbound', { lossPercent: [1, 3], jitterMs: [10, 30], maxJitterMs: [45], roundTripMs: [80, 120], packets: [100, 2_000.4], bitRate: [1_000_000, 2_000_001], frameRate: [30, 24.996] });

  it('converts units: percent clamped to 0–100, delays as ISO 8601 durations, packets and bit rate as integers', () => {
    expect(directionMetrics(video, 'video')).toEqual({
      lossAveragePercent: 2, lossMaximumPercent: 3,
      jitterAverage: 'PT0.02S', jitterMaximum: 'PT0.045S',
      roundTripAverage: 'PT0.1S', roundTripMaximum: 'PT0.12S',
      packets: 2_000, bitRate: 1_500_001, frameRate: 27.5,
    });
    expect(directionMetrics(leg('audio', 'inbound', { lossPercent: [250] }), 'audio').lossAveragePercent).toBe(100);
  });

  it('names every field as Graph does, per direction, and leaves out what no sample measured', () => {
    const metrics = directionMetrics(video, 'video');
    expect(inboundFields(metrics)).toEqual({
      averageInboundPacketLossRateInPercentage: 2, maximumInboundPacketLossRateInPercentage: 3,
      averageInboundJitter: 'PT0.02S', maximumInboundJitter: 'PT0.045S',
      averageInboundRoundTripDelay: 'PT0.1S', maximumInboundRoundTripDelay: 'PT0.12S',
      inboundPackets: 2_000,
    });
    expect(outboundFields(directionMetrics(leg('audio', 'outbound', { lossPercent: [0.5] }), 'audio'))).toEqual({
      averageOutboundPacketLossRateInPercentage: 0.5, maximumOutboundPacketLossRateInPercentage: 0.5,
    });
    expect(rateFields(metrics, undefined)).toEqual({ averageInboundBitRate: 1_500_001, averageInboundFrameRate: 27.5 });
    // Audio has no rates in Graph: the metrics carry none, so nothing is named.
    expect(rateFields(directionMetrics(leg('audio', 'inbound', { bitRate: [64_000] }), 'audio'), undefined)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { accumulate, createAccumulator } from '../../../electron/core/legs/accumulator';
import type { LegTotals } from '../../../electron/core/legs/leg';
import { buildQualityReport } from '../../../electron/core/legs/report';
import type { Direction, Modality } from '../../../shared/domain/legs';
import { isoDurationToMs } from '../../../shared/graph/duration';
import { ODATA_TYPE, teleconferenceDeviceQualityDraftSchema, teleconferenceDeviceQualitySchema } from '../../../shared/graph/quality';
import { validate } from '../../../shared/validation';

const T0 = Date.parse('2025-03-01T10:00:00Z');

function leg(modality: Modality, direction: Direction, channelIndex: number, values: Partial<Record<keyof LegTotals, number[]>>, extra: Partial<LegTotals> = {}): LegTotals {
  const totals: LegTotals = {
    key: { roomId: 'r', deviceId: 'd', callId: '3', modality, direction, channelIndex },
    firstAtMs: T0, lastAtMs: T0 + 55_000, sampleCount: 12,
    lossPercent: createAccumulator(), jitterMs: createAccumulator(), maxJitterMs: createAccumulator(), roundTripMs: createAccumulator(),
    packets: createAccumulator(), bitRate: createAccumulator(), frameRate: createAccumulator(),
    localAddress: undefined, remoteAddress: undefined, ...extra,
  };
  for (const [name, list] of Object.entries(values)) for (const value of list) accumulate(totals[name as 'lossPercent'], value);
  return totals;
}

const ids = { mediaLegId: '0a1b2c3d-1111-4222-8333-444455556666', deviceName: 'Cisco SX80', deviceDescription: 'Bldg 30/21' };

describe('report builder (graph-api.md §1.2–1.4, devices-and-thresholds.md §3.6)', () => {
  const legs = [
    leg('audio', 'inbound', 1, { lossPercent: [0, 2, 10], jitterMs: [5, 7, 9], maxJitterMs: [8, 30, 12], packets: [250, 500, 750] },
      { localAddress: '10.1.2.3:5004', remoteAddress: '[2001:db8::7]:40000' }),
    leg('audio', 'outbound', 1, { lossPercent: [0.5], roundTripMs: [40, 60], packets: [800] }),
    leg('video', 'inbound', 2, { lossPercent: [1], bitRate: [2_000_000, 1_000_000], frameRate: [30, 15] }),
    leg('video', 'inbound', 5, { frameRate: [25] }),
    leg('screenSharing', 'outbound', 3, { frameRate: [5] }, { sampleCount: 1, lastAtMs: T0 }),
  ];
  const body = buildQualityReport({ legs, ...ids });

  it('is a valid draft (no Teams ids yet) and a valid full report once they are known', () => {
    expect(validate(teleconferenceDeviceQualityDraftSchema, body)).toMatchObject({ ok: true });
    const full = buildQualityReport({ legs, ...ids, callChainId: 'f1b2c3d4-0000-4000-8000-000000000001', participantId: 'a1b2c3d4-0000-4000-8000-000000000002' });
    expect(validate(teleconferenceDeviceQualitySchema, full)).toMatchObject({ ok: true });
    expect(body['@odata.type']).toBe(ODATA_TYPE.quality);
    expect(body).not.toHaveProperty('callChainId');
  });

  it('has one item per modality and channel, indexes from 1 per modality, both directions in one item', () => {
    expect(body.mediaQualityList.map((item) => [item['@odata.type'], item.channelIndex])).toEqual([
      [ODATA_TYPE.audio, 1], [ODATA_TYPE.video, 1], [ODATA_TYPE.video, 2], [ODATA_TYPE.screenSharing, 1],
    ]);
    const audio = body.mediaQualityList[0]!;
    expect(audio.averageInboundPacketLossRateInPercentage).toBe(4);
    expect(audio.maximumInboundPacketLossRateInPercentage).toBe(10);
    expect(audio.averageOutboundPacketLossRateInPercentage).toBe(0.5);
    expect(audio.inboundPackets).toBe(750);
    expect(audio.outboundPackets).toBe(800);
  });

  it('converts delays to ISO 8601 durations: average of Jitter, maximum of MaxJitter', () => {
    const audio = body.mediaQualityList[0]!;
    expect(audio.averageInboundJitter).toBe('PT0.007S');
    expect(audio.maximumInboundJitter).toBe('PT0.03S');
    expect(audio.averageOutboundRoundTripDelay).toBe('PT0.05S');
    expect(audio.maximumOutboundRoundTripDelay).toBe('PT0.06S');
    expect(isoDurationToMs(audio.mediaDuration!)).toBe(60_000); // 55 s span of 12 samples + one 5 s interval
  });

  it('leaves unmeasured metrics out instead of zero', () => {
    const audio = body.mediaQualityList[0]!;
    expect(audio).not.toHaveProperty('averageInboundRoundTripDelay');
    expect(audio).not.toHaveProperty('averageInboundBitRate');
    const share = body.mediaQualityList[3]!;
    expect(share).not.toHaveProperty('mediaDuration'); // one sample: no interval to measure
    expect(share).not.toHaveProperty('averageOutboundPacketLossRateInPercentage');
  });

  it('reports bit and frame rate for video and screen sharing only', () => {
    const video = body.mediaQualityList[1] as Record<string, unknown>;
    expect(video.averageInboundBitRate).toBe(1_500_000);
    expect(video.averageInboundFrameRate).toBe(22.5);
    expect((body.mediaQualityList[3] as Record<string, unknown>).averageOutboundFrameRate).toBe(5);
  });

  it('splits addresses into IP and port', () => {
    expect(body.mediaQualityList[0]).toMatchObject({ localIPAddress: '10.1.2.3', localPort: 5004, remoteIPAddress: '2001:db8::7', remotePort: 40000 });
  });

  it('falls back on blank names and keeps them within Graph limits', () => {
    const report = buildQualityReport({ legs, ...ids, deviceName: '  ', deviceDescription: 'x'.repeat(300) });
    expect(report.deviceName).toBe('Unknown device');
    expect(report.deviceDescription).toHaveLength(256);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSampleMapper, lossPercentOf, modalityOf } from '../../../electron/core/devices/cisco/mapping';
import { parseMediaChannels, type CiscoChannel } from '../../../electron/core/devices/cisco/xml';
import { liveSampleSchema } from '../../../shared/domain/samples';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/cisco/${name}`, import.meta.url), 'utf8');
const context = { roomId: 'bldg-30', deviceId: 'sx80', at: '2025-03-01T10:00:05.000Z' };

const channel = (fields: Partial<CiscoChannel>): CiscoChannel => ({
  item: 1, type: 'Video', direction: 'Incoming', audioRole: undefined, videoRole: 'Main', protocol: 'H264', frameRate: 30, netstat: {}, ...fields,
});

describe('Cisco → live samples (devices-and-thresholds.md §3.6)', () => {
  it('loss % per interval from LastIntervalLost / (lost + received), never the cumulative Loss', () => {
    expect(lossPercentOf({ lastIntervalLost: 6, lastIntervalReceived: 244, loss: 31 })).toBeCloseTo(2.4, 10);
    expect(lossPercentOf({ lastIntervalLost: 0, lastIntervalReceived: 0, loss: 31 })).toBeUndefined();
    expect(lossPercentOf({ loss: 31 })).toBeUndefined();
    expect(lossPercentOf({ lastIntervalLost: 250, lastIntervalReceived: 0 })).toBe(100);
  });

  it.each([
    [{ type: 'Audio', audioRole: 'Main' }, 'audio'],
    [{ type: 'Audio', audioRole: 'Presentation' }, 'audio'],
    [{ type: 'Video', videoRole: 'Main' }, 'video'],
    [{ type: 'Video', videoRole: 'Presentation' }, 'screenSharing'],
    [{ type: 'Data' }, undefined],
  ] as const)('maps %o to %s', (fields, modality) => {
    expect(modalityOf(channel(fields))).toBe(modality);
  });

  it('maps a CE 9 call: every metric, no round trip, no Data channel', () => {
    const samples = createSampleMapper().map(parseMediaChannels(fixture('ce9-mediachannels.xml')), context);
    expect(samples.map((s) => `${s.modality}/${s.direction}/${s.channelIndex}`)).toEqual([
      'audio/inbound/1', 'audio/outbound/1', 'video/inbound/1', 'video/outbound/1', 'screenSharing/inbound/1',
    ]);
    expect(samples[0]).toEqual({
      ...context, callId: '3', modality: 'audio', direction: 'inbound', channelIndex: 1,
      lossPercent: 2.4, jitterMs: 7, maxJitterMs: 12, packets: 4712, bitRate: 64000,
    });
    expect(samples[4]).toMatchObject({ lossPercent: 10, frameRate: 5, bitRate: 768000 });
    expect(samples.every((s) => s.roundTripMs === undefined)).toBe(true);
    for (const sample of samples) expect(liveSampleSchema.safeParse(sample).success).toBe(true);
  });

  it('maps a RoomOS 11 call with round trip; an idle channel has no loss figure', () => {
    const samples = createSampleMapper().map(parseMediaChannels(fixture('roomos11-mediachannels.xml')), context);
    expect(samples.find((s) => s.modality === 'audio' && s.direction === 'outbound')!.roundTripMs).toBe(87);
    expect(samples.find((s) => s.modality === 'audio' && s.direction === 'inbound')!.lossPercent).toBe(12);
    const idleVideo = samples.find((s) => s.modality === 'video' && s.direction === 'inbound')!;
    expect(idleVideo).not.toHaveProperty('lossPercent');
    expect(idleVideo.frameRate).toBe(0);
    expect(samples.find((s) => s.modality === 'screenSharing')).toMatchObject({ direction: 'outbound', channelIndex: 1, roundTripMs: 95 });
  });

  it('skips an interval it has already read (a poll faster than Netstat refreshes)', () => {
    const mapper = createSampleMapper();
    const calls = parseMediaChannels(fixture('ce9-mediachannels.xml'));
    expect(mapper.map(calls, context)).toHaveLength(5);
    expect(mapper.map(calls, context)).toHaveLength(0);
    mapper.forgetCall('3');
    expect(mapper.map(calls, context)).toHaveLength(5);
  });

  it('numbers channels per modality and direction, stable as channels come and go', () => {
    const mapper = createSampleMapper();
    const first = mapper.map([{ callId: '1', channels: [channel({ item: 20, netstat: { packets: 1 } })] }], context);
    const second = mapper.map(
      [{ callId: '1', channels: [channel({ item: 10, netstat: { packets: 5 } }), channel({ item: 20, netstat: { packets: 2 } })] }],
      context,
    );
    expect(first.map((s) => s.channelIndex)).toEqual([1]);
    expect(second.map((s) => s.channelIndex)).toEqual([2, 1]);
  });
});

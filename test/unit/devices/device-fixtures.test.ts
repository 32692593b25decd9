/**
 * The collectors' parsers against fixtures with the quirks real codecs show (each fixture says it is
 * hand-written; see the READMEs beside them): large, not 1-based ids, Data channels, an inactive
 * presentation channel, counters beyond 32 bits, empty elements, outgoing channels with receive fields,
 * partial WebSocket pushes and ghosts, Poly's id 0, multipoint entries and unknown fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFeedbackState } from '../../../electron/core/devices/cisco/feedback-state';
import { createSampleMapper } from '../../../electron/core/devices/cisco/mapping';
import { parseMediaChannels } from '../../../electron/core/devices/cisco/xml';
import { deviceNameOf, parseConferences, parseContentStats, parseMediaStats, parseSystem, statsToSamples } from '../../../electron/core/devices/poly/api';
import { liveSampleSchema } from '../../../shared/domain/samples';

const read = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const context = { roomId: 'b30', deviceId: 'kit', at: '2026-03-01T10:00:00Z' };

describe('Cisco MediaChannels quirks (hand-written fixture)', () => {
  const calls = parseMediaChannels(read('cisco/roomos11-quirks-mediachannels.xml'));

  it('keeps the codec’s own ids, counters beyond 32 bits, and an empty element as not measured', () => {
    expect(calls.map((call) => call.callId)).toEqual(['26']);
    const channels = calls[0]!.channels;
    expect(channels.map((channel) => channel.item)).toEqual([415, 416, 417, 418, 419, 420, 421, 422]);
    expect(channels.find((channel) => channel.item === 417)!.netstat.bytes).toBe(7_860_147_264);
    expect(channels.find((channel) => channel.item === 415)!.netstat.jitter).toBeUndefined();
  });

  it('maps to legs numbered from 1 per modality and direction; Data and the inactive presentation make none', () => {
    const samples = createSampleMapper().map(calls, context);
    expect(samples.map((sample) => `${sample.modality}/${sample.direction}/${sample.channelIndex}`)).toEqual([
      'audio/inbound/1', 'audio/outbound/1', 'video/inbound/1', 'video/outbound/1', 'screenSharing/outbound/1',
    ]);
    for (const sample of samples) expect(liveSampleSchema.safeParse(sample).success).toBe(true);
    const audioIn = samples[0]!;
    expect(audioIn).not.toHaveProperty('jitterMs'); // <Jitter/>: not measured, never 0
    expect(audioIn.lossPercent).toBeCloseTo((2 / 250) * 100, 6);
    // An outgoing channel's receive-side fields are the far end's report of what it received.
    expect(samples[3]!.lossPercent).toBeCloseTo((3 / 1500) * 100, 6);
    expect(samples[4]).toMatchObject({ frameRate: 5, bitRate: 410_000, roundTripMs: 64 });
  });
});

describe('Cisco WebSocket feedback quirks (hand-written fixture)', () => {
  const { events } = JSON.parse(read('cisco/roomos11-quirks-feedback.json')) as { events: Record<string, unknown>[] };

  it('merges partial pushes, reads a number sent as a string, drops ghosts', () => {
    const state = createFeedbackState();
    state.apply(events[0]!);
    state.apply(events[1]!);
    const mapper = createSampleMapper();
    const first = mapper.map(state.media(), context);
    expect(first.map((sample) => `${sample.modality}/${sample.direction}`)).toEqual(['audio/inbound', 'video/inbound', 'screenSharing/outbound']);
    expect(first[0]!.jitterMs).toBe(5);
    state.apply(events[2]!);
    const video = state.media()[0]!.channels.find((channel) => channel.item === 417)!;
    expect(video.netstat).toMatchObject({ bytes: 7_860_147_264, jitter: 8, lastIntervalReceived: 2650, maxJitter: 19 });
    expect(state.media()[0]!.channels.map((channel) => channel.item)).not.toContain(420);
    expect(state.calls()).toEqual([{ callId: '26', status: 'Connected', durationSeconds: 1830 }]);
    state.apply(events[3]!);
    expect(state.calls()).toEqual([]);
  });
});

describe('Poly VideoOS quirks (hand-written fixtures)', () => {
  it('conference 0 is a call; unknown fields are ignored', () => {
    expect(parseConferences(JSON.parse(read('poly/conferences.json')))).toEqual([
      { id: 0, isActive: true, startTime: 1718870400000, connections: [{ id: 3, address: '123456789.abc@t.example.vc', startTime: 1718870400000 }] },
    ]);
    expect(deviceNameOf(parseSystem(JSON.parse(read('poly/system.json'))))).toBe('Poly StudioX30');
  });

  it('maps streams per modality and direction, keeps multipoint entries apart, never sums or invents', () => {
    const stats = parseMediaStats(JSON.parse(read('poly/mediastats.json')));
    const samples = statsToSamples({ ...context, callId: '0' }, stats, parseContentStats(JSON.parse(read('poly/content.json'))));
    expect(samples.map((sample) => `${sample.modality}/${sample.direction}/${sample.channelIndex}`)).toEqual([
      'audio/inbound/1', 'audio/outbound/1', 'video/inbound/1', 'video/inbound/2', 'video/outbound/1', 'screenSharing/inbound/1', 'screenSharing/outbound/1',
    ]);
    for (const sample of samples) expect(liveSampleSchema.safeParse(sample).success).toBe(true);
    expect(samples[0]).toMatchObject({ lossPercent: 3.85, jitterMs: 12, bitRate: 64_000 });
    expect(samples[0]).not.toHaveProperty('frameRate'); // audio
    expect(samples[3]).toMatchObject({ lossPercent: 1.2, frameRate: 6, bitRate: 512_000 });
    expect(samples[3]).not.toHaveProperty('jitterMs'); // missing: not measured, never 0
    expect(samples[6]).toMatchObject({ modality: 'screenSharing', direction: 'outbound', frameRate: 15, bitRate: 768_000 });
    for (const sample of samples) expect(sample).not.toHaveProperty('roundTripMs');
  });
});

import { describe, expect, it } from 'vitest';
import { liveSampleSchema, liveSamplesBodySchema, parseEndpointAddress } from '../../../shared/domain/samples';
import { validate } from '../../../shared/validation';

const sample = {
  roomId: 'bldg-30', deviceId: 'sx80', callId: '3', modality: 'audio', direction: 'inbound', channelIndex: 1,
  at: '2025-03-01T10:00:05Z', lossPercent: 2.4, jitterMs: 7,
};

const paths = (input: unknown): string[] => {
  const result = validate(liveSamplesBodySchema, input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
};

describe('live samples (POST /api/v1/samples body)', () => {
  it('accepts one sample, an array and { samples }, always as an array', () => {
    for (const body of [sample, [sample, sample], { samples: [sample] }]) {
      const result = validate(liveSamplesBodySchema, body);
      expect(result.ok && Array.isArray(result.value)).toBe(true);
    }
  });

  it('keeps missing metrics absent (never zero-filled)', () => {
    const { jitterMs: _jitter, ...withoutJitter } = sample;
    const parsed = liveSampleSchema.parse(JSON.parse(JSON.stringify(withoutJitter)));
    expect('jitterMs' in parsed).toBe(false);
    expect(parsed).not.toHaveProperty('roundTripMs');
  });

  it.each([
    ['loss above 100 %', { ...sample, lossPercent: 101 }, 'lossPercent: must be between 0 and 100 (percent)'],
    ['negative jitter', { ...sample, jitterMs: -1 }, 'jitterMs: must be between 0 and 60000 ms'],
    ['channel index 0', { ...sample, channelIndex: 0 }, 'channelIndex: must be an integer ≥ 1'],
    ['fractional packets', { ...sample, packets: 1.5 }, 'packets: must be a non-negative integer'],
    ['null metric', { ...sample, roundTripMs: null }, 'roundTripMs: must not be null'],
    ['unknown modality', { ...sample, modality: 'data' }, 'modality: must be "audio" or "video" or "screenSharing"'],
    ['a typo', { ...sample, jiterMs: 3 }, 'jiterMs: unknown property'],
    ['a date without zone', { ...sample, at: '2025-03-01 10:00' }, 'at: must be an ISO 8601 date-time such as 2025-01-31T10:15:00Z'],
    ['a bad address', { ...sample, remoteAddress: '10.0.0.300:5004' }, expect.stringMatching(/^remoteAddress: must be an IPv4 or IPv6/)],
    ['a bad room id', { ...sample, roomId: 'a b' }, 'roomId: must be 1–64 letters, digits, dot, dash or underscore'],
  ])('refuses %s, naming the field', (_name, body, message) => {
    expect(paths(body)).toEqual([message]);
  });

  it('keeps each issue at its own path in arrays and wrappers', () => {
    expect(paths([sample, { ...sample, lossPercent: 'x' }])).toEqual(['[1].lossPercent: must be a number']);
    expect(paths({ samples: [{ ...sample, direction: 'up' }] })).toEqual(['samples[0].direction: must be "inbound" or "outbound"']);
    expect(paths({ samples: [sample], extra: 1 })).toEqual(['extra: unknown property']);
  });

  it('limits a body to 1,000 samples and refuses an empty one', () => {
    expect(paths(Array(1_001).fill(sample))).toEqual([': must contain at most 1000 samples']);
    expect(paths([])).toEqual([': must contain at least one sample']);
    expect(paths(Array(1_000).fill(sample))).toEqual([]);
  });

  it.each([
    ['10.0.0.5', { ip: '10.0.0.5' }],
    ['10.0.0.5:5004', { ip: '10.0.0.5', port: 5004 }],
    ['[2001:db8::1]:6000', { ip: '2001:db8::1', port: 6000 }],
    ['2001:db8::1', { ip: '2001:db8::1' }],
    ['::ffff:10.0.0.1', { ip: '::ffff:10.0.0.1' }],
    ['10.0.0.5:70000', undefined],
    ['[10.0.0.5]:80', undefined],
    ['codec.example.com:443', undefined],
  ])('parses endpoint address %s', (text, expected) => {
    expect(parseEndpointAddress(text)).toEqual(expected);
  });
});

// ms ↔ ISO 8601 duration (shared/graph/duration.ts): exact on whole milliseconds, OData durationValue input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isIsoDuration, isoDurationProblem, isoDurationToMs, msToIsoDuration } from '../../../shared/graph/duration';

const MS_PER_HOUR = 3_600_000;

describe('msToIsoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [15, 'PT0.015S'],
    [30, 'PT0.03S'],
    [500, 'PT0.5S'],
    [1_000, 'PT1S'],
    [60_000, 'PT1M'],
    [1_200_000, 'PT20M'],
    [3_600_000, 'PT1H'],
    [3_723_500, 'PT1H2M3.5S'],
    [3_600_001, 'PT1H0.001S'],
    [90_000_000, 'PT25H'],
  ])('%d ms → %s', (ms, iso) => {
    expect(msToIsoDuration(ms)).toBe(iso);
  });

  it('rounds fractions of a millisecond to the nearest ms', () => {
    expect(msToIsoDuration(14.6)).toBe('PT0.015S');
    expect(msToIsoDuration(14.4)).toBe('PT0.014S');
    expect(msToIsoDuration(0.4)).toBe('PT0S');
  });

  it.each([[-1], [-0.6], [Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY], [2 ** 60]])(
    'throws RangeError for %d',
    (ms) => {
      expect(() => msToIsoDuration(ms)).toThrow(RangeError);
    },
  );
});

describe('isoDurationToMs', () => {
  it.each([
    ['PT0S', 0],
    ['PT0.015S', 15],
    ['PT0.03S', 30],
    ['PT20M', 1_200_000],
    ['PT1H2M3.5S', 3_723_500],
    ['P1D', 86_400_000],
    ['P1DT1H', 90_000_000],
    ['PT25H', 90_000_000],
    ['PT0.0150000S', 15], // .NET TimeSpan, 7 digits
    ['PT0.0004999S', 0], // rounded half up to whole ms
    ['PT0.0005S', 1],
    ['PT0.0015S', 2],
    ['PT59.9996S', 60_000],
    ['PT90M', 5_400_000], // components need not be normalised
  ])('%s → %d ms', (iso, ms) => {
    expect(isoDurationToMs(iso)).toBe(ms);
  });

  it.each([
    ['-PT1S', /negative/],
    ['PT-1S', /negative/],
    ['P-1D', /negative/],
    ['PT', /no components/],
    ['P', /no components/],
    ['P1DT', /"T" with no time components/],
    ['P1Y', /years and months/],
    ['P2M', /years and months/],
    ['P1Y2M3DT4H', /years and months/],
    ['PT0.12345678S', /7 fractional digits/],
    ['', /not an ISO 8601 duration/],
    ['0.015', /not an ISO 8601 duration/],
    ['PT.5S', /not an ISO 8601 duration/],
    ['PT1.S', /not an ISO 8601 duration/],
    ['PT1.5M', /not an ISO 8601 duration/],
    ['pt1s', /not an ISO 8601 duration/],
    [' PT1S', /not an ISO 8601 duration/],
    ['PT1S2M', /not an ISO 8601 duration/],
    ['P1W', /not an ISO 8601 duration/],
    ['PT99999999999999999999S', /too large/],
  ])('rejects %j with a clear reason', (iso, reason) => {
    expect(() => isoDurationToMs(iso)).toThrow(RangeError);
    expect(() => isoDurationToMs(iso)).toThrow(reason);
    expect(isIsoDuration(iso)).toBe(false);
    expect(isoDurationProblem(iso)).toMatch(reason);
  });

  it('rejects non-strings at run time', () => {
    expect(() => isoDurationToMs(15 as unknown as string)).toThrow(RangeError);
    expect(isIsoDuration(15)).toBe(false);
    expect(isIsoDuration(null)).toBe(false);
  });

  it('isIsoDuration / isoDurationProblem accept valid strings', () => {
    expect(isIsoDuration('PT0.015S')).toBe(true);
    expect(isoDurationProblem('PT0.015S')).toBeUndefined();
  });
});

describe('properties', () => {
  it('round-trips every whole ms in [0, 1e10]: isoDurationToMs(msToIsoDuration(ms)) === ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (ms) => {
        expect(isoDurationToMs(msToIsoDuration(ms))).toBe(ms);
      }),
      { numRuns: 2_000 },
    );
  });

  it('formats without float noise: at most 3 fractional digits, largest unit hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (ms) => {
        expect(msToIsoDuration(ms)).toMatch(/^PT(?:\d+H)?(?:[1-5]?\dM)?(?:[1-5]?\d(?:\.\d{0,2}[1-9])?S)?$/);
      }),
    );
  });

  it('parses strings built from D/H/M/S components to the expected ms', () => {
    const component = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined });
    fc.assert(
      fc.property(
        component,
        component,
        component,
        component,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 4 }),
        (days, hours, minutes, seconds, millis, extraZeros) => {
          // Fraction written as exactly the ms (3 digits) padded with up to 4 zeros: no rounding involved.
          const fraction = millis > 0 ? `.${String(millis).padStart(3, '0')}${'0'.repeat(extraZeros)}` : '';
          const hasSeconds = seconds !== undefined || fraction !== '';
          const time =
            (hours !== undefined ? `${hours}H` : '') +
            (minutes !== undefined ? `${minutes}M` : '') +
            (hasSeconds ? `${seconds ?? 0}${fraction}S` : '');
          fc.pre(days !== undefined || time !== '');
          const iso = `P${days !== undefined ? `${days}D` : ''}${time !== '' ? `T${time}` : ''}`;
          const expected =
            (days ?? 0) * 24 * MS_PER_HOUR +
            (hours ?? 0) * MS_PER_HOUR +
            (minutes ?? 0) * 60_000 +
            (seconds ?? 0) * 1_000 +
            (fraction !== '' ? millis : 0);
          expect(isoDurationToMs(iso)).toBe(expected);
        },
      ),
    );
  });

  it('rounds 7-digit tick fractions half up, like BigInt arithmetic on 100 ns ticks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 1_000 }), (ticks, seconds) => {
        const iso = `PT${seconds}.${String(ticks).padStart(7, '0')}S`;
        const expected = BigInt(seconds) * 1000n + (BigInt(ticks) + 5_000n) / 10_000n;
        expect(isoDurationToMs(iso)).toBe(Number(expected));
      }),
    );
  });
});

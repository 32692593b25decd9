import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffCeilingMs, backoffDelayMs, retryDelayMs } from '../../../electron/core/outbox/index';

describe('retry delay', () => {
  it('doubles from 5 s and stops at 15 min', () => {
    expect([1, 2, 3, 4, 8, 9, 10, 1_000].map((n) => backoffCeilingMs(n, DEFAULT_BACKOFF))).toEqual([5_000, 10_000, 20_000, 40_000, 640_000, 900_000, 900_000, 900_000]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, () => 0, DEFAULT_BACKOFF)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5, DEFAULT_BACKOFF)).toBe(10_000);
    expect(backoffDelayMs(3, () => 0.999_999, DEFAULT_BACKOFF)).toBeLessThan(20_000);
  });

  it('uses Retry-After when given, uncapped, in place of backoff', () => {
    expect(retryDelayMs(1, 600_000, () => 0.5)).toBe(600_000);
    expect(retryDelayMs(30, 3_600_000, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1, 0, () => 0.5)).toBe(0);
    expect(retryDelayMs(2, undefined, () => 0.5)).toBe(5_000);
  });

  it('is always within [0, 15 min) without Retry-After', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = retryDelayMs(attempt, undefined, () => r);
        return Number.isInteger(delay) && delay >= 0 && delay < 900_000;
      }),
    );
  });
});

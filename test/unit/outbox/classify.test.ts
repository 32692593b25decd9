import { describe, expect, it } from 'vitest';
import type { GraphErrorInfo } from '../../../electron/core/graph/errors';
import { classifyFailure } from '../../../electron/core/sync/classify';
import { TokenBucket } from '../../../electron/core/sync/index';

const half = () => 0.5;
const info = (fields: Partial<GraphErrorInfo> & Pick<GraphErrorInfo, 'kind'>): GraphErrorInfo => ({ code: 'c', message: 'm', retryable: false, ...fields });

describe('what a failed send means', () => {
  it.each([
    ['429 with Retry-After 600 s', info({ kind: 'http', status: 429, retryable: true, retryAfterMs: 600_000 }), { action: 'retry', delayMs: 600_000, routePause: { cause: 'throttled', forMs: 600_000, requestedMs: 600_000 } }],
    ['429 with Retry-After 100000000 s: capped at 1 h', info({ kind: 'http', status: 429, retryable: true, retryAfterMs: 100_000_000_000 }), { action: 'retry', delayMs: 3_600_000, routePause: { cause: 'throttled', forMs: 3_600_000, requestedMs: 100_000_000_000 } }],
    ['429 without Retry-After', info({ kind: 'http', status: 429, retryable: true }), { action: 'retry', delayMs: 2_500, routePause: { cause: 'throttled', forMs: 2_500 } }],
    ['503 with Retry-After', info({ kind: 'http', status: 503, retryable: true, retryAfterMs: 1_000 }), { action: 'retry', delayMs: 1_000, routePause: { cause: 'throttled', forMs: 1_000, requestedMs: 1_000 } }],
    ['503 without Retry-After', info({ kind: 'http', status: 503, retryable: true }), { action: 'retry', delayMs: 2_500 }],
    ['408', info({ kind: 'http', status: 408, retryable: true }), { action: 'retry', delayMs: 2_500 }],
    ['timeout', info({ kind: 'timeout', retryable: true }), { action: 'retry', delayMs: 2_500 }],
    ['connection reset', info({ kind: 'network', retryable: true }), { action: 'retry', delayMs: 2_500, routePause: { cause: 'offline' } }],
    ['400', info({ kind: 'http', status: 400 }), { action: 'failed' }],
    ['404', info({ kind: 'http', status: 404 }), { action: 'failed' }],
    ['403 naming a permission', info({ kind: 'http', status: 403, missingPermission: 'Calls.AccessMedia.All' }), { action: 'defer', cause: 'missing_permission', permission: 'Calls.AccessMedia.All' }],
    ['403 without one', info({ kind: 'http', status: 403 }), { action: 'failed' }],
    ['401 after the refresh', info({ kind: 'http', status: 401 }), { action: 'defer', cause: 'auth' }],
    ['no token', info({ kind: 'auth' }), { action: 'defer', cause: 'auth' }],
    ['not in this cloud', info({ kind: 'unavailable' }), { action: 'defer', cause: 'unavailable' }],
    ['not a GraphError', undefined, { action: 'retry', delayMs: 2_500 }],
  ])('%s', (_name, error, decision) => {
    expect(classifyFailure(error, 1, half)).toEqual(decision);
  });

  it('a Retry-After past the given ceiling (the report expires sooner) waits only until the ceiling', () => {
    const throttled = info({ kind: 'http', status: 503, retryable: true, retryAfterMs: 7_200_000 });
    expect(classifyFailure(throttled, 1, half, undefined, 120_000)).toEqual({ action: 'retry', delayMs: 120_000, routePause: { cause: 'throttled', forMs: 120_000, requestedMs: 7_200_000 } });
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(10, 2, () => nowMs);
    expect(bucket.available()).toBe(2);
    bucket.take(2);
    expect(bucket.available()).toBe(0);
    expect(bucket.msUntilNext()).toBe(100);
    nowMs += 100;
    expect(bucket.available()).toBe(1);
    nowMs += 10_000;
    expect(bucket.available()).toBe(2);
  });

  it('refuses a rate or burst that cannot work', () => {
    expect(() => new TokenBucket(0, 1, () => 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, () => 0)).toThrow(RangeError);
  });
});

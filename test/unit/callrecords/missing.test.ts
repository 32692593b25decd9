import { describe, expect, it } from 'vitest';
import { MATCH_WINDOW_MS, missingStatus } from '../../../electron/core/callrecords/missing';

describe('a callRecord not published yet', () => {
  const callEndedAtMs = Date.parse('2026-01-10T10:00:00Z');
  const FIRST_RETRY_MS = 2 * 60_000;

  it('is looked for again with backoff up to 2.5 h after the call, then left to the list refresh', () => {
    const early = missingStatus({ id: 'r', nowMs: callEndedAtMs + 60_000, callEndedAtMs, firstRetryMs: FIRST_RETRY_MS });
    expect(early).toMatchObject({ availability: 'not_available_yet', nextCheckAtMs: callEndedAtMs + 60_000 + FIRST_RETRY_MS });
    // 2 h 20 min after the call, the hourly backoff's next check would fall past 2.5 h: no automatic check.
    const late = missingStatus({ id: 'r', nowMs: callEndedAtMs + MATCH_WINDOW_MS - 10 * 60_000, callEndedAtMs, previous: { ...early, checkCount: 8 }, firstRetryMs: FIRST_RETRY_MS });
    expect(late.availability).toBe('not_available_yet');
    expect(late.nextCheckAtMs).toBeUndefined();
    expect(late.message).toMatch(/2\.5 hours/);
  });
});

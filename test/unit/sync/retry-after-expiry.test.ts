/**
 * The Retry-After ceiling near a report's expiry: the wait ends before the report would expire (so it gets
 * one more try), but never below a minute (a throttled route must not turn into a tight loop).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flush } from '../outbox/support/fake-clock';
import { workerFixture, type WorkerFixture } from '../outbox/support/worker';

const DAY_MS = 86_400_000;
const MAX_AGE_MS = 7 * DAY_MS; // the outbox default

describe('Retry-After near the report expiry', () => {
  let f: WorkerFixture;
  afterEach(() => f.teardown());

  async function throttledAt(ageMs: number, retryAfterMs: number): Promise<{ createdAtMs: number; failedAtMs: number; nextAttemptAtMs: number; reason: string }> {
    f = workerFixture();
    const createdAtMs = f.clock.nowMs;
    const [id] = f.enqueue(1);
    f.clock.nowMs = createdAtMs + ageMs;
    f.worker.start();
    const failedAtMs = f.clock.nowMs;
    f.sender.open()[0]!.fail({ kind: 'http', status: 429, code: 'TooManyRequests', retryable: true, retryAfterMs });
    await flush();
    const report = f.outbox.get(id!)!;
    expect(report.attempts[0]).toMatchObject({ outcome: 'retry', retryAfterMs });
    return { createdAtMs, failedAtMs, nextAttemptAtMs: report.nextAttemptAtMs!, reason: f.worker.snapshot().reason };
  }

  it('a report 10 minutes from expiry asked to wait 2 h retries at its expiry, not after it', async () => {
    const { createdAtMs, failedAtMs, nextAttemptAtMs, reason } = await throttledAt(MAX_AGE_MS - 10 * 60_000, 2 * 3_600_000);
    expect(nextAttemptAtMs).toBe(createdAtMs + MAX_AGE_MS);
    expect(nextAttemptAtMs - failedAtMs).toBe(10 * 60_000);
    expect(reason).toMatch(/\(Retry-After 7200 s, capped at 600 s\)$/);
  });

  it('a report seconds from expiry still waits a minute', async () => {
    const { failedAtMs, nextAttemptAtMs } = await throttledAt(MAX_AGE_MS - 5_000, 3_600_000);
    expect(nextAttemptAtMs - failedAtMs).toBe(60_000);
  });

  it('a young report waits at most an hour however long Graph asks', async () => {
    const { failedAtMs, nextAttemptAtMs, reason } = await throttledAt(0, 100_000_000_000);
    expect(nextAttemptAtMs - failedAtMs).toBe(3_600_000);
    expect(reason).toMatch(/\(Retry-After 100000000 s, capped at 3600 s\)$/);
  });

  it('a Retry-After under the ceiling is honoured exactly and shown as sent', async () => {
    const { failedAtMs, nextAttemptAtMs, reason } = await throttledAt(DAY_MS, 120_000);
    expect(nextAttemptAtMs - failedAtMs).toBe(120_000);
    expect(reason).toMatch(/\(Retry-After 120 s\)$/);
  });
});

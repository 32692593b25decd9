import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptFailure } from '../../../electron/core/outbox/index';
import { completeQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

const http503: AttemptFailure = { kind: 'http', status: 503, code: 'serviceNotAvailable', message: 'busy', requestId: 'rq-1', retryAfterMs: 2_000, durationMs: 12 };
const http400: AttemptFailure = { kind: 'http', status: 400, code: 'BadRequest', message: 'Invalid quality', requestId: 'rq-2', durationMs: 9 };

describe('outbox delivery transitions', () => {
  let f: OutboxFixture;
  beforeEach(() => {
    f = outboxFixture();
  });
  afterEach(() => f.temp.cleanup());

  function enqueue(count: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      ids.push(f.outbox.enqueue({ body: completeQuality(`r${i}`), source: 'ingest' }).id);
      f.clock.nowMs += 1;
    }
    return ids;
  }

  it('claimDue moves due pending reports to in_flight, oldest due first, at most `limit`', () => {
    const ids = enqueue(5);
    const claimed = f.outbox.claimDue(3, f.clock.nowMs);
    expect(claimed.map((c) => c.id)).toEqual(ids.slice(0, 3));
    expect(f.outbox.stats().counts).toMatchObject({ pending: 2, in_flight: 3 });
    expect(claimed[0]!.body.deviceDescription).toBe('r0');
    expect(claimed[0]!.attemptNo).toBe(1);
    // Already claimed rows are not handed out twice.
    expect(f.outbox.claimDue(10, f.clock.nowMs).map((c) => c.id)).toEqual(ids.slice(3));
  });

  it('records the attempt and its client-request-id before anything is sent', () => {
    const [id] = enqueue(1);
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    const detail = f.outbox.get(id!)!;
    expect(detail.state).toBe('in_flight');
    expect(detail.attempts).toEqual([
      expect.objectContaining({ attemptNo: 1, outcome: 'in_flight', clientRequestId: claim!.clientRequestId, startedAtMs: f.clock.nowMs }),
    ]);
    expect(detail.lastError).toBeUndefined();
  });

  it('does not claim reports that are not due yet', () => {
    const [id] = enqueue(1);
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markRetry(claim!, f.clock.nowMs + 10_000, http503);
    expect(f.outbox.claimDue(1, f.clock.nowMs + 9_999)).toEqual([]);
    expect(f.outbox.nextDueAtMs()).toBe(f.clock.nowMs + 10_000);
    expect(f.outbox.claimDue(1, f.clock.nowMs + 10_000).map((c) => c.id)).toEqual([id]);
  });

  it('markSent: in_flight → sent, the attempt keeps status, request-id and duration', () => {
    const [id] = enqueue(1);
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.clock.nowMs += 40;
    expect(f.outbox.markSent(claim!, { status: 200, requestId: 'graph-req', durationMs: 40 })).toBe(true);
    const detail = f.outbox.get(id!)!;
    expect(detail).toMatchObject({ state: 'sent', sentAtMs: f.clock.nowMs, attemptCount: 1 });
    expect(detail.nextAttemptAtMs).toBeUndefined();
    expect(detail.attempts[0]).toMatchObject({ outcome: 'sent', httpStatus: 200, requestId: 'graph-req', durationMs: 40, finishedAtMs: f.clock.nowMs });
  });

  it('markRetry: in_flight → pending at the given time, with the error on the row and the attempt', () => {
    const [id] = enqueue(1);
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markRetry(claim!, f.clock.nowMs + 2_000, http503);
    const detail = f.outbox.get(id!)!;
    expect(detail).toMatchObject({
      state: 'pending',
      nextAttemptAtMs: f.clock.nowMs + 2_000,
      lastError: { httpStatus: 503, code: 'serviceNotAvailable', message: 'busy', requestId: 'rq-1', clientRequestId: claim!.clientRequestId, retryAfterMs: 2_000 },
    });
    expect(detail.attempts[0]).toMatchObject({ outcome: 'retry', httpStatus: 503, retryAfterMs: 2_000, nextAttemptAtMs: f.clock.nowMs + 2_000 });
  });

  it('markFailed: in_flight → failed (permanent) with the Graph error shown', () => {
    const [id] = enqueue(1);
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markFailed(claim!, http400);
    expect(f.outbox.get(id!)).toMatchObject({ state: 'failed', failedReason: 'permanent', lastError: { httpStatus: 400, code: 'BadRequest', message: 'Invalid quality' } });
  });

  it('markDeferred: back to pending in its old place in the queue (the worker paused, not the report)', () => {
    const [id] = enqueue(1);
    const dueAtMs = f.outbox.get(id!)!.nextAttemptAtMs;
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.clock.nowMs += 5;
    f.outbox.markDeferred(claim!, { kind: 'http', status: 403, code: 'Forbidden', message: 'no', durationMs: 3 });
    expect(f.outbox.get(id!)).toMatchObject({ state: 'pending', nextAttemptAtMs: dueAtMs });
    expect(f.outbox.get(id!)!.attempts[0]!.outcome).toBe('deferred');
  });

  it('ignores an answer for an attempt that is no longer the current one', () => {
    const [id] = enqueue(1);
    const [first] = f.outbox.claimDue(1, f.clock.nowMs);
    expect(f.outbox.recoverInFlight()).toBe(1);
    const [second] = f.outbox.claimDue(1, f.clock.nowMs);
    expect(f.outbox.markSent(first!, { status: 200, durationMs: 1 })).toBe(false);
    expect(f.outbox.get(id!)!.state).toBe('in_flight');
    expect(f.outbox.markFailed(second!, http400)).toBe(true);
  });

  it('recoverInFlight: in_flight → pending at start, attempt recorded as interrupted (traceable duplicate)', () => {
    const [a, b] = enqueue(2);
    const claims = f.outbox.claimDue(2, f.clock.nowMs);
    f.outbox.markSent(claims[0]!, { status: 200, durationMs: 1 });
    const reopened = f.reopen();
    expect(reopened.recoverInFlight()).toBe(1);
    expect(reopened.get(a!)!.state).toBe('sent');
    const detail = reopened.get(b!)!;
    expect(detail).toMatchObject({ state: 'pending', lastError: { code: 'interrupted' } });
    expect(detail.nextAttemptAtMs).toBeLessThanOrEqual(f.clock.nowMs);
    expect(detail.attempts).toEqual([expect.objectContaining({ outcome: 'interrupted', clientRequestId: claims[1]!.clientRequestId })]);
    const [again] = reopened.claimDue(1, f.clock.nowMs);
    expect(again).toMatchObject({ id: b, attemptNo: 2 });
    expect(again!.clientRequestId).not.toBe(claims[1]!.clientRequestId);
  });

  it('markInterrupted puts one report back to pending (clean stop)', () => {
    const [id] = enqueue(1);
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    expect(f.outbox.markInterrupted(claim!, 7)).toBe(true);
    expect(f.outbox.get(id!)!).toMatchObject({ state: 'pending', attempts: [expect.objectContaining({ outcome: 'interrupted', durationMs: 7 })] });
  });

  it('nextDueAtMs is undefined when nothing is pending', () => {
    expect(f.outbox.nextDueAtMs()).toBeUndefined();
    expect(f.outbox.claimDue(0, f.clock.nowMs)).toEqual([]);
  });
});

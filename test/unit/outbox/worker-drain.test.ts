import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../electron/core/outbox/index';
import type { SyncSnapshot } from '../../../electron/core/sync/index';
import { flush } from './support/fake-clock';
import { completeQuality } from './support/quality';
import { workerFixture, type WorkerFixture } from './support/worker';

describe('sync worker: draining', () => {
  let f: WorkerFixture;
  afterEach(() => f.teardown());

  it('drains every due report with at most `concurrency` requests in flight', async () => {
    f = workerFixture({ concurrency: 4 });
    f.enqueue(10);
    f.worker.start();
    expect(f.sender.open()).toHaveLength(4);
    let maxOpen = 0;
    while (f.sender.open().length > 0) {
      maxOpen = Math.max(maxOpen, f.sender.open().length);
      f.sender.open()[0]!.succeed();
      await flush();
    }
    await f.worker.whenIdle();
    expect(maxOpen).toBe(4);
    expect(f.sender.calls).toHaveLength(10);
    expect(f.outbox.stats().counts).toMatchObject({ sent: 10, pending: 0, in_flight: 0 });
    expect(f.worker.snapshot()).toMatchObject({ state: 'idle', reason: 'idle', lastSuccessAtMs: f.clock.nowMs, inFlight: 0 });
  });

  it('sends each attempt with the client-request-id recorded in the outbox', async () => {
    f = workerFixture();
    const [id] = f.enqueue(1);
    f.worker.start();
    const [call] = await f.sender.waitForCalls(1);
    expect(f.outbox.get(id!)!.attempts[0]!.clientRequestId).toBe(call!.clientRequestId);
    expect(call!.quality.deviceDescription).toBe('n0');
  });

  it('wakes on notify() when a report is enqueued, without waiting for a timer', async () => {
    f = workerFixture();
    f.worker.start();
    expect(f.sender.calls).toHaveLength(0);
    f.enqueue(1);
    f.worker.notify('enqueued');
    expect(f.sender.calls).toHaveLength(1);
  });

  it('finds reports made due by another process at the next poll', async () => {
    f = workerFixture({ pollIntervalMs: 5_000 });
    f.worker.start();
    createOutbox(f.temp.db, { now: f.clock.now }).enqueue({ body: completeQuality(), source: 'operator' });
    await f.clock.advance(4_999);
    expect(f.sender.calls).toHaveLength(0);
    await f.clock.advance(1);
    expect(f.sender.calls).toHaveLength(1);
  });

  it('keeps to the client-side rate limit', async () => {
    f = workerFixture({ concurrency: 4, rateLimitPerSecond: 2 });
    f.sender.autoAnswer = (call) => call.succeed();
    f.enqueue(10);
    f.worker.start();
    await flush();
    expect(f.sender.calls).toHaveLength(2); // burst = min(concurrency, rate)
    await f.clock.advance(500);
    expect(f.sender.calls).toHaveLength(3);
    await f.clock.advance(2_000);
    expect(f.sender.calls).toHaveLength(7);
  });

  it('recovers reports left in flight by a crash when it starts', async () => {
    f = workerFixture();
    const [id] = f.enqueue(1);
    f.outbox.claimDue(1, f.clock.nowMs);
    f.worker.start();
    const [call] = await f.sender.waitForCalls(1);
    call!.succeed();
    await f.worker.whenIdle();
    expect(f.outbox.get(id!)!.attempts.map((a) => a.outcome)).toEqual(['interrupted', 'sent']);
  });

  it('emits snapshots with counts, last success and backlog age, and attempt events', async () => {
    f = workerFixture();
    const snapshots: SyncSnapshot[] = [];
    f.worker.on('snapshot', (s) => snapshots.push(s));
    f.worker.on('snapshot', () => {
      throw new Error('a broken listener must not stop the worker');
    });
    const [a] = f.enqueue(2);
    f.clock.nowMs += 1_000;
    f.worker.start();
    await flush();
    expect(snapshots.at(-1)).toMatchObject({ state: 'running', inFlight: 2, oldestUnsentAgeMs: 1_002, counts: { in_flight: 2 } });
    f.sender.calls[0]!.succeed();
    f.sender.calls[1]!.succeed();
    await f.worker.whenIdle();
    await flush();
    expect(snapshots.at(-1)).toMatchObject({ state: 'idle', inFlight: 0, counts: { sent: 2 }, lastSuccessAtMs: f.clock.nowMs });
    expect(snapshots.at(-1)!.oldestUnsentAgeMs).toBeUndefined();
    expect(f.attempts[0]).toMatchObject({ reportId: a, outcome: 'sent', attemptNo: 1, httpStatus: 200 });
  });

  it('sends nothing while paused by the operator, and resumes', async () => {
    f = workerFixture();
    f.worker.start();
    f.worker.pause();
    f.enqueue(1);
    f.worker.notify();
    await f.clock.advance(60_000);
    expect(f.sender.calls).toHaveLength(0);
    expect(f.worker.snapshot()).toMatchObject({ state: 'paused', pausedByOperator: true, reason: 'paused by the operator' });
    f.worker.resume();
    expect(f.sender.calls).toHaveLength(1);
  });

  it('expires old reports during maintenance', async () => {
    f = workerFixture();
    f.worker.start();
    f.worker.pause();
    const [id] = f.enqueue(1);
    f.clock.nowMs += f.outbox.limits.maxAgeMs + 60_000;
    f.worker.resume();
    expect(f.outbox.get(id!)).toMatchObject({ state: 'failed', failedReason: 'expired' });
    expect(f.sender.calls).toHaveLength(0);
  });
});

describe('sync worker: stop', () => {
  let f: WorkerFixture;
  afterEach(() => f.temp.cleanup());

  it('stops taking work and waits for in-flight requests; the rest stay pending', async () => {
    f = workerFixture({ concurrency: 2 });
    f.enqueue(5);
    f.worker.start();
    const stopped = f.worker.stop({ timeoutMs: 10_000 });
    f.enqueue(1);
    f.worker.notify();
    for (const call of f.sender.open()) call.succeed();
    await expect(stopped).resolves.toEqual({ interrupted: 0 });
    expect(f.sender.calls).toHaveLength(2);
    expect(f.outbox.stats().counts).toMatchObject({ sent: 2, pending: 4, in_flight: 0 });
    expect(f.worker.snapshot()).toMatchObject({ state: 'stopped', counts: { sent: 2, pending: 4 } });
    expect(f.outbox.syncStatus()).toMatchObject({ state: 'stopped', reason: 'stopped', lastSuccessAtMs: f.clock.nowMs, updatedAtMs: f.clock.nowMs });
  });

  it('after the timeout aborts what is still in flight and puts it back to pending', async () => {
    f = workerFixture({ concurrency: 2 });
    const ids = f.enqueue(2);
    f.worker.start();
    const stopped = f.worker.stop({ timeoutMs: 1_000 });
    await f.clock.advance(1_000);
    await expect(stopped).resolves.toEqual({ interrupted: 2 });
    expect(f.sender.calls.every((call) => call.signal?.aborted)).toBe(true);
    for (const id of ids) expect(f.outbox.get(id)!).toMatchObject({ state: 'pending', attempts: [expect.objectContaining({ outcome: 'interrupted' })] });
    // A late answer for an abandoned attempt changes nothing.
    f.sender.calls[0]!.succeed();
    await flush();
    expect(f.outbox.get(ids[0]!)!.state).toBe('pending');
  });
});

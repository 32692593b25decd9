import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../electron/core/outbox/index';
import { flush } from './support/fake-clock';
import { workerFixture, type WorkerFixture } from './support/worker';

describe('sync worker: failures', () => {
  let f: WorkerFixture;
  afterEach(() => f.teardown());

  it('429 with Retry-After 600 s: the row waits 600 s and the WHOLE route pauses, no spinning', async () => {
    f = workerFixture({ concurrency: 4 });
    const ids = f.enqueue(5);
    f.worker.start();
    const [first, ...others] = f.sender.open();
    const t0 = f.clock.nowMs;
    first!.fail({ kind: 'http', status: 429, code: 'activityLimitReached', retryable: true, retryAfterMs: 600_000 });
    for (const call of others) call.succeed();
    await flush();
    expect(f.outbox.get(ids[0]!)).toMatchObject({ state: 'pending', nextAttemptAtMs: t0 + 600_000, lastError: { httpStatus: 429, retryAfterMs: 600_000 } });
    expect(f.worker.snapshot()).toMatchObject({ state: 'paused', pause: { cause: 'throttled', untilMs: t0 + 600_000 } });
    expect(f.worker.snapshot().reason).toMatch(/^paused: throttled by Graph until/);
    // The 5th report is due, but the route is paused: nothing is sent for 600 s.
    await f.clock.advance(599_999);
    expect(f.sender.calls).toHaveLength(4);
    expect(f.outbox.get(ids[0]!)!.attemptCount).toBe(1);
    // Then one probe, and after its success the rest.
    await f.clock.advance(1);
    expect(f.sender.open()).toHaveLength(1);
    f.sender.open()[0]!.succeed();
    await flush();
    f.sender.open()[0]!.succeed();
    await f.worker.whenIdle();
    expect(f.outbox.stats().counts.sent).toBe(5);
    expect(f.outbox.get(ids[0]!)!.attempts.map((a) => a.outcome)).toEqual(['retry', 'sent']);
  });

  it('503 then 200: retried after the jittered backoff', async () => {
    f = workerFixture();
    const [id] = f.enqueue(1);
    f.worker.start();
    f.randomValue = 0.5;
    f.sender.calls[0]!.fail({ kind: 'http', status: 503, code: 'serviceNotAvailable', retryable: true });
    await flush();
    expect(f.outbox.get(id!)!.nextAttemptAtMs).toBe(f.clock.nowMs + 2_500); // 0.5 × 5 s
    expect(f.worker.snapshot().state).toBe('idle');
    await f.clock.advance(2_499);
    expect(f.sender.calls).toHaveLength(1);
    await f.clock.advance(1);
    f.sender.calls[1]!.succeed();
    await f.worker.whenIdle();
    expect(f.outbox.get(id!)!.attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ['retry', 503],
      ['sent', 200],
    ]);
  });

  it('the backoff grows with the attempt number', async () => {
    f = workerFixture();
    const [id] = f.enqueue(1);
    f.randomValue = 0.999;
    f.worker.start();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await f.sender.waitForCalls(attempt);
      f.sender.calls[attempt - 1]!.fail({ kind: 'http', status: 500, code: 'generalException', retryable: true });
      await flush();
      const next = f.outbox.get(id!)!.nextAttemptAtMs!;
      delays.push(next - f.clock.nowMs);
      await f.clock.advance(next - f.clock.nowMs);
    }
    expect(delays).toEqual([4_995, 9_990, 19_980, 39_960]);
  });

  it('network error: the row backs off and the route pauses as offline until the network returns', async () => {
    f = workerFixture({ concurrency: 1 });
    const [a] = f.enqueue(3);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'network', code: 'ECONNRESET', message: 'socket hang up', retryable: true });
    await flush();
    expect(f.outbox.get(a!)!.state).toBe('pending');
    expect(f.worker.snapshot()).toMatchObject({ state: 'paused', pause: { cause: 'offline' } });
    expect(f.worker.snapshot().reason).toMatch(/^paused: Graph unreachable \(socket hang up\)/);
    expect(f.sender.calls).toHaveLength(1);
    f.worker.notify('network');
    expect(f.sender.calls).toHaveLength(2);
    f.sender.calls[1]!.succeed();
    await flush();
    expect(f.worker.snapshot().state).toBe('running');
  });

  it('an offline pause ends by itself after a short, growing wait', async () => {
    f = workerFixture({ concurrency: 1 });
    f.enqueue(2);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'network', code: 'ECONNREFUSED', retryable: true });
    await flush();
    const untilMs = f.worker.snapshot().pause!.untilMs;
    expect(untilMs - f.clock.nowMs).toBe(750); // equal jitter of the 1 s ceiling, draw 0.5
    await f.clock.advance(750);
    expect(f.sender.calls).toHaveLength(2);
  });

  it('timeout: retried with backoff, the route keeps going', async () => {
    f = workerFixture({ concurrency: 1 });
    const [a] = f.enqueue(2);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'timeout', code: 'timeout', retryable: true });
    await flush();
    expect(f.outbox.get(a!)!.state).toBe('pending');
    expect(f.sender.calls).toHaveLength(2);
  });

  it('400: failed with the Graph error, the others go on', async () => {
    f = workerFixture({ concurrency: 1 });
    const [a] = f.enqueue(2);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'http', status: 400, code: 'BadRequest', message: 'mediaLegId is invalid', requestId: 'rid', clientRequestId: 'x' });
    await flush();
    expect(f.outbox.get(a!)).toMatchObject({ state: 'failed', failedReason: 'permanent', lastError: { httpStatus: 400, code: 'BadRequest', message: 'mediaLegId is invalid' } });
    expect(f.worker.snapshot().lastError).toMatchObject({ reportId: a, httpStatus: 400, code: 'BadRequest', requestId: 'rid' });
    expect(f.sender.calls).toHaveLength(2);
  });

  it('403 with a missing permission: the row goes back to pending and the worker pauses, naming it', async () => {
    f = workerFixture({ concurrency: 2, pausedProbeIntervalMs: 300_000 });
    const [a, b, c] = f.enqueue(3);
    f.worker.start();
    for (const call of f.sender.open()) {
      call.fail({ kind: 'http', status: 403, code: 'Forbidden', missingPermission: 'Calls.AccessMedia.All' });
    }
    await flush();
    for (const id of [a, b, c]) expect(f.outbox.get(id!)!.state).toBe('pending');
    expect(f.outbox.get(a!)!.attempts[0]!.outcome).toBe('deferred');
    const snap = f.worker.snapshot();
    expect(snap).toMatchObject({ state: 'paused', pause: { cause: 'missing_permission', permission: 'Calls.AccessMedia.All' } });
    expect(snap.reason).toMatch(/^paused: missing permission Calls\.AccessMedia\.All/);
    // What `status` in another process reads while the agent runs.
    const saved = createOutbox(f.temp.db).syncStatus();
    expect(saved).toMatchObject({ state: 'paused', reason: snap.reason, pause: { permission: 'Calls.AccessMedia.All' }, lastError: { httpStatus: 403 } });
    await f.clock.advance(299_999);
    expect(f.sender.calls).toHaveLength(2);
    // After the probe interval one request tries again (the admin may have granted consent).
    await f.clock.advance(1);
    expect(f.sender.open()).toHaveLength(1);
    f.sender.open()[0]!.succeed();
    await flush();
    expect(f.sender.open()).toHaveLength(2);
  });

  it('auth failure (no token after the client refreshed once): paused until the credentials change', async () => {
    f = workerFixture({ concurrency: 1 });
    const [a] = f.enqueue(2);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'auth', code: 'invalid_client', message: 'AADSTS7000215: Invalid client secret provided.' });
    await flush();
    expect(f.outbox.get(a!)!.state).toBe('pending');
    expect(f.worker.snapshot().reason).toMatch(/^paused: no access token: AADSTS7000215/);
    f.worker.notify('enqueued'); // not a reason to retry
    expect(f.sender.calls).toHaveLength(1);
    f.worker.notify('credentials');
    expect(f.sender.calls).toHaveLength(2);
    expect(f.sender.calls[1]!.quality).toEqual(f.sender.calls[0]!.quality);
  });

  it('401 that survived the client refresh pauses like an auth failure', async () => {
    f = workerFixture();
    f.enqueue(1);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'http', status: 401, code: 'InvalidAuthenticationToken' });
    await flush();
    expect(f.worker.snapshot().pause?.cause).toBe('auth');
  });

  it('an API missing in this cloud: setup needed', async () => {
    f = workerFixture();
    f.enqueue(1);
    f.worker.start();
    f.sender.calls[0]!.fail({ kind: 'unavailable', code: 'not_in_cloud', message: 'logTeleconferenceDeviceQuality is not available in China' });
    await flush();
    expect(f.worker.snapshot()).toMatchObject({ state: 'setup_needed' });
  });

  it('an unexpected (non-Graph) error is retried, never dropped', async () => {
    f = workerFixture();
    const [a] = f.enqueue(1);
    f.worker.start();
    await f.sender.waitForCalls(1);
    f.sender.calls[0]!.reject(new TypeError('Cannot read properties of undefined'));
    await flush();
    expect(f.outbox.get(a!)).toMatchObject({ state: 'pending', lastError: { code: 'internal_error', message: 'Cannot read properties of undefined' } });
    expect(f.worker.snapshot().state).toBe('idle');
  });

  it('a 429 during a longer permission pause does not shorten it', async () => {
    f = workerFixture({ concurrency: 2, pausedProbeIntervalMs: 300_000 });
    f.enqueue(2);
    f.worker.start();
    const [x, y] = f.sender.open();
    x!.fail({ kind: 'http', status: 403, code: 'Forbidden', missingPermission: 'Calls.AccessMedia.All' });
    y!.fail({ kind: 'http', status: 429, code: 'TooManyRequests', retryable: true, retryAfterMs: 1_000 });
    await flush();
    expect(f.worker.snapshot().pause).toMatchObject({ cause: 'missing_permission', untilMs: f.clock.nowMs + 300_000 });
  });
});

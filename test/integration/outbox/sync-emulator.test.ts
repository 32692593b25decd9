/**
 * Every outbox transition against the emulator through the real Graph client: sent; retried after 429, 5xx,
 * a reset or a timeout; failed on 400; paused on a missing permission; expired; resubmitted. Waits are on events (attempt outcomes), never on sleeps; the 600 s Retry-After runs
 * on a FakeClock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../unit/outbox/support/fake-clock';
import { completeQuality, draftQuality } from '../../unit/outbox/support/quality';
import { receivedFor, startRig, type Rig } from './support';

describe('outbox + sync worker against the emulator', () => {
  let rig: Rig;
  afterEach(async () => rig.close());

  function enqueue(count: number): { id: string; mediaLegId: string }[] {
    return Array.from({ length: count }, (_, i) => {
      const body = completeQuality(`it-${i}`);
      return { id: rig.outbox.enqueue({ body, source: 'ingest' }).id, mediaLegId: body.mediaLegId };
    });
  }

  it('delivers the exact body and records request-id and client-request-id', async () => {
    rig = await startRig();
    const [report] = enqueue(1);
    rig.worker.start();
    await rig.waitFor('sent', 1);
    const detail = rig.outbox.get(report!.id)!;
    const [received] = receivedFor(rig, report!.mediaLegId);
    expect((rig.emulator.received()[0]!.body as { quality: unknown }).quality).toEqual(detail.body);
    expect(detail).toMatchObject({ state: 'sent', attempts: [expect.objectContaining({ outcome: 'sent', httpStatus: 200 })] });
    expect(detail.attempts[0]!.clientRequestId).toBe(received!.clientRequestId);
    expect(detail.attempts[0]!.requestId).toBe(rig.emulator.received()[0]!.requestId);
  });

  it('429 with Retry-After 1 s: the row and the whole route wait 1 s, then both go', async () => {
    rig = await startRig({ worker: { concurrency: 1 } });
    const [a, b] = enqueue(2);
    rig.emulator.injectFaults({ route: 'quality', status: 429, retryAfter: 1 });
    rig.worker.start();
    const [retry] = await rig.waitFor('retry', 1);
    expect(rig.worker.snapshot().pause).toMatchObject({ cause: 'throttled' });
    const throttledAtMs = Date.now();
    await rig.waitFor('sent', 2);
    expect(Date.now() - throttledAtMs).toBeGreaterThanOrEqual(900);
    expect(rig.emulator.stats().requests.quality).toBe(3); // 429 + 2 × 200: no spinning
    expect(retry).toMatchObject({ reportId: a!.id, httpStatus: 429 });
    expect(rig.outbox.get(a!.id)!.attempts[0]).toMatchObject({ outcome: 'retry', httpStatus: 429, retryAfterMs: 1_000 });
    expect(rig.outbox.get(b!.id)!.state).toBe('sent');
  });

  it('429 with Retry-After 600 s: the row waits 600 s without a single extra request', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ now: clock.now, worker: { timers: clock, concurrency: 2 } });
    enqueue(3);
    rig.emulator.injectFaults({ route: 'quality', status: 429, retryAfter: 600 });
    rig.worker.start();
    const [retry] = await rig.waitFor('retry', 1);
    await rig.waitFor('sent', 1); // the other request that was already in flight
    const throttledAtMs = clock.nowMs;
    const a = { id: retry!.reportId };
    expect(rig.outbox.get(a.id)!.nextAttemptAtMs).toBe(throttledAtMs + 600_000);
    expect(rig.worker.snapshot().reason).toMatch(/^paused: throttled by Graph until/);
    for (let waitedS = 0; waitedS < 599; waitedS += 60) await clock.advance(Math.min(60_000, 599_000 - waitedS * 1_000));
    expect(rig.emulator.stats().requests.quality).toBe(2);
    expect(rig.outbox.get(a.id)!.attemptCount).toBe(1);
    await clock.advance(1_000);
    await rig.waitFor('sent', 3);
    expect(rig.emulator.stats().requests.quality).toBe(4);
    expect(rig.outbox.stats().counts.sent).toBe(3);
  });

  it('503 then 200', async () => {
    rig = await startRig();
    const [a] = enqueue(1);
    rig.emulator.injectFaults({ route: 'quality', status: 503 });
    rig.worker.start();
    await rig.waitFor('sent', 1);
    expect(rig.outbox.get(a!.id)!.attempts.map((x) => [x.outcome, x.httpStatus])).toEqual([
      ['retry', 503],
      ['sent', 200],
    ]);
    expect(receivedFor(rig, a!.mediaLegId)).toHaveLength(1);
  });

  it('connection reset: retried after a short offline pause', async () => {
    rig = await startRig();
    const [a] = enqueue(1);
    rig.emulator.injectFaults({ route: 'quality', reset: true });
    rig.worker.start();
    await rig.waitFor('retry', 1);
    expect(rig.worker.snapshot().pause?.cause).toBe('offline');
    rig.worker.notify('network');
    await rig.waitFor('sent', 1);
    expect(rig.outbox.get(a!.id)!.attempts[0]).toMatchObject({ outcome: 'retry', errorKind: 'network' });
  });

  it('timeout: retried; a late delivery of the timed-out attempt is traceable by its client-request-id', async () => {
    rig = await startRig({ clientTimeoutMs: 300 });
    const [a] = enqueue(1);
    rig.emulator.injectFaults({ route: 'quality', delayMs: 1_000 });
    rig.worker.start();
    await rig.waitFor('sent', 1);
    const attempts = rig.outbox.get(a!.id)!.attempts;
    expect(attempts.map((x) => [x.outcome, x.errorKind])).toEqual([
      ['retry', 'timeout'],
      ['sent', undefined],
    ]);
    const known = new Set(attempts.map((x) => x.clientRequestId));
    for (const delivery of receivedFor(rig, a!.mediaLegId)) expect(known).toContain(delivery.clientRequestId);
  });

  it('400: failed, with Graph’s error shown; the worker goes on', async () => {
    rig = await startRig({ worker: { concurrency: 1 } });
    const [a, b] = enqueue(2);
    rig.emulator.injectFaults({ route: 'quality', status: 400, code: 'BadRequest', message: 'Invalid mediaLegId' });
    rig.worker.start();
    await rig.waitFor('sent', 1);
    expect(rig.outbox.get(a!.id)).toMatchObject({
      state: 'failed',
      failedReason: 'permanent',
      lastError: { httpStatus: 400, code: 'BadRequest', message: 'Invalid mediaLegId' },
    });
    expect(rig.outbox.get(a!.id)!.lastError!.requestId).toBeDefined();
    expect(rig.outbox.get(b!.id)!.state).toBe('sent');
    expect(rig.worker.snapshot().lastError).toMatchObject({ reportId: a!.id, httpStatus: 400 });
  });

  it('403 without Calls.AccessMedia.All: report back to pending, worker paused naming the permission; consent resumes it', async () => {
    // MSAL renews tokens 300 s before expiry, so 120 s tokens are never served from its cache: the token
    // after consent carries the new role (with real Entra the app waits for its cached token to expire).
    rig = await startRig({ emulator: { tokenLifetimeSeconds: 120, grantedRoles: ['CallRecords.Read.All'] } });
    const [a] = enqueue(1);
    rig.worker.start();
    await rig.waitFor('deferred', 1);
    expect(rig.outbox.get(a!.id)!.state).toBe('pending');
    expect(rig.worker.snapshot()).toMatchObject({ state: 'paused', pause: { cause: 'missing_permission', permission: 'Calls.AccessMedia.All' } });
    expect(rig.worker.snapshot().reason).toMatch(/^paused: missing permission Calls\.AccessMedia\.All/);
    rig.emulator.setGrantedRoles(['Calls.AccessMedia.All', 'CallRecords.Read.All']);
    rig.worker.notify('credentials');
    await rig.waitFor('sent', 1);
    expect(rig.worker.snapshot().pause).toBeUndefined();
  });

  it('token expiry mid-drain: the client refreshes once, nothing fails or pauses', async () => {
    rig = await startRig({ worker: { concurrency: 2 } });
    enqueue(12);
    let expired = false;
    rig.worker.on('attempt', (event) => {
      if (event.outcome === 'sent' && !expired) {
        expired = true;
        rig.emulatorSkewMs = 2 * 3_600_000; // every token issued so far is now past its exp
      }
    });
    rig.worker.start();
    await rig.waitFor('sent', 12);
    expect(rig.attempts.filter((x) => x.outcome !== 'sent')).toEqual([]);
    expect(rig.emulator.stats().tokensIssued).toBeGreaterThanOrEqual(2);
    expect(rig.outbox.stats().counts.sent).toBe(12);
  });

  it('resubmit of a failed report sends it again', async () => {
    rig = await startRig();
    const [a] = enqueue(1);
    rig.emulator.injectFaults({ route: 'quality', status: 400 });
    rig.worker.start();
    await rig.waitFor('failed', 1);
    expect(rig.outbox.resubmit({ ids: [a!.id] }).changed).toEqual([a!.id]);
    rig.worker.notify('resubmitted');
    await rig.waitFor('sent', 1);
    expect(rig.outbox.get(a!.id)).toMatchObject({ state: 'sent', attemptCount: 1 });
    expect(receivedFor(rig, a!.mediaLegId)).toHaveLength(1);
  });

  it('expiry by age: a report older than 7 days fails as expired and is never sent', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ now: clock.now, worker: { timers: clock } });
    const [a] = enqueue(1);
    const waiting = rig.outbox.enqueue({ body: draftQuality(), source: 'device' }).id;
    clock.nowMs += 7 * 86_400_000 + 1;
    rig.worker.start();
    await rig.worker.whenIdle();
    expect(rig.outbox.get(a!.id)).toMatchObject({ state: 'failed', failedReason: 'expired' });
    expect(rig.outbox.get(waiting)).toMatchObject({ state: 'failed', failedReason: 'expired' });
    expect(rig.emulator.received()).toEqual([]);
  });

  it('a clean stop leaves the backlog pending and the next start drains it', async () => {
    rig = await startRig({ worker: { concurrency: 1, rateLimitPerSecond: 20 } });
    enqueue(10);
    rig.worker.start();
    await rig.waitFor('sent', 2);
    await rig.worker.stop({ timeoutMs: 5_000 });
    const counts = rig.outbox.stats().counts;
    expect(counts.in_flight).toBe(0);
    expect(counts.sent + counts.pending).toBe(10);
    rig.worker.start();
    await rig.waitFor('sent', 10);
    expect(rig.emulator.received()).toHaveLength(10);
  });
});

/**
 * Rejected credentials that recover by themselves (a rotated secret reaching Entra, a consent propagating):
 * the worker probes again after ~30 s, doubling up to the 5 min pause, instead of stalling 5 min at once.
 * Real Graph client and emulator; the worker's time is a FakeClock, so no test waits 30 s.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../unit/outbox/support/fake-clock';
import { completeQuality } from '../../unit/outbox/support/quality';
import { startRig, type Rig } from '../outbox/support';

describe('sending after two 401s in a row', () => {
  let rig: Rig;
  afterEach(async () => rig.close());

  it('probes again 30 s later and sends once the credential works, not after 5 minutes', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ now: clock.now, worker: { timers: clock } });
    const { id } = rig.outbox.enqueue({ body: completeQuality('auth-probe'), source: 'ingest' });
    // The client retries a 401 once with a fresh token; the second 401 means the credential is rejected.
    rig.emulator.injectFaults({ route: 'quality', status: 401, code: 'InvalidAuthenticationToken', times: 2 });
    rig.worker.start();
    await rig.waitFor('deferred', 1);
    const pausedAtMs = clock.nowMs;
    expect(rig.worker.snapshot()).toMatchObject({ state: 'paused', pause: { cause: 'auth', untilMs: pausedAtMs + 30_000 } });
    expect(rig.worker.snapshot().reason).toMatch(/^paused: no access token: .*retrying at /);

    await clock.advance(29_000);
    expect(rig.emulator.stats().requests.quality).toBe(2);
    await clock.advance(1_000);
    await rig.waitFor('sent', 1, 5_000);
    expect(rig.outbox.get(id)!.state).toBe('sent');
    expect(rig.worker.snapshot().pause).toBeUndefined();
  });

  it('a credential that stays rejected is probed at 30 s, 60 s, 120 s, 240 s, then every 5 min', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ now: clock.now, worker: { timers: clock } });
    rig.outbox.enqueue({ body: completeQuality('auth-backoff'), source: 'ingest' });
    rig.emulator.injectFaults({ route: 'quality', status: 401, times: 100 });
    rig.worker.start();
    const pauses: number[] = [];
    for (let probe = 1; probe <= 6; probe += 1) {
      await rig.waitFor('deferred', probe);
      const pause = rig.worker.snapshot().pause!;
      pauses.push(pause.untilMs - clock.nowMs);
      await clock.advance(pause.untilMs - clock.nowMs);
    }
    expect(pauses).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});

/**
 * `auto` transport after falling back to HTTP polling: the WebSocket is tried again on a schedule (here a
 * short configured interval instead of ~10 minutes), said in the device's status, never in the middle of a
 * call, and once the administrator switches the codec's WebSocket on the device is read over it: no more
 * HTTP requests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCiscoDeviceCollector, httpFallbackNote } from '../../../electron/core/devices/cisco/transport';
import type { DeviceStateEvent } from '../../../electron/core/devices/types';
import { nodeTimers, type Timers } from '../../../electron/core/timers';
import { startCiscoSimulator } from '../../../electron/sim/cisco-codec';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const RETRY_MS = 40;

describe('Cisco auto transport: the WebSocket tried again after the fallback', () => {
  it('polls over HTTP while refused, says it tries again, and switches to the WebSocket once the codec accepts it', async () => {
    const simulator = await startCiscoSimulator({ seed: 3, firmware: 'roomos11', password: 'codec-pw', websocket: false, scenario: { calls: [] } });
    cleanups.push(() => simulator.close());
    const events: DeviceStateEvent[] = [];
    const waiters: Array<() => void> = [];
    const wake = (): void => {
      for (const waiter of waiters.splice(0)) waiter();
    };
    // Real timers, counting the WebSocket retries scheduled (the only timers this short).
    let retriesScheduled = 0;
    const timers: Timers = {
      setTimeout(callback, delayMs) {
        if (delayMs <= 2 * RETRY_MS) retriesScheduled += 1;
        return nodeTimers.setTimeout(() => {
          callback();
          wake();
        }, delayMs);
      },
      clearTimeout: (handle) => nodeTimers.clearTimeout(handle),
    };
    const collector = createCiscoDeviceCollector(
      { id: 'kit', kind: 'cisco-xapi', url: simulator.url, username: 'admin', password: 'codec-pw', allowSelfSigned: true, transport: 'auto', pollSeconds: 300 },
      {
        roomId: 'b30',
        now: Date.now,
        onSamples: () => undefined,
        onCallEnded: () => undefined,
        onDeviceState: (event) => {
          events.push(event);
          wake();
        },
        timers,
      },
      { webSocketRetryMs: RETRY_MS },
    );
    cleanups.push(() => collector.stop());
    const until = (test: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => (test() ? resolve() : void waiters.push(check));
        check();
      });
    collector.start();
    await until(() => collector.status().state === 'online');
    expect(collector.status().transport).toBe(httpFallbackNote(RETRY_MS));
    expect(collector.status().transport).toContain('tried again about every');

    // Three tries refused while the WebSocket is still off (each refused try schedules the next): still polled, still said so.
    await until(() => retriesScheduled >= 3);
    expect(collector.status()).toMatchObject({ state: 'online', transport: httpFallbackNote(RETRY_MS) });

    simulator.setWebSocketEnabled(true);
    const stateEventsBefore = events.length;
    await until(() => events.length > stateEventsBefore && collector.status().transport === 'websocket');
    expect(collector.status()).toMatchObject({ state: 'online', transport: 'websocket' });
    const httpRequests = simulator.requestCount;
    await collector.pollOnce();
    simulator.tick();
    await collector.pollOnce();
    expect(simulator.requestCount).toBe(httpRequests);
  });

  it('does not switch in the middle of a call: the call ends over HTTP, once, and the WebSocket takes over after it', async () => {
    const simulator = await startCiscoSimulator({
      seed: 4,
      firmware: 'roomos11',
      password: 'codec-pw',
      websocket: false,
      scenario: { calls: [{ callId: '26', idleTicksBefore: 0, durationTicks: 4, impairments: [] }] },
    });
    cleanups.push(() => simulator.close());
    const waiters: Array<() => void> = [];
    const wake = (): void => {
      for (const waiter of waiters.splice(0)) waiter();
    };
    let retriesScheduled = 0;
    const timers: Timers = {
      setTimeout(callback, delayMs) {
        if (delayMs <= 2 * RETRY_MS) retriesScheduled += 1;
        return nodeTimers.setTimeout(() => {
          callback();
          wake();
        }, delayMs);
      },
      clearTimeout: (handle) => nodeTimers.clearTimeout(handle),
    };
    const ended: string[] = [];
    const collector = createCiscoDeviceCollector(
      { id: 'kit', kind: 'cisco-xapi', url: simulator.url, username: 'admin', password: 'codec-pw', allowSelfSigned: true, transport: 'auto', pollSeconds: 300 },
      { roomId: 'b30', now: Date.now, onSamples: () => undefined, onCallEnded: (event) => void ended.push(event.callId), onDeviceState: wake, timers },
      { webSocketRetryMs: RETRY_MS },
    );
    cleanups.push(() => collector.stop());
    const until = (test: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => (test() ? resolve() : void waiters.push(check));
        check();
      });
    collector.start();
    await until(() => collector.status().state === 'online');
    for (let i = 0; i < 3 && collector.status().call === null; i += 1) {
      simulator.tick();
      await collector.pollOnce();
    }
    expect(collector.status().call).toMatchObject({ kind: 'interop', id: '26' });

    simulator.setWebSocketEnabled(true);
    const before = retriesScheduled;
    await until(() => retriesScheduled >= before + 3);
    expect(collector.status()).toMatchObject({ transport: httpFallbackNote(RETRY_MS), call: { kind: 'interop', id: '26' } });

    for (let i = 0; i < 8 && ended.length === 0; i += 1) {
      simulator.tick();
      await collector.pollOnce();
    }
    expect(ended).toEqual(['26']);
    await until(() => collector.status().transport === 'websocket');
    expect(ended).toEqual(['26']); // the switch ended nothing more
  });
});

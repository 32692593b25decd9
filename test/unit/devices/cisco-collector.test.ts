/**
 * The collector's state machine with a fake transport and an injected clock: device states, backoff,
 * vanished calls, calls closed after a lasting outage, stop(). The real HTTPS path is covered by
 * test/integration/devices.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCiscoCollector, type CallEndedEvent, type DeviceStateEvent } from '../../../electron/core/devices/cisco/collector';
import { DeviceRequestError, type XmlClient } from '../../../electron/core/devices/cisco/http';
import type { LiveSample } from '../../../shared/domain/samples';
import { createManualClock } from '../legs/helpers/manual-clock';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/cisco/${name}`, import.meta.url), 'utf8');
/** Lets promise callbacks run (the collector's poll is async); not a sleep. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Behaviour = 'call' | 'idle' | 'offline' | 'auth' | 'malformed' | 'no-systemunit';

function setup(options: { closeCallsAfterFailures?: number } = {}) {
  const clock = createManualClock();
  let behaviour: Behaviour = 'call';
  let mediaVersion = 0;
  const requested: string[] = [];
  let closed = false;
  const client: XmlClient = {
    async get(location) {
      requested.push(location);
      if (behaviour === 'offline') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      if (behaviour === 'auth') throw new DeviceRequestError('auth_failed', 'authentication failed (HTTP 401)', 401);
      if (behaviour === 'malformed') return fixture('malformed.xml');
      if (location === '/Status/SystemUnit') {
        if (behaviour === 'no-systemunit') throw new DeviceRequestError('error', 'unexpected HTTP 404', 404);
        return fixture('ce9-systemunit.xml');
      }
      if (location === '/Status/Call') return fixture(behaviour === 'idle' ? 'idle-call.xml' : 'ce9-call.xml');
      if (behaviour === 'no-systemunit') return fixture('ce9-mediachannels.xml');
      // Each read shows a new interval (Packets moves on), as a codec does every 5 s.
      mediaVersion += 1;
      return fixture('ce9-mediachannels.xml').replace(/<Packets>(\d+)<\/Packets>/g, (_m, n: string) => `<Packets>${Number(n) + mediaVersion}</Packets>`);
    },
    close() {
      closed = true;
    },
  };
  const samples: LiveSample[][] = [];
  const ended: CallEndedEvent[] = [];
  const states: DeviceStateEvent[] = [];
  const collector = createCiscoCollector({
    device: { id: 'sx80', url: 'https://codec.invalid', username: 'admin', password: 'pw', pollSeconds: 5 },
    roomId: 'bldg-30',
    now: clock.now,
    timers: clock.timers,
    random: () => 0.5,
    client,
    onSamples: (batch) => samples.push(batch),
    onCallEnded: (event) => ended.push(event),
    onDeviceState: (event) => states.push(event),
    ...options,
  });
  return {
    clock, collector, samples, ended, states, requested,
    set: (next: Behaviour) => { behaviour = next; },
    isClosed: () => closed,
  };
}

describe('Cisco collector', () => {
  it('reads the product id once, then calls and media; reports samples and online', async () => {
    const { collector, samples, states, requested } = setup();
    const outcome = await collector.pollOnce();
    expect(outcome).toEqual({ state: 'online', samples: 5, endedCalls: [] });
    expect(requested).toEqual(['/Status/SystemUnit', '/Status/Call', '/Status/MediaChannels']);
    expect(states).toEqual([{ deviceId: 'sx80', state: 'online' }]);
    expect(samples[0]![0]).toMatchObject({ roomId: 'bldg-30', deviceId: 'sx80', callId: '3', at: '2025-03-01T10:00:00.000Z' });
    await collector.pollOnce();
    expect(requested.filter((path) => path === '/Status/SystemUnit')).toHaveLength(1);
    expect(states).toHaveLength(1); // unchanged state: no repeat
  });

  it('a codec without SystemUnit is still polled, under a generic name', async () => {
    const { collector, set, ended } = setup();
    set('no-systemunit');
    expect((await collector.pollOnce()).state).toBe('online');
    await collector.stop();
    expect(ended[0]!.deviceName).toBe('Cisco codec');
  });

  it('does not ask for media channels while idle', async () => {
    const { collector, set, requested } = setup();
    set('idle');
    await collector.pollOnce();
    await collector.pollOnce();
    // Idle, it asks once whether the codec is in a Teams Rooms call; a codec without that branch is not asked again.
    expect(requested).toEqual(['/Status/SystemUnit', '/Status/Call', '/Status/MicrosoftTeams/Calling/InCall', '/Status/Call']);
  });

  it('ends a call that vanished, with the device name', async () => {
    const { collector, set, ended } = setup();
    await collector.pollOnce();
    set('idle');
    const outcome = await collector.pollOnce();
    expect(outcome.endedCalls).toEqual(['3']);
    expect(ended).toEqual([{ deviceId: 'sx80', callId: '3', deviceName: 'Cisco TelePresence SX80' }]);
  });

  it.each([
    ['offline', 'offline', /unreachable: ECONNREFUSED/],
    ['auth', 'auth_failed', /HTTP 401/],
    ['malformed', 'error', /malformed XML/],
  ] as const)('%s → device state %s with the reason', async (behaviour, state, message) => {
    const { collector, set, states } = setup();
    set(behaviour);
    const outcome = await collector.pollOnce();
    expect(outcome.state).toBe(state);
    expect(states.at(-1)).toMatchObject({ state, error: expect.stringMatching(message) });
  });

  it('keeps a call through a short outage, ends it after 3 failed polls, recovers', async () => {
    const { collector, set, ended, states } = setup();
    await collector.pollOnce();
    set('offline');
    await collector.pollOnce();
    await collector.pollOnce();
    expect(ended).toEqual([]);
    expect((await collector.pollOnce()).endedCalls).toEqual(['3']);
    set('call');
    expect((await collector.pollOnce()).state).toBe('online');
    expect(states.map((s) => s.state)).toEqual(['online', 'offline', 'online']);
  });

  it('backs off exponentially while failing, waits 5 minutes after a 401, and polls every 5 s when well', async () => {
    const { clock, collector, set } = setup();
    collector.start();
    clock.advance(0);
    await settle();
    expect(clock.pendingDelays()).toEqual([5_000]);
    set('offline');
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      clock.advance(clock.pendingDelays()[0]!);
      await settle();
      delays.push(clock.pendingDelays()[0]!);
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    set('auth');
    clock.advance(60_000);
    await settle();
    expect(clock.pendingDelays()).toEqual([300_000]);
    await collector.stop();
  });

  it('stop() clears the timer, closes the transport and ends open calls', async () => {
    const { clock, collector, ended, isClosed } = setup();
    collector.start();
    clock.advance(0);
    await settle();
    await collector.stop();
    expect(clock.pendingDelays()).toEqual([]);
    expect(isClosed()).toBe(true);
    expect(ended.map((e) => e.callId)).toEqual(['3']);
    expect(await collector.pollOnce()).toMatchObject({ samples: 0 });
  });
});

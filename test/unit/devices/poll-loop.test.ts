/**
 * The polling half every polled device kind shares (electron/core/devices/poll-loop.ts): states, backoff
 * (auth failures wait minutes, doubling, so a wrong password never locks the account), calls kept through
 * a short outage and ended once after a long one, and a reused call key (Poly ids) split into two calls.
 * Time is a manual clock: no sleeps.
 */
import { describe, expect, it } from 'vitest';
import { DeviceRequestError } from '../../../electron/core/devices/errors';
import { createPollLoop, type ReadResult } from '../../../electron/core/devices/poll-loop';
import type { CallEndedEvent, DeviceStateEvent } from '../../../electron/core/devices/types';
import type { LiveSample } from '../../../shared/domain/samples';
import { createManualClock } from '../legs/helpers/manual-clock';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const clock = createManualClock();
  let next: () => ReadResult = () => ({ samples: [], liveCalls: new Map() });
  let fail: Error | undefined;
  const events: string[] = [];
  const states: DeviceStateEvent[] = [];
  const ended: CallEndedEvent[] = [];
  const loop = createPollLoop({
    deviceId: 'x50',
    pollMs: 5_000,
    deviceName: () => 'Poly StudioX50',
    context: {
      roomId: 'b30',
      now: clock.now,
      timers: clock.timers,
      random: () => 0.5,
      onSamples: (samples: LiveSample[]) => events.push(`samples ${samples.map((sample) => sample.callId).join(',')}`),
      onCallEnded: (event) => {
        ended.push(event);
        events.push(`ended ${event.callId}`);
      },
      onDeviceState: (event) => states.push(event),
    },
    read: async () => {
      if (fail !== undefined) throw fail;
      return next();
    },
  });
  const sample = (callId: string): LiveSample => ({ roomId: 'b30', deviceId: 'x50', callId, modality: 'audio', direction: 'inbound', channelIndex: 1, at: new Date(clock.now()).toISOString(), lossPercent: 0 });
  const inCall = (callId: string, generation: string) => () => ({ samples: [sample(callId)], liveCalls: new Map([[callId, { generation, since: '2026-03-01T10:00:00.000Z' }]]) });
  return { clock, loop, events, states, ended, inCall, setRead: (read: () => ReadResult) => (next = read), setFail: (error: Error | undefined) => (fail = error) };
}

describe('poll loop', () => {
  it('a refused login waits 5 minutes, then 10, 20 … up to an hour; a good read resets it', async () => {
    const { clock, loop, setFail, states } = setup();
    setFail(new DeviceRequestError('auth_failed', 'sign-in refused (SessionRequestInvalid)', 401));
    loop.start();
    const delays: number[] = [];
    clock.advance(0);
    await settle();
    for (let i = 0; i < 6; i += 1) {
      delays.push(clock.pendingDelays()[0]!);
      clock.advance(clock.pendingDelays()[0]!);
      await settle();
    }
    expect(delays).toEqual([300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 3_600_000]);
    expect(states[0]).toMatchObject({ state: 'auth_failed', error: expect.stringMatching(/SessionRequestInvalid/) });
    setFail(undefined);
    clock.advance(clock.pendingDelays()[0]!);
    await settle();
    expect(loop.state).toBe('online');
    expect(clock.pendingDelays()).toEqual([5_000]);
    await loop.stop(() => undefined);
  });

  it('keeps a call through two failed reads (a codec restart), ends it once after the third', async () => {
    const { loop, setFail, setRead, inCall, ended } = setup();
    setRead(inCall('0', '1718870400000'));
    await loop.pollOnce();
    setFail(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect((await loop.pollOnce()).endedCalls).toEqual([]);
    expect((await loop.pollOnce()).endedCalls).toEqual([]);
    expect(loop.currentCall()).toMatchObject({ kind: 'interop', id: '0' });
    expect((await loop.pollOnce())).toMatchObject({ state: 'offline', endedCalls: ['0'] });
    expect(await loop.pollOnce()).toMatchObject({ endedCalls: [] });
    expect(ended).toEqual([{ deviceId: 'x50', callId: '0', deviceName: 'Poly StudioX50' }]);
    expect(loop.currentCall()).toBeNull();
  });

  it('a call key the device reused for a new call ends the old call before the new one’s samples', async () => {
    const { loop, setRead, inCall, events } = setup();
    setRead(inCall('0', 'first-start'));
    await loop.pollOnce();
    setRead(inCall('0', 'second-start'));
    await loop.pollOnce();
    expect(events).toEqual(['samples 0', 'ended 0', 'samples 0']);
    await loop.stop(() => undefined);
    expect(events.at(-1)).toBe('ended 0'); // stop reports the call in progress
  });
});

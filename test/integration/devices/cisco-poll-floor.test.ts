/**
 * A Cisco codec polled over HTTP is never read faster than its statistics interval (Netstat covers about 5 s):
 * `pollSeconds: 1` is read every 5 s. Simulated codecs, whose intervals are the test's, lower the floor
 * (the core's devices.minPollSeconds, `VTC_MIN_POLL_SECONDS` for `run`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CISCO_MIN_POLL_SECONDS, createCiscoDeviceCollector } from '../../../electron/core/devices/cisco/transport';
import { nodeTimers, type Timers } from '../../../electron/core/timers';
import { startCiscoSimulator } from '../../../electron/sim/cisco-codec';
import { runAgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The delay of the poll scheduled after the first read (real timers; the delays are recorded). */
async function nextPollDelayMs(minPollSeconds: number | undefined): Promise<number> {
  const simulator = await startCiscoSimulator({ seed: 2, firmware: 'roomos11', password: 'codec-pw', scenario: { calls: [] } });
  cleanups.push(() => simulator.close());
  const delays: number[] = [];
  let scheduled: (() => void) | undefined;
  const timers: Timers = {
    setTimeout(callback, delayMs) {
      delays.push(delayMs);
      scheduled?.();
      return nodeTimers.setTimeout(callback, delayMs);
    },
    clearTimeout: (handle) => nodeTimers.clearTimeout(handle),
  };
  const collector = createCiscoDeviceCollector(
    { id: 'kit', kind: 'cisco-xapi', url: simulator.url, username: 'admin', password: 'codec-pw', allowSelfSigned: true, transport: 'http', pollSeconds: 1 },
    { roomId: 'b30', now: Date.now, onSamples: () => undefined, onCallEnded: () => undefined, onDeviceState: () => undefined, timers, ...(minPollSeconds !== undefined && { minPollSeconds }) },
  );
  cleanups.push(() => collector.stop());
  // The first read is scheduled at once (0), the next after the polling interval.
  const second = new Promise<void>((resolve) => {
    scheduled = () => {
      if (delays.length >= 2) resolve();
    };
  });
  collector.start();
  await second;
  return delays[1]!;
}

describe('Cisco HTTP polling floor', () => {
  it('pollSeconds 1 is read every 5 s (the Netstat interval), or every second when the floor is lowered for a simulator', async () => {
    expect(CISCO_MIN_POLL_SECONDS).toBe(5);
    expect(await nextPollDelayMs(undefined)).toBe(5_000);
    expect(await nextPollDelayMs(1)).toBe(1_000);
  });

  it('run refuses a VTC_MIN_POLL_SECONDS that is not a number of seconds, naming it', async () => {
    const temp = makeTempDir('vtc-poll-floor-');
    cleanups.push(temp.cleanup);
    const exit = await runAgentProcess(['run', '--data-dir', temp.dir], { VTC_MIN_POLL_SECONDS: 'fast' });
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain('VTC_MIN_POLL_SECONDS must be a number of seconds, at least 1');
  }, 30_000);
});

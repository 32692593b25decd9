/**
 * The polling half of a collector, for kinds that read their device on a timer: one read in flight at a
 * time (a codec's web service serves few sessions; ../shared/reference/poly-videoos.md §6 reports REST services wedged by
 * long-held connections), device states, backoff, and the call bookkeeping every kind needs.
 *
 * - A read that succeeds makes the device `online`, emits its samples, and ends the calls that are no
 *   longer live (once each, after their last good sample). A call whose `generation` changed (a small id
 *   the device reused for a new call) is ended and opened again.
 * - A read that fails sets the state from the error at once and backs off: poll interval × 2^(n−1), ±20 %
 *   jitter, at most `maxBackoffMs`; `auth_failed` waits `authBackoffMs`, doubling up to an hour, so a
 *   wrong password never feeds the device's lockout counter.
 * - While the device is failing its calls are kept for `closeCallsAfterFailures` reads, so a restart of the
 *   device's service mid-call does not split the call in two reports; after that they are ended.
 */
import type { DeviceState } from '../../../shared/domain/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import { nodeTimers } from '../timers';
import { backoffCeilingMs, backoffDelayMs } from '../../../shared/backoff';
import { classifyRequestError } from './errors';
import type { CollectorContext, DeviceCallStatus } from './types';

export interface LiveCall {
  /** Changes when the device reuses the call key for a new call (Poly: the conference's startTime). */
  generation: string;
  since: string;
}

export interface ReadResult {
  samples: LiveSample[];
  /** Calls measured now, by the device's call key. */
  liveCalls: Map<string, LiveCall>;
  /** A call seen but not measured (a native Teams Rooms call); reported by `status()` only. */
  unmeasuredCall?: DeviceCallStatus;
}

export interface PollLoopOptions {
  deviceId: string;
  pollMs: number;
  context: CollectorContext;
  read: () => Promise<ReadResult>;
  /** Graph's deviceName for an ended call. */
  deviceName: () => string;
  /** Forget cached identity: the device may come back replaced or upgraded. */
  onLongOutage?: () => void;
  closeCallsAfterFailures?: number;
  maxBackoffMs?: number;
  authBackoffMs?: number;
}

export interface PollOutcome {
  state: DeviceState;
  samples: number;
  endedCalls: string[];
  error?: string;
}

const MAX_AUTH_BACKOFF_MS = 60 * 60_000;

export function createPollLoop(options: PollLoopOptions) {
  const { context, deviceId, pollMs } = options;
  const timers = context.timers ?? nodeTimers;
  const random = context.random ?? Math.random;
  const closeAfter = options.closeCallsAfterFailures ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const authBackoffMs = options.authBackoffMs ?? 5 * 60_000;
  const log = context.log?.child({ deviceId, roomId: context.roomId });

  let state: DeviceState = 'unknown';
  let lastError: string | undefined;
  let failures = 0;
  let authFailures = 0;
  let openCalls = new Map<string, LiveCall>();
  let unmeasured: DeviceCallStatus | undefined;
  let timer: unknown;
  let running = false;
  let stopped = false;
  let inFlight: Promise<PollOutcome> | undefined;

  const setState = (next: DeviceState, error?: string): void => {
    if (next === state && error === lastError) return;
    if (next !== state) log?.info('device state', { state: next, error });
    state = next;
    lastError = error;
    context.onDeviceState({ deviceId, state: next, ...(error !== undefined && { error }) });
  };

  const endCalls = (callIds: Iterable<string>): string[] => {
    const ended: string[] = [];
    for (const callId of callIds) {
      openCalls.delete(callId);
      ended.push(callId);
      context.onCallEnded({ deviceId, callId, deviceName: options.deviceName() });
    }
    return ended;
  };

  const pollNow = async (): Promise<PollOutcome> => {
    try {
      const result = await options.read();
      if (stopped) return { state, samples: 0, endedCalls: [] };
      failures = 0;
      authFailures = 0;
      setState('online');
      unmeasured = result.unmeasuredCall;
      const gone = [...openCalls].filter(([callId, call]) => result.liveCalls.get(callId)?.generation !== call.generation).map(([callId]) => callId);
      const endedCalls = endCalls(gone);
      for (const [callId, call] of result.liveCalls) if (!openCalls.has(callId)) openCalls.set(callId, call);
      if (result.samples.length > 0) context.onSamples(result.samples);
      return { state, samples: result.samples.length, endedCalls };
    } catch (error) {
      if (stopped) return { state, samples: 0, endedCalls: [] };
      const failure = classifyRequestError(error);
      failures += 1;
      if (failure.kind === 'auth_failed') authFailures += 1;
      setState(failure.kind, failure.message);
      let endedCalls: string[] = [];
      if (failures >= closeAfter) {
        unmeasured = undefined;
        if (openCalls.size > 0) {
          endedCalls = endCalls([...openCalls.keys()]);
          options.onLongOutage?.();
        }
      }
      return { state, samples: 0, endedCalls, error: failure.message };
    }
  };

  const nextDelayMs = (): number => {
    if (failures === 0) return pollMs;
    if (state === 'auth_failed') return backoffCeilingMs(authFailures, { startMs: authBackoffMs, factor: 2, capMs: MAX_AUTH_BACKOFF_MS });
    // The shared full-jitter backoff over twice the nominal delay: on average the nominal pollMs · 2^(n-1), capped.
    return backoffDelayMs(failures, random, { startMs: 2 * pollMs, factor: 2, capMs: 2 * maxBackoffMs });
  };

  const schedule = (delayMs: number): void => {
    if (!running) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      void pollOnce().then(() => schedule(nextDelayMs()));
    }, delayMs);
  };

  function pollOnce(): Promise<PollOutcome> {
    if (stopped) return Promise.resolve({ state, samples: 0, endedCalls: [] });
    inFlight ??= pollNow().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    start(): void {
      if (running || stopped) return;
      running = true;
      schedule(0);
    },
    /** Stops the timer and waits for a read in flight; `close` runs in between (aborts requests). */
    async stop(close: () => void | Promise<void>): Promise<void> {
      if (stopped) return;
      running = false;
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await close();
      await inFlight?.catch(() => undefined);
      endCalls([...openCalls.keys()]);
      openCalls = new Map();
    },
    pollOnce,
    get state(): DeviceState {
      return state;
    },
    get error(): string | undefined {
      return lastError;
    },
    /** The call shown by `status`: the newest measured call, else an unmeasured one. */
    currentCall(): DeviceCallStatus | null {
      let newest: [string, LiveCall] | undefined;
      for (const entry of openCalls) if (newest === undefined || entry[1].since > newest[1].since) newest = entry;
      if (newest !== undefined) return { kind: 'interop', id: newest[0], since: newest[1].since };
      return unmeasured ?? null;
    },
  };
}

export type PollLoop = ReturnType<typeof createPollLoop>;

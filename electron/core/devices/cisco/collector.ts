/**
 * Polls one Cisco CE / RoomOS codec (../shared/reference/devices-and-thresholds.md §3.1, §3.2, §3.6):
 * `/Status/SystemUnit` once per connection (ProductId → deviceName), then every `pollSeconds` (default 5 s,
 * the codec's Netstat interval) `/Status/Call` and, while a call is up, `/Status/MediaChannels`.
 *
 * Failures: the device state changes at once (offline / auth_failed / error, http.ts), polling backs off
 * exponentially (poll interval × 2^(n−1), ±20 % jitter, at most 60 s; 401/403 waits 5 minutes, so wrong
 * credentials do not lock the codec's account), and the first good poll makes it `online` again.
 * Calls: a call that is no longer listed is ended (`onCallEnded`: the tracker reports what was measured).
 * While the device is failing, calls are kept for `closeCallsAfterFailures` polls (default 3, ≈ 35 s) so a
 * brief outage does not split a call into two reports; after that they are ended too.
 * Timers are injectable; `stop()` clears them, aborts a request in flight and ends open calls.
 */
import type { DeviceState } from '../../../../shared/domain/legs';
import type { LiveSample } from '../../../../shared/domain/samples';
import type { Logger } from '../../log/logger';
import { nodeTimers, type Timers } from '../../timers';
import type { CallEndedEvent, DeviceStateEvent, DeviceStatus } from '../types';
import { classifyRequestError, createXmlClient, DeviceRequestError, type XmlClient } from './http';
import { createSampleMapper } from './mapping';
import { ciscoStatus, GENERIC_NAME } from './status';
import { CiscoXmlError, parseCallStatus, parseMediaChannels, parseSystemUnit, parseTeamsInCall } from './xml';
import { backoffDelayMs } from '../../../../shared/backoff';

export interface CiscoDeviceConfig {
  id: string;
  url: string;
  username: string;
  password: string;
  allowSelfSigned?: boolean;
  certificateSha256?: string;
  pollSeconds?: number;
}

export type { CallEndedEvent, DeviceStateEvent };

export interface CiscoCollectorOptions {
  device: CiscoDeviceConfig;
  roomId: string;
  /** Epoch milliseconds; stamps the samples. */
  now: () => number;
  onSamples: (samples: LiveSample[]) => void;
  onCallEnded: (event: CallEndedEvent) => void;
  onDeviceState: (event: DeviceStateEvent) => void;
  log?: Logger;
  timers?: Timers;
  random?: () => number;
  closeCallsAfterFailures?: number;
  maxBackoffMs?: number;
  authBackoffMs?: number;
  requestTimeoutMs?: number;
  /** For tests: a transport other than HTTP(S). */
  client?: XmlClient;
}

export interface PollOutcome {
  state: DeviceState;
  samples: number;
  endedCalls: string[];
  error?: string;
}

/**
 * Call states that mean the call is over. Every other state (Connected, Dialling, Ringing, OnHold…) keeps the
 * call open and its media channels polled; an Idle entry ends the call like one that is no longer listed.
 */
const ENDED_STATES = new Set(['Idle']);

export function createCiscoCollector(options: CiscoCollectorOptions) {
  const { device } = options;
  const pollMs = Math.max(1, device.pollSeconds ?? 5) * 1_000;
  const timers = options.timers ?? nodeTimers;
  const random = options.random ?? Math.random;
  const closeAfter = options.closeCallsAfterFailures ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const authBackoffMs = options.authBackoffMs ?? 5 * 60_000;
  const client =
    options.client ??
    createXmlClient({
      url: device.url,
      username: device.username,
      password: device.password,
      allowSelfSigned: device.allowSelfSigned ?? false,
      certificateSha256: device.certificateSha256,
      timeoutMs: options.requestTimeoutMs ?? Math.min(10_000, pollMs * 2),
    });
  const mapper = createSampleMapper();
  const log = options.log?.child({ deviceId: device.id, roomId: options.roomId });

  let state: DeviceState = 'unknown';
  let lastError: string | undefined;
  let deviceName: string | undefined;
  let softwareVersion: string | undefined;
  let failures = 0;
  let openCalls = new Set<string>();
  /** When each open call started (ISO), for `status()`. */
  const callSince = new Map<string, string>();
  /**
   * Microsoft Teams Rooms mode: a native Teams call has no Call and no MediaChannels; Teams measures it, so it
   * is shown, never reported. Asked only while the codec lists no call; a codec without the branch is not
   * asked again until it reconnects.
   */
  let teamsCallSince: string | undefined;
  let teamsBranch = true;
  let timer: unknown;
  let running = false;
  let stopped = false;
  let inFlight: Promise<PollOutcome> | undefined;

  const setState = (next: DeviceState, error?: string): void => {
    if (next === state && error === lastError) return;
    if (next !== state) log?.info('device state', { state: next, error });
    state = next;
    lastError = error;
    options.onDeviceState({ deviceId: device.id, state: next, ...(error !== undefined && { error }) });
  };

  const endCalls = (callIds: Iterable<string>): string[] => {
    const ended: string[] = [];
    for (const callId of callIds) {
      openCalls.delete(callId);
      callSince.delete(callId);
      mapper.forgetCall(callId);
      ended.push(callId);
      options.onCallEnded({ deviceId: device.id, callId, deviceName: deviceName ?? device.id });
    }
    return ended;
  };

  const pollNow = async (): Promise<PollOutcome> => {
    try {
      deviceName ??= await readProductId();
      const calls = parseCallStatus(await client.get('/Status/Call'));
      const live = new Set(calls.filter((call) => !ENDED_STATES.has(call.status ?? '')).map((call) => call.callId));
      const media = live.size > 0 ? parseMediaChannels(await client.get('/Status/MediaChannels')) : [];
      if (live.size > 0 || !teamsBranch) teamsCallSince = undefined;
      else {
        const inTeamsCall = await readTeamsInCall();
        if (inTeamsCall === undefined) teamsBranch = false;
        teamsCallSince = inTeamsCall === true ? (teamsCallSince ?? new Date(options.now()).toISOString()) : undefined;
      }
      if (stopped) return { state, samples: 0, endedCalls: [] };
      const samples = mapper.map(
        media.filter((call) => live.has(call.callId)),
        { roomId: options.roomId, deviceId: device.id, at: new Date(options.now()).toISOString() },
      );
      failures = 0;
      setState('online');
      if (samples.length > 0) options.onSamples(samples);
      const vanished = [...openCalls].filter((callId) => !live.has(callId));
      for (const sample of samples) openCalls.add(sample.callId);
      for (const call of calls) {
        if (!openCalls.has(call.callId) || callSince.has(call.callId)) continue;
        callSince.set(call.callId, new Date(options.now() - (call.durationSeconds ?? 0) * 1_000).toISOString());
      }
      return { state, samples: samples.length, endedCalls: endCalls(vanished) };
    } catch (error) {
      if (stopped) return { state, samples: 0, endedCalls: [] };
      const failure = error instanceof CiscoXmlError ? { kind: 'error' as const, message: error.message } : classifyRequestError(error);
      failures += 1;
      setState(failure.kind, failure.message);
      let endedCalls: string[] = [];
      if (failures >= closeAfter && openCalls.size > 0) {
        endedCalls = endCalls([...openCalls]);
        deviceName = undefined; // the codec may come back replaced or upgraded
        softwareVersion = undefined;
        teamsBranch = true;
        teamsCallSince = undefined;
      }
      return { state, samples: 0, endedCalls, error: failure.message };
    }
  };

  /** A codec that does not know the path (404, an error document) is simply not in Teams Rooms mode. */
  const readTeamsInCall = async (): Promise<boolean | undefined> => {
    try {
      return parseTeamsInCall(await client.get('/Status/MicrosoftTeams/Calling/InCall'));
    } catch (error) {
      if (error instanceof CiscoXmlError || (error instanceof DeviceRequestError && error.kind === 'error')) return undefined;
      throw error;
    }
  };

  /** ProductId is only the report's deviceName: a codec that will not say keeps being polled (404 → generic). */
  const readProductId = async (): Promise<string> => {
    try {
      const unit = parseSystemUnit(await client.get('/Status/SystemUnit'));
      softwareVersion = unit.softwareVersion;
      return unit.productId ?? GENERIC_NAME;
    } catch (error) {
      if (error instanceof DeviceRequestError && error.status === 404) return GENERIC_NAME;
      throw error;
    }
  };

  const nextDelayMs = (): number => {
    if (failures === 0) return pollMs;
    if (state === 'auth_failed') return authBackoffMs;
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

  /** One poll now (shares a poll already in flight). Resolves, never rejects. */
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
    async stop(): Promise<void> {
      if (stopped) return;
      running = false;
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      client.close();
      await inFlight?.catch(() => undefined);
      // Report what was measured rather than lose it with the process.
      endCalls([...openCalls]);
      openCalls = new Set();
    },
    pollOnce,
    get state(): DeviceState {
      return state;
    },
    get deviceName(): string | undefined {
      return deviceName;
    },
    status(): DeviceStatus {
      return ciscoStatus({ deviceId: device.id, state, lastError, productName: deviceName, softwareVersion, transport: 'http', openCalls: callSince, teamsCallSince });
    },
  };
}

export type CiscoCollector = ReturnType<typeof createCiscoCollector>;

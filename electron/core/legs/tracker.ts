/**
 * Leg tracking and the report builder's trigger, with classification and alerts.
 *
 * Samples come from the Cisco collectors and from `POST /api/v1/samples` (already validated with
 * shared/domain/samples.ts). Per sample the cost is O(1): two map look-ups, constant-size accumulators,
 * one classification step, one ring-buffer write and a dirty mark; pushes are built at most every
 * `pushIntervalMs` for the rooms that changed, only when someone listens, and carry per leg only the history
 * points changed since the previous push (`snapshot()` gives everything: getRoomHistory; getRooms trims it).
 *
 * A device call ends when its collector says so (`endCall`) or, for senders that cannot say so (the ingest
 * API has no "call ended" message), after `callIdleTimeoutMs` without a sample. Its legs then become ONE
 * teleconferenceDeviceQuality report (report.ts) with a new mediaLegId: this app is the CVI partner that
 * assigns it (../shared/design/architecture.md "Identifiers"). Teams ids come from a matching call context, else the report
 * waits in the outbox as needs_context.
 *
 * Memory is bounded: at most `maxActiveCalls` calls × `maxLegsPerCall` legs × a fixed-size history; samples
 * beyond the limits are counted as dropped. Rooms first named by a sample are forgotten with their last call.
 */
import { randomUUID } from 'node:crypto';
import type { AlertEvent, DeviceState, LegKey, RoomSnapshot } from '../../../shared/domain/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../shared/domain/thresholds';
import type { TeleconferenceDeviceQualityDraft } from '../../../shared/graph/quality';
import { createAlertPolicy, type RoomEpisode } from '../quality/alerts';
import { checkCallContext, createPendingContexts, DEFAULT_MATCH_TOLERANCE_MS, matchCalls, type CallContextInput } from './call-context';
import { DEFAULT_HISTORY_POINTS, DEFAULT_HISTORY_STEP_MS } from './history';
import { createLegState, summarizeLeg, updateLeg, type LegState } from './leg';
import { createPublisher, type RoomsListener } from './publisher';
import { nodeTimers, type Timers } from '../timers';
import { buildQualityReport } from './report';
import { callKeyOf, deltaRoom, newDevice, snapshotRoom, type CallState, type RoomState } from './rooms';

/**
 * What the lead wires to the outbox: `enqueue({ body, source: 'device', roomId, deviceId, deviceCallId,
 * callStartedAtMs, callEndedAtMs })` (electron/core/outbox/types.ts EnqueueInput).
 */
export interface DeviceCallReport {
  body: TeleconferenceDeviceQualityDraft;
  roomId: string;
  deviceId: string;
  deviceCallId: string;
  /** Sample time of the call's first and last samples (epoch ms): the outbox's time-window matching. */
  callStartedAtMs: number;
  callEndedAtMs: number;
}

export interface TrackedRoom {
  id: string;
  name: string;
  /** Config `rooms[].devices[]`: lets device states show before the first sample. */
  devices?: readonly { id: string }[];
}

export interface LegTrackerOptions {
  /** Epoch milliseconds (injected clock). */
  now: () => number;
  onReport: (report: DeviceCallReport) => void;
  onAlert?: (event: AlertEvent) => void;
  /** Every episode of a room being poor, begun and ended (the alert log); see quality/alerts.ts. */
  onRoomEpisode?: (episode: RoomEpisode) => void;
  thresholds?: Thresholds;
  pushIntervalMs?: number;
  rooms: readonly TrackedRoom[];
  alertCooldownMs?: number;
  callIdleTimeoutMs?: number;
  maxActiveCalls?: number;
  maxLegsPerCall?: number;
  historyPoints?: number;
  historyStepMs?: number;
  timers?: Timers;
  /** A throwing onReport / listener must not break ingestion; it is reported here. */
  onError?: (error: unknown) => void;
}

/** Why the tracker did not take a sample (IngestResult.drops). */
export type SampleDropCode = 'invalid_time' | 'too_many_calls' | 'too_many_legs';

export interface SampleDrop {
  /** The sample's position in the batch given to ingestSamples. */
  index: number;
  code: SampleDropCode;
  message: string;
}

export interface IngestResult {
  accepted: number;
  dropped: number;
  /** One entry per dropped sample, in batch order. */
  drops: SampleDrop[];
}

export function createLegTracker(options: LegTrackerOptions) {
  const { now } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const timers = options.timers ?? nodeTimers;
  const idleTimeoutMs = options.callIdleTimeoutMs ?? 60_000;
  const maxActiveCalls = options.maxActiveCalls ?? 1_000;
  const maxLegsPerCall = options.maxLegsPerCall ?? 32;
  const legOptions = {
    hysteresisSamples: thresholds.hysteresisSamples,
    historyPoints: options.historyPoints ?? DEFAULT_HISTORY_POINTS,
    historyStepMs: options.historyStepMs ?? DEFAULT_HISTORY_STEP_MS,
  };
  const reportError = (error: unknown): void => options.onError?.(error);

  const rooms = new Map<string, RoomState>();
  const deviceRoom = new Map<string, string>();
  const calls = new Map<string, CallState>();
  const deviceNames = new Map<string, string>();
  const pendingContexts = createPendingContexts(now);
  let droppedTotal = 0;

  /**
   * Makes `list` the configured rooms. A room that is no longer configured but has a call in progress stays
   * (as unconfigured) until that call ends, so editing the settings never loses a live call.
   */
  const setRooms = (list: readonly TrackedRoom[]): string[] => {
    const wanted = new Set(list.map((room) => room.id));
    const changed: string[] = [];
    for (const room of [...rooms.values()]) {
      if (!room.configured || wanted.has(room.id)) continue;
      room.configured = false;
      changed.push(room.id);
      forgetRoomIfTransient(room);
    }
    for (const room of list) {
      const state: RoomState = rooms.get(room.id) ?? { id: room.id, name: room.name, configured: true, devices: new Map(), calls: new Map() };
      state.name = room.name;
      state.configured = true;
      for (const device of room.devices ?? []) {
        if (!state.devices.has(device.id)) state.devices.set(device.id, newDevice(device.id));
        deviceRoom.set(device.id, room.id);
      }
      rooms.set(room.id, state);
      changed.push(room.id);
    }
    return changed;
  };

  const alerts = createAlertPolicy({
    now,
    cooldownMs: options.alertCooldownMs,
    onAlert: (event) => {
      try {
        options.onAlert?.(event);
      } catch (error) {
        reportError(error);
      }
    },
    onRoomEpisode: (episode) => {
      try {
        options.onRoomEpisode?.(episode);
      } catch (error) {
        reportError(error);
      }
    },
  });

  const publisher = createPublisher({
    intervalMs: options.pushIntervalMs ?? 500,
    now,
    timers,
    onListenerError: reportError,
    buildRooms: (roomIds) =>
      roomIds.map((id) => rooms.get(id)).filter((room): room is RoomState => room !== undefined).map(deltaRoom),
  });

  const roomFor = (roomId: string): RoomState => {
    let room = rooms.get(roomId);
    if (room === undefined) {
      room = { id: roomId, name: roomId, configured: false, devices: new Map(), calls: new Map() };
      rooms.set(roomId, room);
    }
    return room;
  };

  const forgetRoomIfTransient = (room: RoomState): void => {
    if (room.configured || room.calls.size > 0) return;
    for (const deviceId of room.devices.keys()) deviceRoom.delete(deviceId);
    rooms.delete(room.id);
  };

  setRooms(options.rooms);

  const openCall = (sample: LiveSample, atMs: number): CallState | undefined => {
    if (calls.size >= maxActiveCalls) return undefined;
    const room = roomFor(sample.roomId);
    if (!room.devices.has(sample.deviceId)) room.devices.set(sample.deviceId, newDevice(sample.deviceId));
    if (!deviceRoom.has(sample.deviceId)) deviceRoom.set(sample.deviceId, room.id);
    const key = callKeyOf(sample.deviceId, sample.callId);
    const call: CallState = {
      key,
      roomId: room.id,
      deviceId: sample.deviceId,
      callId: sample.callId,
      firstAtMs: atMs,
      lastAtMs: atMs,
      lastIngestAtMs: now(),
      legs: new Map(),
      ids: pendingContexts.take(sample.deviceId, sample.callId),
    };
    calls.set(key, call);
    room.calls.set(key, call);
    return call;
  };

  /** Takes one sample; returns why not when it cannot. */
  const ingestOne = (sample: LiveSample): { code: SampleDropCode; message: string } | undefined => {
    const atMs = Date.parse(sample.at);
    if (Number.isNaN(atMs)) return { code: 'invalid_time', message: `"at" (${sample.at}) is not a date-time` };
    const call = calls.get(callKeyOf(sample.deviceId, sample.callId)) ?? openCall(sample, atMs);
    if (call === undefined) {
      return { code: 'too_many_calls', message: `${maxActiveCalls} device calls are already tracked: call "${sample.callId}" of device "${sample.deviceId}" was not opened` };
    }
    const legId = `${sample.modality}/${sample.direction}/${sample.channelIndex}`;
    let leg = call.legs.get(legId);
    if (leg === undefined) {
      if (call.legs.size >= maxLegsPerCall) {
        return { code: 'too_many_legs', message: `call "${sample.callId}" of device "${sample.deviceId}" already has ${maxLegsPerCall} legs: ${legId} was not added` };
      }
      const legKey: LegKey = {
        roomId: call.roomId,
        deviceId: sample.deviceId,
        callId: sample.callId,
        modality: sample.modality,
        direction: sample.direction,
        channelIndex: sample.channelIndex,
      };
      leg = createLegState(legKey, atMs, legOptions);
      call.legs.set(legId, leg);
    }
    const step = updateLeg(leg, sample, atMs, thresholds[sample.modality]);
    if (atMs < call.firstAtMs) call.firstAtMs = atMs;
    if (atMs > call.lastAtMs) call.lastAtMs = atMs;
    call.lastIngestAtMs = now();
    if (step.changed) {
      const room = rooms.get(call.roomId);
      const alertLeg = { key: leg.key, roomName: room?.name ?? call.roomId };
      if (step.state === 'poor') alerts.legBecamePoor(alertLeg, step.reason, sample.at);
      else if (step.previous === 'poor') alerts.legLeftPoor(alertLeg, leg.lastPoorReason, sample.at);
    }
    publisher.markDirty(call.roomId);
    return undefined;
  };

  const endCall = (deviceId: string, callId: string, endOptions: { deviceName?: string } = {}): DeviceCallReport | null => {
    if (endOptions.deviceName !== undefined && endOptions.deviceName.trim() !== '') deviceNames.set(deviceId, endOptions.deviceName);
    const call = calls.get(callKeyOf(deviceId, callId));
    if (call === undefined) return null;
    calls.delete(call.key);
    const room = rooms.get(call.roomId);
    room?.calls.delete(call.key);
    const roomName = room?.name ?? call.roomId;
    const endedAt = new Date(call.lastAtMs).toISOString();
    const legs: LegState[] = [...call.legs.values()];
    for (const leg of legs) {
      alerts.legEnded({ key: leg.key, roomName }, summarizeLeg(leg), leg.lastPoorReason, leg.everPoor, endedAt);
    }
    publisher.markDirty(call.roomId);
    if (room !== undefined) forgetRoomIfTransient(room);
    if (legs.length === 0) return null;
    const report: DeviceCallReport = {
      body: buildQualityReport({
        legs,
        deviceName: endOptions.deviceName ?? deviceNames.get(deviceId) ?? deviceId,
        deviceDescription: roomName,
        mediaLegId: randomUUID(),
        ...call.ids,
      }),
      roomId: call.roomId,
      deviceId,
      deviceCallId: callId,
      callStartedAtMs: call.firstAtMs,
      callEndedAtMs: call.lastAtMs,
    };
    try {
      options.onReport(report);
    } catch (error) {
      reportError(error);
    }
    return report;
  };

  /** Ends calls with no sample for `callIdleTimeoutMs` (senders that never say "ended"). */
  const sweep = (): number => {
    const cutoff = now() - idleTimeoutMs;
    const idle = [...calls.values()].filter((call) => call.lastIngestAtMs <= cutoff);
    for (const call of idle) endCall(call.deviceId, call.callId);
    return idle.length;
  };

  let sweepTimer: unknown;
  let closed = false;
  const scheduleSweep = (): void => {
    if (closed) return;
    sweepTimer = timers.setTimeout(() => {
      sweep();
      scheduleSweep();
    }, Math.min(15_000, Math.max(1_000, idleTimeoutMs / 4)));
  };
  scheduleSweep();

  return {
    ingestSamples(samples: readonly LiveSample[]): IngestResult {
      const drops: SampleDrop[] = [];
      samples.forEach((sample, index) => {
        const drop = ingestOne(sample);
        if (drop !== undefined) drops.push({ index, ...drop });
      });
      droppedTotal += drops.length;
      return { accepted: samples.length - drops.length, dropped: drops.length, drops };
    },
    /** True while the tracker holds this device call (a sample for it continues it, opening nothing). */
    hasCall(deviceId: string, callId: string): boolean {
      return calls.has(callKeyOf(deviceId, callId));
    },
    endCall,
    /** Attaches Teams ids to matching active calls; returns the matched legs (../shared/design/contracts.md call-context). */
    setCallContext(input: CallContextInput): LegKey[] {
      checkCallContext(input);
      const ids = { callChainId: input.callChainId, participantId: input.participantId };
      const matched = matchCalls(calls.values(), input, DEFAULT_MATCH_TOLERANCE_MS);
      if (matched.length === 0 && input.deviceId !== undefined && input.callId !== undefined) {
        pendingContexts.remember(input.deviceId, input.callId, ids);
      }
      for (const call of matched) {
        call.ids = ids;
        publisher.markDirty(call.roomId);
      }
      return matched.flatMap((call) => [...call.legs.values()].map((leg) => leg.key));
    },
    /** Every room in full (getRooms); pushes carry only what changed since the previous push. */
    snapshot(): RoomSnapshot[] {
      const asOfSeq = publisher.lastSeq();
      return [...rooms.values()].map((room) => snapshotRoom(room, asOfSeq));
    },
    subscribe(listener: RoomsListener): () => void {
      return publisher.subscribe(listener);
    },
    setDeviceState(deviceId: string, state: DeviceState, error?: string): void {
      const room = rooms.get(deviceRoom.get(deviceId) ?? '');
      if (room === undefined) return; // not configured and never sampled: nothing shows it
      const device = room.devices.get(deviceId) ?? newDevice(deviceId);
      const lastError = state === 'online' ? null : (error ?? device.lastError);
      if (device.state === state && device.lastError === lastError) return;
      room.devices.set(deviceId, { ...device, deviceId, state, lastError, sinceMs: device.state === state ? device.sinceMs : now() });
      publisher.markDirty(room.id);
    },
    /** A native Teams Rooms call seen on the device (its start, ISO), or none: shown, never reported. */
    setTeamsRoomsCall(deviceId: string, since: string | null): void {
      const room = rooms.get(deviceRoom.get(deviceId) ?? '');
      if (room === undefined) return;
      const device = room.devices.get(deviceId) ?? newDevice(deviceId);
      if ((device.teamsRoomsCallSince ?? null) === since) return;
      const { deviceId: id, state, lastError, sinceMs } = device;
      room.devices.set(deviceId, { deviceId: id, state, lastError, sinceMs, ...(since !== null && { teamsRoomsCallSince: since }) });
      publisher.markDirty(room.id);
    },
    /** Replaces the configured rooms (settings changed); publishes the rooms that changed. */
    setRooms(list: readonly TrackedRoom[]): void {
      for (const id of setRooms(list)) publisher.markDirty(id);
    },
    sweep,
    /** Pushes pending room changes now instead of at the next push slot. */
    flush: publisher.flush,
    stats: () => ({ activeCalls: calls.size, rooms: rooms.size, droppedSamples: droppedTotal }),
    close(): void {
      closed = true;
      if (sweepTimer !== undefined) timers.clearTimeout(sweepTimer);
      publisher.close();
    },
  };
}

export type LegTracker = ReturnType<typeof createLegTracker>;

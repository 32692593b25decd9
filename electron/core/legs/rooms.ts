/**
 * The tracker's bookkeeping of rooms, their devices and active device calls, and how it is shown: in full
 * (RoomSnapshot, for getRooms) or as what changed since the previous push (RoomDelta, for roomsChanged),
 * both in shared/domain/legs.ts. Both are built on demand (getRooms or a push), never per sample.
 */
import type {
  CallDelta,
  CallSnapshot,
  DeviceSnapshot,
  DeviceState,
  LegClassification,
  RoomDelta,
  RoomSnapshot,
  RoomSummary,
} from '../../../shared/domain/legs';
import { MODALITIES, DIRECTIONS } from '../../../shared/domain/legs';
import type { MatchableCall, TeamsIds } from './call-context';
import { deltaLeg, snapshotLeg, worseOf, type LegState } from './leg';

export interface DeviceInfo {
  deviceId: string;
  state: DeviceState;
  lastError: string | null;
  sinceMs: number | null;
  /** A native Teams Rooms call the device is in (ISO start), shown beside the device; Teams measures it. */
  teamsRoomsCallSince?: string;
}

export interface CallState extends MatchableCall {
  key: string;
  legs: Map<string, LegState>;
  /** Wall-clock (injected now) of the last sample received: drives the idle timeout. */
  lastIngestAtMs: number;
  ids: TeamsIds | undefined;
}

export interface RoomState {
  id: string;
  name: string;
  /** Configured rooms stay listed when idle; rooms first named by a sample go when their last call ends. */
  configured: boolean;
  devices: Map<string, DeviceInfo>;
  calls: Map<string, CallState>;
}

export function callKeyOf(deviceId: string, callId: string): string {
  return `${deviceId}\u0000${callId}`;
}

export function newDevice(deviceId: string): DeviceInfo {
  return { deviceId, state: 'unknown', lastError: null, sinceMs: null };
}

const MODALITY_ORDER = new Map<string, number>(MODALITIES.map((modality, index) => [modality, index]));
const DIRECTION_ORDER = new Map<string, number>(DIRECTIONS.map((direction, index) => [direction, index]));

function compareLegs(a: LegState, b: LegState): number {
  return (
    (MODALITY_ORDER.get(a.key.modality) ?? 0) - (MODALITY_ORDER.get(b.key.modality) ?? 0) ||
    (DIRECTION_ORDER.get(a.key.direction) ?? 0) - (DIRECTION_ORDER.get(b.key.direction) ?? 0) ||
    a.key.channelIndex - b.key.channelIndex
  );
}

/** A call's fields but its legs, with the worst of its legs' classifications. */
function callFields(call: CallState, legs: readonly { classification: LegClassification }[]): Omit<CallSnapshot, 'legs'> {
  let classification: LegClassification = 'unknown';
  for (const leg of legs) classification = worseOf(classification, leg.classification);
  return {
    deviceId: call.deviceId,
    callId: call.callId,
    startedAt: new Date(call.firstAtMs).toISOString(),
    lastSampleAt: new Date(call.lastAtMs).toISOString(),
    callChainId: call.ids?.callChainId ?? null,
    participantId: call.ids?.participantId ?? null,
    classification,
  };
}

function sortedLegs(call: CallState): LegState[] {
  return [...call.legs.values()].sort(compareLegs);
}

export function snapshotCall(call: CallState): CallSnapshot {
  const legs = sortedLegs(call).map(snapshotLeg);
  return { ...callFields(call, legs), legs };
}

function deltaCall(call: CallState): CallDelta {
  const legs = sortedLegs(call).map(deltaLeg);
  return { ...callFields(call, legs), legs };
}

function snapshotDevice(device: DeviceInfo): DeviceSnapshot {
  return {
    deviceId: device.deviceId,
    state: device.state,
    lastError: device.lastError,
    since: device.sinceMs === null ? null : new Date(device.sinceMs).toISOString(),
    ...(device.teamsRoomsCallSince !== undefined && { teamsRoomsCallSince: device.teamsRoomsCallSince }),
  };
}

/** Newest first: activeCalls[0] is the call a room card shows. */
function sortedCalls(room: RoomState): CallState[] {
  return [...room.calls.values()].sort((a, b) => b.firstAtMs - a.firstAtMs);
}

function roomSummary(room: RoomState, calls: readonly { classification: LegClassification }[]): RoomSummary {
  let classification: LegClassification = 'unknown';
  for (const call of calls) classification = worseOf(classification, call.classification);
  return { roomId: room.id, roomName: room.name, devices: [...room.devices.values()].map(snapshotDevice), classification };
}

/** The room in full (getRooms); `asOfSeq`: the last push sent (RoomSnapshot.asOfSeq). */
export function snapshotRoom(room: RoomState, asOfSeq: number): RoomSnapshot {
  const activeCalls = sortedCalls(room).map(snapshotCall);
  return { ...roomSummary(room, activeCalls), activeCalls, asOfSeq };
}

/**
 * The room in a push: every active call and leg, but per leg only the history points changed since the
 * previous push (marked as pushed here, so build it once per push).
 */
export function deltaRoom(room: RoomState): RoomDelta {
  const activeCalls = sortedCalls(room).map(deltaCall);
  return { ...roomSummary(room, activeCalls), activeCalls };
}

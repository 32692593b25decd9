/**
 * The tracker's bookkeeping of rooms, their devices and active device calls, and how it is shown
 * (RoomSnapshot, shared/domain/legs.ts). Snapshots are built on demand (push or `snapshot()`), never per
 * sample.
 */
import type {
  CallSnapshot,
  DeviceSnapshot,
  DeviceState,
  LegClassification,
  RoomSnapshot,
} from '../../../shared/domain/legs';
import { MODALITIES, DIRECTIONS } from '../../../shared/domain/legs';
import type { MatchableCall, TeamsIds } from './call-context';
import { snapshotLeg, worseOf, type LegState } from './leg';

export interface DeviceInfo {
  deviceId: string;
  state: DeviceState;
  lastError: string | null;
  sinceMs: number | null;
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

export function snapshotCall(call: CallState): CallSnapshot {
  const legs = [...call.legs.values()].sort(compareLegs).map(snapshotLeg);
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
    legs,
  };
}

function snapshotDevice(device: DeviceInfo): DeviceSnapshot {
  return {
    deviceId: device.deviceId,
    state: device.state,
    lastError: device.lastError,
    since: device.sinceMs === null ? null : new Date(device.sinceMs).toISOString(),
  };
}

export function snapshotRoom(room: RoomState): RoomSnapshot {
  const activeCalls = [...room.calls.values()]
    .sort((a, b) => b.firstAtMs - a.firstAtMs)
    .map(snapshotCall);
  let classification: LegClassification = 'unknown';
  for (const call of activeCalls) classification = worseOf(classification, call.classification);
  return {
    roomId: room.id,
    roomName: room.name,
    devices: [...room.devices.values()].map(snapshotDevice),
    activeCall: activeCalls[0] ?? null,
    activeCalls,
    classification,
  };
}

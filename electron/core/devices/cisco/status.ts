/**
 * What a Cisco codec's collector reports as its status, whichever transport reads it (HTTP polling or the
 * WebSocket xAPI): the newest interop call in progress, else a native Teams Rooms call (measured by Teams),
 * else none; the product name only when the codec told it (not the generic stand-in used for reports).
 */
import type { DeviceState } from '../../../../shared/domain/legs';
import type { DeviceCallStatus, DeviceStatus } from '../types';

/** The deviceName a report gets when the codec does not say its product (Graph requires one). */
export const GENERIC_NAME = 'Cisco codec';

export interface CiscoStatusInput {
  deviceId: string;
  state: DeviceState;
  lastError: string | undefined;
  productName: string | undefined;
  softwareVersion: string | undefined;
  transport: string;
  /** Interop calls in progress: device call id → since (ISO time). */
  openCalls: Iterable<[string, string]>;
  teamsCallSince: string | undefined;
}

export function ciscoStatus(input: CiscoStatusInput): DeviceStatus {
  let call: DeviceCallStatus | null = null;
  for (const [id, since] of input.openCalls) if (call === null || (call.kind === 'interop' && since > call.since)) call = { kind: 'interop', id, since };
  if (call === null && input.teamsCallSince !== undefined) call = { kind: 'teams_rooms', since: input.teamsCallSince };
  return {
    deviceId: input.deviceId,
    kind: 'cisco-xapi',
    state: input.state,
    ...(input.lastError !== undefined && { error: input.lastError }),
    ...(input.productName !== undefined && input.productName !== GENERIC_NAME && { product: input.productName }),
    ...(input.softwareVersion !== undefined && { softwareVersion: input.softwareVersion }),
    transport: input.transport,
    call,
  };
}

/**
 * The collector seam: what every device kind implements, so the leg tracker, the outbox and the UI never
 * know which vendor a room holds. A kind (registry.ts) makes collectors and answers Settings' "Test
 * device"; a collector reads one device and tells its sinks about samples, ended calls and state changes.
 *
 * Samples use the app's units (shared/domain/samples.ts); a call's key (`callId`) is the device's own call
 * key, the one a gateway gives `POST /api/v1/call-context` (../shared/design/contracts.md), stable across a device restart
 * while the call lasts, so an outage does not split a call in two reports.
 */
import type { CiscoTransport, DeviceKind } from '../../../shared/config/schema';
import type { DeviceState } from '../../../shared/domain/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import type { Logger } from '../log/logger';
import type { Timers } from '../timers';

/** What a collector needs of one configured device (secrets already resolved). */
export interface CollectorDeviceConfig {
  id: string;
  kind: DeviceKind;
  url: string;
  username: string;
  password: string;
  allowSelfSigned?: boolean;
  /** Lower-case hex SHA-256 of the certificate the device must present (instead of allowSelfSigned). */
  certificateSha256?: string;
  transport?: CiscoTransport;
  pollSeconds?: number;
}

export interface CallEndedEvent {
  deviceId: string;
  callId: string;
  /** Graph's deviceName: the product as the device names itself ("Cisco SX80", "Poly StudioX30"). */
  deviceName: string;
}

export interface DeviceStateEvent {
  deviceId: string;
  state: DeviceState;
  error?: string;
}

export interface CollectorSinks {
  onSamples: (samples: LiveSample[]) => void;
  /** Once per call, after its last sample: the tracker turns the call into one report. */
  onCallEnded: (event: CallEndedEvent) => void;
  onDeviceState: (event: DeviceStateEvent) => void;
}

export interface CollectorContext extends CollectorSinks {
  roomId: string;
  /** Epoch milliseconds; stamps the samples. */
  now: () => number;
  log?: Logger;
  timers?: Timers;
  random?: () => number;
  /** Overrides the kind's polling floor (its statistics interval): simulated codecs run faster than life. */
  minPollSeconds?: number;
}

/**
 * The call a device is in now. `interop`: a call this app measures and reports (SIP/H.323, e.g. a Teams
 * video-interop call). `teams_rooms`: a native Microsoft Teams Rooms call, measured by Teams itself; it
 * is shown, never reported.
 */
export type DeviceCallStatus = { kind: 'interop'; id: string; since: string } | { kind: 'teams_rooms'; since: string };

/** A device as `status --json` and telemetry read it; stable shape (../shared/design/contracts.md `status`). */
export interface DeviceStatus {
  deviceId: string;
  kind: DeviceKind;
  state: DeviceState;
  error?: string;
  product?: string;
  softwareVersion?: string;
  /** How the device is read now, when the kind has a choice (Cisco: websocket, or http as a fallback). */
  transport?: string;
  call: DeviceCallStatus | null;
}

export interface DeviceCollector {
  start(): void;
  /** Stops polling or the push session and ends the open calls (what was measured is reported). */
  stop(): Promise<void>;
  /** Reads the device once now (shares a read already in flight); resolves, never rejects. */
  pollOnce(): Promise<unknown>;
  status(): DeviceStatus;
}

export interface DeviceTestInput {
  url: string;
  username: string;
  password: string;
  allowSelfSigned: boolean;
  certificateSha256?: string;
  transport?: CiscoTransport;
  timeoutMs?: number;
}

export interface DeviceTestResult {
  ok: boolean;
  state: 'online' | 'offline' | 'auth_failed' | 'certificate_changed' | 'error';
  productId?: string;
  softwareVersion?: string;
  /** The certificate the device presented, so an operator can pin it. */
  certificateSha256?: string;
  transport?: 'websocket' | 'http';
  error?: string;
}

/** One device kind: a folder under electron/core/devices/, registered in registry.ts. */
export interface DeviceKindDefinition {
  kind: DeviceKind;
  /** Shown in Settings and logs. */
  label: string;
  createCollector(device: CollectorDeviceConfig, context: CollectorContext): DeviceCollector;
  test(input: DeviceTestInput): Promise<DeviceTestResult>;
}

/**
 * The shapes the UI reads. They are views, not storage rows: times are ISO strings, secrets appear only as
 * "set / not set", and every number carries its unit in its name.
 */
import type { CloudName } from '../config/schema';
import type { StreamComparisonRow } from '../graph/callRecordCompare';
import type { StorageProblemView } from './storage';
import type { TelemetryStatusView } from './telemetry';

export const OUTBOX_STATES = ['needs_context', 'pending', 'in_flight', 'sent', 'failed', 'discarded'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type OutboxCounts = Record<OutboxState, number>;

export interface ReportErrorView {
  httpStatus?: number;
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
}

export interface ReportSummary {
  id: string;
  state: OutboxState;
  source: 'ingest' | 'device' | 'operator';
  roomId?: string;
  deviceId?: string;
  callChainId?: string;
  participantId?: string;
  mediaLegId?: string;
  createdAt: string;
  attemptCount: number;
  nextAttemptAt?: string;
  failedReason?: 'permanent' | 'expired';
  lastError?: ReportErrorView;
}

export interface ReportAttemptView {
  attemptNo: number;
  startedAt: string;
  durationMs?: number;
  /** in_flight: no answer yet; deferred: not counted (paused route); interrupted: the agent stopped mid-request. */
  outcome: 'in_flight' | 'sent' | 'retry' | 'failed' | 'deferred' | 'interrupted';
  httpStatus?: number;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  clientRequestId: string;
  retryAfterMs?: number;
}

export interface ReportDetail extends ReportSummary {
  /** The exact teleconferenceDeviceQuality JSON that is (or will be) sent. */
  body: unknown;
  attempts: ReportAttemptView[];
  discardReason?: string;
  /** Teams' callRecord for this report's callChainId, as far as the call-records cache knows it. */
  callRecord?: ReportCallRecordView;
}

/** A report's link to its callRecord (record id = callChainId). */
export interface ReportCallRecordView {
  id: string;
  /** ok: cached and readable; not_available_yet / expired as Graph last answered; unknown: never looked up. */
  availability: 'ok' | 'not_available_yet' | 'expired' | 'unknown';
  startDateTime?: string;
  endDateTime?: string;
  /** When the cache last heard from Graph about it. */
  checkedAt?: string;
}

export interface ReportQuery {
  state?: OutboxState;
  roomId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface ReportPage {
  items: ReportSummary[];
  nextCursor?: string;
}

export type SyncState = 'running' | 'idle' | 'paused' | 'setup_needed' | 'stopped';

export interface SyncStatusView {
  state: SyncState;
  /** Why the worker is paused or needs setup, in words an operator can act on. */
  reason?: string;
  pausedByOperator: boolean;
  lastSuccessAt?: string;
  lastError?: ReportErrorView & { at: string };
  oldestUnsentAgeMs?: number;
  counts: OutboxCounts;
  /** Unsent reports as a share of the outbox bound, 0–1: the tray warns near 1. */
  fillRatio: number;
  /** Present while reports cannot be stored (or one was refused as invalid): the tray and status bar show it. */
  storage?: StorageProblemView;
  /** OpenTelemetry export (off unless configured). */
  telemetry?: TelemetryStatusView;
}

export interface CallRecordSummaryView {
  id: string;
  startDateTime: string;
  endDateTime: string;
  type: string;
  modalities: string[];
  participantNames: string[];
  organizerName?: string;
  /** Ids of this room's reports whose callChainId is this record's id. */
  reportIds: string[];
}

export type CallRecordsAvailability = 'ok' | 'not_available_yet' | 'expired' | 'missing_permission' | 'offline' | 'unavailable_in_cloud' | 'not_configured';

export interface CallRecordListView {
  availability: CallRecordsAvailability;
  message?: string;
  items: CallRecordSummaryView[];
  fetchedAt?: string;
  /** True when the list comes from the cache because Graph could not be reached. */
  stale: boolean;
}

export interface CallRecordDetailView {
  availability: CallRecordsAvailability;
  message?: string;
  /** The callRecord with every session and segment, as Graph returned it. */
  record?: unknown;
  fetchedAt?: string;
  stale: boolean;
  reports: ReportDetail[];
  /** Per stream: the room's numbers beside Teams', each metric in one unit (percent or ms). */
  comparison?: StreamComparisonRow[];
  /** Sessions in `record` (Graph pages them 60 at a time; the core reads them all). */
  sessionCount?: number;
}

export interface DeviceSettingsView {
  id: string;
  kind: 'cisco-xapi';
  url: string;
  username: string;
  passwordSet: boolean;
  allowSelfSigned: boolean;
  pollSeconds: number;
}

export interface RoomSettingsView {
  id: string;
  name: string;
  devices: DeviceSettingsView[];
}

export interface SettingsView {
  cloud: CloudName;
  tenantId?: string;
  clientId?: string;
  credential: { type: 'none' } | { type: 'secret'; secretSet: boolean } | { type: 'certificate'; certificatePath: string; privateKeyPath: string };
  rooms: RoomSettingsView[];
  thresholds: Record<string, unknown>;
  alertCooldownMinutes: number;
  ingest: { host: string; port: number };
  launchAtLogin: boolean;
  doNotDisturb: boolean;
  /** Dotted keys set by the fleet configuration file: shown read-only ("managed by your administrator"). */
  managedKeys: string[];
}

export interface ConnectionTestView {
  tokenAcquired: boolean;
  grantedPermissions: string[];
  missingPermissions: string[];
  error?: string;
}

/** "Test" next to a codec in Settings: one authenticated status read. */
export interface DeviceTestView {
  ok: boolean;
  state: 'online' | 'offline' | 'auth_failed' | 'error';
  productId?: string;
  softwareVersion?: string;
  error?: string;
}

export interface IngestTokenView {
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  revoked: boolean;
}

export interface AppInfoView {
  version: string;
  transport: 'electron' | 'web';
  demo: boolean;
  dataDir?: string;
}

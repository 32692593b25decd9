/**
 * The shapes the UI reads. They are views, not storage rows: times are ISO strings, secrets appear only as
 * "set / not set", and every number carries its unit in its name.
 */
import type { CiscoTransport, CloudName, DeviceKind } from '../config/schema';
import type { StreamComparisonRow } from '../graph/callRecordCompare';
import type { StorageProblemView } from './storage';
import type { TelemetrySettingsView, TelemetryStatusView } from './telemetry';
import type { CallRecord } from '../graph/callRecords';
import type { TeleconferenceDeviceQuality, TeleconferenceDeviceQualityDraft } from '../graph/quality';
import type { AttemptOutcome, FailedReason, ReportSource, ReportState, SyncPauseCause, SyncState } from './states';
import type { ValidationIssue } from '../validation';

export { REPORT_STATES, SYNC_STATES, type AttemptOutcome, type FailedReason, type ReportSource, type ReportState, type SyncState } from './states';

export type OutboxCounts = Record<ReportState, number>;

/** A report's teleconferenceDeviceQuality: complete, or a draft still waiting for its Teams ids. */
export type ReportBody = TeleconferenceDeviceQuality | TeleconferenceDeviceQualityDraft;

export interface ReportErrorView {
  httpStatus?: number;
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
}

export interface ReportSummary {
  id: string;
  state: ReportState;
  source: ReportSource;
  roomId?: string;
  deviceId?: string;
  callChainId?: string;
  participantId?: string;
  mediaLegId?: string;
  createdAt: string;
  attemptCount: number;
  nextAttemptAt?: string;
  failedReason?: FailedReason;
  lastError?: ReportErrorView;
}

export interface ReportAttemptView {
  attemptNo: number;
  startedAt: string;
  durationMs?: number;
  outcome: AttemptOutcome;
  httpStatus?: number;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  clientRequestId: string;
  retryAfterMs?: number;
}

export interface ReportOperatorActionView {
  at: string;
  action: 'resubmit' | 'discard' | 'attach_context';
  /** `operator` (the UI), `cli`, or the name an API caller gave. */
  actor: string;
  reason?: string;
}

export interface ReportDetail extends ReportSummary {
  /** The exact teleconferenceDeviceQuality JSON that is (or will be) sent. */
  body: ReportBody;
  attempts: ReportAttemptView[];
  /** What operators did to it (oldest first): with the attempts, the report's timeline. */
  operatorActions?: ReportOperatorActionView[];
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
  state?: ReportState;
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

export interface SyncPauseView {
  cause: SyncPauseCause;
  /** When the worker tries again on its own (throttled: the server's Retry-After; others: the next probe). */
  retryAt?: string;
  /** missing_permission: the Graph permission to grant. */
  permission?: string;
}

export interface SyncStatusView {
  state: SyncState;
  /** Why the worker is paused or needs setup, in the core's English: the UI shows it only as a detail. */
  reason?: string;
  pausedByOperator: boolean;
  /** What holds sending up (absent while it runs or the operator paused it): the UI words it from these fields. */
  pause?: SyncPauseView;
  lastSuccessAt?: string;
  lastError?: ReportErrorView & { at: string };
  oldestUnsentAgeMs?: number;
  counts: OutboxCounts;
  /** Unsent reports as a share of the outbox bound, 0–1: the tray warns near 1. */
  fillRatio: number;
  /** Present while reports cannot be stored (or one was refused as invalid): the tray and status bar show it. */
  storage?: StorageProblemView;
  /**
   * Settings that could not be applied (a certificate file gone, a saved value this version refuses), each
   * naming the setting; everything else runs. Absent when there is none.
   */
  settingsProblems?: ValidationIssue[];
  /** OpenTelemetry export (off unless configured). */
  telemetry?: TelemetryStatusView;
}

/** One episode of a room being poor (the alert log, kept 30 days). */
export interface AlertLogEntryView {
  id: number;
  /** When the room turned poor. */
  at: string;
  roomId: string;
  roomName: string;
  deviceId: string;
  modality: 'audio' | 'video' | 'screenSharing';
  direction: 'inbound' | 'outbound';
  channelIndex: number;
  metric?: 'lossPercent' | 'jitterMs' | 'roundTripMs' | 'frameRate';
  value?: number;
  threshold?: number;
  /** When it had no poor leg left; absent while still poor. */
  endedAt?: string;
  /** recovered, or call_ended when the call ended while it was poor. */
  endedHow?: 'recovered' | 'call_ended';
}

export interface CallRecordSummaryView {
  id: string;
  startDateTime: string;
  endDateTime: string;
  type: string;
  modalities: string[];
  participantNames: string[];
  organizerName?: string;
  /** callRecord.version: Graph raises it each time the record is updated after it was first published. */
  version?: number;
  /** Ids of this room's reports whose callChainId is this record's id. */
  reportIds: string[];
  /**
   * A native Teams Rooms call of a configured room: the room's account (rooms[].teamsRoomAccount) took part
   * and the room's codec was in a Teams Rooms call during the record's span. Teams measured it; no report.
   */
  teamsRoomsCall?: { roomId: string; roomName: string };
}

export type CallRecordsAvailability = 'ok' | 'not_available_yet' | 'expired' | 'missing_permission' | 'offline' | 'unavailable_in_cloud' | 'not_configured';

export interface CallRecordListView {
  availability: CallRecordsAvailability;
  message?: string;
  items: CallRecordSummaryView[];
  fetchedAt?: string;
  /** When the core reads the list from Graph again on its own ("List as of 06:14, next at 06:19"). */
  nextRefreshAt?: string;
  /** True when the list comes from the cache because Graph could not be reached. */
  stale: boolean;
}

export interface CallRecordDetailView {
  availability: CallRecordsAvailability;
  message?: string;
  /** The callRecord with every session and segment, as Graph returned it. */
  record?: CallRecord;
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
  kind: DeviceKind;
  url: string;
  username: string;
  passwordSet: boolean;
  allowSelfSigned: boolean;
  certificateSha256?: string;
  transport?: CiscoTransport;
  pollSeconds: number;
}

export interface RoomSettingsView {
  id: string;
  name: string;
  devices: DeviceSettingsView[];
  /** The room's Teams resource account (UPN or Entra object id): finds its Teams Rooms calls in callRecords. */
  teamsRoomAccount?: string;
}

export interface SettingsView {
  cloud: CloudName;
  tenantId?: string;
  clientId?: string;
  credential: { type: 'none' } | { type: 'secret'; secretSet: boolean } | { type: 'certificate'; certificatePath: string; privateKeyPath: string; privateKeyPassphraseSet: boolean };
  rooms: RoomSettingsView[];
  thresholds: Record<string, unknown>;
  alertCooldownMinutes: number;
  ingest: { host: string; port: number };
  launchAtLogin: boolean;
  doNotDisturb: boolean;
  /** OpenTelemetry export; absent from cores that predate it. */
  telemetry?: TelemetrySettingsView;
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
  state: 'online' | 'offline' | 'auth_failed' | 'certificate_changed' | 'error';
  productId?: string;
  softwareVersion?: string;
  /** The certificate the device presented (https only): what an operator pins as `certificateSha256`. */
  certificateSha256?: string;
  /** Cisco: how the codec was reached ('websocket', or 'http' when its WebSocket is off). */
  transport?: 'websocket' | 'http';
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

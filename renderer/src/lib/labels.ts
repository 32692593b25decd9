/**
 * Message keys for the enums the core sends, so a label is always a translated word (and a new enum value
 * fails the type check here instead of showing a raw identifier).
 */
import type { AppErrorCode } from '../../../shared/api/result';
import type { CallRecordsAvailability, ReportState, SyncState } from '../../../shared/api/views';
import type { DeviceState, Direction, LegClassification, Modality } from '../../../shared/domain/legs';
import type { MessageKey } from '../i18n';

export const CLASSIFICATION_KEY: Record<LegClassification, MessageKey> = {
  good: 'classification.good',
  warning: 'classification.warning',
  poor: 'classification.poor',
  unknown: 'classification.unknown',
};

export const MODALITY_KEY: Record<Modality, MessageKey> = {
  audio: 'modality.audio',
  video: 'modality.video',
  screenSharing: 'modality.screenSharing',
};

export const DIRECTION_KEY: Record<Direction, MessageKey> = {
  inbound: 'direction.inbound',
  outbound: 'direction.outbound',
};

export const DEVICE_STATE_KEY: Record<DeviceState, MessageKey> = {
  online: 'deviceState.online',
  offline: 'deviceState.offline',
  auth_failed: 'deviceState.auth_failed',
  certificate_changed: 'deviceState.certificate_changed',
  error: 'deviceState.error',
  unknown: 'deviceState.unknown',
};

export const OUTBOX_STATE_KEY: Record<ReportState, MessageKey> = {
  needs_context: 'outboxState.needs_context',
  pending: 'outboxState.pending',
  in_flight: 'outboxState.in_flight',
  sent: 'outboxState.sent',
  failed: 'outboxState.failed',
  discarded: 'outboxState.discarded',
};

export const SYNC_STATE_KEY: Record<SyncState, MessageKey> = {
  running: 'syncState.running',
  idle: 'syncState.idle',
  paused: 'syncState.paused',
  setup_needed: 'syncState.setup_needed',
  stopped: 'syncState.stopped',
};

export const AVAILABILITY_KEY: Record<Exclude<CallRecordsAvailability, 'ok'>, MessageKey> = {
  not_available_yet: 'callRecords.availability.not_available_yet',
  expired: 'callRecords.availability.expired',
  missing_permission: 'callRecords.availability.missing_permission',
  offline: 'callRecords.availability.offline',
  unavailable_in_cloud: 'callRecords.availability.unavailable_in_cloud',
  not_configured: 'callRecords.availability.not_configured',
};

export const ERROR_CODE_KEY: Record<AppErrorCode, MessageKey> = {
  not_ready: 'error.not_ready',
  invalid_input: 'error.invalid_input',
  not_found: 'error.not_found',
  conflict: 'error.conflict',
  locked: 'error.locked',
  forbidden: 'error.forbidden',
  unavailable: 'error.unavailable',
  timeout: 'error.timeout',
  internal: 'error.internal',
};

/**
 * The ingest API's dependencies (electron/core/ingest/deps.ts) wired to the real outbox, leg tracker and
 * sync worker. A posted report is committed before the 202 (report-intake.ts); a call context goes to both
 * the live calls (tracker) and the reports already waiting for it (outbox), since it may arrive before or
 * after the call ends.
 *
 * Samples are checked before the tracker sees them: a room that is not configured, or a device configured
 * in another room, refuses the whole body (a gateway must not invent rooms: each would become a report past
 * every outbox bound); a sample that would open a new call while the outbox or the disk is full refuses it
 * with 507, so the sender learns of the back-pressure before it measures more. Samples continuing a call
 * in progress are always taken: that call's report is kept whatever the bounds.
 */
import type { LiveSample } from '../../../shared/domain/samples';
import type { ValidationIssue } from '../../../shared/validation';
import type { CallContext, IngestDeps, IntakeRefusal, ReportIntakeOutcome, SamplesOutcome } from '../ingest';
import type { LegTracker, TrackedRoom } from '../legs';
import type { Logger } from '../log/logger';
import { DuplicateReportError, OutboxFullError, storageFailureOf, type ContextSelector, type EnqueueResult, type Outbox, type StorageFailure } from '../outbox';
import type { ReportIntake } from './report-intake';
import type { StorageGuard } from './storage-guard';

/** Posted reports carry no call times, only their enqueue time: a context within this slack of it matches. */
const POSTED_REPORT_SLACK_MS = 5 * 60_000;
/** Seconds a sender should wait before retrying what a full outbox or disk refused. */
export const FULL_RETRY_AFTER_SECONDS = 60;
/** Seconds before retrying what a busy database refused (a lock is usually held for moments). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export function contextSelector(context: CallContext, nowMs: number): ContextSelector {
  if (context.deviceId !== undefined && context.callId !== undefined) return { deviceId: context.deviceId, deviceCallId: context.callId };
  const atMs = context.atMs ?? nowMs;
  return { roomId: context.roomId, deviceId: context.deviceId, fromMs: atMs - POSTED_REPORT_SLACK_MS, toMs: atMs + POSTED_REPORT_SLACK_MS };
}

const OUTBOX_FULL_MESSAGE = 'The outbox is full: the report was NOT stored. Keep it and retry later, or ask the operator to free space.';

export function refusalOfStorage(failure: StorageFailure): IntakeRefusal {
  if (failure.kind === 'disk_full') {
    return { code: 'storage_full', message: `The agent's disk is full (${failure.code}): nothing was stored. Keep it and retry later; the operator must free disk space.`, retryAfterSeconds: FULL_RETRY_AFTER_SECONDS };
  }
  if (failure.kind === 'busy') {
    return { code: 'storage_busy', message: `The agent's database is locked by another process (${failure.code}): nothing was stored. Retry shortly.`, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS };
  }
  return { code: 'storage_unavailable', message: `The agent's database refused the write (${failure.code}): nothing was stored. Retry later.`, retryAfterSeconds: FULL_RETRY_AFTER_SECONDS };
}

/**
 * Runs one store and maps what the outbox can throw to the ingest API's answers. `onStorage` hears of every
 * storage failure and success (the storage guard: status and one log line per episode).
 */
export function intakeOutcome(store: () => EnqueueResult, onStorage?: { noteFailure(failure: StorageFailure): void; noteSuccess(): void }): ReportIntakeOutcome {
  try {
    const stored = store();
    onStorage?.noteSuccess();
    return { ok: true, id: stored.id, state: stored.state, existing: stored.existing };
  } catch (error) {
    if (error instanceof OutboxFullError) return { ok: false, refusal: { code: 'outbox_full', message: OUTBOX_FULL_MESSAGE, retryAfterSeconds: FULL_RETRY_AFTER_SECONDS } };
    if (error instanceof DuplicateReportError) return { ok: false, duplicate: { mediaLegId: error.mediaLegId, existingId: error.existingId, message: error.message } };
    const failure = storageFailureOf(error);
    if (failure === undefined) throw error;
    onStorage?.noteFailure(failure);
    return { ok: false, refusal: refusalOfStorage(failure) };
  }
}

/** Issues for the samples that name a room or device this agent does not have (paths into the posted batch). */
export function unconfiguredSamples(samples: readonly LiveSample[], rooms: readonly TrackedRoom[]): ValidationIssue[] {
  const byId = new Map(rooms.map((room) => [room.id, room]));
  const roomOfDevice = new Map<string, string>();
  for (const room of rooms) for (const device of room.devices ?? []) roomOfDevice.set(device.id, room.id);
  const issues: ValidationIssue[] = [];
  samples.forEach((sample, index) => {
    const room = byId.get(sample.roomId);
    if (room === undefined) {
      issues.push({ path: `samples[${index}].roomId`, message: `room "${sample.roomId}" is not configured on this agent` });
      return;
    }
    const deviceRoom = roomOfDevice.get(sample.deviceId);
    if (deviceRoom !== undefined && deviceRoom !== room.id) {
      issues.push({ path: `samples[${index}].deviceId`, message: `device "${sample.deviceId}" is configured in room "${deviceRoom}", not "${room.id}"` });
    } else if (deviceRoom === undefined && (room.devices?.length ?? 0) > 0) {
      // A room with configured devices takes samples from those only; a room without any is fed by gateways.
      issues.push({ path: `samples[${index}].deviceId`, message: `device "${sample.deviceId}" is not configured in room "${room.id}"` });
    }
  });
  return issues;
}

export interface IngestWiringParts {
  outbox: Pick<Outbox, 'stats' | 'attachContext'>;
  intake: ReportIntake;
  storage: Pick<StorageGuard, 'noteFailure' | 'noteSuccess' | 'problem'>;
  tracker: Pick<LegTracker, 'ingestSamples' | 'setCallContext' | 'hasCall'>;
  /** The configured rooms (and their devices), read at each request so Settings changes apply at once. */
  rooms: () => readonly TrackedRoom[];
  log: Logger;
  version: string;
  now: () => number;
}

export function createIngestDeps(parts: IngestWiringParts): IngestDeps {
  const { outbox, intake, storage, tracker, log, now } = parts;

  /** Why a new call cannot be opened now, if it cannot. */
  const newCallRefusal = (): IntakeRefusal | undefined => {
    const problem = storage.problem();
    if (problem?.kind === 'disk_full') return refusalOfStorage({ kind: 'disk_full', code: problem.code, message: problem.message });
    if (outbox.stats().full) {
      return { code: 'outbox_full', message: 'The outbox is full: samples that would start a new call were NOT taken (its report could not be kept within the bounds). Retry later.', retryAfterSeconds: FULL_RETRY_AFTER_SECONDS };
    }
    return undefined;
  };

  return {
    enqueueReport({ quality, roomId, deviceId }) {
      return intakeOutcome(() => intake.storeReport({ body: quality, source: 'ingest', roomId, deviceId }), storage);
    },
    ingestSamples(samples): SamplesOutcome {
      const notConfigured = unconfiguredSamples(samples, parts.rooms());
      if (notConfigured.length > 0) return { ok: false, notConfigured };
      const opening = samples.flatMap((sample, index) => (tracker.hasCall(sample.deviceId, sample.callId) ? [] : [index]));
      if (opening.length > 0) {
        const refusal = newCallRefusal();
        if (refusal !== undefined) {
          const issues = opening.map((index) => ({ path: `samples[${index}]`, message: 'would start a new call' }));
          return { ok: false, refusal, issues };
        }
      }
      const result = tracker.ingestSamples(samples);
      return { ok: true, accepted: result.accepted, drops: result.drops };
    },
    attachCallContext(context) {
      const legs = tracker.setCallContext({
        deviceId: context.deviceId,
        roomId: context.roomId,
        callId: context.callId,
        at: context.at,
        callChainId: context.callChainId,
        participantId: context.participantId,
      });
      const reports = outbox.attachContext(contextSelector(context, now()), { callChainId: context.callChainId, participantId: context.participantId }, 'ingest');
      intake.reportsChanged(reports.changed, 'enqueued');
      return { matchedLegs: legs.length, matchedReports: reports.changed.length };
    },
    health() {
      const stats = outbox.stats();
      return { status: stats.full || storage.problem() !== undefined ? 'degraded' : 'ok', version: parts.version, outbox: stats.counts };
    },
    now,
    log: (level, msg, fields) => log[level](msg, fields),
  };
}

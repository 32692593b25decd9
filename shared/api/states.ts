/**
 * The states and enumerations that both the core and the UI name, each defined once as a zod enum: the
 * schema checks a request or a stored value, the array lists the members in display order, the type is
 * inferred. The outbox, the sync worker, the CLI and the renderer import these; nothing re-declares them.
 */
import { z } from 'zod';

/** A report's place in the outbox (../shared/design/architecture.md "Outbox states"). */
export const reportStateSchema = z.enum(['needs_context', 'pending', 'in_flight', 'sent', 'failed', 'discarded']);
export const REPORT_STATES = reportStateSchema.options;
export type ReportState = z.infer<typeof reportStateSchema>;

/** A count per state, all zero: what an empty outbox holds. */
export function emptyReportCounts(): Record<ReportState, number> {
  return { needs_context: 0, pending: 0, in_flight: 0, sent: 0, failed: 0, discarded: 0 };
}

/** ingest: posted through the API (refused when full); device: measured by this app; operator: typed in. */
export const reportSourceSchema = z.enum(['ingest', 'device', 'operator']);
export type ReportSource = z.infer<typeof reportSourceSchema>;

/** Why a report is `failed`: Graph refused it for good, or it waited past the outbox's maximum age. */
export const failedReasonSchema = z.enum(['permanent', 'expired']);
export type FailedReason = z.infer<typeof failedReasonSchema>;

/** in_flight: no answer yet; deferred: not counted (paused route); interrupted: the agent stopped mid-request. */
export const attemptOutcomeSchema = z.enum(['in_flight', 'sent', 'retry', 'failed', 'deferred', 'interrupted']);
export type AttemptOutcome = z.infer<typeof attemptOutcomeSchema>;

/** The sync worker's state as the tray, the UI and `status` show it. */
export const syncStateSchema = z.enum(['running', 'idle', 'paused', 'setup_needed', 'stopped']);
export const SYNC_STATES = syncStateSchema.options;
export type SyncState = z.infer<typeof syncStateSchema>;

/**
 * Why sending is held up, for the UI to say in the operator's language: Graph throttling, the network,
 * refused credentials, a missing permission, the Graph API unavailable, or the Graph connection not set up.
 */
export const syncPauseCauseSchema = z.enum(['throttled', 'offline', 'auth', 'missing_permission', 'unavailable', 'not_configured']);
export type SyncPauseCause = z.infer<typeof syncPauseCauseSchema>;

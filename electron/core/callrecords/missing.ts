/**
 * What a 404 for a callRecord means (../shared/reference/graph-api.md §3.3): records are created after the call ends and kept
 * 30 days. So a 404 within 30 days of the call is "not available yet" and is asked again later, with
 * backoff (first after `firstRetryMs`, doubling, at most hourly); a 404 more than 30 days after the call is
 * "expired" and is not asked again automatically. When nothing tells when the call was (an id typed by
 * hand), the 30 days count from the first 404.
 */
import type { MissingStatus } from './cache';
import { backoffCeilingMs } from '../../../shared/backoff';

export const RETENTION_MS = 30 * 86_400_000;
/**
 * How long after a call its record is looked for on its own: Microsoft publishes most records within an
 * hour of the call and some up to 150 minutes after it. Later, only a list refresh (every few minutes, and
 * Refresh) can still bring it.
 */
export const MATCH_WINDOW_MS = 150 * 60_000;
export const MAX_RETRY_MS = 3_600_000;

export interface MissingContext {
  id: string;
  nowMs: number;
  /** When the call ended (or its record was created), as far as the cache or the room's reports know. */
  callEndedAtMs?: number;
  previous?: MissingStatus;
  firstRetryMs: number;
}

export function missingStatus(context: MissingContext): MissingStatus {
  const { id, nowMs, previous } = context;
  const firstMissingAtMs = previous?.firstMissingAtMs ?? nowMs;
  const referenceAtMs = context.callEndedAtMs ?? previous?.referenceAtMs ?? firstMissingAtMs;
  const checkCount = (previous?.checkCount ?? 0) + 1;
  if (nowMs - referenceAtMs > RETENTION_MS) {
    return {
      id,
      availability: 'expired',
      message: `Expired: Microsoft Graph keeps call records for 30 days, and this call is from ${new Date(referenceAtMs).toISOString().slice(0, 10)}.`,
      referenceAtMs,
      firstMissingAtMs,
      checkedAtMs: nowMs,
      checkCount,
    };
  }
  const nextCheckAtMs = nowMs + retryDelayMs(context.firstRetryMs, checkCount);
  if (nextCheckAtMs - referenceAtMs > MATCH_WINDOW_MS) {
    return {
      id,
      availability: 'not_available_yet',
      message: 'Not available yet: Teams has not published this call record 2.5 hours after the call; the list refresh will still show it when it comes.',
      referenceAtMs,
      firstMissingAtMs,
      checkedAtMs: nowMs,
      checkCount,
    };
  }
  return {
    id,
    availability: 'not_available_yet',
    message: `Not available yet: Teams publishes a call record after the call ends. Checking again at ${new Date(nextCheckAtMs).toISOString()}.`,
    referenceAtMs,
    firstMissingAtMs,
    checkedAtMs: nowMs,
    checkCount,
    nextCheckAtMs,
  };
}

/** The status of a call whose report was just sent: its record cannot exist before the call ends. */
export function awaitedStatus(id: string, nowMs: number, firstRetryMs: number): MissingStatus {
  return {
    id,
    availability: 'not_available_yet',
    message: 'Not available yet: Teams publishes a call record after the call ends.',
    referenceAtMs: nowMs,
    firstMissingAtMs: nowMs,
    checkedAtMs: nowMs,
    checkCount: 0,
    nextCheckAtMs: nowMs + firstRetryMs,
  };
}

/** firstRetryMs × 2^(checks − 1), at most hourly: the shared backoff's ceiling (a schedule, not a race to spread). */
export function retryDelayMs(firstRetryMs: number, checkCount: number): number {
  return backoffCeilingMs(checkCount, { startMs: firstRetryMs, factor: 2, capMs: MAX_RETRY_MS });
}

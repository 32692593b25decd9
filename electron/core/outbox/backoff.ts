/**
 * When a failed attempt is tried again (../shared/reference/graph-api.md §4.2):
 * - the server's Retry-After when it gave one, however large (Graph has asked for 315 s; 600 s must work
 *   too): the row waits, it does not spin;
 * - otherwise the shared backoff (shared/backoff.ts: exponential, full jitter, cap) with start 5 s, factor 2,
 *   cap 15 min.
 */
import { backoffDelayMs, type BackoffPolicy } from '../../../shared/backoff';

export { backoffCeilingMs, backoffDelayMs, type BackoffPolicy } from '../../../shared/backoff';

export const DEFAULT_BACKOFF: BackoffPolicy = { startMs: 5_000, factor: 2, capMs: 15 * 60_000 };

/** Retry-After (already in ms) when given, else backoff for this attempt. */
export function retryDelayMs(
  attemptNo: number,
  retryAfterMs: number | undefined,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return Math.ceil(retryAfterMs);
  return backoffDelayMs(attemptNo, random, policy);
}

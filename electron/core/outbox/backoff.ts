/**
 * When a failed attempt is tried again (../shared/reference/graph-api.md §4.2):
 * - the server's Retry-After when it gave one, however large (Graph has asked for 315 s; 600 s must work
 *   too): the row waits, it does not spin;
 * - otherwise exponential backoff with full jitter: a uniform draw in [0, min(cap, start · factor^(n-1)))
 *   for the n-th attempt, start 5 s, factor 2, cap 15 min. Full jitter spreads the retries of many rooms
 *   that failed together (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 * `random` is injected (Math.random in production) so tests can pin the draw.
 */
export interface BackoffPolicy {
  startMs: number;
  factor: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { startMs: 5_000, factor: 2, capMs: 15 * 60_000 };

/** The ceiling of the jitter window for the n-th attempt (n ≥ 1). */
export function backoffCeilingMs(attemptNo: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attemptNo - 1);
  // Compare in log space: start · factor^exponent overflows to Infinity long before exponent gets large.
  if (exponent * Math.log(policy.factor) >= Math.log(policy.capMs / policy.startMs)) return policy.capMs;
  return policy.startMs * policy.factor ** exponent;
}

export function backoffDelayMs(attemptNo: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.floor(random() * backoffCeilingMs(attemptNo, policy));
}

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

/**
 * The one backoff of the code base: exponential with full jitter and a cap. The n-th retry (n ≥ 1) waits a
 * uniform draw in [0, min(cap, start · factor^(n-1))). Full jitter spreads the retries of many rooms, tabs
 * or devices that failed together (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 * `random` is injected (Math.random in production) so tests can pin the draw; `() => 1` gives the ceiling.
 * Pure: the sync worker, the collectors, the call-records reader and the browser's WebSocket client use it.
 */
export interface BackoffPolicy {
  startMs: number;
  factor: number;
  capMs: number;
}

/** The ceiling of the jitter window for the n-th attempt (n ≥ 1). */
export function backoffCeilingMs(attemptNo: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, attemptNo - 1);
  // Compare in log space: start · factor^exponent overflows to Infinity long before exponent gets large.
  if (exponent * Math.log(policy.factor) >= Math.log(policy.capMs / policy.startMs)) return policy.capMs;
  return policy.startMs * policy.factor ** exponent;
}

export function backoffDelayMs(attemptNo: number, random: () => number, policy: BackoffPolicy): number {
  return Math.floor(random() * backoffCeilingMs(attemptNo, policy));
}

/**
 * What one failed send means, as a pure decision (../shared/reference/graph-api.md §4):
 * - no token (kind 'auth', or 401 after the client's one refresh) → the report goes back to pending and the
 *   whole worker pauses: credentials are an installation problem, not the report's;
 * - 403 naming a missing permission → the same, the status names the permission;
 * - the API does not exist in this cloud / configuration missing → the same;
 * - retryable (408, 429, 5xx, network, timeout: GraphError.retryable) → pending again after Retry-After or
 *   backoff. A Retry-After on 429/503 pauses the whole route until then (Graph throttles the app, not the
 *   report), never longer than the ceiling below; a network error pauses it briefly (offline) instead of failing every due report in turn;
 * - any other error → failed (permanent), Graph's code and message kept on the row.
 * An error that is not a GraphError is a bug on our side: retried with backoff, never dropped.
 */
import { GraphError, type GraphErrorInfo } from '../graph/errors';
import { retryDelayMs, type BackoffPolicy, type AttemptFailure } from '../outbox/index';

export type PauseCause = 'throttled' | 'offline' | 'auth' | 'missing_permission' | 'unavailable';

/**
 * The longest Retry-After honoured. A server (or a proxy, or a clock far off) asking for days would
 * otherwise park the route and the report until then, across restarts (next_attempt_at is saved).
 */
export const RETRY_AFTER_CEILING_MS = 60 * 60_000;

export type Decision =
  | {
      action: 'retry';
      delayMs: number;
      /** throttled: `requestedMs` is the server's Retry-After, before the ceiling. */
      routePause?: { cause: 'throttled'; forMs: number; requestedMs?: number } | { cause: 'offline' };
    }
  | { action: 'failed' }
  | { action: 'defer'; cause: 'auth' | 'missing_permission' | 'unavailable'; permission?: string };

/**
 * `retryAfterCeilingMs`: a Retry-After above it is cut to it (the worker passes at most
 * RETRY_AFTER_CEILING_MS, less when the report would expire sooner).
 */
export function classifyFailure(
  info: GraphErrorInfo | undefined,
  attemptNo: number,
  random: () => number,
  backoff?: BackoffPolicy,
  retryAfterCeilingMs: number = RETRY_AFTER_CEILING_MS,
): Decision {
  if (!info) return { action: 'retry', delayMs: retryDelayMs(attemptNo, undefined, random, backoff) };
  if (info.kind === 'auth' || info.status === 401) return { action: 'defer', cause: 'auth' };
  if (info.status === 403 && info.missingPermission) {
    return { action: 'defer', cause: 'missing_permission', permission: info.missingPermission };
  }
  if (info.kind === 'unavailable') return { action: 'defer', cause: 'unavailable' };
  if (!info.retryable) return { action: 'failed' };
  const retryAfterMs = info.retryAfterMs === undefined ? undefined : Math.min(info.retryAfterMs, retryAfterCeilingMs);
  const delayMs = retryDelayMs(attemptNo, retryAfterMs, random, backoff);
  if (info.status === 429 || ((info.status === 503 || info.status === 504) && info.retryAfterMs !== undefined)) {
    const routePause: { cause: 'throttled'; forMs: number; requestedMs?: number } = { cause: 'throttled', forMs: delayMs };
    if (info.retryAfterMs !== undefined) routePause.requestedMs = info.retryAfterMs;
    return { action: 'retry', delayMs, routePause };
  }
  if (info.kind === 'network') return { action: 'retry', delayMs, routePause: { cause: 'offline' } };
  return { action: 'retry', delayMs };
}

/** The GraphError fields of a rejection; undefined for anything that is not one (a bug: see above). */
export function graphErrorInfo(error: unknown): GraphErrorInfo | undefined {
  if (error instanceof GraphError) return error.toInfo();
  return isGraphErrorInfo(error) ? error : undefined;
}

/** A GraphErrorInfo that crossed a structured clone (no prototype left): known by its discriminating keys. */
function isGraphErrorInfo(error: unknown): error is GraphErrorInfo {
  return typeof error === 'object' && error !== null && 'kind' in error && 'retryable' in error && 'code' in error;
}

/** What the outbox records for the attempt. */
export function toAttemptFailure(info: GraphErrorInfo | undefined, error: unknown, durationMs: number): AttemptFailure {
  if (!info) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'internal', code: 'internal_error', message, durationMs };
  }
  const failure: AttemptFailure = { kind: info.kind, code: info.code, message: info.message, durationMs };
  if (info.status !== undefined) failure.status = info.status;
  if (info.requestId !== undefined) failure.requestId = info.requestId;
  if (info.clientRequestId !== undefined) failure.clientRequestId = info.clientRequestId;
  if (info.retryAfterMs !== undefined) failure.retryAfterMs = info.retryAfterMs;
  return failure;
}

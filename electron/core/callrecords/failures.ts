/**
 * What a failed callRecords read means for the operator (../shared/reference/graph-api.md §3–§5), one place for the policy:
 * - 403 / CallRecords.Read.All missing → `missing_permission`, the message the issue fixes; no retry loop:
 *   the service re-checks only on its schedule or when the operator asks for a refresh.
 * - 404 → `not_found` (the service decides "not available yet" vs "expired" from what it knows of the call).
 * - 429 / 503 → `throttled`, with Retry-After when Graph gave one and the page to resume from.
 * - network, timeout, other 5xx, an unusable answer → `offline`: Graph cannot be read right now; the cache
 *   is served, marked stale.
 * - China → `unavailable_in_cloud`; a credential Entra ID refuses, or no configuration → `not_configured`
 *   (the fix is in Settings).
 */
import { CHINA_REFUSAL } from '../auth/clouds';
import { GraphError } from '../graph/errors';
import { GraphPagingError } from '../graph/paging';
import type { Outcome } from './views';

export const CALL_RECORDS_PERMISSION = 'CallRecords.Read.All';
export const PERMISSION_MESSAGE = 'admin consent needed for CallRecords.Read.All';

export type ReadFailure =
  | { kind: 'missing_permission'; message: string }
  | { kind: 'not_found'; message: string }
  | { kind: 'throttled'; message: string; retryAfterMs?: number; resumeFrom?: string }
  | { kind: 'offline'; message: string }
  | { kind: 'unavailable_in_cloud'; message: string }
  | { kind: 'not_configured'; message: string };

export function classifyFailure(error: unknown): ReadFailure {
  if (!(error instanceof GraphError)) {
    return { kind: 'offline', message: `Could not read call records: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (error.kind === 'unavailable') {
    return error.code === 'cloudNotSupported'
      ? { kind: 'unavailable_in_cloud', message: CHINA_REFUSAL }
      : { kind: 'not_configured', message: error.message };
  }
  if (error.kind === 'auth' && !error.retryable) return { kind: 'not_configured', message: error.message };
  if (error.status === 403) {
    return { kind: 'missing_permission', message: PERMISSION_MESSAGE };
  }
  if (error.status === 404) return { kind: 'not_found', message: error.message };
  if (error.status === 429 || error.status === 503) {
    return {
      kind: 'throttled',
      message: `Microsoft Graph asked to slow down (HTTP ${error.status})${error.retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(error.retryAfterMs / 1000)} s`}.`,
      retryAfterMs: error.retryAfterMs,
      resumeFrom: error instanceof GraphPagingError ? error.resumeFrom : undefined,
    };
  }
  const what = error.status === undefined ? error.message : `HTTP ${error.status} ${error.code}: ${error.message}`;
  return { kind: 'offline', message: `Microsoft Graph could not be read: ${what}` };
}

/** What the operator is told about a failed read (the list or record served from the cache beside it). */
export function outcomeOf(failure: ReadFailure): Outcome {
  switch (failure.kind) {
    case 'missing_permission':
      return { availability: 'missing_permission', message: PERMISSION_MESSAGE };
    case 'throttled':
    case 'offline':
    case 'not_found':
      return { availability: 'offline', message: failure.message };
    default:
      return { availability: failure.kind, message: failure.message };
  }
}

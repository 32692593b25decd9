/**
 * Checks of what callers ask for, with errors that name the field (AppFailure `invalid_input`, exit status 2
 * in the CLI). The AppApi validates the same bounds in shared/api/contract.ts; the CLI and other in-process
 * callers come through here only.
 */
import { AppFailure } from '../api/failure';

export const HOUR_MS = 3_600_000;
export const DEFAULT_SINCE_HOURS = 24;
/** Graph keeps call records 30 days (../shared/reference/graph-api.md §3.3): a longer window cannot return more. */
export const MAX_SINCE_HOURS = 30 * 24;

export function checkSinceHours(value: number | undefined): number {
  if (value === undefined) return DEFAULT_SINCE_HOURS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_SINCE_HOURS) {
    const message = `must be more than 0 and at most ${MAX_SINCE_HOURS} hours (30 days: Graph keeps call records 30 days), got ${String(value)}`;
    throw new AppFailure('invalid_input', `sinceHours ${message}`, [{ path: 'sinceHours', message }]);
  }
  return value;
}

/** A callRecord id is the call's callChainId: a GUID in practice; letters, digits, '-' and '_' accepted. */
export function checkRecordId(value: string): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
    const message = 'must be a callRecord id (the call\'s callChainId, a GUID)';
    throw new AppFailure('invalid_input', `id ${message}, got ${JSON.stringify(value)}`, [{ path: 'id', message }]);
  }
  return id;
}

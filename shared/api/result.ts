/**
 * The uniform result envelope across every UI↔core transport (../shared/design/examples-to-follow.md #5): a call never throws
 * across the bridge, it resolves to `{ ok: true, value }` or `{ ok: false, error }` with a code the UI can
 * branch on and a message it can show as is.
 */
import type { ValidationIssue } from '../validation';

export type AppErrorCode =
  | 'not_ready' // the core is still starting
  | 'invalid_input' // the request failed validation: see details
  | 'not_found'
  | 'conflict' // e.g. resubmit of a report that is not failed
  | 'locked' // the field is set by the administrator's fleet configuration
  | 'forbidden' // the caller is not allowed (wrong frame, bad token)
  | 'unavailable' // the service cannot be reached (offline, China cloud, missing permission)
  | 'timeout'
  | 'internal';

export interface AppError {
  code: AppErrorCode;
  message: string;
  details?: ValidationIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppErrorCode, message: string, details?: ValidationIssue[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/**
 * The one error shape of the ingest API (../shared/design/contracts.md "Ingest API"):
 * `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.
 * Guards and handlers return an ApiError value instead of throwing, so each check stays a pure function
 * and the server is the only place that turns it into an HTTP response.
 */
import type { ValidationIssue } from '../../../shared/validation';

export type ErrorDetail = ValidationIssue;

export interface ApiError {
  status: number;
  /** Stable, machine-readable, snake_case: senders branch on it. */
  code: string;
  /** One sentence a person can act on. */
  message: string;
  details: ErrorDetail[];
  /** Extra response headers (WWW-Authenticate, Allow, Retry-After). */
  headers?: Record<string, string>;
}

export type GuardResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ErrorResponseBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export function apiError(
  status: number,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
  headers?: Record<string, string>,
): ApiError {
  return headers ? { status, code, message, details, headers } : { status, code, message, details };
}

export function reject<T>(error: ApiError): GuardResult<T> {
  return { ok: false, error };
}

export function errorBody(error: ApiError): ErrorResponseBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

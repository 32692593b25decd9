/**
 * A handler throws AppFailure to answer with a specific error code; anything else thrown becomes
 * `internal` with a redacted message, so a stack trace or a secret never crosses to the UI.
 */
import type { AppErrorCode } from '../../../shared/api/result';
import type { ValidationIssue } from '../../../shared/validation';

export class AppFailure extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: ValidationIssue[],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

export const notFound = (what: string): AppFailure => new AppFailure('not_found', `${what} was not found`);

/** The outbox's public surface: import from here, not from the parts. */
export { createOutbox, type Outbox, type OutboxOptions } from './outbox';
export { DuplicateReportError, OutboxFullError, OutboxInputError, storageFailureOf, type StorageFailure, type StorageFailureKind } from './errors';
export type { CallChainQueries } from './call-chains';
export { DEFAULT_BACKOFF, backoffCeilingMs, backoffDelayMs, retryDelayMs, type BackoffPolicy } from './backoff';
export { INTERRUPTED_CODE } from './delivery';
export { EXPIRED_CODE } from './maintenance';
export * from './types';

/**
 * Typed refusals of the outbox. The ingest API maps OutboxFullError to HTTP 507: the
 * sender keeps the report and retries later, so nothing is dropped silently.
 */
export class OutboxFullError extends Error {
  readonly code = 'outbox_full';

  constructor(
    readonly unsentRows: number,
    readonly unsentBytes: number,
    readonly maxUnsentRows: number,
    readonly maxUnsentBytes: number,
  ) {
    super(
      `The outbox is full: ${unsentRows} unsent reports (limit ${maxUnsentRows}), ` +
        `${unsentBytes} bytes (limit ${maxUnsentBytes}). Keep the report and retry later; ` +
        `the operator must let the backlog drain or discard failed reports.`,
    );
    this.name = 'OutboxFullError';
  }
}

/** An operator action or attach was given something the outbox cannot accept (bad GUID, empty reason). */
export class OutboxInputError extends Error {
  readonly code = 'invalid_input';

  constructor(message: string) {
    super(message);
    this.name = 'OutboxInputError';
  }
}

/**
 * A posted report whose mediaLegId is already stored with a different body (→ 409). The same body again is
 * not an error: enqueue returns the stored report (a gateway retrying after a lost answer).
 */
export class DuplicateReportError extends Error {
  readonly code = 'duplicate_media_leg';

  constructor(
    readonly mediaLegId: string,
    readonly existingId: string,
  ) {
    super(`mediaLegId ${mediaLegId} is already stored as report ${existingId} with a different body; a new measurement needs a new mediaLegId`);
    this.name = 'DuplicateReportError';
  }
}

/** Why the database refused a write: a full disk, a lock held too long, or another I/O failure. */
export type StorageFailureKind = 'disk_full' | 'busy' | 'io';

export interface StorageFailure {
  kind: StorageFailureKind;
  /** SQLite's (or the OS's) error code, e.g. SQLITE_FULL, SQLITE_BUSY, ENOSPC. */
  code: string;
  message: string;
}

/**
 * Classifies an error thrown by a database write; undefined when it is not a storage failure (a bug, a
 * refused input). better-sqlite3 errors carry SQLite's extended code (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT…).
 */
export function storageFailureOf(error: unknown): StorageFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const kind: StorageFailureKind | undefined =
    code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
      ? 'disk_full'
      : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
        ? 'busy'
        : code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EIO' || code === 'EROFS'
          ? 'io'
          : undefined;
  return kind === undefined ? undefined : { kind, code, message: error.message };
}

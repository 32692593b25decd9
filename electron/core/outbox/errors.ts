/**
 * Typed refusals of the outbox. The ingest API maps OutboxFullError to HTTP 507 (issue 4 "Bounds"): the
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

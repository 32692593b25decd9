/**
 * The one policy for a report entering or changing in the outbox, used by every entry (leg tracker, ingest
 * API, operator actions): check the body against the shared Graph schema, store it (committed before this
 * returns), tell the UI (`reportsChanged`) and wake the sync worker when there is something to send.
 * Validating here, and not only at the ingest API, means a body the tracker built wrong is refused before it
 * is stored, with the field named, instead of waiting in the outbox for a permanent 400 from Graph.
 */
import { teleconferenceDeviceQualityDraftSchema } from '../../../shared/graph/quality';
import { validate, type ValidationIssue } from '../../../shared/validation';
import type { EnqueueInput, EnqueueResult, Outbox } from '../outbox';
import type { WakeReason } from '../sync';
import type { AppEventHub } from './events';

/** A body that does not match the Graph schema: refused before it reaches the outbox. */
export class InvalidReportError extends Error {
  readonly code = 'invalid_report';

  constructor(readonly issues: ValidationIssue[]) {
    const first = issues[0];
    super(`The report body is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${first ? `${first.path || 'body'} ${first.message}` : 'unknown problem'}`);
    this.name = 'InvalidReportError';
  }
}

export interface ReportIntake {
  /**
   * Validates, stores (commits), publishes `reportsChanged` and wakes the worker. Throws InvalidReportError,
   * and whatever the outbox throws (OutboxFullError, DuplicateReportError, a storage error).
   */
  storeReport(input: EnqueueInput): EnqueueResult;
  /** After reports changed state (resubmit, attach, discard): publishes, and wakes the worker when asked. */
  reportsChanged(ids: readonly string[], wake?: WakeReason): void;
}

export interface ReportIntakeParts {
  outbox: Pick<Outbox, 'enqueue'>;
  events: Pick<AppEventHub, 'publish'>;
  sync: { notify(reason?: WakeReason): void };
}

export function createReportIntake({ outbox, events, sync }: ReportIntakeParts): ReportIntake {
  const reportsChanged = (ids: readonly string[], wake?: WakeReason): void => {
    if (ids.length === 0) return;
    events.publish('reportsChanged', { ids: [...ids] });
    if (wake !== undefined) sync.notify(wake);
  };
  return {
    storeReport(input) {
      const checked = validate(teleconferenceDeviceQualityDraftSchema, input.body);
      if (!checked.ok) throw new InvalidReportError(checked.issues);
      const result = outbox.enqueue(input);
      if (!result.existing) reportsChanged([result.id], result.state === 'pending' ? 'enqueued' : undefined);
      return result;
    },
    reportsChanged,
  };
}

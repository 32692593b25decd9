/**
 * One function per endpoint: validated body in, outcome out. Synchronous on purpose: every dependency
 * (outbox commit, leg tracker) is synchronous, so when a handler returns, a 202 really is committed.
 * A body that fails validation is marked for the quarantine; a refusal for another reason (outbox full)
 * is not, since the body itself was fine and the sender keeps it.
 */
import type { ValidationIssue } from '../../../shared/validation';
import type { IngestDeps } from './deps';
import { isOutboxFullError } from './deps';
import { apiError, type ApiError } from './errors';
import { parseCallContextBody } from './bodies/call-context-body';
import { parseReportBody } from './bodies/report-body';
import { parseSamplesBody } from './bodies/samples-body';
import { OPENAPI_DOCUMENT } from './openapi';

export type RouteOutcome =
  | { ok: true; status: number; body: unknown }
  | { ok: false; error: ApiError; quarantineReason?: string };

export interface HandlerInput {
  body: unknown;
  deps: IngestDeps;
}

/** Seconds a sender should wait before retrying a report the full outbox refused. */
const OUTBOX_FULL_RETRY_AFTER_SECONDS = 60;

export function postReport({ body, deps }: HandlerInput): RouteOutcome {
  const parsed = parseReportBody(body);
  if (!parsed.ok) return invalid(parsed.issues);
  try {
    const stored = deps.enqueueReport(parsed.value);
    return { ok: true, status: 202, body: { id: stored.id, state: stored.state } };
  } catch (error) {
    if (!isOutboxFullError(error)) throw error;
    const message = 'The outbox is full: the report was NOT stored. Keep it and retry later, or ask the operator to free space.';
    return { ok: false, error: apiError(507, 'outbox_full', message, [], { 'Retry-After': String(OUTBOX_FULL_RETRY_AFTER_SECONDS) }) };
  }
}

export function postSamples({ body, deps }: HandlerInput): RouteOutcome {
  const parsed = parseSamplesBody(body);
  if (!parsed.ok) return invalid(parsed.issues);
  deps.ingestSamples(parsed.value);
  return { ok: true, status: 202, body: { accepted: parsed.value.length } };
}

export function postCallContext({ body, deps }: HandlerInput): RouteOutcome {
  const parsed = parseCallContextBody(body);
  if (!parsed.ok) return invalid(parsed.issues);
  const match = deps.attachCallContext(parsed.value);
  return { ok: true, status: 200, body: { matchedLegs: match.matchedLegs, matchedReports: match.matchedReports } };
}

export function getHealth({ deps }: HandlerInput): RouteOutcome {
  const health = deps.health();
  return { ok: true, status: 200, body: { status: health.status, version: health.version, outbox: health.outbox } };
}

export function getOpenApi(): RouteOutcome {
  return { ok: true, status: 200, body: OPENAPI_DOCUMENT };
}

function invalid(issues: ValidationIssue[]): RouteOutcome {
  const count = issues.length === 1 ? '1 invalid field' : `${issues.length} invalid fields`;
  return {
    ok: false,
    error: apiError(400, 'validation_failed', `The body has ${count}; see details.`, issues),
    quarantineReason: 'validation_failed',
  };
}

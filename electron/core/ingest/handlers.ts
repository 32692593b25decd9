/**
 * One function per endpoint: validated body in, outcome out. Synchronous on purpose: every dependency
 * (outbox commit, leg tracker) is synchronous, so when a handler returns, a 202 really is committed.
 * A body that fails validation is marked for the quarantine; a refusal for another reason (outbox or disk
 * full, a mediaLegId already taken, a room not configured) is not, since the body itself was well formed.
 */
import type { ValidationIssue } from '../../../shared/validation';
import type { IngestDeps, IntakeRefusal } from './deps';
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

/**
 * 202 once committed; 200 with the stored report when the same body (same mediaLegId) was stored before;
 * 409 when the mediaLegId is stored with another body; 507 outbox or disk full, 503 database busy.
 */
export function postReport({ body, deps }: HandlerInput): RouteOutcome {
  const parsed = parseReportBody(body);
  if (!parsed.ok) return invalid(parsed.issues);
  const stored = deps.enqueueReport(parsed.value);
  if (stored.ok) return { ok: true, status: stored.existing ? 200 : 202, body: { id: stored.id, state: stored.state, ...(stored.existing ? { existing: true } : {}) } };
  if ('duplicate' in stored) {
    const { existingId, message } = stored.duplicate;
    return { ok: false, error: apiError(409, 'duplicate_media_leg', message, [{ path: 'quality.mediaLegId', message: `is already used by report ${existingId}` }]) };
  }
  return { ok: false, error: refused(stored.refusal) };
}

/**
 * 202 with what the tracker really took and, per dropped sample, its index, a code and why; 400
 * `not_configured` when a sample names a room or device this agent does not have; 507 when samples would
 * open a new call while reports cannot be stored (the sender learns of it before it measures more).
 * Those two refuse the whole body: nothing of it is taken.
 */
export function postSamples({ body, deps }: HandlerInput): RouteOutcome {
  const parsed = parseSamplesBody(body);
  if (!parsed.ok) return invalid(parsed.issues);
  const taken = deps.ingestSamples(parsed.value);
  if (taken.ok) return { ok: true, status: 202, body: { accepted: taken.accepted, dropped: taken.drops.length, drops: taken.drops } };
  if ('notConfigured' in taken) {
    const count = taken.notConfigured.length;
    const first = taken.notConfigured[0];
    const message = `${count === 1 ? 'A sample names' : `${count} samples name`} a room or device that is not configured on this agent${first ? ` (${first.path} ${first.message})` : ''}; nothing was taken. Add it in Settings or the configuration file.`;
    return { ok: false, error: apiError(400, 'not_configured', message, taken.notConfigured) };
  }
  const error = refused(taken.refusal);
  return { ok: false, error: { ...error, details: taken.issues } };
}

/** A valid body that could not be taken now: the sender keeps it and retries after Retry-After. */
function refused(refusal: IntakeRefusal): ApiError {
  const status = refusal.code === 'outbox_full' || refusal.code === 'storage_full' ? 507 : 503;
  return apiError(status, refusal.code, refusal.message, [], { 'Retry-After': String(refusal.retryAfterSeconds) });
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

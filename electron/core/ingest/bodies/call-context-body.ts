/**
 * POST /api/v1/call-context body (../shared/design/contracts.md): `{ deviceId | roomId, callId | at, callChainId,
 * participantId }`. The device call is named by the device's own call key, or by a time within the call
 * when the sender does not know that key. Both Teams ids are required: attaching half a context would
 * still leave the report unsendable.
 */
import { z } from 'zod';
import { validate, type ValidationIssue, type Validated } from '../../../../shared/validation';
import type { CallContext } from '../deps';
import { localIdSchema } from './ids';
import { isObject } from '../../../../shared/json';

const GUID_RULE = 'must be a GUID';
const guid = () => z.guid({ error: (issue) => (issue.input == null ? undefined : GUID_RULE) });
const AT_RULE = 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-23T10:15:00Z';

export const callContextBodySchema = z.strictObject({
  roomId: localIdSchema.optional(),
  deviceId: localIdSchema.optional(),
  callId: z.string().min(1).max(128).optional(),
  at: z.iso.datetime({ offset: true, error: (issue) => (issue.input == null ? undefined : AT_RULE) }).optional(),
  callChainId: guid(),
  participantId: guid(),
});

/**
 * The two "one of" rules, checked on the raw input rather than as a zod refinement: zod skips refinements
 * when the object already has issues, and we name every problem in one answer.
 */
function oneOfIssues(body: unknown): ValidationIssue[] {
  if (!isObject(body)) return [];
  const present = (key: string) => body[key] !== undefined;
  const issues: ValidationIssue[] = [];
  if (!present('roomId') && !present('deviceId')) issues.push({ path: 'deviceId', message: 'is required (or roomId)' });
  if (!present('callId') && !present('at')) issues.push({ path: 'callId', message: 'is required (or at, a time within the call)' });
  return issues;
}

export function parseCallContextBody(body: unknown): Validated<CallContext> {
  const result = validate(callContextBodySchema, body);
  const issues = [...(result.ok ? [] : result.issues), ...oneOfIssues(body)];
  if (!result.ok || issues.length > 0) return { ok: false, issues };
  const { at, ...rest } = result.value;
  const context: CallContext = { callChainId: rest.callChainId, participantId: rest.participantId };
  if (rest.roomId !== undefined) context.roomId = rest.roomId;
  if (rest.deviceId !== undefined) context.deviceId = rest.deviceId;
  if (rest.callId !== undefined) context.callId = rest.callId;
  if (at !== undefined) {
    context.at = at;
    context.atMs = Date.parse(at);
  }
  return { ok: true, value: context };
}

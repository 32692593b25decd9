/**
 * POST /api/v1/reports body: exactly Graph's `{ "quality": teleconferenceDeviceQuality }` (so a gateway can
 * post what it would post to Graph), where the three Teams ids may be missing (the report then waits as
 * needs_context), plus our optional top-level `roomId` / `deviceId`. Those two are taken out before the
 * Graph part is validated, so the Graph schema stays Graph's and an unknown key is still "unknown property".
 * Every issue of both parts is returned, with paths from the body's root (`quality.mediaQualityList[0]…`).
 */
import { z } from 'zod';
import { teleconferenceDeviceQualityDraftSchema } from '../../../../shared/graph/quality';
import { validate, type ValidationIssue, type Validated } from '../../../../shared/validation';
import type { EnqueueReportInput } from '../deps';
import { localIdSchema } from './ids';
import { dropUndefined } from '../../../../shared/json';
import { isObject } from '../../../../shared/json';

const graphDraftBodySchema = z.strictObject({ quality: teleconferenceDeviceQualityDraftSchema });
const localKeysSchema = z.strictObject({ roomId: localIdSchema.optional(), deviceId: localIdSchema.optional() });

export function parseReportBody(body: unknown): Validated<EnqueueReportInput> {
  if (!isObject(body)) {
    return { ok: false, issues: [{ path: '', message: 'must be a JSON object { "quality": { … } }' }] };
  }
  const { roomId, deviceId, ...graphBody } = body;
  const local = validate(localKeysSchema, dropUndefined({ roomId, deviceId }));
  const graph = validate(graphDraftBodySchema, graphBody);
  const issues: ValidationIssue[] = [...(local.ok ? [] : local.issues), ...(graph.ok ? [] : graph.issues.map((issue) => hintIfUnwrapped(issue, graphBody)))];
  if (!local.ok || !graph.ok) return { ok: false, issues };
  return { ok: true, value: { quality: graph.value.quality, ...dropUndefined(local.value) } };
}

/** The likeliest mistake: posting the quality object itself instead of Graph's `{ "quality": … }` body. */
function hintIfUnwrapped(issue: ValidationIssue, graphBody: Record<string, unknown>): ValidationIssue {
  if (issue.path !== 'quality' || graphBody.quality !== undefined || !('mediaQualityList' in graphBody)) return issue;
  return { path: 'quality', message: 'is required: wrap the report as { "quality": { … } }, the body Graph logTeleconferenceDeviceQuality takes' };
}

/**
 * POST /api/v1/samples body: one sample, an array, or `{ "samples": [...] }`, at most MAX_SAMPLES_PER_BODY
 * (shared/domain/samples.ts owns the shape and the units). Always handed on as an array.
 */
import { liveSamplesBodySchema, type LiveSample } from '../../../../shared/domain/samples';
import { validate, type Validated } from '../../../../shared/validation';

export function parseSamplesBody(body: unknown): Validated<LiveSample[]> {
  return validate(liveSamplesBodySchema, body);
}

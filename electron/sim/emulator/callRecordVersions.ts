/**
 * An updated version of a published callRecord, as Teams publishes one when more of a call's data arrives
 * (../shared/reference/graph-api.md §3.3: `version` increases; "a higher version of the same id has more
 * data"). `POST /_emulator/call-records/{id}/versions` (controlRoute.ts) drives it: top-level properties to
 * change (`set`), stream metrics to set on every media stream (`streams`: e.g. Teams' packet loss), and the
 * version to publish (default: the current one + 1; a lower one imitates a lagging replica).
 */
import { z } from 'zod';
import { isIsoDuration } from '../../../shared/graph/duration';
import type { CallRecord, CallRecordMediaStream } from '../../../shared/graph/callRecords';

const fraction = z.number().min(0).max(1).nullable();
const duration = z
  .string()
  .refine(isIsoDuration, { message: 'must be an ISO 8601 duration such as PT0.02S' })
  .nullable();

export const callRecordVersionSchema = z.strictObject({
  version: z.int().min(1).optional(),
  set: z
    .record(z.string(), z.unknown())
    .refine((set) => !('id' in set) && !('version' in set), { message: 'must not change id or version (give `version` beside `set`)' })
    .optional(),
  streams: z
    .strictObject({
      averagePacketLossRate: fraction.optional(),
      maxPacketLossRate: fraction.optional(),
      averageJitter: duration.optional(),
      maxJitter: duration.optional(),
      averageRoundTripTime: duration.optional(),
      maxRoundTripTime: duration.optional(),
    })
    .optional(),
});

export type CallRecordVersionChange = z.infer<typeof callRecordVersionSchema>;

/** The record as Teams would publish it again: a copy with the changes, never the stored object itself. */
export function nextCallRecordVersion(current: CallRecord, change: CallRecordVersionChange): CallRecord {
  const next: CallRecord = { ...structuredClone(current), ...structuredClone(change.set ?? {}), id: current.id, version: change.version ?? current.version + 1 };
  const streamValues: Partial<CallRecordMediaStream> = change.streams ?? {};
  if (Object.keys(streamValues).length === 0) return next;
  for (const session of next.sessions ?? []) {
    for (const segment of session.segments ?? []) {
      for (const media of segment.media ?? []) {
        media.streams = (media.streams ?? []).map((stream) => ({ ...stream, ...streamValues }));
      }
    }
  }
  return next;
}

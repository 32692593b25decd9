/**
 * Live measurements of one media channel at one moment, as `POST /api/v1/samples` takes them and the Cisco
 * collector produces them. Units are the app's, not Graph's: milliseconds and percent; the report builder converts
 * (durations to ISO 8601, ../shared/reference/graph-api.md §1.3).
 *
 * Policy:
 * - Strict: an unknown property is refused with its name (a misspelt metric must not vanish silently).
 * - A metric the sender did not measure is ABSENT, never 0 and never null: CE 9.x codecs have no round trip
 *   time (../shared/reference/devices-and-thresholds.md R6), and a zero would pull averages down and hide poor legs.
 * - `lossPercent` is a percentage 0–100 of ONE interval (Cisco: LastIntervalLost / (LastIntervalLost +
 *   LastIntervalReceived) × 100, §3.1), never a cumulative count (R4: Graph wants percent, "0.01 means 0.01 %").
 * - `packets` is the channel's cumulative packet count (Cisco Netstat `Packets`, §3.1).
 * - `bitRate` is bits per second (Cisco `ChannelRate`), `frameRate` frames per second.
 * Bounds are generous sanity limits, not quality judgements.
 */
import { z } from 'zod';
import { isIpAddress, parseEndpointAddress } from './address';
import { DIRECTIONS, MODALITIES } from './legs';

export const MAX_SAMPLES_PER_BODY = 1_000;
const INT32_MAX = 2_147_483_647;
/** One minute: no media metric of a live call is plausibly larger. */
const MAX_DELAY_MS = 60_000;
/** 100 Gbit/s: above any room codec's channel. */
const MAX_BIT_RATE = 100_000_000_000;
const MAX_FRAME_RATE = 1_000;

const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits, dot, dash or underscore';

/** Same rule as config `rooms[].id` / `devices[].id` (shared/config/schema.ts) so samples name real ids. */
const id = () => z.string().regex(ID_PATTERN, { message: ID_MESSAGE });

const between = (min: number, max: number, unit: string) =>
  z
    .number()
    .min(min, { message: `must be between ${min} and ${max}${unit}` })
    .max(max, { message: `must be between ${min} and ${max}${unit}` });

const address = () =>
  z
    .string()
    .max(64, { message: 'must be at most 64 characters' })
    .refine((text) => parseEndpointAddress(text) !== undefined, {
      message: 'must be an IPv4 or IPv6 address, optionally with a port ("10.0.0.5:5004", "[2001:db8::1]:5004")',
    });

export const liveSampleSchema = z.strictObject({
  roomId: id(),
  deviceId: id(),
  callId: z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(128, { message: 'must be at most 128 characters' }),
  modality: z.enum(MODALITIES),
  direction: z.enum(DIRECTIONS),
  channelIndex: z
    .int({ message: 'must be an integer ≥ 1' })
    .min(1, { message: 'must be an integer ≥ 1' })
    .max(INT32_MAX, { message: `must be at most ${INT32_MAX}` }),
  at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2025-01-31T10:15:00Z' }),
  lossPercent: between(0, 100, ' (percent)').meta({ description: 'packet loss of the last interval, percent 0–100' }).optional(),
  jitterMs: between(0, MAX_DELAY_MS, ' ms').meta({ description: 'jitter, milliseconds' }).optional(),
  maxJitterMs: between(0, MAX_DELAY_MS, ' ms').meta({ description: 'highest jitter of the interval, milliseconds' }).optional(),
  roundTripMs: between(0, MAX_DELAY_MS, ' ms').meta({ description: 'round-trip time, milliseconds' }).optional(),
  packets: z
    .int({ message: 'must be a non-negative integer' })
    .min(0, { message: 'must be a non-negative integer' })
    .meta({ description: 'cumulative packet count of the channel' })
    .optional(),
  bitRate: between(0, MAX_BIT_RATE, ' bits/s').meta({ description: 'bits per second' }).optional(),
  frameRate: between(0, MAX_FRAME_RATE, ' fps').meta({ description: 'frames per second' }).optional(),
  localAddress: address().optional(),
  remoteAddress: address().optional(),
});

export type LiveSample = z.infer<typeof liveSampleSchema>;

const samplesArray = z
  .array(liveSampleSchema)
  .min(1, { message: 'must contain at least one sample' })
  .max(MAX_SAMPLES_PER_BODY, { message: `must contain at most ${MAX_SAMPLES_PER_BODY} samples` });

const wrappedSamples = z.strictObject({ samples: samplesArray });

/** The shape a body is judged against: an array, `{ samples: [...] }`, or else one sample. */
function shapeOf(input: unknown): z.ZodType {
  if (Array.isArray(input)) return samplesArray;
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, 'samples')) return wrappedSamples;
  return liveSampleSchema;
}

/** Marks issues that got no schema-specific message, so the caller's error map can word them instead. */
const UNWORDED = '\u0000unworded';

/**
 * Body of `POST /api/v1/samples`: one sample, an array, or `{ "samples": [...] }` (≤ 1,000). Parses to
 * `LiveSample[]`. The shape is chosen first and then validated alone (a zod union would report only "does
 * not match any shape"), so every issue keeps its own path (`[3].jitterMs`, `samples[0].at`, `lossPercent`)
 * and the caller's error map (shared/validation.ts) still words the generic ones.
 */
export const liveSamplesBodySchema = z.unknown().transform((input, ctx): LiveSample[] => {
  const result = shapeOf(input).safeParse(input, { error: () => UNWORDED, reportInput: true });
  if (result.success) {
    // The union schema's three branches have exactly these output types.
    const data = result.data as LiveSample | LiveSample[] | { samples: LiveSample[] };
    if (Array.isArray(data)) return data;
    return 'samples' in data ? data.samples : [data];
  }
  for (const issue of result.error.issues) {
    const { message, ...raw } = issue;
    ctx.issues.push(
      // zod's raw issue type is internal; the issue is one zod itself produced for this input.
      (message === UNWORDED ? raw : issue) as unknown as (typeof ctx.issues)[number],
    );
  }
  return z.NEVER;
});

export type LiveSamplesBody = z.input<typeof liveSamplesBodySchema>;

export { isIpAddress, parseEndpointAddress };

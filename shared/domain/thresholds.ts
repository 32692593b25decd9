/**
 * Classification thresholds per modality, defaults from ../shared/reference/devices-and-thresholds.md §4.4, which
 * derives them from:
 * - Microsoft CQD stream classification ("Poor" if any condition is true), §4.1 [S2]: audio packet loss
 *   > 10 %, jitter > 30 ms, round trip > 500 ms; video frame rate < 7 fps; screen sharing (VBSS) frame rate
 *   < 2 fps; video/VBSS post-FEC packet loss > 15 %.
 * - Teams network performance targets, §4.2 [S4] (client → Microsoft edge): packet loss < 1 % in any 15 s,
 *   jitter < 30 ms, round trip < 100 ms: reaching them is a warning.
 * - Video warning below 15 fps is a product choice (§4.4).
 * Hysteresis (§4.4, Pexip "mode of 3 windows" [S20]): Cisco Netstat updates about every 5 s, so 3 samples
 * ≈ one 15 s Teams window.
 *
 * Judgement of the whole leg is done per live sample with these limits (3 consecutive samples confirm a
 * state); the "poor" column is CQD's per-stream rule. Cisco reports network loss before FEC repair, so the
 * CQD post-FEC rule is applied to `lossPercent`: it errs towards reporting a leg poor.
 *
 * Per installation, config `thresholds` holds partial overrides merged over the defaults; `null` switches a
 * limit off. Shared (no Node): the settings UI shows and edits the same structure.
 */
import { z } from 'zod';
import type { Modality } from './legs';

/** Metrics where more is worse (loss, jitter, round trip). `null` = not judged. */
export interface HigherIsWorseLimits {
  /** Warning when the value is ≥ this (Teams targets say "< x" is fine). */
  warnAtOrAbove: number | null;
  /** Poor when the value is > this (CQD says "> x" is poor). */
  poorAbove: number | null;
}

/** Metrics where less is worse (frame rate). `null` = not judged. */
export interface LowerIsWorseLimits {
  warnBelow: number | null;
  poorBelow: number | null;
}

export interface ModalityThresholds {
  lossPercent: HigherIsWorseLimits;
  jitterMs: HigherIsWorseLimits;
  roundTripMs: HigherIsWorseLimits;
  frameRate: LowerIsWorseLimits;
}

export interface Thresholds {
  audio: ModalityThresholds;
  video: ModalityThresholds;
  screenSharing: ModalityThresholds;
  /** Consecutive samples needed to enter, and to leave, a state (3 by default). */
  hysteresisSamples: number;
}

const OFF: HigherIsWorseLimits = { warnAtOrAbove: null, poorAbove: null };

export const DEFAULT_THRESHOLDS: Thresholds = deepFreeze({
  audio: {
    // §4.4 audio row: warning = Teams targets (§4.2), poor = CQD (§4.1).
    lossPercent: { warnAtOrAbove: 1, poorAbove: 10 },
    jitterMs: { warnAtOrAbove: 30, poorAbove: 30 },
    roundTripMs: { warnAtOrAbove: 100, poorAbove: 500 },
    frameRate: { warnBelow: null, poorBelow: null },
  },
  video: {
    // §4.4 video row: loss ≥ 1 % (Teams), fps < 15 (product choice); poor fps < 7, post-FEC loss > 15 % (CQD).
    lossPercent: { warnAtOrAbove: 1, poorAbove: 15 },
    jitterMs: OFF,
    roundTripMs: OFF,
    frameRate: { warnBelow: 15, poorBelow: 7 },
  },
  screenSharing: {
    // §4.4 screen-sharing row: loss ≥ 1 %; poor fps < 2 (CQD VBSS), post-FEC loss > 15 %.
    lossPercent: { warnAtOrAbove: 1, poorAbove: 15 },
    jitterMs: OFF,
    roundTripMs: OFF,
    frameRate: { warnBelow: null, poorBelow: 2 },
  },
  hysteresisSamples: 3,
});

const limit = (max: number) =>
  z
    .number({ message: 'must be a number or null' })
    .min(0, { message: `must be between 0 and ${max}` })
    .max(max, { message: `must be between 0 and ${max}` })
    .nullable()
    .optional();

const higherIsWorse = (max: number) => z.strictObject({ warnAtOrAbove: limit(max), poorAbove: limit(max) }).optional();

const modalityOverrides = z
  .strictObject({
    lossPercent: higherIsWorse(100),
    jitterMs: higherIsWorse(60_000),
    roundTripMs: higherIsWorse(60_000),
    frameRate: z.strictObject({ warnBelow: limit(1_000), poorBelow: limit(1_000) }).optional(),
  })
  .optional();

/** What config `thresholds` may hold: any subset of the structure above. */
export const thresholdOverridesSchema = z.strictObject({
  audio: modalityOverrides,
  video: modalityOverrides,
  screenSharing: modalityOverrides,
  hysteresisSamples: z
    .int({ message: 'must be an integer between 1 and 20' })
    .min(1, { message: 'must be an integer between 1 and 20' })
    .max(20, { message: 'must be an integer between 1 and 20' })
    .optional(),
});

export type ThresholdOverrides = z.infer<typeof thresholdOverridesSchema>;

/** Parses config `thresholds` (absent = defaults) into the full, merged Thresholds. */
export const thresholdsSchema = thresholdOverridesSchema.optional().transform((overrides) => resolveThresholds(overrides));

/** Copies `base`, replacing each key the override gives (null included: it switches the limit off). */
function mergeLimits<T extends object>(base: T, over: { [K in keyof T]?: T[K] | undefined } | undefined): T {
  const out = { ...base };
  if (over === undefined) return out;
  for (const key in base) {
    if (!Object.hasOwn(base, key)) continue;
    const value = over[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeModality(base: ModalityThresholds, over: ThresholdOverrides['audio']): ModalityThresholds {
  return {
    lossPercent: mergeLimits(base.lossPercent, over?.lossPercent),
    jitterMs: mergeLimits(base.jitterMs, over?.jitterMs),
    roundTripMs: mergeLimits(base.roundTripMs, over?.roundTripMs),
    frameRate: mergeLimits(base.frameRate, over?.frameRate),
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

/** Merges partial overrides over DEFAULT_THRESHOLDS (a key given as null switches that limit off). */
export function resolveThresholds(overrides?: ThresholdOverrides): Thresholds {
  const modalities: Record<Modality, ModalityThresholds> = {
    audio: mergeModality(DEFAULT_THRESHOLDS.audio, overrides?.audio),
    video: mergeModality(DEFAULT_THRESHOLDS.video, overrides?.video),
    screenSharing: mergeModality(DEFAULT_THRESHOLDS.screenSharing, overrides?.screenSharing),
  };
  return { ...modalities, hysteresisSamples: overrides?.hysteresisSamples ?? DEFAULT_THRESHOLDS.hysteresisSamples };
}

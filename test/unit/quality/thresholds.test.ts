import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds, thresholdsSchema } from '../../../shared/domain/thresholds';
import { validate } from '../../../shared/validation';

describe('thresholds (devices-and-thresholds.md §4.4)', () => {
  it('defaults follow CQD and the Teams targets', () => {
    expect(DEFAULT_THRESHOLDS.audio.lossPercent).toEqual({ warnAtOrAbove: 1, poorAbove: 10 });
    expect(DEFAULT_THRESHOLDS.audio.jitterMs).toEqual({ warnAtOrAbove: 30, poorAbove: 30 });
    expect(DEFAULT_THRESHOLDS.audio.roundTripMs).toEqual({ warnAtOrAbove: 100, poorAbove: 500 });
    expect(DEFAULT_THRESHOLDS.video.frameRate).toEqual({ warnBelow: 15, poorBelow: 7 });
    expect(DEFAULT_THRESHOLDS.screenSharing.frameRate).toEqual({ warnBelow: null, poorBelow: 2 });
    expect(DEFAULT_THRESHOLDS.hysteresisSamples).toBe(3);
    expect(Object.isFrozen(DEFAULT_THRESHOLDS.audio.lossPercent)).toBe(true);
  });

  it('absent config means the defaults', () => {
    expect(thresholdsSchema.parse(undefined)).toEqual(DEFAULT_THRESHOLDS);
  });

  it('merges partial overrides; null switches a limit off', () => {
    const merged = thresholdsSchema.parse({ audio: { lossPercent: { poorAbove: 5 }, roundTripMs: { warnAtOrAbove: null } }, hysteresisSamples: 2 });
    expect(merged.audio.lossPercent).toEqual({ warnAtOrAbove: 1, poorAbove: 5 });
    expect(merged.audio.roundTripMs).toEqual({ warnAtOrAbove: null, poorAbove: 500 });
    expect(merged.video).toEqual(DEFAULT_THRESHOLDS.video);
    expect(merged.hysteresisSamples).toBe(2);
    expect(resolveThresholds({}).audio).not.toBe(DEFAULT_THRESHOLDS.audio);
  });

  it('names every bad key', () => {
    const result = validate(thresholdsSchema, { audio: { lossPercent: { poorAbove: 120 }, jiter: {} }, hysteresisSamples: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path).sort()).toEqual(['audio.jiter', 'audio.lossPercent.poorAbove', 'hysteresisSamples']);
    }
  });
});

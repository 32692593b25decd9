import { describe, expect, it } from 'vitest';
import { classifySample } from '../../../electron/core/quality/classify';
import { DEFAULT_THRESHOLDS } from '../../../shared/domain/thresholds';

const { audio, video, screenSharing } = DEFAULT_THRESHOLDS;

describe('classifySample (devices-and-thresholds.md §4.4 defaults)', () => {
  it.each([
    ['clean audio', audio, { lossPercent: 0.2, jitterMs: 5, roundTripMs: 40 }, 'good', null],
    ['audio loss at the Teams 1 % target', audio, { lossPercent: 1 }, 'warning', 'lossPercent'],
    ['audio loss just at CQD 10 % is not yet poor', audio, { lossPercent: 10 }, 'warning', 'lossPercent'],
    ['audio loss above CQD 10 %', audio, { lossPercent: 10.5 }, 'poor', 'lossPercent'],
    ['audio jitter exactly 30 ms', audio, { jitterMs: 30 }, 'warning', 'jitterMs'],
    ['audio jitter above 30 ms', audio, { jitterMs: 31 }, 'poor', 'jitterMs'],
    ['audio RTT at 100 ms', audio, { roundTripMs: 100 }, 'warning', 'roundTripMs'],
    ['audio RTT above 500 ms', audio, { roundTripMs: 501 }, 'poor', 'roundTripMs'],
    ['poor beats an earlier warning', audio, { lossPercent: 2, roundTripMs: 800 }, 'poor', 'roundTripMs'],
    ['video below 15 fps', video, { frameRate: 12 }, 'warning', 'frameRate'],
    ['video below CQD 7 fps', video, { frameRate: 6 }, 'poor', 'frameRate'],
    ['video loss above 15 %', video, { lossPercent: 16 }, 'poor', 'lossPercent'],
    ['video jitter is not judged by default', video, { jitterMs: 200 }, 'unknown', null],
    ['a muted camera (0 fps) says nothing', video, { frameRate: 0 }, 'unknown', null],
    ['screen sharing at 3 fps is fine', screenSharing, { frameRate: 3 }, 'good', null],
    ['screen sharing below CQD 2 fps', screenSharing, { frameRate: 1 }, 'poor', 'frameRate'],
    ['no metric at all', audio, {}, 'unknown', null],
  ] as const)('%s', (_name, limits, metrics, level, metric) => {
    const judgement = classifySample(metrics, limits);
    expect(judgement.level).toBe(level);
    expect(judgement.reason?.metric ?? null).toBe(metric);
  });

  it('names the value and the threshold that decided', () => {
    expect(classifySample({ lossPercent: 12.5 }, audio).reason).toEqual({ metric: 'lossPercent', value: 12.5, threshold: 10 });
  });
});

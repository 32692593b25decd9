/**
 * Judges ONE live sample of a leg against the thresholds of its modality (shared/domain/thresholds.ts,
 * ../shared/reference/devices-and-thresholds.md §4.1 CQD "Poor if any condition is true", §4.2 Teams targets, §4.4 defaults).
 * The worst level over the judged metrics wins; the reason names the metric that decided it (the first in
 * the order loss, jitter, round trip, frame rate among equals). Hysteresis (3 consecutive samples) is
 * applied afterwards by hysteresis.ts. Runs per sample: no allocation beyond the result.
 *
 * `unknown` means "this sample says nothing": no metric the thresholds judge was present (e.g. a CE 9 codec
 * has no round trip time, §3.1; a muted channel carries no frames).
 */
import type { ClassificationReason, LegClassification, QualityMetric } from '../../../shared/domain/legs';
import type { ModalityThresholds } from '../../../shared/domain/thresholds';

export interface SampleMetrics {
  lossPercent?: number;
  jitterMs?: number;
  roundTripMs?: number;
  frameRate?: number;
}

export interface SampleJudgement {
  level: LegClassification;
  reason: ClassificationReason | null;
}

const HIGHER_IS_WORSE = ['lossPercent', 'jitterMs', 'roundTripMs'] as const;
const UNKNOWN: SampleJudgement = Object.freeze({ level: 'unknown', reason: null });
const GOOD: SampleJudgement = Object.freeze({ level: 'good', reason: null });

export function classifySample(metrics: SampleMetrics, limits: ModalityThresholds): SampleJudgement {
  let judged = false;
  let poor: ClassificationReason | null = null;
  let warning: ClassificationReason | null = null;

  for (const metric of HIGHER_IS_WORSE) {
    const value = metrics[metric];
    if (value === undefined) continue;
    const { poorAbove, warnAtOrAbove } = limits[metric];
    if (poorAbove !== null) {
      judged = true;
      if (poor === null && value > poorAbove) poor = reasonOf(metric, value, poorAbove);
    }
    if (warnAtOrAbove !== null) {
      judged = true;
      if (warning === null && value >= warnAtOrAbove) warning = reasonOf(metric, value, warnAtOrAbove);
    }
  }

  // A frame rate of 0 means the channel carries no video right now (camera muted, presentation paused): it
  // says nothing about network quality, and judging it would raise a poor alert on every muted camera.
  const frameRate = metrics.frameRate;
  if (frameRate !== undefined && frameRate > 0) {
    const { poorBelow, warnBelow } = limits.frameRate;
    if (poorBelow !== null) {
      judged = true;
      if (poor === null && frameRate < poorBelow) poor = reasonOf('frameRate', frameRate, poorBelow);
    }
    if (warnBelow !== null) {
      judged = true;
      if (warning === null && frameRate < warnBelow) warning = reasonOf('frameRate', frameRate, warnBelow);
    }
  }

  if (poor !== null) return { level: 'poor', reason: poor };
  if (warning !== null) return { level: 'warning', reason: warning };
  return judged ? GOOD : UNKNOWN;
}

function reasonOf(metric: QualityMetric, value: number, threshold: number): ClassificationReason {
  return { metric, value, threshold };
}

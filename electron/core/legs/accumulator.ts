/**
 * Running statistics of one metric: O(1) per value, constant memory, so the tracker's cost per sample does
 * not grow with the length of a call. Values the sender did not measure are never added, so
 * an average is over the samples that carried the metric (samples.ts: absent, never zero-filled).
 */
import type { MetricStats } from '../../../shared/domain/legs';

export interface Accumulator {
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
}

export function createAccumulator(): Accumulator {
  return { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, last: Number.NaN };
}

export function accumulate(acc: Accumulator, value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) return;
  acc.count += 1;
  acc.sum += value;
  if (value < acc.min) acc.min = value;
  if (value > acc.max) acc.max = value;
  acc.last = value;
}

/**
 * Mean, clamped into [min, max]: a float sum of many values can drift a few ulps outside the range it
 * summarises, and a reported average above the reported maximum would look like a bug to an operator.
 */
export function average(acc: Accumulator): number | undefined {
  if (acc.count === 0) return undefined;
  return Math.min(acc.max, Math.max(acc.min, acc.sum / acc.count));
}

export function maximum(acc: Accumulator): number | undefined {
  return acc.count === 0 ? undefined : acc.max;
}

export function toMetricStats(acc: Accumulator): MetricStats {
  if (acc.count === 0) return { current: null, avg: null, max: null };
  return { current: acc.last, avg: average(acc) ?? null, max: acc.max };
}

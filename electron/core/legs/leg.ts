/**
 * The state of one live leg (room × device × call × modality × direction × channel): rolling statistics,
 * classification with hysteresis, sparkline. Updating it is O(1); only snapshots copy the bounded history.
 */
import type {
  ClassificationReason,
  LegClassification,
  LegHistoryPoint,
  LegDelta,
  LegKey,
  LegStatsSnapshot,
  LegSummary,
} from '../../../shared/domain/legs';
import { legKeyId } from '../../../shared/domain/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import type { ModalityThresholds } from '../../../shared/domain/thresholds';
import { classifySample } from '../quality/classify';
import { createHysteresis, type Hysteresis, type HysteresisStep } from '../quality/hysteresis';
import { accumulate, average, createAccumulator, maximum, toMetricStats, type Accumulator } from './accumulator';
import { createHistoryRing, type HistoryRing } from './history';

/** What the report builder needs of a leg (report.ts); a LegState is one. */
export interface LegTotals {
  key: LegKey;
  firstAtMs: number;
  lastAtMs: number;
  sampleCount: number;
  lossPercent: Accumulator;
  jitterMs: Accumulator;
  maxJitterMs: Accumulator;
  roundTripMs: Accumulator;
  packets: Accumulator;
  bitRate: Accumulator;
  frameRate: Accumulator;
  localAddress: string | undefined;
  remoteAddress: string | undefined;
}

export interface LegState extends LegTotals {
  id: string;
  classifier: Hysteresis;
  history: HistoryRing;
  everPoor: boolean;
  poorMs: number;
  /** The reason of the last confirmed poor state (for leg_recovered and the summary). */
  lastPoorReason: ClassificationReason | null;
  worst: LegClassification;
  /** The latest sample's own judgement reason (the metric that crossed, before hysteresis confirms it). */
  sampleReason: ClassificationReason | null;
}

export interface LegStateOptions {
  hysteresisSamples: number;
  historyPoints: number;
  historyStepMs: number;
}

export function createLegState(key: LegKey, atMs: number, options: LegStateOptions): LegState {
  return {
    key,
    id: legKeyId(key),
    firstAtMs: atMs,
    lastAtMs: atMs,
    sampleCount: 0,
    lossPercent: createAccumulator(),
    jitterMs: createAccumulator(),
    maxJitterMs: createAccumulator(),
    roundTripMs: createAccumulator(),
    packets: createAccumulator(),
    bitRate: createAccumulator(),
    frameRate: createAccumulator(),
    localAddress: undefined,
    remoteAddress: undefined,
    classifier: createHysteresis(options.hysteresisSamples),
    history: createHistoryRing(options.historyPoints, options.historyStepMs),
    everPoor: false,
    poorMs: 0,
    lastPoorReason: null,
    worst: 'unknown',
    sampleReason: null,
  };
}

const SEVERITY: Record<LegClassification, number> = { unknown: -1, good: 0, warning: 1, poor: 2 };

export function worseOf(a: LegClassification, b: LegClassification): LegClassification {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** Adds one sample; returns the hysteresis step so the caller can raise alerts on a change. */
export function updateLeg(leg: LegState, sample: LiveSample, atMs: number, limits: ModalityThresholds): HysteresisStep {
  if (leg.classifier.state === 'poor' && leg.sampleCount > 0 && atMs > leg.lastAtMs) leg.poorMs += atMs - leg.lastAtMs;
  leg.sampleCount += 1;
  if (atMs < leg.firstAtMs) leg.firstAtMs = atMs;
  if (atMs > leg.lastAtMs) leg.lastAtMs = atMs;
  accumulate(leg.lossPercent, sample.lossPercent);
  accumulate(leg.jitterMs, sample.jitterMs);
  accumulate(leg.maxJitterMs, sample.maxJitterMs);
  accumulate(leg.roundTripMs, sample.roundTripMs);
  accumulate(leg.packets, sample.packets);
  accumulate(leg.bitRate, sample.bitRate);
  accumulate(leg.frameRate, sample.frameRate);
  if (sample.localAddress !== undefined) leg.localAddress = sample.localAddress;
  if (sample.remoteAddress !== undefined) leg.remoteAddress = sample.remoteAddress;

  const judgement = classifySample(sample, limits);
  const step = leg.classifier.push(judgement.level, judgement.reason);
  // A sample that says nothing (no judged metric) keeps the previous explanation.
  if (judgement.level !== 'unknown') leg.sampleReason = judgement.reason;
  if (step.state === 'poor') {
    leg.everPoor = true;
    leg.lastPoorReason = step.reason;
  }
  leg.worst = worseOf(leg.worst, step.state);
  // Built field by field: absent metrics stay absent in the sparkline, and no spread per sample.
  const point: LegHistoryPoint = { at: sample.at, classification: step.state };
  if (sample.lossPercent !== undefined) point.lossPercent = sample.lossPercent;
  if (sample.jitterMs !== undefined) point.jitterMs = sample.jitterMs;
  if (sample.roundTripMs !== undefined) point.roundTripMs = sample.roundTripMs;
  if (sample.bitRate !== undefined) point.bitRate = sample.bitRate;
  if (sample.frameRate !== undefined) point.frameRate = sample.frameRate;
  leg.history.add(atMs, point);
  return step;
}

/** Everything a snapshot or a push says of a leg but its history points. */
function legStats(leg: LegState): Omit<LegStatsSnapshot, 'history'> {
  return {
    id: leg.id,
    key: leg.key,
    startedAt: new Date(leg.firstAtMs).toISOString(),
    lastSampleAt: new Date(leg.lastAtMs).toISOString(),
    sampleCount: leg.sampleCount,
    lossPercent: toMetricStats(leg.lossPercent),
    jitterMs: toMetricStats(leg.jitterMs),
    roundTripMs: toMetricStats(leg.roundTripMs),
    packets: toMetricStats(leg.packets),
    bitRate: toMetricStats(leg.bitRate),
    frameRate: toMetricStats(leg.frameRate),
    classification: leg.classifier.state,
    classificationReason: leg.classifier.reason,
    trend: leg.classifier.trend,
    sampleReason: leg.sampleReason,
    historyStart: leg.history.start(),
  };
}

/** The leg in full (getRooms); leaves what the next push carries unchanged. */
export function snapshotLeg(leg: LegState): LegStatsSnapshot {
  return { ...legStats(leg), history: leg.history.toArray() };
}

/** The leg in a push: only the history points changed since the previous push, which it marks as pushed. */
export function deltaLeg(leg: LegState): LegDelta {
  const changes = leg.history.takeChanges();
  return { ...legStats(leg), historyFrom: changes.from, historyTail: changes.points };
}

export function summarizeLeg(leg: LegState): LegSummary {
  const nullable = (value: number | undefined): number | null => (value === undefined ? null : value);
  const maxJitter = Math.max(maximum(leg.maxJitterMs) ?? -1, maximum(leg.jitterMs) ?? -1);
  return {
    durationMs: Math.max(0, leg.lastAtMs - leg.firstAtMs),
    sampleCount: leg.sampleCount,
    poorMs: leg.poorMs,
    worstClassification: leg.worst,
    avgLossPercent: nullable(average(leg.lossPercent)),
    maxLossPercent: nullable(maximum(leg.lossPercent)),
    avgJitterMs: nullable(average(leg.jitterMs)),
    maxJitterMs: maxJitter < 0 ? null : maxJitter,
    avgRoundTripMs: nullable(average(leg.roundTripMs)),
    maxRoundTripMs: nullable(maximum(leg.roundTripMs)),
  };
}

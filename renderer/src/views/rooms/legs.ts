/**
 * Ordering and naming of a call's legs: audio, video, screen sharing; inbound before outbound; by channel.
 * Bit and frame rate exist only for video and screen sharing (Graph: screen sharing derives from video
 * quality, ../shared/reference/graph-api.md §1.4); audio legs show a dash there.
 */
import type { LegHistoryPoint, LegStatsSnapshot, Modality } from '../../../../shared/domain/legs';
import { DIRECTIONS, MODALITIES } from '../../../../shared/domain/legs';

export function sortLegs(legs: readonly LegStatsSnapshot[]): LegStatsSnapshot[] {
  return legs.slice().sort((a, b) => {
    const modality = MODALITIES.indexOf(a.key.modality) - MODALITIES.indexOf(b.key.modality);
    if (modality !== 0) return modality;
    const direction = DIRECTIONS.indexOf(a.key.direction) - DIRECTIONS.indexOf(b.key.direction);
    if (direction !== 0) return direction;
    return a.key.channelIndex - b.key.channelIndex;
  });
}

export function hasVideoMetrics(modality: Modality): boolean {
  return modality !== 'audio';
}

export type ChartMetric = 'lossPercent' | 'jitterMs' | 'roundTripMs' | 'bitRate' | 'frameRate';

export function series(history: readonly LegHistoryPoint[], metric: ChartMetric): (number | undefined)[] {
  return history.map((point) => point[metric]);
}

/** Default y-axis floors so a healthy leg's noise stays low on the chart (the poor thresholds of
 * ../shared/reference/devices-and-thresholds.md §4.1: 10 % loss, 30 ms jitter, 500 ms round trip would flatten it entirely). */
export const CHART_FLOOR: Record<ChartMetric, number> = {
  lossPercent: 1,
  jitterMs: 10,
  roundTripMs: 50,
  bitRate: 0,
  frameRate: 0,
};

/**
 * The words and numbers of a leg: its name ("Audio · inbound") and each metric's value with its unit, in
 * the current language and locale. Built once per locale and handed down (a table passes them to its rows),
 * so a live update does not make every row and cell subscribe to the locale again.
 */
import { useMemo } from 'react';
import type { LegStatsSnapshot } from '../../../../shared/domain/legs';
import { useFormat, useT, type Formatter, type MessageKey, type Translate } from '../../i18n';
import { DIRECTION_KEY, MODALITY_KEY } from '../../lib/labels';
import type { ChartMetric } from './legs';

export const METRIC_KEY: Record<ChartMetric, MessageKey> = {
  lossPercent: 'metric.loss',
  jitterMs: 'metric.jitter',
  roundTripMs: 'metric.roundTrip',
  bitRate: 'metric.bitRate',
  frameRate: 'metric.frameRate',
};

export type LegLabel = (leg: LegStatsSnapshot) => string;
export type MetricText = (metric: ChartMetric, value: number | null | undefined) => string;

export interface LegTexts {
  t: Translate;
  legLabel: LegLabel;
  metricText: MetricText;
}

function legLabelIn(t: Translate): LegLabel {
  return (leg) =>
    t(leg.key.channelIndex > 1 ? 'leg.nameWithChannel' : 'leg.name', {
      modality: t(MODALITY_KEY[leg.key.modality]),
      direction: t(DIRECTION_KEY[leg.key.direction]),
      channel: String(leg.key.channelIndex),
    });
}

function metricTextIn(t: Translate, format: Formatter): MetricText {
  return (metric, raw) => {
    const value = raw ?? undefined;
    switch (metric) {
      case 'lossPercent':
        return format.percent(value);
      case 'jitterMs':
      case 'roundTripMs':
        return format.milliseconds(value);
      case 'bitRate':
        return format.bitRate(value);
      case 'frameRate':
        return value === undefined ? format.frameRate(value) : t('unit.fps', { value: format.frameRate(value) });
    }
  };
}

/** All of a leg's texts; the same object while the language and locale stay the same. */
export function useLegTexts(): LegTexts {
  const t = useT();
  const format = useFormat();
  return useMemo(() => ({ t, legLabel: legLabelIn(t), metricText: metricTextIn(t, format) }), [t, format]);
}

export function useLegLabel(): LegLabel {
  return useLegTexts().legLabel;
}

/** Formats a metric value with its unit in the current locale. */
export function useMetricText(): MetricText {
  return useLegTexts().metricText;
}

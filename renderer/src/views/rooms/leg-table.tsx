/**
 * The legs of one call as a table: per leg the classification (badge with text), live loss, jitter, round
 * trip, bit rate and frame rate, each with a sparkline of the last minutes.
 */
import { memo } from 'react';
import type { LegStatsSnapshot } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { Sparkline } from '../../components/Sparkline';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { DIRECTION_KEY, MODALITY_KEY } from '../../lib/labels';
import { CHART_FLOOR, hasVideoMetrics, series, sortLegs, type ChartMetric } from './legs';

export const METRIC_KEY: Record<ChartMetric, MessageKey> = {
  lossPercent: 'metric.loss',
  jitterMs: 'metric.jitter',
  roundTripMs: 'metric.roundTrip',
  bitRate: 'metric.bitRate',
  frameRate: 'metric.frameRate',
};

export function useLegLabel(): (leg: LegStatsSnapshot) => string {
  const t = useT();
  return (leg) =>
    t(leg.key.channelIndex > 1 ? 'leg.nameWithChannel' : 'leg.name', {
      modality: t(MODALITY_KEY[leg.key.modality]),
      direction: t(DIRECTION_KEY[leg.key.direction]),
      channel: String(leg.key.channelIndex),
    });
}

/** Formats a metric value with its unit in the current locale. */
export function useMetricText(): (metric: ChartMetric, value: number | null | undefined) => string {
  const t = useT();
  const format = useFormat();
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

const LegRow = memo(function LegRow({ leg }: { leg: LegStatsSnapshot }) {
  const t = useT();
  const legLabel = useLegLabel();
  const metricText = useMetricText();
  const name = legLabel(leg);
  const video = hasVideoMetrics(leg.key.modality);
  const cell = (metric: ChartMetric, current: number | null) => {
    const values = series(leg.history, metric);
    const highest = values.reduce<number | undefined>((max, value) => (value !== undefined && (max === undefined || value > max) ? value : max), undefined);
    return (
      <td className="metric">
        <span className="metric-value">{metricText(metric, current)}</span>
        {values.length > 1 && (
          <Sparkline
            values={values}
            width={64}
            height={20}
            minimumMax={CHART_FLOOR[metric]}
            className={`trend-${leg.classification}`}
            label={t('rooms.sparklineLabel', {
              leg: name,
              metric: t(METRIC_KEY[metric]),
              latest: metricText(metric, current),
              highest: metricText(metric, highest),
            })}
          />
        )}
      </td>
    );
  };
  return (
    <tr className={`leg leg-${leg.classification}`}>
      <th scope="row">
        <span className="leg-name">{name}</span> <ClassificationBadge classification={leg.classification} />
      </th>
      {cell('lossPercent', leg.lossPercent.current)}
      {cell('jitterMs', leg.jitterMs.current)}
      {cell('roundTripMs', leg.roundTripMs.current)}
      {video ? cell('bitRate', leg.bitRate.current) : <td className="metric">—</td>}
      {video ? cell('frameRate', leg.frameRate.current) : <td className="metric">—</td>}
    </tr>
  );
});

export function LegTable({ legs, caption }: { legs: readonly LegStatsSnapshot[]; caption: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
    <table className="legs">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('leg.column')}</th>
          <th scope="col">{t('metric.loss')}</th>
          <th scope="col">{t('metric.jitter')}</th>
          <th scope="col">{t('metric.roundTrip')}</th>
          <th scope="col">{t('metric.bitRate')}</th>
          <th scope="col">{t('metric.frameRate')}</th>
        </tr>
      </thead>
      <tbody>
        {sortLegs(legs).map((leg) => (
          <LegRow key={leg.id} leg={leg} />
        ))}
      </tbody>
    </table>
    </div>
  );
}

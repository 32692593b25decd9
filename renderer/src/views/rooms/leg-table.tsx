/**
 * The legs of one call as a table: per leg the classification (badge with text), live loss, jitter, round
 * trip, bit rate and frame rate, each with a sparkline of the last minutes.
 *
 * A row renders again only when its leg changed: the store keeps the very leg object while a push brings it
 * nothing new (shared/domain/room-delta.ts), and the texts come from the table, the same object per locale.
 * Within a changed row, the badge renders again only when the classification changed.
 */
import { memo } from 'react';
import type { LegStatsSnapshot } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { Sparkline } from '../../components/Sparkline';
import { CHART_FLOOR, hasVideoMetrics, series, sortLegs, type ChartMetric } from './legs';
import { METRIC_KEY, useLegTexts, type LegTexts } from './leg-texts';

export { METRIC_KEY, useLegLabel, useMetricText } from './leg-texts';

const Badge = memo(ClassificationBadge);

function highestOf(values: readonly (number | undefined)[]): number | undefined {
  let highest: number | undefined;
  for (const value of values) if (value !== undefined && (highest === undefined || value > highest)) highest = value;
  return highest;
}

interface MetricCellProps {
  leg: LegStatsSnapshot;
  legName: string;
  metric: ChartMetric;
  current: number | null;
  texts: LegTexts;
}

function MetricCell({ leg, legName, metric, current, texts }: MetricCellProps) {
  const { t, metricText } = texts;
  const values = series(leg.history, metric);
  const text = metricText(metric, current);
  return (
    <td className="metric">
      <span className="metric-value">{text}</span>
      {values.length > 1 && (
        <Sparkline
          values={values}
          firstIndex={leg.historyStart}
          width={64}
          height={20}
          minimumMax={CHART_FLOOR[metric]}
          className={`trend-${leg.classification}`}
          label={t('rooms.sparklineLabel', {
            leg: legName,
            metric: t(METRIC_KEY[metric]),
            latest: text,
            highest: metricText(metric, highestOf(values)),
          })}
        />
      )}
    </td>
  );
}

export const LegRow = memo(function LegRow({ leg, texts }: { leg: LegStatsSnapshot; texts: LegTexts }) {
  const name = texts.legLabel(leg);
  const video = hasVideoMetrics(leg.key.modality);
  const cell = (metric: ChartMetric, current: number | null) => <MetricCell leg={leg} legName={name} metric={metric} current={current} texts={texts} />;
  return (
    <tr className={`leg leg-${leg.classification}`}>
      <th scope="row">
        <span className="leg-name">{name}</span> <Badge classification={leg.classification} />
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
  const texts = useLegTexts();
  const { t } = texts;
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
            <LegRow key={leg.id} leg={leg} texts={texts} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

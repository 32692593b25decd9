/**
 * The legs of one call as a table: per leg the classification (badge with text), live loss, jitter, round
 * trip, bit rate and frame rate, each with a sparkline of the last minutes; what the classifier is doing
 * ("turning poor 2/3", "recovering 1/3") beside the badge, and the value that crossed its threshold marked.
 *
 * A row renders again only when its leg has a new sample (`sameLeg`), or the language changed (the texts come
 * from the table, the same object per locale). Within a changed row, the badge renders again only when the
 * classification changed.
 */
import { memo } from 'react';
import type { LegHistoryPoint, LegStatsSnapshot } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { Sparkline } from '../../components/Sparkline';
import { CHART_FLOOR, hasVideoMetrics, sortLegs, type ChartMetric } from './legs';
import { METRIC_KEY, useLegTexts, type LegTexts } from './leg-texts';
import { trendText } from './trend-text';

export { METRIC_KEY, useLegLabel, useMetricText } from './leg-texts';

const Badge = memo(ClassificationBadge);

/** A metric's values over the leg's window and the highest of them, in one pass (up to 26 charts a room). */
function metricSeries(history: readonly LegHistoryPoint[], metric: ChartMetric): { values: (number | undefined)[]; highest: number | undefined } {
  const values = new Array<number | undefined>(history.length);
  let highest: number | undefined;
  for (let index = 0; index < history.length; index++) {
    const value = history[index]![metric];
    values[index] = value;
    if (value !== undefined && (highest === undefined || value > highest)) highest = value;
  }
  return { values, highest };
}

interface MetricCellProps {
  leg: LegStatsSnapshot;
  legName: string;
  metric: ChartMetric;
  current: number | null;
  texts: LegTexts;
}

/**
 * The value, marked when the latest sample crossed its threshold on this metric: the threshold shows on
 * hover and on keyboard focus (the mark is focusable) and is read out after the value.
 */
function MetricValue({ leg, metric, text, texts }: { leg: LegStatsSnapshot; metric: ChartMetric; text: string; texts: LegTexts }) {
  const reason = leg.sampleReason;
  if (reason === null || reason.metric !== metric) return <span className="metric-value">{text}</span>;
  const threshold = texts.metricText(metric, reason.threshold);
  return (
    <span className="metric-value metric-crossed" tabIndex={0} data-threshold={texts.t('trend.threshold', { threshold })}>
      {text}
      <span aria-hidden="true"> ▲</span>
      <span className="visually-hidden"> ({texts.t('trend.crossed', { threshold })})</span>
    </span>
  );
}

function MetricCell({ leg, legName, metric, current, texts }: MetricCellProps) {
  const { t, metricText } = texts;
  const { values, highest } = metricSeries(leg.history, metric);
  const text = metricText(metric, current);
  return (
    <td className="metric">
      <MetricValue leg={leg} metric={metric} text={text} texts={texts} />
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
            highest: metricText(metric, highest),
          })}
        />
      )}
    </td>
  );
}

interface LegRowProps {
  leg: LegStatsSnapshot;
  texts: LegTexts;
}

/**
 * Every number of a leg derives from its samples, so the same sample count, last sample time, window start and
 * length mean the same row (the rule of room-history.ts roomFingerprint, per leg). The store usually keeps
 * the very object (shared/domain/room-delta.ts); a re-read of the full list brings equal copies.
 */
function sameLeg(previous: LegRowProps, next: LegRowProps): boolean {
  const a = previous.leg;
  const b = next.leg;
  if (previous.texts !== next.texts) return false;
  return (
    a === b ||
    (a.id === b.id &&
      a.sampleCount === b.sampleCount &&
      a.lastSampleAt === b.lastSampleAt &&
      a.classification === b.classification &&
      a.historyStart === b.historyStart &&
      a.history.length === b.history.length)
  );
}

export const LegRow = memo(function LegRow({ leg, texts }: LegRowProps) {
  const name = texts.legLabel(leg);
  const video = hasVideoMetrics(leg.key.modality);
  const cell = (metric: ChartMetric, current: number | null) => <MetricCell leg={leg} legName={name} metric={metric} current={current} texts={texts} />;
  const trend = trendText(texts.t, leg);
  return (
    <tr className={`leg leg-${leg.classification}`}>
      <th scope="row">
        <span className="leg-name">{name}</span> <Badge classification={leg.classification} />
        {trend !== null && <span className="trend"> {trend}</span>}
      </th>
      {cell('lossPercent', leg.lossPercent.current)}
      {cell('jitterMs', leg.jitterMs.current)}
      {cell('roundTripMs', leg.roundTripMs.current)}
      {video ? cell('bitRate', leg.bitRate.current) : <td className="metric">—</td>}
      {video ? cell('frameRate', leg.frameRate.current) : <td className="metric">—</td>}
    </tr>
  );
}, sameLeg);

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

/**
 * Teams and the room side by side for a matched call: one table per modality, rows matched by direction
 * (the room's inbound = the stream the room received), columns Teams | room | difference in one unit per
 * metric (percent, ms), and a row marked where the two differ by more than the stated tolerance
 * (shared/graph/callRecordCompare.ts AGREEMENT).
 */
import type { CallRecordDetailView } from '../../../../shared/api/views';
import { AGREEMENT, type ComparedMetric, type MetricComparison, type StreamComparisonRow } from '../../../../shared/graph/callRecordCompare';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { DIRECTION_KEY, MODALITY_KEY } from '../../lib/labels';

const METRIC_LABEL: Record<ComparedMetric, MessageKey> = {
  averagePacketLoss: 'compare.averageLoss',
  maximumPacketLoss: 'compare.maximumLoss',
  averageJitter: 'compare.averageJitter',
  maximumJitter: 'compare.maximumJitter',
  averageRoundTrip: 'compare.averageRoundTrip',
  maximumRoundTrip: 'compare.maximumRoundTrip',
};

function ComparisonTable({ modality, rows }: { modality: StreamComparisonRow['modality']; rows: StreamComparisonRow[] }) {
  const t = useT();
  const format = useFormat();
  const value = (metric: MetricComparison, side: number | undefined) =>
    side === undefined ? '—' : metric.unit === 'percent' ? format.percent(side) : format.milliseconds(side);
  const difference = (metric: MetricComparison) => {
    if (metric.room === undefined || metric.teams === undefined) return '—';
    const delta = metric.room - metric.teams;
    const text = metric.unit === 'percent' ? format.percent(Math.abs(delta)) : format.milliseconds(Math.abs(delta));
    return `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${text}`;
  };
  return (
    <div className="table-scroll">
      <table className="compare">
        <caption>{t(MODALITY_KEY[modality])}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.metric')}</th>
            <th scope="col">{t('compare.teams')}</th>
            <th scope="col">{t('compare.room')}</th>
            <th scope="col">{t('compare.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            row.metrics.map((metric) => (
              <tr key={`${row.reportId}:${row.channelIndex}:${row.direction}:${metric.metric}`} className={metric.agrees === false ? 'compare-disagrees' : undefined}>
                <th scope="row">
                  {t(DIRECTION_KEY[row.direction])} · {t(METRIC_LABEL[metric.metric])}
                </th>
                <td>{value(metric, metric.teams)}</td>
                <td>{value(metric, metric.room)}</td>
                <td>
                  {difference(metric)}
                  {metric.agrees === false && <strong className="compare-flag"> ▲ {t('compare.beyondTolerance')}</strong>}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function SideBySide({ comparison }: { comparison: NonNullable<CallRecordDetailView['comparison']> }) {
  const t = useT();
  const modalities = (['audio', 'video', 'screenSharing'] as const).filter((modality) => comparison.some((row) => row.modality === modality));
  if (modalities.length === 0) return null;
  return (
    <section className="side-by-side-compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('compare.title')}</h2>
      <p className="muted">
        {t('compare.tolerance', {
          percent: String(AGREEMENT.percent.floor),
          ms: String(AGREEMENT.ms.floor),
          roundTrip: String(AGREEMENT.roundTripMs.floor),
          share: String(Math.round(AGREEMENT.percent.relative * 100)),
        })}
      </p>
      {modalities.map((modality) => (
        <ComparisonTable
          key={modality}
          modality={modality}
          rows={comparison.filter((row) => row.modality === modality).sort((a, b) => a.channelIndex - b.channelIndex || (a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1))}
        />
      ))}
    </section>
  );
}

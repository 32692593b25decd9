/**
 * The built-in thresholds beside the overrides field: what each metric of each modality is judged against
 * when no override is given (shared/domain/thresholds.ts DEFAULT_THRESHOLDS), fair from / poor from.
 */
import { DEFAULT_THRESHOLDS, type ModalityThresholds } from '../../../../shared/domain/thresholds';
import { useT } from '../../i18n';
import { MODALITY_KEY } from '../../lib/labels';
import { METRIC_KEY, useMetricText } from '../rooms/leg-texts';

const MODALITIES = ['audio', 'video', 'screenSharing'] as const;
const HIGHER_IS_WORSE = ['lossPercent', 'jitterMs', 'roundTripMs'] as const;

export function BuiltInThresholds() {
  const t = useT();
  const metricText = useMetricText();
  const cell = (limits: ModalityThresholds, metric: (typeof HIGHER_IS_WORSE)[number] | 'frameRate') => {
    if (metric === 'frameRate') {
      const { warnBelow, poorBelow } = limits.frameRate;
      if (warnBelow === null && poorBelow === null) return '—';
      return t('thresholds.below', { fair: metricText('frameRate', warnBelow), poor: metricText('frameRate', poorBelow) });
    }
    const { warnAtOrAbove, poorAbove } = limits[metric];
    if (warnAtOrAbove === null && poorAbove === null) return '—';
    return t('thresholds.above', { fair: metricText(metric, warnAtOrAbove), poor: metricText(metric, poorAbove) });
  };
  return (
    <div className="table-scroll">
      <table className="built-in-thresholds">
        <caption>{t('thresholds.caption', { samples: String(DEFAULT_THRESHOLDS.hysteresisSamples) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('thresholds.modality')}</th>
            {[...HIGHER_IS_WORSE, 'frameRate' as const].map((metric) => (
              <th key={metric} scope="col">
                {t(METRIC_KEY[metric])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MODALITIES.map((modality) => (
            <tr key={modality}>
              <th scope="row">{t(MODALITY_KEY[modality])}</th>
              {[...HIGHER_IS_WORSE, 'frameRate' as const].map((metric) => (
                <td key={metric}>{cell(DEFAULT_THRESHOLDS[modality], metric)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the classifier is doing to a leg, in words: "turning poor 2/3" while a streak of worse samples
 * builds up, "recovering 1/3" while a poor or fair leg's samples are better. Null when the latest samples
 * agree with the state (nothing to explain) or the leg has no verdict yet.
 */
import type { LegClassification, LegStatsSnapshot } from '../../../../shared/domain/legs';
import type { MessageKey, Translate } from '../../i18n';

const SEVERITY: Record<LegClassification, number> = { unknown: 0, good: 1, warning: 2, poor: 3 };

export const TREND_STATE_KEY: Record<Exclude<LegClassification, 'unknown'>, MessageKey> = {
  poor: 'trend.state.poor',
  warning: 'trend.state.warning',
  good: 'trend.state.good',
};

export function trendText(t: Translate, leg: Pick<LegStatsSnapshot, 'classification' | 'trend'>): string | null {
  const trend = leg.trend;
  if (trend === null || leg.classification === 'unknown') return null;
  const counts = { samples: String(trend.samples), needed: String(trend.samplesNeeded) };
  if (SEVERITY[trend.toward] < SEVERITY[leg.classification]) return t('trend.recovering', counts);
  return t('trend.turning', { ...counts, state: t(TREND_STATE_KEY[trend.toward]) });
}

/**
 * The words of a room alert outside the window (English, like the rest of the shell): the desktop
 * notification and the tray say a poor room the same way, e.g. "audio inbound" and
 * "Packet loss 25.1 % (limit 10 %)".
 */
import type { LegKey, QualityMetric } from '../../shared/domain/legs';

export function legText(key: Pick<LegKey, 'modality' | 'direction'>): string {
  return `${key.modality} ${key.direction}`;
}

/** "Packet loss 25.1 % (limit 10 %)", or undefined when the alert carries no reason. */
export function metricText(alert: { metric: QualityMetric | null; value: number | null; threshold: number | null }): string | undefined {
  if (alert.metric === null || alert.value === null || alert.threshold === null) return undefined;
  const unit = alert.metric === 'lossPercent' ? ' %' : alert.metric === 'frameRate' ? ' fps' : ' ms';
  const name = { lossPercent: 'Packet loss', jitterMs: 'Jitter', roundTripMs: 'Round trip', frameRate: 'Frame rate' }[alert.metric];
  return `${name} ${round(alert.value)}${unit} (limit ${round(alert.threshold)}${unit})`;
}

const round = (value: number): string => (Math.round(value * 10) / 10).toString();

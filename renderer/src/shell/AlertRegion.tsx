/** The latest leg alerts (leg turned poor, recovered), announced to screen readers as they arrive. */
import type { AlertEvent } from '../../../shared/domain/legs';
import { useFormat, useT } from '../i18n';
import { DIRECTION_KEY, MODALITY_KEY } from '../lib/labels';
import { useAppStore, useStores } from '../stores/provider';
import { METRIC_KEY, useMetricText } from '../views/rooms/leg-table';

function AlertItem({ alert }: { alert: AlertEvent }) {
  const t = useT();
  const format = useFormat();
  const metricText = useMetricText();
  const { app } = useStores();
  const leg = `${t(MODALITY_KEY[alert.legKey.modality])} ${t(DIRECTION_KEY[alert.legKey.direction])}`;
  const detail =
    alert.metric !== null && alert.value !== null
      ? t('alert.metric', {
          metric: t(METRIC_KEY[alert.metric]),
          value: metricText(alert.metric, alert.value),
          threshold: metricText(alert.metric, alert.threshold),
        })
      : '';
  return (
    <li className={alert.kind === 'leg_poor' ? 'alert alert-poor' : 'alert alert-recovered'}>
      <span>
        <strong>{t(alert.kind === 'leg_poor' ? 'alert.poor' : 'alert.recovered', { room: alert.roomName, leg })}</strong> {detail}{' '}
        <span className="muted">{format.time(alert.at)}</span>
      </span>
      <button type="button" className="link-button" onClick={() => app.getState().navigate({ view: 'room', roomId: alert.roomId })}>
        {t('alert.open')}
      </button>
      <button type="button" className="link-button" onClick={() => app.getState().dismissAlert(alert)} aria-label={t('alert.dismiss')}>
        ×
      </button>
    </li>
  );
}

export function AlertRegion() {
  const t = useT();
  const alerts = useAppStore((state) => state.alerts);
  return (
    <section className="alerts" aria-label={t('alert.label')} aria-live="polite">
      {alerts.length > 0 && (
        <ul>
          {alerts.map((alert) => (
            <AlertItem key={`${alert.at}:${alert.roomId}:${alert.kind}:${alert.legKey.modality}:${alert.legKey.direction}`} alert={alert} />
          ))}
        </ul>
      )}
    </section>
  );
}

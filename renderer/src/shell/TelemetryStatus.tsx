/**
 * The metrics export in the status bar, only when it is on: when it last succeeded, or why it fails and how
 * many intervals wait for the collector. The Prometheus endpoint has no state to show (it is scraped).
 */
import type { TelemetryStatusView } from '../../../shared/api/telemetry';
import { useFormat, useT } from '../i18n';

export function TelemetryStatus({ view }: { view: TelemetryStatusView | undefined }) {
  const t = useT();
  const format = useFormat();
  // Off says nothing, unless it is off because it could not start (a port in use): that is worth a word.
  if (view === undefined || (view.otlp === 'off' && view.lastError === undefined)) return null;
  const buffered = view.bufferedIntervals > 1 ? ` · ${t('telemetry.status.buffered', { count: String(view.bufferedIntervals) })}` : '';
  if ((view.otlp === 'failing' || view.otlp === 'off') && view.lastError) {
    const text = `${t('telemetry.status.failing', { message: view.lastError.message })}${buffered}`;
    return (
      <span className="status-error status-telemetry" title={`${format.time(view.lastError.at)} · ${text}`}>
        {text}
      </span>
    );
  }
  if (view.otlp === 'ok' && view.lastExportAt) return <span className="muted status-telemetry">{t('telemetry.status.ok', { time: format.time(view.lastExportAt) })}</span>;
  return <span className="muted status-telemetry">{t('telemetry.status.waiting')}</span>;
}

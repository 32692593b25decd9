/**
 * The alert log, opened from the status bar: every episode of a room being poor over the last 30 days
 * (time, room, leg, metric, value, threshold, recovered at), newest first, read from the core's database.
 * A modal <dialog>: the browser moves the focus into it, keeps it there, and Escape closes it.
 */
import { useEffect, useRef, useState } from 'react';
import type { AlertLogEntryView } from '../../../shared/api/views';
import { ErrorNotice, Loading } from '../components/status';
import { useFormat, useT } from '../i18n';
import { DIRECTION_KEY, MODALITY_KEY } from '../lib/labels';
import { fromResult, IDLE, LOADING, settle, type LoadState } from '../stores/load-state';
import { useStores } from '../stores/provider';
import { METRIC_KEY, useMetricText } from '../views/rooms/leg-texts';

function AlertLogTable({ entries }: { entries: readonly AlertLogEntryView[] }) {
  const t = useT();
  const format = useFormat();
  const metricText = useMetricText();
  if (entries.length === 0) return <p className="muted">{t('alertLog.empty')}</p>;
  return (
    // Focusable, so a keyboard can scroll a long log (the rows hold no control to land on).
    <div className="table-scroll alert-log-scroll" tabIndex={0} role="region" aria-label={t('alertLog.caption')}>
      <table className="alert-log">
        <caption className="visually-hidden">{t('alertLog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('alertLog.time')}</th>
            <th scope="col">{t('alertLog.room')}</th>
            <th scope="col">{t('alertLog.leg')}</th>
            <th scope="col">{t('alertLog.metric')}</th>
            <th scope="col">{t('alertLog.value')}</th>
            <th scope="col">{t('alertLog.threshold')}</th>
            <th scope="col">{t('alertLog.recoveredAt')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{format.dateTimeShort(entry.at)}</td>
              <th scope="row">{entry.roomName}</th>
              <td>{t('leg.name', { modality: t(MODALITY_KEY[entry.modality]), direction: t(DIRECTION_KEY[entry.direction]) })}</td>
              <td>{entry.metric !== undefined ? t(METRIC_KEY[entry.metric]) : '—'}</td>
              <td>{entry.metric !== undefined ? metricText(entry.metric, entry.value) : '—'}</td>
              <td>{entry.metric !== undefined ? metricText(entry.metric, entry.threshold) : '—'}</td>
              <td>{entry.endedAt !== undefined ? format.time(entry.endedAt) : <strong>{t('alertLog.stillPoor')}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AlertLogButton() {
  const t = useT();
  const { api } = useStores();
  const dialog = useRef<HTMLDialogElement>(null);
  const [log, setLog] = useState<LoadState<AlertLogEntryView[]>>(IDLE);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    dialog.current?.showModal?.();
    let current = true;
    setLog(LOADING);
    void settle(() => api.listAlertLog({})).then((result) => {
      if (current) setLog(fromResult(result));
    });
    return () => {
      current = false;
    };
  }, [open, api]);

  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('alerts.openLog')}
      </button>
      {open && (
        <dialog ref={dialog} className="alert-log-dialog" aria-labelledby="alert-log-heading" onClose={() => setOpen(false)}>
          <header className="card-header">
            <h2 id="alert-log-heading">{t('alertLog.title')}</h2>
            <button type="button" className="link-button" onClick={() => dialog.current?.close()} aria-label={t('alertLog.close')}>
              {t('common.close')}
            </button>
          </header>
          {(log.status === 'loading' || log.status === 'idle') && <Loading label={t('alertLog.loading')} />}
          {log.status === 'error' && <ErrorNotice error={log.error} />}
          {log.status === 'ready' && <AlertLogTable entries={log.value} />}
        </dialog>
      )}
    </>
  );
}

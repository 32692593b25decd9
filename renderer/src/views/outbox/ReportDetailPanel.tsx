/**
 * One report in a drawer at the window's right edge (over the list, so it opens where the operator looks at
 * any window size, 1024×700 included): its identifiers and state, the last Graph error, the timeline of
 * attempts and operator actions (AttemptsList), the actions, and the exact JSON body that is or will be
 * sent. Opening it moves the focus to its heading; Escape or Close shuts it.
 */
import { useEffect, useRef } from 'react';
import type { ReportDetail } from '../../../../shared/api/views';
import { ErrorNotice, Loading } from '../../components/status';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { OUTBOX_STATE_KEY } from '../../lib/labels';
import { useOutboxStore, useSettingsStore, useStores } from '../../stores/provider';
import { AttemptsList } from './AttemptsList';
import { ReportActions } from './report-actions';

const SOURCE_KEY: Record<ReportDetail['source'], MessageKey> = {
  ingest: 'outbox.source.ingest',
  device: 'outbox.source.device',
  operator: 'outbox.source.operator',
};

function Summary({ report }: { report: ReportDetail }) {
  const t = useT();
  const format = useFormat();
  const roomName = useSettingsStore((state) => (state.settings.status === 'ready' ? state.settings.value.rooms.find((room) => room.id === report.roomId)?.name : undefined));
  const rows: [string, string | undefined][] = [
    [t('outbox.state'), t(OUTBOX_STATE_KEY[report.state]) + (report.failedReason !== undefined ? ` (${t(report.failedReason === 'expired' ? 'outbox.failedExpired' : 'outbox.failedPermanent')})` : '')],
    [t('outbox.source'), t(SOURCE_KEY[report.source])],
    [t('outbox.room'), roomName !== undefined ? `${roomName} (${report.roomId})` : report.roomId],
    [t('outbox.device'), report.deviceId],
    [t('outbox.created'), format.dateTime(report.createdAt)],
    [t('outbox.nextAttempt'), report.nextAttemptAt !== undefined ? format.dateTime(report.nextAttemptAt) : undefined],
    [t('outbox.callChainId'), report.callChainId],
    [t('outbox.participantId'), report.participantId],
    [t('outbox.mediaLegId'), report.mediaLegId],
    [t('outbox.discardReason'), report.discardReason],
  ];
  return (
    <dl className="summary">
      {rows
        .filter((row): row is [string, string] => row[1] !== undefined)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ReportDetailPanel() {
  const t = useT();
  const { outbox } = useStores();
  const detail = useOutboxStore((state) => state.detail);
  const selectedId = useOutboxStore((state) => state.selectedId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (selectedId === undefined) return;
    heading.current?.focus();
    // Escape closes it wherever the focus went (an action's button may have been replaced meanwhile).
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) outbox.getState().select(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedId, outbox]);
  if (selectedId === undefined) return null;
  return (
    <section className="card report-detail report-drawer" aria-labelledby="report-detail-heading">
      <header className="card-header">
        <h2 id="report-detail-heading" ref={heading} tabIndex={-1}>
          {t('outbox.reportTitle')}
        </h2>
        <code className="id">{selectedId}</code>
        <button type="button" className="link-button" onClick={() => outbox.getState().select(undefined)}>
          {t('common.close')}
        </button>
      </header>
      {(detail.status === 'loading' || detail.status === 'idle') && <Loading />}
      {detail.status === 'error' && <ErrorNotice error={detail.error} onRetry={() => outbox.getState().select(selectedId)} />}
      {detail.status === 'ready' && (
        <>
          <Summary report={detail.value} />
          {detail.value.lastError !== undefined && (
            <div className="notice notice-error">
              <p>
                <strong>{t('outbox.lastError')}</strong>{' '}
                {detail.value.lastError.httpStatus !== undefined && <span>HTTP {detail.value.lastError.httpStatus} </span>}
                <code>{detail.value.lastError.code}</code> {detail.value.lastError.message}
              </p>
              {detail.value.lastError.requestId !== undefined && (
                <p>
                  {t('outbox.requestId')}: <code className="id">{detail.value.lastError.requestId}</code>
                </p>
              )}
            </div>
          )}
          <ReportActions report={detail.value} />
          <AttemptsList report={detail.value} />
          <h3>{t('outbox.body')}</h3>
          <pre className="json" tabIndex={0} aria-label={t('outbox.body')}>
            {JSON.stringify(detail.value.body, null, 2)}
          </pre>
        </>
      )}
    </section>
  );
}

/** Sync state, outbox backlog and the last error, always visible; pause/resume of sending. */
import type { SyncStatusView } from '../../../shared/api/views';
import { useFormat, useT } from '../i18n';
import { SYNC_STATE_KEY } from '../lib/labels';
import { useAppStore, useStores } from '../stores/provider';

export function backlogOf(status: SyncStatusView): number {
  return status.counts.needs_context + status.counts.pending + status.counts.in_flight;
}

export function StatusBar() {
  const t = useT();
  const format = useFormat();
  const { app } = useStores();
  const sync = useAppStore((state) => state.sync);
  const pauseChange = useAppStore((state) => state.pauseChange);
  const demo = useAppStore((state) => state.info.status === 'ready' && state.info.value.demo);
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      {demo && <strong className="demo-badge-small">{t('demo.badge')}</strong>}
      {sync.status === 'ready' ? (
        <>
          <span className={`sync-state sync-${sync.value.state}`}>
            {t('status.sync')}: <strong>{t(SYNC_STATE_KEY[sync.value.state])}</strong>
            {sync.value.reason !== undefined && <span> · {sync.value.reason}</span>}
          </span>
          <span>
            {t('status.backlog')}: <strong>{format.number(backlogOf(sync.value), 0)}</strong>
            {sync.value.oldestUnsentAgeMs !== undefined && <span className="muted"> · {t('status.oldest', { age: format.span(sync.value.oldestUnsentAgeMs) })}</span>}
          </span>
          <span>
            {t('status.failed')}: <strong>{format.number(sync.value.counts.failed, 0)}</strong>
          </span>
          {sync.value.lastSuccessAt !== undefined && <span className="muted">{t('status.lastSuccess', { time: format.time(sync.value.lastSuccessAt) })}</span>}
          {/* An error followed by a successful send is history (the Outbox keeps it); only a current one shows here. */}
          {sync.value.lastError !== undefined && !(sync.value.lastSuccessAt !== undefined && sync.value.lastSuccessAt > sync.value.lastError.at) && (
            <span className="status-error">
              {t('status.lastError')}: {format.time(sync.value.lastError.at)} · <code>{sync.value.lastError.code}</code> {sync.value.lastError.message}
            </span>
          )}
          {(sync.value.state === 'paused' || sync.value.state === 'running' || sync.value.state === 'idle') && (
            <button type="button" disabled={pauseChange.status === 'saving'} onClick={() => void app.getState().setSyncPaused(!sync.value.pausedByOperator)}>
              {sync.value.pausedByOperator ? t('status.resume') : t('status.pause')}
            </button>
          )}
          {pauseChange.status === 'error' && <span className="status-error">{pauseChange.error.message}</span>}
        </>
      ) : sync.status === 'error' ? (
        <span className="status-error">
          {t('status.unavailable')} {sync.error.message}
        </span>
      ) : (
        <span className="muted">{t('common.loading')}</span>
      )}
    </footer>
  );
}

/** Sync state, outbox backlog and the last error, always visible; pause/resume of sending. */
import type { SyncPauseView, SyncStatusView } from '../../../shared/api/views';
import { countText, useFormat, useT, type MessageKey } from '../i18n';
import { SYNC_STATE_KEY } from '../lib/labels';
import { useAppStore, useStores } from '../stores/provider';
import { AlertLogButton } from './AlertLogDialog';
import { TelemetryStatus } from './TelemetryStatus';

export function backlogOf(status: SyncStatusView): number {
  return status.counts.needs_context + status.counts.pending + status.counts.in_flight;
}

/** One line, cut with an ellipsis; the whole text stays in the DOM (screen readers read it) and in the tooltip. */
function LastError({ error }: { error: NonNullable<SyncStatusView['lastError']> }) {
  const t = useT();
  const format = useFormat();
  return (
    <span className="status-error status-last-error" title={`${t('status.lastError')}: ${format.time(error.at)} · ${error.code} ${error.message}`}>
      {t('status.lastError')}: {format.time(error.at)} · <code>{error.code}</code> {error.message}
    </span>
  );
}

function PauseButton({ sync }: { sync: SyncStatusView }) {
  const t = useT();
  const { app } = useStores();
  const saving = useAppStore((state) => state.pauseChange.status === 'saving');
  if (sync.state !== 'paused' && sync.state !== 'running' && sync.state !== 'idle') return null;
  return (
    <button type="button" disabled={saving} onClick={() => void app.getState().setSyncPaused(!sync.pausedByOperator)}>
      {sync.pausedByOperator ? t('status.resume') : t('status.pause')}
    </button>
  );
}

const CAUSE_KEY: Record<SyncPauseView['cause'], MessageKey> = {
  throttled: 'status.cause.throttled',
  offline: 'status.cause.offline',
  auth: 'status.cause.auth',
  missing_permission: 'status.cause.missing_permission',
  unavailable: 'status.cause.unavailable',
  not_configured: 'status.cause.not_configured',
};

/**
 * Why sending is held up, worded here from the view's fields (the operator's pause, the pause's cause and
 * retry time) so every word is in the operator's language; the core's English `reason` is kept only as the
 * tooltip. The plain states (running, idle, stopped) need no reason beside their translated word.
 */
function reasonText(t: ReturnType<typeof useT>, format: ReturnType<typeof useFormat>, sync: SyncStatusView): string | undefined {
  if (sync.pausedByOperator) return t('status.pausedByOperator');
  const pause = sync.pause;
  if (pause === undefined) return undefined;
  const cause = t(CAUSE_KEY[pause.cause], { permission: pause.permission ?? 'Calls.AccessMedia.All' });
  return pause.retryAt === undefined ? cause : `${cause}; ${t('status.retryAt', { time: format.time(pause.retryAt) })}`;
}

/** A distinct state when reports failed for good: nothing retries them, the operator must act. */
function NeedsAction({ failed }: { failed: number }) {
  const t = useT();
  const { app, outbox } = useStores();
  const label = countText(t, failed, 'status.needsActionOne', 'status.needsAction');
  return (
    <button
      type="button"
      className="status-needs-action"
      aria-label={`${label}. ${t('status.openFailed')}`}
      onClick={() => {
        outbox.getState().setFilter({ state: 'failed' });
        app.getState().navigate({ view: 'outbox' });
      }}
    >
      {label}
    </button>
  );
}

/** Settings the core set aside (a certificate file gone, a saved value refused): named, and a way to fix them. */
function SettingsProblems({ problems }: { problems: NonNullable<SyncStatusView['settingsProblems']> }) {
  const t = useT();
  const { app } = useStores();
  const text = `${t('settings.notApplied')}: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`;
  return (
    <button type="button" className="status-error status-settings-problems" title={text} onClick={() => app.getState().navigate({ view: 'settings' })}>
      {text}
    </button>
  );
}

export function StatusBar() {
  const t = useT();
  const format = useFormat();
  const sync = useAppStore((state) => state.sync);
  const pauseChange = useAppStore((state) => state.pauseChange);
  const demo = useAppStore((state) => state.info.status === 'ready' && state.info.value.demo);
  const reason = sync.status === 'ready' ? reasonText(t, format, sync.value) : undefined;
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      {demo && <strong className="demo-badge-small">{t('demo.badge')}</strong>}
      <AlertLogButton />
      {sync.status === 'ready' ? (
        <>
          <span className={`sync-state sync-${sync.value.state}`} title={sync.value.reason}>
            {t('status.sync')}: <strong>{t(SYNC_STATE_KEY[sync.value.state])}</strong>
            {reason !== undefined && <span> · {reason}</span>}
          </span>
          {sync.value.counts.failed > 0 && <NeedsAction failed={sync.value.counts.failed} />}
          {sync.value.storage !== undefined && <span className="status-error status-storage" role="alert">{sync.value.storage.message}</span>}
          {sync.value.settingsProblems !== undefined && <SettingsProblems problems={sync.value.settingsProblems} />}
          <span>
            {t('status.backlog')}: <strong>{format.number(backlogOf(sync.value), 0)}</strong>
            {sync.value.oldestUnsentAgeMs !== undefined && <span className="muted"> · {t('status.oldest', { age: format.span(sync.value.oldestUnsentAgeMs) })}</span>}
          </span>
          {sync.value.lastSuccessAt !== undefined && <span className="muted">{t('status.lastSuccess', { time: format.time(sync.value.lastSuccessAt) })}</span>}
          <TelemetryStatus view={sync.value.telemetry} />
          {/* An error followed by a successful send is history (the Outbox keeps it); only a current one shows here. */}
          {sync.value.lastError !== undefined && !(sync.value.lastSuccessAt !== undefined && sync.value.lastSuccessAt > sync.value.lastError.at) ? (
            // The error and the button move to a second line together when the bar is too narrow for both,
            // and the error is cut with an ellipsis (never the button): see .status-end in app.css.
            <span className="status-end">
              <LastError error={sync.value.lastError} />
              <PauseButton sync={sync.value} />
            </span>
          ) : (
            <PauseButton sync={sync.value} />
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

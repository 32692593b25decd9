/**
 * Support: "Export diagnostics" zips the logs, the configuration without secrets, the outbox counts and the
 * recent errors into the data directory; the Electron shell then shows the file in the file manager.
 */
import { ErrorNotice } from '../../components/status';
import { useFormat, useT } from '../../i18n';
import { useSettingsStore, useStores } from '../../stores/provider';

export function SupportSection() {
  const t = useT();
  const format = useFormat();
  const { settings } = useStores();
  const diagnostics = useSettingsStore((state) => state.diagnostics);
  return (
    <section className="card settings-section" aria-labelledby="settings-support">
      <h2 id="settings-support">{t('settings.support')}</h2>
      <p className="muted">{t('settings.diagnosticsHint')}</p>
      <div className="form-actions">
        <button type="button" disabled={diagnostics.status === 'loading'} onClick={() => void settings.getState().exportDiagnostics()}>
          {diagnostics.status === 'loading' ? t('settings.diagnosticsExporting') : t('settings.diagnosticsExport')}
        </button>
      </div>
      {diagnostics.status === 'ready' && (
        <p role="status">
          {t('settings.diagnosticsSaved')} <code>{diagnostics.value.path}</code> ({format.number(diagnostics.value.sizeBytes / 1024, 0)} KiB)
        </p>
      )}
      {diagnostics.status === 'error' && <ErrorNotice error={diagnostics.error} onRetry={() => void settings.getState().exportDiagnostics()} />}
    </section>
  );
}

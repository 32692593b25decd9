/** Settings: every section edits a draft and saves its own patch; fields the fleet file sets are read-only. */
import { ErrorNotice, Loading } from '../../components/status';
import { useT } from '../../i18n';
import { useSettingsStore, useStores } from '../../stores/provider';
import { AlertsSection } from './AlertsSection';
import { ConnectionSection } from './ConnectionSection';
import { LanguageSection } from './LanguageSection';
import { RoomsSection } from './RoomsSection';
import { StartupSection } from './StartupSection';
import { SupportSection } from './SupportSection';
import { TelemetrySection } from './TelemetrySection';
import { TokensSection } from './TokensSection';

export function SettingsView() {
  const t = useT();
  const { settings } = useStores();
  const state = useSettingsStore((s) => s.settings);
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings.title')}</h1>
      <LanguageSection />
      {(state.status === 'loading' || state.status === 'idle') && <Loading label={t('settings.loading')} />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={() => void settings.getState().load()} />}
      {state.status === 'ready' && (
        <>
          {state.value.managedKeys.length > 0 && <p className="notice">{t('settings.managedIntro')}</p>}
          <ConnectionSection view={state.value} />
          <RoomsSection view={state.value} />
          <TokensSection view={state.value} />
          <AlertsSection view={state.value} />
          <StartupSection view={state.value} />
          <TelemetrySection view={state.value} />
          <SupportSection />
        </>
      )}
    </section>
  );
}

/**
 * First run (no tenant, no rooms): two ways forward. Connect a real tenant (the steps, then Settings), or try
 * the demo: simulated rooms against the built-in Graph emulator, labelled DEMO everywhere. The core switches
 * to the demo on its own data directory, so nothing the operator configures later is mixed with it.
 */
import { useT } from '../../i18n';
import { useAppStore, useStores } from '../../stores/provider';

export function SetupFlow() {
  const t = useT();
  const { app } = useStores();
  const demoStart = useAppStore((state) => state.demoStart);
  return (
    <section aria-labelledby="setup-heading" className="setup">
      <h1 id="setup-heading">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <div className="setup-choices">
        <article className="card" aria-labelledby="setup-connect">
          <h2 id="setup-connect">{t('setup.connectTitle')}</h2>
          <ol>
            <li>{t('setup.step1')}</li>
            <li>{t('setup.step2')}</li>
            <li>{t('setup.step3')}</li>
            <li>{t('setup.step4')}</li>
          </ol>
          <button type="button" className="primary" onClick={() => app.getState().navigate({ view: 'settings' })}>
            {t('setup.openSettings')}
          </button>
        </article>
        <article className="card" aria-labelledby="setup-demo">
          <h2 id="setup-demo">{t('setup.demoTitle')}</h2>
          <p>{t('setup.demoIntro')}</p>
          <button type="button" className="primary" disabled={demoStart.status === 'starting'} onClick={() => void app.getState().startDemo()}>
            {demoStart.status === 'starting' ? t('setup.demoStarting') : t('setup.demoStart')}
          </button>
          {demoStart.status === 'error' ? (
            <p role="alert" className="error">
              {demoStart.error.message}
            </p>
          ) : null}
          <p className="muted">
            {t('setup.demoCommand')} <code>npm run demo</code>
          </p>
        </article>
      </div>
      <button type="button" className="link-button" onClick={() => app.getState().dismissSetup()}>
        {t('setup.skip')}
      </button>
    </section>
  );
}

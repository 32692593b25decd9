/** The title bar: product name, and a DEMO badge that cannot be missed while the demo runs. */
import { useEffect } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../stores/provider';

export function Header() {
  const t = useT();
  const demo = useAppStore((state) => state.info.status === 'ready' && state.info.value.demo);
  useEffect(() => {
    document.title = demo ? `${t('demo.badge')} · ${t('app.title')}` : t('app.title');
  }, [demo, t]);
  return (
    <header className={demo ? 'app-header app-header-demo' : 'app-header'}>
      <span className="app-title">{t('app.title')}</span>
      {demo && (
        <p className="demo-badge" role="note">
          <strong>{t('demo.badge')}</strong> <span>{t('demo.description')}</span>
        </p>
      )}
    </header>
  );
}

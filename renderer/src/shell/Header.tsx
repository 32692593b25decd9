/** The title bar: product name, and a DEMO badge that cannot be missed while the demo runs; the window
 * title carries the number of poor rooms. */
import { useEffect } from 'react';
import { useT } from '../i18n';
import { useAppStore, useRoomsStore } from '../stores/provider';
import { poorRoomCount } from '../stores/rooms';

export function Header() {
  const t = useT();
  const demo = useAppStore((state) => state.info.status === 'ready' && state.info.value.demo);
  const poor = useRoomsStore(poorRoomCount);
  useEffect(() => {
    const title = demo ? `${t('demo.badge')} · ${t('app.title')}` : t('app.title');
    // The poor-room count first: it is what a window or tab title cut short must still show.
    document.title = poor > 0 ? `(${t('fleet.titlePoor', { count: String(poor) })}) ${title}` : title;
  }, [demo, poor, t]);
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

/** The main navigation. Buttons, not links: the route is app state (see stores/app.ts). */
import { useT, type MessageKey } from '../i18n';
import type { Route } from '../stores/app';
import { useAppStore, useRoomsStore, useStores } from '../stores/provider';
import { poorRoomCount } from '../stores/rooms';

const ITEMS: { view: 'rooms' | 'outbox' | 'callRecords' | 'settings'; key: MessageKey }[] = [
  { view: 'rooms', key: 'nav.rooms' },
  { view: 'outbox', key: 'nav.outbox' },
  { view: 'callRecords', key: 'nav.callRecords' },
  { view: 'settings', key: 'nav.settings' },
];

function section(route: Route): string {
  return route.view === 'room' ? 'rooms' : route.view;
}

export function Nav() {
  const t = useT();
  const { app } = useStores();
  const current = useAppStore((state) => section(state.route));
  const failed = useAppStore((state) => (state.sync.status === 'ready' ? state.sync.value.counts.failed : 0));
  const poor = useRoomsStore(poorRoomCount);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.view}>
            <button type="button" aria-current={current === item.view ? 'page' : undefined} onClick={() => app.getState().navigate({ view: item.view })}>
              {t(item.key)}
              {item.view === 'rooms' && poor > 0 && (
                <span className="nav-count" aria-label={t('fleet.navPoor', { count: String(poor) })}>
                  {poor}
                </span>
              )}
              {item.view === 'outbox' && failed > 0 && (
                <span className="nav-count" aria-label={t('nav.failedCount', { count: failed })}>
                  {failed}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

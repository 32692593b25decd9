/**
 * The shell: header (DEMO badge), navigation, the current view, alerts and the status bar. Focus moves to
 * the main region when the view changes, so keyboard and screen-reader users land on the new content.
 */
import { useEffect, useRef } from 'react';
import { useT } from './i18n';
import { AlertRegion } from './shell/AlertRegion';
import { Header } from './shell/Header';
import { Nav } from './shell/Nav';
import { StatusBar } from './shell/StatusBar';
import type { Route } from './stores/app';
import { useAppStore, useSettingsStore, useStartStores } from './stores/provider';
import { CallRecordsView } from './views/callRecords/CallRecordsView';
import { OutboxView } from './views/outbox/OutboxView';
import { RoomDetailView } from './views/rooms/RoomDetailView';
import { RoomsView } from './views/rooms/RoomsView';
import { SettingsView } from './views/settings/SettingsView';
import { SetupFlow } from './views/setup/SetupFlow';

function CurrentView({ route, showSetup }: { route: Route; showSetup: boolean }) {
  switch (route.view) {
    case 'rooms':
      return showSetup ? <SetupFlow /> : <RoomsView />;
    case 'room':
      return <RoomDetailView roomId={route.roomId} />;
    case 'outbox':
      return <OutboxView reportId={route.reportId} />;
    case 'callRecords':
      return <CallRecordsView recordId={route.recordId} />;
    case 'settings':
      return <SettingsView />;
  }
}

export function App() {
  useStartStores();
  const t = useT();
  const route = useAppStore((state) => state.route);
  const setupDismissed = useAppStore((state) => state.setupDismissed);
  const nothingConfigured = useSettingsStore(
    (state) => state.settings.status === 'ready' && state.settings.value.tenantId === undefined && state.settings.value.rooms.length === 0,
  );
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    document.scrollingElement?.scrollTo?.({ top: 0 });
  }, [route]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <Nav />
      <main id="main" ref={main} tabIndex={-1}>
        <AlertRegion />
        <CurrentView route={route} showSetup={nothingConfigured && !setupDismissed} />
      </main>
      <StatusBar />
    </div>
  );
}

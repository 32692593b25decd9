/**
 * How the API client reaches the stores: `ApiProvider` takes any AppApiClient (window.api, the WebSocket
 * client, or a test's in-memory fake) and creates one store per concern for it (../shared/design/examples-to-follow.md #11).
 * The stores are vanilla zustand stores (`createStore<T>()(…)`) held in context rather than module
 * singletons, so two clients (or two tests) never share state; components read them through the selector
 * hooks below, with `useShallow` so a selector returning a fresh object or array does not re-render.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppApiClient } from '../../../shared/api/contract';
import { createAppStore, type AppState } from './app';
import { createCallRecordsStore, type CallRecordsState } from './callRecords';
import { createOutboxStore, type OutboxStoreState } from './outbox';
import { createRoomsStore, type RoomsState } from './rooms';
import { createSettingsStore, type SettingsState } from './settings';

export interface AppStores {
  api: AppApiClient;
  app: ReturnType<typeof createAppStore>;
  rooms: ReturnType<typeof createRoomsStore>;
  outbox: ReturnType<typeof createOutboxStore>;
  callRecords: ReturnType<typeof createCallRecordsStore>;
  settings: ReturnType<typeof createSettingsStore>;
}

export function createAppStores(api: AppApiClient): AppStores {
  return {
    api,
    app: createAppStore(api),
    rooms: createRoomsStore(api),
    outbox: createOutboxStore(api),
    callRecords: createCallRecordsStore(api),
    settings: createSettingsStore(api),
  };
}

const StoresContext = createContext<AppStores | null>(null);

export function ApiProvider({ client, children }: { client: AppApiClient; children: ReactNode }) {
  const [stores, setStores] = useState(() => createAppStores(client));
  if (stores.api !== client) setStores(createAppStores(client));
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (stores === null) throw new Error('useStores must be used inside <ApiProvider>');
  return stores;
}

/**
 * Starts the always-on stores (app, settings, rooms) while the shell is mounted. The outbox and call-records
 * stores are started by their views: their lists cost a database query or a Graph call, and nobody looks.
 */
export function useStartStores(): void {
  const stores = useStores();
  // A new generation means a new core behind the API (the demo started): reload what the stores hold.
  const generation = useStore(stores.app, (state) => state.generation);
  useEffect(() => {
    const stops = [stores.settings, stores.rooms].map((store) => store.getState().start());
    return () => stops.forEach((stop) => stop());
  }, [stores, generation]);
  useEffect(() => stores.app.getState().start(), [stores]);
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStores().app, useShallow(selector));
}
export function useRoomsStore<T>(selector: (state: RoomsState) => T): T {
  return useStore(useStores().rooms, useShallow(selector));
}
export function useOutboxStore<T>(selector: (state: OutboxStoreState) => T): T {
  return useStore(useStores().outbox, useShallow(selector));
}
export function useCallRecordsStore<T>(selector: (state: CallRecordsState) => T): T {
  return useStore(useStores().callRecords, useShallow(selector));
}
export function useSettingsStore<T>(selector: (state: SettingsState) => T): T {
  return useStore(useStores().settings, useShallow(selector));
}

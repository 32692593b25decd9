/**
 * The app store: who we are (version, transport, demo), the sync worker's status (drives the status bar and
 * the outbox counts) and which view is shown. The route is state, not a URL: the Electron shell's
 * `navigate` event (a clicked notification) and the nav both go through `navigate`.
 */
import { createStore } from 'zustand/vanilla';
import type { AppApiClient, AppEventSpec } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/result';
import type { AppInfoView, SyncStatusView } from '../../../shared/api/views';
import type { AlertEvent } from '../../../shared/domain/legs';
import { IDLE, LOADING, fromResult, settle, type LoadState } from './load-state';

export type Route =
  | { view: 'rooms' }
  | { view: 'room'; roomId: string }
  | { view: 'outbox'; reportId?: string }
  | { view: 'callRecords'; recordId?: string }
  | { view: 'settings' };

export type PauseChange = { status: 'idle' } | { status: 'saving' } | { status: 'error'; error: AppError };
export type DemoStart = { status: 'idle' } | { status: 'starting' } | { status: 'error'; error: AppError };

export interface AppState {
  info: LoadState<AppInfoView>;
  sync: LoadState<SyncStatusView>;
  route: Route;
  pauseChange: PauseChange;
  /** The first-run setup flow was set aside by the operator for this session. */
  setupDismissed: boolean;
  demoStart: DemoStart;
  /** Bumped when the core behind the API changed (the demo started): every store reloads. */
  generation: number;
  /** The latest alerts (newest first, a few only): the shell notifies, the window shows them too. */
  alerts: AlertEvent[];
  /** Loads info and sync status and follows `syncStatus` and `navigate`; returns the unsubscribe. */
  start(): () => void;
  navigate(route: Route): void;
  setSyncPaused(paused: boolean): Promise<void>;
  dismissSetup(): void;
  /** "Try the demo": the core switches to simulated rooms and the built-in emulator. */
  startDemo(): Promise<void>;
  dismissAlert(alert: AlertEvent): void;
}

const MAX_ALERTS = 3;

export type AppStore = ReturnType<typeof createAppStore>;

/** The core's `navigate` event (a clicked notification) mapped to a route. */
export function routeFromEvent(event: AppEventSpec['navigate']): Route {
  switch (event.view) {
    case 'rooms':
      return event.id !== undefined ? { view: 'room', roomId: event.id } : { view: 'rooms' };
    case 'outbox':
      return event.id !== undefined ? { view: 'outbox', reportId: event.id } : { view: 'outbox' };
    case 'callRecords':
      return event.id !== undefined ? { view: 'callRecords', recordId: event.id } : { view: 'callRecords' };
    case 'settings':
      return { view: 'settings' };
  }
}

export function createAppStore(api: AppApiClient) {
  return createStore<AppState>()((set) => ({
    info: IDLE,
    sync: IDLE,
    route: { view: 'rooms' },
    pauseChange: { status: 'idle' },
    setupDismissed: false,
    demoStart: { status: 'idle' },
    generation: 0,
    alerts: [],

    start() {
      set({ info: LOADING, sync: LOADING });
      void settle(() => api.getAppInfo()).then((result) => set({ info: fromResult(result) }));
      void settle(() => api.getSyncStatus()).then((result) => set({ sync: fromResult(result) }));
      const offSync = api.on('syncStatus', (status) => set({ sync: { status: 'ready', value: status } }));
      const offNavigate = api.on('navigate', (event) => set({ route: routeFromEvent(event) }));
      const offAlert = api.on('alert', (alert) => {
        if (alert.kind !== 'leg_summary') set((state) => ({ alerts: [alert, ...state.alerts].slice(0, MAX_ALERTS) }));
      });
      return () => {
        offSync();
        offNavigate();
        offAlert();
      };
    },

    navigate(route) {
      set({ route });
    },

    async setSyncPaused(paused) {
      set({ pauseChange: { status: 'saving' } });
      const result = await settle(() => api.setSyncPaused({ paused }));
      if (result.ok) set({ sync: { status: 'ready', value: result.value }, pauseChange: { status: 'idle' } });
      else set({ pauseChange: { status: 'error', error: result.error } });
    },

    dismissSetup() {
      set({ setupDismissed: true });
    },

    async startDemo() {
      set({ demoStart: { status: 'starting' } });
      const result = await settle(() => api.startDemo());
      if (!result.ok) {
        set({ demoStart: { status: 'error', error: result.error } });
        return;
      }
      set((state) => ({ info: { status: 'ready', value: result.value }, demoStart: { status: 'idle' }, route: { view: 'rooms' }, generation: state.generation + 1 }));
    },

    dismissAlert(alert) {
      set((state) => ({ alerts: state.alerts.filter((item) => item !== alert) }));
    },
  }));
}

/**
 * The Electron main process: a thin shell (design rule 1). It builds the core with the userData directory
 * and the fleet configuration, adapts it to IPC, and owns only what needs Electron: the window, the tray,
 * notifications, launch at login and safeStorage. Hardening is imported first, before any web contents exists.
 */
import './security';
import { app, BrowserWindow, dialog, Notification, shell } from 'electron';
import { join } from 'node:path';
import { mainWindowOptions } from './window-options';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { registerAppApiIpc, sendAppEvent } from './ipc';
import { APP_ORIGIN, isTrustedSenderUrl } from './trusted-url';
import { DEV_SERVER_URL } from './security';
import { createAppTray } from './tray';
import { mergeTrayRooms, trayRoomOf, type TrayRoom } from './tray-state';
import { createSafeStorageCipher } from './secret-cipher';
import { notificationForAlert, notificationsForSyncChange, roomsWithoutAlert, type NotificationSpec } from './notification-policy';
import { startCore } from '../core/app/core';
import { startCoreHost, type CoreHost } from '../core/app/host';
import { loadFleetConfig } from '../core/config/fleet';
import { createFileLogSink } from '../core/log/file-sink';
import { createLogger } from '../core/log/logger';
import { errorMessage } from '../../shared/error-message';
import type { SyncStatusView } from '../../shared/api/views';
import { DEMO_DEFAULTS } from '../sim/demo/defaults';

registerAppSchemePrivileges();

/** Bound on how long Quit waits for in-flight sends before leaving them `pending` for the next start. */
const QUIT_DRAIN_TIMEOUT_MS = 5_000;
const resourcesDir = app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../resources');

let core: CoreHost | undefined;
let mainWindow: BrowserWindow | undefined;
let quitting = false;
let closeHintShown = false;
/** What the tray shows of each room (its summary and alert); pushes carry every changed room in full. */
let rooms: TrayRoom[] = [];
let sync: SyncStatusView | undefined;
let doNotDisturb = false;
/** The notification about each room still up (NotificationSpec.room): one per room. */
const roomNotifications = new Map<string, { notification: Notification; poor: boolean }>();

if (!app.requestSingleInstanceLock()) {
  // A second launch only focuses the first instance: one outbox writer per installation.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  void app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('VTC Quality Monitor could not start', errorMessage(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = createLogger({ sink: createFileLogSink({ dir: join(dataDir, 'logs') }) });
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const fleet = loadFleetConfig();
  const cipher = createSafeStorageCipher({ acceptWeakProtection: () => process.env['VTC_ACCEPT_WEAK_SECRET_STORAGE'] === '1' });
  const coreOptions = { log, transport: 'electron' as const, version: app.getVersion(), cipher };
  core = await startCoreHost({
    log,
    start: async () => {
      const started = await startCore({ ...coreOptions, dataDir, managed: fleet });
      return { core: started, close: (options) => started.stop(options) };
    },
    // "Try the demo" runs on its own data directory; a fleet-managed installation does not offer it.
    startDemo: fleet
      ? undefined
      : async () => {
          const { startDemoCore } = await import('../sim/demo');
          const demo = await startDemoCore({ ...DEMO_DEFAULTS, core: { ...coreOptions, dataDir: join(dataDir, 'demo') } });
          return { core: demo.core, close: (options) => demo.close(options) };
        },
    demoRefusal: fleet ? 'An IT configuration file manages this installation: "Try the demo" would stop the monitor.' : undefined,
  });
  // The exact app:// origin; the dev server only in an unpackaged build (security.ts DEV_SERVER_URL).
  const trusted = (url: string): boolean => isTrustedSenderUrl(url, DEV_SERVER_URL);
  const call = core.call;

  const tray = createAppTray(resourcesDir, {
    open: (roomId) => showWindow(roomId ? { view: 'rooms', id: roomId } : undefined),
    setSyncPaused: (paused) => void core?.call('setSyncPaused', { paused }),
    resubmitAllFailed: () => void core?.call('resubmitReports', { allFailed: true }),
    quit: () => app.quit(),
  });
  // The tray lists rooms from pushes, which carry only rooms that changed (never one that was removed):
  // after the room list itself may have changed (settings saved, demo started), read it whole.
  const refreshTrayRooms = async (): Promise<void> => {
    const all = await call('getRooms', undefined);
    if (all.ok) rooms = all.value.map(trayRoomOf);
    tray.update(rooms, sync);
  };
  registerAppApiIpc(core, trusted);

  core.subscribe((...pushed) => {
    if (mainWindow) sendAppEvent(mainWindow.webContents, ...pushed);
    const [event, payload] = pushed;
    switch (event) {
      case 'roomsChanged':
        rooms = mergeTrayRooms(rooms, payload);
        for (const roomId of roomsWithoutAlert(rooms)) closePoorNotification(roomId);
        tray.update(rooms, sync);
        break;
      case 'alert':
        notify(notificationForAlert(payload, doNotDisturb));
        break;
      case 'syncStatus':
        notificationsForSyncChange(sync, payload, doNotDisturb).forEach(notify);
        sync = payload;
        tray.update(rooms, sync);
        break;
      case 'settingsChanged':
        // Settings that only the shell can apply (launch at login, do not disturb), and maybe other rooms.
        applyShellSettings(payload);
        void refreshTrayRooms();
        break;
      case 'diagnosticsExported':
        // The operator attaches the zip to a support ticket: show it in the file manager.
        shell.showItemInFolder(payload.path);
        break;
    }
  });
  const settings = await call('getSettings', undefined);
  if (settings.ok) applyShellSettings(settings.value);
  const initialRooms = await call('getRooms', undefined);
  if (initialRooms.ok) rooms = initialRooms.value.map(trayRoomOf);
  const initialSync = await call('getSyncStatus', undefined);
  if (initialSync.ok) sync = initialSync.value;
  tray.update(rooms, sync);

  // Launched at login: start hidden in the tray; launched by a person: show the window.
  const startedAtLogin = app.getLoginItemSettings().wasOpenedAtLogin || process.argv.includes('--hidden');
  if (!startedAtLogin) showWindow();
}

function applyShellSettings(settings: { launchAtLogin: boolean; doNotDisturb: boolean }): void {
  doNotDisturb = settings.doNotDisturb;
  if (!app.isPackaged) return; // a development build must not register itself to start at login
  // Windows: enabled for every user of the PC (per-machine install); --hidden starts in the tray.
  app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin, args: ['--hidden'], enabled: settings.launchAtLogin });
}

function notify(spec: NotificationSpec | undefined): void {
  if (!spec || !Notification.isSupported()) return;
  const notification = new Notification({ title: spec.title, body: spec.body, urgency: spec.urgent ? 'critical' : 'normal', icon: join(resourcesDir, 'icon.png') });
  notification.on('click', () => showWindow(spec.target));
  if (spec.room !== undefined) {
    roomNotifications.get(spec.room.roomId)?.notification.close();
    roomNotifications.set(spec.room.roomId, { notification, poor: spec.room.poor });
  }
  notification.show();
}

/** The room's alert ended: its "poor" notification goes (a "recovered" one stays until it fades). */
function closePoorNotification(roomId: string): void {
  const shown = roomNotifications.get(roomId);
  if (shown === undefined || !shown.poor) return;
  shown.notification.close();
  roomNotifications.delete(roomId);
}

function showWindow(target?: { view: 'rooms' | 'outbox' | 'settings' | 'callRecords'; id?: string }): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('close', (event) => {
      if (quitting) return;
      // Closing the window keeps monitoring in the tray; the first time, say so.
      event.preventDefault();
      mainWindow?.hide();
      if (!closeHintShown) {
        closeHintShown = true;
        notify({ title: 'Still monitoring', body: 'VTC Quality Monitor keeps running in the tray. Use Quit in the tray menu to stop it.', target: { view: 'rooms' }, urgent: false });
      }
    });
    void mainWindow.loadURL(DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`);
  } else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }
  if (target) {
    const window = mainWindow;
    const send = () => sendAppEvent(window.webContents, 'navigate', target);
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
    else send();
  }
}

app.on('window-all-closed', () => {
  // The tray keeps the app alive; Quit is explicit.
});

app.on('before-quit', (event) => {
  quitting = true;
  if (!core) return;
  event.preventDefault();
  const stopping = core;
  core = undefined;
  void stopping.stop({ timeoutMs: QUIT_DRAIN_TIMEOUT_MS }).finally(() => app.exit(0));
});

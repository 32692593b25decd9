/**
 * The Electron main process: a thin shell (design rule 1). It builds the core with the userData directory,
 * adapts it to IPC, and owns only what needs Electron: the window, (later) tray, notifications and
 * safeStorage. Hardening is imported first so no web contents exists before its handlers.
 */
import './security';
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { mainWindowOptions } from './window-options';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { registerAppApiIpc, sendAppEvent } from './ipc';
import { APP_ORIGIN, isAppUrl, isDevServerUrl } from './trusted-url';
import { DEV_SERVER_URL } from './security';
import { startCore, type Core } from '../core/app/core';
import { createFileLogSink } from '../core/log/file-sink';
import { createLogger } from '../core/log/logger';

registerAppSchemePrivileges();

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // A second launch only focuses the first instance (issue 7): one outbox writer per installation.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = createLogger({ sink: createFileLogSink({ dir: join(dataDir, 'logs') }) });
  serveRenderer(join(import.meta.dirname, '../renderer'));
  core = await startCore({ dataDir, log, transport: 'electron', version: app.getVersion() });
  const trusted = (url: string): boolean => isAppUrl(url) || isDevServerUrl(url, DEV_SERVER_URL);
  registerAppApiIpc(core.dispatch, trusted);
  core.subscribe((event, payload) => {
    if (mainWindow) sendAppEvent(mainWindow.webContents, event, payload);
  });
  showWindow();
}

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => {
  // Stays alive for the tray in a later step; until the tray exists, closing the window quits.
  app.quit();
});

app.on('before-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const stopping = core;
  core = undefined;
  void stopping.stop({ timeoutMs: 5_000 }).finally(() => app.exit(0));
});

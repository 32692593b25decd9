/**
 * Hardening, imported first by main/index.ts (../shared/design/examples-to-follow.md #7, Electron security checklist 13, 14, 17):
 * deny webviews, navigation, new windows and every permission request by default. External links open in
 * the OS browser only when trusted-url.ts allows them.
 */
import { app, session, shell, type WebContents } from 'electron';
import { devServerUrlFor, isAllowedExternalUrl, isTrustedSenderUrl } from './trusted-url';

/** `electron-vite dev` only; undefined in a packaged build whatever the environment says. */
export const DEV_SERVER_URL = devServerUrlFor({ isPackaged: app.isPackaged, rendererUrl: process.env['ELECTRON_RENDERER_URL'] });

function isOwnPage(url: string): boolean {
  return isTrustedSenderUrl(url, DEV_SERVER_URL);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installGlobalHardening(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

installGlobalHardening();

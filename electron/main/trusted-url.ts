/**
 * Pure URL checks (../shared/design/examples-to-follow.md #6): take `unknown`, parse with the URL parser (never string
 * contains), answer yes or no. Tested with a table of hostile inputs in test/unit/main/trusted-url.test.ts.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Hosts an operator may be sent to from the UI (documentation and the Entra/Azure portals). */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'learn.microsoft.com',
  'portal.azure.com',
  'entra.microsoft.com',
  'portal.azure.us',
  'github.com',
];

function parse(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** True only for our own packaged renderer origin (app://renderer/...): no port, no user info. */
export function isAppUrl(value: unknown): boolean {
  const url = parse(value);
  return url !== undefined && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/**
 * The renderer dev server to load and trust instead of app://, from ELECTRON_RENDERER_URL (set by
 * `electron-vite dev`). Never in a packaged build: there the variable is only an attacker's way to load
 * their own page with the whole AppApi. And only an http(s) URL on loopback.
 */
export function devServerUrlFor(options: { isPackaged: boolean; rendererUrl: unknown }): string | undefined {
  if (options.isPackaged) return undefined;
  const url = parse(options.rendererUrl);
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') return undefined;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') return undefined;
  return url.href;
}

/**
 * Whether a frame may call the AppApi over IPC: exactly our app:// origin, or the dev server that
 * devServerUrlFor allowed (undefined in production, so nothing else ever passes).
 */
export function isTrustedSenderUrl(value: unknown, devServerUrl: string | undefined): boolean {
  return isAppUrl(value) || (devServerUrl !== undefined && isDevServerUrl(value, devServerUrl));
}

/** During `electron-vite dev` only: the dev server on loopback. */
export function isDevServerUrl(value: unknown, devServerUrl: string | undefined): boolean {
  const url = parse(value);
  const dev = parse(devServerUrl);
  return url !== undefined && dev !== undefined && url.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1' || dev.hostname === '[::1]');
}

/** shell.openExternal only for https links to allowlisted hosts, without credentials or odd ports. */
export function isAllowedExternalUrl(value: unknown): boolean {
  const url = parse(value);
  return (
    url !== undefined &&
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_HOST_ALLOWLIST.includes(url.hostname)
  );
}

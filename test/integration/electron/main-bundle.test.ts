/**
 * Asserts the hardening on the BUILT main bundle (out/main/index.js), not on the sources: the
 * Electron binary cannot run here, so `electron` is replaced by a recording stand-in and the real bundle
 * is imported. What it records is what Electron would have been told.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_API_METHODS } from '../../../shared/api/contract';
import { makeTempDir } from '../../support/temp-dir';

const recorder = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    userData: '',
    appListeners: new Map<string, Listener[]>(),
    windows: [] as Array<{ options: Record<string, unknown>; loadedUrl?: string }>,
    ipcHandlers: new Map<string, Listener>(),
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    protocolHandlers: new Map<string, Listener>(),
    privileged: [] as unknown[],
    opened: [] as string[],
    /** The tray's context menus as set, newest last (Menu.buildFromTemplate returns the template here). */
    trayMenus: [] as unknown[],
    trayMenuWaiters: [] as Array<() => void>,
    windowReady: undefined as unknown as Promise<void>,
    resolveWindow: () => {},
  };
  state.windowReady = new Promise<void>((resolve) => {
    state.resolveWindow = resolve;
  });
  return state;
});

vi.mock('electron', () => {
  const on = (name: string, listener: (...args: unknown[]) => unknown) => {
    const list = recorder.appListeners.get(name) ?? [];
    list.push(listener);
    recorder.appListeners.set(name, list);
  };
  class FakeWebContents {
    listeners = new Map<string, (...args: unknown[]) => unknown>();
    on(name: string, listener: (...args: unknown[]) => unknown) {
      this.listeners.set(name, listener);
    }
    once(name: string, listener: (...args: unknown[]) => unknown) {
      this.listeners.set(name, listener);
    }
    setWindowOpenHandler() {}
    isDestroyed() {
      return false;
    }
    isLoading() {
      return false;
    }
    send() {}
  }
  class BrowserWindow {
    webContents = new FakeWebContents();
    constructor(options: Record<string, unknown>) {
      recorder.windows.push({ options });
    }
    once() {}
    on() {}
    show() {}
    hide() {}
    focus() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      recorder.windows.at(-1)!.loadedUrl = url;
      recorder.resolveWindow();
      return Promise.resolve();
    }
  }
  class Tray {
    on() {}
    setImage() {}
    setToolTip() {}
    setContextMenu(menu: unknown) {
      recorder.trayMenus.push(menu);
      recorder.trayMenuWaiters.splice(0).forEach((wake) => wake());
    }
    destroy() {}
  }
  class Notification {
    static isSupported() {
      return false;
    }
  }
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on,
    whenReady: () => Promise.resolve(),
    getPath: () => recorder.userData,
    getVersion: () => '0.0.0-test',
    getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
    setLoginItemSettings: () => {},
    quit: () => {},
    exit: () => {},
  };
  return {
    default: {},
    app,
    BrowserWindow,
    Tray,
    Notification,
    dialog: { showErrorBox: () => {} },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => recorder.ipcHandlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorder.privileged.push(...schemes),
      handle: (scheme: string, handler: (...args: unknown[]) => unknown) => recorder.protocolHandlers.set(scheme, handler),
    },
    net: { fetch: (url: string) => Promise.resolve(new Response(`fetched ${url}`)) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) => (recorder.permissionRequest = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) => (recorder.permissionCheck = handler),
      },
    },
    shell: { openExternal: (url: string) => recorder.opened.push(url) },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text).reverse()),
      decryptStringAsync: (buffer: Buffer) => Promise.resolve({ result: Buffer.from(buffer).reverse().toString(), shouldReEncrypt: false }),
    },
  };
});

const bundle = join(process.cwd(), 'out/main/index.js');
const temp = makeTempDir('vtc-electron-');

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npm run build` (npm test does) before this test');
  recorder.userData = temp.dir;
  process.env['VTC_FLEET_CONFIG'] = join(temp.dir, 'no-fleet.json');
  await import(/* @vite-ignore */ bundle);
  await recorder.windowReady;
});

afterAll(async () => {
  for (const listener of recorder.appListeners.get('before-quit') ?? []) listener({ preventDefault: () => {} });
  temp.cleanup();
});

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    emit(name: string, url: string) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('built main bundle (out/main/index.js)', () => {
  it('creates the window sandboxed, isolated, without Node, loading the app:// origin', () => {
    const window = recorder.windows[0]!;
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(String(prefs['preload'])).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(window.loadedUrl).toBe('app://renderer/index.html');
    expect(recorder.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) })]);
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    recorder.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorder.permissionCheck!({}, 'geolocation')).toBe(false);
  });

  it('blocks navigation, redirects, webviews and new windows; opens only allowlisted https links outside', () => {
    const contents = fakeContents();
    for (const listener of recorder.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(contents.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-attach-webview', 'app://renderer/')).toBe(true);
    expect(contents.open('https://learn.microsoft.com/graph')).toEqual({ action: 'deny' });
    expect(contents.open('http://learn.microsoft.com/graph')).toEqual({ action: 'deny' });
    expect(recorder.opened).toEqual(['https://learn.microsoft.com/graph']);
  });

  it('registers one IPC handler per AppApi method and refuses calls from any other frame', async () => {
    expect([...recorder.ipcHandlers.keys()].sort()).toEqual([...APP_API_METHODS].sort());
    const handler = recorder.ipcHandlers.get('getAppInfo')!;
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: null }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: { url: 'app://renderer/index.html' } }, undefined)).toMatchObject({ ok: true, value: { transport: 'electron', version: '0.0.0-test' } });
  });

  it('keeps the tray menu in step with the rooms saved in Settings, removals included', async () => {
    const trayShows = (name: string): boolean => JSON.stringify(recorder.trayMenus.at(-1) ?? null).includes(name);
    const waitForTray = async (test: () => boolean): Promise<void> => {
      while (!test()) await new Promise<void>((resolve) => recorder.trayMenuWaiters.push(resolve));
    };
    const save = (rooms: unknown) => recorder.ipcHandlers.get('updateSettings')!({ senderFrame: { url: 'app://renderer/index.html' } }, { rooms });
    expect(await save([{ id: 'lab-7', name: 'Lab 7', devices: [] }])).toMatchObject({ ok: true });
    await waitForTray(() => trayShows('Lab 7'));
    // A removed room is in no push (pushes carry rooms that changed): the shell must re-read the list.
    expect(await save([])).toMatchObject({ ok: true });
    await waitForTray(() => !trayShows('Lab 7'));
    expect(trayShows('Lab 7')).toBe(false);
  });

  it('validates IPC requests with the shared schemas', async () => {
    const handler = recorder.ipcHandlers.get('discardReports')!;
    const result = await handler({ senderFrame: { url: 'app://renderer/index.html' } }, { ids: [], reason: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(result)).toMatch(/ids/);
  });

  it('serves only files inside out/renderer on app://', async () => {
    const handle = recorder.protocolHandlers.get('app')!;
    const outside = (await handle({ url: 'app://renderer/..%2F..%2Fpackage.json' })) as Response;
    expect(outside.status).toBe(403);
    const otherHost = (await handle({ url: 'app://evil/index.html' })) as Response;
    expect(otherHost.status).toBe(404);
    const inside = (await handle({ url: 'app://renderer/index.html' })) as Response;
    expect(await inside.text()).toMatch(/^fetched file:.*out\/renderer\/index\.html$/);
  });
});

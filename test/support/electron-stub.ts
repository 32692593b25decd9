/**
 * A recording stand-in for the `electron` module, for tests that import the BUILT main bundle (the Electron
 * binary cannot run here). Pass it to vi.mock('electron', …) from a factory; what it records is what
 * Electron would have been told.
 */
type Listener = (...args: unknown[]) => unknown;

export interface ElectronRecorder {
  userData: string;
  isPackaged: boolean;
  appListeners: Map<string, Listener[]>;
  windows: Array<{ options: Record<string, unknown>; loadedUrl?: string }>;
  ipcHandlers: Map<string, Listener>;
  protocolHandlers: Map<string, Listener>;
  windowReady: Promise<void>;
  resolveWindow: () => void;
  /** What the tray was told, oldest first: icon paths, tooltips, context menus (the templates). */
  tray: { images: string[]; tooltips: string[]; menus: unknown[] };
  /** Whether Notification.isSupported() says yes; every notification made, as it stands now. */
  notificationsSupported: boolean;
  notifications: RecordedNotification[];
  /** Called (and dropped) whenever the tray or a notification changes: see `recorded`. */
  changeWaiters: Array<() => void>;
}

export interface RecordedNotification {
  title: string;
  body: string;
  shown: boolean;
  closed: boolean;
}

export function newElectronRecorder(isPackaged: boolean): ElectronRecorder {
  let resolveWindow = (): void => undefined;
  const windowReady = new Promise<void>((resolve) => {
    resolveWindow = resolve;
  });
  return {
    userData: '',
    isPackaged,
    appListeners: new Map(),
    windows: [],
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    windowReady,
    resolveWindow,
    tray: { images: [], tooltips: [], menus: [] },
    notificationsSupported: false,
    notifications: [],
    changeWaiters: [],
  };
}

/** Resolves once `test` passes, checked now and after every change of the tray or the notifications. */
export async function recorded(recorder: ElectronRecorder, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`not recorded within ${timeoutMs} ms; last tooltip: ${recorder.tray.tooltips.at(-1) ?? '(none)'}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      recorder.changeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export function electronStub(recorder: ElectronRecorder): Record<string, unknown> {
  const on = (name: string, listener: Listener): void => {
    recorder.appListeners.set(name, [...(recorder.appListeners.get(name) ?? []), listener]);
  };
  const noop = (): void => undefined;
  const changed = (): void => recorder.changeWaiters.splice(0).forEach((wake) => wake());
  class FakeWebContents {
    on = noop;
    once = noop;
    setWindowOpenHandler = noop;
    isDestroyed = (): boolean => false;
    isLoading = (): boolean => false;
    send = noop;
  }
  class BrowserWindow {
    webContents = new FakeWebContents();
    constructor(options: Record<string, unknown>) {
      recorder.windows.push({ options });
    }
    once = noop;
    on = noop;
    show = noop;
    hide = noop;
    focus = noop;
    isMinimized = (): boolean => false;
    isDestroyed = (): boolean => false;
    loadURL(url: string): Promise<void> {
      recorder.windows.at(-1)!.loadedUrl = url;
      recorder.resolveWindow();
      return Promise.resolve();
    }
  }
  class Tray {
    on = noop;
    setImage(image: { path: string }): void {
      recorder.tray.images.push(image.path);
      changed();
    }
    setToolTip(tooltip: string): void {
      recorder.tray.tooltips.push(tooltip);
      changed();
    }
    setContextMenu(menu: unknown): void {
      recorder.tray.menus.push(menu);
      changed();
    }
    destroy = noop;
  }
  class Notification {
    static isSupported(): boolean {
      return recorder.notificationsSupported;
    }
    private readonly record: RecordedNotification;
    constructor(options: { title: string; body: string }) {
      this.record = { title: options.title, body: options.body, shown: false, closed: false };
      recorder.notifications.push(this.record);
    }
    on = noop;
    show(): void {
      this.record.shown = true;
      changed();
    }
    close(): void {
      this.record.closed = true;
      changed();
    }
  }
  return {
    default: {},
    app: {
      isPackaged: recorder.isPackaged,
      requestSingleInstanceLock: () => true,
      on,
      whenReady: () => Promise.resolve(),
      getPath: () => recorder.userData,
      getVersion: () => '0.0.0-test',
      getLoginItemSettings: () => ({ wasOpenedAtLogin: false, openAtLogin: false }),
      setLoginItemSettings: noop,
      quit: noop,
      exit: noop,
    },
    BrowserWindow,
    Tray,
    Notification,
    dialog: { showErrorBox: noop },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    ipcMain: { handle: (channel: string, handler: Listener) => recorder.ipcHandlers.set(channel, handler) },
    protocol: { registerSchemesAsPrivileged: noop, handle: (scheme: string, handler: Listener) => recorder.protocolHandlers.set(scheme, handler) },
    net: { fetch: (url: string) => Promise.resolve(new Response(`fetched ${url}`, { headers: { 'content-type': 'text/html' } })) },
    session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop } },
    shell: { openExternal: noop },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text).reverse()),
      decryptStringAsync: (buffer: Buffer) => Promise.resolve({ result: Buffer.from(buffer).reverse().toString(), shouldReEncrypt: false }),
    },
  };
}

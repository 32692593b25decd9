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
}

export function newElectronRecorder(isPackaged: boolean): ElectronRecorder {
  let resolveWindow = (): void => undefined;
  const windowReady = new Promise<void>((resolve) => {
    resolveWindow = resolve;
  });
  return { userData: '', isPackaged, appListeners: new Map(), windows: [], ipcHandlers: new Map(), protocolHandlers: new Map(), windowReady, resolveWindow };
}

export function electronStub(recorder: ElectronRecorder): Record<string, unknown> {
  const on = (name: string, listener: Listener): void => {
    recorder.appListeners.set(name, [...(recorder.appListeners.get(name) ?? []), listener]);
  };
  const noop = (): void => undefined;
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
    setImage = noop;
    setToolTip = noop;
    setContextMenu = noop;
    destroy = noop;
  }
  class Notification {
    static isSupported(): boolean {
      return false;
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

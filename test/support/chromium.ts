/**
 * The browser harness (../shared/reference/toolchain.md §5): Debian's Chromium driven by playwright-core, headless, in a fresh
 * profile directory per launch (../shared/design/examples-to-follow.md #10), removed on close. The flags keep Chromium from
 * reaching the network on its own (component updates, sync, QUIC probes) and let it run as root in a container.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTempDir } from './temp-dir';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Playwright passes its own --disable-features list and Chromium keeps only the last one given, so this list
 * repeats Playwright's (playwright-core 1.65, server/chromium/chromiumSwitches.ts) before adding ours.
 * `chromium.test.ts` checks that the running browser has both.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 draws its omnibox's suggestion popup as a WebUI page in a renderer of its own, preloaded at
 * launch: about 1.5 s of CPU in the 2–3 s after a start, both cores of a 2-core machine while the page under
 * test loads (measured: /proc CPU time by process). The app's Electron window has no omnibox, so that cost is
 * the test browser's own; with it, the UI bench's first-start figures measured Chromium's start, not the app's.
 */
export const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(',')}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumSession {
  context: BrowserContext;
  /** Closes the browser and deletes its profile directory. */
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * `profileDir`: launch over this profile and keep it on close (a benchmark restarting the browser over the
 * same profile, as an app restarts over its user data); by default a fresh profile, removed on close.
 */
export async function launchChromium(options: { viewport?: { width: number; height: number }; profileDir?: string } = {}): Promise<ChromiumSession> {
  const profile = options.profileDir === undefined ? makeTempDir('vtc-chromium-') : { dir: options.profileDir, cleanup: () => undefined };
  try {
    const context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        profile.cleanup();
      },
    };
  } catch (error) {
    profile.cleanup();
    throw error;
  }
}

/**
 * Every console error and warning and every uncaught error of `page` from now on, as `type: text (url)`:
 * a page load must leave none (a CSP directive Chromium ignores, a 404 favicon, a refused script all show here).
 */
export function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const { url } = message.location();
    problems.push(`${message.type()}: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

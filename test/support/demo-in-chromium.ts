/**
 * The setup every browser end-to-end test shares: the real `demo` as a child process and Debian Chromium,
 * started side by side, with one page opened at the URL the demo printed, as an operator opens it.
 */
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, type ChromiumSession } from './chromium';
import { startDemo, type DemoOptions, type DemoProcess } from './demo-process';
import { ensureRendererBuilt } from './renderer-build';

/** Why the browser tests cannot run here, or undefined when they can. */
export const CHROMIUM_MISSING = !chromiumAvailable() ? 'Chromium is not installed (apt-get install chromium)' : undefined;

export interface DemoInChromium {
  demo: DemoProcess;
  browser: ChromiumSession;
  page: Page;
}

/**
 * Builds the renderer if it is missing, starts the demo and Chromium (at `viewport`), opens a page and loads
 * the demo's UI. `beforeLoad` runs on the new page before it loads, to listen from the first event.
 */
export async function openDemoInChromium(
  demoOptions: DemoOptions,
  viewport: { width: number; height: number },
  beforeLoad?: (page: Page) => void,
): Promise<DemoInChromium> {
  await ensureRendererBuilt();
  const [demo, browser] = await Promise.all([startDemo(demoOptions), launchChromium({ viewport })]);
  const page = await browser.context.newPage();
  beforeLoad?.(page);
  await page.goto(demo.webUrl);
  return { demo, browser, page };
}

// Accessibility of every view with axe-core (the npm package, evaluated in the page over the DevTools
// protocol, so the app's CSP stays as shipped), against the real `demo` in Debian Chromium: the fleet
// overview, a room's detail, the Outbox with a report's drawer open, Call records, a call record, the alert
// log and Settings, in the light
// and the dark theme, at 1440×900 and 1024×700. No serious or critical violation may be found.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type AxeFinding } from '../support/axe';
import type { ChromiumSession } from '../support/chromium';
import { CHROMIUM_MISSING, openDemoInChromium } from '../support/demo-in-chromium';
import type { DemoProcess } from '../support/demo-process';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;
const UI_WITHIN_MS = 15_000;

const missing = CHROMIUM_MISSING;

describe.skipIf(missing !== undefined)('axe-core in every view (demo)', () => {
  let demo: DemoProcess;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    ({ demo, browser, page } = await openDemoInChromium({ rooms: 8, seed: 3, tickMs: 1_000 }, SIZES[0]));
    await page.getByRole('list', { name: 'Rooms, the ones in trouble first' }).waitFor({ timeout: UI_WITHIN_MS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (demo !== undefined) expect(await demo.stop()).toBe(0);
  }, 30_000);

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: false });

  /** Each view, reached through the UI as an operator would. */
  const VIEWS: { name: string; open(): Promise<void> }[] = [
    {
      name: 'rooms',
      open: async () => {
        await nav('Rooms').click();
        await page.getByRole('list', { name: 'Rooms, the ones in trouble first' }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
    {
      name: 'room detail',
      open: async () => {
        await nav('Rooms').click();
        await page.locator('ul.fleet .fleet-name').first().click();
        await page.getByRole('button', { name: /All rooms/ }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
    {
      name: 'outbox with a report open',
      open: async () => {
        await nav('Outbox').click();
        // The drawer of the previous round stays open (the selection is kept): close it to pick a row.
        if ((await page.getByRole('region', { name: 'Report' }).count()) > 0) await page.keyboard.press('Escape');
        const row = page.getByRole('grid', { name: 'Reports' }).getByRole('row').nth(1);
        await row.waitFor({ timeout: 60_000 });
        await row.click();
        await page.getByRole('region', { name: 'Report' }).getByRole('heading', { name: 'Attempts' }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
    {
      name: 'call records',
      open: async () => {
        await nav('Call records').click();
        await page.getByRole('table', { name: 'Recent call records' }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
    {
      name: 'call record detail',
      open: async () => {
        await nav('Call records').click();
        await page.getByRole('table', { name: 'Recent call records' }).getByRole('button', { name: /^Open the call of / }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Call record' }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
    {
      name: 'alert log',
      open: async () => {
        await page.getByRole('contentinfo').getByRole('button', { name: 'Alert log' }).click();
        await page.getByRole('dialog', { name: 'Alert log' }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
    {
      name: 'settings',
      open: async () => {
        if ((await page.getByRole('dialog').count()) > 0) await page.keyboard.press('Escape');
        await nav('Settings').click();
        await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor({ timeout: UI_WITHIN_MS });
      },
    },
  ];

  it('finds no serious or critical violation in any view, light and dark, at 1440×900 and 1024×700', async () => {
    const found: Record<string, AxeFinding[]> = {};
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        for (const view of VIEWS) {
          await view.open();
          const violations = await seriousViolations(page);
          if (violations.length > 0) found[`${view.name} ${theme} ${size.width}×${size.height}`] = violations;
        }
      }
    }
    expect(found).toEqual({});
  }, 240_000);
});

// No clipped table header in English, French or Finnish at 1024×700, against the real `demo` in Debian
// Chromium: in every table of the room detail, the Outbox, Call records and the alert log, each header's
// text fits its cell (scrollWidth ≤ clientWidth), the language being chosen in Settings as an operator does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumSession } from '../support/chromium';
import { CHROMIUM_MISSING, openDemoInChromium } from '../support/demo-in-chromium';
import type { DemoProcess } from '../support/demo-process';

const UI_WITHIN_MS = 15_000;
/** The language's value in Settings and its name for the Rooms view (proof the switch happened). */
const LANGUAGES = [
  { value: 'en', rooms: 'Rooms' },
  { value: 'fr', rooms: 'Salles' },
  { value: 'fi', rooms: 'Huoneet' },
] as const;

const missing = CHROMIUM_MISSING;

/** Headers whose text is wider than their box (cut or spilling into the next one). */
async function clippedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('thead th, [role="columnheader"]')]
      .filter((cell) => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => `${cell.textContent ?? ''} (${cell.scrollWidth} > ${cell.clientWidth})`),
  );
}

describe.skipIf(missing !== undefined)('table headers fit at 1024×700 in every language (demo)', () => {
  let demo: DemoProcess;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    ({ demo, browser, page } = await openDemoInChromium({ rooms: 4, seed: 4, tickMs: 1_000 }, { width: 1024, height: 700 }));
    await page.locator('ul.fleet > li').first().waitFor({ timeout: UI_WITHIN_MS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (demo !== undefined) expect(await demo.stop()).toBe(0);
  }, 30_000);

  it('finds no clipped header in the room detail, Outbox, Call records and alert log, in en, fr and fi', async () => {
    const found: Record<string, string[]> = {};
    const nav = page.getByRole('navigation').first();
    for (const language of LANGUAGES) {
      // Settings is the fourth navigation item in every language.
      await nav.getByRole('button').nth(3).click();
      await page.locator('#settings-language-select').selectOption(language.value);
      await nav.getByRole('button', { name: language.rooms, exact: false }).waitFor({ timeout: UI_WITHIN_MS });

      await nav.getByRole('button').nth(0).click();
      await page.locator('ul.fleet .fleet-name').first().click();
      await page.locator('table.legs').first().waitFor({ timeout: 60_000 });
      found[`${language.value} room detail`] = await clippedHeaders(page);

      await nav.getByRole('button').nth(1).click();
      await page.locator('[role="columnheader"]').first().waitFor({ timeout: 60_000 });
      found[`${language.value} outbox`] = await clippedHeaders(page);

      await nav.getByRole('button').nth(2).click();
      await page.locator('table.records').waitFor({ timeout: UI_WITHIN_MS });
      found[`${language.value} call records`] = await clippedHeaders(page);

      await page.locator('footer').getByRole('button').first().click(); // the alert log
      await page.locator('dialog').waitFor({ timeout: UI_WITHIN_MS });
      found[`${language.value} alert log`] = await clippedHeaders(page);
      await page.keyboard.press('Escape');
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, headers]) => headers.length > 0))).toEqual({});
  }, 240_000);
});

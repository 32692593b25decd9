// Browser end-to-end of the fleet overview against the real `demo --rooms 24` (the agent as a child
// process, the built-in emulator, 24 simulated Cisco rooms), opened in Debian Chromium through the printed
// URL. What an operator sees on the Rooms view's first screen: at 1440×900 every room's name without
// scrolling, the poor rooms above the others and named in the summary; at 1024×700 at least 12 rooms; the
// count of poor rooms in the navigation and the tab title; and, as a leg goes poor and back, the words of
// the classifier ("turning poor 2/3", "recovering") and the crossed value with its threshold.
//
// The demo's scripted loss burst (12–25 % audio loss for 3–5 ticks of each call) makes legs turn poor and
// recover on their own; --tick-ms 1000 because the collector polls a codec at most once a second.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumSession } from '../support/chromium';
import { CHROMIUM_MISSING, openDemoInChromium } from '../support/demo-in-chromium';
import type { DemoProcess } from '../support/demo-process';
import { updateDocsPicture } from '../support/docs-picture';

const ARTIFACTS_DIR = resolve('test/artifacts');
const LARGE = { width: 1440, height: 900 };
const SMALL = { width: 1024, height: 700 };
const UI_WITHIN_MS = 15_000;
/** A call starts after one idle tick; the burst starts 3–8 ticks in and needs 3 samples to confirm poor. */
const POOR_WITHIN_MS = 45_000;

const missing = CHROMIUM_MISSING;

/** Every room tile's name, in the order shown, with whether it lies wholly in the viewport above the status bar. */
async function tilesInView(page: Page): Promise<{ name: string; group: string; visible: boolean }[]> {
  return page.evaluate(() => {
    const statusTop = document.querySelector('.status-bar')?.getBoundingClientRect().top ?? window.innerHeight;
    const bottom = Math.min(window.innerHeight, statusTop);
    return [...document.querySelectorAll<HTMLElement>('ul.fleet > li')].map((tile) => {
      const box = tile.getBoundingClientRect();
      const name = tile.querySelector('.fleet-name')?.textContent ?? '';
      const group = [...tile.classList].find((name) => name.startsWith('fleet-') && name !== 'fleet-tile')?.slice('fleet-'.length) ?? '';
      return { name, group, visible: box.top >= 0 && box.bottom <= bottom && box.left >= 0 && box.right <= window.innerWidth };
    });
  });
}

describe.skipIf(missing !== undefined)('fleet overview in Chromium (demo --rooms 24)', () => {
  let demo: DemoProcess;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    ({ demo, browser, page } = await openDemoInChromium({ rooms: 24, seed: 2, tickMs: 1_000 }, LARGE, (opened) => opened.on('pageerror', (error) => pageErrors.push(error.message))));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (demo !== undefined) expect(await demo.stop()).toBe(0);
  }, 30_000);

  it('at 1440×900 shows all 24 rooms in the first viewport, the poor ones first and named in the summary', async () => {
    expect(demo.roomNames).toHaveLength(24);
    await page.getByRole('list', { name: 'Rooms, the ones in trouble first' }).waitFor({ timeout: UI_WITHIN_MS });
    await expect.poll(async () => (await tilesInView(page)).length, { timeout: UI_WITHIN_MS }).toBe(24);

    // Wait for a moment with at least one poor room (the loss bursts), then read the screen once.
    await expect.poll(async () => (await tilesInView(page)).filter((tile) => tile.group === 'poor').length, { timeout: POOR_WITHIN_MS, interval: 100 }).toBeGreaterThan(0);
    const tiles = await tilesInView(page);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'fleet-1440.png') });
    updateDocsPicture(join(ARTIFACTS_DIR, 'fleet-1440.png'), 'screenshot.png');
    expect(tiles.map((tile) => tile.name).sort()).toEqual([...demo.roomNames].sort());
    expect(tiles.filter((tile) => !tile.visible)).toEqual([]);
    const firstOther = tiles.findIndex((tile) => tile.group !== 'poor');
    const poorNames = tiles.filter((tile) => tile.group === 'poor').map((tile) => tile.name);
    expect(tiles.slice(0, poorNames.length).map((tile) => tile.name)).toEqual(poorNames);
    expect(firstOther).toBe(poorNames.length);
    // Every tile's numbers (value and threshold) and the classifier's word are whole: a narrow tile cuts the
    // leg's name at the end of the line, never them.
    const cut = await page.evaluate(() => {
      const clipped: string[] = [];
      for (const worst of document.querySelectorAll<HTMLElement>('ul.fleet > li .fleet-worst')) {
        const text = worst.firstChild;
        const end = (text?.textContent ?? '').indexOf(')') + 1;
        if (text === null || end <= 0) continue;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, end);
        if (range.getBoundingClientRect().right > worst.getBoundingClientRect().right + 0.5) clipped.push(worst.textContent ?? '');
      }
      // The text's own extent against the box's (tiles clip with overflow: clip, so scrollWidth cannot tell).
      for (const trend of document.querySelectorAll<HTMLElement>('ul.fleet > li .trend')) {
        const range = document.createRange();
        range.selectNodeContents(trend);
        if (range.getBoundingClientRect().right > trend.getBoundingClientRect().right + 0.5) clipped.push(trend.textContent ?? '');
      }
      return clipped;
    });
    expect(cut).toEqual([]);
    // A poor tile's badge carries its shape (drawn by CSS, silent to screen readers) beside the word.
    const badge = page.locator('ul.fleet > li.fleet-poor .badge').first();
    expect(await badge.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"■" / ""');

    // The summary names the poor rooms (read at once: it may change on the next sample).
    const summary = await page.locator('.fleet-summary').innerText();
    expect(summary).toMatch(/room(s)? poor:/);
    // The navigation and the tab title carry a count of poor rooms.
    await expect.poll(() => page.title(), { timeout: UI_WITHIN_MS }).toMatch(/^\(\d+ poor\) DEMO · VTC Quality Monitor$/);
    await page.getByRole('navigation', { name: 'Main' }).getByLabel(/^Rooms poor: \d+$/).waitFor({ timeout: UI_WITHIN_MS });
  }, POOR_WITHIN_MS + 3 * UI_WITHIN_MS);

  it('at 1024×700 shows at least 12 rooms in the first viewport', async () => {
    await page.setViewportSize(SMALL);
    try {
      const tiles = await tilesInView(page);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'fleet-1024.png') });
      expect(tiles.filter((tile) => tile.visible).length).toBeGreaterThanOrEqual(12);
      // The visible ones are the first ones (the trouble first): none hides above another.
      const firstHidden = tiles.findIndex((tile) => !tile.visible);
      expect(tiles.slice(firstHidden).every((tile) => !tile.visible)).toBe(true);
    } finally {
      await page.setViewportSize(LARGE);
    }
  });

  it('says "turning poor n/3" before a leg turns poor, marks the crossed value with its threshold, and "recovering" after', async () => {
    // Seen on the overview: a tile whose worst leg is on its way to poor.
    const turning = page.locator('ul.fleet .trend', { hasText: /turning poor [12]\/3/ }).first();
    await turning.waitFor({ timeout: POOR_WITHIN_MS });
    const turningTile = turning.locator('xpath=ancestor::li[1]');
    // The badge still says Good: the first line explains it ("turning poor n/3"), the second gives the numbers.
    expect(await turningTile.innerText()).toMatch(/^Good\n.+\nturning poor [12]\/3\n(Packet loss|Jitter|Round trip|Frame rate) [\d.]+\s?(%|ms|fps) \(threshold [\d.]+\s?(%|ms|fps)\) · /);

    // In a poor room's detail, the crossed value is marked and its threshold shows on keyboard focus.
    const poorRoom = page.locator('ul.fleet > li.fleet-poor .fleet-name').first();
    await poorRoom.waitFor({ timeout: POOR_WITHIN_MS });
    const roomName = (await poorRoom.innerText()).trim();
    await poorRoom.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: roomName }).waitFor({ timeout: UI_WITHIN_MS });
    const table = page.getByRole('table', { name: `Media legs of ${roomName}` });
    await table.waitFor({ timeout: UI_WITHIN_MS });
    const crossed = table.locator('.metric-crossed').first();
    const recovering = table.locator('.trend', { hasText: /recovering [12]\/3/ }).first();
    // Either the burst is still on (a crossed value) or it just ended (recovering): both must show in turn.
    await crossed.or(recovering).first().waitFor({ timeout: UI_WITHIN_MS });
    if ((await crossed.count()) > 0) {
      await crossed.focus();
      const tooltip = await crossed.evaluate((element) => getComputedStyle(element, '::after').content);
      expect(tooltip).toMatch(/threshold [\d.]+/);
      expect(await crossed.innerText()).toMatch(/▲/);
    }
    await recovering.waitFor({ timeout: POOR_WITHIN_MS });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'room-detail.png') });
    updateDocsPicture(join(ARTIFACTS_DIR, 'room-detail.png'), 'room-detail.png');
    expect(pageErrors).toEqual([]);
  }, 2 * POOR_WITHIN_MS + 2 * UI_WITHIN_MS);
});

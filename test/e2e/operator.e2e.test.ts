// Browser end-to-end of what an operator acts on, against the real `demo` (4 simulated rooms, the built-in
// emulator) in Debian Chromium: room alerts in an overlay that never shifts the page, one per room, and
// "recovered — was X, now Y" after the loss burst, then the episode in the alert log; reports that Graph refuses shown as "N failed — needs
// action" in the status bar, which opens the failed reports; at 1024×700 a report's detail as a drawer that
// takes the focus, filters on one row, and a resubmit that fails again shown as attempt #2 with the
// operator's action in the timeline.
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
const POOR_WITHIN_MS = 45_000;
/** A call lasts ~25 ticks of 1 s; its reports are built when it ends. */
const REPORTS_WITHIN_MS = 60_000;
const FAULT = { code: 'InvalidRequest', message: 'E2E fault: refused again.' };

const missing = CHROMIUM_MISSING;

describe.skipIf(missing !== undefined)('operator actions in Chromium (demo)', () => {
  let demo: DemoProcess;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    ({ demo, browser, page } = await openDemoInChromium({ rooms: 4, seed: 5, tickMs: 1_000 }, LARGE, (opened) => opened.on('pageerror', (error) => pageErrors.push(error.message))));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (demo !== undefined) expect(await demo.stop()).toBe(0);
  }, 30_000);

  it('shows one alert per poor room over the page without moving it, then "recovered — was X, now Y"', async () => {
    // Every report Graph receives from now on is refused for good (used by the next test).
    await demo.injectFaults({ route: 'quality', times: 1_000, status: 400, ...FAULT });
    const heading = page.getByRole('heading', { level: 1, name: 'Rooms' });
    await heading.waitFor({ timeout: UI_WITHIN_MS });
    const headingTop = async () => (await heading.boundingBox())?.y;
    const before = await headingTop();

    const overlay = page.getByRole('region', { name: 'Room alerts' });
    const poor = overlay.locator('.alert-poor').first();
    await poor.waitFor({ timeout: POOR_WITHIN_MS });
    expect(await headingTop()).toBe(before);
    const text = await poor.innerText();
    expect(text).toMatch(/^(.+) is poor /);
    const room = /^(.+) is poor /.exec(text)![1]!;
    // One alert per room, however many samples arrive.
    expect(await overlay.locator('.alert-poor', { hasText: `${room} is poor` }).count()).toBe(1);
    // The live region said it once.
    const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
    expect(await live.innerText()).toContain(`${room} poor:`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'alerts.png') });

    const recovered = overlay.locator('.alert-recovered', { hasText: `${room} recovered — was` });
    await recovered.waitFor({ timeout: POOR_WITHIN_MS });
    expect(await recovered.innerText()).toMatch(/recovered — was (Packet loss|Jitter|Round trip|Frame rate) [\d.]+\s?(%|ms|fps), now [\d.]+\s?(%|ms|fps)/);
    expect(await overlay.locator('.alert-poor', { hasText: `${room} is poor` }).count()).toBe(0);
    expect(await headingTop()).toBe(before);

    // The alert log, from the status bar: the episode with its leg, metric, value, threshold and recovery.
    await page.getByRole('contentinfo', { name: 'Sync status' }).getByRole('button', { name: 'Alert log' }).click();
    const log = page.getByRole('dialog', { name: 'Alert log' });
    // The episode that recovered (the room may be poor again since: a newer row says "still poor").
    const row = log.getByRole('row').filter({ has: page.getByRole('rowheader', { name: room, exact: true }) }).filter({ hasNotText: 'still poor' }).first();
    await row.waitFor({ timeout: UI_WITHIN_MS });
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[1]).toMatch(/^(Audio|Video|Screen sharing) · (inbound|outbound)$/);
    expect(cells[3]).toMatch(/\d/);
    expect(cells[4]).toMatch(/\d/);
    expect(cells[5]).toMatch(/\d/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'alert-log.png') });
    updateDocsPicture(join(ARTIFACTS_DIR, 'alert-log.png'), 'alert-log.png');
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached', timeout: UI_WITHIN_MS });
  }, 2 * POOR_WITHIN_MS + UI_WITHIN_MS);

  it('says "N failed — needs action" and opens the failed reports; at 1024×700 the detail is a focused drawer and a failed resubmit is attempt #2 beside the operator action', async () => {
    const needsAction = page.getByRole('contentinfo', { name: 'Sync status' }).getByRole('button', { name: /failed — needs action/ });
    await needsAction.waitFor({ timeout: REPORTS_WITHIN_MS });
    await page.setViewportSize(SMALL);
    await needsAction.click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor({ timeout: UI_WITHIN_MS });
    expect(await page.locator('#outbox-filter-state').inputValue()).toBe('failed');

    // The filters take one row: every field and the button share a horizontal band.
    const boxes = await page.locator('form.filters > .field, form.filters > button').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as { top: number; bottom: number }));
    expect(boxes.length).toBe(5);
    expect(Math.max(...boxes.map((b) => b.top))).toBeLessThan(Math.min(...boxes.map((b) => b.bottom)));

    const failedRow = page.getByRole('grid', { name: 'Reports' }).getByRole('row').filter({ hasText: 'Failed' }).first();
    await failedRow.waitFor({ timeout: UI_WITHIN_MS });
    await failedRow.click();
    const drawer = page.getByRole('region', { name: 'Report' });
    const drawerHeading = drawer.getByRole('heading', { level: 2, name: 'Report' });
    await drawerHeading.waitFor({ timeout: UI_WITHIN_MS });
    // It opened in view, at the right edge, and took the focus.
    const box = (await drawer.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.x + box.width).toBeLessThanOrEqual(SMALL.width);
    expect(box.height).toBeLessThanOrEqual(SMALL.height);
    await expect.poll(() => drawerHeading.evaluate((element) => element === document.activeElement)).toBe(true);

    const timeline = drawer.getByRole('list', { name: 'Attempts' });
    await timeline.getByText('#1').waitFor({ timeout: UI_WITHIN_MS });
    // Resubmitted while Graph still refuses: it fails again as attempt #2, after the operator's action.
    await drawer.getByRole('button', { name: 'Resubmit', exact: true }).click();
    await timeline.getByText('#2').waitFor({ timeout: UI_WITHIN_MS });
    const items = await timeline.locator(':scope > li').allInnerTexts();
    const resubmitted = items.findIndex((item) => /^Resubmitted by operator/.test(item));
    expect(resubmitted).toBeGreaterThan(items.findIndex((item) => item.includes('#1')));
    expect(resubmitted).toBeLessThan(items.findIndex((item) => item.includes('#2')));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'outbox-drawer-1024.png') });

    // Escape closes the drawer.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached', timeout: UI_WITHIN_MS });
    await page.setViewportSize(LARGE);
    await demo.clearFaults();
    expect(pageErrors).toEqual([]);
  }, REPORTS_WITHIN_MS + 4 * UI_WITHIN_MS);
});

// Call records stay fresh without pressing Refresh: against the real `demo` (the agent as a child process,
// the built-in emulator publishing each call's callRecord a few seconds after the room's report is
// delivered), a new call's record appears in the Call records view, beside the room's report, within 10 s
// of the emulator publishing it; the view says how old the list is and when it is read again; the record's
// detail compares Teams and the room side by side and names the participants as the list does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../support/chromium';
import { CHROMIUM_MISSING, openDemoInChromium } from '../support/demo-in-chromium';
import type { DemoProcess } from '../support/demo-process';

const UI_WITHIN_MS = 15_000;
/** A call lasts ~25 ticks of 1 s; its report is delivered when it ends, its record published after. */
const FIRST_RECORD_WITHIN_MS = 90_000;
const FRESH_WITHIN_MS = 10_000;

const missing = CHROMIUM_MISSING;

describe.skipIf(missing !== undefined)('call records stay fresh (demo)', () => {
  let demo: DemoProcess;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    ({ demo, browser, page } = await openDemoInChromium({ rooms: 2, seed: 7, tickMs: 1_000 }, { width: 1440, height: 900 }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (demo !== undefined) expect(await demo.stop()).toBe(0);
  }, 30_000);

  const publishedIds = async (): Promise<Set<string>> => {
    const response = await fetch(`${demo.emulatorUrl}/_emulator/call-records`);
    const body = (await response.json()) as { value: { id: string }[] };
    return new Set(body.value.map((record) => record.id));
  };

  it('shows a new call record beside its report within 10 s of its publication, without Refresh', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Call records' }).click();
    const records = page.getByRole('table', { name: 'Recent call records' });
    await records.waitFor({ timeout: UI_WITHIN_MS });
    await page.locator('.list-as-of').getByText(/^List as of .+ · next refresh .+$/).waitFor({ timeout: UI_WITHIN_MS });
    const withReport = records.getByRole('row').filter({ has: page.getByRole('button', { name: 'View report' }) });
    const before = await withReport.count();
    const seeded = await publishedIds();

    // The moment the emulator publishes the first record of a demo call.
    let publishedAtMs = 0;
    await expect
      .poll(
        async () => {
          const now = await publishedIds();
          const fresh = [...now].some((id) => !seeded.has(id));
          if (fresh && publishedAtMs === 0) publishedAtMs = Date.now();
          return fresh;
        },
        { timeout: FIRST_RECORD_WITHIN_MS, interval: 200 },
      )
      .toBe(true);

    await expect.poll(() => withReport.count(), { timeout: FRESH_WITHIN_MS, interval: 100 }).toBeGreaterThan(before);
    expect(Date.now() - publishedAtMs).toBeLessThanOrEqual(FRESH_WITHIN_MS);

    // The record beside the room's report: per modality, Teams | room | difference, rows by direction; and
    // the participants named as in the list.
    const listedNames = (await withReport.first().getByRole('cell').nth(3).innerText()).trim();
    await withReport.first().getByRole('button', { name: /^Open the call of / }).click();
    await page.getByRole('heading', { name: 'Side by side: Teams and the room' }).waitFor({ timeout: UI_WITHIN_MS });
    const audio = page.getByRole('table', { name: 'Audio', exact: true });
    expect(await audio.getByRole('columnheader').allInnerTexts()).toEqual(['Direction · metric', 'Teams', 'Room', 'Difference (room − Teams)']);
    const rowHeads = await audio.getByRole('rowheader').allInnerTexts();
    expect(rowHeads.some((head) => head.startsWith('inbound · average packet loss'))).toBe(true);
    expect(rowHeads.some((head) => head.startsWith('outbound · average packet loss'))).toBe(true);
    const participants = page.locator('dt', { hasText: /^Participants$/ }).first().locator('xpath=following-sibling::dd');
    expect((await participants.innerText()).trim()).toBe(listedNames);
  }, FIRST_RECORD_WITHIN_MS + FRESH_WITHIN_MS + 4 * UI_WITHIN_MS);
});

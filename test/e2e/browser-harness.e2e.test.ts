// The test browser itself (test/support/chromium.ts): it runs with Playwright's own disabled features and
// without Chromium's preloaded omnibox popup, whose renderer took both cores of this machine for 2–3 s after
// every launch (and the UI bench's first-start figures with them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, OMNIBOX_POPUP_FEATURES, type ChromiumSession } from '../support/chromium';

const missing = chromiumAvailable() ? undefined : 'Chromium is not installed (apt-get install chromium)';

describe.runIf(missing !== undefined && process.env.CI !== undefined)('browser harness prerequisites (CI)', () => {
  it('has Chromium', () => {
    throw new Error(`browser harness e2e cannot run in CI: ${missing}`);
  });
});

describe.skipIf(missing !== undefined)('the test browser', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps every feature Playwright disables and disables Chromium's omnibox popup, which it then does not start", async () => {
    const page = await browser.context.newPage();
    // chrome://version prints the command line as given: Playwright's --disable-features first, ours last (the
    // one Chromium keeps).
    await page.goto('chrome://version');
    const lists = ((await page.locator('#command_line').innerText()).match(/--disable-features=\S+/g) ?? []).map((flag) => flag.slice('--disable-features='.length).split(','));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const playwrights = lists[0]!;
    const effective = lists.at(-1)!;
    // A Playwright upgrade that disables another feature fails here until PLAYWRIGHT_DISABLED_FEATURES has it.
    expect(playwrights.filter((feature) => !effective.includes(feature))).toEqual([]);
    expect(effective).toEqual(expect.arrayContaining(OMNIBOX_POPUP_FEATURES));

    const cdp = await browser.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    expect(targetInfos.map((target) => target.url).filter((url) => url.startsWith('chrome://omnibox-popup'))).toEqual([]);
    expect(targetInfos.some((target) => target.url === 'chrome://version/')).toBe(true);
  });
});

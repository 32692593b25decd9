// Browser end-to-end of an open room detail across a gap in the pushes: the built renderer (out/renderer)
// served by the real web server over fake handlers, in Debian Chromium. The list (getRooms) carries each
// leg's latest point only, the detail reads its room whole (getRoomHistory); a roomsChanged whose number
// skips two makes the page re-read the list, and the detail's small sparklines must still draw every point
// (they fell back to the list's one point, and vanished, until the room was opened again).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LegHistoryPoint, RoomSnapshot, RoomsChange } from '../../shared/domain/legs';
import { latestHistoryOnly } from '../../shared/domain/room-delta';
import { CHROMIUM_MISSING } from '../support/demo-in-chromium';
import { collectConsoleProblems, launchChromium, type ChromiumSession } from '../support/chromium';
import { fakeHandlers, FAKE_SETTINGS } from '../support/fake-app-api';
import { ensureRendererBuilt } from '../support/renderer-build';
import { wholeRoomDelta } from '../support/room-deltas';
import { startTestWebServer, type TestWebServer } from '../support/web-server';
import { at, leg, room } from '../renderer/fixtures';

const SPARKLINE = /^Packet loss of Audio · inbound over the last minutes/;

/** The room after `count` more samples, one history step each (2 s apart, as the fixtures space them). */
function withMorePoints(current: RoomSnapshot, count: number): RoomSnapshot {
  return {
    ...current,
    activeCalls: current.activeCalls.map((call) => ({
      ...call,
      legs: call.legs.map((held) => {
        const lastSecond = Date.parse(held.lastSampleAt) / 1000 - Date.parse(at(0)) / 1000;
        const added: LegHistoryPoint[] = Array.from({ length: count }, (_, i) => ({ ...held.history.at(-1)!, at: at(lastSecond + 2 * (i + 1)), lossPercent: 3 + i }));
        const history = held.history.concat(added);
        const lossPercent = { ...held.lossPercent, current: added.at(-1)!.lossPercent ?? null };
        return { ...held, history, lossPercent, sampleCount: held.sampleCount + count, lastSampleAt: history.at(-1)!.at };
      }),
    })),
  };
}

/** The push numbered `seq` carrying, per leg, only the points from step `historyFrom` on. */
function pushFrom(seq: number, current: RoomSnapshot, historyFrom: number): RoomsChange {
  const delta = wholeRoomDelta(current);
  return {
    seq,
    rooms: [
      {
        ...delta,
        activeCalls: delta.activeCalls.map((call) => ({
          ...call,
          legs: call.legs.map((legDelta) => ({ ...legDelta, historyFrom, historyTail: legDelta.historyTail.slice(historyFrom - legDelta.historyStart) })),
        })),
      },
    ],
  };
}

/** How many points the leg table's loss sparkline draws (distinct x positions of its lines and dots). */
async function sparklinePoints(page: Page): Promise<number> {
  return page.evaluate((pattern) => {
    const chart = [...document.querySelectorAll('svg.sparkline')].find((svg) => new RegExp(pattern).test(svg.getAttribute('aria-label') ?? ''));
    if (chart === undefined) return 0;
    const xs = new Set<string>();
    for (const line of chart.querySelectorAll('polyline')) for (const pair of (line.getAttribute('points') ?? '').split(' ')) xs.add(pair.split(',')[0]!);
    for (const dot of chart.querySelectorAll('circle')) xs.add(dot.getAttribute('cx') ?? '');
    return xs.size;
  }, SPARKLINE.source);
}

describe.skipIf(CHROMIUM_MISSING !== undefined)('room detail across a gap in the pushes, in Chromium', () => {
  let web: TestWebServer;
  let browser: ChromiumSession;
  let current = room('boardroom', 'Boardroom', { legs: [leg({ samples: 40 })] });
  const historyReads: string[] = [];
  let listReads = 0;

  beforeAll(async () => {
    await ensureRendererBuilt();
    web = await startTestWebServer({
      staticDir: 'out/renderer',
      handlers: fakeHandlers({
        getRooms: () => {
          listReads += 1;
          return [latestHistoryOnly(current)];
        },
        getRoomHistory: ({ roomId }) => {
          historyReads.push(roomId);
          return current;
        },
        getSettings: () => ({ ...FAKE_SETTINGS, rooms: [{ id: 'boardroom', name: 'Boardroom', devices: [] }] }),
      }),
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('keeps drawing every point of the sparklines after the list is re-read', async () => {
    const page = await browser.context.newPage();
    const problems = collectConsoleProblems(page);
    await page.goto(web.server.url);
    await page.getByRole('button', { name: /Boardroom/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Boardroom' }).waitFor();
    // Opened: the room read whole, 40 points where the list carried one.
    await expect.poll(() => sparklinePoints(page), { timeout: 10_000 }).toBe(40);
    expect(listReads).toBe(1);
    expect(historyReads).toEqual(['boardroom']);

    // Two more samples; push 3 arrives without 1 and 2 and carries only the newest point (step 41), which
    // cannot build on the 40 held (step 40 is in a push never seen): the page re-reads the list.
    current = withMorePoints(current, 2);
    web.hub.publish('roomsChanged', pushFrom(3, current, 41));
    await expect.poll(() => listReads, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => sparklinePoints(page), { timeout: 10_000 }).toBe(42);
    expect(historyReads).toEqual(['boardroom', 'boardroom']);
    // The newest point shows in the table too: the detail shows what the core holds now.
    await expect.poll(() => page.getByRole('img', { name: SPARKLINE }).first().getAttribute('aria-label')).toMatch(/now 4\b/);
    expect(problems).toEqual([]);
  });
});

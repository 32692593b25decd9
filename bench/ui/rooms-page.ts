/**
 * The Rooms view benchmark's harness: the built renderer (out/renderer) served by the real web-mode server
 * (real dispatcher, real event hub, fake AppApi handlers from test/support answering getRooms from the
 * feed), opened through the printed URL in Debian Chromium (fresh profile, ../shared/reference/toolchain.md §5 flags) with the
 * page probe injected, plus a DevTools protocol session for the main thread's task time and the JS heap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { AppApiHandlers, AppEventSpec } from '../../shared/api/contract';
import type { RoomDelta } from '../../shared/domain/legs';
import { latestHistoryOnly } from '../../shared/domain/room-delta';
import { AppFailure } from '../../electron/core/api/failure';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type ChromiumSession } from '../../test/support/chromium';
import { FAKE_SETTINGS, fakeHandlers } from '../../test/support/fake-app-api';
import { startTestWebServer, type TestWebServer } from '../../test/support/web-server';
import { makeTempDir } from '../../test/support/temp-dir';
import { PAGE_PROBE_SOURCE, type ProbeSummary } from './page-probe';
import type { RoomFeed } from './room-feed';

const RENDERER_DIR = resolve('out/renderer');
const RENDERER_SOURCES = resolve('renderer');
/**
 * A wall display's size by default (every room's tile on screen and painted); BENCH_UI_VIEWPORT=1024x700
 * measures a small room-control PC's screen.
 */
export const VIEWPORT = viewportFromEnv(process.env.BENCH_UI_VIEWPORT) ?? { width: 1920, height: 1080 };

function viewportFromEnv(value: string | undefined): { width: number; height: number } | undefined {
  const match = /^(\d+)x(\d+)$/.exec(value ?? '');
  return match === null ? undefined : { width: Number(match[1]), height: Number(match[2]) };
}

/** Cumulative main-thread figures of the page (CDP Performance.getMetrics), in ms. */
export interface MainThreadTimes {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  jsHeapUsedBytes: number;
}

/** One load of the overview: from the getRooms answer reaching the page to every tile in the DOM / drawn. */
export interface FirstLoad {
  dataToTilesMs: number;
  /** To the start of the frame that draws them (the rest is that frame's style, layout and paint). */
  dataToFrameStartMs: number;
  dataToFrameMs: number;
}

/**
 * The overview's first render: at first starts (fresh profile), at restarts (the browser started again over
 * the same profile) and at reloads (the same renderer process).
 */
export interface FirstRender {
  firstStarts: FirstLoad[];
  restarts: FirstLoad[];
  reloads: FirstLoad[];
}

const FIRST_STARTS = Number(process.env.BENCH_UI_FIRST_STARTS ?? 5);
const RESTARTS = Number(process.env.BENCH_UI_RESTARTS ?? 5);
const RELOADS = Number(process.env.BENCH_UI_RELOADS ?? 5);

/** Starts the browser over `profileDir` (a fresh profile, removed on close, when absent), loads the overview once, closes the browser. */
async function startAndLoad(handlers: AppApiHandlers, roomCount: number, profileDir?: string): Promise<FirstLoad> {
  const web = await startTestWebServer({ staticDir: RENDERER_DIR, handlers });
  const browser = await launchChromium({ viewport: VIEWPORT, profileDir });
  try {
    const page = await probedPage(browser, roomCount);
    return await loadOverview(page, roomCount, () => page.goto(web.server.url));
  } finally {
    await browser.close();
    await web.stop();
  }
}

async function probedPage(browser: ChromiumSession, roomCount: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(`window.__roomsBenchRooms = ${roomCount};`);
  await page.addInitScript(PAGE_PROBE_SOURCE);
  return page;
}

/**
 * Navigates (or reloads) and waits until every tile is drawn; the probe's figures of that load. The wait is one
 * promise inside the page (the probe's), not a locator: a locator polls the page over the DevTools protocol and
 * checks visibility, which forced a layout of the page between the tiles' render and their frame.
 */
async function loadOverview(page: Page, roomCount: number, navigate: () => Promise<unknown>): Promise<FirstLoad> {
  const pageErrors: string[] = [];
  const onError = (error: Error) => pageErrors.push(error.message);
  page.on('pageerror', onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await navigate();
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the Rooms view did not draw ${roomCount} room tiles within 20 s${pageErrors.length > 0 ? ` (page errors: ${pageErrors.join('; ')})` : ''}`)), 20_000);
    });
    await Promise.race([page.evaluate('window.__roomsBench.firstRenderDrawn()'), timedOut]);
    const first = (await page.evaluate('window.__roomsBench.firstRender()')) as Record<'firstDataAtMs' | 'tilesAtMs' | 'frameStartAtMs' | 'firstFrameAtMs', number | null>;
    const since = (at: number | null) => (first.firstDataAtMs !== null && at !== null ? at - first.firstDataAtMs : Number.NaN);
    return { dataToTilesMs: since(first.tilesAtMs), dataToFrameStartMs: since(first.frameStartAtMs), dataToFrameMs: since(first.firstFrameAtMs) };
  } finally {
    clearTimeout(timer);
    page.off('pageerror', onError);
  }
}

export interface RoomsPage {
  page: Page;
  firstRender: FirstRender;
  /** Pushes roomsChanged, tagged with `seq` (see page-probe.ts) so the page knows which phase sent it. */
  publish(change: AppEventSpec['roomsChanged'], seq: number): void;
  /** Resolves true once the page handled message `seq` (or a later one) and drew a frame; false on timeout. */
  waitForSeq(seq: number, timeoutMs: number): Promise<boolean>;
  /** The page's performance.now(), for the probe's windows. */
  pageNowMs(): Promise<number>;
  summary(fromMs: number, toMs: number, firstSeq: number, lastSeq: number): Promise<ProbeSummary>;
  mainThread(): Promise<MainThreadTimes>;
  /** JS heap in use after a full garbage collection. */
  heapAfterGcBytes(): Promise<number>;
  browserVersion: string;
  close(): Promise<void>;
}

/** Builds the renderer when it was never built; warns when its sources are newer than the build. */
export function ensureRendererBuilt(): void {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) {
    console.log('out/renderer is missing: running npx electron-vite build');
    const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(index)) throw new Error(`npx electron-vite build failed (exit ${build.status}); the Rooms view benchmark needs out/renderer`);
    return;
  }
  const builtMs = statSync(index).mtimeMs;
  const newest = newestMtimeMs(RENDERER_SOURCES);
  if (newest > builtMs) console.log(`note: renderer/ changed after out/renderer was built (${Math.round((newest - builtMs) / 1000)} s later): this measures the older build; run npx electron-vite build to measure the current code`);
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function openRoomsPage(feed: RoomFeed): Promise<RoomsPage> {
  if (!chromiumAvailable()) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium): the Rooms view benchmark needs it`);
  ensureRendererBuilt();
  const settings = { ...FAKE_SETTINGS, rooms: feed.snapshots().map((room) => ({ id: room.roomId, name: room.roomName, devices: [] })) };
  // As the core answers: the list with only each leg's latest point, one room in full on request.
  const handlers = fakeHandlers({
    getRooms: () => feed.snapshots().map((room) => latestHistoryOnly(room)),
    getRoomHistory: ({ roomId }) => {
      const room = feed.snapshots().find((candidate) => candidate.roomId === roomId);
      if (!room) throw new AppFailure('not_found', `Room ${roomId} is not in the feed`);
      return room;
    },
    getSettings: () => settings,
  });
  // First starts: each in a fresh profile (no V8 code cache), its own server (a sign-in token works once). The
  // page loads as soon as the browser is up, as the app's window does; the test browser's own start-up chore
  // that Electron has not (Chromium's omnibox popup) is switched off in test/support/chromium.ts.
  const firstStarts: FirstLoad[] = [];
  for (let start = 0; start < FIRST_STARTS; start += 1) firstStarts.push(await startAndLoad(handlers, feed.roomCount));
  // Restarts: the browser closed and started again over one profile, as the app restarts over its user data:
  // new processes (cold font and layout caches), but V8's code cache on disk. Chromium writes that cache on
  // a script's second load (Electron too, for app:// with its codeCache privilege), so starts 3 and later
  // are measured.
  const restarts: FirstLoad[] = [];
  const profile = makeTempDir('vtc-bench-profile-');
  try {
    for (let start = 1; start <= 2 + RESTARTS; start += 1) {
      const measured = await startAndLoad(handlers, feed.roomCount, profile.dir);
      if (start > 2) restarts.push(measured);
    }
  } finally {
    profile.cleanup();
  }
  let web: TestWebServer | undefined;
  let browser: ChromiumSession | undefined;
  try {
    web = await startTestWebServer({ staticDir: RENDERER_DIR, handlers });
    browser = await launchChromium({ viewport: VIEWPORT });
    const page = await probedPage(browser, feed.roomCount);
    const url = web.server.url;
    await loadOverview(page, feed.roomCount, () => page.goto(url));
    // Reloads in the running browser: the same renderer process, its caches warm (what a reconnect or a
    // second window costs, not a start).
    const reloads: FirstLoad[] = [];
    for (let load = 2; load <= 2 + RELOADS; load += 1) {
      const measured = await loadOverview(page, feed.roomCount, () => page.reload());
      if (load > 2) reloads.push(measured);
    }
    const firstRender: FirstRender = { firstStarts, restarts, reloads };
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { product } = await cdp.send('Browser.getVersion');
    return harness(page, cdp, web, browser, product, firstRender);
  } catch (error) {
    await browser?.close();
    await web?.stop();
    throw error;
  }
}

/**
 * The last room of the payload carries `benchSeq` as its last field, so it ends the JSON text where the probe
 * finds it cheaply. The renderer ignores unknown fields (its fingerprint reads named fields only).
 */
function tagged(change: AppEventSpec['roomsChanged'], seq: number): AppEventSpec['roomsChanged'] {
  const last = change.rooms.at(-1);
  if (last === undefined) return change;
  const tag: RoomDelta = Object.assign({ ...last }, { benchSeq: seq });
  return { seq: change.seq, rooms: [...change.rooms.slice(0, -1), tag] };
}

function harness(page: Page, cdp: CDPSession, web: TestWebServer, browser: ChromiumSession, browserVersion: string, firstRender: FirstRender): RoomsPage {
  return {
    page,
    firstRender,
    publish: (change, seq) => web.hub.publish('roomsChanged', tagged(change, seq)),
    waitForSeq: (seq, timeoutMs) => page.evaluate(`window.__roomsBench.waitForSeq(${seq}, ${timeoutMs})`) as Promise<boolean>,
    pageNowMs: () => page.evaluate('window.__roomsBench.now()') as Promise<number>,
    summary: (fromMs, toMs, firstSeq, lastSeq) => page.evaluate(`window.__roomsBench.summary(${fromMs}, ${toMs}, ${firstSeq}, ${lastSeq})`) as Promise<ProbeSummary>,
    async mainThread() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
      return {
        taskMs: value('TaskDuration') * 1000,
        scriptMs: value('ScriptDuration') * 1000,
        layoutMs: value('LayoutDuration') * 1000,
        styleMs: value('RecalcStyleDuration') * 1000,
        jsHeapUsedBytes: value('JSHeapUsedSize'),
      };
    },
    async heapAfterGcBytes() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    browserVersion,
    async close() {
      await cdp.detach().catch(() => undefined);
      await browser.close();
      await web.stop();
    },
  };
}

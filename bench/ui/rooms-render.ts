/**
 * The Rooms view under live load: 64 rooms (BENCH_UI_ROOMS) × 6 legs updating at 2 Hz, in Debian
 * Chromium, through the real web mode (built renderer, WebSocket, stores), measured from the page:
 * - main-thread busy time per 500 ms update window (CDP TaskDuration), as a ratio of that 500 ms budget;
 * - frame times (requestAnimationFrame deltas) against the 16.7 ms of a 60 Hz frame, frames over 50 ms;
 * - long tasks (count, total), update latency (message arrival → React commit → next frame), JS heap.
 * Side by side in the same page, each phase with the same 2 Hz rhythm:
 *   A. every room changes on every update (the issue's load: every card must render);
 *   B. 4 rooms change, but all 24 are re-sent: the same payload as A, so B − A is what skipping the
 *      20 unchanged cards saves (the store keeps their entries, the memoized cards bail out). This is the
 *      "re-render everything" alternative measured without a switch in the renderer: A renders all 24;
 *   C. 4 rooms change and only they are sent, as the core's publisher does (electron/core/legs/publisher.ts).
 * Every push is a delta (shared/domain/legs.ts RoomsChange: per leg only the history points changed since the
 * previous push); the page reads the room list (getRooms, each leg with only its latest point) once at load.
 * In every phase the page probe counts which room cards rendered per commit (page-probe.ts): unchanged rooms
 * must render 0 times, changed rooms once per update.
 *   npx tsx bench/ui/rooms-render.ts     (BENCH_UI_SECONDS sets phase A, default 20; B and C take a quarter)
 */
import { setTimeout as delay } from 'node:timers/promises';
import { fixed, percentile, runIfMain, type BenchResult } from '../outbox/support';
import { createRoomFeed, PUBLISH_INTERVAL_MS, type RoomFeed } from './room-feed';
import { latestHistoryOnly } from '../../shared/domain/room-delta';
import { openRoomsPage, VIEWPORT, type FirstLoad, type RoomsPage } from './rooms-page';

/** 64 rooms by default (the largest fleet the demo runs); BENCH_UI_ROOMS=24 gives the earlier figures. */
const ROOMS = Number(process.env.BENCH_UI_ROOMS ?? 64);
const LEGS_PER_ROOM = 6;
const MAIN_SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 20);
const SIDE_SECONDS = Math.max(2, MAIN_SECONDS / 4);
const WARM_UP_SECONDS = Math.max(1, MAIN_SECONDS / 5);
const FRAME_BUDGET_MS = 1000 / 60;
const DROPPED_FRAME_MS = 50;
/** The overview drawn at most this long after the first data (the getRooms answer). */
const FIRST_RENDER_LIMIT_MS = 100;
const FEW_CHANGED = [0, 1, 2, 3].map((quarter) => Math.floor((quarter * ROOMS) / 4));

interface Phase {
  key: string;
  label: string;
  seconds: number;
  /** Room indexes that get a new sample per update; null: nothing is published (idle). */
  changed: readonly number[] | null;
  /** Re-send every room (unchanged ones identical) instead of only the changed ones. */
  sendAll: boolean;
}

const ALL = Array.from({ length: ROOMS }, (_, index) => index);

interface PhaseFigures {
  phase: Phase;
  published: number;
  received: number;
  /** Until the phase's last update was on screen: longer than planned when the page fell behind. */
  elapsedSeconds: number;
  busyMsPerWindow: number;
  scriptMsPerWindow: number;
  styleLayoutMsPerWindow: number;
  frameP50Ms: number;
  frameP95Ms: number;
  /** Every frame's rAF delta, for the count in vsync intervals (report). */
  frameDeltasMs: number[];
  frameMaxMs: number;
  framesOver50Ms: number;
  /** Share of the phase spent showing frames that took over 50 ms (p95 alone hides how long they were). */
  slowFrameTimeShare: number;
  frames: number;
  longTasks: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  commitP50Ms: number;
  commitP95Ms: number;
  toFrameP95Ms: number;
  /** Renders of changed rooms beyond one per received update (0 when each renders exactly once). */
  extraRenders: number;
  /** Changed rooms × received updates that did not render. */
  missedRenders: number;
  /** Renders of rooms that did not change: must be 0. */
  unchangedRenders: number;
  /** Mean size of one pushed roomsChanged message, as JSON text. */
  updateBytes: number;
  cardsInTree: number;
}

export async function main(): Promise<BenchResult> {
  const feed = createRoomFeed(ROOMS);
  const page = await openRoomsPage(feed);
  const sequence: Sequence = { last: 0 };
  try {
    const fullSnapshotBytes = Buffer.byteLength(JSON.stringify({ id: 1, result: { ok: true, value: feed.snapshots().map((room) => latestHistoryOnly(room)) } }));
    await runPhase(page, feed, sequence, { key: 'warmUp', label: 'warm-up', seconds: WARM_UP_SECONDS, changed: ALL, sendAll: false });
    const heapBeforeBytes = await page.heapAfterGcBytes();
    const idle = await runPhase(page, feed, sequence, { key: 'idle', label: 'idle (no updates)', seconds: WARM_UP_SECONDS, changed: null, sendAll: false });
    const all = await runPhase(page, feed, sequence, { key: 'all', label: `all ${ROOMS} rooms changed`, seconds: MAIN_SECONDS, changed: ALL, sendAll: true });
    const peakHeapBytes = (await page.mainThread()).jsHeapUsedBytes;
    const resent = await runPhase(page, feed, sequence, { key: 'resent', label: `${FEW_CHANGED.length} of ${ROOMS} changed, all ${ROOMS} re-sent`, seconds: SIDE_SECONDS, changed: FEW_CHANGED, sendAll: true });
    const changedOnly = await runPhase(page, feed, sequence, { key: 'changedOnly', label: `${FEW_CHANGED.length} of ${ROOMS} changed, only they sent`, seconds: SIDE_SECONDS, changed: FEW_CHANGED, sendAll: false });
    const heapAfterBytes = await page.heapAfterGcBytes();
    return report(page, { idle, all, resent, changedOnly }, { fullSnapshotBytes, heapBeforeBytes, heapAfterBytes, peakHeapBytes });
  } finally {
    await page.close();
  }
}

/** The last sequence number published; page-probe.ts attributes messages and renders to phases by it. */
interface Sequence {
  last: number;
}

/** How long a phase may run over while a busy page catches up with the updates already sent. */
const CATCH_UP_TIMEOUT_MS = 60_000;

async function runPhase(page: RoomsPage, feed: RoomFeed, sequence: Sequence, phase: Phase): Promise<PhaseFigures> {
  const windows = Math.round((phase.seconds * 1000) / PUBLISH_INTERVAL_MS);
  const before = await page.mainThread();
  const fromMs = await page.pageNowMs();
  const startedMs = performance.now();
  const firstSeq = sequence.last + 1;
  let publishedBytes = 0;
  for (let window = 0; window < windows; window += 1) {
    if (phase.changed !== null) {
      feed.advance(phase.changed);
      const change = feed.push(phase.sendAll ? ALL : phase.changed);
      publishedBytes += Buffer.byteLength(JSON.stringify({ event: 'roomsChanged', payload: change }));
      page.publish(change, ++sequence.last);
    }
    // The publisher's own rhythm: the next update one interval after the previous one started.
    await delay(Math.max(0, startedMs + (window + 1) * PUBLISH_INTERVAL_MS - performance.now()));
  }
  const lastSeq = sequence.last;
  const published = lastSeq - firstSeq + 1;
  // A page that fell behind is still working through updates already sent: the phase lasts until its last
  // update is on screen (the server never drops the newest one), so its work is not charged to the next.
  if (published > 0 && !(await page.waitForSeq(lastSeq, CATCH_UP_TIMEOUT_MS))) {
    throw new Error(`the page did not show update ${lastSeq} within ${CATCH_UP_TIMEOUT_MS / 1000} s of the end of phase "${phase.label}"`);
  }
  const elapsedMs = performance.now() - startedMs;
  const toMs = await page.pageNowMs();
  const after = await page.mainThread();
  const probe = await page.summary(fromMs, toMs, firstSeq, lastSeq);
  const elapsedWindows = elapsedMs / PUBLISH_INTERVAL_MS;

  const changedIds = new Set((phase.changed ?? []).map((index) => feed.snapshots()[index]!.roomId));
  let extraRenders = 0;
  let missedRenders = 0;
  let unchangedRenders = 0;
  for (const room of feed.snapshots()) {
    const renders = probe.rendersByRoom[room.roomId] ?? 0;
    if (!changedIds.has(room.roomId)) unchangedRenders += renders;
    else if (renders > probe.messages) extraRenders += renders - probe.messages;
    else missedRenders += probe.messages - renders;
  }
  const frames = probe.frameDeltasMs;
  return {
    phase,
    published,
    received: probe.messages,
    elapsedSeconds: elapsedMs / 1000,
    busyMsPerWindow: (after.taskMs - before.taskMs) / elapsedWindows,
    scriptMsPerWindow: (after.scriptMs - before.scriptMs) / elapsedWindows,
    styleLayoutMsPerWindow: (after.styleMs - before.styleMs + after.layoutMs - before.layoutMs) / elapsedWindows,
    frameP50Ms: percentile(frames, 50),
    frameP95Ms: percentile(frames, 95),
    frameDeltasMs: frames,
    frameMaxMs: Math.max(...frames),
    framesOver50Ms: frames.filter((ms) => ms > DROPPED_FRAME_MS).length,
    slowFrameTimeShare: frames.filter((ms) => ms > DROPPED_FRAME_MS).reduce((sum, ms) => sum + ms, 0) / elapsedMs,
    frames: frames.length,
    longTasks: probe.longTaskDurationsMs.length,
    longTaskTotalMs: probe.longTaskDurationsMs.reduce((sum, ms) => sum + ms, 0),
    longTaskMaxMs: probe.longTaskDurationsMs.reduce((most, ms) => Math.max(most, ms), 0),
    commitP50Ms: percentile(probe.arrivalToCommitMs, 50),
    commitP95Ms: percentile(probe.arrivalToCommitMs, 95),
    toFrameP95Ms: percentile(probe.arrivalToFrameMs, 95),
    extraRenders,
    missedRenders,
    unchangedRenders,
    updateBytes: published > 0 ? publishedBytes / published : 0,
    cardsInTree: probe.cardsInTree,
  };
}

interface Phases {
  idle: PhaseFigures;
  all: PhaseFigures;
  resent: PhaseFigures;
  changedOnly: PhaseFigures;
}

interface Memory {
  /** The getRooms answer for every room (read once at load and after a reconnect). */
  fullSnapshotBytes: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  peakHeapBytes: number;
}

const MB = 1024 * 1024;

/** Renders of unchanged rooms per unchanged room per received update: 0 when the memo holds. */
function unchangedRenderRatio(phases: readonly PhaseFigures[]): number {
  const renders = phases.reduce((sum, f) => sum + f.unchangedRenders, 0);
  const chances = phases.reduce((sum, f) => sum + f.received * (ROOMS - (f.phase.changed?.length ?? 0)), 0);
  return renders / chances;
}

function phaseLine(f: PhaseFigures): string {
  const updates = f.phase.changed === null ? '' : `${f.received}/${f.published} updates received; `;
  const renders =
    f.phase.changed === null
      ? ''
      : `; card renders: unchanged rooms ${f.unchangedRenders}, extra ${f.extraRenders}, missed ${f.missedRenders}` +
        `; update → commit p50 ${fixed(f.commitP50Ms, 1)} / p95 ${fixed(f.commitP95Ms, 1)} ms, → next frame p95 ${fixed(f.toFrameP95Ms, 1)} ms`;
  return (
    `  ${f.phase.label} (${f.phase.seconds} s${f.elapsedSeconds > f.phase.seconds + 1 ? `, ${fixed(f.elapsedSeconds, 1)} s to catch up` : ''}): ${updates}main thread busy ${fixed(f.busyMsPerWindow, 1)} ms per ${PUBLISH_INTERVAL_MS} ms window ` +
    `(script ${fixed(f.scriptMsPerWindow, 1)}, style+layout ${fixed(f.styleLayoutMsPerWindow, 1)}) = ratio ${fixed(f.busyMsPerWindow / PUBLISH_INTERVAL_MS, 3)} of the budget; ` +
    `frames p50 ${fixed(f.frameP50Ms, 1)} / p95 ${fixed(f.frameP95Ms, 1)} / max ${fixed(f.frameMaxMs, 1)} ms, ${f.framesOver50Ms} of ${f.frames} over ${DROPPED_FRAME_MS} ms (${fixed(f.slowFrameTimeShare * 100, 0)} % of the time); ` +
    `long tasks ${f.longTasks} (${fixed(f.longTaskTotalMs, 0)} ms)${renders}`
  );
}

/**
 * Frame times in whole vsync intervals. Chromium draws on a fixed 60 Hz beat, so a frame's rAF delta is a
 * whole number of intervals: one when the frame was on time, two when one was missed. The page's clock is
 * coarsened to 0.1 ms with jitter (no cross-origin isolation), so an on-time frame reads 16.6–16.8 ms; the
 * raw p95 of an idle page is already 16.8 ms at times. Rounded to intervals, a p95 of one interval
 * (16.7 ms) means at least 95 % of frames were on time.
 */
function frameIntervals(deltasMs: readonly number[]): number[] {
  return deltasMs.map((ms) => Math.max(1, Math.round(ms / FRAME_BUDGET_MS)));
}

function median(values: readonly number[]): number {
  return percentile([...values], 50);
}

/** The median time from the first data to every tile drawn. */
function drawnMs(loads: readonly FirstLoad[]): number {
  return median(loads.map((load) => load.dataToFrameMs));
}

function firstLoadText(loads: readonly FirstLoad[]): string {
  const each = loads.map((load) => fixed(load.dataToFrameMs, 0)).join(', ');
  const medianMs = (pick: (load: FirstLoad) => number) => fixed(median(loads.map(pick)), 0);
  return `${medianMs((load) => load.dataToTilesMs)} ms in the DOM, its frame from ${medianMs((load) => load.dataToFrameStartMs)} ms, ${fixed(drawnMs(loads), 0)} ms drawn (median of ${each})`;
}

function report(page: RoomsPage, phases: Phases, memory: Memory): BenchResult {
  const { idle, all, resent, changedOnly } = phases;
  const busyRatio = all.busyMsPerWindow / PUBLISH_INTERVAL_MS;
  const frameP95Intervals = percentile(frameIntervals(all.frameDeltasMs), 95);
  const frameP95Ms = frameP95Intervals * FRAME_BUDGET_MS;
  const frameRatio = frameP95Intervals; // in frames of the 16.7 ms budget
  const skipSaving = resent.busyMsPerWindow / all.busyMsPerWindow;
  const keptUp = all.received === all.published && all.missedRenders === 0;
  const noUnchangedRenders = resent.unchangedRenders === 0 && changedOnly.unchangedRenders === 0;
  const everyCardFound = [all, resent, changedOnly].every((f) => f.cardsInTree === ROOMS);
  const ok = busyRatio < 1 && keptUp && noUnchangedRenders && everyCardFound && all.extraRenders === 0;
  const line =
    `ui rooms-render (${ROOMS} rooms × ${LEGS_PER_ROOM} legs at 2 Hz, ${page.browserVersion}, ${VIEWPORT.width}×${VIEWPORT.height}): ` +
    `main-thread busy per ${PUBLISH_INTERVAL_MS} ms update window ${fixed(all.busyMsPerWindow, 1)} ms = ratio ${fixed(busyRatio, 3)} of the ${PUBLISH_INTERVAL_MS} ms budget; ` +
    `p95 frame time ${fixed(frameP95Ms, 1)} ms vs 16.7 ms budget = ratio ${fixed(frameRatio, 2)}; ` +
    `${FEW_CHANGED.length} of ${ROOMS} changed (same payload) costs ratio ${fixed(skipSaving, 3)} of all ${ROOMS} changed; ` +
    `unchanged rooms re-rendered: ${resent.unchangedRenders + changedOnly.unchangedRenders} ${ok ? 'OK' : 'MISSED'}`;
  console.log(line);
  // The fleet overview's limits: p95 frame ≤ 16.7 ms and no long task over 50 ms while every room changes
  // at 2 Hz; the overview drawn ≤ 100 ms after the first data.
  const longestTaskMs = all.longTaskMaxMs;
  const { firstStarts, restarts, reloads } = page.firstRender;
  const verdict = (ms: number) => `${fixed(ms, 0)} ms ${ms <= FIRST_RENDER_LIMIT_MS ? 'OK' : 'OVER'}`;
  console.log(
    `  limits: p95 frame ${fixed(frameP95Ms, 1)} ms = ${frameP95Intervals} vsync interval${frameP95Intervals === 1 ? '' : 's'} (limit ${fixed(FRAME_BUDGET_MS, 1)}; raw rAF delta p95 ${fixed(all.frameP95Ms, 1)} ms) ${frameP95Ms <= FRAME_BUDGET_MS + 0.05 ? 'OK' : 'OVER'}; ` +
      `longest task ${fixed(longestTaskMs, 0)} ms in ${all.phase.seconds} s (limit ${DROPPED_FRAME_MS}) ${longestTaskMs <= DROPPED_FRAME_MS ? 'OK' : 'OVER'}; ` +
      `first data → all ${ROOMS} tiles drawn (limit ${FIRST_RENDER_LIMIT_MS}): reload ${verdict(drawnMs(reloads))}, restart ${verdict(drawnMs(restarts))}, first start ${verdict(drawnMs(firstStarts))}`,
  );
  console.log(`  first render at a reload (the running renderer process, its caches warm): ${firstLoadText(reloads)}`);
  console.log(`  first render at a restart (new browser processes over the same profile: V8 code cache on disk, cold font and layout caches): ${firstLoadText(restarts)}`);
  console.log(`  first render at the first start (fresh profile, no code cache): ${firstLoadText(firstStarts)}`);
  for (const f of [all, resent, changedOnly, idle]) console.log(phaseLine(f));
  console.log(
    `  roomsChanged of all ${ROOMS} rooms: ${fixed(all.updateBytes / 1024, 1)} KiB per update (getRooms of all ${ROOMS}: ${fixed(memory.fullSnapshotBytes / MB, 2)} MB); JS heap after GC ${fixed(memory.heapBeforeBytes / MB, 1)} MB before the measured phases, ` +
      `${fixed(memory.heapAfterBytes / MB, 1)} MB after (${memory.heapAfterBytes >= memory.heapBeforeBytes ? '+' : ''}${fixed((memory.heapAfterBytes - memory.heapBeforeBytes) / MB, 2)} MB); ` +
      `${fixed(memory.peakHeapBytes / MB, 1)} MB in use (no GC) at the end of phase A`,
  );
  if (!everyCardFound) console.log(`  the render counter found ${all.cardsInTree} room cards instead of ${ROOMS}: its fiber signature (key === roomId prop) no longer matches RoomsView`);

  const metrics: Record<string, number> = {
    busyRatio,
    frameP95Ratio: frameRatio,
    frameP95Ms,
    longestTaskMs,
    longestTaskRatio: longestTaskMs / DROPPED_FRAME_MS,
    reloadDrawnMs: drawnMs(reloads),
    reloadDrawnRatio: drawnMs(reloads) / FIRST_RENDER_LIMIT_MS,
    restartDrawnMs: drawnMs(restarts),
    restartDrawnRatio: drawnMs(restarts) / FIRST_RENDER_LIMIT_MS,
    firstStartDrawnMs: drawnMs(firstStarts),
    firstStartDrawnRatio: drawnMs(firstStarts) / FIRST_RENDER_LIMIT_MS,
    resentToAllRatio: skipSaving,
    changedOnlyToAllRatio: changedOnly.busyMsPerWindow / all.busyMsPerWindow,
    unchangedRenderRatio: unchangedRenderRatio([resent, changedOnly]),
    payloadBytes: all.updateBytes,
    fullSnapshotBytes: memory.fullSnapshotBytes,
    heapBeforeBytes: memory.heapBeforeBytes,
    heapAfterBytes: memory.heapAfterBytes,
    peakHeapBytes: memory.peakHeapBytes,
  };
  for (const f of [idle, all, resent, changedOnly]) {
    for (const [name, value] of Object.entries(f)) if (typeof value === 'number') metrics[`${f.phase.key}.${name}`] = value;
  }
  return { name: 'ui-rooms-render', line, ok, metrics };
}

runIfMain(import.meta.url, main);

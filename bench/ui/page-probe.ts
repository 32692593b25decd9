/**
 * What the Rooms view benchmark injects into the page before the app's own scripts run (playwright's
 * addInitScript goes through the DevTools protocol, so the page's CSP does not apply to it). It is plain
 * JavaScript in a string on purpose: tsx rewrites TypeScript functions (name helpers), which would break
 * them once serialized into the page.
 *
 * It records, with page timestamps, and without touching the renderer's code:
 * - every animation frame (requestAnimationFrame deltas) and every long task (PerformanceObserver);
 * - the arrival of each `roomsChanged` WebSocket message (a listener registered before the app's own) and
 *   its sequence number: the harness tags the last room of each payload with `benchSeq` (a field the
 *   renderer ignores), so figures are attributed to the phase that published the message even when a busy
 *   page reads it late;
 * - each React commit, through the global hook React DOM reports to (the one React DevTools uses; present
 *   in production builds): per commit, which room cards rendered. A card is the fiber whose React key equals
 *   its `roomId` prop (RoomsView keys RoomCard by roomId). It "rendered" in a commit when its fiber was
 *   worked on in that commit (a new fiber object) and carries React's PerformedWork flag (1), which a
 *   memo/selector bail-out does not set: the test React DevTools' "highlight updates" uses.
 * The walk stops at each card, so it visits the shell and the 24 cards only, not their contents.
 *
 * `window.__roomsBench.summary(fromMs, toMs, firstSeq, lastSeq)` returns the figures of a phase: frames and
 * long tasks by time, messages and commits by sequence number. `waitForSeq(seq)` resolves once message
 * `seq` (or a later one) has been handled and a frame has followed.
 */

export interface ProbeSummary {
  frameDeltasMs: number[];
  longTaskDurationsMs: number[];
  /** roomsChanged messages of the phase that reached the page (the server drops superseded ones for a slow page). */
  messages: number;
  /** Commits caused by the phase's messages that rendered at least one room card. */
  roomCommits: number;
  /** Per commit: message arrival → React commit done (parse, store, render, DOM mutation). */
  arrivalToCommitMs: number[];
  /** Per commit: message arrival → the next animation frame after the commit (style, layout, paint start). */
  arrivalToFrameMs: number[];
  /** Card renders per room id caused by the phase's messages. */
  rendersByRoom: Record<string, number>;
  /** Room cards found in the last commit's tree (proves the walk found the cards at all). */
  cardsInTree: number;
}

export const PAGE_PROBE_SOURCE = String.raw`(() => {
  const frames = [];         // [timestamp, delta]
  const longTasks = [];      // [startTime, duration]
  const messages = [];       // [arrival timestamp, seq]
  const commits = [];        // [seq, arrivalToCommitMs, renderedRoomIds]
  const frameAfter = [];     // [seq, arrivalToFrameMs]
  let lastSeq = -1;
  let seqWaiters = [];       // [seq, resolve]
  const lastFiberByRoom = new Map();
  let pendingArrival = null;
  let cardsInTree = 0;

  let lastFrame = 0;
  const onFrame = (t) => {
    if (lastFrame !== 0) frames.push([t, t - lastFrame]);
    lastFrame = t;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });

  let firstDataAtMs = null;
  let tilesAtMs = null;
  let frameStartAtMs = null;
  let firstFrameAtMs = null;
  const drawnWaiters = [];
  // The harness sets the room count before the page loads (sessionStorage survives nothing else here).
  const expectedTiles = () => Number(window.__roomsBenchRooms ?? 1);
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        // The first data: the getRooms answer (a result whose value lists rooms). The tiles are in the DOM when
        // the mutation that adds the last one happens (a MutationObserver runs right after it, in the same
        // task); they are drawn when the main thread has finished the frame after that: a task posted from
        // that frame's animation-frame callback runs once its style, layout and paint are done.
        if (firstDataAtMs === null && typeof event.data === 'string' && event.data.includes('"result"') && event.data.includes('"roomId"')) {
          firstDataAtMs = performance.now();
          const tilesShown = () => document.querySelectorAll('ul.fleet > li').length >= expectedTiles();
          const whenDrawn = () => {
            tilesAtMs = performance.now();
            requestAnimationFrame(() => {
              frameStartAtMs = performance.now();
              // A user-blocking task runs before the page's other queued work (the other answers arriving),
              // so the stamp is the end of the frame, not the end of whatever was queued behind it.
              scheduler.postTask(() => { firstFrameAtMs = performance.now(); drawnWaiters.forEach((resolve) => resolve()); }, { priority: 'user-blocking' });
            });
          };
          if (tilesShown()) whenDrawn();
          else {
            const observer = new MutationObserver(() => {
              if (!tilesShown()) return;
              observer.disconnect();
              whenDrawn();
            });
            observer.observe(document.body, { childList: true, subtree: true });
          }
        }
        if (typeof event.data !== 'string' || !event.data.startsWith('{"event":"roomsChanged"')) return;
        const now = performance.now();
        const tail = event.data.slice(-64);
        const at = tail.lastIndexOf('"benchSeq":');
        const seq = at < 0 ? -1 : parseInt(tail.slice(at + 11), 10);
        messages.push([now, seq]);
        const arrival = [now, seq];
        pendingArrival = arrival;
        lastSeq = Math.max(lastSeq, seq);
        // The app's handler and React's synchronous store render run in this same task; a message that
        // changed nothing must not lend its arrival to a later, unrelated commit.
        setTimeout(() => {
          if (pendingArrival === arrival) pendingArrival = null;
        }, 0);
        // After the next frame the update is on screen: wake whoever waits for this sequence number.
        setTimeout(() => requestAnimationFrame(() => {
          const ready = seqWaiters.filter(([wanted]) => wanted <= lastSeq);
          seqWaiters = seqWaiters.filter(([wanted]) => wanted > lastSeq);
          for (const [, resolve] of ready) resolve(true);
        }), 0);
      });
    }
  };

  const renderedCards = (rootFiber) => {
    const rendered = [];
    let cards = 0;
    const stack = [rootFiber];
    while (stack.length > 0) {
      const fiber = stack.pop();
      if (fiber.sibling !== null) stack.push(fiber.sibling);
      const props = fiber.memoizedProps;
      if (props !== null && typeof props === 'object' && typeof props.roomId === 'string' && fiber.key === props.roomId) {
        cards += 1;
        if (lastFiberByRoom.get(props.roomId) !== fiber && (fiber.flags & 1) === 1) rendered.push(props.roomId);
        lastFiberByRoom.set(props.roomId, fiber);
        continue;
      }
      if (fiber.child !== null) stack.push(fiber.child);
    }
    cardsInTree = cards;
    return rendered;
  };

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    setStrictMode() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const rendered = renderedCards(root.current);
      if (rendered.length === 0) return;
      const now = performance.now();
      const arrival = pendingArrival;
      pendingArrival = null;
      if (arrival === null) {
        commits.push([-1, null, rendered]);
        return;
      }
      const [arrivedAt, seq] = arrival;
      commits.push([seq, now - arrivedAt, rendered]);
      requestAnimationFrame(() => frameAfter.push([seq, performance.now() - arrivedAt]));
    },
  };

  const within = (from, to) => (t) => t >= from && t <= to;
  window.__roomsBench = {
    now: () => performance.now(),
    firstRender: () => ({ firstDataAtMs, tilesAtMs, frameStartAtMs, firstFrameAtMs }),
    /** Resolves once the frame showing every tile is drawn. */
    firstRenderDrawn: () => (firstFrameAtMs !== null ? Promise.resolve() : new Promise((resolve) => drawnWaiters.push(resolve))),
    waitForSeq(seq, timeoutMs) {
      if (lastSeq >= seq) return Promise.resolve(true);
      return new Promise((resolve) => {
        seqWaiters.push([seq, resolve]);
        setTimeout(() => resolve(false), timeoutMs);
      });
    },
    summary(from, to, firstSeq, lastSeqOfPhase) {
      const inWindow = within(from, to);
      const inPhase = within(firstSeq, lastSeqOfPhase);
      const windowCommits = commits.filter(([seq]) => inPhase(seq));
      const rendersByRoom = {};
      for (const [, , rooms] of windowCommits) for (const roomId of rooms) rendersByRoom[roomId] = (rendersByRoom[roomId] || 0) + 1;
      return {
        frameDeltasMs: frames.filter(([t]) => inWindow(t)).map(([, d]) => d),
        longTaskDurationsMs: longTasks.filter(([t]) => inWindow(t)).map(([, d]) => d),
        messages: messages.filter(([, seq]) => inPhase(seq)).length,
        roomCommits: windowCommits.length,
        arrivalToCommitMs: windowCommits.map(([, ms]) => ms).filter((ms) => ms !== null),
        arrivalToFrameMs: frameAfter.filter(([seq]) => inPhase(seq)).map(([, ms]) => ms),
        rendersByRoom,
        cardsInTree,
      };
    },
  };
})();`;

/**
 * The rooms store: live room snapshots by id. `getRooms` gives the complete list; `roomsChanged` arrives at
 * up to 2 Hz with only the rooms that changed, each as a delta (per leg only the new history points,
 * shared/domain/legs.ts RoomsChange) that is applied to the snapshot held here. A push that does not line up
 * (a missed push, a leg whose earlier points are not held) makes the store re-read the complete list, so what
 * it shows is always what getRooms would answer. That list carries only each leg's latest point: a re-read
 * keeps the held points that reach it without a gap, and re-reads whole the rooms whose detail is open
 * (watchHistory), so their sparklines do not shrink to one point.
 *
 * A room whose fingerprint did not change keeps the very same entry object, so its card's selector returns
 * the same reference and React skips it (no re-render of unchanged rooms). Rooms removed from the
 * configuration disappear on the next complete list (reload after the rooms settings are saved).
 */
import { createStore } from 'zustand/vanilla';
import type { AppApiClient } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/result';
import type { LegHistoryPoint, RoomDelta, RoomSnapshot, RoomsChange } from '../../../shared/domain/legs';
import { applyRoomDelta, mergeRoomHistory } from '../../../shared/domain/room-delta';
import { settle } from './load-state';
import { createPushSequence } from './push-sequence';
import { mergeHistory, roomFingerprint, spliceHistory } from './room-history';

export interface RoomEntry {
  snapshot: RoomSnapshot;
  fingerprint: string;
  /** Per leg id: every point seen during the leg's call (decimated), for the detail charts. */
  callHistory: Record<string, LegHistoryPoint[]>;
}

export type RoomsLoad = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready' };

export interface RoomsState {
  load: RoomsLoad;
  /** Room ids in the core's order. */
  order: string[];
  byId: Record<string, RoomEntry>;
  start(): () => void;
  /** Re-reads the complete list; a call while one is under way joins it. */
  reload(): Promise<void>;
  /** The complete list (getRooms): rooms not in it are removed. */
  applySnapshots(snapshots: RoomSnapshot[]): void;
  /** A pushed change: applied to the held snapshots, or a re-read when it does not line up with them. */
  applyChange(change: RoomsChange): void;
  /**
   * Reads one room's whole leg histories (getRooms carries only the latest points) and adds the older points
   * to what is held, for the room detail. A failed read leaves the room as it was: its charts then start
   * from the points pushes bring.
   */
  loadHistory(roomId: string): Promise<void>;
  /**
   * loadHistory now and again after every re-read of the list, until the returned function is called: an
   * open room detail keeps its sparklines whole when a gap makes the store re-read getRooms (which carries
   * only each leg's latest point, so held points it cannot reach without a gap are dropped).
   */
  watchHistory(roomId: string): () => void;
}

export type RoomsStore = ReturnType<typeof createRoomsStore>;

/** How many rooms are poor now (the navigation's and the window title's count). */
export function poorRoomCount(state: Pick<RoomsState, 'order' | 'byId'>): number {
  let count = 0;
  for (const roomId of state.order) if (state.byId[roomId]?.snapshot.classification === 'poor') count += 1;
  return count;
}

function entryFromSnapshot(previous: RoomEntry | undefined, listed: RoomSnapshot): RoomEntry {
  const fingerprint = roomFingerprint(listed);
  if (previous !== undefined && previous.fingerprint === fingerprint) return previous;
  // The list carries only each leg's latest point: the held points that reach it without a gap stay.
  const snapshot = previous === undefined ? listed : mergeRoomHistory(listed, previous.snapshot);
  const callHistory: Record<string, LegHistoryPoint[]> = {};
  for (const call of snapshot.activeCalls) {
    for (const leg of call.legs) callHistory[leg.id] = mergeHistory(previous?.callHistory[leg.id], leg.history);
  }
  return { snapshot, fingerprint, callHistory };
}

/** The entry after push `seq`; the same object when the room did not change; null when it does not line up. */
function entryFromDelta(previous: RoomEntry | undefined, delta: RoomDelta, seq: number): RoomEntry | null {
  const fingerprint = roomFingerprint(delta);
  // Every leg value derives from its samples, so an equal fingerprint means no new history point either.
  if (previous !== undefined && previous.fingerprint === fingerprint) return previous;
  const snapshot = applyRoomDelta(previous?.snapshot, delta, seq);
  if (snapshot === null) return null;
  const callHistory: Record<string, LegHistoryPoint[]> = {};
  snapshot.activeCalls.forEach((call, callIndex) => {
    call.legs.forEach((leg, legIndex) => {
      const held = previous?.callHistory[leg.id];
      const tail = delta.activeCalls[callIndex]!.legs[legIndex]!.historyTail;
      if (held === undefined) callHistory[leg.id] = mergeHistory(undefined, leg.history);
      else callHistory[leg.id] = tail.length === 0 ? held : mergeHistory(held, tail);
    });
  });
  return { snapshot, fingerprint, callHistory };
}

/**
 * The entry with `full` (one room read whole) put in its histories: its window replaces what is held over the
 * same span (filling a hole a lost push left in the detail's whole-call points), older held points stay.
 */
function entryWithHistory(held: RoomEntry, full: RoomSnapshot): RoomEntry {
  const snapshot = mergeRoomHistory(held.snapshot, full);
  const callHistory = { ...held.callHistory };
  let changed = snapshot !== held.snapshot;
  for (const call of full.activeCalls) {
    for (const leg of call.legs) {
      const heldPoints = held.callHistory[leg.id];
      if (heldPoints === undefined) continue;
      const spliced = spliceHistory(heldPoints, leg.history);
      if (samePoints(spliced, heldPoints)) continue;
      callHistory[leg.id] = spliced;
      changed = true;
    }
  }
  return changed ? { ...held, snapshot, callHistory } : held;
}

function samePoints(a: readonly LegHistoryPoint[], b: readonly LegHistoryPoint[]): boolean {
  return a.length === b.length && a.every((point, index) => point === b[index]);
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export function createRoomsStore(api: AppApiClient) {
  const sequence = createPushSequence();
  let reloading: Promise<void> | undefined;
  /** A re-read that was needed failed: the next push tries again (it may be a while before a gap shows). */
  let reloadOwed = false;
  /** Rooms whose whole history is wanted (an open room detail), with how many watchers each. */
  const watched = new Map<string, number>();

  return createStore<RoomsState>()((set, get) => ({
    load: { status: 'idle' },
    order: [],
    byId: {},

    start() {
      void get().reload();
      return api.on('roomsChanged', (change) => get().applyChange(change));
    },

    reload() {
      if (reloading !== undefined) return reloading;
      const listRead = (async () => {
        if (get().load.status !== 'ready') set({ load: { status: 'loading' } });
        const result = await settle(() => api.getRooms());
        reloadOwed = !result.ok;
        if (result.ok) get().applySnapshots(result.value);
        else if (get().load.status !== 'ready') set({ load: { status: 'error', error: result.error } });
        return result.ok;
      })().finally(() => {
        // Cleared once the list is applied, not after the histories: a gap seen meanwhile needs a new read.
        reloading = undefined;
      });
      reloading = listRead.then(async (read) => {
        if (read) await Promise.all([...watched.keys()].map((roomId) => get().loadHistory(roomId)));
      });
      return reloading;
    },

    applySnapshots(snapshots) {
      sequence.fullList(snapshots);
      const { byId: previous, order: previousOrder } = get();
      const byId: Record<string, RoomEntry> = {};
      let changed = snapshots.length !== previousOrder.length;
      for (const snapshot of snapshots) {
        const entry = entryFromSnapshot(previous[snapshot.roomId], snapshot);
        if (entry !== previous[snapshot.roomId]) changed = true;
        byId[snapshot.roomId] = entry;
      }
      const order = snapshots.map((snapshot) => snapshot.roomId);
      const orderChanged = !sameOrder(order, previousOrder);
      if (!changed && !orderChanged && get().load.status === 'ready') return;
      set({ byId, order: orderChanged ? order : previousOrder, load: { status: 'ready' } });
    },

    applyChange(change) {
      const verdict = sequence.push(change.seq, change.firstSeq);
      if (verdict === 'skip') return;
      const { byId: previous, order } = get();
      let byId = previous;
      const added: string[] = [];
      let linedUp = verdict === 'apply';
      for (const delta of change.rooms) {
        const held = previous[delta.roomId];
        const entry = entryFromDelta(held, delta, change.seq);
        if (entry === null) {
          linedUp = false; // keeps showing what it held until the full list replaces it
          continue;
        }
        if (entry === held) continue;
        if (byId === previous) byId = { ...previous };
        byId[delta.roomId] = entry;
        if (held === undefined) added.push(delta.roomId);
      }
      if (byId !== previous) set(added.length > 0 ? { byId, order: order.concat(added) } : { byId });
      if (!linedUp || reloadOwed) void get().reload();
    },

    async loadHistory(roomId) {
      const result = await settle(() => api.getRoomHistory({ roomId }));
      if (!result.ok) return;
      const held = get().byId[roomId];
      if (held === undefined) return;
      const entry = entryWithHistory(held, result.value);
      if (entry !== held) set({ byId: { ...get().byId, [roomId]: entry } });
    },

    watchHistory(roomId) {
      watched.set(roomId, (watched.get(roomId) ?? 0) + 1);
      void get().loadHistory(roomId);
      let watching = true;
      return () => {
        if (!watching) return;
        watching = false;
        const left = (watched.get(roomId) ?? 1) - 1;
        if (left > 0) watched.set(roomId, left);
        else watched.delete(roomId);
      };
    },
  }));
}

/**
 * The rooms store: live room snapshots by id. `getRooms` gives the complete list; `roomsChanged` arrives at
 * up to 2 Hz with only the rooms that changed (electron/core/legs/publisher.ts), which are upserted. A room
 * whose fingerprint did not change keeps the very same entry object, so its card's selector returns the same
 * reference and React skips it (issue 7: no re-render of unchanged rooms). Rooms removed from the
 * configuration disappear on the next complete list (reload after the rooms settings are saved).
 */
import { createStore } from 'zustand/vanilla';
import type { AppApiClient } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/result';
import type { LegHistoryPoint, RoomSnapshot } from '../../../shared/domain/legs';
import { settle } from './load-state';
import { mergeHistory, roomFingerprint } from './room-history';

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
  reload(): Promise<void>;
  /** `complete`: the list is every room (getRooms), so rooms not in it are removed; else an upsert. */
  applySnapshots(snapshots: RoomSnapshot[], complete: boolean): void;
}

export type RoomsStore = ReturnType<typeof createRoomsStore>;

function nextEntry(previous: RoomEntry | undefined, snapshot: RoomSnapshot): RoomEntry {
  const fingerprint = roomFingerprint(snapshot);
  if (previous !== undefined && previous.fingerprint === fingerprint) return previous;
  const callHistory: Record<string, LegHistoryPoint[]> = {};
  for (const call of snapshot.activeCalls) {
    for (const leg of call.legs) callHistory[leg.id] = mergeHistory(previous?.callHistory[leg.id], leg.history);
  }
  return { snapshot, fingerprint, callHistory };
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export function createRoomsStore(api: AppApiClient) {
  return createStore<RoomsState>()((set, get) => ({
    load: { status: 'idle' },
    order: [],
    byId: {},

    start() {
      void get().reload();
      return api.on('roomsChanged', (snapshots) => get().applySnapshots(snapshots, false));
    },

    async reload() {
      if (get().load.status !== 'ready') set({ load: { status: 'loading' } });
      const result = await settle(() => api.getRooms());
      if (result.ok) get().applySnapshots(result.value, true);
      else if (get().load.status !== 'ready') set({ load: { status: 'error', error: result.error } });
    },

    applySnapshots(snapshots, complete) {
      const { byId: previous, order: previousOrder } = get();
      const byId: Record<string, RoomEntry> = complete ? {} : { ...previous };
      let changed = complete && snapshots.length !== previousOrder.length;
      for (const snapshot of snapshots) {
        const entry = nextEntry(previous[snapshot.roomId], snapshot);
        if (entry !== previous[snapshot.roomId]) changed = true;
        byId[snapshot.roomId] = entry;
      }
      const incoming = snapshots.map((snapshot) => snapshot.roomId);
      const order = complete ? incoming : previousOrder.concat(incoming.filter((id) => previous[id] === undefined));
      const orderChanged = !sameOrder(order, previousOrder);
      if (!changed && !orderChanged && get().load.status === 'ready') return;
      set({ byId, order: orderChanged ? order : previousOrder, load: { status: 'ready' } });
    },
  }));
}

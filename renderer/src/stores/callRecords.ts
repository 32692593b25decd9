/**
 * The call-records store: the recent list (the core caches it and says how available it is: ok, not yet
 * available, expired, missing permission, offline with a stale cache…) and one record's detail.
 * Graph keeps call records 30 days (../shared/reference/graph-api.md §3.3), so the window is at most 720 hours.
 */
import { createStore } from 'zustand/vanilla';
import type { AppApiClient } from '../../../shared/api/contract';
import type { CallRecordDetailView, CallRecordListView } from '../../../shared/api/views';
import { IDLE, LOADING, fromResult, settle, type LoadState } from './load-state';

export const SINCE_HOURS_CHOICES = [24, 72, 168, 720] as const;

export interface CallRecordsState {
  sinceHours: number;
  list: LoadState<CallRecordListView>;
  selectedId: string | undefined;
  detail: LoadState<CallRecordDetailView>;
  start(): () => void;
  load(options?: { refresh?: boolean }): Promise<void>;
  setSinceHours(hours: number): void;
  open(id: string | undefined, options?: { refresh?: boolean }): void;
}

export type CallRecordsStore = ReturnType<typeof createCallRecordsStore>;

export function createCallRecordsStore(api: AppApiClient) {
  let listGeneration = 0;
  let detailGeneration = 0;
  let refreshing: Promise<void> | undefined;
  let changedDuringRefresh = false;

  return createStore<CallRecordsState>()((set, get) => {
    async function loadDetail(id: string, refresh: boolean): Promise<void> {
      const generation = ++detailGeneration;
      const result = await settle(() => api.getCallRecord(refresh ? { id, refresh } : { id }));
      if (generation === detailGeneration && get().selectedId === id) set({ detail: fromResult(result) });
    }

    return {
      sinceHours: 24,
      list: IDLE,
      selectedId: undefined,
      detail: IDLE,

      start() {
        void get().load();
        const off = api.on('callRecordsChanged', ({ ids }) => {
          void get().load();
          const selected = get().selectedId;
          if (selected !== undefined && ids.includes(selected)) void loadDetail(selected, false);
        });
        return off;
      },

      async load(options) {
        const refresh = options?.refresh === true;
        // An explicit Refresh wins: a background load meanwhile (a pushed change) waits for it and reads
        // again after it, so the spinner lasts until Graph's new list is shown and nothing lands silently later.
        if (!refresh && refreshing !== undefined) {
          changedDuringRefresh = true;
          return refreshing;
        }
        const generation = ++listGeneration;
        if (get().list.status !== 'ready' || refresh) set({ list: LOADING });
        const sinceHours = get().sinceHours;
        const work = (async () => {
          const result = await settle(() => api.listCallRecords(refresh ? { sinceHours, refresh: true } : { sinceHours }));
          if (generation === listGeneration) set({ list: fromResult(result) });
        })();
        if (!refresh) return work;
        refreshing = work;
        try {
          await work;
        } finally {
          if (refreshing === work) refreshing = undefined;
        }
        if (changedDuringRefresh) {
          changedDuringRefresh = false;
          await get().load();
        }
      },

      setSinceHours(hours) {
        set({ sinceHours: hours, list: LOADING });
        void get().load();
      },

      open(id, options) {
        set({ selectedId: id, detail: id === undefined ? IDLE : LOADING });
        if (id !== undefined) void loadDetail(id, options?.refresh === true);
      },
    };
  });
}

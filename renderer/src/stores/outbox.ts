/**
 * The outbox store: one filtered list of report summaries (paged by cursor, loaded as the table scrolls, so
 * 100,000 rows never arrive at once), the selected report's detail, and the operator's actions on reports.
 * Counts by state come from the sync status (app store), which the core pushes.
 */
import { createStore } from 'zustand/vanilla';
import type { AppApiClient } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/api/result';
import type { ReportState, ReportDetail, ReportQuery, ReportSummary } from '../../../shared/api/views';
import { IDLE, LOADING, fromResult, settle, type LoadState } from './load-state';

/** Rows per listReports call: the contract's maximum. */
export const PAGE_SIZE = 1000;
/** reportsChanged can arrive many times a second while the worker sends: refresh at most this often. */
const REFRESH_DEBOUNCE_MS = 1000;

export interface OutboxFilter {
  state?: ReportState;
  roomId?: string;
  /** ISO 8601 date-times with offset, as the contract's listReports expects. */
  from?: string;
  to?: string;
}

export type MoreState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: AppError };

export type ReportList =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | {
      status: 'ready';
      items: ReportSummary[];
      nextCursor?: string;
      more: MoreState;
      /** Reports changed after more than one page was loaded: the view offers a refresh instead of jumping. */
      outdated: boolean;
    };

export type ActionKind = 'resubmit' | 'discard' | 'attach';
export type ActionState =
  | { status: 'idle' }
  | { status: 'running'; kind: ActionKind }
  | { status: 'done'; kind: ActionKind; count: number }
  | { status: 'error'; kind: ActionKind; error: AppError };

export type BulkState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; resubmitted: number }
  | { status: 'cancelled'; resubmitted: number }
  | { status: 'error'; resubmitted: number; error: AppError };

export interface OutboxStoreState {
  filter: OutboxFilter;
  list: ReportList;
  selectedId: string | undefined;
  detail: LoadState<ReportDetail>;
  action: ActionState;
  bulk: BulkState;
  start(): () => void;
  setFilter(filter: OutboxFilter): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  select(id: string | undefined): void;
  resubmit(ids: string[]): Promise<Result<{ resubmitted: number }>>;
  discard(ids: string[], reason: string): Promise<Result<{ discarded: number }>>;
  attachContext(ids: string[], callChainId: string, participantId: string): Promise<Result<{ updated: number }>>;
  /** Resubmits every failed report in chunks so the view can show progress; `expectedTotal` from the counts. */
  resubmitAllFailed(expectedTotal: number): Promise<void>;
  cancelBulk(): void;
  clearAction(): void;
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;

function toQuery(filter: OutboxFilter, cursor?: string): ReportQuery {
  const query: ReportQuery = { limit: PAGE_SIZE };
  if (filter.state !== undefined) query.state = filter.state;
  if (filter.roomId !== undefined && filter.roomId !== '') query.roomId = filter.roomId;
  if (filter.from !== undefined) query.from = filter.from;
  if (filter.to !== undefined) query.to = filter.to;
  if (cursor !== undefined) query.cursor = cursor;
  return query;
}

export function createOutboxStore(api: AppApiClient) {
  /** Guards against an older response landing after a newer one (filter changed mid-flight). */
  let listGeneration = 0;
  let detailGeneration = 0;
  let bulkCancelled = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  return createStore<OutboxStoreState>()((set, get) => {
    async function loadDetail(id: string): Promise<void> {
      const generation = ++detailGeneration;
      const result = await settle(() => api.getReport({ id }));
      if (generation === detailGeneration && get().selectedId === id) set({ detail: fromResult(result) });
    }

    async function afterChange(): Promise<void> {
      const selected = get().selectedId;
      await Promise.all([get().reload(), selected !== undefined ? loadDetail(selected) : Promise.resolve()]);
    }

    function onReportsChanged(ids: string[]): void {
      const { selectedId, list } = get();
      if (selectedId !== undefined && ids.includes(selectedId)) void loadDetail(selectedId);
      if (list.status === 'ready' && list.items.length > PAGE_SIZE) {
        set({ list: { ...list, outdated: true } });
        return;
      }
      if (refreshTimer !== undefined) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        void get().reload();
      }, REFRESH_DEBOUNCE_MS);
    }

    return {
      filter: {},
      list: IDLE,
      selectedId: undefined,
      detail: IDLE,
      action: { status: 'idle' },
      bulk: { status: 'idle' },

      start() {
        void get().reload();
        const off = api.on('reportsChanged', ({ ids }) => onReportsChanged(ids));
        return () => {
          off();
          if (refreshTimer !== undefined) clearTimeout(refreshTimer);
          refreshTimer = undefined;
        };
      },

      setFilter(filter) {
        set({ filter });
        void get().reload();
      },

      async reload() {
        const generation = ++listGeneration;
        if (get().list.status !== 'ready') set({ list: LOADING });
        const result = await settle(() => api.listReports(toQuery(get().filter)));
        if (generation !== listGeneration) return;
        set({
          list: result.ok
            ? { status: 'ready', items: result.value.items, nextCursor: result.value.nextCursor, more: IDLE, outdated: false }
            : { status: 'error', error: result.error },
        });
      },

      async loadMore() {
        const list = get().list;
        if (list.status !== 'ready' || list.nextCursor === undefined || list.more.status === 'loading') return;
        const generation = listGeneration;
        set({ list: { ...list, more: LOADING } });
        const result = await settle(() => api.listReports(toQuery(get().filter, list.nextCursor)));
        const current = get().list;
        if (generation !== listGeneration || current.status !== 'ready') return;
        set({
          list: result.ok
            ? { ...current, items: current.items.concat(result.value.items), nextCursor: result.value.nextCursor, more: IDLE }
            : { ...current, more: { status: 'error', error: result.error } },
        });
      },

      select(id) {
        set({ selectedId: id, detail: id === undefined ? IDLE : LOADING, action: { status: 'idle' } });
        if (id !== undefined) void loadDetail(id);
      },

      async resubmit(ids) {
        set({ action: { status: 'running', kind: 'resubmit' } });
        const result = await settle(() => api.resubmitReports({ ids }));
        set({
          action: result.ok
            ? { status: 'done', kind: 'resubmit', count: result.value.resubmitted }
            : { status: 'error', kind: 'resubmit', error: result.error },
        });
        if (result.ok) await afterChange();
        return result;
      },

      async discard(ids, reason) {
        set({ action: { status: 'running', kind: 'discard' } });
        const result = await settle(() => api.discardReports({ ids, reason }));
        set({
          action: result.ok
            ? { status: 'done', kind: 'discard', count: result.value.discarded }
            : { status: 'error', kind: 'discard', error: result.error },
        });
        if (result.ok) await afterChange();
        return result;
      },

      async attachContext(ids, callChainId, participantId) {
        set({ action: { status: 'running', kind: 'attach' } });
        const result = await settle(() => api.attachReportContext({ ids, callChainId, participantId }));
        set({
          action: result.ok
            ? { status: 'done', kind: 'attach', count: result.value.updated }
            : { status: 'error', kind: 'attach', error: result.error },
        });
        if (result.ok) await afterChange();
        return result;
      },

      async resubmitAllFailed(expectedTotal) {
        if (get().bulk.status === 'running') return;
        bulkCancelled = false;
        let done = 0;
        set({ bulk: { status: 'running', done, total: expectedTotal } });
        // Always the first page of what is still failed: resubmitted reports leave the state, so a cursor
        // would skip rows. Stops when nothing is left or a round makes no progress.
        for (;;) {
          if (bulkCancelled) {
            set({ bulk: { status: 'cancelled', resubmitted: done } });
            break;
          }
          const page = await settle(() => api.listReports({ state: 'failed', limit: PAGE_SIZE }));
          if (!page.ok) {
            set({ bulk: { status: 'error', resubmitted: done, error: page.error } });
            break;
          }
          const ids = page.value.items.map((item) => item.id);
          if (ids.length === 0) {
            set({ bulk: { status: 'done', resubmitted: done } });
            break;
          }
          const result = await settle(() => api.resubmitReports({ ids }));
          if (!result.ok) {
            set({ bulk: { status: 'error', resubmitted: done, error: result.error } });
            break;
          }
          done += result.value.resubmitted;
          if (result.value.resubmitted === 0) {
            set({ bulk: { status: 'done', resubmitted: done } });
            break;
          }
          set({ bulk: { status: 'running', done, total: Math.max(expectedTotal, done) } });
        }
        await afterChange();
      },

      cancelBulk() {
        bulkCancelled = true;
      },

      clearAction() {
        set({ action: { status: 'idle' }, bulk: get().bulk.status === 'running' ? get().bulk : { status: 'idle' } });
      },
    };
  });
}

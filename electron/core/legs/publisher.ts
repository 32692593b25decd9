/**
 * Pushes changed rooms to subscribers (the UI over IPC / the web UI over a socket) at most once per
 * interval (default 500 ms: "at most 2× a second per leg", issue 5 §4), and only the rooms that changed
 * since the last push. Changes between pushes coalesce into one snapshot per room. Snapshots are built only
 * when someone listens, so an agent without a UI pays nothing.
 */
import type { RoomSnapshot } from '../../../shared/domain/legs';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a pending push must not keep the agent or a test process alive. */
export const nodeTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export type RoomsListener = (changedRooms: RoomSnapshot[]) => void;

export interface PublisherOptions {
  intervalMs: number;
  now: () => number;
  timers: Timers;
  buildRooms: (roomIds: readonly string[]) => RoomSnapshot[];
  onListenerError?: (error: unknown) => void;
}

export function createPublisher(options: PublisherOptions) {
  const listeners = new Set<RoomsListener>();
  const dirty = new Set<string>();
  let lastPushAtMs = Number.NEGATIVE_INFINITY;
  let timer: unknown;

  const flush = (): void => {
    if (timer !== undefined) options.timers.clearTimeout(timer);
    timer = undefined;
    if (dirty.size === 0) return;
    const roomIds = [...dirty];
    dirty.clear();
    lastPushAtMs = options.now();
    if (listeners.size === 0) return;
    const rooms = options.buildRooms(roomIds);
    if (rooms.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(rooms);
      } catch (error) {
        options.onListenerError?.(error);
      }
    }
  };

  return {
    markDirty(roomId: string): void {
      dirty.add(roomId);
      if (timer !== undefined) return;
      const waitMs = Math.max(0, lastPushAtMs + options.intervalMs - options.now());
      timer = options.timers.setTimeout(flush, waitMs);
    },
    subscribe(listener: RoomsListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** Pushes pending changes now (tests, shutdown). */
    flush,
    close(): void {
      if (timer !== undefined) options.timers.clearTimeout(timer);
      timer = undefined;
      dirty.clear();
      listeners.clear();
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;

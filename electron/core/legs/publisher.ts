/**
 * Pushes changed rooms to subscribers (the UI over IPC / the web UI over a socket) at most once per
 * interval (default 500 ms: "at most 2× a second per leg"), and only the rooms that changed
 * since the last push. Changes between pushes coalesce into one RoomDelta per room. Pushes are numbered
 * (RoomsChange.seq) so a receiver notices one it missed. Deltas are built only when someone listens, so an
 * agent without a UI pays nothing.
 */
import type { RoomDelta, RoomsChange } from '../../../shared/domain/legs';
import type { Timers } from '../timers';

// Defined once in core/timers.ts; re-exported for the tracker's callers.
export { nodeTimers, type Timers } from '../timers';

export type RoomsListener = (change: RoomsChange) => void;

export interface PublisherOptions {
  intervalMs: number;
  now: () => number;
  timers: Timers;
  /** The deltas of these rooms (those that still exist); called once per push, it marks what it carries as pushed. */
  buildRooms: (roomIds: readonly string[]) => RoomDelta[];
  onListenerError?: (error: unknown) => void;
}

export function createPublisher(options: PublisherOptions) {
  const listeners = new Set<RoomsListener>();
  const dirty = new Set<string>();
  let lastPushAtMs = Number.NEGATIVE_INFINITY;
  let timer: unknown;
  let seq = 0; // pushes sent so far

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
    seq += 1;
    const change: RoomsChange = { seq, rooms };
    for (const listener of listeners) {
      try {
        listener(change);
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
    /** The seq of the last push sent (0 before the first): what a snapshot read now already holds. */
    lastSeq(): number {
      return seq;
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

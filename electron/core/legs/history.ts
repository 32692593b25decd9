/**
 * The sparkline of a leg: a fixed-size ring of points, at most one per step (default 5 s, the Cisco Netstat
 * interval, ../shared/reference/devices-and-thresholds.md §3.1), so 120 points cover the last 10 minutes whatever the sample
 * rate. Samples within one step replace that step's point. O(1) per sample, bounded memory.
 *
 * Steps are numbered from the leg's first (0) so a push can carry only what changed since the previous one
 * (`takeChanges`): at 2 pushes per second and one step per 5 s, that is mostly the refreshed newest point
 * instead of the whole ring (shared/domain/legs.ts LegDelta).
 */
import type { LegHistoryPoint } from '../../../shared/domain/legs';

export const DEFAULT_HISTORY_POINTS = 120;
export const DEFAULT_HISTORY_STEP_MS = 5_000;

export interface HistoryChanges {
  /** The step number of points[0]. */
  from: number;
  points: LegHistoryPoint[];
}

export interface HistoryRing {
  add(atMs: number, point: LegHistoryPoint): void;
  /** Oldest first. */
  toArray(): LegHistoryPoint[];
  /** The step number of the oldest point held (0 until the ring is full). */
  start(): number;
  /**
   * The points added or replaced since the previous call (from the first one, oldest first, never older than
   * start()), and forgets them: the next call returns only later changes.
   */
  takeChanges(): HistoryChanges;
}

export function createHistoryRing(capacity = DEFAULT_HISTORY_POINTS, stepMs = DEFAULT_HISTORY_STEP_MS): HistoryRing {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);
  const points: (LegHistoryPoint | undefined)[] = new Array<LegHistoryPoint | undefined>(capacity);
  let next = 0; // index of the slot the next new step goes into
  let size = 0;
  let steps = 0; // steps ever added: the newest point is step steps - 1
  let lastStep = Number.NEGATIVE_INFINITY;
  let changedFrom: number | null = null; // the oldest step changed since takeChanges, if any

  const markChanged = (step: number): void => {
    if (changedFrom === null || step < changedFrom) changedFrom = step;
  };

  /** Points from step `from` (≥ start) to the newest. */
  const pointsFrom = (from: number): LegHistoryPoint[] => {
    const out: LegHistoryPoint[] = [];
    for (let i = from - (steps - size); i < size; i += 1) {
      const point = points[(next - size + i + capacity) % capacity];
      if (point !== undefined) out.push(point);
    }
    return out;
  };

  return {
    add(atMs, point) {
      const step = Math.floor(atMs / stepMs);
      if (size > 0 && step <= lastStep) {
        // Same step (or a late sample): refresh the newest point rather than grow.
        points[(next - 1 + capacity) % capacity] = point;
        markChanged(steps - 1);
        return;
      }
      lastStep = step;
      points[next] = point;
      next = (next + 1) % capacity;
      if (size < capacity) size += 1;
      markChanged(steps);
      steps += 1;
    },
    toArray() {
      return pointsFrom(steps - size);
    },
    start() {
      return steps - size;
    },
    takeChanges() {
      const from = changedFrom === null ? steps : Math.max(changedFrom, steps - size);
      changedFrom = null;
      return { from, points: pointsFrom(from) };
    },
  };
}

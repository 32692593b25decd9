/**
 * The sparkline of a leg: a fixed-size ring of points, at most one per step (default 5 s, the Cisco Netstat
 * interval, devices-and-thresholds.md §3.1), so 120 points cover the last 10 minutes whatever the sample
 * rate. Samples within one step replace that step's point. O(1) per sample, bounded memory.
 */
import type { LegHistoryPoint } from '../../../shared/domain/legs';

export const DEFAULT_HISTORY_POINTS = 120;
export const DEFAULT_HISTORY_STEP_MS = 5_000;

export interface HistoryRing {
  add(atMs: number, point: LegHistoryPoint): void;
  /** Oldest first. */
  toArray(): LegHistoryPoint[];
}

export function createHistoryRing(capacity = DEFAULT_HISTORY_POINTS, stepMs = DEFAULT_HISTORY_STEP_MS): HistoryRing {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);
  const points: (LegHistoryPoint | undefined)[] = new Array<LegHistoryPoint | undefined>(capacity);
  let next = 0; // index of the slot the next new step goes into
  let size = 0;
  let lastStep = Number.NEGATIVE_INFINITY;

  return {
    add(atMs, point) {
      const step = Math.floor(atMs / stepMs);
      if (size > 0 && step <= lastStep) {
        // Same step (or a late sample): refresh the newest point rather than grow.
        points[(next - 1 + capacity) % capacity] = point;
        return;
      }
      lastStep = step;
      points[next] = point;
      next = (next + 1) % capacity;
      if (size < capacity) size += 1;
    },
    toArray() {
      const out: LegHistoryPoint[] = [];
      for (let i = 0; i < size; i += 1) {
        const point = points[(next - size + i + capacity) % capacity];
        if (point !== undefined) out.push(point);
      }
      return out;
    },
  };
}

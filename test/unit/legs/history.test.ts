// The sparkline ring and what a push takes from it (electron/core/legs/history.ts).
import { describe, expect, it } from 'vitest';
import { createHistoryRing } from '../../../electron/core/legs/history';
import type { LegHistoryPoint } from '../../../shared/domain/legs';

const point = (second: number): LegHistoryPoint => ({ at: `t${second}`, lossPercent: second, classification: 'good' });

describe('history ring', () => {
  it('keeps one point per step, the newest sample of each, oldest first', () => {
    const ring = createHistoryRing(3, 5_000);
    for (const second of [0, 2, 4, 5, 9, 10]) ring.add(second * 1_000, point(second));
    expect(ring.toArray().map((p) => p.lossPercent)).toEqual([4, 9, 10]);
    expect(ring.start()).toBe(0);
  });

  it('gives a push only the steps changed since the previous one, never older than the window', () => {
    const ring = createHistoryRing(3, 5_000);
    ring.add(0, point(0));
    ring.add(5_000, point(5));
    expect(ring.takeChanges()).toEqual({ from: 0, points: [point(0), point(5)] });
    expect(ring.takeChanges()).toEqual({ from: 2, points: [] }); // nothing new: from the next step, empty
    ring.add(6_000, point(6)); // refreshes step 1
    ring.add(10_000, point(10)); // step 2
    expect(ring.takeChanges()).toEqual({ from: 1, points: [point(6), point(10)] });
    for (const second of [15, 20, 25, 30]) ring.add(second * 1_000, point(second)); // steps 3–6
    expect(ring.start()).toBe(4);
    // Step 3 changed but fell out of the window of 3: the push starts at the oldest step held.
    expect(ring.takeChanges()).toEqual({ from: 4, points: [point(20), point(25), point(30)] });
  });
});

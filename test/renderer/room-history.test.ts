import { describe, expect, it } from 'vitest';
import type { LegHistoryPoint } from '../../shared/domain/legs';
import { mergeHistory, roomFingerprint, spliceHistory } from '../../renderer/src/stores/room-history';
import { at, leg, room } from './fixtures';

const point = (second: number): LegHistoryPoint => ({ at: at(second), lossPercent: second, classification: 'good' });

describe('mergeHistory', () => {
  it('appends only points newer than the last one kept', () => {
    const merged = mergeHistory([point(0), point(2)], [point(2), point(4), point(6)]);
    expect(merged.map((p) => p.lossPercent)).toEqual([0, 2, 4, 6]);
  });

  it('stays bounded over a long call while keeping its start and its latest points', () => {
    let history: LegHistoryPoint[] = [];
    for (let second = 0; second < 20_000; second += 2) history = mergeHistory(history, [point(second)], 100);
    expect(history.length).toBeLessThanOrEqual(100);
    expect(history[0]!.lossPercent).toBe(0);
    expect(history.at(-1)!.lossPercent).toBe(19_998);
  });
});

describe('spliceHistory', () => {
  it("fills the hole a lost push left, keeps a long call's older points and the pushes newer than the read", () => {
    const held = [point(0), point(10), point(20), point(30), /* 40 lost */ point(50), point(60)];
    const window = [point(20), point(30), point(40), point(50)];
    expect(spliceHistory(held, window).map((p) => p.lossPercent)).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it('takes the window over its span and keeps what is held when the window is empty', () => {
    const refreshes = [point(20), point(21), point(22), point(25)]; // one step's newest point, refreshed
    expect(spliceHistory(refreshes, [point(19), point(25)]).map((p) => p.lossPercent)).toEqual([19, 25]);
    expect(spliceHistory(refreshes, [])).toEqual(refreshes);
  });
});

describe('roomFingerprint', () => {
  it('is equal for the same snapshot and changes with a new sample', () => {
    expect(roomFingerprint(room('a', 'A'))).toBe(roomFingerprint(structuredClone(room('a', 'A'))));
    expect(roomFingerprint(room('a', 'A', { legs: [leg({ roomId: 'a', lastSecond: 99 })] }))).not.toBe(roomFingerprint(room('a', 'A')));
  });
});

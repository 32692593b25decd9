import { describe, expect, it } from 'vitest';
import type { LegHistoryPoint } from '../../shared/domain/legs';
import { mergeHistory, roomFingerprint } from '../../renderer/src/stores/room-history';
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

describe('roomFingerprint', () => {
  it('is equal for the same snapshot and changes with a new sample', () => {
    expect(roomFingerprint(room('a', 'A'))).toBe(roomFingerprint(structuredClone(room('a', 'A'))));
    expect(roomFingerprint(room('a', 'A', { legs: [leg({ roomId: 'a', lastSecond: 99 })] }))).not.toBe(roomFingerprint(room('a', 'A')));
  });
});

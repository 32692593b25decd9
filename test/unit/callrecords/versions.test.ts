/**
 * Following a callRecord's `version`: the cache never goes back to an older version (whatever order the
 * list pages and the reads arrive in), and the follower re-reads young records at twice their age, once
 * more at the end of the 2.5 h window, at once when a list showed a newer version, and never after.
 */
import { describe, expect, it } from 'vitest';
import { MATCH_WINDOW_MS } from '../../../electron/core/callrecords/missing';
import { createVersionFollower, MAX_VERSION_CHECK_MS } from '../../../electron/core/callrecords/versions';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { useTempCache } from './support';

const MINUTE_MS = 60_000;
const END = Date.UTC(2026, 2, 1, 12);
const temp = useTempCache();

function record(version: number, organizer: string, extra: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'Rec-1',
    version,
    type: 'groupCall',
    modalities: ['audio'],
    startDateTime: new Date(END - 30 * MINUTE_MS).toISOString(),
    endDateTime: new Date(END).toISOString(),
    lastModifiedDateTime: new Date(END).toISOString(),
    organizer_v2: { id: 'o', identity: { user: { id: 'o', displayName: organizer } } },
    ...extra,
  };
}

describe('the newest version stays', () => {
  it('a lower version, listed or read whole, never overwrites a higher one', () => {
    expect(temp.cache.storeDetail(record(3, 'Version three'), END + MINUTE_MS)).toBe(true);
    // A list page read before the update, then a read from a lagging replica: both older.
    expect(temp.cache.storeList('', END - 24 * 60 * MINUTE_MS, END + 2 * MINUTE_MS, [record(2, 'Version two')])).toEqual([]);
    expect(temp.cache.storeDetail(record(1, 'Version one'), END + 3 * MINUTE_MS)).toBe(false);
    const kept = temp.cache.record('rec-1');
    expect(kept).toMatchObject({ version: 3, detailVersion: 3, detailFetchedAtMs: END + MINUTE_MS, line: { version: 3, organizerName: 'Version three' } });
    expect(kept?.detail?.organizer_v2?.identity).toMatchObject({ user: { displayName: 'Version three' } });
    expect(temp.cache.list('', END - 24 * 60 * MINUTE_MS).lines).toMatchObject([{ id: 'Rec-1', version: 3, organizerName: 'Version three' }]);
  });

  it('the same version again changes nothing; a higher one replaces the record and is reported', () => {
    temp.cache.storeDetail(record(1, 'First'), END);
    expect(temp.cache.storeDetail(record(1, 'First'), END + MINUTE_MS)).toBe(false);
    expect(temp.cache.storeDetail(record(2, 'Second'), END + 2 * MINUTE_MS)).toBe(true);
    expect(temp.cache.record('rec-1')).toMatchObject({ version: 2, detailVersion: 2, line: { version: 2, organizerName: 'Second' } });
  });

  it('a list that brought a higher version first still reports the detail that follows it', () => {
    temp.cache.storeDetail(record(1, 'First'), END);
    expect(temp.cache.storeList('', END - 60 * MINUTE_MS, END + MINUTE_MS, [record(2, 'Second')])).toEqual(['Rec-1']);
    expect(temp.cache.record('rec-1')).toMatchObject({ version: 2, detailVersion: 1 });
    expect(temp.cache.storeDetail(record(2, 'Second'), END + 2 * MINUTE_MS)).toBe(true);
  });
});

describe('when a young record is read again', () => {
  const FIRST_RETRY_MS = 2 * MINUTE_MS;

  it('at twice its age, at least the first retry and at most every 15 min, last at the end of the window', () => {
    let nowMs = END + 10 * MINUTE_MS;
    const follower = createVersionFollower({ cache: temp.cache, firstRetryMs: FIRST_RETRY_MS, now: () => nowMs });
    temp.cache.storeDetail(record(1, 'First'), nowMs);
    expect(follower.nextDueAtMs()).toBe(END + 20 * MINUTE_MS);
    expect(follower.due(5)).toEqual([]);
    nowMs = END + 20 * MINUTE_MS;
    expect(follower.due(5)).toEqual(['rec-1']);
    temp.cache.storeDetail(record(1, 'First'), nowMs); // read again, nothing new
    expect(follower.nextDueAtMs()).toBe(END + 20 * MINUTE_MS + MAX_VERSION_CHECK_MS);
    // Near the end of the window the last read is at its end; after it, none.
    nowMs = END + MATCH_WINDOW_MS - 5 * MINUTE_MS;
    temp.cache.storeDetail(record(1, 'First'), nowMs);
    expect(follower.nextDueAtMs()).toBe(END + MATCH_WINDOW_MS);
    nowMs = END + MATCH_WINDOW_MS;
    follower.looked('rec-1');
    temp.cache.storeDetail(record(1, 'First'), nowMs);
    expect(follower.nextDueAtMs()).toBeUndefined();
    expect(follower.due(5)).toEqual([]);
  });

  it('a record read just after its call waits the first retry; a failed look counts; a newer listed version is due soon', () => {
    let nowMs = END + 10_000;
    const follower = createVersionFollower({ cache: temp.cache, firstRetryMs: FIRST_RETRY_MS, now: () => nowMs });
    temp.cache.storeDetail(record(1, 'First'), nowMs);
    expect(follower.nextDueAtMs()).toBe(END + 10_000 + FIRST_RETRY_MS);
    nowMs = END + 10_000 + FIRST_RETRY_MS;
    follower.looked('rec-1'); // the read failed: the stored detail is unchanged
    expect(follower.due(5)).toEqual([]);
    expect(follower.nextDueAtMs()).toBe(nowMs + (nowMs - END));
    temp.cache.storeList('', END - 60 * MINUTE_MS, nowMs, [record(2, 'Second')]);
    expect(follower.nextDueAtMs()).toBe(nowMs + FIRST_RETRY_MS);
    nowMs += FIRST_RETRY_MS;
    expect(follower.due(5)).toEqual(['rec-1']);
  });

  it('records past the window or only listed are not read again', () => {
    const nowMs = END + MATCH_WINDOW_MS + MINUTE_MS;
    const follower = createVersionFollower({ cache: temp.cache, firstRetryMs: FIRST_RETRY_MS, now: () => nowMs });
    temp.cache.storeDetail(record(1, 'Old'), END + 60 * MINUTE_MS);
    temp.cache.storeList('', 0, nowMs, [{ ...record(1, 'Listed'), id: 'listed', endDateTime: new Date(nowMs).toISOString() }]);
    expect(follower.due(5)).toEqual([]);
    expect(follower.nextDueAtMs()).toBeUndefined();
  });
});

/**
 * The call-records cache (migration 004) on a real SQLite file: list windows, details, 404 statuses,
 * purge, and the index the record ↔ report correlation relies on.
 */
import { describe, expect, it } from 'vitest';
import { createReportCorrelation } from '../../../electron/core/callrecords/correlation';
import { awaitedStatus, missingStatus, RETENTION_MS, retryDelayMs } from '../../../electron/core/callrecords/missing';
import { createOutbox } from '../../../electron/core/outbox/index';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { completeQuality } from '../outbox/support/quality';
import { useTempCache } from './support';

const HOUR_MS = 3_600_000;
const NOW = Date.UTC(2026, 2, 1, 12);
const temp = useTempCache();

function record(id: string, startMs: number, extra: Partial<CallRecord> = {}): CallRecord {
  return {
    id,
    version: 1,
    type: 'groupCall',
    modalities: ['audio'],
    startDateTime: new Date(startMs).toISOString(),
    endDateTime: new Date(startMs + HOUR_MS / 2).toISOString(),
    lastModifiedDateTime: new Date(startMs + HOUR_MS).toISOString(),
    organizer_v2: { id: 'o', identity: { user: { id: 'o', displayName: 'Olivia' } } },
    ...extra,
  };
}

describe('lists', () => {
  it('a refresh replaces the window it covered, keeps older entries, and reports only new or changed records', () => {
    const a = record('A', NOW - 40 * HOUR_MS);
    const b = record('B', NOW - 10 * HOUR_MS);
    expect(temp.cache.storeList('', NOW - 48 * HOUR_MS, NOW, [a, b])).toEqual(['A', 'B']);
    // A 24-hour refresh no longer finds B, finds C, and sees A's window untouched.
    const c = record('c', NOW - 2 * HOUR_MS);
    expect(temp.cache.storeList('', NOW - 24 * HOUR_MS, NOW + 1, [c])).toEqual(['c']);
    expect(temp.cache.list('', NOW - 48 * HOUR_MS).lines.map((l) => l.id)).toEqual(['c', 'A']);
    expect(temp.cache.list('', NOW - 24 * HOUR_MS)).toMatchObject({ fetchedAtMs: NOW + 1, sinceAtMs: NOW - 24 * HOUR_MS });
    expect(temp.cache.storeList('', NOW - 24 * HOUR_MS, NOW + 2, [c])).toEqual([]);
    expect(temp.cache.storeList('', NOW - 24 * HOUR_MS, NOW + 3, [{ ...c, version: 2 }])).toEqual(['c']);
  });

  it('lists per participant are kept apart from the full list', () => {
    temp.cache.storeList('', NOW - 24 * HOUR_MS, NOW, [record('A', NOW - HOUR_MS), record('B', NOW - HOUR_MS)]);
    temp.cache.storeList('p-1', NOW - 24 * HOUR_MS, NOW, [record('B', NOW - HOUR_MS)]);
    expect(temp.cache.list('p-1', NOW - 24 * HOUR_MS).lines.map((l) => l.id)).toEqual(['B']);
    expect(temp.cache.list('', NOW - 24 * HOUR_MS).lines).toHaveLength(2);
  });
});

describe('details and statuses', () => {
  it('a record read whole names its people and clears a "not yet" status; ids match in any case', () => {
    temp.cache.putStatus(awaitedStatus('abc-1', NOW, 60_000));
    const full = record('ABC-1', NOW - HOUR_MS, {
      sessions: [
        {
          id: 's',
          modalities: ['audio'],
          startDateTime: new Date(NOW - HOUR_MS).toISOString(),
          endDateTime: new Date(NOW).toISOString(),
          caller: { associatedIdentity: { id: 'r', displayName: 'VTC Bldg 30/21' } },
        },
      ],
    });
    expect(temp.cache.storeDetail(full, NOW)).toBe(true);
    expect(temp.cache.status('abc-1')).toBeUndefined();
    expect(temp.cache.record('Abc-1')).toMatchObject({ sessionCount: 1, detailFetchedAtMs: NOW, line: { organizerName: 'Olivia', participantNames: ['Olivia', 'VTC Bldg 30/21'] } });
    expect(temp.cache.storeDetail(full, NOW + 1)).toBe(false);
    // A later list item (no sessions) keeps the names the detail gave.
    temp.cache.storeList('', NOW - 24 * HOUR_MS, NOW + 2, [record('ABC-1', NOW - HOUR_MS)]);
    expect(temp.cache.list('', NOW - 24 * HOUR_MS).lines[0]!.participantNames).toEqual(['Olivia', 'VTC Bldg 30/21']);
  });

  it('due statuses come in order; purge drops old records and old expired statuses only', () => {
    temp.cache.putStatus({ ...awaitedStatus('late', NOW, 60_000), nextCheckAtMs: NOW + 5_000 });
    temp.cache.putStatus({ ...awaitedStatus('soon', NOW, 60_000), nextCheckAtMs: NOW + 1_000 });
    temp.cache.putStatus(missingStatus({ id: 'gone', nowMs: NOW, callEndedAtMs: NOW - RETENTION_MS - 1, firstRetryMs: 60_000 }));
    expect(temp.cache.dueStatuses(NOW + 5_000, 10).map((s) => s.id)).toEqual(['soon', 'late']);
    expect(temp.cache.nextStatusCheckAtMs()).toBe(NOW + 1_000);
    temp.cache.storeList('', 0, NOW, [record('old', NOW - 40 * 24 * HOUR_MS), record('new', NOW - HOUR_MS)]);
    temp.cache.purge(NOW - 35 * 24 * HOUR_MS);
    expect(temp.cache.record('old')).toBeUndefined();
    expect(temp.cache.record('new')).toBeDefined();
    temp.cache.purge(NOW + 1);
    expect(temp.cache.status('gone')).toBeUndefined();
    expect(temp.cache.status('soon')).toBeDefined();
  });
});

describe('404 policy', () => {
  it('not yet within 30 days of the call, re-checked with doubling backoff up to hourly; expired after', () => {
    const first = missingStatus({ id: 'x', nowMs: NOW, callEndedAtMs: NOW - HOUR_MS, firstRetryMs: 60_000 });
    expect(first).toMatchObject({ availability: 'not_available_yet', checkCount: 1, nextCheckAtMs: NOW + 60_000 });
    const second = missingStatus({ id: 'x', nowMs: NOW + 60_000, previous: first, firstRetryMs: 60_000 });
    expect(second).toMatchObject({ checkCount: 2, nextCheckAtMs: NOW + 60_000 + 120_000, referenceAtMs: NOW - HOUR_MS });
    expect(retryDelayMs(60_000, 50)).toBe(3_600_000);
    const expired = missingStatus({ id: 'x', nowMs: NOW - HOUR_MS + RETENTION_MS + 1, previous: second, firstRetryMs: 60_000 });
    expect(expired).toMatchObject({ availability: 'expired' });
    expect(expired.nextCheckAtMs).toBeUndefined();
  });

  it('with nothing known of the call, the 30 days count from the first 404', () => {
    const first = missingStatus({ id: 'y', nowMs: NOW, firstRetryMs: 1_000 });
    expect(first.referenceAtMs).toBe(NOW);
    expect(missingStatus({ id: 'y', nowMs: NOW + RETENTION_MS + 1, previous: first, firstRetryMs: 1_000 }).availability).toBe('expired');
  });
});

describe('correlation', () => {
  it('finds reports by callChainId in any case, through the reports_call_chain index', () => {
    const outbox = createOutbox(temp.db, { now: () => NOW });
    const quality = completeQuality('room');
    const mine = outbox.enqueue({ body: quality, source: 'device' }).id;
    outbox.enqueue({ body: completeQuality('other'), source: 'device' });
    const correlation = createReportCorrelation(outbox);
    expect(correlation.reportIds(quality.callChainId.toUpperCase())).toEqual([mine]);
    expect(correlation.reportIdsByRecord([quality.callChainId.toLowerCase(), 'none'])).toEqual(new Map([[quality.callChainId.toLowerCase(), [mine]]]));
    expect(correlation.reports(quality.callChainId)[0]).toMatchObject({ id: mine, body: quality });
    expect(correlation.callEndedAtMs(quality.callChainId)).toBe(NOW);

    const plan = (sql: string): string =>
      temp.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x').map((row) => (row as { detail: string }).detail).join('; ');
    expect(plan('SELECT id FROM reports WHERE call_chain_id IS NOT NULL AND call_chain_id = ? COLLATE NOCASE')).toMatch(/USING INDEX reports_call_chain/);
    expect(plan('SELECT id FROM reports WHERE call_chain_id IS NOT NULL AND call_chain_id COLLATE NOCASE IN (SELECT value FROM json_each(?))')).toMatch(
      /USING INDEX reports_call_chain/,
    );
  });
});

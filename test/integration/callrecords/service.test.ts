/**
 * The call-records service against the emulator: a list over several pages, a record
 * with 150 sessions read whole, 404 then success later, an expired record, a missing permission, 429 in the
 * middle of a list (resumed after Retry-After), the cache serving the list when the network is down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/api/failure';
import { isRetained } from '../../../electron/sim/emulator/index';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { startCallRecordsRig, type CallRecordsRig } from './support';

const DAY_MS = 86_400_000;
const MONTH_HOURS = 720;

let rig: CallRecordsRig;
afterEach(async () => rig.close());

const retainedNow = (): CallRecord[] => rig.emulator.callRecords().filter((r) => isRetained(r, Date.now() + rig.skewMs));
const withSessions = (count: number): CallRecord => rig.emulator.callRecords().find((r) => r.sessions?.length === count)!;

function seedRecord(id: string, startMs: number, extra: Partial<CallRecord> = {}): CallRecord {
  return {
    id,
    version: 1,
    type: 'peerToPeer',
    modalities: ['audio'],
    startDateTime: new Date(startMs).toISOString(),
    endDateTime: new Date(startMs + 600_000).toISOString(),
    lastModifiedDateTime: new Date(startMs + 660_000).toISOString(),
    sessions: [],
    ...extra,
  };
}

describe('list', () => {
  it('reads every page of a 30-day window into the cache, newest first, and serves repeats from the cache', async () => {
    rig = await startCallRecordsRig();
    const expected = retainedNow();
    expect(expected.length).toBeGreaterThan(120); // 3 pages of at most 60

    const listedFromMs = Date.now();
    const view = await rig.service.list({ sinceHours: MONTH_HOURS });
    const listedToMs = Date.now();
    expect(view).toMatchObject({ availability: 'ok', stale: false });
    expect(view.items.map((i) => i.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(rig.requests('callRecords.list')).toBe(Math.ceil(expected.length / 60));
    const starts = view.items.map((i) => Date.parse(i.startDateTime));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(view.items.every((i) => i.organizerName !== undefined && i.reportIds.length === 0)).toBe(true);
    // Stamped during this very call (bracketed by the clock around it, not by a guessed bound).
    expect(Date.parse(view.fetchedAt!)).toBeGreaterThanOrEqual(Math.floor(listedFromMs / 1000) * 1000);
    expect(Date.parse(view.fetchedAt!)).toBeLessThanOrEqual(listedToMs);

    // The UI re-lists on every change event: that must not reach Graph while the cache is fresh.
    const again = await rig.service.list({ sinceHours: MONTH_HOURS });
    expect(again.items).toHaveLength(view.items.length);
    expect(rig.requests('callRecords.list')).toBe(Math.ceil(expected.length / 60));
  });

  it('defaults to the last 24 hours and refuses more than 30 days, naming the field', async () => {
    rig = await startCallRecordsRig();
    const now = Date.now();
    rig.emulator.seedCallRecords([seedRecord('11111111-0000-4000-8000-000000000001', now - 3 * 3_600_000), seedRecord('11111111-0000-4000-8000-000000000002', now - 30 * 3_600_000)]);
    const view = await rig.service.list({});
    const expected = retainedNow().filter((r) => Date.parse(r.startDateTime) >= now - DAY_MS);
    expect(view.items.map((i) => i.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(view.items.map((i) => i.id)).toContain('11111111-0000-4000-8000-000000000001');
    expect(view.items.map((i) => i.id)).not.toContain('11111111-0000-4000-8000-000000000002');

    const refused = await rig.service.list({ sinceHours: MONTH_HOURS + 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppFailure);
    expect(refused).toMatchObject({ code: 'invalid_input', details: [{ path: 'sinceHours' }] });
    expect((refused as Error).message).toMatch(/at most 720 hours/);
  });

  it('names people from organizer_v2, participants_v2 and associatedIdentity, never from the deprecated fields', async () => {
    rig = await startCallRecordsRig();
    const id = '22222222-0000-4000-8000-000000000002';
    rig.emulator.seedCallRecords([
      seedRecord(id, Date.now() - 3_600_000, {
        organizer: { user: { id: 'old', displayName: 'Deprecated Organizer' } },
        participants: [{ user: { id: 'old', displayName: 'Deprecated Participant' } }],
        organizer_v2: { id: 'o1', identity: { user: { id: 'o1', displayName: 'Olivia Organizer' } } },
        participants_v2: [{ id: 'p1', identity: { guest: { id: 'p1', displayName: 'Gus Guest' } } }],
        sessions: [
          {
            id: 's1',
            modalities: ['audio'],
            startDateTime: new Date(Date.now() - 3_600_000).toISOString(),
            endDateTime: new Date(Date.now() - 3_000_000).toISOString(),
            caller: { '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', associatedIdentity: { id: 'r1', displayName: 'VTC Bldg 30/21' }, identity: { user: { displayName: 'Deprecated Endpoint' } } },
            callee: { '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', associatedIdentity: { id: 'p1', displayName: 'Gus Guest' } },
          },
        ],
      }),
    ]);
    const listed = (await rig.service.list({})).items.find((i) => i.id === id)!;
    // A listed record has no participants_v2 and no sessions (../shared/reference/graph-api.md §3.2): the organizer only.
    expect(listed).toMatchObject({ organizerName: 'Olivia Organizer', participantNames: ['Olivia Organizer'] });
    await rig.service.get({ id });
    const afterDetail = (await rig.service.list({ refresh: true })).items.find((i) => i.id === id)!;
    expect(afterDetail.organizerName).toBe('Olivia Organizer');
    // participants_v2 (read with the record) first, then the sessions' endpoints.
    expect(afterDetail.participantNames).toEqual(['Olivia Organizer', 'Gus Guest', 'VTC Bldg 30/21']);
    expect(JSON.stringify(afterDetail)).not.toContain('Deprecated');
  });

  it('429 on page 2 with Retry-After 1 s: waits, resumes at page 2 (page 1 not read again), returns the whole list', async () => {
    rig = await startCallRecordsRig();
    const expected = retainedNow();
    rig.emulator.injectFaults({ route: 'callRecords.list', status: 429, retryAfter: 1, after: 1 });
    const startedAt = Date.now();
    const view = await rig.service.list({ sinceHours: MONTH_HOURS });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(view).toMatchObject({ availability: 'ok', stale: false });
    expect(new Set(view.items.map((i) => i.id)).size).toBe(expected.length);
    expect(rig.requests('callRecords.list')).toBe(Math.ceil(expected.length / 60) + 1);
  });

  it('429 with a long Retry-After: the cache is served, Graph is not asked before it, then the list resumes where it stopped', async () => {
    rig = await startCallRecordsRig();
    const expected = retainedNow();
    const pages = Math.ceil(expected.length / 60);
    await rig.service.list({ sinceHours: MONTH_HOURS });
    rig.emulator.injectFaults({ route: 'callRecords.list', status: 429, retryAfter: 120, after: 1 });
    const throttled = await rig.service.list({ sinceHours: MONTH_HOURS, refresh: true });
    expect(throttled).toMatchObject({ availability: 'offline', stale: true });
    expect(throttled.message).toMatch(/slow down \(HTTP 429\); retry after 120 s/);
    expect(throttled.items).toHaveLength(expected.length);
    expect(rig.requests('callRecords.list')).toBe(pages + 2);

    const stillWaiting = await rig.service.list({ sinceHours: MONTH_HOURS, refresh: true });
    expect(stillWaiting.availability).toBe('offline');
    expect(rig.requests('callRecords.list')).toBe(pages + 2); // Retry-After honoured: no request

    rig.skewMs = 121_000;
    const resumed = await rig.service.list({ sinceHours: MONTH_HOURS, refresh: true });
    expect(resumed).toMatchObject({ availability: 'ok', stale: false });
    expect(resumed.items).toHaveLength(expected.length);
    expect(rig.requests('callRecords.list')).toBe(pages + 2 + (pages - 1)); // from page 2 on, not from page 1
  });

  it('network down: the cached list, marked stale with the time it was fetched', async () => {
    rig = await startCallRecordsRig();
    const fresh = await rig.service.list({ sinceHours: MONTH_HOURS });
    await rig.emulator.close();
    const offline = await rig.service.list({ sinceHours: MONTH_HOURS, refresh: true });
    expect(offline).toMatchObject({ availability: 'offline', stale: true, fetchedAt: fresh.fetchedAt });
    expect(offline.message).toMatch(/could not be read/);
    expect(offline.items.map((i) => i.id)).toEqual(fresh.items.map((i) => i.id));
    const detail = await rig.service.get({ id: fresh.items[0]!.id });
    expect(detail).toMatchObject({ availability: 'offline', stale: false });
    expect(detail.record).toBeUndefined();
  });
});

describe('details', () => {
  it('reads a record with 150 sessions whole (60 + 60 + 30) and keeps it', async () => {
    rig = await startCallRecordsRig();
    const big = withSessions(150);
    const view = await rig.service.get({ id: big.id });
    expect(view).toMatchObject({ availability: 'ok', stale: false, sessionCount: 150, reports: [] });
    const sessions = (view.record as CallRecord).sessions!;
    expect(new Set(sessions.map((s) => s.id)).size).toBe(150);
    expect(sessions.every((s) => (s.segments?.length ?? 0) > 0)).toBe(true);
    expect(rig.requests('callRecords.get')).toBe(1);
    expect(rig.requests('callRecords.sessions')).toBe(2);

    const cached = await rig.service.get({ id: big.id.toUpperCase() });
    expect(cached.sessionCount).toBe(150);
    expect(rig.requests('callRecords.get')).toBe(1);
    expect(rig.service.callRecordFor(big.id)).toMatchObject({ availability: 'ok', startDateTime: big.startDateTime });
  });

  it('404 shortly after the call: not available yet, not asked again before its re-check, found later on schedule', async () => {
    rig = await startCallRecordsRig({ service: { notYetRetryMs: 120_000 } });
    const id = '33333333-0000-4000-8000-000000000003';
    const first = await rig.service.get({ id });
    expect(first).toMatchObject({ availability: 'not_available_yet', stale: false });
    expect(first.message).toMatch(/after the call ends/);
    expect(rig.service.callRecordFor(id).availability).toBe('not_available_yet');
    expect((await rig.service.get({ id })).availability).toBe('not_available_yet');
    expect(rig.requests('callRecords.get')).toBe(1);

    // Teams publishes the record; two minutes later the schedule looks again.
    rig.emulator.seedCallRecords([seedRecord(id, Date.now() - 1_200_000)]);
    rig.skewMs = 121_000;
    rig.service.start();
    await rig.changeOf(id);
    const later = await rig.service.get({ id });
    expect(later).toMatchObject({ availability: 'ok', sessionCount: 0 });
    expect((later.record as CallRecord).id).toBe(id);
    expect(rig.service.callRecordFor(id).availability).toBe('ok');
  });

  it('404 more than 30 days after the call: expired, the cached copy still shown, not asked again', async () => {
    rig = await startCallRecordsRig({ shareClock: true });
    const old = rig.emulator.callRecords().find((r) => !isRetained(r, Date.now()))!;
    const ageMs = Date.now() - Date.parse(old.lastModifiedDateTime);
    rig.skewMs = -(ageMs - 29 * DAY_MS); // back to when it was 29 days old
    expect((await rig.service.get({ id: old.id })).availability).toBe('ok');

    rig.skewMs = 0; // today: 31 days old, Graph answers 404
    const expired = await rig.service.get({ id: old.id, refresh: true });
    expect(expired).toMatchObject({ availability: 'expired', stale: true });
    expect(expired.message).toMatch(/30 days/);
    expect((expired.record as CallRecord).id).toBe(old.id);
    const gets = rig.requests('callRecords.get');
    expect((await rig.service.get({ id: old.id })).availability).toBe('expired');
    expect(rig.requests('callRecords.get')).toBe(gets);
    expect(rig.service.callRecordFor(old.id).availability).toBe('expired');
  });

  it('404 for a call whose report is over 30 days old: expired, even never seen before', async () => {
    rig = await startCallRecordsRig();
    const old = rig.emulator.callRecords().find((r) => !isRetained(r, Date.now()))!;
    const outboxThen = (await import('../../../electron/core/outbox/index')).createOutbox(rig.db, { now: () => Date.now() - 31 * DAY_MS });
    const { completeQuality } = await import('../../unit/outbox/support/quality');
    const report = outboxThen.enqueue({ body: { ...completeQuality('old room'), callChainId: old.id }, source: 'device' });
    const view = await rig.service.get({ id: old.id });
    expect(view.availability).toBe('expired');
    expect(view.record).toBeUndefined();
    expect(view.reports.map((r) => r.id)).toEqual([report.id]);
  });
});

describe('permission', () => {
  it('missing CallRecords.Read.All: a clear state, no retry loop, and it clears after consent and a refresh', async () => {
    rig = await startCallRecordsRig();
    rig.emulator.setGrantedRoles(['Calls.AccessMedia.All']);
    const denied = await rig.service.list({});
    expect(denied).toMatchObject({ availability: 'missing_permission', message: 'admin consent needed for CallRecords.Read.All', items: [] });
    const asked = rig.requests('callRecords.list');
    for (let i = 0; i < 5; i++) expect((await rig.service.list({})).availability).toBe('missing_permission');
    expect((await rig.service.get({ id: withSessions(150).id })).availability).toBe('missing_permission');
    expect(rig.requests('callRecords.list')).toBe(asked);
    expect(rig.requests('callRecords.get')).toBe(0);

    rig.emulator.setGrantedRoles(['Calls.AccessMedia.All', 'CallRecords.Read.All']);
    // A refresh re-checks with a new token: the cached one was issued before the consent.
    const granted = await rig.service.list({ refresh: true });
    expect(granted).toMatchObject({ availability: 'ok', stale: false });
  });

  it('China: unavailable in that cloud, without a request', async () => {
    rig = await startCallRecordsRig({ service: { cloud: 'china' } });
    const view = await rig.service.list({});
    expect(view).toMatchObject({ availability: 'unavailable_in_cloud', items: [] });
    expect(view.message).toMatch(/China/);
    expect((await rig.service.get({ id: withSessions(150).id })).availability).toBe('unavailable_in_cloud');
    expect(rig.requests('callRecords.list') + rig.requests('callRecords.get')).toBe(0);
  });

  it('not configured: says so', async () => {
    rig = await startCallRecordsRig({ service: { getApi: () => undefined } });
    expect(await rig.service.list({})).toMatchObject({ availability: 'not_configured', items: [], stale: false });
  });
});

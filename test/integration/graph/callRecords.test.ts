/**
 * callRecords through the real client against the emulator's generated records: paging of the list and of
 * sessions (60 per page), filters, $select, retention (404 after 30 days), permission, throttling mid-way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRetained, startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import { GraphPagingError, type GraphClient } from '../../../electron/core/graph/client';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { clientFor, graphFailure, secretProvider } from './support';

let emulator: EmulatorHandle;
let client: GraphClient;
let retained: CallRecord[];

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11 });
  client = clientFor(emulator, secretProvider(emulator));
  retained = emulator.callRecords().filter((record) => isRetained(record, Date.now()));
});
afterAll(() => emulator.close());
afterEach(() => emulator.reset());

const DAY_MS = 86_400_000;
const withSessions = (count: number) => emulator.callRecords().find((record) => record.sessions?.length === count)!;

describe('list', () => {
  it('reads over 130 records across pages of 60, each once, none older than 30 days', async () => {
    expect(retained.length).toBeGreaterThan(130);
    const records = await client.listCallRecords();
    expect(records).toHaveLength(retained.length);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(emulator.stats().requests['callRecords.list']).toBe(Math.ceil(retained.length / 60));
    // Listed records carry no expandable relationships (../shared/reference/graph-api.md §3.2).
    expect(records.every((r) => r.sessions === undefined && r.participants_v2 === undefined && r.organizer_v2)).toBe(true);
  });

  it('pages honour Prefer: odata.maxpagesize, and the iterator yields page by page', async () => {
    const sizes: number[] = [];
    for await (const page of client.iterateCallRecordPages({ maxPageSize: 25 })) sizes.push(page.records.length);
    expect(sizes.slice(0, -1).every((size) => size === 25)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(retained.length);
    const capped: number[] = [];
    for await (const page of client.iterateCallRecordPages({ maxPageSize: 500 })) capped.push(page.records.length);
    expect(capped[0]).toBe(60);
  });

  it('filters on startDateTime (ge / lt) and on a participant', async () => {
    const since = new Date(Date.now() - 10 * DAY_MS);
    const until = new Date(Date.now() - 3 * DAY_MS);
    const window = await client.listCallRecords({ since, until });
    const expected = retained.filter((r) => Date.parse(r.startDateTime) >= since.getTime() && Date.parse(r.startDateTime) < until.getTime());
    expect(window.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(window.length).toBeGreaterThan(0);

    const participantId = retained[0]!.participants_v2![0]!.id;
    const theirs = await client.listCallRecords({ participantId, since });
    const expectedTheirs = retained.filter(
      (r) => Date.parse(r.startDateTime) >= since.getTime() && r.participants_v2!.some((p) => p.id === participantId),
    );
    expect(theirs.map((r) => r.id).sort()).toEqual(expectedTheirs.map((r) => r.id).sort());
  });

  it('$select returns only the chosen properties', async () => {
    const [first] = await client.listCallRecords({ select: ['id', 'startDateTime'], maxPageSize: 1, since: new Date(Date.now() - DAY_MS * 3) });
    expect(Object.keys(first!).sort()).toEqual(['id', 'startDateTime']);
  });

  it('a 429 on page 2 surfaces Retry-After and a resumeFrom link; resuming completes the list', async () => {
    emulator.injectFaults({ route: 'callRecords.list', status: 429, retryAfter: 2, after: 1 });
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const page of client.iterateCallRecordPages()) seen.push(...page.records.map((r) => r.id));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(GraphPagingError);
    const paging = failure as GraphPagingError;
    expect(paging).toMatchObject({ status: 429, retryAfterMs: 2000, retryable: true });
    expect(seen).toHaveLength(60);
    const rest = await client.listCallRecords({ resumeFrom: paging.resumeFrom });
    expect(new Set([...seen, ...rest.map((r) => r.id)]).size).toBe(retained.length);
  });
});

describe('get', () => {
  it('reads a callRecord with 150 sessions whole: 3 pages (60 + 60 + 30)', async () => {
    const big = withSessions(150);
    const record = await client.getCallRecord(big.id, { expandSessions: true });
    expect(record.sessions).toHaveLength(150);
    expect(new Set(record.sessions!.map((s) => s.id)).size).toBe(150);
    expect(record.sessions!.every((s) => (s.segments?.length ?? 0) > 0)).toBe(true);
    expect(record['sessions@odata.nextLink']).toBeUndefined();
    expect(emulator.stats().requests).toMatchObject({ 'callRecords.get': 1, 'callRecords.sessions': 2 });
    // Units of §2.2: jitter as ISO duration, packet loss as a fraction.
    const stream = record.sessions![0]!.segments![0]!.media![0]!.streams![0]!;
    expect(stream.averageJitter).toMatch(/^PT\d+(\.\d+)?S$/);
    expect(stream.averagePacketLossRate).toBeLessThanOrEqual(1);
  });

  it('a 61-session record needs exactly one more page; without expand there are no sessions', async () => {
    const record = await client.getCallRecord(withSessions(61).id, { expandSessions: true });
    expect(record.sessions).toHaveLength(61);
    const plain = await client.getCallRecord(withSessions(61).id);
    expect(plain.sessions).toBeUndefined();
    expect(plain.organizer_v2).toBeDefined();
  });

  it('$select on get', async () => {
    const record = await client.getCallRecord(withSessions(150).id, { select: ['id', 'type', 'modalities'] });
    expect(Object.keys(record).filter((key) => !key.startsWith('@odata')).sort()).toEqual(['id', 'modalities', 'type']);
  });

  it('listSessions pages through all 150 sessions with segments', async () => {
    const sessions = await client.listSessions(withSessions(150).id);
    expect(sessions).toHaveLength(150);
    expect(sessions[149]!.segments!.length).toBeGreaterThan(0);
    expect(emulator.stats().requests['callRecords.sessions']).toBe(3);
  });

  it('404 for a 31-day-old record and for an unknown id', async () => {
    const old = emulator.callRecords().find((r) => Math.round((Date.now() - Date.parse(r.startDateTime)) / DAY_MS) === 31 && !isRetained(r, Date.now()));
    expect(old).toBeDefined();
    const expired = await graphFailure(client.getCallRecord(old!.id));
    expect(expired).toMatchObject({ kind: 'http', status: 404, code: 'NotFound', retryable: false });
    const unknown = await graphFailure(client.getCallRecord('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
  });
});

describe('permission and seeding', () => {
  it('403 without CallRecords.Read.All names the missing permission', async () => {
    const app = emulator.registerApp({ roles: ['Calls.AccessMedia.All'] });
    const limited = clientFor(emulator, secretProvider(emulator, { clientId: app.clientId, secret: app.clientSecret }));
    const error = await graphFailure(limited.listCallRecords());
    expect(error).toMatchObject({ status: 403, missingPermission: 'CallRecords.Read.All' });
    expect(error.message).toContain('missing permission CallRecords.Read.All');
  });

  it('records seeded through the control API are listed and readable', async () => {
    const now = Date.now();
    const seeded = {
      id: 'a1b2c3d4-0000-4000-8000-00000000abcd',
      version: 1,
      type: 'peerToPeer',
      modalities: ['audio'],
      startDateTime: new Date(now - 3600_000).toISOString(),
      endDateTime: new Date(now - 3000_000).toISOString(),
      lastModifiedDateTime: new Date(now - 2900_000).toISOString(),
      participants_v2: [{ id: 'room-guid' }],
      sessions: [],
    };
    const response = await fetch(`${emulator.url}/_emulator/call-records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records: [seeded] }),
    });
    expect(response.status).toBe(200);
    const mine = await client.listCallRecords({ participantId: 'room-guid' });
    expect(mine.map((r) => r.id)).toEqual([seeded.id]);
    expect((await client.getCallRecord(seeded.id, { expandSessions: true })).sessions).toEqual([]);
  });

  it('refuses an unsupported $filter with 400 naming what is supported', async () => {
    const token = await emulator.issueAccessToken();
    const response = await fetch(`${emulator.url}/v1.0/communications/callRecords?$filter=${encodeURIComponent("type eq 'groupCall'")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('only startDateTime');
  });
});

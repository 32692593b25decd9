// Property: no body crashes the ingest server or is half-stored. Every 202 has exactly one new outbox row
// holding exactly the body sent; every other answer is a JSON error and stored nothing in the outbox.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBody } from './fixtures';
import { startHarness, type Harness } from './harness';

const RUNS = 1_000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Json = Record<string, unknown>;

/** Every path to a value inside the seed body, e.g. ['quality', 'mediaQualityList', 0, 'localPort']. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}
const SEED_PATHS = pathsOf(seedBody()).filter((path) => path.length > 0);

/** Values that are sometimes valid for a field (to reach 202 often) and sometimes hostile. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constant(null),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: -1, max: 70_000 }),
  fc.constantFrom('PT0.5S', 'PT1M', 'P1D', 'PT-1S', '', '10.0.0.1', '::1', '#microsoft.graph.teleconferenceDeviceVideoQuality'),
  fc.uuid(),
);

const mutation = fc.record({
  path: fc.constantFrom(...SEED_PATHS),
  op: fc.constantFrom('delete', 'replace', 'replace', 'add'),
  value: fieldValue,
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('roomId', 'deviceId', '__proto__', 'constructor', 'extra')),
});

interface Mutation {
  path: (string | number)[];
  op: string;
  value: unknown;
  key: string;
}

function mutate(body: Json, mutations: Mutation[]): Json {
  for (const { path, op, value, key } of mutations) {
    let parent: unknown = body;
    for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[segment];
    if (parent === null || typeof parent !== 'object') continue;
    const target = parent as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (op === 'delete') delete target[last];
    else if (op === 'replace') target[last] = value;
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return body;
}

const seedMutations = fc
  .record({ mutations: fc.array(mutation, { maxLength: 3 }), dropIds: fc.boolean(), roomId: fc.option(fc.oneof(fc.constant('room-1'), fc.string({ maxLength: 70 })), { nil: undefined }) })
  .map(({ mutations, dropIds, roomId }) => {
    const body = seedBody() as unknown as Json;
    const quality = body.quality as Json;
    if (dropIds) for (const id of ['callChainId', 'participantId', 'mediaLegId']) delete quality[id];
    if (roomId !== undefined) body.roomId = roomId;
    return JSON.stringify(mutate(body, mutations));
  });

const anyBody = fc.oneof(
  fc.json(),
  fc.anything().map((value) => JSON.stringify(value) ?? ''),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  seedMutations.chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))),
);

interface Tally {
  accepted: number;
  refused: number;
}

async function checkOne(body: string | Buffer, tally: Tally): Promise<void> {
  const before = h.reportCount();
  const reply = await h.send({ path: '/api/v1/reports', body });
  const after = h.reportCount();
  if (reply.status === 202) {
    tally.accepted++;
    expect(after).toBe(before + 1);
    const { id, state } = reply.json as { id: string; state: string };
    const row = h.db.prepare('SELECT state, body_json, room_id, device_id FROM reports WHERE id = ?').get(id) as { state: string; body_json: string; room_id: string | null; device_id: string | null };
    const sent = JSON.parse(body.toString()) as Json & { quality: Json };
    const stored = JSON.parse(row.body_json) as Json;
    // The outbox assigns mediaLegId (ours to assign, ../shared/design/architecture.md "Identifiers") when the sender gave none.
    const expected = { ...sent.quality, mediaLegId: sent.quality.mediaLegId ?? stored.mediaLegId };
    expect(stored).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(stored.mediaLegId).toMatch(GUID);
    expect(row.state).toBe(state);
    expect(row.room_id).toBe(sent.roomId ?? null);
    expect(row.device_id).toBe(sent.deviceId ?? null);
  } else if (reply.status === 200 || reply.status === 409) {
    // The mediaLegId was posted before: the same body answers with the stored report, another one is refused.
    expect(after).toBe(before);
    if (reply.status === 200) expect(h.db.prepare('SELECT count(*) FROM reports WHERE id = ?').pluck().get((reply.json as { id: string }).id)).toBe(1);
  } else {
    tally.refused++;
    expect([400, 413]).toContain(reply.status);
    expect(after).toBe(before);
    expect(reply.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) } });
  }
}

describe('ingest property', () => {
  it(`no arbitrary body crashes the server or is half-stored (${RUNS} runs)`, async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(anyBody, (body) => checkOne(body, tally)), { numRuns: RUNS });
    expect(tally.refused).toBeGreaterThan(RUNS / 2);
    expect((await h.send({ method: 'GET', path: '/api/v1/health' })).status).toBe(200);
  });

  it(`no mutation of the seed body crashes the server or is half-stored (${RUNS} runs)`, async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(seedMutations, (body) => checkOne(body, tally)), { numRuns: RUNS });
    // Both branches must really be exercised for the property to mean anything.
    expect(tally.accepted).toBeGreaterThan(RUNS / 10);
    expect(tally.refused).toBeGreaterThan(RUNS / 10);
    expect((await h.send({ method: 'GET', path: '/api/v1/health' })).status).toBe(200);
  });
});

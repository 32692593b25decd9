// The ingest API end to end over real HTTP on 127.0.0.1: happy paths, then a table of hostile requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseBody } from '../../../electron/core/ingest/errors';
import { draftBody, sample, seedBody } from './fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const json = (value: unknown): string => JSON.stringify(value);

describe('POST /api/v1/reports', () => {
  it('answers 202 only after the report is committed: the row exists when the response arrives', async () => {
    let rowsAtResponse = -1;
    const before = h.reportCount();
    const reply = await h.send({ path: '/api/v1/reports', body: json(seedBody()), onResponse: () => (rowsAtResponse = h.reportCount()) });
    expect(reply.status).toBe(202);
    expect(rowsAtResponse).toBe(before + 1);
    const { id, state } = reply.json as { id: string; state: string };
    expect(state).toBe('pending');
    const row = h.db.prepare('SELECT state, source, body_json FROM reports WHERE id = ?').get(id) as { state: string; source: string; body_json: string };
    expect(row).toMatchObject({ state: 'pending', source: 'ingest' });
    expect(JSON.parse(row.body_json)).toEqual(seedBody().quality);
  });

  it('keeps a report without Teams ids as needs_context, with its roomId and deviceId', async () => {
    const reply = await h.send({ path: '/api/v1/reports', body: json({ ...draftBody(), roomId: 'room-1', deviceId: 'sx80-1' }) });
    expect(reply.status).toBe(202);
    const { id, state } = reply.json as { id: string; state: string };
    expect(state).toBe('needs_context');
    expect(h.db.prepare('SELECT room_id, device_id FROM reports WHERE id = ?').get(id)).toEqual({ room_id: 'room-1', device_id: 'sx80-1' });
  });

  it('accepts a charset parameter and a chunked body', async () => {
    const body = seedBody();
    body.quality.mediaLegId = 'c0ffee00-0000-4000-8000-00000000c4a5';
    const reply = await h.send({ path: '/api/v1/reports', body: json(body), headers: { 'content-type': 'application/json; charset=utf-8', 'transfer-encoding': 'chunked' } });
    expect(reply.status).toBe(202);
  });
});

describe('POST /api/v1/samples and /api/v1/call-context', () => {
  it('accepts one sample, an array, or { samples }', async () => {
    const before = h.samples.length;
    expect((await h.send({ path: '/api/v1/samples', body: json(sample()) })).json).toEqual({ accepted: 1, dropped: 0, drops: [] });
    expect((await h.send({ path: '/api/v1/samples', body: json([sample(), sample({ direction: 'outbound' })]) })).json).toEqual({ accepted: 2, dropped: 0, drops: [] });
    const wrapped = await h.send({ path: '/api/v1/samples', body: json({ samples: [sample({ modality: 'video', frameRate: 30 })] }) });
    expect([wrapped.status, wrapped.json]).toEqual([202, { accepted: 1, dropped: 0, drops: [] }]);
    expect(h.samples.length).toBe(before + 4);
    expect(h.samples.at(-1)).toMatchObject({ modality: 'video', frameRate: 30 });
  });

  it('attaches a call context to a waiting report: it becomes pending', async () => {
    const posted = await h.send({ path: '/api/v1/reports', body: json({ ...draftBody(), deviceId: 'codec-ctx' }) });
    const { id } = posted.json as { id: string };
    const context = { deviceId: 'codec-ctx', at: new Date().toISOString(), callChainId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce', participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6' };
    const reply = await h.send({ path: '/api/v1/call-context', body: json(context) });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ matchedLegs: 0, matchedReports: 1 });
    expect(h.db.prepare('SELECT state FROM reports WHERE id = ?').pluck().get(id)).toBe('pending');
    expect(h.contexts.at(-1)).toMatchObject({ deviceId: 'codec-ctx', atMs: Date.parse(context.at) });
  });
});

describe('GET endpoints without a token', () => {
  it('health: status, version and outbox counts', async () => {
    const reply = await h.send({ method: 'GET', path: '/api/v1/health', headers: { authorization: undefined } });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: 'ok', version: '0.1.0-test', outbox: { pending: expect.any(Number), needs_context: expect.any(Number) } });
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('openapi.json', async () => {
    const reply = await h.send({ method: 'GET', path: '/api/v1/openapi.json', headers: { authorization: undefined } });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ openapi: '3.1.0' });
  });
});

interface HostileCase {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
  status: number;
  code: string;
  /** Paths that `details` must name (all of them, any order). */
  paths?: string[];
  /** Whether the refused body is kept in the quarantine. */
  quarantined?: boolean;
  header?: [string, RegExp];
}

const withQuality = (mutate: (q: Record<string, unknown> & { mediaQualityList: Record<string, unknown>[] }) => void): string => {
  const body = seedBody();
  mutate(body.quality);
  return json(body);
};

const hostile: HostileCase[] = [
  { name: 'no token', headers: { authorization: undefined }, status: 401, code: 'unauthorized', header: ['www-authenticate', /^Bearer realm="vtc-ingest"$/] },
  { name: 'a wrong token', headers: { authorization: 'Bearer vtcq_wrongwrongwrongwrongwrongwrongwrongwrongwro' }, status: 401, code: 'unauthorized', header: ['www-authenticate', /error="invalid_token"/] },
  { name: 'Basic auth', headers: { authorization: 'Basic Z2F0ZXdheTpwYXNz' }, status: 401, code: 'unauthorized', header: ['www-authenticate', /Bearer/] },
  { name: 'a rebinding Host', headers: { host: 'evil.example:PORT' }, status: 421, code: 'misdirected_request' },
  { name: 'a Host with the wrong port', headers: { host: 'localhost:1' }, status: 421, code: 'misdirected_request' },
  { name: 'a 300 KiB body (declared)', body: json({ quality: 'x'.repeat(300 * 1024) }), status: 413, code: 'payload_too_large' },
  { name: 'a 300 KiB chunked body (counted)', headers: { 'transfer-encoding': 'chunked' }, body: json({ quality: 'x'.repeat(300 * 1024) }), status: 413, code: 'payload_too_large' },
  { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: json(seedBody()), status: 415, code: 'unsupported_media_type' },
  { name: 'a form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'quality=1', status: 415, code: 'unsupported_media_type' },
  { name: 'no Content-Type', headers: { 'content-type': undefined }, body: json(seedBody()), status: 415, code: 'unsupported_media_type' },
  { name: 'invalid JSON', body: '{"quality": {', status: 400, code: 'invalid_json', quarantined: true },
  { name: 'an empty body', body: '', status: 400, code: 'invalid_json', quarantined: true },
  { name: '__proto__ at the top', body: '{"__proto__":{"admin":true},"quality":{}}', status: 400, code: 'forbidden_key', paths: ['__proto__'], quarantined: true },
  { name: 'constructor.prototype deep inside', body: withQuality((q) => Object.defineProperty(q.mediaQualityList[0]!, 'constructor', { value: { prototype: {} }, enumerable: true })), status: 400, code: 'forbidden_key', paths: ['quality.mediaQualityList[0].constructor'], quarantined: true },
  { name: 'an array instead of an object', body: '[]', status: 400, code: 'validation_failed', paths: [''], quarantined: true },
  { name: 'no quality', body: '{}', status: 400, code: 'validation_failed', paths: ['quality'], quarantined: true },
  { name: 'an unknown top-level key', body: withQuality(() => undefined).replace(/^\{/, '{"extra":1,'), status: 400, code: 'validation_failed', paths: ['extra'], quarantined: true },
  { name: 'a bad roomId', body: json({ ...seedBody(), roomId: 'room 1/../x' }), status: 400, code: 'validation_failed', paths: ['roomId'], quarantined: true },
  { name: 'callChainId not a GUID', body: withQuality((q) => (q.callChainId = 'abc')), status: 400, code: 'validation_failed', paths: ['quality.callChainId'], quarantined: true },
  { name: 'loss over 100 %', body: withQuality((q) => (q.mediaQualityList[0]!.averageInboundPacketLossRateInPercentage = 101)), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList[0].averageInboundPacketLossRateInPercentage'], quarantined: true },
  { name: 'jitter in ms instead of a duration', body: withQuality((q) => (q.mediaQualityList[1]!.averageInboundJitter = 15)), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList[1].averageInboundJitter'], quarantined: true },
  { name: 'channelIndex 0', body: withQuality((q) => (q.mediaQualityList[0]!.channelIndex = 0)), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList[0].channelIndex'], quarantined: true },
  { name: 'a port over 65535', body: withQuality((q) => (q.mediaQualityList[0]!.localPort = 70_000)), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList[0].localPort'], quarantined: true },
  { name: 'an unknown media type', body: withQuality((q) => (q.mediaQualityList[0]!['@odata.type'] = '#microsoft.graph.teleconferenceDeviceFaxQuality')), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList[0]["@odata.type"]'], quarantined: true },
  { name: 'a misspelt metric', body: withQuality((q) => (q.mediaQualityList[0]!.averageInboundJiter = 'PT0.01S')), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList[0].averageInboundJiter'], quarantined: true },
  { name: 'an empty mediaQualityList', body: withQuality((q) => (q.mediaQualityList = [])), status: 400, code: 'validation_failed', paths: ['quality.mediaQualityList'], quarantined: true },
  { name: 'a blank deviceName', body: withQuality((q) => (q.deviceName = '   ')), status: 400, code: 'validation_failed', paths: ['quality.deviceName'], quarantined: true },
  {
    name: 'several violations at once: every one is named',
    body: withQuality((q) => {
      q.participantId = 'nope';
      delete q.deviceDescription;
      q.mediaQualityList[2]!.remoteIPAddress = '999.1.1.1';
      q.mediaQualityList[1]!.inboundPackets = -5;
    }),
    status: 400,
    code: 'validation_failed',
    paths: ['quality.participantId', 'quality.deviceDescription', 'quality.mediaQualityList[2].remoteIPAddress', 'quality.mediaQualityList[1].inboundPackets'],
    quarantined: true,
  },
  { name: 'a sample with an unknown modality', path: '/api/v1/samples', body: json(sample({ modality: 'fax' })), status: 400, code: 'validation_failed', paths: ['modality'], quarantined: true },
  { name: 'a sample with loss as a fraction over 100', path: '/api/v1/samples', body: json([sample(), sample({ lossPercent: 250 })]), status: 400, code: 'validation_failed', paths: ['[1].lossPercent'], quarantined: true },
  { name: 'a call context with neither device nor call', path: '/api/v1/call-context', body: json({ callChainId: 'x', participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6' }), status: 400, code: 'validation_failed', paths: ['callChainId', 'deviceId', 'callId'], quarantined: true },
  { name: 'GET on a POST endpoint', method: 'GET', status: 405, code: 'method_not_allowed', header: ['allow', /^POST$/] },
  { name: 'DELETE on health', method: 'DELETE', path: '/api/v1/health', status: 405, code: 'method_not_allowed', header: ['allow', /^GET$/] },
  { name: 'an unknown path', path: '/api/v1/report', body: json(seedBody()), status: 404, code: 'not_found' },
  { name: 'a trailing slash', path: '/api/v1/reports/', body: json(seedBody()), status: 404, code: 'not_found' },
  { name: 'a traversal path', path: '/api/v1/../v1/reports', body: json(seedBody()), status: 404, code: 'not_found' },
];

describe('hostile requests', () => {
  it.each(hostile)('$name → $status $code', async (testCase) => {
    const reportsBefore = h.reportCount();
    const quarantinedBefore = h.quarantine.list(10_000).length;
    const headers = Object.fromEntries(
      Object.entries(testCase.headers ?? {}).map(([key, value]) => [key, value?.replace('PORT', String(h.server.port))]),
    );
    const reply = await h.send({ method: testCase.method ?? 'POST', path: testCase.path ?? '/api/v1/reports', headers, body: testCase.body });
    expect(reply.status).toBe(testCase.status);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const error = (reply.json as ErrorResponseBody).error;
    expect(Object.keys(reply.json as object)).toEqual(['error']);
    expect(error.code).toBe(testCase.code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(Array.isArray(error.details)).toBe(true);
    if (testCase.paths) expect(error.details.map((detail) => detail.path).sort()).toEqual([...testCase.paths].sort());
    if (testCase.header) expect(reply.headers[testCase.header[0]]).toMatch(testCase.header[1]);
    expect(h.reportCount()).toBe(reportsBefore);
    const quarantined = h.quarantine.list(10_000);
    expect(quarantined.length - quarantinedBefore).toBe(testCase.quarantined ? 1 : 0);
    if (testCase.quarantined) {
      expect(quarantined[0]).toMatchObject({ reasonCode: testCase.code, tokenName: 'gateway', remoteAddress: '127.0.0.1' });
      expect(quarantined[0]!.bodyExcerpt).not.toContain(h.token);
    }
  });

  it('a revoked token stops working on the next request', async () => {
    const { token } = h.tokens.create('short-lived');
    expect((await h.send({ path: '/api/v1/samples', body: json(sample()), headers: { authorization: `Bearer ${token}` } })).status).toBe(202);
    h.tokens.revoke('short-lived');
    const reply = await h.send({ path: '/api/v1/samples', body: json(sample()), headers: { authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toMatch(/invalid_token/);
  });

  it('the connection survives a 413 on a declared length: the next request on it works', async () => {
    const big = await h.send({ path: '/api/v1/samples', body: json({ samples: 'x'.repeat(300 * 1024) }) });
    expect(big.status).toBe(413);
    expect((await h.send({ path: '/api/v1/samples', body: json(sample()) })).status).toBe(202);
  });
});

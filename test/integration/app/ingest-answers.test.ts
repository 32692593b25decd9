/**
 * The ingest API of the composed core, as a gateway sees it (a real HTTP client, real SQLite, the Graph
 * emulator as the tenant): samples say what was taken and why the rest was dropped; rooms that are not
 * configured are refused by name; samples that would open a call while the outbox is full get 507, which
 * clears once the backlog is delivered; a report posted twice is stored and delivered once (same body → 200
 * with the stored id, another body under the same mediaLegId → 409); a key repeated in the JSON is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator';
import { appConfigSchema } from '../../../shared/config/schema';
import type { SyncStatusView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import seedBody from '../../fixtures/seed-quality-body.json';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Rig {
  core: Core;
  emulator: EmulatorHandle;
  post(path: string, body: unknown): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }>;
  /** Resolves with the first sync status that passes `test` (now or pushed later). */
  syncStatus(test: (status: SyncStatusView) => boolean): Promise<SyncStatusView>;
}

async function rig(outbox: { maxUnsentReports?: number } = {}): Promise<Rig> {
  const emulator = await startEmulator({ port: 0 });
  cleanups.push(() => emulator.close());
  const { dir, cleanup } = makeTempDir('vtc-ingest-answers-');
  cleanups.push(cleanup);
  const config = appConfigSchema.parse({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    credential: { type: 'secret', secret: emulator.clientSecret },
    endpoints: { graph: emulator.url, login: emulator.url },
    rooms: [{ id: 'b30', name: 'Building 30' }],
    outbox,
  });
  const log = createLogger({ sink: () => undefined });
  const core = await startCore({ dataDir: dir, log, transport: 'web', version: '0.0.0-test', ingest: { port: 0 }, managed: { config, managedKeys: ['tenantId', 'clientId', 'credential', 'endpoints', 'rooms', 'outbox'] } });
  cleanups.push(() => core.stop({ timeoutMs: 2_000 }));
  const { token } = core.parts.tokens.create('gateway');
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${core.ingestUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
  };
  const syncStatus = (test: (status: SyncStatusView) => boolean): Promise<SyncStatusView> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no sync status passed the test within 20 s')), 20_000);
      const unsubscribe = core.subscribe((event, payload) => {
        if (event !== 'syncStatus' || !test(payload as SyncStatusView)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(payload as SyncStatusView);
      });
      void core.dispatch('getSyncStatus', undefined).then((result) => {
        if (!result.ok || !test(result.value as SyncStatusView)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(result.value as SyncStatusView);
      });
    });
  return { core, emulator, post, syncStatus };
}

const sample = (overrides: Record<string, unknown> = {}) => ({
  roomId: 'b30',
  deviceId: 'gw-codec',
  callId: 'call-1',
  modality: 'audio',
  direction: 'inbound',
  channelIndex: 1,
  at: new Date().toISOString(),
  lossPercent: 1,
  ...overrides,
});

const draft = (mediaLegId: string) => {
  const { callChainId: _chain, participantId: _participant, ...quality } = seedBody.quality;
  return { roomId: 'b30', quality: { ...quality, mediaLegId } };
};

describe('the ingest API of the composed core', () => {
  it('samples: says what was taken and, per dropped sample, its index and why; refuses rooms that are not configured, by name', async () => {
    const { core, post } = await rig();
    // 33 legs for one call: the tracker keeps 32 per call, the 33rd is dropped and named.
    const legs = Array.from({ length: 33 }, (_, index) => sample({ channelIndex: index + 1 }));
    const taken = await post('/api/v1/samples', legs);
    expect(taken.status).toBe(202);
    expect(taken.json).toEqual({ accepted: 32, dropped: 1, drops: [{ index: 32, code: 'too_many_legs', message: expect.stringContaining('already has 32 legs') }] });

    const madeUp = await post('/api/v1/samples', [sample(), sample({ roomId: 'made-up-room', callId: 'x' })]);
    expect(madeUp.status).toBe(400);
    expect(madeUp.json).toMatchObject({
      error: { code: 'not_configured', message: expect.stringContaining('made-up-room'), details: [{ path: 'samples[1].roomId', message: 'room "made-up-room" is not configured on this agent' }] },
    });
    const rooms = (await core.dispatch('getRooms', undefined)) as { ok: true; value: { roomId: string }[] };
    expect(rooms.value.map((room) => room.roomId)).toEqual(['b30']);
  });

  it('outbox full: a sample that would open a call gets 507 with Retry-After, one continuing a call is taken, and both clear once the backlog is delivered', async () => {
    const { post, syncStatus, emulator } = await rig({ maxUnsentReports: 2 });
    expect((await post('/api/v1/samples', sample({ callId: 'running' }))).status).toBe(202);
    for (const legId of ['a1b2c3d4-0000-4000-8000-000000000001', 'a1b2c3d4-0000-4000-8000-000000000002']) {
      expect((await post('/api/v1/reports', draft(legId))).status).toBe(202);
    }
    const full = await post('/api/v1/reports', draft('a1b2c3d4-0000-4000-8000-000000000003'));
    expect([full.status, full.headers.get('retry-after'), (full.json.error as { code: string }).code]).toEqual([507, '60', 'outbox_full']);

    const opening = await post('/api/v1/samples', [sample({ callId: 'running' }), sample({ callId: 'new-call' })]);
    expect(opening.status).toBe(507);
    expect(opening.headers.get('retry-after')).toBe('60');
    expect(opening.json).toMatchObject({ error: { code: 'outbox_full', details: [{ path: 'samples[1]', message: 'would start a new call' }] } });
    expect((await post('/api/v1/samples', sample({ callId: 'running' }))).json).toMatchObject({ accepted: 1 });

    // The gateway names the Teams ids of the two waiting reports: they are delivered, the backlog drains.
    const context = await post('/api/v1/call-context', { roomId: 'b30', at: new Date().toISOString(), callChainId: seedBody.quality.callChainId, participantId: seedBody.quality.participantId });
    expect(context.json).toMatchObject({ matchedReports: 2 });
    await syncStatus((status) => status.counts.sent === 2);
    expect(emulator.received()).toHaveLength(2);
    expect((await post('/api/v1/reports', draft('a1b2c3d4-0000-4000-8000-000000000003'))).status).toBe(202);
    expect((await post('/api/v1/samples', sample({ callId: 'new-call' }))).status).toBe(202);
  });

  it('the same report posted twice is stored and delivered once; another body under the same mediaLegId is 409; a repeated key is 400', async () => {
    const { post, syncStatus, emulator, core } = await rig();
    const first = await post('/api/v1/reports', seedBody);
    expect(first.status).toBe(202);
    await syncStatus((status) => status.counts.sent === 1);
    // A gateway that lost the 202 posts again: the stored report, not a second one.
    const again = await post('/api/v1/reports', seedBody);
    expect([again.status, again.json]).toEqual([200, { id: first.json.id, state: 'sent', existing: true }]);
    const changed = await post('/api/v1/reports', { quality: { ...seedBody.quality, deviceName: 'Another name' } });
    expect(changed.status).toBe(409);
    expect(changed.json).toMatchObject({ error: { code: 'duplicate_media_leg', message: expect.stringContaining(String(first.json.id)), details: [{ path: 'quality.mediaLegId' }] } });

    const text = JSON.stringify({ quality: { ...seedBody.quality, mediaLegId: 'a1b2c3d4-0000-4000-8000-0000000000dd' } });
    const repeated = await post('/api/v1/reports', text.replace('"deviceName":"TestAgent"', '"deviceName":"TestAgent","deviceName":"Other"'));
    expect(repeated.status).toBe(400);
    expect(repeated.json).toMatchObject({ error: { code: 'duplicate_key', details: [{ path: 'quality.deviceName', message: 'appears more than once in its object' }] } });

    const page = (await core.dispatch('listReports', {})) as { ok: true; value: { items: unknown[] } };
    expect(page.value.items).toHaveLength(1);
    expect(emulator.received()).toHaveLength(1);
  });
});

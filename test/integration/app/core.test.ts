/**
 * The composed core, end to end in one process: simulated codecs → collectors → leg tracker → outbox →
 * sync worker → the Graph emulator; the ingest API and the AppApi on top. Real SQLite, real MSAL (against
 * the emulator's token endpoint), real HTTPS to the fake codecs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { startDemoGateway, startDemoWorld, type DemoWorld } from '../../../electron/sim/demo';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator';
import type { AppEventName } from '../../../shared/api/contract';
import type { RoomsChange } from '../../../shared/domain/legs';
import type { CallRecordDetailView, ReportDetail, ReportPage, SyncStatusView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import { testCipher } from '../../support/test-cipher';
import { readZip } from '../../support/zip-reader';
import seedBody from '../../fixtures/seed-quality-body.json';

interface Harness {
  core: Core;
  dataDir: string;
  logLines: string[];
  events: Array<{ event: AppEventName; payload: unknown }>;
  /** Resolves with the first event of that name whose payload passes `test`. */
  waitFor<T>(event: AppEventName, test: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHarness(options: Parameters<typeof startCore>[0] extends infer O ? Partial<O> : never): Promise<Harness> {
  let dir = options.dataDir;
  if (dir === undefined) {
    const temp = makeTempDir('vtc-core-');
    cleanups.push(temp.cleanup);
    dir = temp.dir;
  }
  const logLines: string[] = [];
  const log = createLogger({ sink: (line) => logLines.push(line), level: 'debug' });
  const core = await startCore({ log, transport: 'web', version: '0.0.0-test', ingest: { port: 0 }, ...options, dataDir: dir });
  cleanups.push(() => core.stop({ timeoutMs: 2_000 }));
  const events: Harness['events'] = [];
  const waiters = new Set<(event: AppEventName, payload: unknown) => void>();
  core.subscribe((event, payload) => {
    events.push({ event, payload });
    for (const waiter of [...waiters]) waiter(event, payload);
  });
  const waitFor = <T,>(name: AppEventName, test: (payload: T) => boolean, timeoutMs = 15_000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no ${name} event passed the test within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (event: AppEventName, payload: unknown): void => {
        if (event !== name || !test(payload as T)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(payload as T);
      };
      waiters.add(waiter);
    });
  return { core, dataDir: dir, logLines, events, waitFor };
}

describe('the composed core', () => {
  it('turns a simulated room call into a report that reaches Graph with the gateway’s Teams ids', async () => {
    const world: DemoWorld = await startDemoWorld({ rooms: 1, seed: 7, tickMs: 60, pollSeconds: 1 });
    world.emulator.setCallRecordPublishing({ delayMs: 200 });
    cleanups.push(() => world.close());
    const harness = await startHarness({ managed: world.managed, demo: true, callRecords: { notYetRetryMs: 300 } });
    const token = harness.core.parts.tokens.create('gateway').token;
    const gateway = startDemoGateway({ rooms: world.rooms, ingestUrl: harness.core.ingestUrl!, token, log: harness.core.parts.log, checkIntervalMs: 50 });
    cleanups.push(() => gateway.stop());

    // Live legs appear for the configured room while the call runs.
    const { rooms } = await harness.waitFor<RoomsChange>('roomsChanged', (changed) => changed.rooms.some((room) => room.roomId === 'room-1' && (room.activeCalls[0]?.legs.length ?? 0) > 0));
    expect(rooms.find((room) => room.roomId === 'room-1')?.roomName).toBe('Boardroom');

    // The call ends, is reported, and the sync worker delivers it.
    await harness.waitFor<SyncStatusView>('syncStatus', (status) => status.counts.sent >= 1, 30_000);
    const page = (await harness.core.dispatch('listReports', { state: 'sent' })) as { ok: true; value: ReportPage };
    expect(page.ok).toBe(true);
    const report = page.value.items[0]!;
    expect(report.roomId).toBe('room-1');
    const received = world.emulator.received().map((item) => (item.body as { quality: { callChainId: string } }).quality.callChainId);
    expect(received).toContain(report.callChainId);
    expect([...gateway.contexts.values()].map((ids) => ids.callChainId)).toContain(report.callChainId);

    // Teams publishes the call's record a little later (id = callChainId); the core fetches it on its own
    // and shows it beside the room's report, both ways.
    await harness.waitFor<{ ids: string[] }>('callRecordsChanged', (payload) => payload.ids.includes(report.callChainId!), 30_000);
    const record = (await harness.core.dispatch('getCallRecord', { id: report.callChainId! })) as { ok: true; value: CallRecordDetailView };
    expect(record.value.availability).toBe('ok');
    expect(record.value.reports.map((item) => item.id)).toContain(report.id);
    const detail = (await harness.core.dispatch('getReport', { id: report.id })) as { ok: true; value: ReportDetail };
    expect(detail.value.callRecord).toMatchObject({ id: report.callChainId, availability: 'ok' });
  }, 60_000);

  it('keeps reports while Graph is not configured and delivers them once the operator saves credentials', async () => {
    const emulator: EmulatorHandle = await startEmulator({ port: 0, seed: 3 });
    cleanups.push(() => emulator.close());
    const harness = await startHarness({ cipher: testCipher() });
    const status = (await harness.core.dispatch('getSyncStatus', undefined)) as { ok: true; value: SyncStatusView };
    expect(status.value.state).toBe('setup_needed');
    // `status` in another process reads what the agent saved: it says so too, before any send.
    expect(harness.core.parts.outbox.syncStatus()?.state).toBe('setup_needed');

    // A report posted through the ingest API is accepted and kept.
    const token = harness.core.parts.tokens.create('sender').token;
    const posted = await fetch(`${harness.core.ingestUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(seedBody),
    });
    expect(posted.status).toBe(202);
    await harness.waitFor<SyncStatusView>('syncStatus', (s) => s.state === 'setup_needed' && s.counts.pending === 1);
    expect(emulator.received()).toHaveLength(0);

    // The emulator stands in for the tenant. Endpoints come only from a configuration file (the UI has no
    // field for them), so restart on the same data directory with that file, as an installation would.
    await harness.core.stop();
    const dir = harness.dataDir;
    const again = await startHarness({
      dataDir: dir,
      cipher: testCipher(),
      managed: { config: { ...harness.core.config, endpoints: { graph: emulator.url, login: emulator.url } }, managedKeys: ['endpoints'] },
    });
    const secret = emulator.clientSecret;
    const saved = (await again.core.dispatch('updateSettings', { tenantId: emulator.tenantId, clientId: emulator.clientId, credential: { type: 'secret', secret } })) as { ok: boolean; value: { credential: unknown } };
    expect(saved.ok).toBe(true);
    expect(saved.value.credential).toEqual({ type: 'secret', secretSet: true });
    await again.waitFor<SyncStatusView>('syncStatus', (s) => s.counts.sent === 1, 20_000);
    expect(emulator.received()).toHaveLength(1);

    // The secret is in no log line, no AppApi answer, and not in clear in any database file.
    expect(again.logLines.join('\n')).not.toContain(secret);
    expect(JSON.stringify(await again.core.dispatch('getSettings', undefined))).not.toContain(secret);
    // Export diagnostics: the support zip has the logs, config and counts, and not the secret.
    const exported = (await again.core.dispatch('exportDiagnostics', undefined)) as { ok: true; value: { path: string; sizeBytes: number } };
    expect(exported.ok).toBe(true);
    const zip = readZip(readFileSync(exported.value.path));
    expect([...zip.keys()]).toEqual(expect.arrayContaining(['config.json', 'outbox-counts.json', 'recent-errors.json', 'about.json']));
    for (const [name, data] of zip) expect(data.includes(Buffer.from(secret)), name).toBe(false);
    await again.core.stop();
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) expect(readFileSync(join(file.parentPath, file.name)).includes(Buffer.from(secret)), file.name).toBe(false);
    }
  }, 60_000);

  it('answers the AppApi with clear, field-named errors and leaves settings unchanged on bad input', async () => {
    const harness = await startHarness({});
    const before = await harness.core.dispatch('getSettings', undefined);
    const bad = (await harness.core.dispatch('updateSettings', { tenantId: 'not-a-guid' })) as { ok: false; error: { code: string; details: Array<{ path: string }> } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.details.map((issue) => issue.path)).toContain('tenantId');
    expect(await harness.core.dispatch('getSettings', undefined)).toEqual(before);
    const missing = (await harness.core.dispatch('getReport', { id: 'nope' })) as { ok: false; error: { code: string } };
    expect(missing.error.code).toBe('not_found');
  });
});

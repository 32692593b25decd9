/**
 * Record ↔ report, end to end: the outbox and the sync worker send a room's report to the emulator, the
 * emulator publishes Teams' callRecord for that callChainId a while later (as Teams does after a call), and
 * the service shows the two side by side, per stream, in one unit per metric.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toReportDetailView } from '../../../electron/core/app/report-views';
import { createCallRecordsService, type CallRecordsService } from '../../../electron/core/callrecords/index';
import { DISAGREEMENT } from '../../../electron/sim/emulator/index';
import { silentLogger } from '../../../electron/core/log/logger';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { completeQuality } from '../../unit/outbox/support/quality';
import { startRig, type Rig } from '../outbox/support';

let rig: Rig;
let service: CallRecordsService;
let changed: string[];
let onChange: (() => void) | undefined;
afterEach(async () => {
  await service.stop();
  await rig.close();
});

async function start(options: { delayMs: number; notYetRetryMs?: number }): Promise<void> {
  rig = await startRig({ emulator: { seed: 5, callRecordCount: 10, publishCallRecordsFromReports: { delayMs: options.delayMs } } });
  changed = [];
  service = createCallRecordsService({
    db: rig.temp.db,
    getApi: () => rig.client,
    cloud: 'global',
    log: silentLogger(),
    outbox: rig.outbox,
    toReportView: toReportDetailView,
    onChanged: (ids) => {
      changed.push(...ids);
      onChange?.();
    },
    notYetRetryMs: options.notYetRetryMs,
  });
}

/** Resolves when the service reports `id` as changed (the callRecordsChanged event). */
function changeOf(id: string): Promise<void> {
  return new Promise((resolve) => {
    onChange = () => {
      if (changed.some((changedId) => changedId.toLowerCase() === id.toLowerCase())) resolve();
    };
    onChange();
  });
}

/** Enqueues a room's report and lets the sync worker deliver it to the emulator. */
async function sendReport(label: string, sentBefore = 0): Promise<{ reportId: string; callChainId: string }> {
  const body = completeQuality(label);
  const { id } = rig.outbox.enqueue({ body, source: 'device', roomId: 'room-1' });
  rig.worker.start();
  await rig.waitFor('sent', sentBefore + 1);
  return { reportId: id, callChainId: body.callChainId };
}

describe('a sent report beside its callRecord', () => {
  it('a record read on its own after a report joins the cached list at once, which says when it is read again', async () => {
    await start({ delayMs: 0 });
    const listed = await service.list({ sinceHours: 24 });
    expect(listed.nextRefreshAt).toBeDefined();
    const { callChainId } = await sendReport('VTC Bldg 30/21');
    await rig.emulator.whenCallRecordPublished(callChainId);
    expect((await service.list({ sinceHours: 24 })).items.map((item) => item.id)).not.toContain(callChainId);

    await service.get({ id: callChainId });
    // Not a Graph list read (the cached list is still fresh): the record read alone is merged into it.
    const after = await service.list({ sinceHours: 24 });
    expect(after.fetchedAt).toBe(listed.fetchedAt);
    expect(after.items.map((item) => item.id)).toContain(callChainId);
  });

  it('not available until Teams publishes it; then the report shows next to the record and every stream agrees', async () => {
    await start({ delayMs: 60_000 });
    const { reportId, callChainId } = await sendReport('VTC Bldg 30/21');

    const before = await service.get({ id: callChainId, refresh: true });
    expect(before.availability).toBe('not_available_yet');
    expect(before.reports.map((r) => r.id)).toEqual([reportId]);
    expect(service.callRecordFor(callChainId).availability).toBe('not_available_yet');

    rig.emulator.setCallRecordPublishing({ delayMs: 0 }); // the call "ends": Teams publishes now
    await rig.emulator.whenCallRecordPublished(callChainId);
    const after = await service.get({ id: callChainId, refresh: true });
    expect(after).toMatchObject({ availability: 'ok', stale: false, sessionCount: 1 });
    expect((after.record as CallRecord).id).toBe(callChainId);
    expect(after.reports).toEqual([expect.objectContaining({ id: reportId, state: 'sent', callChainId })]);

    // 3 media items (audio, video, screen sharing) × 2 directions, each matched to Teams' stream.
    expect(after.comparison).toHaveLength(6);
    expect(after.comparison!.every((row) => row.agrees === true && row.streamDirection !== undefined)).toBe(true);
    const audioOut = after.comparison!.find((row) => row.modality === 'audio' && row.direction === 'outbound')!;
    expect(audioOut.streamDirection).toBe('callerToCallee');
    // The report's 0.02 % and Graph's fraction 0.0002 are the same number once both are percent.
    expect(audioOut.metrics).toEqual(
      expect.arrayContaining([
        { metric: 'averagePacketLoss', unit: 'percent', room: 0.02, teams: 0.02, agrees: true },
        { metric: 'averageJitter', unit: 'ms', room: 15, teams: 15, agrees: true },
        { metric: 'averageRoundTrip', unit: 'ms', room: 40, teams: 40, agrees: true },
      ]),
    );
    const stream = (after.record as CallRecord).sessions![0]!.segments![0]!.media![0]!.streams!.find((s) => s.streamDirection === 'callerToCallee')!;
    expect(stream.averagePacketLossRate).toBe(0.0002);

    const list = await service.list({ refresh: true });
    const item = list.items.find((i) => i.id === callChainId)!;
    expect(item.reportIds).toEqual([reportId]);
    expect(item.participantNames).toContain('VTC Bldg 30/21');
    expect(service.callRecordFor(callChainId.toUpperCase())).toMatchObject({ availability: 'ok', startDateTime: item.startDateTime });
  });

  it('a fault injected for that call: Teams saw a worse path, and the comparison says so', async () => {
    await start({ delayMs: 0 });
    const body = completeQuality('VTC Bldg 12/3');
    rig.emulator.setCallRecordPublishing({ delayMs: 0, disagree: [body.callChainId] });
    rig.outbox.enqueue({ body, source: 'device' });
    rig.worker.start();
    await rig.waitFor('sent', 1);
    await rig.emulator.whenCallRecordPublished(body.callChainId);
    const view = await service.get({ id: body.callChainId });
    expect(view.availability).toBe('ok');
    expect(view.comparison!.every((row) => row.agrees === false)).toBe(true);
    const jitter = view.comparison!.find((row) => row.modality === 'video' && row.direction === 'inbound')!.metrics.find((m) => m.metric === 'averageJitter')!;
    expect(jitter).toEqual({ metric: 'averageJitter', unit: 'ms', room: 10, teams: 10 + DISAGREEMENT.jitterPlusMs, agrees: false });
  });

  it('the schedule fetches the record once Teams publishes it: the UI is told, nobody has to ask', async () => {
    await start({ delayMs: 300, notYetRetryMs: 100 });
    const { callChainId } = await sendReport('VTC Bldg 30/14');
    service.reportCallChainSent(callChainId); // the core calls this when the sync worker reports `sent`
    expect(service.callRecordFor(callChainId).availability).toBe('not_available_yet');
    service.start();
    await changeOf(callChainId);
    expect(service.callRecordFor(callChainId).availability).toBe('ok');
    const view = await service.get({ id: callChainId });
    expect(view.comparison!.every((row) => row.agrees === true)).toBe(true);
  });

  it('Teams updates the record after it was read: the schedule reads the new version and the side-by-side follows it', async () => {
    await start({ delayMs: 0, notYetRetryMs: 100 });
    const { callChainId } = await sendReport('VTC Bldg 30/21');
    service.reportCallChainSent(callChainId);
    service.start();
    await changeOf(callChainId);
    const first = await service.get({ id: callChainId });
    const audioOut = (view: typeof first) => view.comparison!.find((row) => row.modality === 'audio' && row.direction === 'outbound')!;
    expect(audioOut(first)).toMatchObject({ agrees: true });

    changed = [];
    rig.emulator.publishCallRecordVersion(callChainId, { streams: { averagePacketLossRate: 0.25 } });
    await changeOf(callChainId);
    const updated = await service.get({ id: callChainId });
    expect(updated.record!.version).toBe(2);
    expect(audioOut(updated)).toMatchObject({ agrees: false });
    expect(audioOut(updated).metrics).toContainEqual(expect.objectContaining({ metric: 'averagePacketLoss', room: 0.02, teams: 25, agrees: false }));
    expect((await service.list({ sinceHours: 24 })).items.find((item) => item.id === callChainId)?.version).toBe(2);
  });
});

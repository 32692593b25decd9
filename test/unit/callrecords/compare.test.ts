/**
 * The side-by-side comparison (shared/graph/callRecordCompare.ts) on records the emulator builds from
 * reports: units (fraction → percent, ISO duration → ms), which stream is the room's, tolerance.
 */
import { describe, expect, it } from 'vitest';
import { callRecordFromReport, DISAGREEMENT } from '../../../electron/sim/emulator/index';
import { AGREEMENT, compareReportWithRecord, compareReportsWithRecord, fractionToPercent, withinTolerance } from '../../../shared/graph/callRecordCompare';
import type { CallRecord, CallRecordParticipantEndpoint } from '../../../shared/graph/callRecords';
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import { completeQuality } from '../outbox/support/quality';

const NOW = Date.UTC(2026, 2, 1, 12);
const publish = (quality: TeleconferenceDeviceQuality, options: { disagree?: boolean; existing?: CallRecord } = {}): CallRecord =>
  callRecordFromReport(quality, { receivedAtMs: NOW, publishedAtMs: NOW + 60_000, tenantId: 'tenant', disagree: options.disagree ?? false, existing: options.existing });

describe('units', () => {
  it('callRecord loss is a fraction: 0.0138 is 1.38 %; float noise is rounded away', () => {
    expect(fractionToPercent(0.0138)).toBe(1.38);
    expect(fractionToPercent(0.0001)).toBe(0.01);
    expect(fractionToPercent(null)).toBeUndefined();
  });

  it('the emulator writes the report numbers in Graph units and the comparison reads them back', () => {
    const quality = completeQuality('VTC Bldg 30/21');
    const record = publish(quality);
    const stream = record.sessions![0]!.segments![0]!.media![0]!.streams![0]!;
    expect(stream).toMatchObject({ streamDirection: 'callerToCallee', averagePacketLossRate: 0.0002, maxPacketLossRate: 0.0006, averageJitter: 'PT0.015S', averageRoundTripTime: 'PT0.04S' });
    // networkLinkSpeedInBytes 13000 → linkSpeed in bits/s
    expect(record.sessions![0]!.segments![0]!.media![0]!.callerNetwork!.linkSpeed).toBe(104_000);
    const rows = compareReportWithRecord(record, { id: 'r1', body: { quality } });
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.agrees === true)).toBe(true);
    const inbound = rows.find((row) => row.modality === 'screenSharing' && row.direction === 'inbound')!;
    expect(inbound).toMatchObject({ reportId: 'r1', mediaLegId: quality.mediaLegId, streamDirection: 'calleeToCaller', mediaLabel: 'applicationsharing-video' });
    expect(inbound.metrics).toContainEqual({ metric: 'maximumRoundTrip', unit: 'ms', room: 130, teams: 130, agrees: true });
  });

  it('disagreement from the emulator is beyond every tolerance', () => {
    const quality = completeQuality('VTC Bldg 30/21');
    const rows = compareReportWithRecord(publish(quality, { disagree: true }), { id: 'r1', body: quality });
    expect(rows.every((row) => row.agrees === false && row.metrics.every((m) => m.agrees === false))).toBe(true);
    const loss = rows[0]!.metrics.find((m) => m.metric === 'averagePacketLoss')!;
    expect(loss.teams).toBeCloseTo(0.01 * DISAGREEMENT.lossTimes + DISAGREEMENT.lossPlusPercent, 6);
  });

  it('tolerance: an absolute floor near zero, a relative share for large values', () => {
    expect(withinTolerance(0.1, 0.5, AGREEMENT.percent)).toBe(true);
    expect(withinTolerance(0.1, 0.7, AGREEMENT.percent)).toBe(false);
    expect(withinTolerance(100, 124, AGREEMENT.ms)).toBe(true);
    expect(withinTolerance(100, 140, AGREEMENT.ms)).toBe(false);
  });
});

describe("which stream is the room's", () => {
  it('the room as callee: its outbound is calleeToCaller', () => {
    const quality = completeQuality('VTC Bldg 30/21');
    const record = publish(quality);
    for (const segment of record.sessions![0]!.segments!) [segment.caller, segment.callee] = [segment.callee, segment.caller];
    const rows = compareReportWithRecord(record, { id: 'r1', body: quality });
    expect(rows.find((row) => row.direction === 'outbound')!.streamDirection).toBe('calleeToCaller');
    // Teams' calleeToCaller carried the room's inbound numbers (jitter 10 ms), now set against its outbound 15 ms.
    const jitter = rows.find((row) => row.modality === 'audio' && row.direction === 'outbound')!.metrics.find((m) => m.metric === 'averageJitter');
    expect(jitter).toMatchObject({ room: 15, teams: 10 });
  });

  it('found by name when associatedIdentity carries another id; nothing compared when the room is not in the record', () => {
    const quality = completeQuality('VTC Bldg 30/21');
    const record = publish(quality);
    const caller = record.sessions![0]!.segments![0]!.caller as CallRecordParticipantEndpoint;
    caller.associatedIdentity = { id: 'someone-else', displayName: 'VTC Bldg 30/21' };
    expect(compareReportWithRecord(record, { id: 'r1', body: quality }).every((row) => row.agrees === true)).toBe(true);

    const stranger = completeQuality('Another room');
    const rows = compareReportWithRecord(record, { id: 'r2', body: stranger });
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.agrees === undefined && row.streamDirection === undefined)).toBe(true);
    expect(rows[0]!.metrics[0]).toEqual({ metric: 'averagePacketLoss', unit: 'percent', room: 0.01 });
  });

  it('two rooms in one call: one record, version 2, each report matched with its own session', () => {
    const first = completeQuality('VTC Bldg 30/21');
    const second = { ...completeQuality('VTC Bldg 12/3'), callChainId: first.callChainId };
    second.mediaQualityList = second.mediaQualityList.map((item) => ({ ...item, averageInboundJitter: 'PT0.09S' }));
    const record = publish(second, { existing: publish(first) });
    expect(record).toMatchObject({ id: first.callChainId, version: 2 });
    expect(record.sessions).toHaveLength(2);
    expect(record.participants_v2!.map((p) => p.id)).toEqual(expect.arrayContaining([first.participantId, second.participantId]));
    const rows = compareReportsWithRecord(record, [
      { id: 'a', body: first },
      { id: 'b', body: second },
    ]);
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.agrees === true)).toBe(true);
    const secondSession = record.sessions![1]!.id;
    expect(rows.filter((row) => row.reportId === 'b').every((row) => row.sessionId === secondSession)).toBe(true);
  });

  it('tolerates what Graph may send: nulls, unknown shapes, no sessions', () => {
    const quality = completeQuality('x');
    expect(compareReportWithRecord({ id: 'r', sessions: null }, { id: 'r1', body: quality }).every((row) => row.agrees === undefined)).toBe(true);
    expect(compareReportWithRecord(undefined, { id: 'r1', body: 'not a report' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCallRecords, isRetained } from '../../../electron/sim/emulator/index';
import { isoDurationToMs } from '../../../shared/graph/duration';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const TENANT = 'dc368399-474c-4d40-900c-6265431fd81f';

describe('generated callRecords', () => {
  it('are deterministic for a seed and differ between seeds', () => {
    const a = generateCallRecords({ seed: 42, nowMs: NOW, tenantId: TENANT, count: 20 });
    const b = generateCallRecords({ seed: 42, nowMs: NOW, tenantId: TENANT, count: 20 });
    const c = generateCallRecords({ seed: 43, nowMs: NOW, tenantId: TENANT, count: 20 });
    expect(b).toEqual(a);
    expect(c[0]!.id).not.toBe(a[0]!.id);
  });

  it('keep their guarantees for any seed: 150 sessions, one 31 days old, spread over 35 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const records = generateCallRecords({ seed, nowMs: NOW, tenantId: TENANT, count: 12 });
        expect(records[0]!.sessions).toHaveLength(150);
        expect(isRetained(records[0]!, NOW)).toBe(true);
        expect(isRetained(records[1]!, NOW)).toBe(false);
        expect(records[2]!.sessions).toHaveLength(61);
        for (const record of records) {
          const ageMs = NOW - Date.parse(record.startDateTime);
          expect(ageMs).toBeGreaterThan(0);
          expect(ageMs).toBeLessThanOrEqual(35 * DAY_MS);
          expect(Date.parse(record.endDateTime)).toBeGreaterThan(Date.parse(record.startDateTime));
          expect(Date.parse(record.lastModifiedDateTime)).toBeGreaterThan(Date.parse(record.endDateTime));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('use the units of graph-api.md §2.2', () => {
    const records = generateCallRecords({ seed: 1, nowMs: NOW, tenantId: TENANT, count: 30 });
    const streams = records.flatMap((r) => r.sessions ?? []).flatMap((s) => s.segments ?? []).flatMap((g) => g.media ?? []).flatMap((m) => m.streams ?? []);
    expect(streams.length).toBeGreaterThan(100);
    for (const stream of streams) {
      expect(isoDurationToMs(stream.averageJitter!)).toBeLessThan(1000); // ISO duration, ms scale
      expect(stream.averagePacketLossRate).toBeGreaterThanOrEqual(0);
      expect(stream.averagePacketLossRate).toBeLessThanOrEqual(1); // a fraction, not percent
      expect(stream.averageBandwidthEstimate).toBeGreaterThan(100_000); // bits per second
    }
    const networks = records.flatMap((r) => r.sessions ?? []).flatMap((s) => s.segments ?? []).flatMap((g) => g.media ?? []).map((m) => m.callerNetwork!);
    expect(networks.every((n) => n.linkSpeed! >= 54_000_000)).toBe(true); // bits per second
  });

  it('with the default count, over 130 are within the 30-day retention', () => {
    const records = generateCallRecords({ seed: 1, nowMs: NOW, tenantId: TENANT });
    expect(records.filter((r) => isRetained(r, NOW)).length).toBeGreaterThan(130);
    expect(records.some((r) => !isRetained(r, NOW))).toBe(true);
  });
});

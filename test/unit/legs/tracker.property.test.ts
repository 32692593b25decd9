/**
 * Properties of the report whatever the samples (fast-check): it validates against Graph's schema, loss
 * stays within 0–100, no NaN sneaks in, and every average lies between the smallest and largest value that
 * leg received.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLegTracker, type DeviceCallReport } from '../../../electron/core/legs';
import type { LiveSample } from '../../../shared/domain/samples';
import { DIRECTIONS, MODALITIES } from '../../../shared/domain/legs';
import { isoDurationToMs } from '../../../shared/graph/duration';
import { teleconferenceDeviceQualityDraftSchema } from '../../../shared/graph/quality';
import { createManualClock } from './helpers/manual-clock';

const T0 = Date.parse('2025-03-01T10:00:00Z');
const metric = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }), { nil: undefined });

const sampleArb = fc.record({
  modality: fc.constantFrom(...MODALITIES),
  direction: fc.constantFrom(...DIRECTIONS),
  channelIndex: fc.integer({ min: 1, max: 3 }),
  offsetMs: fc.integer({ min: 0, max: 3_600_000 }),
  lossPercent: metric(100),
  jitterMs: metric(60_000),
  maxJitterMs: metric(60_000),
  roundTripMs: metric(60_000),
  packets: fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: undefined }),
  bitRate: metric(1e10),
  frameRate: metric(1_000),
});

type Generated = typeof sampleArb extends fc.Arbitrary<infer T> ? T : never;

function toSample(generated: Generated): LiveSample {
  const { offsetMs, ...rest } = generated;
  const sample: Record<string, unknown> = { roomId: 'r1', deviceId: 'd1', callId: '7', at: new Date(T0 + offsetMs).toISOString() };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) sample[key] = value;
  return sample as unknown as LiveSample;
}

describe('report properties', () => {
  it('valid, loss 0–100, no NaN, averages within min..max', () => {
    fc.assert(
      fc.property(fc.array(sampleArb, { minLength: 1, maxLength: 60 }), (generated) => {
        const clock = createManualClock();
        const reports: DeviceCallReport[] = [];
        const tracker = createLegTracker({ now: clock.now, timers: clock.timers, rooms: [{ id: 'r1', name: 'Room 1' }], onReport: (r) => reports.push(r) });
        const samples = generated.map(toSample);
        expect(tracker.ingestSamples(samples).accepted).toBe(samples.length);
        tracker.endCall('d1', '7', { deviceName: 'Cisco SX80' });
        tracker.close();
        const body = reports[0]!.body;

        expect(teleconferenceDeviceQualityDraftSchema.safeParse(body).success).toBe(true);
        expect(JSON.stringify(body)).not.toMatch(/null|NaN|Infinity/);

        // Renumbering keeps the order of the device's channel indexes per modality.
        for (const modality of MODALITIES) {
          const deviceIndexes = [...new Set(samples.filter((s) => s.modality === modality).map((s) => s.channelIndex))].sort();
          const reported = body.mediaQualityList.filter((item) => item['@odata.type'].endsWith(`${modality[0]!.toUpperCase()}${modality.slice(1)}Quality`));
          expect(reported.map((item) => item.channelIndex)).toEqual(deviceIndexes.map((_, i) => i + 1));
          reported.forEach((item, position) => {
            const legIndex = deviceIndexes[position]!;
            for (const direction of DIRECTIONS) {
              const ofLeg = samples.filter((s) => s.modality === modality && s.channelIndex === legIndex && s.direction === direction);
              const dir = direction === 'inbound' ? 'Inbound' : 'Outbound';
              const fields = item as unknown as Record<string, string | number | undefined>;
              const within = (values: (number | undefined)[], reportedValue: number | undefined, slack: number): void => {
                const present = values.filter((v): v is number => v !== undefined);
                if (present.length === 0) return expect(reportedValue).toBeUndefined();
                expect(reportedValue).toBeGreaterThanOrEqual(Math.min(...present) - slack);
                expect(reportedValue).toBeLessThanOrEqual(Math.max(...present) + slack);
              };
              const loss = fields[`average${dir}PacketLossRateInPercentage`] as number | undefined;
              within(ofLeg.map((s) => s.lossPercent), loss, 1e-4);
              if (loss !== undefined) expect(loss).toBeGreaterThanOrEqual(0);
              if (loss !== undefined) expect(loss).toBeLessThanOrEqual(100);
              const jitter = fields[`average${dir}Jitter`] as string | undefined;
              // ISO durations carry whole milliseconds: allow the rounding.
              within(ofLeg.map((s) => s.jitterMs), jitter === undefined ? undefined : isoDurationToMs(jitter), 0.5);
              const rtt = fields[`average${dir}RoundTripDelay`] as string | undefined;
              within(ofLeg.map((s) => s.roundTripMs), rtt === undefined ? undefined : isoDurationToMs(rtt), 0.5);
              if (modality !== 'audio') {
                within(ofLeg.map((s) => s.bitRate), fields[`average${dir}BitRate`] as number | undefined, 0.5);
                within(ofLeg.map((s) => s.frameRate), fields[`average${dir}FrameRate`] as number | undefined, 0.005);
              }
            }
          });
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

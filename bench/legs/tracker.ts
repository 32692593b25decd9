/**
 * The leg tracker's cost per sample (benchmark), against a baseline measured in the
 * same run: validating the same samples with the zod schema the ingest API uses (liveSampleSchema). The
 * ratio says how much the tracker adds on top of what every sample already costs at the door.
 *
 * Workload: 50 rooms, one call each, 6 legs per call (audio/video/screen sharing × in/out), all metrics
 * present, a poor burst every so often so classification and alerts do real work. Samples are fed in
 * batches of 100 (a typical POST /api/v1/samples body). No UI subscriber: snapshots are built on push only.
 *
 * Run: `npx tsx bench/legs/tracker.ts` (or through bench/run.ts via `main()`).
 */
import { pathToFileURL } from 'node:url';
import { createLegTracker } from '../../electron/core/legs';
import { DIRECTIONS, MODALITIES } from '../../shared/domain/legs';
import { liveSampleSchema, type LiveSample } from '../../shared/domain/samples';

const ROOMS = 50;
const SAMPLES = 300_000;
const BATCH = 100;

function makeSamples(count: number): LiveSample[] {
  const samples: LiveSample[] = [];
  const t0 = Date.parse('2025-03-01T10:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const room = i % ROOMS;
    const leg = Math.floor(i / ROOMS) % 6;
    const interval = Math.floor(i / (ROOMS * 6));
    const poor = interval % 40 >= 30; // ten intervals in forty are a loss burst
    samples.push({
      roomId: `room-${room}`,
      deviceId: `codec-${room}`,
      callId: '1',
      modality: MODALITIES[leg % 3]!,
      direction: DIRECTIONS[leg % 2]!,
      channelIndex: 1,
      at: new Date(t0 + interval * 5_000).toISOString(),
      lossPercent: poor ? 12 + (i % 7) : (i % 10) / 20,
      jitterMs: 4 + (i % 9),
      maxJitterMs: 9 + (i % 13),
      roundTripMs: 40 + (i % 17),
      packets: interval * 250,
      bitRate: 2_000_000 - (i % 1_000),
      frameRate: 30 - (i % 3),
      remoteAddress: '10.20.30.40:5004',
    });
  }
  return samples;
}

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface TrackerBenchResult {
  samples: number;
  baselineNsPerSample: number;
  trackerNsPerSample: number;
  trackerSamplesPerSecond: number;
  ratioToBaseline: number;
}

export function main(): TrackerBenchResult {
  const samples = makeSamples(SAMPLES);
  const json = samples.map((sample) => JSON.parse(JSON.stringify(sample)) as unknown);

  // Warm-up so both paths run JIT-compiled code.
  for (let i = 0; i < 20_000; i += 1) liveSampleSchema.parse(json[i]);
  const baselineMs = timeMs(() => {
    for (const input of json) liveSampleSchema.parse(input);
  });

  let reports = 0;
  const tracker = createLegTracker({ now: Date.now, rooms: [], onReport: () => (reports += 1), onAlert: () => undefined });
  tracker.ingestSamples(samples.slice(0, 20_000));
  const trackerMs = timeMs(() => {
    for (let i = 0; i < samples.length; i += BATCH) tracker.ingestSamples(samples.slice(i, i + BATCH));
  });
  for (let room = 0; room < ROOMS; room += 1) tracker.endCall(`codec-${room}`, '1', { deviceName: 'Cisco SX80' });
  tracker.close();

  const result: TrackerBenchResult = {
    samples: SAMPLES,
    baselineNsPerSample: (baselineMs * 1e6) / SAMPLES,
    trackerNsPerSample: (trackerMs * 1e6) / SAMPLES,
    trackerSamplesPerSecond: SAMPLES / (trackerMs / 1_000),
    ratioToBaseline: trackerMs / baselineMs,
  };
  console.log(`legs/tracker: ${SAMPLES} samples, ${ROOMS} rooms × 6 legs, batches of ${BATCH}; ${reports} reports built`);
  console.log(`  baseline (zod liveSampleSchema.parse): ${result.baselineNsPerSample.toFixed(0)} ns/sample`);
  console.log(`  tracker.ingestSamples:                 ${result.trackerNsPerSample.toFixed(0)} ns/sample, ${Math.round(result.trackerSamplesPerSecond).toLocaleString('en-US')} samples/s`);
  console.log(`  tracker cost / baseline:               ${result.ratioToBaseline.toFixed(2)}×`);
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();

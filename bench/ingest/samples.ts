/**
 * Ingest throughput: live samples accepted per second through POST /api/v1/samples
 * over real HTTP on 127.0.0.1 (keep-alive, several concurrent connections from a worker thread, a real
 * token checked against the real database) with the leg tracker behind it, printed beside the rate of
 * handing the same samples to the tracker directly in the same run. The ratio is what the HTTP layer
 * (guards, token check, JSON, validation) costs; the direct rate is the tracker's cost per sample.
 * Each lane cycles over 64 prepared bodies under its own call id, so the tracker sees repeated
 * timestamps within a lane; the lanes do not share legs.
 *   npx tsx bench/ingest/samples.ts        (BENCH_INGEST_MS sets the time per lane, default 2000)
 */
import { openDatabase } from '../../electron/core/db/database';
import type { IngestDeps } from '../../electron/core/ingest/deps';
import { startIngestServer } from '../../electron/core/ingest/server';
import { createTokenStore } from '../../electron/core/tokens/index';
import type { LiveSample } from '../../shared/domain/samples';
import { fixed, runIfMain, withTempDirAsync, type BenchResult } from '../outbox/support';
import { runLoad } from './load-generator';
import { loadTracker, type BenchTracker } from './tracker';

const LANE_MS = Number(process.env.BENCH_INGEST_MS ?? 2_000);
const WARM_UP_MS = 500;
const CONNECTIONS = 8;
const BATCH_SIZES = [1, 100] as const;
const BASE_MS = Date.UTC(2026, 10, 23, 10, 0);

export async function main(): Promise<BenchResult> {
  return withTempDirAsync('vtc-bench-ingest-', async (dir) => {
    const db = openDatabase(dir);
    const tokens = createTokenStore(db);
    const { token } = tokens.create('bench');
    let clockMs = BASE_MS;
    const tracker = await loadTracker(() => clockMs);
    const deps = benchDeps(tracker, () => clockMs);
    const server = await startIngestServer({ port: 0, deps, tokens });
    const metrics: Record<string, number> = {};
    const parts: string[] = [];
    try {
      for (const batchSize of BATCH_SIZES) {
        const bodies = (callId: string) => Array.from({ length: 64 }, (_, i) => makeSamples(batchSize, i * batchSize, callId));
        const texts = bodies(`http-${batchSize}`).map((samples) => JSON.stringify(samples.length === 1 ? samples[0] : samples));
        const load = await runLoad({ port: server.port, token, texts, samplesPerRequest: batchSize, connections: CONNECTIONS, durationMs: LANE_MS, warmUpMs: WARM_UP_MS });
        const http = load.acceptedSamples / (load.elapsedMs / 1_000);
        clockMs += 60_000;
        const direct = directRate(tracker, bodies(`direct-${batchSize}`), batchSize);
        metrics[`httpSamplesPerSecond_batch${batchSize}`] = http;
        metrics[`directSamplesPerSecond_batch${batchSize}`] = direct;
        metrics[`ratio_batch${batchSize}`] = http / direct;
        parts.push(`${batchSize === 1 ? '1 sample' : `${batchSize} samples`}/request: HTTP ${fixed(http, 0)}/s vs direct ${fixed(direct, 0)}/s (ratio ${fixed(http / direct, 3)})`);
      }
    } finally {
      await server.close();
      tracker.close();
      db.close();
    }
    metrics.trackerMicrosecondsPerSample = 1e6 / (metrics.directSamplesPerSecond_batch100 ?? Number.NaN);
    const line = `ingest samples (${CONNECTIONS} keep-alive connections, tracker: ${tracker.name}): ${parts.join('; ')}; tracker ${fixed(metrics.trackerMicrosecondsPerSample, 2)} µs/sample`;
    console.log(line);
    return { name: 'ingest-samples', line, ok: true, metrics };
  });
}

function benchDeps(tracker: BenchTracker, now: () => number): IngestDeps {
  return {
    enqueueReport: () => ({ ok: true, id: 'bench', state: 'pending', existing: false }),
    ingestSamples: (samples) => {
      tracker.ingestSamples(samples);
      return { ok: true, accepted: samples.length, drops: [] };
    },
    attachCallContext: () => ({ matchedLegs: 0, matchedReports: 0 }),
    health: () => ({ status: 'ok', version: 'bench', outbox: {} }),
    now,
  };
}

/** Samples spread over 4 rooms × 2 modalities × 2 directions, with every metric a Cisco codec reports. */
function makeSamples(count: number, offset: number, callId: string): LiveSample[] {
  return Array.from({ length: count }, (_, i): LiveSample => {
    const n = offset + i;
    return {
      roomId: `room-${n % 4}`,
      deviceId: `codec-${n % 4}`,
      callId,
      modality: n % 8 < 4 ? 'audio' : 'video',
      direction: n % 2 === 0 ? 'inbound' : 'outbound',
      channelIndex: 1,
      at: new Date(BASE_MS + n * 50).toISOString(),
      lossPercent: (n % 7) * 0.3,
      jitterMs: 5 + (n % 11),
      maxJitterMs: 20,
      roundTripMs: 40 + (n % 13),
      packets: 1_000 + n * 250,
      bitRate: 64_000,
      localAddress: '10.0.0.5:5004',
      remoteAddress: '52.112.0.10:3478',
    };
  });
}

/** The same parsed samples handed to the tracker directly, for LANE_MS. */
function directRate(tracker: BenchTracker, bodies: LiveSample[][], batchSize: number): number {
  for (let i = 0; i < 1_000; i++) tracker.ingestSamples(bodies[i % bodies.length]!); // warm-up
  let ingested = 0;
  const started = performance.now();
  const deadline = started + LANE_MS;
  for (let i = 0; performance.now() < deadline; i++) {
    tracker.ingestSamples(bodies[i % bodies.length]!);
    ingested += batchSize;
  }
  return ingested / ((performance.now() - started) / 1_000);
}

runIfMain(import.meta.url, main);

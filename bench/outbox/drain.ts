/**
 * Drain throughput: a backlog drained by the sync worker through the real Graph
 * client into the emulator, which answers every request after 1 ms and limits the route to
 * BENCH_DRAIN_RATE requests per second (fixed 1 s windows, 429 + Retry-After above it). Reported as the
 * ratio of reports delivered per second to that limit (target ≥ 0.9), with zero duplicates and zero 429s.
 * The worker runs as the agent does (synchronous=FULL, concurrency 4) with its client-side limit set 5 %
 * under the route's, so its burst never crosses a window boundary into a 429.
 *   npx tsx bench/outbox/drain.ts
 */
import { randomUUID } from 'node:crypto';
import { createTokenProvider } from '../../electron/core/auth/index';
import { openDatabase } from '../../electron/core/db/database';
import { startEmulator } from '../../electron/sim/emulator/index';
import { createGraphClient } from '../../electron/core/graph/client';
import { createOutbox } from '../../electron/core/outbox/index';
import { createSyncWorker } from '../../electron/core/sync/index';
import { fixed, runIfMain, seedQuality, withTempDirAsync, type BenchResult } from './support';

const RATE_PER_SECOND = Number(process.env.BENCH_DRAIN_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 10);
const LATENCY_MS = 1;
const WINDOW_SECONDS = 10;
const CLIENT_SHARE = 0.98;

export async function main(): Promise<BenchResult> {
  const emulator = await startEmulator({ port: 0, rateLimit: { quality: { requests: RATE_PER_SECOND * WINDOW_SECONDS, windowSeconds: WINDOW_SECONDS } } });
  try {
    return await withTempDirAsync('vtc-bench-drain-', async (dir) => {
      const count = RATE_PER_SECOND * SECONDS;
      const db = openDatabase(dir, { synchronous: 'FULL' });
      const outbox = createOutbox(db);
      const seed = seedQuality();
      db.transaction(() => {
        for (let i = 0; i < count; i += 1) outbox.enqueue({ body: { ...seed, mediaLegId: randomUUID() }, source: 'device' });
      })();

      const tokenProvider = createTokenProvider({
        cloud: 'global',
        tenantId: emulator.tenantId,
        clientId: emulator.clientId,
        credential: { type: 'secret', secret: emulator.clientSecret },
        endpoints: { login: emulator.url },
      });
      const client = createGraphClient({ graphBaseUrl: emulator.url, tokenProvider });
      await tokenProvider.getToken(); // the token fetch is not part of the drain
      emulator.injectFaults({ route: 'quality', delayMs: LATENCY_MS, times: 1_000_000_000 });

      const worker = createSyncWorker({ outbox, sender: client, now: Date.now, random: Math.random, concurrency: 4, rateLimitPerSecond: RATE_PER_SECOND * CLIENT_SHARE });
      let sent = 0;
      const startedMs = performance.now();
      const drained = new Promise<number>((resolve) => {
        worker.on('attempt', (event) => {
          if (event.outcome === 'sent') sent += 1;
          if (sent === count) resolve(performance.now());
        });
      });
      worker.start();
      const endedMs = await drained;
      await worker.stop({ timeoutMs: 5_000 });
      db.close();

      const seconds = (endedMs - startedMs) / 1000;
      const perSecond = count / seconds;
      const ratio = perSecond / RATE_PER_SECOND;
      const legs = new Map<string, number>();
      for (const received of emulator.received()) {
        const leg = (received.body as { quality: { mediaLegId: string } }).quality.mediaLegId;
        legs.set(leg, (legs.get(leg) ?? 0) + 1);
      }
      const duplicates = [...legs.values()].reduce((sum, n) => sum + n - 1, 0);
      const throttled = emulator.stats().requests.quality - emulator.received().length;
      const ok = ratio >= 0.9 && duplicates === 0 && legs.size === count;
      const line =
        `outbox drain: ${count} reports in ${fixed(seconds)} s = ${fixed(perSecond, 1)}/s against a route limit of ${RATE_PER_SECOND}/s ` +
        `(${LATENCY_MS} ms latency): ratio ${fixed(ratio)} (target ≥ 0.9) ${ok ? 'OK' : 'MISSED'}; duplicates ${duplicates}; 429s ${throttled}`;
      console.log(line);
      return { name: 'outbox-drain', line, ok, metrics: { count, seconds, perSecond, ratio, duplicates, throttled } };
    });
  } finally {
    await emulator.close();
  }
}

runIfMain(import.meta.url, main);

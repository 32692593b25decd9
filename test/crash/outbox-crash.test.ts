/**
 * Crash test of the outbox: a child process runs the outbox and the sync worker against
 * the emulator and enqueues numbered reports, printing each one after its commit. It is SIGKILLed at
 * random moments (CRASH_ITERATIONS times, default 100, spread over parallel lanes with their own data
 * directories); after each kill the directory is reopened (PRAGMA integrity_check must be ok) and drained.
 * At the end: every printed report was delivered, every report in the database was sent, and a report
 * reached Graph more than once only through attempts that were in flight at a kill (outcome
 * `interrupted`), traced by the client-request-id of each delivery. CRASH_SEED repeats a run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../electron/core/auth/index';
import { openDatabase } from '../../electron/core/db/database';
import { startEmulator, type EmulatorHandle } from '../../electron/sim/emulator/index';
import { createGraphClient, type GraphClient } from '../../electron/core/graph/client';
import { createOutbox } from '../../electron/core/outbox/index';
import { prepareChild, reopenAndDrain, runAndKill, seededRandom, SEED_BODY_PATH } from './crash-support';

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 100);
const LANES = Number(process.env.CRASH_LANES ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

interface LaneResult {
  dir: string;
  printed: Map<string, { number: number; mediaLegId: string }>;
  kills: number;
  recoveredInFlight: number;
}

describe('outbox crash safety', () => {
  let emulator: EmulatorHandle;
  let client: GraphClient;
  let command: string[];
  const dirs: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const tokenProvider = createTokenProvider({
      cloud: 'global',
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      credential: { type: 'secret', secret: emulator.clientSecret },
      endpoints: { login: emulator.url },
    });
    client = createGraphClient({ graphBaseUrl: emulator.url, tokenProvider, timeoutMs: 5_000 });
    command = await prepareChild();
  });

  afterAll(async () => {
    await emulator?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function runLane(lane: number, iterations: number): Promise<LaneResult> {
    const random = seededRandom(SEED * 31 + lane);
    const dir = mkdtempSync(join(tmpdir(), `vtc-crash-${lane}-`));
    dirs.push(dir);
    const result: LaneResult = { dir, printed: new Map(), kills: 0, recoveredInFlight: 0 };
    let nextNumber = 1;
    for (let i = 0; i < iterations; i += 1) {
      // Mostly while enqueueing and sending; one kill in ten lands during start-up (open, migrate, recover).
      const beforeReady = random() < 0.1;
      const killAfterMs = Math.floor(random() * (beforeReady ? 300 : 400));
      const run = await runAndKill(
        command,
        {
          dataDir: dir,
          emulatorUrl: emulator.url,
          tenantId: emulator.tenantId,
          clientId: emulator.clientId,
          clientSecret: emulator.clientSecret,
          lane,
          firstNumber: nextNumber,
          seedBodyPath: SEED_BODY_PATH,
        },
        killAfterMs,
        beforeReady,
      );
      result.kills += 1;
      for (const report of run.printed) {
        result.printed.set(report.id, report);
        nextNumber = Math.max(nextNumber, report.number + 1);
      }
      const { integrity, recovered } = await reopenAndDrain(dir, client);
      expect(integrity, `lane ${lane} kill ${i} (seed ${SEED})`).toBe('ok');
      result.recoveredInFlight += recovered;
    }
    return result;
  }

  it(
    `delivers every acknowledged report across ${ITERATIONS} SIGKILLs, duplicates only from in-flight attempts`,
    async () => {
      const perLane = Array.from({ length: LANES }, (_, lane) => Math.floor(ITERATIONS / LANES) + (lane < ITERATIONS % LANES ? 1 : 0));
      const lanes = await Promise.all(perLane.map((iterations, lane) => runLane(lane, iterations)));

      const deliveries = new Map<string, string[]>(); // mediaLegId → client-request-ids that reached Graph
      for (const received of emulator.received()) {
        const leg = (received.body as { quality: { mediaLegId: string } }).quality.mediaLegId;
        deliveries.set(leg, [...(deliveries.get(leg) ?? []), received.clientRequestId ?? '?']);
      }

      let printedTotal = 0;
      let duplicates = 0;
      for (const lane of lanes) {
        const db = openDatabase(lane.dir, { readonly: true });
        try {
          const outbox = createOutbox(db);
          const rows = db.prepare('SELECT id, media_leg_id, state FROM reports').all() as { id: string; media_leg_id: string; state: string }[];
          // Nothing stuck: every report in the database was sent.
          expect(rows.filter((row) => row.state !== 'sent'), `seed ${SEED}`).toEqual([]);
          // Every printed (acknowledged) report is in the database and reached Graph.
          const stored = new Set(rows.map((row) => row.id));
          for (const [id, report] of lane.printed) {
            expect(stored.has(id), `report ${report.number} of lane ${lanes.indexOf(lane)} (seed ${SEED})`).toBe(true);
            expect(deliveries.get(report.mediaLegId)?.length ?? 0, `report ${report.number} delivered`).toBeGreaterThanOrEqual(1);
          }
          printedTotal += lane.printed.size;
          // Each delivery is traced to an attempt: the one recorded as sent, or one interrupted by a kill.
          for (const row of rows) {
            const outcomes = new Map(outbox.get(row.id)!.attempts.map((a) => [a.clientRequestId, a.outcome]));
            const traced = (deliveries.get(row.media_leg_id) ?? []).map((crid) => outcomes.get(crid) ?? 'untraced');
            expect(traced.filter((o) => o === 'sent'), `report ${row.id} (seed ${SEED})`).toHaveLength(1);
            expect(traced.filter((o) => o !== 'sent' && o !== 'interrupted'), `report ${row.id} (seed ${SEED})`).toEqual([]);
            duplicates += traced.length - 1;
          }
        } finally {
          db.close();
        }
      }
      const kills = lanes.reduce((sum, lane) => sum + lane.kills, 0);
      const recovered = lanes.reduce((sum, lane) => sum + lane.recoveredInFlight, 0);
      console.log(`crash test: ${kills} kills, ${printedTotal} acknowledged reports, ${recovered} in flight at a kill, ${duplicates} duplicate deliveries (all traced), seed ${SEED}`);
      expect(kills).toBe(ITERATIONS);
      expect(printedTotal).toBeGreaterThan(0);
    },
    Math.max(240_000, ITERATIONS * 5_000),
  );
});

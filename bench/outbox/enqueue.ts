/**
 * Enqueue cost: throughput and p99 of enqueue of a validated seed-sized report with
 * the chosen synchronous=FULL, side by side with raw better-sqlite3 inserts of the same bytes (id + body
 * in a two-column table, autocommit, same WAL/FULL settings): target ≥ 0.5 of raw; and with
 * synchronous=NORMAL: what FULL costs. Validation (what the ingest API does before enqueue) is timed on
 * its own and printed, not part of the ratio: it is not storage. Small blocks of the three kinds alternate
 * so disk and CPU drift (other processes on a 2-core machine) hit all three alike.
 *   npx tsx bench/outbox/enqueue.ts
 */
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db, type Synchronous } from '../../electron/core/db/database';
import { createOutbox, type Outbox } from '../../electron/core/outbox/index';
import { teleconferenceDeviceQualitySchema, type TeleconferenceDeviceQuality } from '../../shared/graph/quality';
import { validate } from '../../shared/validation';
import { fixed, percentile, runIfMain, seedQuality, withTempDir, type BenchResult } from './support';

const BLOCKS = Number(process.env.BENCH_ENQUEUE_BLOCKS ?? 60);
const PER_BLOCK = 50;

interface Lane {
  run(): void;
  samplesMs: number[];
  totalMs: number;
}

export async function main(): Promise<BenchResult> {
  const seed = seedQuality();
  const body = (): unknown => ({ ...seed, mediaLegId: randomUUID() });

  return withTempDir('vtc-bench-enqueue-', (dir) => {
    const open = (name: string, synchronous: Synchronous): Db => openDatabase(`${dir}/${name}`, { synchronous });
    const fullDb = open('full', 'FULL');
    const normalDb = open('normal', 'NORMAL');
    const rawDb = open('raw', 'FULL');
    rawDb.exec('CREATE TABLE raw_reports (id TEXT PRIMARY KEY, body_json TEXT NOT NULL) STRICT');
    const rawInsert = rawDb.prepare('INSERT INTO raw_reports (id, body_json) VALUES (?, ?)');
    const full = createOutbox(fullDb);
    const normal = createOutbox(normalDb);

    const validated = (): TeleconferenceDeviceQuality => {
      const result = validate(teleconferenceDeviceQualitySchema, body());
      if (!result.ok) throw new Error('the seed body must be valid');
      return result.value;
    };
    const ready = validated();
    const enqueue = (outbox: Outbox) => () => outbox.enqueue({ body: { ...ready, mediaLegId: randomUUID() }, source: 'ingest' });
    const bytes = JSON.stringify(ready);
    const lanes: Record<'full' | 'normal' | 'raw' | 'validate', Lane> = {
      full: lane(enqueue(full)),
      normal: lane(enqueue(normal)),
      raw: lane(() => rawInsert.run(randomUUID(), JSON.stringify({ ...ready, mediaLegId: randomUUID() }))),
      validate: lane(() => void validated()),
    };
    for (const l of Object.values(lanes)) for (let i = 0; i < 20; i += 1) l.run(); // warm-up
    for (const l of Object.values(lanes)) l.samplesMs.length = 0;
    for (const l of Object.values(lanes)) l.totalMs = 0;
    for (let block = 0; block < BLOCKS; block += 1) for (const l of Object.values(lanes)) measure(l, PER_BLOCK);
    for (const db of [fullDb, normalDb, rawDb]) db.close();

    const rate = (l: Lane) => (l.samplesMs.length / l.totalMs) * 1000;
    const ratioToRaw = rate(lanes.full) / rate(lanes.raw);
    const fullCost = rate(lanes.normal) / rate(lanes.full);
    const metrics = {
      fullPerSecond: rate(lanes.full),
      fullP99Ms: percentile(lanes.full.samplesMs, 99),
      rawPerSecond: rate(lanes.raw),
      rawP99Ms: percentile(lanes.raw.samplesMs, 99),
      normalPerSecond: rate(lanes.normal),
      normalP99Ms: percentile(lanes.normal.samplesMs, 99),
      ratioToRaw,
      fullCostFactor: fullCost,
      bodyBytes: Buffer.byteLength(bytes),
      validateMeanUs: (lanes.validate.totalMs / lanes.validate.samplesMs.length) * 1000,
    };
    const ok = ratioToRaw >= 0.5;
    const line =
      `outbox enqueue (${metrics.bodyBytes} B, validated): FULL ${fixed(metrics.fullPerSecond, 0)}/s p99 ${fixed(metrics.fullP99Ms)} ms; ` +
      `raw FULL insert ${fixed(metrics.rawPerSecond, 0)}/s p99 ${fixed(metrics.rawP99Ms)} ms; ratio to raw ${fixed(ratioToRaw)} (target ≥ 0.5) ` +
      `${ok ? 'OK' : 'MISSED'}; NORMAL ${fixed(metrics.normalPerSecond, 0)}/s p99 ${fixed(metrics.normalP99Ms)} ms: FULL costs ${fixed(fullCost, 1)}× NORMAL; validation ${fixed(metrics.validateMeanUs, 0)} µs each on top`;
    console.log(line);
    return { name: 'outbox-enqueue', line, ok, metrics };
  });
}

function lane(run: () => void): Lane {
  return { run, samplesMs: [], totalMs: 0 };
}

function measure(l: Lane, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    l.run();
    const tookMs = performance.now() - started;
    l.samplesMs.push(tookMs);
    l.totalMs += tookMs;
  }
}

runIfMain(import.meta.url, main);

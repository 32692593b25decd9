/** Shared by the outbox benchmarks: the seed body, temp directories, percentiles, "run when executed". */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TeleconferenceDeviceQuality } from '../../shared/graph/quality';

export interface BenchResult {
  name: string;
  /** The one line printed. */
  line: string;
  /** Whether the target was met. */
  ok: boolean;
  metrics: Record<string, number>;
}

const SEED = fileURLToPath(new URL('../../test/fixtures/seed-quality-body.json', import.meta.url));

export function seedQuality(): TeleconferenceDeviceQuality {
  return (JSON.parse(readFileSync(SEED, 'utf8')) as { quality: TeleconferenceDeviceQuality }).quality;
}

export function withTempDir<T>(prefix: string, run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function withTempDirAsync<T>(prefix: string, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function percentile(samplesMs: number[], p: number): number {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** Runs `main` when the file is executed directly (`npx tsx bench/outbox/x.ts`), not when imported. */
export function runIfMain(moduleUrl: string, main: () => Promise<BenchResult>): void {
  const entry = process.argv[1];
  if (entry === undefined || pathToFileURL(entry).href !== moduleUrl) return;
  main().then(
    (result) => {
      process.exitCode = result.ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * `npm run bench`: every benchmark's `main()` in sequence in this process, then a summary table (figure,
 * ratio, and what the ratio is against: the limit or the alternative measured in the same run) and
 * the results as JSON in test/artifacts/bench-results.json (gitignored). One failing bench does not stop
 * the others; the exit code is 1 when any bench failed or (except with --quick) missed its target.
 *   npm run bench -- --only ui         only the benches whose id contains "ui"
 *   npm run bench -- --quick           shorter runs (a smoke test, not the measurement)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { BenchResult } from './outbox/support';
import { parseArgs, USAGE, type RunnerOptions } from './runner/args';
import { selectBenches, type BenchEntry, type SummaryRow } from './runner/registry';
import { formatTable, type TableRow } from './runner/table';

interface Outcome {
  id: string;
  seconds: number;
  result?: BenchResult;
  rows: SummaryRow[];
  error?: string;
}

async function runOne(bench: BenchEntry, quick: boolean): Promise<Outcome> {
  if (quick) for (const [name, value] of Object.entries(bench.quickEnv)) process.env[name] ??= value;
  console.log(`\n== ${bench.id}${quick ? ' (quick)' : ''}`);
  const startedMs = performance.now();
  try {
    const main = await bench.load();
    const result = await main();
    return { id: bench.id, seconds: (performance.now() - startedMs) / 1000, result, rows: bench.rows(result) };
  } catch (error) {
    console.error(`${bench.id} failed:`, error);
    return { id: bench.id, seconds: (performance.now() - startedMs) / 1000, rows: [], error: error instanceof Error ? error.message : String(error) };
  }
}

function tableRows(outcomes: readonly Outcome[]): TableRow[] {
  return outcomes.flatMap((outcome): TableRow[] => {
    if (outcome.error !== undefined) return [{ status: 'ERROR', name: outcome.id, figure: outcome.error.split('\n')[0]!.slice(0, 80), ratio: '', against: '' }];
    const status = outcome.result!.ok ? 'OK' : 'MISSED';
    return outcome.rows.map((row) => ({ status: row.judged ? (row.met === false ? 'MISSED' : status) : 'info', name: row.name, figure: row.figure, ratio: Number.isFinite(row.ratio) ? row.ratio.toFixed(3) : 'n/a', against: row.against }));
  });
}

async function run(options: RunnerOptions): Promise<number> {
  const benches = selectBenches(options.only);
  const startedAt = new Date().toISOString();
  const startedMs = performance.now();
  const outcomes: Outcome[] = [];
  for (const bench of benches) outcomes.push(await runOne(bench, options.quick));
  const totalSeconds = (performance.now() - startedMs) / 1000;

  console.log(`\n${formatTable(tableRows(outcomes))}`);
  console.log(`\n${outcomes.length} bench(es) in ${totalSeconds.toFixed(1)} s${options.quick ? ' (quick: smoke sizes, not the measurement)' : ''}`);

  mkdirSync(dirname(options.outFile), { recursive: true });
  const json = {
    startedAt,
    quick: options.quick,
    totalSeconds,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    benches: outcomes.map(({ id, seconds, result, rows, error }) => ({ id, seconds, ok: result?.ok ?? false, error, line: result?.line, rows, metrics: result?.metrics })),
  };
  writeFileSync(options.outFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`results: ${relative(process.cwd(), options.outFile)}`);
  // A quick run's sizes are too small to judge targets by (the drain's rate limit window alone is 10 s):
  // only a bench that failed outright fails it.
  const failed = outcomes.filter((outcome) => outcome.result === undefined || (!options.quick && (!outcome.result.ok || outcome.rows.some((row) => row.met === false))));
  return failed.length === 0 ? 0 : 1;
}

function cli(): void {
  let options: RunnerOptions;
  try {
    options = parseArgs(process.argv.slice(2));
    if (!options.help) selectBenches(options.only); // reject a bad --only before anything runs
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  run(options).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

cli();

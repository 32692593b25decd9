// Smoke test of `npm run bench` (bench/run.ts), run as the CLI it is: one cheap bench in --quick mode prints
// its ratio line and the summary table, and writes the results file where --out says (not over the real
// results in test/artifacts). A filter that matches nothing is refused before anything runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const TSX = resolve('node_modules/.bin/tsx');
/** Without the caller's BENCH_* sizes, so --quick picks its own. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BENCH_')));

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['bench/run.ts', ...args], { cwd: resolve('.'), env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('bench runner', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('runs one quick bench, prints its ratio and the summary row, and writes the results file', async () => {
    const temp = makeTempDir('vtc-bench-runner-');
    cleanup = temp.cleanup;
    const outFile = join(temp.dir, 'results.json');

    const { code, stdout, stderr } = await runBench(['--quick', '--only', 'outbox/enqueue', '--out', outFile]);

    expect(stderr).not.toMatch(/failed/);
    expect(code).toBe(0);
    expect(stdout).toContain('== outbox/enqueue (quick)');
    expect(stdout).toMatch(/ratio to raw \d+\.\d\d \(target ≥ 0\.5\)/);
    expect(stdout).toMatch(/^(OK|MISSED) +outbox enqueue \(FULL\) +\d[\d,]*\/s, p99 [\d.]+ ms +\d+\.\d{3} +≥ 0\.5 × raw/m);
    expect(stdout).not.toContain('== ui/rooms-render');

    const results = JSON.parse(readFileSync(outFile, 'utf8')) as { quick: boolean; benches: { id: string; metrics: Record<string, number> }[] };
    expect(results.quick).toBe(true);
    expect(results.benches.map((bench) => bench.id)).toEqual(['outbox/enqueue']);
    expect(results.benches[0]!.metrics.ratioToRaw).toBeGreaterThan(0);
  }, 20_000);

  it('refuses a filter that matches no bench, naming the known ones', async () => {
    const { code, stderr } = await runBench(['--only', 'no-such-bench']);
    expect(code).toBe(2);
    expect(stderr).toContain('--only no-such-bench matches no benchmark; known: outbox/enqueue');
    expect(stderr).toContain('ui/rooms-render');
  }, 20_000);
});

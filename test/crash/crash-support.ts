/**
 * Helpers of the outbox crash test: start the child (bundled once for a fast start), kill it at a seeded
 * random moment, reopen the data directory and drain it with the real client.
 *
 * Why a bundle: under `node --import tsx` the child needs ~1–2 s to start on this 2-core machine (it
 * transpiles and loads MSAL, zod and the core), which would make 100 kills cost minutes. The same source
 * bundled once with esbuild (the transpiler tsx itself uses) starts in ~0.2 s. CRASH_CHILD=tsx runs the
 * source through tsx instead, e.g. to debug it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../electron/core/db/database';
import { openDatabase } from '../../electron/core/db/database';
import type { QualitySender } from '../../electron/core/graph/types';
import { createOutbox } from '../../electron/core/outbox/index';
import { createSyncWorker } from '../../electron/core/sync/index';
import type { ChildArgs } from './outbox-crash-child';
import { mulberry32 } from '../../electron/sim/emulator/prng';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHILD_SOURCE = fileURLToPath(new URL('./outbox-crash-child.ts', import.meta.url));
export const SEED_BODY_PATH = fileURLToPath(new URL('../fixtures/seed-quality-body.json', import.meta.url));

/** The command that runs the child: [executable, ...args before the JSON argument]. */
export async function prepareChild(): Promise<string[]> {
  if (process.env.CRASH_CHILD === 'tsx') return [process.execPath, '--import', 'tsx', CHILD_SOURCE];
  // Inside node_modules so the bundle's bare import of better-sqlite3 (native, not bundled) resolves.
  const outDir = `${REPO}node_modules/.cache/vtc-outbox-crash`;
  mkdirSync(outDir, { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [CHILD_SOURCE],
    outfile: `${outDir}/child.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // CommonJS dependencies (MSAL) call require(); ESM has none unless we make one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return [process.execPath, `${outDir}/child.mjs`];
}

export interface ChildRun {
  /** Reports whose `enqueued` line was printed completely: committed, promised. */
  printed: { number: number; id: string; mediaLegId: string }[];
  sawReady: boolean;
}

/**
 * Starts the child and SIGKILLs it `killAfterMs` after it printed `ready` (or after spawn, when
 * `beforeReady`). A line cut off by the kill does not count: the child never finished saying it.
 */
export function runAndKill(command: string[], args: ChildArgs, killAfterMs: number, beforeReady: boolean): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const [executable, ...rest] = command as [string, ...string[]];
    const child = spawn(executable, [...rest, JSON.stringify(args)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { printed: [], sawReady: false };
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const killLater = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    };
    if (beforeReady) killLater();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          run.sawReady = true;
          if (!beforeReady) killLater();
          continue;
        }
        const [word, number, id, mediaLegId] = line.split(' ');
        if (word === 'enqueued' && number && id && mediaLegId) run.printed.push({ number: Number(number), id, mediaLegId });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the child exited by itself (code ${code}, signal ${signal}): ${stderr}`));
      else resolve(run);
    });
  });
}

/** After a kill: the database must be intact; then the agent's own restart path drains it. */
export async function reopenAndDrain(dataDir: string, sender: QualitySender): Promise<{ integrity: string; recovered: number }> {
  const db: Db = openDatabase(dataDir, { synchronous: 'FULL' });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const outbox = createOutbox(db);
    const recovered = outbox.stats().counts.in_flight;
    const worker = createSyncWorker({ outbox, sender, now: Date.now, random: () => 0, concurrency: 8 });
    worker.start();
    await worker.whenIdle();
    await worker.stop({ timeoutMs: 5_000 });
    const left = outbox.stats().counts;
    if (left.pending + left.in_flight + left.needs_context + left.failed > 0) {
      throw new Error(`not drained after the kill: ${JSON.stringify(left)}`);
    }
    return { integrity, recovered };
  } finally {
    db.close();
  }
}

/** mulberry32 (the emulator's): a seeded PRNG so a failing run can be repeated with CRASH_SEED. */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);

/**
 * The agent as a child process, the way a script or a service manager runs it: `node --import tsx
 * electron/cli/main.ts <command>` (what `npm run agent --` runs, without npm's output), real pipes for
 * stdout and stderr, no VTC_* variable of the developer's shell. One-shot commands give their whole output
 * and exit status; long-running ones (`run`, `emulator`) are ready once they printed the `key: value`
 * lines asked for, and stop with SIGTERM (bounded: SIGKILL and throw).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { killWithTestRun, readReadyLines, stopChild, type ChildWatch } from './child-ready-lines';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AgentExit {
  stdout: string;
  stderr: string;
  code: number | null;
}

function agentEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VTC_'))), ...extra };
}

function spawnAgent(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: REPO_ROOT, env: agentEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a one-shot command to its end; stdout is collected as bytes, so a cut document shows as one. */
export function runAgentProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<AgentExit> {
  const child = spawnAgent(args, env);
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr, code }));
  });
}

export interface AgentProcess {
  /** The `key: value` lines printed so far, by key. */
  lines: Map<string, string>;
  stderr(): string;
  /** The first stderr line (the JSON log) matching, already written or still to come; rejects after timeoutMs. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code when the process ends by itself (a crash at start, for one). */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code (SIGKILL and throw after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts a long-running command; resolves once every key in `readyKeys` was printed as `key: value`. */
export async function startAgentProcess(args: string[], readyKeys: readonly string[], options: { env?: NodeJS.ProcessEnv; readyTimeoutMs?: number } = {}): Promise<AgentProcess> {
  const child = spawnAgent(args, options.env ?? {});
  let stderr = '';
  const stderrWatchers = new Set<() => void>();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const watch of [...stderrWatchers]) watch();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const running: ChildWatch = { child, exited, label: `agent ${args[0]}`, stderr: () => stderr };
  killWithTestRun(running);
  const lines = await readReadyLines(running, readyKeys, options.readyTimeoutMs ?? 45_000);

  let stopped: Promise<number | null> | undefined;
  const waitForStderr = (pattern: RegExp, waitMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const watch = (): void => {
        const line = stderr.split('\n').find((candidate) => pattern.test(candidate));
        if (line === undefined) return;
        stderrWatchers.delete(watch);
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        stderrWatchers.delete(watch);
        reject(new Error(`no stderr line matching ${String(pattern)} within ${waitMs} ms\n${stderr.slice(-2_000)}`));
      }, waitMs);
      stderrWatchers.add(watch);
      watch();
    });

  return {
    lines,
    stderr: () => stderr,
    waitForStderr,
    exited,
    stop(stopTimeoutMs = 15_000) {
      stopped ??= stopChild(running, stopTimeoutMs);
      return stopped;
    },
  };
}

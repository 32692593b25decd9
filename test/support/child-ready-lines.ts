/**
 * What the test helpers that start a long-running CLI command (the agent's `run`, `emulator`, `demo`) share:
 * ready once the command printed its `key: value` lines on stdout, never outliving the test run, and
 * stopped with SIGTERM within a bound.
 */
import type { ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type PipedChild = ChildProcessByStdio<null, Readable, Readable>;

export interface ChildWatch {
  child: PipedChild;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
  /** Names the process in error messages ("agent run", "demo"). */
  label: string;
  /** What the process wrote to stderr so far, whose tail goes into error messages. */
  stderr(): string;
}

/** A test run that dies without its afterAll must not leave the process and its servers behind. */
export function killWithTestRun({ child, exited }: Pick<ChildWatch, 'child' | 'exited'>): void {
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
}

/**
 * Every `key: value` line stdout prints, by key, from now on (the map keeps filling after it resolves).
 * Resolves once every key in `readyKeys` was printed; rejects if the process exits first or `timeoutMs`
 * passes, after killing it.
 */
export async function readReadyLines(watch: ChildWatch, readyKeys: readonly string[], timeoutMs: number): Promise<Map<string, string>> {
  const { child, exited, label, stderr } = watch;
  const lines = new Map<string, string>();
  const reader = createInterface({ input: child.stdout });
  const missing = (): string[] => readyKeys.filter((key) => !lines.has(key));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${label} printed no ${missing().join(', ')} line within ${timeoutMs} ms\n${stderr().slice(-2_000)}`)), timeoutMs);
      reader.on('line', (line) => {
        const match = /^([a-z-]+): (.+)$/.exec(line);
        if (match) lines.set(match[1]!, match[2]!.trim());
        if (missing().length > 0) return;
        clearTimeout(timer);
        resolve();
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${label} exited with ${code} before it was ready\n${stderr().slice(-2_000)}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return lines;
}

/** SIGTERM, then the exit code once the process is gone (SIGKILL and throw after `timeoutMs`). */
export async function stopChild(watch: ChildWatch, timeoutMs: number): Promise<number | null> {
  const { child, exited, label, stderr } = watch;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not exit within ${timeoutMs} ms of SIGTERM\n${stderr().slice(-2_000)}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

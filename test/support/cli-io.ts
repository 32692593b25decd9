/**
 * A CliIo for running agent commands in-process (runCli(argv, io)): collects stdout and stderr lines, takes
 * an environment (no VTC_* variables from the developer's shell leak in), and a shutdown the test triggers
 * the way SIGINT/SIGTERM would. `waitForOut` resolves on the line a long-running command prints once ready.
 */
import type { CliIo } from '../../electron/cli/io';

export interface CapturedIo {
  io: CliIo;
  out: string[];
  err: string[];
  /** stdout as one string (a --json document, a table). */
  stdout(): string;
  stderr(): string;
  /** The stdout parsed as the one JSON document --json prints. */
  json<T = unknown>(): T;
  /** Settles io.shutdown, as SIGTERM does in the real process. */
  shutdown(signal?: string): void;
  /** The first stdout line that matches, as soon as it is printed (rejects after timeoutMs). */
  waitForOut(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function captureIo(env: NodeJS.ProcessEnv = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const watchers = new Set<(line: string) => void>();
  let stop: (signal: string) => void = () => undefined;
  const shutdown = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const io: CliIo = {
    out: (line) => {
      out.push(line);
      for (const watch of [...watchers]) watch(line);
    },
    err: (line) => err.push(line),
    env,
    shutdown,
  };
  return {
    io,
    out,
    err,
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
    json: <T>() => JSON.parse(out.join('\n')) as T,
    shutdown: (signal = 'SIGTERM') => stop(signal),
    waitForOut: (pattern, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const seen = out.find((line) => pattern.test(line));
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`no stdout line matched ${pattern} within ${timeoutMs} ms; stdout: ${JSON.stringify(out)}, stderr: ${JSON.stringify(err)}`));
        }, timeoutMs);
        const watch = (line: string): void => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(line);
        };
        watchers.add(watch);
      }),
  };
}

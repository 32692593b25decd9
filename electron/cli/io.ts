/**
 * What a command may touch of the outside world, passed in so tests run commands in-process: stdout lines
 * (the `key: value` lines and --json documents scripts read), stderr lines (logs, errors), the environment,
 * and a promise that settles on SIGINT/SIGTERM.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM) or the test says so. */
  shutdown: Promise<string>;
}

export function processIo(): CliIo {
  const shutdown = new Promise<string>((resolve) => {
    const stop = (signal: string): void => resolve(signal);
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    shutdown,
  };
}

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

/**
 * Resolves once everything written so far to stdout and stderr has been handed to the OS. A write callback
 * runs after every earlier chunk of the same stream, so an empty write with a callback marks the end. A
 * reader that went away (EPIPE) settles it too: there is nobody left to write to.
 */
export function flushStdio(): Promise<void> {
  const flush = (stream: NodeJS.WriteStream): Promise<void> =>
    new Promise((resolve) => {
      if (stream.destroyed || !stream.writable) return resolve();
      stream.once('error', () => resolve());
      stream.write('', () => resolve());
    });
  return Promise.all([flush(process.stdout), flush(process.stderr)]).then(() => undefined);
}

export function processIo(): CliIo {
  const shutdown = new Promise<string>((resolve) => {
    const stop = (signal: string): void => resolve(signal);
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  // A reader that went away (`vtc-agent … | head`) is no reason to crash a running agent: the lines are dropped.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    shutdown,
  };
}

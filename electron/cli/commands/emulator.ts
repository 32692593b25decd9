/**
 * `emulator [--port P] [--seed S]`: the Graph and Entra emulator alone, for pointing an agent (config
 * `endpoints.graph` / `endpoints.login`), a test or a script at it. Prints, once listening, the
 * `emulator:`, `tenant-id:`, `client-id:`, `client-secret:` lines (../shared/design/contracts.md) and runs until SIGINT or
 * SIGTERM. The default port 0 picks a free one; the `emulator:` line says which.
 */
import { parseCommandArgs, parsePort, parseWholeNumber, UsageError } from '../args';
import type { Command } from './index';
import { runEmulatorCommand } from '../../sim/emulator/cli';

export const emulatorCommand: Command = {
  summary: 'the Graph and Entra emulator alone (prints its URL and demo app credentials)',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { port: { type: 'string' }, seed: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`emulator takes no arguments, got ${JSON.stringify(positionals.join(' '))}`);
    const port = parsePort(values.port, 0);
    const seed = parseWholeNumber('seed', values.seed, 1);
    const emulator = await runEmulatorCommand({ port, seed }, io.out);
    const signal = await io.shutdown;
    await emulator.close();
    io.err(`emulator stopped (${signal})`);
    return 0;
  },
};

/**
 * `npm run agent -- <command>` / `vtc-agent <command>`: the headless agent (../shared/design/contracts.md "Command line").
 * Exit status: 0 success, 2 bad usage or configuration (reason on stderr), 1 anything else.
 */
import { ConfigError } from '../core/config/load';
import { UsageError } from './args';
import type { CliIo } from './io';
import { COMMANDS, usage } from './commands/index';
import { errorMessage } from '../../shared/error-message';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`vtc-agent: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`vtc-agent ${name}: ${error.message}`);
      return 2;
    }
    io.err(`vtc-agent ${name}: ${errorMessage(error)}`);
    return 1;
  }
}

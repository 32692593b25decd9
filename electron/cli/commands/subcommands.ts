/**
 * A command made of subcommands (`reports list|show|resubmit|discard`, `tokens create|list|revoke`):
 * the first argument picks one; a missing or unknown one is bad usage naming the choices.
 */
import { UsageError } from '../args';
import type { CliIo } from '../io';
import type { Command } from './index';

export type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

export function withSubcommands(summary: string, subcommands: Record<string, Subcommand>): Command {
  const choices = Object.keys(subcommands).join(', ');
  return {
    summary,
    async run(argv, io) {
      const [subcommand, ...rest] = argv;
      if (subcommand === undefined || subcommand.startsWith('-')) throw new UsageError(`needs a subcommand: ${choices}`);
      const run = subcommands[subcommand];
      if (!run) throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)}; choose one of ${choices}`);
      return run(rest, io);
    },
  };
}

/** A JSON document on stdout: one `out` call, so it stays one document whatever else is printed. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** The command table. Each command parses its own options and returns an exit status. */
import type { CliIo } from '../io';
import { runCommand } from './run';
import { demoCommand } from './demo';
import { emulatorCommand } from './emulator';
import { statusCommand } from './status';
import { reportsCommand } from './reports';
import { tokensCommand } from './tokens';
import { callRecordsCommand } from './call-records';

export interface Command {
  summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  run: runCommand,
  demo: demoCommand,
  emulator: emulatorCommand,
  status: statusCommand,
  reports: reportsCommand,
  tokens: tokensCommand,
  'call-records': callRecordsCommand,
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['Usage: vtc-agent <command> [options]   (npm run agent -- <command> [options])', '', 'Commands:', ...lines, '', 'Every command accepts --data-dir D and --config F.'].join('\n');
}

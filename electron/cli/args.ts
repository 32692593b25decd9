/**
 * Argument parsing for the agent (../shared/design/contracts.md "Command line"). Bad usage is a UsageError: exit status 2
 * with the reason on stderr, as the contract says.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../../shared/error-message';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

type CommandArgsConfig<O> = { args: string[]; options: typeof COMMON_OPTIONS & O; allowPositionals: true; strict: true };

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O): ReturnType<typeof parseArgs<CommandArgsConfig<O>>> {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(errorMessage(error));
  }
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number 0–65535 (0 picks a free port), got ${JSON.stringify(value)}`);
  return port;
}

export function parseWholeNumber(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}`);
  return number;
}

/** `--since` takes hours or days: `24h`, `30d` (../shared/design/contracts.md). */
export function parseSinceHours(value: string | undefined, fallbackHours: number): number {
  if (value === undefined) return fallbackHours;
  const match = /^(\d+(?:\.\d+)?)([hd])$/.exec(value.trim());
  if (!match) throw new UsageError(`--since takes hours or days such as 24h or 30d, got ${JSON.stringify(value)}`);
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  if (hours <= 0 || hours > 30 * 24) throw new UsageError('--since must be more than 0 and at most 30d: Graph keeps call records for 30 days');
  return hours;
}

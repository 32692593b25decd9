/**
 * What `reports resubmit` and `reports discard` print: the ids they changed, and on stderr each id they
 * left alone with the reason ("no such report", "is sent, not failed"). Any id left alone makes the exit
 * status 1, so a script that named reports learns that not all of them were changed.
 */
import type { CliIo } from '../io';
import { printJson } from './subcommands';
import type { OperatorResult } from '../../core/outbox';

/** Who did it, in the outbox's audit log (operator_actions.actor); the UI records 'operator'. */
export const CLI_ACTOR = 'cli';

export function reportOperatorResult(io: CliIo, options: { verb: 'resubmitted' | 'discarded'; json: boolean; note?: string }, result: OperatorResult): number {
  const { verb } = options;
  if (options.json) {
    printJson(io, { [verb]: result.changed.length, changed: result.changed, skipped: result.skipped });
  } else {
    const plural = result.changed.length === 1 ? 'report' : 'reports';
    io.out(`${verb} ${result.changed.length} ${plural}${result.changed.length > 0 && options.note ? ` (${options.note})` : ''}`);
    for (const id of result.changed) io.out(`  ${id}`);
  }
  for (const { id, reason } of result.skipped) io.err(`skipped ${id}: ${reason}`);
  return result.skipped.length > 0 ? 1 : 0;
}

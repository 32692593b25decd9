/**
 * `reports discard ID… --reason R`: needs_context / pending / failed → discarded. The reason is required:
 * it goes to the audit log with actor 'cli' and is shown on the report until it is purged. In-flight
 * reports are left alone (Graph's answer decides), sent ones are history.
 */
import { parseCommandArgs, UsageError } from '../args';
import { buildContext } from '../context';
import { withOutbox } from '../outbox-access';
import type { Subcommand } from './subcommands';
import { CLI_ACTOR, reportOperatorResult } from './operator-result';

export const reportsDiscard: Subcommand = async (argv, io) => {
  const { values, positionals: ids } = parseCommandArgs(argv, { reason: { type: 'string' } });
  if (ids.length === 0) throw new UsageError('name the reports to discard: reports discard ID… --reason R');
  const reason = values.reason?.trim();
  if (!reason) throw new UsageError('--reason is required: say why these reports are discarded (it is kept in the audit log)');
  const context = buildContext(values, io);
  const result = withOutbox(context, (outbox) => outbox.discard(ids, reason, CLI_ACTOR));
  return reportOperatorResult(io, { verb: 'discarded', json: values.json }, result);
};

/**
 * `reports resubmit ID… | --all-failed`: failed → pending (or needs_context while the Teams ids are
 * missing), attempts reset, the age limit counted again from now (electron/core/outbox/operator.ts).
 * Recorded in the audit log with actor 'cli'. A running agent polls the outbox, so it picks them up within
 * its poll interval without being told.
 */
import { parseCommandArgs, UsageError } from '../args';
import { buildContext } from '../context';
import { withOutbox } from '../outbox-access';
import type { Subcommand } from './subcommands';
import { CLI_ACTOR, reportOperatorResult } from './operator-result';

export const reportsResubmit: Subcommand = async (argv, io) => {
  const { values, positionals: ids } = parseCommandArgs(argv, { 'all-failed': { type: 'boolean', default: false } });
  if (values['all-failed'] && ids.length > 0) throw new UsageError('give either report ids or --all-failed, not both');
  if (!values['all-failed'] && ids.length === 0) throw new UsageError('name the reports to resubmit (reports resubmit ID…) or pass --all-failed');
  const context = buildContext(values, io);
  const result = withOutbox(context, (outbox) => outbox.resubmit(values['all-failed'] ? { allFailed: true } : { ids }, CLI_ACTOR));
  if (values['all-failed'] && result.changed.length === 0 && !values.json) {
    io.out('no failed reports to resubmit');
    return 0;
  }
  return reportOperatorResult(io, { verb: 'resubmitted', json: values.json, note: 'a running agent sends them within seconds' }, result);
};

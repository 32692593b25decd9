/** `reports list|show|resubmit|discard`: the outbox from a shell, beside a running agent or without one. */
import { withSubcommands } from './subcommands';
import { reportsList } from './reports-list';
import { reportsShow } from './reports-show';
import { reportsResubmit } from './reports-resubmit';
import { reportsDiscard } from './reports-discard';

export const reportsCommand = withSubcommands('the outbox: list [--state S] [--room R], show ID, resubmit ID… | --all-failed, discard ID… --reason R', {
  list: reportsList,
  show: reportsShow,
  resubmit: reportsResubmit,
  discard: reportsDiscard,
});

/**
 * `reports list [--state S] [--room R] [--limit N] [--cursor C] [--json]`: the outbox newest first, one
 * page (default 50, at most 1,000, the outbox's page bounds). --json prints the UI's ReportPage; its
 * nextCursor, passed back as --cursor, gives the next page.
 */
import { parseCommandArgs, parseWholeNumber, UsageError } from '../args';
import { buildContext } from '../context';
import { formatTable } from '../format';
import { withOutbox } from '../outbox-access';
import { printJson } from './subcommands';
import type { Subcommand } from './subcommands';
import { toReportSummaryView } from '../../core/app/report-views';
import { OutboxInputError } from '../../core/outbox';
import { REPORT_STATES, type ReportState, type ReportPage } from '../../../shared/api/views';
import { reportStateSchema } from '../../../shared/api/states';

const MAX_PAGE = 1_000;

function parseState(value: string | undefined): ReportState | undefined {
  if (value === undefined) return undefined;
  const state = reportStateSchema.safeParse(value);
  if (state.success) return state.data;
  throw new UsageError(`--state must be one of ${REPORT_STATES.join(', ')}; got ${JSON.stringify(value)}`);
}

export const reportsList: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {
    state: { type: 'string' },
    room: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`reports list takes no arguments, got ${JSON.stringify(positionals.join(' '))} (filter with --state or --room)`);
  const state = parseState(values.state);
  const limit = parseWholeNumber('limit', values.limit, 50, 1);
  if (limit > MAX_PAGE) throw new UsageError(`--limit must be at most ${MAX_PAGE}; page on with --cursor`);
  const context = buildContext(values, io);
  const page: ReportPage = withOutbox(context, (outbox) => {
    const found = listOrUsageError(() => outbox.list({ state, roomId: values.room, limit, cursor: values.cursor }));
    return { items: found.items.map(toReportSummaryView), nextCursor: found.nextCursor };
  });
  if (values.json) {
    printJson(io, page);
    return 0;
  }
  if (page.items.length === 0) {
    io.out('no reports match');
    return 0;
  }
  const rows = page.items.map((report) => [
    report.id,
    report.state + (report.failedReason ? ` (${report.failedReason})` : ''),
    report.source,
    report.roomId,
    report.createdAt,
    report.attemptCount,
    report.lastError ? [report.lastError.httpStatus, report.lastError.code].filter((part) => part !== undefined).join(' ') : undefined,
  ]);
  for (const line of formatTable(['ID', 'STATE', 'SOURCE', 'ROOM', 'CREATED', 'ATTEMPTS', 'LAST ERROR'], rows)) io.out(line);
  if (page.nextCursor) io.out(`more: repeat with --cursor ${page.nextCursor}`);
  return 0;
};

/** A cursor that does not decode is the caller's mistake: bad usage (exit 2), not a failure. */
function listOrUsageError<T>(list: () => T): T {
  try {
    return list();
  } catch (error) {
    if (error instanceof OutboxInputError) throw new UsageError(`--cursor: ${error.message}`);
    throw error;
  }
}

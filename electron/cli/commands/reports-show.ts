/**
 * `reports show ID [--json]`: one report with the exact body that is (or will be) sent and every attempt:
 * its outcome, HTTP status, Graph error code and message, request-id and client-request-id, the ids
 * Microsoft support asks for. --json prints the UI's ReportDetail.
 */
import { parseCommandArgs, UsageError } from '../args';
import { buildContext } from '../context';
import type { CliIo } from '../io';
import { formatFields, formatGraphError, formatTable } from '../format';
import { withOutbox } from '../outbox-access';
import { printJson, type Subcommand } from './subcommands';
import { toReportDetailView } from '../../core/app/report-views';
import type { ReportDetail } from '../../../shared/api/views';

export const reportsShow: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {});
  const [id] = positionals;
  if (positionals.length !== 1 || id === undefined) throw new UsageError(`reports show takes one report id, got ${positionals.length}`);
  const context = buildContext(values, io);
  const report = withOutbox(context, (outbox) => {
    const found = outbox.get(id);
    return found && toReportDetailView(found);
  });
  if (!report) {
    io.err(`vtc-agent reports show: report ${id} was not found (it may have been purged after the retention period)`);
    return 1;
  }
  if (values.json) printJson(io, report);
  else printReport(io, report);
  return 0;
};

function printReport(io: CliIo, report: ReportDetail): void {
  const fields = formatFields([
    ['id', report.id],
    ['state', report.state + (report.failedReason ? ` (${report.failedReason})` : '')],
    ['source', report.source],
    ['room', report.roomId],
    ['device', report.deviceId],
    ['created', report.createdAt],
    ['callChainId', report.callChainId],
    ['participantId', report.participantId],
    ['mediaLegId', report.mediaLegId],
    ['attempts', report.attemptCount],
    ['next attempt', report.nextAttemptAt],
    ['last error', report.lastError && formatGraphError(report.lastError)],
    ['discard reason', report.discardReason],
  ]);
  for (const line of fields) io.out(line);
  io.out('');
  if (report.attempts.length === 0) {
    io.out('no attempts yet');
  } else {
    const rows = report.attempts.map((attempt) => [
      attempt.attemptNo,
      attempt.startedAt,
      attempt.outcome,
      attempt.httpStatus,
      attempt.durationMs === undefined ? undefined : `${attempt.durationMs}ms`,
      attempt.errorCode,
      attempt.requestId,
      attempt.clientRequestId,
      attempt.errorMessage,
    ]);
    const headers = ['#', 'STARTED', 'OUTCOME', 'HTTP', 'DURATION', 'ERROR CODE', 'REQUEST-ID', 'CLIENT-REQUEST-ID', 'ERROR MESSAGE'];
    for (const line of formatTable(headers, rows)) io.out(line);
  }
  io.out('');
  io.out('body:');
  io.out(JSON.stringify(report.body, null, 2));
}

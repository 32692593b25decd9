/**
 * Cache + correlation → the views of shared/api/views.ts (ISO times). `stale` is true exactly when the
 * items come from the cache because Graph could not be read now; `fetchedAt` says how old they are.
 */
import type { CallRecordDetailView, CallRecordListView, CallRecordsAvailability, ReportDetail as ReportDetailView } from '../../../shared/api/views';
import { compareReportsWithRecord } from '../../../shared/graph/callRecordCompare';
import { recordKey, type CachedList, type CachedRecord } from './cache';
import type { RecordLine } from './summary';

export interface Outcome {
  availability: CallRecordsAvailability;
  message?: string;
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** `teamsRoomsCallOf`: the room whose native Teams Rooms call the record is (teams-rooms.ts), if any. */
export function toListView(
  cached: CachedList,
  reportIds: Map<string, string[]>,
  outcome: Outcome,
  requestedSinceMs: number,
  teamsRoomsCallOf: (line: RecordLine) => { roomId: string; roomName: string } | undefined = () => undefined,
): CallRecordListView {
  const fromCache = outcome.availability !== 'ok';
  let message = outcome.message;
  if (fromCache && cached.sinceAtMs !== undefined && cached.sinceAtMs > requestedSinceMs) {
    message = `${message ?? ''} The cached list covers calls since ${iso(cached.sinceAtMs)} only.`.trim();
  }
  const view: CallRecordListView = {
    availability: outcome.availability,
    items: cached.lines.map((line) => {
      const { identities: _identities, ...shown } = line;
      const teamsRoomsCall = teamsRoomsCallOf(line);
      return { ...shown, reportIds: reportIds.get(recordKey(line.id)) ?? [], ...(teamsRoomsCall !== undefined && { teamsRoomsCall }) };
    }),
    stale: fromCache && cached.fetchedAtMs !== undefined,
  };
  if (message !== undefined) view.message = message;
  if (cached.fetchedAtMs !== undefined) view.fetchedAt = iso(cached.fetchedAtMs);
  return view;
}

export function toDetailView(cached: CachedRecord | undefined, reports: ReportDetailView[], outcome: Outcome): CallRecordDetailView {
  const record = cached?.detail;
  const view: CallRecordDetailView = {
    availability: outcome.availability,
    stale: outcome.availability !== 'ok' && record !== undefined,
    reports,
  };
  if (outcome.message !== undefined) view.message = outcome.message;
  if (record !== undefined) {
    view.record = record;
    view.fetchedAt = iso(cached?.detailFetchedAtMs);
    view.sessionCount = record.sessions?.length ?? 0;
    if (reports.length > 0) view.comparison = compareReportsWithRecord(record, reports);
  }
  return view;
}

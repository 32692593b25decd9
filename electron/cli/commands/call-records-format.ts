/**
 * Human output of `call-records list|get`: compact tables with units in the headers. Loss is shown in
 * percent on both sides (the callRecord's fraction already converted by the comparison), jitter and round
 * trip in ms, as "room / teams".
 */
import type { CallRecordDetailView, CallRecordListView } from '../../../shared/api/views';
import type { MetricComparison, StreamComparisonRow } from '../../../shared/graph/callRecordCompare';
import { recordLine } from '../../core/callrecords';
import { formatDurationMs, formatFields, formatTable } from '../format';

const MAX_NAMES = 3;

export function formatList(view: CallRecordListView): string[] {
  if (view.items.length === 0) return ['no call records in this window'];
  const rows = view.items.map((item) => [
    shortTime(item.startDateTime),
    formatDurationMs(Date.parse(item.endDateTime) - Date.parse(item.startDateTime)),
    item.type,
    item.modalities.join(','),
    names(item.participantNames),
    item.reportIds.length,
    // The room whose native Teams Rooms call this is (as `teamsRoomsCall` in --json): Teams measured it, no report.
    item.teamsRoomsCall?.roomName,
    item.version,
    item.id,
  ]);
  return formatTable(['START (UTC)', 'DURATION', 'TYPE', 'MODALITIES', 'PEOPLE', 'REPORTS', 'TEAMS ROOMS CALL', 'VERSION', 'ID'], rows);
}

export function formatDetail(view: CallRecordDetailView): string[] {
  const lines: string[] = [];
  if (view.record !== undefined) {
    const line = recordLine(view.record);
    lines.push(
      ...formatFields([
        ['id', line.id],
        ['start', line.startDateTime],
        ['end', line.endDateTime],
        ['type', line.type],
        ['modalities', line.modalities.join(', ')],
        ['organizer', line.organizerName],
        ['participants', line.participantNames.join(', ')],
        ['sessions', view.sessionCount],
        ['fetched', view.fetchedAt],
      ]),
    );
  }
  if (view.reports.length > 0) {
    lines.push('', 'room reports:');
    lines.push(...formatTable(['ID', 'STATE', 'ROOM', 'CREATED'], view.reports.map((r) => [r.id, r.state, r.roomId, r.createdAt])));
  } else {
    lines.push('', 'room reports: none with this callChainId');
  }
  if (view.comparison && view.comparison.length > 0) {
    lines.push('', 'room / teams, per stream:');
    lines.push(...formatTable(['MEDIA', 'DIRECTION', 'TEAMS STREAM', 'LOSS AVG %', 'LOSS MAX %', 'JITTER AVG ms', 'RTT AVG ms', 'AGREES'], view.comparison.map(comparisonRow)));
  }
  return lines;
}

function comparisonRow(row: StreamComparisonRow): (string | number | undefined)[] {
  const pair = (name: MetricComparison['metric']): string | undefined => {
    const metric = row.metrics.find((m) => m.metric === name);
    if (!metric || (metric.room === undefined && metric.teams === undefined)) return undefined;
    return `${figure(metric.room)} / ${figure(metric.teams)}`;
  };
  return [
    `${row.modality}#${row.channelIndex}`,
    row.direction,
    row.streamDirection,
    pair('averagePacketLoss'),
    pair('maximumPacketLoss'),
    pair('averageJitter'),
    pair('averageRoundTrip'),
    row.agrees === undefined ? undefined : row.agrees ? 'yes' : 'NO',
  ];
}

function figure(value: number | undefined): string {
  if (value === undefined) return '-';
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 1 ? 3 : 2);
}

function names(all: string[]): string | undefined {
  const unique = [...new Set(all)];
  if (unique.length === 0) return undefined;
  const more = unique.length - MAX_NAMES;
  return unique.slice(0, MAX_NAMES).join(', ') + (more > 0 ? ` +${more}` : '');
}

/** 2026-03-01T10:00:00.000Z → 2026-03-01 10:00. */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

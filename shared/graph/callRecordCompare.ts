/**
 * The room's own report beside Teams' callRecord for the same call, stream by stream, in ONE unit per
 * metric (../shared/reference/graph-api.md §8 gotcha 2): callRecord packet loss is a FRACTION (0.0138 = 1.38 %) and becomes a
 * percent; the VTC report's loss is already a percent ("0.01 means 0.01 %"); jitter and round trip are
 * ISO 8601 durations on both sides and become milliseconds.
 *
 * Which callRecord stream is "the room's": the segment endpoint that is the room, found by
 * `associatedIdentity.id` = the report's participantId, else by endpoint name / associatedIdentity
 * displayName = deviceDescription or deviceName (never the deprecated `identity`). When the room is the
 * caller, its outbound stream is `callerToCallee`; when it is the callee, `calleeToCaller`.
 * Media are matched by modality (the media label: main-audio, main-video, applicationsharing-video) and,
 * for several channels of one modality, by channelIndex in order.
 *
 * Two measurers at different points of the path never agree exactly, so "agrees" allows a tolerance
 * (AGREEMENT below): an absolute floor for near-zero values and a relative share for large ones.
 * Pure and defensive (Graph adds properties and may send nulls): no Node, no DOM.
 */
import { isoDurationToMs } from './duration';
import { dropUndefined, list, num, obj, str, type JsonObject as Json } from '../json';

export type ComparedMetric =
  | 'averagePacketLoss'
  | 'maximumPacketLoss'
  | 'averageJitter'
  | 'maximumJitter'
  | 'averageRoundTrip'
  | 'maximumRoundTrip';

export type ComparisonUnit = 'percent' | 'ms';

export interface MetricComparison {
  metric: ComparedMetric;
  unit: ComparisonUnit;
  /** The room's value, in `unit`. */
  room?: number;
  /** Teams' value converted to `unit` (loss fraction × 100; duration → ms). */
  teams?: number;
  /** Undefined when either side is missing. */
  agrees?: boolean;
}

export interface StreamComparisonRow {
  /** The outbox report the room side comes from. */
  reportId: string;
  mediaLegId?: string;
  modality: 'audio' | 'video' | 'screenSharing';
  channelIndex: number;
  /** The room's point of view: inbound = received by the room's device. */
  direction: 'inbound' | 'outbound';
  /** The callRecord stream compared with, when one was found. */
  streamDirection?: 'callerToCallee' | 'calleeToCaller';
  sessionId?: string;
  segmentId?: string;
  mediaLabel?: string;
  metrics: MetricComparison[];
  /** Every compared metric agrees; undefined when nothing could be compared. */
  agrees?: boolean;
}

/** Allowed difference: max(absolute floor, relative share of the larger value). */
export const AGREEMENT: Record<ComparisonUnit | 'roundTripMs', { floor: number; relative: number }> = {
  // half a percentage point: below that, loss differences are noise at typical packet counts
  percent: { floor: 0.5, relative: 0.25 },
  // jitter buffers and sampling windows differ by a few ms between endpoints and the media relay
  ms: { floor: 5, relative: 0.25 },
  // round trip is measured to different peers (device↔relay vs client↔MCU): a wider floor
  roundTripMs: { floor: 20, relative: 0.25 },
};

/** Just what is read from a report body (teleconferenceDeviceQuality). */
export interface ReportForComparison {
  id: string;
  body: unknown;
}

const REPORT_MODALITY: Record<string, StreamComparisonRow['modality']> = {
  '#microsoft.graph.teleconferenceDeviceAudioQuality': 'audio',
  '#microsoft.graph.teleconferenceDeviceVideoQuality': 'video',
  '#microsoft.graph.teleconferenceDeviceScreenSharingQuality': 'screenSharing',
};

/** Rows for every media item × direction of every report, each with the matching Teams stream if any. */
export function compareReportsWithRecord(record: unknown, reports: readonly ReportForComparison[]): StreamComparisonRow[] {
  return reports.flatMap((report) => compareReportWithRecord(record, report));
}

export function compareReportWithRecord(record: unknown, report: ReportForComparison): StreamComparisonRow[] {
  const body = obj(report.body);
  const quality = obj(body?.['quality']) ?? body;
  if (!quality) return [];
  const room = {
    participantId: str(quality['participantId'])?.toLowerCase(),
    names: [str(quality['deviceDescription']), str(quality['deviceName'])].filter((n): n is string => n !== undefined),
  };
  const roomMedia = roomMediaOf(record, room);
  const seenPerModality = new Map<string, number>();
  const rows: StreamComparisonRow[] = [];
  for (const value of list(quality['mediaQualityList'])) {
    const item = obj(value);
    const modality = REPORT_MODALITY[str(item?.['@odata.type']) ?? ''];
    if (!item || !modality) continue;
    const channelIndex = num(item['channelIndex']) ?? 1;
    const ordinal = seenPerModality.get(modality) ?? 0;
    seenPerModality.set(modality, ordinal + 1);
    const candidates = roomMedia.filter((media) => media.modality === modality);
    const media = candidates[channelIndex - 1] ?? candidates[ordinal] ?? candidates[0];
    for (const direction of ['inbound', 'outbound'] as const) {
      rows.push(compareDirection(report, quality, item, modality, channelIndex, direction, media));
    }
  }
  return rows;
}

interface RoomMedia {
  modality: StreamComparisonRow['modality'];
  label?: string;
  sessionId?: string;
  segmentId?: string;
  roomIsCaller: boolean;
  streams: Json[];
}

function roomMediaOf(record: unknown, room: { participantId?: string; names: string[] }): RoomMedia[] {
  const found: RoomMedia[] = [];
  for (const sessionValue of list(obj(record)?.['sessions'])) {
    const session = obj(sessionValue);
    for (const segmentValue of list(session?.['segments'])) {
      const segment = obj(segmentValue);
      if (!segment) continue;
      const roomIsCaller = isRoom(segment['caller'], room);
      if (!roomIsCaller && !isRoom(segment['callee'], room)) continue;
      for (const mediaValue of list(segment['media'])) {
        const media = obj(mediaValue);
        const modality = modalityOfLabel(str(media?.['label']));
        if (!media || !modality) continue;
        found.push({
          modality,
          label: str(media['label']),
          sessionId: str(session?.['id']),
          segmentId: str(segment['id']),
          roomIsCaller,
          streams: list(media['streams']).map(obj).filter((s): s is Json => s !== undefined),
        });
      }
    }
  }
  return found;
}

function isRoom(endpointValue: unknown, room: { participantId?: string; names: string[] }): boolean {
  const endpoint = obj(endpointValue);
  if (!endpoint) return false;
  const identity = obj(endpoint['associatedIdentity']);
  const id = str(identity?.['id'])?.toLowerCase();
  if (room.participantId !== undefined && id === room.participantId) return true;
  const names = [str(endpoint['name']), str(identity?.['displayName'])];
  return names.some((name) => name !== undefined && room.names.includes(name));
}

/** Graph's media labels (seed 003: main-audio, main-video, applicationsharing-video). */
function modalityOfLabel(label: string | undefined): RoomMedia['modality'] | undefined {
  const lower = label?.toLowerCase() ?? '';
  if (lower.includes('applicationsharing') || lower.includes('screen')) return 'screenSharing';
  if (lower.includes('audio')) return 'audio';
  if (lower.includes('video')) return 'video';
  return undefined;
}

function compareDirection(
  report: ReportForComparison,
  quality: Json,
  item: Json,
  modality: StreamComparisonRow['modality'],
  channelIndex: number,
  direction: 'inbound' | 'outbound',
  media: RoomMedia | undefined,
): StreamComparisonRow {
  const side = direction === 'inbound' ? 'Inbound' : 'Outbound';
  // The room sends what flows away from it: caller's outbound is callerToCallee.
  const streamDirection = media
    ? (direction === 'outbound') === media.roomIsCaller
      ? ('callerToCallee' as const)
      : ('calleeToCaller' as const)
    : undefined;
  const stream = media?.streams.find((s) => s['streamDirection'] === streamDirection);
  const metrics: MetricComparison[] = [
    metric('averagePacketLoss', 'percent', num(item[`average${side}PacketLossRateInPercentage`]), fractionToPercent(stream?.['averagePacketLossRate'])),
    metric('maximumPacketLoss', 'percent', num(item[`maximum${side}PacketLossRateInPercentage`]), fractionToPercent(stream?.['maxPacketLossRate'])),
    metric('averageJitter', 'ms', durationMs(item[`average${side}Jitter`]), durationMs(stream?.['averageJitter'])),
    metric('maximumJitter', 'ms', durationMs(item[`maximum${side}Jitter`]), durationMs(stream?.['maxJitter'])),
    metric('averageRoundTrip', 'ms', durationMs(item[`average${side}RoundTripDelay`]), durationMs(stream?.['averageRoundTripTime'])),
    metric('maximumRoundTrip', 'ms', durationMs(item[`maximum${side}RoundTripDelay`]), durationMs(stream?.['maxRoundTripTime'])),
  ];
  const compared = metrics.filter((m) => m.agrees !== undefined);
  return dropUndefined({
    reportId: report.id,
    mediaLegId: str(quality['mediaLegId']),
    modality,
    channelIndex,
    direction,
    streamDirection: stream ? streamDirection : undefined,
    sessionId: stream ? media?.sessionId : undefined,
    segmentId: stream ? media?.segmentId : undefined,
    mediaLabel: stream ? media?.label : undefined,
    metrics,
    agrees: compared.length === 0 ? undefined : compared.every((m) => m.agrees === true),
  });
}

function metric(name: ComparedMetric, unit: ComparisonUnit, room: number | undefined, teams: number | undefined): MetricComparison {
  const rule = name.endsWith('RoundTrip') ? AGREEMENT.roundTripMs : AGREEMENT[unit];
  const agrees = room === undefined || teams === undefined ? undefined : withinTolerance(room, teams, rule);
  return dropUndefined({ metric: name, unit, room, teams, agrees });
}

export function withinTolerance(a: number, b: number, rule: { floor: number; relative: number }): boolean {
  return Math.abs(a - b) <= Math.max(rule.floor, rule.relative * Math.max(Math.abs(a), Math.abs(b)));
}

/** callRecord loss rates are fractions 0–1 (../shared/reference/graph-api.md §2.2); rounded to 1e-6 % to drop float noise. */
export function fractionToPercent(value: unknown): number | undefined {
  const fraction = num(value);
  return fraction === undefined ? undefined : Math.round(fraction * 100 * 1e6) / 1e6;
}

function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return isoDurationToMs(value);
  } catch {
    return undefined;
  }
}

/**
 * A Graph callRecord (../shared/reference/graph-api.md §2, passed through by the core as `unknown`) read into what the detail
 * view shows: sessions → segments → media → streams, with units converted once, here:
 * packet loss rates are FRACTIONS in callRecords (0.0138 = 1.38 %) and become percent like the VTC report;
 * jitter and round trip are ISO 8601 durations and become milliseconds.
 */
import { durationMs, fractionToPercent, list, num, obj, str, type JsonObject } from './read';

export interface StreamView {
  id: string;
  direction: 'callerToCallee' | 'calleeToCaller' | 'unknown';
  codec?: string;
  averageLossPercent?: number;
  maxLossPercent?: number;
  averageJitterMs?: number;
  maxJitterMs?: number;
  averageRoundTripMs?: number;
  maxRoundTripMs?: number;
  averageFrameRate?: number;
  bandwidthEstimateBitsPerSecond?: number;
}

export interface MediaView {
  label: string;
  streams: StreamView[];
}

export interface SegmentView {
  id: string;
  start?: string;
  end?: string;
  caller: string;
  callee: string;
  failure?: string;
  media: MediaView[];
}

export interface SessionView extends Omit<SegmentView, 'media'> {
  modalities: string[];
  segments: SegmentView[];
}

export interface CallRecordView {
  id: string;
  type?: string;
  start?: string;
  end?: string;
  modalities: string[];
  organizer?: string;
  participants: string[];
  sessions: SessionView[];
  /** Graph pages sessions 60 at a time (§3.4): true when the core passed a record with a next link. */
  moreSessions: boolean;
}

function identityName(value: unknown): string | undefined {
  const identity = obj(value);
  if (identity === undefined) return undefined;
  for (const key of ['user', 'device', 'application', 'phone', 'guest', 'applicationInstance']) {
    const name = str(obj(identity[key])?.['displayName']) ?? str(obj(identity[key])?.['id']);
    if (name !== undefined && name !== '') return name;
  }
  return str(identity['displayName']);
}

function endpointName(value: unknown): string {
  const endpoint = obj(value);
  if (endpoint === undefined) return '—';
  return (
    str(obj(endpoint['associatedIdentity'])?.['displayName']) ??
    identityName(endpoint['identity']) ??
    str(endpoint['name']) ??
    str(obj(endpoint['userAgent'])?.['headerValue']) ??
    '—'
  );
}

function readStream(value: unknown, index: number): StreamView {
  const stream: JsonObject = obj(value) ?? {};
  const direction = str(stream['streamDirection']);
  return {
    id: str(stream['streamId']) ?? String(index),
    direction: direction === 'callerToCallee' || direction === 'calleeToCaller' ? direction : 'unknown',
    codec: str(stream['audioCodec']) ?? str(stream['videoCodec']),
    averageLossPercent: fractionToPercent(stream['averagePacketLossRate']),
    maxLossPercent: fractionToPercent(stream['maxPacketLossRate']),
    averageJitterMs: durationMs(stream['averageJitter']),
    maxJitterMs: durationMs(stream['maxJitter']),
    averageRoundTripMs: durationMs(stream['averageRoundTripTime']),
    maxRoundTripMs: durationMs(stream['maxRoundTripTime']),
    averageFrameRate: num(stream['averageVideoFrameRate']) ?? num(stream['averageReceivedFrameRate']),
    bandwidthEstimateBitsPerSecond: num(stream['averageBandwidthEstimate']),
  };
}

function failureText(value: unknown): string | undefined {
  const failure = obj(value);
  if (failure === undefined) return undefined;
  return [str(failure['stage']), str(failure['reason'])].filter(Boolean).join(': ') || undefined;
}

function readSegment(value: unknown, index: number): SegmentView {
  const segment: JsonObject = obj(value) ?? {};
  return {
    id: str(segment['id']) ?? String(index),
    start: str(segment['startDateTime']),
    end: str(segment['endDateTime']),
    caller: endpointName(segment['caller']),
    callee: endpointName(segment['callee']),
    failure: failureText(segment['failureInfo']),
    media: list(segment['media']).map((media, mediaIndex) => ({
      label: str(obj(media)?.['label']) ?? `#${mediaIndex + 1}`,
      streams: list(obj(media)?.['streams']).map(readStream),
    })),
  };
}

export function readCallRecord(record: unknown): CallRecordView | undefined {
  const root = obj(record);
  const id = str(root?.['id']);
  if (root === undefined || id === undefined) return undefined;
  const participantsV2 = list(root['participants_v2']).map((p) => identityName(obj(p)?.['identity']));
  const participantsV1 = list(root['participants']).map(identityName);
  const participants = (participantsV2.length > 0 ? participantsV2 : participantsV1).filter((name): name is string => name !== undefined);
  return {
    id,
    type: str(root['type']),
    start: str(root['startDateTime']),
    end: str(root['endDateTime']),
    modalities: list(root['modalities']).filter((m): m is string => typeof m === 'string'),
    organizer: identityName(obj(root['organizer_v2'])?.['identity']) ?? identityName(root['organizer']),
    participants,
    moreSessions: str(root['sessions@odata.nextLink']) !== undefined,
    sessions: list(root['sessions']).map((value, index) => {
      const session: JsonObject = obj(value) ?? {};
      return {
        id: str(session['id']) ?? String(index),
        start: str(session['startDateTime']),
        end: str(session['endDateTime']),
        caller: endpointName(session['caller']),
        callee: endpointName(session['callee']),
        failure: failureText(session['failureInfo']),
        modalities: list(session['modalities']).filter((m): m is string => typeof m === 'string'),
        segments: list(session['segments']).map(readSegment),
      };
    }),
  };
}

/**
 * A Graph callRecord (typed by the contract: shared/graph/callRecords.ts, ../shared/reference/graph-api.md §2)
 * read into what the detail view shows: sessions → segments → media → streams, with units converted once,
 * here: packet loss rates are FRACTIONS in callRecords (0.0138 = 1.38 %) and become percent like the VTC
 * report; jitter and round trip are ISO 8601 durations and become milliseconds.
 */
import type {
  CallRecord,
  CallRecordEndpoint,
  CallRecordFailureInfo,
  CallRecordMediaStream,
  CallRecordSegment,
  CommunicationsIdentitySet,
} from '../../../shared/graph/callRecords';
import { durationMs, fractionToPercent } from './read';

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

const IDENTITY_KEYS = ['user', 'device', 'application', 'phone', 'guest', 'applicationInstance'] as const;

const text = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value === '' ? undefined : value);

/** An IdentitySet is a CommunicationsIdentitySet without the communications-only members. */
function identityName(identity: CommunicationsIdentitySet | null | undefined): string | undefined {
  if (!identity) return undefined;
  for (const key of IDENTITY_KEYS) {
    const member = identity[key];
    const name = text(member?.displayName) ?? text(member?.id);
    if (name !== undefined) return name;
  }
  return undefined;
}

function endpointName(endpoint: CallRecordEndpoint | null | undefined): string {
  if (!endpoint) return '—';
  const participant = 'associatedIdentity' in endpoint || 'identity' in endpoint || 'name' in endpoint ? endpoint : undefined;
  return (
    text(participant?.associatedIdentity?.displayName) ??
    identityName(participant?.identity) ??
    text(participant?.name) ??
    text(endpoint.userAgent?.headerValue) ??
    '—'
  );
}

function readStream(stream: CallRecordMediaStream, index: number): StreamView {
  return {
    id: text(stream.streamId) ?? String(index),
    direction: stream.streamDirection ?? 'unknown',
    codec: text(stream.audioCodec) ?? text(stream.videoCodec),
    averageLossPercent: fractionToPercent(stream.averagePacketLossRate),
    maxLossPercent: fractionToPercent(stream.maxPacketLossRate),
    averageJitterMs: durationMs(stream.averageJitter),
    maxJitterMs: durationMs(stream.maxJitter),
    averageRoundTripMs: durationMs(stream.averageRoundTripTime),
    maxRoundTripMs: durationMs(stream.maxRoundTripTime),
    averageFrameRate: stream.averageVideoFrameRate ?? stream.averageReceivedFrameRate ?? undefined,
    bandwidthEstimateBitsPerSecond: stream.averageBandwidthEstimate ?? undefined,
  };
}

function failureText(failure: CallRecordFailureInfo | null | undefined): string | undefined {
  if (!failure) return undefined;
  return [text(failure.stage), text(failure.reason)].filter(Boolean).join(': ') || undefined;
}

function readSegment(segment: CallRecordSegment, index: number): SegmentView {
  return {
    id: text(segment.id) ?? String(index),
    start: text(segment.startDateTime),
    end: text(segment.endDateTime),
    caller: endpointName(segment.caller),
    callee: endpointName(segment.callee),
    failure: failureText(segment.failureInfo),
    media: (segment.media ?? []).map((media, mediaIndex) => ({
      label: text(media.label) ?? `#${mediaIndex + 1}`,
      streams: (media.streams ?? []).map(readStream),
    })),
  };
}

export function readCallRecord(record: CallRecord | undefined): CallRecordView | undefined {
  if (record === undefined || !text(record.id)) return undefined;
  const participantsV2 = (record.participants_v2 ?? []).map((participant) => identityName(participant.identity));
  const participantsV1 = (record.participants ?? []).map(identityName);
  const participants = (participantsV2.length > 0 ? participantsV2 : participantsV1).filter((name): name is string => name !== undefined);
  return {
    id: record.id,
    type: text(record.type),
    start: text(record.startDateTime),
    end: text(record.endDateTime),
    modalities: record.modalities ?? [],
    organizer: identityName(record.organizer_v2?.identity) ?? identityName(record.organizer),
    participants,
    moreSessions: text(record['sessions@odata.nextLink']) !== undefined,
    sessions: (record.sessions ?? []).map((session, index) => ({
      id: text(session.id) ?? String(index),
      start: text(session.startDateTime),
      end: text(session.endDateTime),
      caller: endpointName(session.caller),
      callee: endpointName(session.callee),
      failure: failureText(session.failureInfo),
      modalities: session.modalities ?? [],
      segments: (session.segments ?? []).map(readSegment),
    })),
  };
}

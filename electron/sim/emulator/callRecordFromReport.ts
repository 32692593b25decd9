/**
 * The callRecord Teams would publish for a call a room reported: id = the
 * report's callChainId, one session per media leg (the room → the conference's AV MCU), one segment whose
 * streams carry the report's own numbers converted to callRecord units (../shared/reference/graph-api.md §2.2, §8 gotcha 2):
 * - packet loss: the report's percent ÷ 100 → the callRecord's FRACTION;
 * - jitter and round trip: the same durations, re-written the way Graph writes them;
 * - link speed: networkLinkSpeedInBytes × 8 → networkInfo.linkSpeed in bits/s.
 * The room sends what flows caller → callee: its outbound numbers go to `callerToCallee`, inbound to
 * `calleeToCaller`. With `disagree`, Teams "saw" a worse path (DISAGREEMENT), well outside the comparison's
 * tolerance, as when one side is faulty.
 * A second report for the same call (another leg or room) adds its session to the same record and raises
 * `version` ("a higher version of the same id has more data", §3.3).
 */
import { createHash } from 'node:crypto';
import { isoDurationToMs, msToIsoDuration } from '../../../shared/graph/duration';
import type {
  CallRecord,
  CallRecordMedia,
  CallRecordMediaStream,
  CallRecordModality,
  CallRecordParticipant,
  CallRecordParticipantEndpoint,
  CallRecordSession,
} from '../../../shared/graph/callRecords';
import {
  modalityOf,
  type QualityModality,
  type TeleconferenceDeviceMediaQuality,
  type TeleconferenceDeviceQuality,
  type VideoQuality,
} from '../../../shared/graph/quality';

export interface PublishContext {
  /** When the report arrived: the call ended just before. */
  receivedAtMs: number;
  publishedAtMs: number;
  tenantId: string;
  disagree: boolean;
  /** The record already published for this call, if any. */
  existing?: CallRecord;
}

/** How much worse Teams' numbers are when they are made to disagree. */
export const DISAGREEMENT = { lossTimes: 3, lossPlusPercent: 3, jitterPlusMs: 40, roundTripPlusMs: 200 } as const;

const DEFAULT_DURATION_MS = 5 * 60_000;
const LABEL: Record<QualityModality, string> = { audio: 'main-audio', video: 'main-video', screenSharing: 'applicationsharing-video' };

export function callRecordFromReport(quality: TeleconferenceDeviceQuality, context: PublishContext): CallRecord {
  const durationMs = Math.max(...quality.mediaQualityList.map((item) => durationOf(item.mediaDuration) ?? 0), 0) || DEFAULT_DURATION_MS;
  const endMs = context.receivedAtMs;
  const startMs = endMs - durationMs;
  const session = sessionFor(quality, startMs, endMs, context);
  const organizer = organizerFor(quality.callChainId, context.tenantId);
  const room: CallRecordParticipant = {
    id: quality.participantId,
    identity: { device: { id: quality.participantId, displayName: quality.deviceDescription } },
    administrativeUnitInfos: [],
  };
  const existing = context.existing;
  if (!existing) {
    return {
      id: quality.callChainId,
      version: 1,
      type: 'groupCall',
      modalities: session.modalities,
      startDateTime: iso(startMs),
      endDateTime: iso(endMs),
      lastModifiedDateTime: iso(context.publishedAtMs),
      joinWebUrl: null,
      organizer_v2: organizer,
      participants_v2: [organizer, room],
      sessions: [session],
    };
  }
  const sessions = (existing.sessions ?? []).filter((s) => s.id !== session.id);
  const participants = (existing.participants_v2 ?? []).filter((p) => p.id.toLowerCase() !== room.id.toLowerCase());
  return {
    ...existing,
    version: existing.version + 1,
    modalities: [...new Set([...existing.modalities, ...session.modalities])],
    startDateTime: iso(Math.min(Date.parse(existing.startDateTime), startMs)),
    endDateTime: iso(Math.max(Date.parse(existing.endDateTime), endMs)),
    participants_v2: [...participants, room],
    sessions: [...sessions, session],
  };
}

function sessionFor(quality: TeleconferenceDeviceQuality, startMs: number, endMs: number, context: PublishContext): CallRecordSession {
  const caller: CallRecordParticipantEndpoint = {
    '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
    name: quality.deviceDescription,
    associatedIdentity: { id: quality.participantId, displayName: quality.deviceDescription, tenantId: context.tenantId },
    userAgent: {
      '@odata.type': '#microsoft.graph.callRecords.clientUserAgent',
      headerValue: quality.deviceName,
      platform: 'roomSystem',
      productFamily: 'teams',
    },
  };
  const media = quality.mediaQualityList.map((item) => mediaFor(item, startMs, endMs, context.disagree));
  const modalities = [...new Set(quality.mediaQualityList.map(modalityOf))] as CallRecordModality[];
  return {
    id: derivedGuid(`${quality.mediaLegId}:session`),
    modalities,
    startDateTime: iso(startMs),
    endDateTime: iso(endMs),
    isTest: false,
    caller,
    callee: {
      '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint',
      userAgent: { '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent', headerValue: 'av-mcu/2024.1', role: 'skypeForBusinessAudioVideoMcu' },
    },
    segments: [
      {
        id: derivedGuid(`${quality.mediaLegId}:segment`),
        startDateTime: iso(startMs),
        endDateTime: iso(endMs),
        caller,
        callee: { '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint' },
        media,
      },
    ],
  };
}

function mediaFor(item: TeleconferenceDeviceMediaQuality, startMs: number, endMs: number, disagree: boolean): CallRecordMedia {
  const modality = modalityOf(item);
  const label = modality === 'video' && item.channelIndex > 1 ? `main-video-${item.channelIndex}` : LABEL[modality];
  const linkSpeedBitsPerSecond = item.networkLinkSpeedInBytes == null ? null : item.networkLinkSpeedInBytes * 8;
  return {
    label,
    callerNetwork: {
      connectionType: 'wired',
      networkTransportProtocol: 'udp',
      traceRouteHops: [],
      wifiBand: 'unknown',
      wifiRadioType: 'unknown',
      ipAddress: item.localIPAddress ?? null,
      port: item.localPort ?? null,
      linkSpeed: linkSpeedBitsPerSecond,
    },
    streams: [
      streamFor(item, 'Outbound', 'callerToCallee', modality, startMs, endMs, disagree),
      streamFor(item, 'Inbound', 'calleeToCaller', modality, startMs, endMs, disagree),
    ],
  };
}

function streamFor(
  item: TeleconferenceDeviceMediaQuality,
  side: 'Inbound' | 'Outbound',
  direction: CallRecordMediaStream['streamDirection'],
  modality: QualityModality,
  startMs: number,
  endMs: number,
  disagree: boolean,
): CallRecordMediaStream {
  const loss = (percent: number | null | undefined): number | null =>
    percent == null ? null : round(Math.min(100, disagree ? percent * DISAGREEMENT.lossTimes + DISAGREEMENT.lossPlusPercent : percent) / 100);
  const delay = (value: string | null | undefined, plusMs: number): string | null => {
    const ms = durationOf(value);
    return ms === undefined ? null : msToIsoDuration(ms + (disagree ? plusMs : 0));
  };
  const stream: CallRecordMediaStream = {
    streamId: String(parseInt(createHash('sha256').update(`${item.channelIndex}:${side}:${modality}`).digest('hex').slice(0, 7), 16)),
    streamDirection: direction,
    startDateTime: iso(startMs),
    endDateTime: iso(endMs),
    averagePacketLossRate: loss(item[`average${side}PacketLossRateInPercentage`]),
    maxPacketLossRate: loss(item[`maximum${side}PacketLossRateInPercentage`]),
    averageJitter: delay(item[`average${side}Jitter`], DISAGREEMENT.jitterPlusMs),
    maxJitter: delay(item[`maximum${side}Jitter`], DISAGREEMENT.jitterPlusMs),
    averageRoundTripTime: delay(item[`average${side}RoundTripDelay`], DISAGREEMENT.roundTripPlusMs),
    maxRoundTripTime: delay(item[`maximum${side}RoundTripDelay`], DISAGREEMENT.roundTripPlusMs),
    packetUtilization: item[side === 'Inbound' ? 'inboundPackets' : 'outboundPackets'] ?? null,
    wasMediaBypassed: false,
  };
  if (modality === 'audio') stream.audioCodec = 'opus';
  else {
    stream.videoCodec = 'h264';
    const frameRate = (item as VideoQuality)[`average${side}FrameRate`];
    if (frameRate != null) stream.averageVideoFrameRate = frameRate;
  }
  return stream;
}

function organizerFor(callChainId: string, tenantId: string): CallRecordParticipant {
  const id = derivedGuid(`${callChainId}:organizer`);
  return { id, identity: { user: { id, displayName: 'Teams meeting organizer', tenantId } }, administrativeUnitInfos: [] };
}

/** A stable GUID-shaped id from a text, so the same report publishes the same ids. */
function derivedGuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function durationOf(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  try {
    return isoDurationToMs(value);
  } catch {
    return undefined;
  }
}

/** Fractions with 8 decimals: 0.01 % → 0.0001 exactly, no float noise like 0.00010000000000000002. */
function round(fraction: number): number {
  return Math.round(fraction * 1e8) / 1e8;
}

const iso = (ms: number): string => new Date(ms).toISOString();

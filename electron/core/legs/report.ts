/**
 * Builds the ONE teleconferenceDeviceQuality report of a device call from its legs (../shared/reference/graph-api.md
 * §1.2–1.4; ../shared/reference/devices-and-thresholds.md §3.6 mapping).
 *
 * - One mediaQualityList item per modality and channel index, carrying both directions: the inbound leg
 *   fills `…Inbound…`, the outbound leg `…Outbound…` (§3.6 "Direction Incoming / Outgoing").
 * - channelIndex restarts at 1 per modality (§1.3 "starts at 1"); the device's own indexes are renumbered in
 *   order, so channels 1 and 3 of a sender become 1 and 2.
 * - Loss: average = mean of the per-interval percentages, maximum = worst interval (§3.6 "max per-interval
 *   %"). Each sample is one ~5 s Netstat interval, so for a channel at a steady packet rate the mean equals
 *   §3.6's Σlost / Σ(lost+received); the sample contract carries percentages only. Percent 0–100 (R4).
 * - Jitter: average of `Jitter`, maximum of `MaxJitter` (and of `Jitter`, when a sender has no MaxJitter);
 *   round trip: average and maximum of `RoundTripTime` (absent on CE 9, R6). Durations as ISO 8601 (§1.3).
 * - Packets: the channel's cumulative counter (§3.1 `Packets`), i.e. its largest value.
 * - Bit and frame rate (video and screen sharing only, §1.4): averages in bits/s and frames/s.
 * - mediaDuration: the longest leg of the item, from the start of its first sample interval to its last
 *   sample (first→last span plus one mean interval, since a sample closes the interval before it).
 * - Addresses: the latest the legs reported ("ip:port"), split into IP and port.
 * A metric no sample carried is left out (Graph: nullable), never reported as 0.
 */
import { msToIsoDuration } from '../../../shared/graph/duration';
import {
  MODALITY_ODATA_TYPE,
  ODATA_TYPE,
  type TeleconferenceDeviceMediaQuality,
  type TeleconferenceDeviceQualityDraft,
} from '../../../shared/graph/quality';
import { parseEndpointAddress } from '../../../shared/domain/address';
import { MODALITIES, type Modality } from '../../../shared/domain/legs';
import { average, maximum } from './accumulator';
import type { LegTotals } from './leg';

/** Graph: deviceName/deviceDescription are non-blank, at most 256 characters (shared/graph/quality.ts). */
const DEVICE_TEXT_MAX = 256;

export interface ReportInput {
  legs: readonly LegTotals[];
  deviceName: string;
  /** The room name (deviceDescription = room name). */
  deviceDescription: string;
  mediaLegId: string;
  callChainId?: string;
  participantId?: string;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

const deviceText = (text: string, fallback: string): string => {
  const trimmed = text.trim();
  return (trimmed === '' ? fallback : trimmed).slice(0, DEVICE_TEXT_MAX);
};

function legDurationMs(leg: LegTotals): number | undefined {
  if (leg.sampleCount < 2) return undefined;
  const spanMs = Math.max(0, leg.lastAtMs - leg.firstAtMs);
  return spanMs + spanMs / (leg.sampleCount - 1);
}

/** What one direction of a leg measured, in Graph's units; a metric no sample carried stays undefined. */
export interface DirectionMetrics {
  lossAveragePercent?: number;
  lossMaximumPercent?: number;
  jitterAverage?: string;
  jitterMaximum?: string;
  roundTripAverage?: string;
  roundTripMaximum?: string;
  packets?: number;
  /** Video and screen sharing only. */
  bitRate?: number;
  frameRate?: number;
}

type VideoItem = Extract<TeleconferenceDeviceMediaQuality, { '@odata.type': typeof ODATA_TYPE.video }>;
/** The Graph properties a direction fills; the compiler checks every name against the schema's type. */
type InboundFields = Pick<VideoItem, 'averageInboundPacketLossRateInPercentage' | 'maximumInboundPacketLossRateInPercentage' | 'averageInboundJitter' | 'maximumInboundJitter' | 'averageInboundRoundTripDelay' | 'maximumInboundRoundTripDelay' | 'inboundPackets'>;
type OutboundFields = Pick<VideoItem, 'averageOutboundPacketLossRateInPercentage' | 'maximumOutboundPacketLossRateInPercentage' | 'averageOutboundJitter' | 'maximumOutboundJitter' | 'averageOutboundRoundTripDelay' | 'maximumOutboundRoundTripDelay' | 'outboundPackets'>;
/** Video and screen sharing only (../shared/reference/graph-api.md §1.4): audio items have no such properties. */
type RateFields = Pick<VideoItem, 'averageInboundBitRate' | 'averageInboundFrameRate' | 'averageOutboundBitRate' | 'averageOutboundFrameRate'>;
type AddressFields = Pick<VideoItem, 'localIPAddress' | 'localPort' | 'remoteIPAddress' | 'remotePort'>;

/** A leg's statistics → its metrics in Graph's units (percent 0–100, ISO 8601 durations, integer counts). */
export function directionMetrics(leg: LegTotals, modality: Modality): DirectionMetrics {
  const lossAvg = average(leg.lossPercent);
  const lossMax = maximum(leg.lossPercent);
  const jitterAvg = average(leg.jitterMs);
  const jitterMax = Math.max(maximum(leg.maxJitterMs) ?? -1, maximum(leg.jitterMs) ?? -1);
  const rttAvg = average(leg.roundTripMs);
  const rttMax = maximum(leg.roundTripMs);
  const packets = maximum(leg.packets);
  const metrics: DirectionMetrics = {
    lossAveragePercent: lossAvg === undefined ? undefined : clampPercent(lossAvg),
    lossMaximumPercent: lossMax === undefined ? undefined : clampPercent(lossMax),
    jitterAverage: jitterAvg === undefined ? undefined : msToIsoDuration(jitterAvg),
    jitterMaximum: jitterMax < 0 ? undefined : msToIsoDuration(jitterMax),
    roundTripAverage: rttAvg === undefined ? undefined : msToIsoDuration(rttAvg),
    roundTripMaximum: rttMax === undefined ? undefined : msToIsoDuration(rttMax),
    packets: packets === undefined ? undefined : Math.round(packets),
  };
  if (modality !== 'audio') {
    const bitRate = average(leg.bitRate);
    const frameRate = average(leg.frameRate);
    metrics.bitRate = bitRate === undefined ? undefined : Math.round(bitRate);
    metrics.frameRate = frameRate === undefined ? undefined : round(frameRate, 2);
  }
  return metrics;
}

/** The inbound leg's metrics under Graph's `…Inbound…` names. */
export function inboundFields(m: DirectionMetrics): InboundFields {
  return withoutUndefined({
    averageInboundPacketLossRateInPercentage: m.lossAveragePercent,
    maximumInboundPacketLossRateInPercentage: m.lossMaximumPercent,
    averageInboundJitter: m.jitterAverage,
    maximumInboundJitter: m.jitterMaximum,
    averageInboundRoundTripDelay: m.roundTripAverage,
    maximumInboundRoundTripDelay: m.roundTripMaximum,
    inboundPackets: m.packets,
  });
}

/** The outbound leg's metrics under Graph's `…Outbound…` names. */
export function outboundFields(m: DirectionMetrics): OutboundFields {
  return withoutUndefined({
    averageOutboundPacketLossRateInPercentage: m.lossAveragePercent,
    maximumOutboundPacketLossRateInPercentage: m.lossMaximumPercent,
    averageOutboundJitter: m.jitterAverage,
    maximumOutboundJitter: m.jitterMaximum,
    averageOutboundRoundTripDelay: m.roundTripAverage,
    maximumOutboundRoundTripDelay: m.roundTripMaximum,
    outboundPackets: m.packets,
  });
}

/** Bit and frame rates of both directions under Graph's names. */
export function rateFields(inbound: DirectionMetrics | undefined, outbound: DirectionMetrics | undefined): RateFields {
  return withoutUndefined({
    averageInboundBitRate: inbound?.bitRate,
    averageInboundFrameRate: inbound?.frameRate,
    averageOutboundBitRate: outbound?.bitRate,
    averageOutboundFrameRate: outbound?.frameRate,
  });
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, round(value, 4)));
}

function addressFields(legs: readonly LegTotals[]): AddressFields {
  // Inbound first: its local/remote view is the receiving side's, which is what the device measured.
  const ordered = [...legs].sort((a, b) => (a.key.direction === b.key.direction ? 0 : a.key.direction === 'inbound' ? -1 : 1));
  const local = ordered.map((leg) => leg.localAddress).find((text) => text !== undefined);
  const remote = ordered.map((leg) => leg.remoteAddress).find((text) => text !== undefined);
  const localParsed = local === undefined ? undefined : parseEndpointAddress(local);
  const remoteParsed = remote === undefined ? undefined : parseEndpointAddress(remote);
  return withoutUndefined({
    localIPAddress: localParsed?.ip,
    localPort: localParsed?.port,
    remoteIPAddress: remoteParsed?.ip,
    remotePort: remoteParsed?.port,
  });
}

function buildItem(modality: Modality, channelIndex: number, legs: readonly LegTotals[]): TeleconferenceDeviceMediaQuality {
  const durations = legs.map(legDurationMs).filter((ms): ms is number => ms !== undefined);
  const inboundLeg = legs.find((leg) => leg.key.direction === 'inbound');
  const outboundLeg = legs.find((leg) => leg.key.direction === 'outbound');
  const inbound = inboundLeg === undefined ? undefined : directionMetrics(inboundLeg, modality);
  const outbound = outboundLeg === undefined ? undefined : directionMetrics(outboundLeg, modality);
  const common = {
    channelIndex,
    ...withoutUndefined({ mediaDuration: durations.length > 0 ? msToIsoDuration(Math.max(...durations)) : undefined }),
    ...addressFields(legs),
    ...(inbound === undefined ? {} : inboundFields(inbound)),
    ...(outbound === undefined ? {} : outboundFields(outbound)),
  };
  if (modality === 'audio') return { '@odata.type': MODALITY_ODATA_TYPE.audio, ...common };
  const rates = rateFields(inbound, outbound);
  if (modality === 'video') return { '@odata.type': MODALITY_ODATA_TYPE.video, ...common, ...rates };
  return { '@odata.type': MODALITY_ODATA_TYPE.screenSharing, ...common, ...rates };
}

/** A copy without the keys whose value is undefined: Graph's nullable metrics are left out, never null or 0. */
function withoutUndefined<T extends object>(record: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) Object.assign(out, { [key]: value });
  return out;
}

/** Groups legs by modality and (renumbered) channel index, in a stable order: audio, video, screen sharing. */
export function buildMediaQualityList(legs: readonly LegTotals[]): TeleconferenceDeviceMediaQuality[] {
  const items: TeleconferenceDeviceMediaQuality[] = [];
  for (const modality of MODALITIES) {
    const ofModality = legs.filter((leg) => leg.key.modality === modality);
    const indexes = [...new Set(ofModality.map((leg) => leg.key.channelIndex))].sort((a, b) => a - b);
    indexes.forEach((deviceIndex, position) => {
      const pair = ofModality.filter((leg) => leg.key.channelIndex === deviceIndex);
      items.push(buildItem(modality, position + 1, pair));
    });
  }
  return items;
}

/** The report body; Teams ids only when known (else the outbox keeps it as `needs_context`). */
export function buildQualityReport(input: ReportInput): TeleconferenceDeviceQualityDraft {
  const body: TeleconferenceDeviceQualityDraft = {
    '@odata.type': ODATA_TYPE.quality,
    mediaLegId: input.mediaLegId,
    deviceName: deviceText(input.deviceName, 'Unknown device'),
    deviceDescription: deviceText(input.deviceDescription, 'Unknown room'),
    mediaQualityList: buildMediaQualityList(input.legs),
  };
  if (input.callChainId !== undefined) body.callChainId = input.callChainId;
  if (input.participantId !== undefined) body.participantId = input.participantId;
  return body;
}

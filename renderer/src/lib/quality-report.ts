/**
 * A report's teleconferenceDeviceQuality body read for display (../shared/reference/graph-api.md §1.2–1.4). Units as Graph
 * defines them for VTC reports: packet loss is a PERCENT 0–100 already ("0.01 means 0.01 %"); jitter and
 * round-trip delay are ISO 8601 durations, shown in ms.
 */
import { durationMs, list, num, obj, str } from './read';

export interface QualityItemView {
  modality: 'audio' | 'video' | 'screenSharing' | 'unknown';
  channelIndex?: number;
  mediaDurationMs?: number;
  inbound: DirectionView;
  outbound: DirectionView;
}

export interface DirectionView {
  averageLossPercent?: number;
  maxLossPercent?: number;
  averageJitterMs?: number;
  maxJitterMs?: number;
  averageRoundTripMs?: number;
  maxRoundTripMs?: number;
  averageBitRate?: number;
  averageFrameRate?: number;
}

export interface QualityReportView {
  deviceName?: string;
  deviceDescription?: string;
  callChainId?: string;
  mediaLegId?: string;
  items: QualityItemView[];
}

function modalityOf(type: string | undefined): QualityItemView['modality'] {
  if (type?.endsWith('AudioQuality') === true) return 'audio';
  if (type?.endsWith('ScreenSharingQuality') === true) return 'screenSharing';
  if (type?.endsWith('VideoQuality') === true) return 'video';
  return 'unknown';
}

function direction(item: Record<string, unknown>, side: 'Inbound' | 'Outbound'): DirectionView {
  return {
    averageLossPercent: num(item[`average${side}PacketLossRateInPercentage`]),
    maxLossPercent: num(item[`maximum${side}PacketLossRateInPercentage`]),
    averageJitterMs: durationMs(item[`average${side}Jitter`]),
    maxJitterMs: durationMs(item[`maximum${side}Jitter`]),
    averageRoundTripMs: durationMs(item[`average${side}RoundTripDelay`]),
    maxRoundTripMs: durationMs(item[`maximum${side}RoundTripDelay`]),
    averageBitRate: num(item[`average${side}BitRate`]),
    averageFrameRate: num(item[`average${side}FrameRate`]),
  };
}

/** Accepts the quality object itself or the POST body `{ quality: … }`. */
export function readQualityReport(body: unknown): QualityReportView | undefined {
  const root = obj(body);
  const quality = obj(root?.['quality']) ?? root;
  if (quality === undefined) return undefined;
  return {
    deviceName: str(quality['deviceName']),
    deviceDescription: str(quality['deviceDescription']),
    callChainId: str(quality['callChainId']),
    mediaLegId: str(quality['mediaLegId']),
    items: list(quality['mediaQualityList']).map((value) => {
      const item = obj(value) ?? {};
      return {
        modality: modalityOf(str(item['@odata.type'])),
        channelIndex: num(item['channelIndex']),
        mediaDurationMs: durationMs(item['mediaDuration']),
        inbound: direction(item, 'Inbound'),
        outbound: direction(item, 'Outbound'),
      };
    }),
  };
}

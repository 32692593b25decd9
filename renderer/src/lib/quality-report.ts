/**
 * A report's teleconferenceDeviceQuality body (typed by the contract: shared/api/views.ts ReportBody) read
 * for display (../shared/reference/graph-api.md §1.2–1.4). Units as Graph defines them for VTC reports:
 * packet loss is a PERCENT 0–100 already ("0.01 means 0.01 %"); jitter and round-trip delay are ISO 8601
 * durations, shown in ms. Audio items carry no bit or frame rate; video and screen sharing do.
 */
import type { ReportBody } from '../../../shared/api/views';
import { modalityOf, type QualityModality, type TeleconferenceDeviceMediaQuality } from '../../../shared/graph/quality';
import { durationMs } from './read';

export interface QualityItemView {
  modality: QualityModality;
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

const value = <T>(field: T | null | undefined): T | undefined => field ?? undefined;

function item(quality: TeleconferenceDeviceMediaQuality): QualityItemView {
  const rates = quality['@odata.type'] === '#microsoft.graph.teleconferenceDeviceAudioQuality' ? undefined : quality;
  return {
    modality: modalityOf(quality),
    channelIndex: quality.channelIndex,
    mediaDurationMs: durationMs(quality.mediaDuration),
    inbound: {
      averageLossPercent: value(quality.averageInboundPacketLossRateInPercentage),
      maxLossPercent: value(quality.maximumInboundPacketLossRateInPercentage),
      averageJitterMs: durationMs(quality.averageInboundJitter),
      maxJitterMs: durationMs(quality.maximumInboundJitter),
      averageRoundTripMs: durationMs(quality.averageInboundRoundTripDelay),
      maxRoundTripMs: durationMs(quality.maximumInboundRoundTripDelay),
      averageBitRate: value(rates?.averageInboundBitRate),
      averageFrameRate: value(rates?.averageInboundFrameRate),
    },
    outbound: {
      averageLossPercent: value(quality.averageOutboundPacketLossRateInPercentage),
      maxLossPercent: value(quality.maximumOutboundPacketLossRateInPercentage),
      averageJitterMs: durationMs(quality.averageOutboundJitter),
      maxJitterMs: durationMs(quality.maximumOutboundJitter),
      averageRoundTripMs: durationMs(quality.averageOutboundRoundTripDelay),
      maxRoundTripMs: durationMs(quality.maximumOutboundRoundTripDelay),
      averageBitRate: value(rates?.averageOutboundBitRate),
      averageFrameRate: value(rates?.averageOutboundFrameRate),
    },
  };
}

export function readQualityReport(body: ReportBody): QualityReportView {
  return {
    deviceName: body.deviceName,
    deviceDescription: body.deviceDescription,
    callChainId: body.callChainId,
    mediaLegId: body.mediaLegId,
    items: body.mediaQualityList.map(item),
  };
}

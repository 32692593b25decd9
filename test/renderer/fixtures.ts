/** Builders of the views and snapshots the component tests feed through the fake API. */
import type { ReportDetail, ReportSummary } from '../../shared/api/views';
import type { CallSnapshot, ClassificationReason, LegClassification, LegTrend, LegHistoryPoint, LegStatsSnapshot, Modality, Direction, RoomSnapshot } from '../../shared/domain/legs';
import { legKeyId } from '../../shared/domain/legs';

const T0 = Date.parse('2025-03-10T09:00:00Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export function leg(options: {
  roomId?: string;
  deviceId?: string;
  callId?: string;
  modality?: Modality;
  direction?: Direction;
  lossPercent?: number;
  jitterMs?: number;
  roundTripMs?: number;
  bitRate?: number;
  frameRate?: number;
  classification?: LegClassification;
  samples?: number;
  lastSecond?: number;
  trend?: LegTrend | null;
  sampleReason?: ClassificationReason | null;
}): LegStatsSnapshot {
  const key = {
    roomId: options.roomId ?? 'boardroom',
    deviceId: options.deviceId ?? 'codec-1',
    callId: options.callId ?? '1',
    modality: options.modality ?? 'audio',
    direction: options.direction ?? 'inbound',
    channelIndex: 1,
  };
  const samples = options.samples ?? 5;
  const last = options.lastSecond ?? samples * 2;
  const loss = options.lossPercent ?? 0.5;
  const history: LegHistoryPoint[] = Array.from({ length: samples }, (_, i) => ({
    at: at(last - (samples - 1 - i) * 2),
    lossPercent: loss * (i + 1) / samples,
    jitterMs: options.jitterMs ?? 8,
    roundTripMs: options.roundTripMs ?? 40,
    ...(key.modality !== 'audio' ? { bitRate: options.bitRate ?? 1_500_000, frameRate: options.frameRate ?? 30 } : {}),
    classification: options.classification ?? 'good',
  }));
  const stats = (value: number | null) => ({ current: value, avg: value, max: value });
  return {
    id: legKeyId(key),
    key,
    startedAt: at(0),
    lastSampleAt: at(last),
    sampleCount: samples,
    lossPercent: stats(loss),
    jitterMs: stats(options.jitterMs ?? 8),
    roundTripMs: stats(options.roundTripMs ?? 40),
    packets: stats(1000),
    bitRate: stats(key.modality !== 'audio' ? (options.bitRate ?? 1_500_000) : null),
    frameRate: stats(key.modality !== 'audio' ? (options.frameRate ?? 30) : null),
    classification: options.classification ?? 'good',
    classificationReason: options.classification === 'poor' ? { metric: 'lossPercent', value: loss, threshold: 10 } : null,
    trend: options.trend ?? null,
    sampleReason: options.sampleReason !== undefined ? options.sampleReason : options.classification === 'poor' ? { metric: 'lossPercent', value: loss, threshold: 10 } : null,
    history,
    historyStart: 0,
  };
}

export function room(id: string, name: string, options: { legs?: LegStatsSnapshot[]; idle?: boolean; classification?: LegClassification } = {}): RoomSnapshot {
  const legs = options.legs ?? [leg({ roomId: id }), leg({ roomId: id, direction: 'outbound' })];
  const call: CallSnapshot | null = options.idle
    ? null
    : {
        deviceId: 'codec-1',
        callId: '1',
        startedAt: at(0),
        lastSampleAt: legs[0]?.lastSampleAt ?? at(0),
        callChainId: null,
        participantId: null,
        classification: options.classification ?? 'good',
        legs,
      };
  return {
    roomId: id,
    roomName: name,
    devices: [{ deviceId: 'codec-1', state: 'online', lastError: null, since: at(0) }],
    activeCalls: call === null ? [] : [call],
    classification: options.classification ?? (call === null ? 'unknown' : 'good'),
    asOfSeq: 0,
  };
}

export function summary(index: number, overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: `report-${index}`,
    state: 'pending',
    source: 'device',
    roomId: 'boardroom',
    createdAt: new Date(T0 + index * 60_000).toISOString(),
    attemptCount: 0,
    ...overrides,
  };
}

export function detail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    ...summary(1),
    state: 'failed',
    failedReason: 'permanent',
    attemptCount: 1,
    lastError: { httpStatus: 400, code: 'BadRequest', message: 'Invalid callChainId', requestId: 'req-42' },
    body: { callChainId: 'abc', deviceName: 'Cisco SX80', deviceDescription: 'Boardroom', mediaQualityList: [] },
    attempts: [
      {
        attemptNo: 1,
        startedAt: at(60),
        durationMs: 120,
        outcome: 'failed',
        httpStatus: 400,
        errorCode: 'BadRequest',
        errorMessage: 'Invalid callChainId',
        requestId: 'req-42',
        clientRequestId: 'client-42',
      },
    ],
    ...overrides,
  };
}

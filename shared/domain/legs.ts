/**
 * Live leg tracking as the UI, the alerting and the report builder see it (issue 5 §4–5).
 *
 * A "leg" is one media channel of one device call: room × device × device call × modality × direction ×
 * channel index. Graph reports a device call as ONE teleconferenceDeviceQuality whose mediaQualityList has
 * one item per modality and channel index carrying both directions (graph-api.md §1.3), so the tracker
 * keys legs by direction and the report builder pairs them.
 *
 * Types only (no Node, no DOM): shared by the core, the renderer and the preload bridge.
 */

export const MODALITIES = ['audio', 'video', 'screenSharing'] as const;
export type Modality = (typeof MODALITIES)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** `unknown` until a leg has 3 judged samples (hysteresis, issue 5 §5) or when it carries no judged metric. */
export const LEG_CLASSIFICATIONS = ['good', 'warning', 'poor', 'unknown'] as const;
export type LegClassification = (typeof LEG_CLASSIFICATIONS)[number];

export interface LegKey {
  roomId: string;
  deviceId: string;
  /** The device's own call key (Cisco: the item number of `xStatus Call`, as a string; contracts.md). */
  callId: string;
  modality: Modality;
  direction: Direction;
  /** Starts at 1 per modality and direction (Graph channelIndex, graph-api.md §1.3). */
  channelIndex: number;
}

/** A stable string id for a leg (map keys, React keys). The room is implied by the device. */
export function legKeyId(key: Omit<LegKey, 'roomId'>): string {
  return `${key.deviceId}\u0000${key.callId}\u0000${key.modality}\u0000${key.direction}\u0000${key.channelIndex}`;
}

/** The metrics that classification judges; also the `metric` of an alert. */
export type QualityMetric = 'lossPercent' | 'jitterMs' | 'roundTripMs' | 'frameRate';

/** Rolling statistics of one metric over a leg's life; null until the first sample carrying it. */
export interface MetricStats {
  current: number | null;
  avg: number | null;
  max: number | null;
}

/** One sparkline point (at most one per history step, see the tracker); absent metrics are absent. */
export interface LegHistoryPoint {
  at: string;
  lossPercent?: number;
  jitterMs?: number;
  roundTripMs?: number;
  bitRate?: number;
  frameRate?: number;
  classification: LegClassification;
}

/** Why a leg is in its state: the worst metric of the sample that confirmed it. */
export interface ClassificationReason {
  metric: QualityMetric;
  value: number;
  threshold: number;
}

export interface LegStatsSnapshot {
  /** legKeyId(key) */
  id: string;
  key: LegKey;
  startedAt: string;
  lastSampleAt: string;
  sampleCount: number;
  lossPercent: MetricStats;
  jitterMs: MetricStats;
  roundTripMs: MetricStats;
  /** Cumulative packets on the channel (Cisco Netstat `Packets`); avg/max over the samples. */
  packets: MetricStats;
  /** bits per second (Cisco Netstat `ChannelRate`). */
  bitRate: MetricStats;
  /** frames per second (Cisco `Video FrameRate`). */
  frameRate: MetricStats;
  classification: LegClassification;
  classificationReason: ClassificationReason | null;
  /** Oldest first; bounded (the last minutes only). */
  history: LegHistoryPoint[];
}

export const DEVICE_STATES = ['online', 'offline', 'auth_failed', 'error', 'unknown'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface DeviceSnapshot {
  deviceId: string;
  state: DeviceState;
  /** Text of the last failure (no secrets), cleared when the device is online again. */
  lastError: string | null;
  /** When the state last changed (ISO 8601). */
  since: string | null;
}

export interface CallSnapshot {
  deviceId: string;
  callId: string;
  startedAt: string;
  lastSampleAt: string;
  /** Teams ids once a call context matched the call (architecture.md "Identifiers"). */
  callChainId: string | null;
  participantId: string | null;
  /** The worst leg classification of the call. */
  classification: LegClassification;
  legs: LegStatsSnapshot[];
}

export interface RoomSnapshot {
  roomId: string;
  roomName: string;
  devices: DeviceSnapshot[];
  /** The most recently started active call of the room, or null when the room is idle. */
  activeCall: CallSnapshot | null;
  /** All active calls (a room with several codecs may have more than one); newest first. */
  activeCalls: CallSnapshot[];
  /** The worst leg classification over the active calls ('unknown' when idle). */
  classification: LegClassification;
}

export type AlertKind = 'leg_poor' | 'leg_recovered' | 'leg_summary';

export interface LegSummary {
  durationMs: number;
  sampleCount: number;
  /** Time spent confirmed poor, in ms of sample time. */
  poorMs: number;
  worstClassification: LegClassification;
  avgLossPercent: number | null;
  maxLossPercent: number | null;
  avgJitterMs: number | null;
  maxJitterMs: number | null;
  avgRoundTripMs: number | null;
  maxRoundTripMs: number | null;
}

/**
 * What the core tells the shell (tray state, notifications; a later issue). `leg_poor` is emitted once per
 * room per cooldown (see electron/core/quality/alerts.ts); `leg_recovered` when a poor leg leaves poor;
 * `leg_summary` when a leg that was poor at some point ends.
 */
export interface AlertEvent {
  kind: AlertKind;
  roomId: string;
  roomName: string;
  legKey: LegKey;
  /** The metric that tripped (leg_poor), that was last poor (leg_recovered) or was worst (summary). */
  metric: QualityMetric | null;
  value: number | null;
  threshold: number | null;
  at: string;
  summary?: LegSummary;
}

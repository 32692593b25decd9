/**
 * Live leg tracking as the UI, the alerting and the report builder see it.
 *
 * A "leg" is one media channel of one device call: room × device × device call × modality × direction ×
 * channel index. Graph reports a device call as ONE teleconferenceDeviceQuality whose mediaQualityList has
 * one item per modality and channel index carrying both directions (../shared/reference/graph-api.md §1.3), so the tracker
 * keys legs by direction and the report builder pairs them.
 *
 * Types only (no Node, no DOM): shared by the core, the renderer and the preload bridge.
 */

export const MODALITIES = ['audio', 'video', 'screenSharing'] as const;
export type Modality = (typeof MODALITIES)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** `unknown` until a leg has 3 judged samples (hysteresis) or when it carries no judged metric. */
export const LEG_CLASSIFICATIONS = ['good', 'warning', 'poor', 'unknown'] as const;
export type LegClassification = (typeof LEG_CLASSIFICATIONS)[number];

export interface LegKey {
  roomId: string;
  deviceId: string;
  /** The device's own call key (Cisco: the item number of `xStatus Call`, as a string; ../shared/design/contracts.md). */
  callId: string;
  modality: Modality;
  direction: Direction;
  /** Starts at 1 per modality and direction (Graph channelIndex, ../shared/reference/graph-api.md §1.3). */
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

/**
 * A leg on its way to another state: the latest `samples` consecutive samples point to `toward`, and the
 * state switches after `samplesNeeded` (hysteresis), so the UI can say "turning poor 2/3" or "recovering".
 */
export interface LegTrend {
  toward: Exclude<LegClassification, 'unknown'>;
  samples: number;
  samplesNeeded: number;
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
  /** The streak toward another state, null when the latest sample agrees with the state. */
  trend: LegTrend | null;
  /** The latest sample's own worst crossing (metric, value, threshold); null when it crossed none. */
  sampleReason: ClassificationReason | null;
  /** Oldest first; bounded (the last minutes only). */
  history: LegHistoryPoint[];
  /**
   * The step number of history[0] among all the steps of the leg (0: its first step). A pushed LegDelta
   * addresses points by step number, so a receiver knows which of the points it holds a push replaces.
   */
  historyStart: number;
}

/**
 * `certificate_changed`: the device presents a certificate other than the pinned one (config
 * `certificateSha256`); a codec reboot can replace its self-signed certificate, so this is not "offline".
 */
export const DEVICE_STATES = ['online', 'offline', 'auth_failed', 'certificate_changed', 'error', 'unknown'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface DeviceSnapshot {
  deviceId: string;
  state: DeviceState;
  /** Text of the last failure (no secrets), cleared when the device is online again. */
  lastError: string | null;
  /** When the state last changed (ISO 8601). */
  since: string | null;
  /**
   * When the device entered a native Microsoft Teams Rooms call (ISO 8601); absent when it is in none. Teams
   * measures such a call itself: it has no legs here and is never reported.
   */
  teamsRoomsCallSince?: string;
}

export interface CallSnapshot {
  deviceId: string;
  callId: string;
  startedAt: string;
  lastSampleAt: string;
  /** Teams ids once a call context matched the call (../shared/design/architecture.md "Identifiers"). */
  callChainId: string | null;
  participantId: string | null;
  /** The worst leg classification of the call. */
  classification: LegClassification;
  legs: LegStatsSnapshot[];
}

/** A room without its calls: what the tray needs, and what every push repeats in full. */
export interface RoomSummary {
  roomId: string;
  roomName: string;
  devices: DeviceSnapshot[];
  /** The worst leg classification over the active calls ('unknown' when idle). */
  classification: LegClassification;
}

/** A room in full, as `getRooms` answers (at load and after a reconnect). */
export interface RoomSnapshot extends RoomSummary {
  /**
   * All active calls (a room with several codecs may have more than one), newest first: activeCalls[0] is
   * the room's current call, the one a room card shows. Each call is here once (no separate copy of it).
   */
  activeCalls: CallSnapshot[];
  /**
   * The seq of the last push (RoomsChange.seq) sent before this snapshot was read, the same for every room
   * of one getRooms answer (0 before the first push). The snapshot already holds all that push and earlier
   * ones carried: a receiver skips pushes numbered up to here (one sent before the snapshot was read can be
   * delivered after it) and expects asOfSeq + 1 next.
   */
  asOfSeq: number;
}

/**
 * A leg in a push: its statistics in full (they are small) but only the history points that changed since
 * the previous push. The receiver keeps its points from step `historyStart` up to step `historyFrom` and
 * appends `historyTail`; it must already hold those kept steps, else it missed a push and re-reads getRooms.
 */
export interface LegDelta extends Omit<LegStatsSnapshot, 'history'> {
  /** The step number of historyTail[0] (historyStart ≤ historyFrom). */
  historyFrom: number;
  /** The newest step refreshed by later samples and any new steps, oldest first; empty when none changed. */
  historyTail: LegHistoryPoint[];
}

export interface CallDelta extends Omit<CallSnapshot, 'legs'> {
  legs: LegDelta[];
}

/** A changed room in a push: everything but its unchanged history points. */
export interface RoomDelta extends RoomSummary {
  /** Newest first, as RoomSnapshot.activeCalls; a call that ended is absent. */
  activeCalls: CallDelta[];
}

/** The `roomsChanged` event: the rooms that changed since the previous push (at most 2 per second). */
export interface RoomsChange {
  /**
   * 1 for a core's first push, +1 per push. A receiver that sees anything but its previous seq + 1 has
   * missed a push (or the core restarted) and re-reads getRooms.
   */
  seq: number;
  /**
   * Only on a push that stands for several (a web tab's server merges the pushes waiting for a slow tab,
   * shared/domain/room-delta.ts mergeRoomsChanges): the seq of the first one. Applying it equals applying
   * pushes firstSeq…seq in order, so it lines up after firstSeq - 1. Absent: firstSeq = seq.
   */
  firstSeq?: number;
  rooms: RoomDelta[];
}

/**
 * A seq no core sends. A transport that may have missed pushes (the web client after a reconnect) delivers
 * `{ seq: ROOMS_RESYNC_SEQ, rooms: [] }`, which never lines up, so the receiver re-reads getRooms.
 */
export const ROOMS_RESYNC_SEQ = 0;

/**
 * `room_recovered`: the room that was notified poor has no poor leg left; rationed by the same per-room
 * cooldown as `leg_poor`, so a flapping room does not notify on every recovery either.
 */
export type AlertKind = 'leg_poor' | 'leg_recovered' | 'room_recovered' | 'leg_summary';

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

/**
 * Synthetic live rooms for the Rooms view benchmark: N rooms, each in one call with 6 legs (audio, video,
 * screen sharing × inbound/outbound) and a full sparkline history, shaped exactly as the core's tracker
 * answers and publishes them (shared/domain/legs.ts RoomSnapshot for getRooms, RoomsChange for pushes;
 * history ring of electron/core/legs/history.ts: 120 points at one per 5 s step, the newest point refreshed
 * within its step, steps numbered from the leg's first).
 *
 * `advance(changed)` moves the clock by one publish interval and gives only the `changed` rooms a new sample
 * on every leg; the other rooms keep their very same state (same lastSampleAt, sampleCount and
 * classification: the renderer's fingerprint says "unchanged"). `push(rooms)` is the next numbered push of
 * those rooms, carrying per leg only the points changed since that leg was last pushed, as the core's
 * publisher does. Numbers come from a seeded generator, so every run pushes the same sequence.
 */
import { DEFAULT_HISTORY_POINTS, DEFAULT_HISTORY_STEP_MS } from '../../electron/core/legs/history';
import {
  DIRECTIONS,
  MODALITIES,
  legKeyId,
  type CallSnapshot,
  type LegClassification,
  type LegDelta,
  type LegHistoryPoint,
  type LegKey,
  type LegStatsSnapshot,
  type MetricStats,
  type RoomDelta,
  type RoomSnapshot,
  type RoomsChange,
} from '../../shared/domain/legs';

export const PUBLISH_INTERVAL_MS = 500;
const CALL_STARTED_MS = Date.UTC(2026, 10, 23, 9, 0);

interface LegState {
  key: LegKey;
  sampleCount: number;
  lastSampleMs: number;
  history: LegHistoryPoint[];
  /** Steps ever added: history[0] is step `steps - history.length`. */
  steps: number;
  /** The oldest step changed since the leg was last pushed, if any (history.ts takeChanges). */
  changedFrom: number | null;
  latest: LegHistoryPoint;
  /** Running sums for the averages, per metric. */
  sums: Record<Metric, number>;
  maxima: Record<Metric, number>;
}

type Metric = 'lossPercent' | 'jitterMs' | 'roundTripMs' | 'bitRate' | 'frameRate';
const METRICS: Metric[] = ['lossPercent', 'jitterMs', 'roundTripMs', 'bitRate', 'frameRate'];

interface RoomIdentity {
  roomId: string;
  roomName: string;
  deviceId: string;
}

interface RoomState extends RoomIdentity {
  legs: LegState[];
  /** The room in full but its asOfSeq, rebuilt when it changes. */
  snapshot: Omit<RoomSnapshot, 'asOfSeq'>;
}

export interface RoomFeed {
  readonly roomCount: number;
  /** The current snapshot of every room, in a stable order (what getRooms answers between two pushes). */
  snapshots(): RoomSnapshot[];
  /** One publish interval later: the rooms at `changed` indexes get a sample on every leg. */
  advance(changed: readonly number[]): void;
  /** The next push (seq + 1) of the rooms at these indexes: per leg only the points changed since its last push. */
  push(roomIndexes: readonly number[]): RoomsChange;
}

/** mulberry32: small, fast, deterministic. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ROOM_NAMES = ['Aurora', 'Borealis', 'Cygnus', 'Draco', 'Eridanus', 'Fornax', 'Gemini', 'Hydra', 'Indus', 'Lyra', 'Mensa', 'Norma'];

export function createRoomFeed(roomCount: number, seed = 7): RoomFeed {
  const random = seededRandom(seed);
  let clockMs = CALL_STARTED_MS + DEFAULT_HISTORY_POINTS * DEFAULT_HISTORY_STEP_MS; // calls 10 minutes in: full sparklines
  let tick = 0;
  let seq = 0; // pushes built so far

  /** Loss bursts move around the rooms, so classifications (and the badges) change during the run. */
  const classify = (roomIndex: number, loss: number): LegClassification => {
    if (loss >= 10) return 'poor';
    if (loss >= 3 || (tick + roomIndex * 5) % 97 < 6) return 'warning';
    return 'good';
  };

  const samplePoint = (roomIndex: number, legIndex: number, atMs: number): LegHistoryPoint => {
    const burst = (tick + roomIndex * 11) % 120 < 8 && legIndex % 2 === 0;
    const lossPercent = Math.round((burst ? 10 + random() * 8 : random() * 1.5) * 100) / 100;
    const video = MODALITIES[Math.floor(legIndex / 2)] !== 'audio';
    const point: LegHistoryPoint = {
      at: new Date(atMs).toISOString(),
      lossPercent,
      jitterMs: Math.round((3 + random() * 12) * 10) / 10,
      roundTripMs: Math.round(35 + random() * 40),
      classification: classify(roomIndex, lossPercent),
    };
    if (video) {
      point.bitRate = Math.round(1_500_000 + random() * 1_000_000);
      point.frameRate = Math.round((25 + random() * 5) * 10) / 10;
    }
    return point;
  };

  const addSample = (leg: LegState, roomIndex: number, legIndex: number, atMs: number): void => {
    const point = samplePoint(roomIndex, legIndex, atMs);
    const sameStep = Math.floor(atMs / DEFAULT_HISTORY_STEP_MS) === Math.floor(leg.lastSampleMs / DEFAULT_HISTORY_STEP_MS);
    const changedStep = sameStep ? leg.steps - 1 : leg.steps;
    if (leg.changedFrom === null || changedStep < leg.changedFrom) leg.changedFrom = changedStep;
    if (!sameStep) leg.steps += 1;
    // A new array every sample, as each snapshot the core builds is a fresh copy of its ring.
    leg.history = sameStep ? [...leg.history.slice(0, -1), point] : [...leg.history, point].slice(-DEFAULT_HISTORY_POINTS);
    leg.latest = point;
    leg.lastSampleMs = atMs;
    leg.sampleCount += 1;
    for (const metric of METRICS) {
      const value = point[metric];
      if (value === undefined) continue;
      leg.sums[metric] += value;
      leg.maxima[metric] = Math.max(leg.maxima[metric], value);
    }
  };

  const stats = (leg: LegState, metric: Metric): MetricStats => {
    const current = leg.latest[metric];
    if (current === undefined) return { current: null, avg: null, max: null };
    return { current, avg: leg.sums[metric] / leg.sampleCount, max: leg.maxima[metric] };
  };

  const legStats = (leg: LegState): Omit<LegStatsSnapshot, 'history'> => ({
    id: legKeyId(leg.key),
    key: leg.key,
    startedAt: new Date(CALL_STARTED_MS).toISOString(),
    lastSampleAt: new Date(leg.lastSampleMs).toISOString(),
    sampleCount: leg.sampleCount,
    lossPercent: stats(leg, 'lossPercent'),
    jitterMs: stats(leg, 'jitterMs'),
    roundTripMs: stats(leg, 'roundTripMs'),
    packets: { current: leg.sampleCount * 250, avg: null, max: null },
    bitRate: stats(leg, 'bitRate'),
    frameRate: stats(leg, 'frameRate'),
    classification: leg.latest.classification,
    classificationReason: leg.latest.classification === 'poor' ? { metric: 'lossPercent', value: leg.latest.lossPercent ?? 0, threshold: 10 } : null,
    trend: null,
    sampleReason: leg.latest.classification === 'poor' ? { metric: 'lossPercent', value: leg.latest.lossPercent ?? 0, threshold: 10 } : null,
    historyStart: leg.steps - leg.history.length,
  });

  const legSnapshot = (leg: LegState): LegStatsSnapshot => ({ ...legStats(leg), history: leg.history });

  /** Marks the leg's changed points as pushed, as the core's delta builder does. */
  const legDelta = (leg: LegState): LegDelta => {
    const start = leg.steps - leg.history.length;
    const from = leg.changedFrom === null ? leg.steps : Math.max(leg.changedFrom, start);
    leg.changedFrom = null;
    return { ...legStats(leg), historyFrom: from, historyTail: leg.history.slice(from - start) };
  };

  const WORST: LegClassification[] = ['poor', 'warning', 'good', 'unknown'];
  const roomSnapshot = (room: RoomIdentity & { legs: LegState[] }): Omit<RoomSnapshot, 'asOfSeq'> => {
    const legs = room.legs.map(legSnapshot);
    const classification = WORST.find((c) => legs.some((leg) => leg.classification === c)) ?? 'unknown';
    const lastSampleAt = legs.reduce((latest, leg) => (leg.lastSampleAt > latest ? leg.lastSampleAt : latest), '');
    const call: CallSnapshot = {
      deviceId: room.deviceId,
      callId: '1',
      startedAt: new Date(CALL_STARTED_MS).toISOString(),
      lastSampleAt,
      callChainId: null,
      participantId: null,
      classification,
      legs,
    };
    return {
      roomId: room.roomId,
      roomName: room.roomName,
      devices: [{ deviceId: room.deviceId, state: 'online', lastError: null, since: new Date(CALL_STARTED_MS).toISOString() }],
      activeCalls: [call],
      classification,
    };
  };

  const rooms: RoomState[] = Array.from({ length: roomCount }, (_, roomIndex) => {
    const roomId = `room-${String(roomIndex + 1).padStart(2, '0')}`;
    const deviceId = `${roomId}-codec`;
    const legs = MODALITIES.flatMap((modality) => DIRECTIONS.map((direction) => ({ modality, direction }))).map(({ modality, direction }, legIndex): LegState => {
      const leg: LegState = {
        key: { roomId, deviceId, callId: '1', modality, direction, channelIndex: 1 },
        sampleCount: 0,
        lastSampleMs: CALL_STARTED_MS - DEFAULT_HISTORY_STEP_MS,
        history: [],
        steps: 0,
        changedFrom: null,
        latest: { at: '', classification: 'unknown' },
        sums: { lossPercent: 0, jitterMs: 0, roundTripMs: 0, bitRate: 0, frameRate: 0 },
        maxima: { lossPercent: 0, jitterMs: 0, roundTripMs: 0, bitRate: 0, frameRate: 0 },
      };
      for (let step = 0; step < DEFAULT_HISTORY_POINTS; step += 1) addSample(leg, roomIndex, legIndex, CALL_STARTED_MS + step * DEFAULT_HISTORY_STEP_MS);
      return leg;
    });
    const name = `${ROOM_NAMES[roomIndex % ROOM_NAMES.length]} ${Math.floor(roomIndex / ROOM_NAMES.length) + 1}`;
    const identity = { roomId, roomName: name, deviceId, legs };
    return { ...identity, snapshot: roomSnapshot(identity) };
  });

  return {
    roomCount,
    snapshots: () => rooms.map((room) => ({ ...room.snapshot, asOfSeq: seq })),
    advance(changed) {
      tick += 1;
      clockMs += PUBLISH_INTERVAL_MS;
      for (const roomIndex of changed) {
        const room = rooms[roomIndex];
        if (room === undefined) throw new RangeError(`changed room index ${roomIndex} is outside 0..${roomCount - 1}`);
        room.legs.forEach((leg, legIndex) => addSample(leg, roomIndex, legIndex, clockMs));
        room.snapshot = roomSnapshot(room);
      }
    },
    push(roomIndexes) {
      seq += 1;
      const deltas = roomIndexes.map((roomIndex): RoomDelta => {
        const room = rooms[roomIndex];
        if (room === undefined) throw new RangeError(`pushed room index ${roomIndex} is outside 0..${roomCount - 1}`);
        const { legs: _snapshotLegs, ...call } = room.snapshot.activeCalls[0]!;
        return { ...room.snapshot, activeCalls: [{ ...call, legs: room.legs.map(legDelta) }] };
      });
      return { seq, rooms: deltas };
    },
  };
}

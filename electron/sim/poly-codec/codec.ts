/**
 * The simulated Poly codec's state: the conference up now and its streams, advanced one statistics
 * interval per tick; what each interval showed is accumulated as the figures a report must carry
 * (expected). Deterministic for a seed; no timers here.
 */
import type { Direction, Modality } from '../../../shared/domain/legs';
import { createRandom } from '../cisco-codec/prng';
import { generatePolyCallScript, type PolyCallScript, type PolyScenario, type PolyStreamName } from './scenario';

interface StreamSpec {
  mediaType: 'AUDIO' | 'VIDEO' | 'CONTENT';
  mediaDirection: 'RX' | 'TX';
  algorithm: string;
  format: string;
  bitRateKbps: number;
  frameRate: number;
  baseJitterMs: number;
  packetsPerTick: number;
}

const SPECS: Record<PolyStreamName, StreamSpec> = {
  'audio-rx': { mediaType: 'AUDIO', mediaDirection: 'RX', algorithm: 'G.722.1C', format: '', bitRateKbps: 64, frameRate: 0, baseJitterMs: 6, packetsPerTick: 250 },
  'audio-tx': { mediaType: 'AUDIO', mediaDirection: 'TX', algorithm: 'G.722.1C', format: '', bitRateKbps: 64, frameRate: 0, baseJitterMs: 3, packetsPerTick: 250 },
  'video-rx': { mediaType: 'VIDEO', mediaDirection: 'RX', algorithm: 'H.264', format: '1080p', bitRateKbps: 1472, frameRate: 30, baseJitterMs: 9, packetsPerTick: 800 },
  'video-tx': { mediaType: 'VIDEO', mediaDirection: 'TX', algorithm: 'H.264', format: '1080p', bitRateKbps: 1472, frameRate: 30, baseJitterMs: 4, packetsPerTick: 800 },
  'content-rx': { mediaType: 'CONTENT', mediaDirection: 'RX', algorithm: 'H.264', format: '1080p', bitRateKbps: 768, frameRate: 15, baseJitterMs: 5, packetsPerTick: 400 },
  'content-tx': { mediaType: 'CONTENT', mediaDirection: 'TX', algorithm: 'H.264', format: '1080p', bitRateKbps: 768, frameRate: 15, baseJitterMs: 4, packetsPerTick: 400 },
};

export interface PolyMediaStatBody {
  mediaType: string;
  mediaDirection: string;
  mediaAlgorithm: string;
  mediaFormat: string;
  actualBitRate: number;
  actualFrameRate: number;
  jitter: number;
  packetLoss: number;
  percentPacketLoss: number;
}

export interface PolyExpectedStream {
  name: PolyStreamName;
  modality: Modality;
  direction: Direction;
  channelIndex: number;
  intervals: number;
  avgLossPercent: number;
  maxLossPercent: number;
  avgJitterMs: number;
  maxJitterMs: number;
  /** bit/s */
  avgBitRate: number;
  avgFrameRate: number | null;
}

export interface PolyExpectedCall {
  callId: string;
  startTime: number;
  endedAtTick: number | null;
  streams: PolyExpectedStream[];
}

interface Stream {
  name: PolyStreamName;
  spec: StreamSpec;
  current: PolyMediaStatBody;
  totals: { intervals: number; lossSum: number; lossMax: number; jitterSum: number; jitterMax: number; bitRateSum: number; frameRateSum: number };
}

export interface ActivePolyCall {
  script: PolyCallScript;
  startTick: number;
  startTime: number;
  streams: Map<PolyStreamName, Stream>;
  retired: Stream[];
}

const MAIN: readonly PolyStreamName[] = ['audio-rx', 'audio-tx', 'video-rx', 'video-tx'];
const MODALITY = { AUDIO: 'audio', VIDEO: 'video', CONTENT: 'screenSharing' } as const;

const round2 = (value: number): number => Math.round(value * 100) / 100;

function newStream(name: PolyStreamName): Stream {
  const spec = SPECS[name];
  return {
    name,
    spec,
    current: { mediaType: spec.mediaType, mediaDirection: spec.mediaDirection, mediaAlgorithm: spec.algorithm, mediaFormat: spec.format, actualBitRate: 0, actualFrameRate: 0, jitter: 0, packetLoss: 0, percentPacketLoss: 0 },
    totals: { intervals: 0, lossSum: 0, lossMax: 0, jitterSum: 0, jitterMax: 0, bitRateSum: 0, frameRateSum: 0 },
  };
}

function expectedOf(stream: Stream): PolyExpectedStream {
  const { totals, spec } = stream;
  const per = (sum: number): number => (totals.intervals === 0 ? 0 : sum / totals.intervals);
  return {
    name: stream.name,
    modality: MODALITY[spec.mediaType],
    direction: spec.mediaDirection === 'RX' ? 'inbound' : 'outbound',
    channelIndex: 1,
    intervals: totals.intervals,
    avgLossPercent: per(totals.lossSum),
    maxLossPercent: totals.lossMax,
    avgJitterMs: per(totals.jitterSum),
    maxJitterMs: totals.jitterMax,
    avgBitRate: per(totals.bitRateSum) * 1_000,
    avgFrameRate: spec.mediaType === 'AUDIO' ? null : per(totals.frameRateSum),
  };
}

export function createSimulatedPolyCodec(options: { seed: number; scenario: PolyScenario; loop: boolean; epochMs: () => number }) {
  const random = createRandom(options.seed ^ 0x5bd1e995);
  let tickCount = 0;
  let scriptIndex = 0;
  let active: ActivePolyCall | undefined;
  const finished: PolyExpectedCall[] = [];
  const scriptAt = (index: number): PolyCallScript | undefined => {
    const scripted = options.scenario.calls[index];
    if (scripted !== undefined || !options.loop) return scripted;
    const first = options.scenario.calls[0];
    // A real codec reuses small ids: looping calls alternate 0 and 1.
    return first === undefined ? undefined : { ...generatePolyCallScript(options.seed + index, { durationTicks: first.durationTicks, conferenceId: index % 2 }), idleTicksBefore: 2 };
  };
  let nextScript = scriptAt(0);
  let nextStartTick = nextScript?.idleTicksBefore ?? Number.POSITIVE_INFINITY;

  const expectedCall = (call: ActivePolyCall, endedAtTick: number | null): PolyExpectedCall => ({
    callId: String(call.script.conferenceId),
    startTime: call.startTime,
    endedAtTick,
    streams: [...call.retired, ...call.streams.values()].map(expectedOf),
  });

  const advance = (call: ActivePolyCall, stream: Stream, relativeTick: number): void => {
    const { spec, current, totals } = stream;
    let loss = random.next() < 0.3 ? round2(random.between(0, 0.4)) : 0;
    let extraJitter = 0;
    let frameRate = spec.frameRate;
    for (const impairment of call.script.impairments) {
      if (impairment.stream !== stream.name || relativeTick < impairment.fromTick || relativeTick >= impairment.toTick) continue;
      if (impairment.lossPercent !== undefined) loss = Math.max(loss, impairment.lossPercent);
      extraJitter += impairment.jitterMs ?? 0;
      if (impairment.frameRate !== undefined) frameRate = impairment.frameRate;
    }
    const jitter = Math.round(spec.baseJitterMs + random.between(0, 3) + extraJitter);
    const bitRateKbps = Math.round(spec.bitRateKbps * (1 - loss / 100) * random.between(0.97, 1.03));
    current.percentPacketLoss = loss;
    current.packetLoss += Math.round((spec.packetsPerTick * loss) / 100);
    current.jitter = jitter;
    current.actualBitRate = bitRateKbps;
    current.actualFrameRate = frameRate;
    totals.intervals += 1;
    totals.lossSum += loss;
    totals.lossMax = Math.max(totals.lossMax, loss);
    totals.jitterSum += jitter;
    totals.jitterMax = Math.max(totals.jitterMax, jitter);
    totals.bitRateSum += bitRateKbps;
    totals.frameRateSum += frameRate;
  };

  return {
    tick(): void {
      tickCount += 1;
      if (active !== undefined && tickCount - active.startTick >= active.script.durationTicks) {
        finished.push(expectedCall(active, tickCount));
        active = undefined;
        scriptIndex += 1;
        nextScript = scriptAt(scriptIndex);
        nextStartTick = nextScript === undefined ? Number.POSITIVE_INFINITY : tickCount + nextScript.idleTicksBefore;
      }
      if (active === undefined && nextScript !== undefined && tickCount >= nextStartTick) {
        active = { script: nextScript, startTick: tickCount, startTime: options.epochMs(), streams: new Map(), retired: [] };
        for (const name of MAIN) active.streams.set(name, newStream(name));
      }
      if (active === undefined) return;
      const relativeTick = tickCount - active.startTick;
      const content = active.script.content;
      if (content !== undefined) {
        const name: PolyStreamName = content.direction === 'rx' ? 'content-rx' : 'content-tx';
        if (relativeTick === content.fromTick) active.streams.set(name, newStream(name));
        if (relativeTick === content.toTick) {
          const stream = active.streams.get(name);
          if (stream !== undefined) active.retired.push(stream);
          active.streams.delete(name);
        }
      }
      for (const stream of active.streams.values()) advance(active, stream, relativeTick);
    },
    get ticks(): number {
      return tickCount;
    },
    activeCall(): ActivePolyCall | undefined {
      return active;
    },
    /** The media statistics body of the active call. */
    mediaStats(): PolyMediaStatBody[] {
      return active === undefined ? [] : [...active.streams.values()].map((stream) => ({ ...stream.current }));
    },
    expected(): PolyExpectedCall[] {
      return active === undefined ? [...finished] : [...finished, expectedCall(active, null)];
    },
  };
}

export type SimulatedPolyCodec = ReturnType<typeof createSimulatedPolyCodec>;

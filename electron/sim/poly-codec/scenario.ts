/**
 * Call scripts for the simulated Poly VideoOS codec. Time is counted in ticks of the codec's ~5 s
 * statistics interval (../shared/reference/poly-videoos.md §6), like the Cisco simulator, so a test runs a call in
 * milliseconds. Each tick every stream gets the figures the REST API would show for that interval.
 */
import { createRandom } from '../cisco-codec/prng';

export const POLY_TICK_MS = 5_000;

export type PolyStreamName = 'audio-rx' | 'audio-tx' | 'video-rx' | 'video-tx' | 'content-rx' | 'content-tx';

export interface PolyImpairment {
  stream: PolyStreamName;
  fromTick: number;
  toTick: number;
  /** Loss over the interval (percentPacketLoss). */
  lossPercent?: number;
  /** Added to the stream's normal jitter. */
  jitterMs?: number;
  /** The frame rate the stream drops to (video and content). */
  frameRate?: number;
}

export interface PolyCallScript {
  /** Conference id: small and reused by the codec (§6); 0 is a valid call. */
  conferenceId: number;
  idleTicksBefore: number;
  durationTicks: number;
  /** Far end as dialled. */
  address: string;
  content?: { fromTick: number; toTick: number; direction: 'rx' | 'tx' };
  impairments: PolyImpairment[];
}

export interface PolyScenario {
  calls: PolyCallScript[];
}

/** About two minutes (24 ticks): content shared for a while, a loss burst on received audio, a frame-rate drop. */
export function generatePolyCallScript(seed: number, options: { durationTicks?: number; conferenceId?: number } = {}): PolyCallScript {
  const random = createRandom(seed);
  const durationTicks = Math.max(12, options.durationTicks ?? 24);
  const lossFrom = random.int(3, Math.floor(durationTicks / 3));
  const contentFrom = random.int(2, 4);
  return {
    conferenceId: options.conferenceId ?? 0,
    idleTicksBefore: 1,
    durationTicks,
    address: '123456789.abc@t.example.vc',
    content: { fromTick: contentFrom, toTick: Math.min(durationTicks - 1, contentFrom + random.int(6, 10)), direction: random.next() < 0.5 ? 'rx' : 'tx' },
    impairments: [
      { stream: 'audio-rx', fromTick: lossFrom, toTick: lossFrom + random.int(3, 5), lossPercent: Math.round(random.between(12, 25)) },
      { stream: 'video-rx', fromTick: lossFrom + 4, toTick: lossFrom + 7, frameRate: 5, jitterMs: Math.round(random.between(20, 40)) },
    ],
  };
}

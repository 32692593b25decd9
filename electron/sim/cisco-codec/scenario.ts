/**
 * Scenario scripts for the simulated codec: a call starts, audio and video channels appear,
 * a presentation starts and stops, quality degrades (a loss burst, a jitter spike, an RTT spike) and
 * recovers, the call ends. Time is counted in ticks of one Cisco Netstat interval (5 s,
 * ../shared/reference/devices-and-thresholds.md §3.1), so a test advances a whole call in milliseconds.
 *
 * `generateScenario(seed)` gives a deterministic script from a seed; tests may pass their own.
 * Impairments last at least 3 ticks by default, so they cross the 3-sample hysteresis (§4.4).
 */
import { createRandom } from './prng';

export const TICK_MS = 5_000;

export type ChannelName = 'audio-in' | 'audio-out' | 'video-in' | 'video-out' | 'presentation-in' | 'presentation-out';

export interface Impairment {
  channel: ChannelName;
  /** First tick affected (relative to the call start). */
  fromTick: number;
  /** First tick no longer affected. */
  toTick: number;
  lossPercent?: number;
  /** Added to the channel's normal jitter. */
  jitterMs?: number;
  /** Added to the normal round trip (RoomOS only reports it). */
  roundTripMs?: number;
}

export interface CallScript {
  /** The codec's call key (`xStatus Call` item). */
  callId: string;
  /** Ticks of idle before the call starts. */
  idleTicksBefore: number;
  /** Length of the call in ticks. */
  durationTicks: number;
  /** Presentation ticks relative to the call start; `direction` says who shares. */
  presentation?: { fromTick: number; toTick: number; direction: 'in' | 'out' };
  impairments: Impairment[];
}

export interface Scenario {
  calls: CallScript[];
}

export interface GenerateOptions {
  durationTicks?: number;
  idleTicksBefore?: number;
}

/** One call of about two minutes (24 ticks) with a presentation, a loss burst and a jitter spike. */
export function generateCallScript(seed: number, options: GenerateOptions = {}): CallScript {
  const random = createRandom(seed);
  const durationTicks = Math.max(12, options.durationTicks ?? 24);
  const lossFrom = random.int(3, Math.floor(durationTicks / 3));
  const jitterFrom = lossFrom + random.int(5, 7);
  const presentationFrom = random.int(2, 4);
  return {
    callId: String(random.int(1, 99)),
    idleTicksBefore: options.idleTicksBefore ?? 1,
    durationTicks,
    presentation: {
      fromTick: presentationFrom,
      toTick: Math.min(durationTicks - 1, presentationFrom + random.int(6, 10)),
      direction: random.next() < 0.5 ? 'in' : 'out',
    },
    impairments: [
      // Loss burst well above CQD's 10 % audio rule (§4.1): the leg turns poor, then recovers.
      { channel: 'audio-in', fromTick: lossFrom, toTick: lossFrom + random.int(3, 5), lossPercent: Math.round(random.between(12, 25)) },
      { channel: 'video-in', fromTick: lossFrom, toTick: lossFrom + 3, lossPercent: Math.round(random.between(3, 8)) },
      // Jitter spike above the 30 ms audio rule, with a round-trip spike for RoomOS codecs.
      {
        channel: 'audio-out',
        fromTick: jitterFrom,
        toTick: Math.min(durationTicks, jitterFrom + random.int(3, 4)),
        jitterMs: Math.round(random.between(35, 70)),
        roundTripMs: Math.round(random.between(150, 400)),
      },
    ],
  };
}

export function generateScenario(seed: number, options: GenerateOptions = {}): Scenario {
  return { calls: [generateCallScript(seed, options)] };
}

/**
 * A small seeded PRNG (mulberry32, public domain, Tommy Ettinger) so a simulator scenario is the same on
 * every run and machine for a given seed: tests can assert exact numbers and a demo replays identically.
 * The generator is the emulator's (one implementation of mulberry32).
 */
import { mulberry32 } from '../emulator/prng';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
  };
}

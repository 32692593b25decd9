/**
 * The leg tracker behind the benchmark. The tracker (electron/core/legs) is written in parallel with the
 * ingest API, so it is loaded by a dynamic import that does not tie this file's types to its API: when
 * `createLegTracker` exists it is used, otherwise a no-op (and the printed line says which one ran).
 */
import type { LiveSample } from '../../shared/domain/samples';

export interface BenchTracker {
  name: string;
  ingestSamples(samples: LiveSample[]): void;
  close(): void;
}

type Loose = Record<string, unknown>;
const CANDIDATE_MODULES = ['../../electron/core/legs/index', '../../electron/core/legs/tracker'];
const BATCH_METHODS = ['ingestSamples', 'ingest', 'addSamples'];
const SINGLE_METHODS = ['ingestSample', 'addSample', 'onSample', 'sample'];

export async function loadTracker(now: () => number): Promise<BenchTracker> {
  for (const path of CANDIDATE_MODULES) {
    let loaded: Loose;
    try {
      loaded = (await import(/* @vite-ignore */ path)) as Loose;
    } catch {
      continue;
    }
    const create = loaded.createLegTracker;
    if (typeof create !== 'function') continue;
    // No configured rooms (samples create transient ones); reports and alerts are not what this bench measures.
    const tracker = (create as (options: Loose) => Loose)({ now, rooms: [], onReport: () => undefined, onAlert: () => undefined });
    const ingest = adapt(tracker);
    if (!ingest) continue;
    const stop = ['close', 'stop', 'dispose'].map((name) => tracker[name]).find((fn) => typeof fn === 'function') as (() => void) | undefined;
    return { name: 'createLegTracker', ingestSamples: ingest, close: () => stop?.call(tracker) };
  }
  return { name: 'no-op (electron/core/legs createLegTracker not found)', ingestSamples: () => undefined, close: () => undefined };
}

function adapt(tracker: Loose): ((samples: LiveSample[]) => void) | undefined {
  for (const name of BATCH_METHODS) {
    const method = tracker[name];
    if (typeof method === 'function') return (samples) => void method.call(tracker, samples);
  }
  for (const name of SINGLE_METHODS) {
    const method = tracker[name];
    if (typeof method === 'function') return (samples) => samples.forEach((sample) => method.call(tracker, sample));
  }
  return undefined;
}

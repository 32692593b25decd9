/**
 * Hysteresis of a leg's classification: a state is entered after N consecutive samples
 * (default 3) and left after N consecutive samples, so one bad 5-second interval neither alerts nor clears.
 * Sources: ../shared/reference/devices-and-thresholds.md §4.3/§4.4 (Pexip "mode of the last 3 windows", Polycom "5 s stable
 * before improving"); 3 Cisco Netstat samples ≈ one 15 s Teams window (§4.2).
 *
 * Rule: N consecutive samples all WORSE than the current state move it to the mildest of them; N consecutive
 * samples all BETTER move it to the harshest of them. So poor, warning, poor from good confirms warning (not
 * nothing, as a "same level N times" rule would when the samples alternate). A sample at the current level
 * breaks the streak. `unknown` samples (nothing judged) are skipped: they neither count nor break.
 * From the initial `unknown`, the first N judged samples decide, at the mildest of them. O(1) per sample.
 */
import type { ClassificationReason, LegClassification, LegTrend } from '../../../shared/domain/legs';

type Level = Exclude<LegClassification, 'unknown'>;
const SEVERITY: Record<Level, number> = { good: 0, warning: 1, poor: 2 };
const LEVELS: readonly Level[] = ['good', 'warning', 'poor'];

export interface HysteresisStep {
  state: LegClassification;
  reason: ClassificationReason | null;
  previous: LegClassification;
  changed: boolean;
}

export interface Hysteresis {
  push(level: LegClassification, reason: ClassificationReason | null): HysteresisStep;
  readonly state: LegClassification;
  readonly reason: ClassificationReason | null;
  /** The streak under way toward another state (e.g. 2 of 3 poor samples), null when there is none. */
  readonly trend: LegTrend | null;
}

export function createHysteresis(samplesToSwitch = 3): Hysteresis {
  if (!Number.isInteger(samplesToSwitch) || samplesToSwitch < 1) {
    throw new RangeError(`samplesToSwitch must be an integer ≥ 1, got ${samplesToSwitch}`);
  }
  let state: LegClassification = 'unknown';
  let reason: ClassificationReason | null = null;
  // The streak: direction (+1 worse, -1 better, 0 = any, from unknown), length, extreme level and its reason.
  let streakDirection = 0;
  let streakLength = 0;
  let streakExtreme = -1;
  let streakReason: ClassificationReason | null = null;

  const resetStreak = (): void => {
    streakLength = 0;
    streakExtreme = -1;
    streakReason = null;
  };

  return {
    get state() {
      return state;
    },
    get reason() {
      return reason;
    },
    get trend() {
      const toward = LEVELS[streakExtreme];
      if (streakLength === 0 || toward === undefined) return null;
      return { toward, samples: streakLength, samplesNeeded: samplesToSwitch };
    },
    push(level, sampleReason) {
      const previous = state;
      if (level === 'unknown') return { state, reason, previous, changed: false };
      const severity = SEVERITY[level];
      if (state !== 'unknown' && severity === SEVERITY[state]) {
        reason = sampleReason; // same state: keep the freshest explanation
        resetStreak();
        return { state, reason, previous, changed: false };
      }
      const direction = state === 'unknown' ? 0 : severity > SEVERITY[state] ? 1 : -1;
      if (direction !== streakDirection) {
        streakDirection = direction;
        resetStreak();
      }
      streakLength += 1;
      // Worse (or from unknown): confirm the mildest of the streak; better: the harshest.
      const takesOver =
        streakExtreme < 0 || (direction === -1 ? severity >= streakExtreme : severity <= streakExtreme);
      if (takesOver) {
        streakExtreme = severity;
        streakReason = sampleReason;
      }
      if (streakLength < samplesToSwitch) return { state, reason, previous, changed: false };
      state = LEVELS[streakExtreme] ?? 'unknown';
      reason = streakReason;
      resetStreak();
      return { state, reason, previous, changed: true };
    },
  };
}

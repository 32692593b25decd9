export { classifySample } from './classify';
export type { SampleMetrics, SampleJudgement } from './classify';
export { createHysteresis } from './hysteresis';
export type { Hysteresis, HysteresisStep } from './hysteresis';
export { createAlertPolicy, DEFAULT_ALERT_COOLDOWN_MS } from './alerts';
export type { AlertPolicy, AlertPolicyOptions, AlertLeg } from './alerts';

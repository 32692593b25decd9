export { createLegTracker } from './tracker';
export type { DeviceCallReport, IngestResult, LegTracker, LegTrackerOptions, SampleDrop, SampleDropCode, TrackedRoom } from './tracker';
export type { CallContextInput } from './call-context';
export type { RoomsListener } from './publisher';
export { nodeTimers, type Timers } from '../timers';
export { buildQualityReport, buildMediaQualityList } from './report';

/** The domain contracts of live quality data: samples in, legs and alerts out, thresholds in between. */
export * from './legs';
export * from './room-delta';
export * from './samples';
export * from './thresholds';
export type { EndpointAddress } from './address';

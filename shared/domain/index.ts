/** The domain contracts of live quality data: samples in, legs and alerts out, thresholds in between. */
export * from './legs';
export * from './samples';
export * from './thresholds';
export type { EndpointAddress } from './address';

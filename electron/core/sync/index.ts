/** The sync worker's public surface. */
export { createSyncWorker, type SyncOutbox } from './worker';
export type { AttemptEvent, SyncEvents, SyncWorker, SyncWorkerOptions, WakeReason } from './types';
export type { RoutePause, SyncLastError, SyncSnapshot, SyncState } from './status';
export type { PauseCause } from './classify';
export { nodeTimers, type Timers } from '../timers';
export { TokenBucket } from './token-bucket';

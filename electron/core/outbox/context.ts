/** What every part of the outbox shares: the database, the clock, the id source and the limits. */
import type { Db } from '../db/database';
import type { OutboxLimits } from './types';

export interface OutboxContext {
  db: Db;
  /** Milliseconds since the epoch; injected so tests can move time (expiry, backoff, retention). */
  now: () => number;
  /** New GUIDs for report ids, mediaLegIds and client-request-ids. */
  newId: () => string;
  limits: OutboxLimits;
}

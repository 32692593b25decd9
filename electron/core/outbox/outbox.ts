/**
 * The outbox repository over the one SQLite database (../shared/design/examples-to-follow.md #9): it owns the prepared
 * statements (each prepared once, in the part that uses it) and exposes one small interface. The parts:
 * enqueue.ts (intake and bounds), delivery.ts (the worker's transitions), operator.ts (resubmit, discard,
 * attach Teams ids), maintenance.ts (expiry, purge), queries.ts and stats.ts (read side).
 *
 * The CLI opens the same database with its own Outbox while the agent runs: every write is one IMMEDIATE
 * transaction, so both obey the same rules. Only the process that runs the sync worker may call
 * recoverInFlight (the worker's start() does).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { createCallChainQueries, type CallChainQueries } from './call-chains';
import type { OutboxContext } from './context';
import { createDelivery, type Delivery } from './delivery';
import { createEnqueue } from './enqueue';
import { createMaintenance, type Maintenance } from './maintenance';
import { createOperatorActions, type OperatorActions } from './operator';
import { createQueries, type Queries } from './queries';
import { createStatsQueries } from './stats';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status';
import { DEFAULT_LIMITS, type EnqueueInput, type EnqueueResult, type OutboxLimits, type OutboxStats } from './types';

export interface OutboxOptions {
  now?: () => number;
  newId?: () => string;
  limits?: Partial<OutboxLimits>;
}

export interface Outbox extends Delivery, OperatorActions, Maintenance, Queries, CallChainQueries, SyncStatusStore {
  /** Commits before it returns. Throws OutboxFullError for source 'ingest' above the bounds. */
  enqueue(input: EnqueueInput): EnqueueResult;
  /** Counts by state, unsent rows/bytes, `full`, backlog age. Cheap: safe to call after every send. */
  stats(nowMs?: number): OutboxStats;
  readonly limits: OutboxLimits;
  /** New bounds (the configuration changed); the next enqueue, stats and expiry use them. */
  setLimits(limits: Partial<OutboxLimits>): void;
  /**
   * Runs `fn` in one IMMEDIATE transaction: the outbox calls inside it commit together, with one fsync.
   * The sync worker records finished attempts and claims the next reports this way.
   */
  atomically<T>(fn: () => T): T;
}

export function createOutbox(db: Db, options: OutboxOptions = {}): Outbox {
  const ctx: OutboxContext = {
    db,
    now: options.now ?? Date.now,
    newId: options.newId ?? randomUUID,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
  const stats = createStatsQueries(ctx);
  return {
    enqueue: createEnqueue(ctx, stats),
    stats: stats.stats,
    get limits() {
      return ctx.limits;
    },
    setLimits: (limits) => {
      ctx.limits = { ...ctx.limits, ...limits };
    },
    atomically: (fn) => db.transaction(fn).immediate(),
    ...createDelivery(ctx),
    ...createOperatorActions(ctx),
    ...createMaintenance(ctx),
    ...createQueries(ctx),
    ...createCallChainQueries(ctx),
    ...createSyncStatusStore(ctx),
  };
}

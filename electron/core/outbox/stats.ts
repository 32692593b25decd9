/**
 * Counts and bytes per state from outbox_stats (kept by triggers, see migration 002), the size bounds, and
 * the backlog age: all O(1) or one index seek per state, so the worker can publish them after every send.
 */
import type { OutboxContext } from './context';
import { UNSENT_STATES, WAITING_STATES, type OutboxStats, type ReportState } from './types';
import { emptyReportCounts } from '../../../shared/api/states';

const UNSENT = new Set<ReportState>(UNSENT_STATES);

interface StatsRow {
  state: ReportState;
  row_count: number;
  body_bytes: number;
}

export interface StatsQueries {
  stats(nowMs?: number): OutboxStats;
  /** Unsent rows and bytes only: what enqueue checks inside its transaction. */
  unsent(): { rows: number; bytes: number };
}

export function createStatsQueries(ctx: OutboxContext): StatsQueries {
  const { db } = ctx;
  const readStats = db.prepare<[], StatsRow>('SELECT state, row_count, body_bytes FROM outbox_stats');
  const readUnsent = db.prepare<[], { rows: number; bytes: number }>(
    `SELECT COALESCE(SUM(row_count), 0) AS rows, COALESCE(SUM(body_bytes), 0) AS bytes FROM outbox_stats
     WHERE state IN (${UNSENT_STATES.map((s) => `'${s}'`).join(',')})`,
  );
  // One seek per state on reports_state_created; MIN over an IN list would not use the index as well.
  const oldestIn = db.prepare<[string], { created_at: number }>(
    'SELECT created_at FROM reports WHERE state = ? ORDER BY created_at LIMIT 1',
  );

  function unsent(): { rows: number; bytes: number } {
    return readUnsent.get() ?? { rows: 0, bytes: 0 };
  }

  function stats(nowMs = ctx.now()): OutboxStats {
    const counts = emptyReportCounts();
    let unsentRows = 0;
    let unsentBytes = 0;
    for (const row of readStats.all()) {
      counts[row.state] = row.row_count;
      if (UNSENT.has(row.state)) {
        unsentRows += row.row_count;
        unsentBytes += row.body_bytes;
      }
    }
    let oldest: number | undefined;
    for (const state of WAITING_STATES) {
      const row = oldestIn.get(state);
      if (row && (oldest === undefined || row.created_at < oldest)) oldest = row.created_at;
    }
    const { limits } = ctx;
    const result: OutboxStats = {
      counts,
      unsentRows,
      unsentBytes,
      full: unsentRows >= limits.maxUnsentRows || unsentBytes >= limits.maxUnsentBytes,
      limits,
    };
    if (oldest !== undefined) {
      result.oldestWaitingCreatedAtMs = oldest;
      result.oldestWaitingAgeMs = Math.max(0, nowMs - oldest);
    }
    return result;
  }

  return { stats, unsent };
}

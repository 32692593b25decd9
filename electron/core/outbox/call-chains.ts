/**
 * Reports by Teams call: a callRecord's id is the callChainId of the room's reports for that call
 * (../shared/design/architecture.md "Identifiers"). Compared case-insensitively through the `reports_call_chain` index
 * (migration 004): one index seek per record, also with a million reports. The call-records service asks
 * these named questions instead of reading the outbox's table itself.
 */
import type { OutboxContext } from './context';

export interface CallChainQueries {
  /** Ids of the reports of this call chain, oldest first. */
  reportIdsForCallChain(callChainId: string): string[];
  /** Report ids per call chain (as stored) for many chains in one query, oldest first. */
  reportIdsForCallChains(callChainIds: readonly string[]): { callChainId: string; reportId: string }[];
  /** When the call ended as far as its reports tell (the earliest end, or enqueue time without one). */
  callEndedAtMs(callChainId: string): number | undefined;
}

export function createCallChainQueries(ctx: OutboxContext): CallChainQueries {
  const { db } = ctx;
  const idsForChain = db.prepare<[string], { id: string }>(`SELECT id FROM reports
    WHERE call_chain_id IS NOT NULL AND call_chain_id = ? COLLATE NOCASE ORDER BY created_at, id`);
  const idsForChains = db.prepare<[string], { id: string; call_chain_id: string }>(`SELECT id, call_chain_id FROM reports
    WHERE call_chain_id IS NOT NULL AND call_chain_id COLLATE NOCASE IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`);
  const callEndForChain = db.prepare<[string], { at: number | null }>(`SELECT min(coalesce(call_ended_at, created_at)) AS at FROM reports
    WHERE call_chain_id IS NOT NULL AND call_chain_id = ? COLLATE NOCASE`);
  return {
    reportIdsForCallChain: (callChainId) => idsForChain.all(callChainId).map((row) => row.id),
    reportIdsForCallChains: (callChainIds) =>
      callChainIds.length === 0 ? [] : idsForChains.all(JSON.stringify(callChainIds)).map((row) => ({ callChainId: row.call_chain_id, reportId: row.id })),
    callEndedAtMs: (callChainId) => callEndForChain.get(callChainId)?.at ?? undefined,
  };
}

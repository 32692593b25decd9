/**
 * Record ↔ report: a callRecord's id is the callChainId of the room's reports for that call
 * (architecture.md "Identifiers"), so the two meet on `reports.call_chain_id`, compared case-insensitively
 * through the `reports_call_chain` index of migration 004 (one index seek per record, also with a million
 * reports in the outbox). Report details come from the outbox's own read side.
 */
import type { Db } from '../db/database';
import type { ReportDetail as OutboxReportDetail } from '../outbox/types';
import { recordKey } from './cache';

export interface ReportSource {
  get(id: string): OutboxReportDetail | undefined;
}

export function createReportCorrelation(db: Db, outbox: ReportSource) {
  const idsForChain = db.prepare<[string], { id: string }>(`SELECT id FROM reports
    WHERE call_chain_id IS NOT NULL AND call_chain_id = ? COLLATE NOCASE ORDER BY created_at, id`);
  const idsForChains = db.prepare<[string], { id: string; call_chain_id: string }>(`SELECT id, call_chain_id FROM reports
    WHERE call_chain_id IS NOT NULL AND call_chain_id COLLATE NOCASE IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`);
  const callEndForChain = db.prepare<[string], { at: number | null }>(`SELECT min(coalesce(call_ended_at, created_at)) AS at FROM reports
    WHERE call_chain_id IS NOT NULL AND call_chain_id = ? COLLATE NOCASE`);

  return {
    reportIds(callChainId: string): string[] {
      return idsForChain.all(callChainId).map((row) => row.id);
    },

    /** Report ids per record id (lower case) for a whole list in one query. */
    reportIdsByRecord(recordIds: readonly string[]): Map<string, string[]> {
      const byRecord = new Map<string, string[]>();
      if (recordIds.length === 0) return byRecord;
      for (const row of idsForChains.all(JSON.stringify(recordIds))) {
        const key = recordKey(row.call_chain_id);
        byRecord.set(key, [...(byRecord.get(key) ?? []), row.id]);
      }
      return byRecord;
    },

    reports(callChainId: string): OutboxReportDetail[] {
      return this.reportIds(callChainId)
        .map((id) => outbox.get(id))
        .filter((report): report is OutboxReportDetail => report !== undefined);
    },

    /** When the call ended as far as the room's reports tell (the earliest), for "not yet" vs "expired". */
    callEndedAtMs(callChainId: string): number | undefined {
      return callEndForChain.get(callChainId)?.at ?? undefined;
    },
  };
}

export type ReportCorrelation = ReturnType<typeof createReportCorrelation>;

/**
 * Record ↔ report: a callRecord's id is the callChainId of the room's reports for that call
 * (../shared/design/architecture.md "Identifiers"). The outbox owns the reports table and answers by call chain
 * (outbox/call-chains.ts); report details come from the outbox's own read side.
 */
import type { CallChainQueries } from '../outbox/call-chains';
import type { ReportRecordDetail } from '../outbox/types';
import { recordKey } from './cache';

/** What correlation needs of the outbox: its call-chain questions and one report's detail. */
export interface ReportSource extends CallChainQueries {
  get(id: string): ReportRecordDetail | undefined;
}

export function createReportCorrelation(outbox: ReportSource) {
  return {
    reportIds(callChainId: string): string[] {
      return outbox.reportIdsForCallChain(callChainId);
    },

    /** Report ids per record id (lower case) for a whole list in one query. */
    reportIdsByRecord(recordIds: readonly string[]): Map<string, string[]> {
      const byRecord = new Map<string, string[]>();
      for (const { callChainId, reportId } of outbox.reportIdsForCallChains(recordIds)) {
        const key = recordKey(callChainId);
        byRecord.set(key, [...(byRecord.get(key) ?? []), reportId]);
      }
      return byRecord;
    },

    reports(callChainId: string): ReportRecordDetail[] {
      return this.reportIds(callChainId)
        .map((id) => outbox.get(id))
        .filter((report): report is ReportRecordDetail => report !== undefined);
    },

    /** When the call ended as far as the room's reports tell (the earliest), for "not yet" vs "expired". */
    callEndedAtMs(callChainId: string): number | undefined {
      return outbox.callEndedAtMs(callChainId);
    },
  };
}

export type ReportCorrelation = ReturnType<typeof createReportCorrelation>;

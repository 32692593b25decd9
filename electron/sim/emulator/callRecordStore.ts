/**
 * The emulator's callRecords, with Graph's 30-day retention (../shared/reference/graph-api.md §3.3: "remains available for
 * 30 days"; list omits older records, Get answers 404). A record's age counts from its creation, which the
 * docs equate with `lastModifiedDateTime` ("UTC time when the call record was created"); a seeded record
 * without it falls back to `endDateTime`.
 */
import type { CallRecord } from '../../../shared/graph/callRecords';

export const RETENTION_DAYS = 30;
const RETENTION_MS = RETENTION_DAYS * 86_400_000;

export function createdAtMs(record: CallRecord): number {
  const created = Date.parse(record.lastModifiedDateTime ?? '');
  return Number.isNaN(created) ? Date.parse(record.endDateTime) : created;
}

/** True while Graph would still serve the record. */
export function isRetained(record: CallRecord, nowMs: number): boolean {
  return nowMs - createdAtMs(record) <= RETENTION_MS;
}

export class CallRecordStore {
  private readonly records = new Map<string, CallRecord>();

  constructor(initial: readonly CallRecord[] = []) {
    this.upsert(initial);
  }

  /** Adds or replaces records by id (a later `version` of the same call replaces the earlier one, §3.3). */
  upsert(records: readonly CallRecord[]): void {
    for (const record of records) this.records.set(record.id.toLowerCase(), record);
  }

  replaceAll(records: readonly CallRecord[]): void {
    this.records.clear();
    this.upsert(records);
  }

  get(id: string): CallRecord | undefined {
    return this.records.get(id.toLowerCase());
  }

  all(): CallRecord[] {
    return [...this.records.values()];
  }

  /** Retained records in a stable order (start time, then id) so skip tokens page consistently. */
  retained(nowMs: number): CallRecord[] {
    return this.all()
      .filter((record) => isRetained(record, nowMs))
      .sort((a, b) => a.startDateTime.localeCompare(b.startDateTime) || a.id.localeCompare(b.id));
  }
}

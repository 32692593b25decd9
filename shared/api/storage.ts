/**
 * A storage problem the operator must see: the database refused a write (disk full, locked, I/O error), so
 * reports this app measured wait in memory and the ingest API refuses new ones; or a report this app built
 * did not match the Graph schema and was refused before it was stored.
 */
export const STORAGE_PROBLEM_KINDS = ['disk_full', 'busy', 'io', 'invalid_report'] as const;
export type StorageProblemKind = (typeof STORAGE_PROBLEM_KINDS)[number];

export interface StorageProblemView {
  kind: StorageProblemKind;
  /** SQLite's or the OS's code (SQLITE_FULL, SQLITE_BUSY, ENOSPC…), or `invalid_report`. */
  code: string;
  /** What happened and what is done about it, in words an operator can act on. */
  message: string;
  /** When the problem started (ISO 8601). */
  since: string;
  /** Device reports kept in memory, to be stored (and sent) once the database takes writes again. */
  waitingReports: number;
}

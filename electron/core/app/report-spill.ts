/**
 * Measured reports waiting for the disk (storage-guard.ts) also survive a restart: they are written to a
 * file reserved at start, while the disk still has room, and later only overwritten in place (a full disk
 * needs no new space for that; see storage-status-file.ts for the same idea). The next start stores them
 * like any other device report. The reservation bounds what it holds (256 KiB, about 50 call reports);
 * reports past it stay in memory only, and the log says how many.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EnqueueInput } from '../outbox';

export const REPORT_SPILL_FILE = 'unstored-reports.json';
const RESERVED_BYTES = 256 * 1024;

export interface ReportSpill {
  /** Replaces what the file holds with these reports (as many as fit); returns how many did not fit. */
  write(reports: readonly EnqueueInput[]): number;
  close(): void;
}

/** Reads the reports a previous run left (none when there is no file or it cannot be read). */
export function readSpilledReports(dataDir: string): EnqueueInput[] {
  let text: string;
  try {
    text = readFileSync(join(dataDir, REPORT_SPILL_FILE), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    // The bodies are checked against the Graph schema again when they are stored (report-intake.ts).
    return parsed.filter(isSpilledReport);
  } catch {
    return [];
  }
}

/** Reserves the file (emptying it: call after readSpilledReports); throws when the disk has no room. */
export function openReportSpill(dataDir: string): ReportSpill {
  const fd = openSync(join(dataDir, REPORT_SPILL_FILE), 'w', 0o600);
  const write = (reports: readonly EnqueueInput[]): number => {
    let kept = reports.length;
    let json = JSON.stringify(reports);
    while (Buffer.byteLength(json) > RESERVED_BYTES && kept > 0) {
      kept -= 1;
      json = JSON.stringify(reports.slice(0, kept));
    }
    const bytes = Buffer.alloc(RESERVED_BYTES, ' ');
    bytes.write(json, 0, 'utf8');
    writeSync(fd, bytes, 0, RESERVED_BYTES, 0);
    return reports.length - kept;
  };
  try {
    write([]);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { write, close: () => closeSync(fd) };
}

function isSpilledReport(value: unknown): value is EnqueueInput {
  if (value === null || typeof value !== 'object') return false;
  const record: Record<string, unknown> = { ...value };
  return record.source === 'device' && record.body !== null && typeof record.body === 'object';
}

/**
 * At start: the reports a previous run could not store, and the reserved file for this run (undefined when
 * the disk has no room even for the reservation: waiting reports then live in memory only).
 */
export function takeSpilledReports(dataDir: string, onError: (error: unknown) => void): { reports: EnqueueInput[]; spill: ReportSpill | undefined } {
  const reports = readSpilledReports(dataDir);
  try {
    return { reports, spill: openReportSpill(dataDir) };
  } catch (error) {
    onError(error);
    return { reports, spill: undefined };
  }
}

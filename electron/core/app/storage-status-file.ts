/**
 * The storage problem, for `status` in another process. It cannot go in the database: the problem is that
 * the database refuses writes. So the agent reserves a small file at start (while the disk has room) and
 * later only overwrites those bytes in place, which needs no new disk space: a full disk can still be
 * reported. The JSON is padded with spaces to the reserved size (JSON.parse ignores trailing whitespace).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { STORAGE_PROBLEM_KINDS, type StorageProblemView } from '../../../shared/api/storage';

export const STORAGE_STATUS_FILE = 'storage-status.json';
const RESERVED_BYTES = 4096;
/** The message is cut to keep the document within the reserved bytes. */
const MESSAGE_MAX_CHARS = 1500;

export interface StorageStatusFile {
  write(problem: StorageProblemView | undefined): void;
  close(): void;
}

/** Reserves the file and writes "no problem"; throws when the disk has no room even for that. */
export function openStorageStatusFile(dataDir: string, now: () => number = Date.now): StorageStatusFile {
  const fd = openSync(join(dataDir, STORAGE_STATUS_FILE), 'w', 0o600);
  const write = (problem: StorageProblemView | undefined): void => {
    const record = { problem: problem === undefined ? null : { ...problem, message: problem.message.slice(0, MESSAGE_MAX_CHARS) }, updatedAt: new Date(now()).toISOString(), pid: process.pid };
    const bytes = Buffer.alloc(RESERVED_BYTES, ' ');
    bytes.write(JSON.stringify(record), 0, 'utf8');
    writeSync(fd, bytes, 0, RESERVED_BYTES, 0);
  };
  try {
    write(undefined);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { write, close: () => closeSync(fd) };
}

/** The problem the agent last wrote, or undefined (none, no file, or a file this version cannot read). */
export function readStorageStatusFile(dataDir: string): StorageProblemView | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, STORAGE_STATUS_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || !('problem' in parsed)) return undefined;
    return isProblem(parsed.problem) ? parsed.problem : undefined;
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is StorageProblemView {
  if (value === null || typeof value !== 'object') return false;
  const record: Record<string, unknown> = { ...value };
  return (
    STORAGE_PROBLEM_KINDS.some((kind) => kind === record.kind) &&
    typeof record.code === 'string' &&
    typeof record.message === 'string' &&
    typeof record.since === 'string' &&
    typeof record.waitingReports === 'number'
  );
}

/** As openStorageStatusFile, but a disk already full at start only costs `status` its view of the problem. */
export function tryOpenStorageStatusFile(dataDir: string, onError: (error: unknown) => void, now?: () => number): StorageStatusFile | undefined {
  try {
    return openStorageStatusFile(dataDir, now);
  } catch (error) {
    onError(error);
    return undefined;
  }
}

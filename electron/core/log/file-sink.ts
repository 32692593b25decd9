/**
 * A size-bounded rotating log file: `monitor.log`, then `monitor.1.log` … `monitor.<keep>.log`. Room PCs
 * run for months unattended, so the directory never holds more than maxBytes × (keep + 1).
 * Writes are synchronous on purpose: a line logged just before a crash must be on disk.
 */
import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE, tightenFile } from '../data-dir/private-files';

export interface FileSinkOptions {
  dir: string;
  baseName?: string;
  maxBytes?: number;
  keepFiles?: number;
}

export function createFileLogSink(options: FileSinkOptions): (line: string) => void {
  const baseName = options.baseName ?? 'monitor';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keepFiles = options.keepFiles ?? 5;
  makePrivateDir(options.dir);
  const pathOf = (index: number): string => join(options.dir, index === 0 ? `${baseName}.log` : `${baseName}.${index}.log`);
  // Logs name rooms, devices and call ids: owner-only, like the rest of the data directory.
  const open = (): number => {
    tightenFile(pathOf(0));
    return openSync(pathOf(0), 'a', PRIVATE_FILE_MODE);
  };
  let fd = open();
  let sizeBytes = fstatSync(fd).size;

  const rotate = (): void => {
    closeSync(fd);
    rmSync(pathOf(keepFiles), { force: true });
    for (let index = keepFiles - 1; index >= 0; index -= 1) {
      if (existsSync(pathOf(index))) renameSync(pathOf(index), pathOf(index + 1));
    }
    fd = open();
    sizeBytes = 0;
  };

  return (line: string) => {
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    if (sizeBytes > 0 && sizeBytes + bytes.length > maxBytes) rotate();
    writeSync(fd, bytes);
    sizeBytes += bytes.length;
  };
}

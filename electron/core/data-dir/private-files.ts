/**
 * The data directory holds the outbox (room names, call ids, device addresses), the logs and the support
 * zips, and on Electron the encrypted secrets: on POSIX it is made readable by its owner only (directory
 * 0700, files 0600) whatever the umask, and an older installation's looser modes are tightened when the
 * agent opens it. On Windows modes mean nothing: the per-user profile's ACL protects the directory, and an
 * installation under ProgramData must set its ACL itself (docs/it-install.md).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Only the owner may change a mode; a directory someone else owns (a shared --data-dir) is left as it is. */
function ownedByUs(path: string): boolean {
  return typeof process.getuid === 'function' && statSync(path).uid === process.getuid();
}

/** Creates `dir` (and missing parents) with mode 0700 and tightens it when it already exists. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix && ownedByUs(dir) && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes `path` exist with mode 0600 (created empty when missing), so whatever writes it next inherits that. */
export function makePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  tightenFile(path);
}

/** Sets an existing file to 0600 (no-op when it is missing, already private, or not ours). */
export function tightenFile(path: string): void {
  if (!posix || !existsSync(path) || !ownedByUs(path)) return;
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE);
}

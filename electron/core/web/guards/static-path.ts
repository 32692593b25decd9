/**
 * Maps a request path to a file inside the built renderer, refusing everything that could leave it:
 * `..` segments (plain or percent-encoded), backslashes (a separator on Windows), NUL, dotfiles, and any
 * result that does not stay under the root after resolution (the prefix check is the real guard; the
 * segment checks only make the refusals explicit). Symlinks are checked by the file server with realpath.
 * Pure: no file system access.
 */
import { resolve, sep } from 'node:path';

const MAX_PATH_CHARS = 1024;

/** The absolute file for `urlPath` (the request path without query), or undefined when refused. */
export function resolveStaticPath(rootDir: string, urlPath: unknown): string | undefined {
  if (typeof urlPath !== 'string' || urlPath.length === 0 || urlPath.length > MAX_PATH_CHARS) return undefined;
  if (!urlPath.startsWith('/') || urlPath.startsWith('//')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed percent-encoding
  }
  if (decoded === '/') decoded = '/index.html';
  if (hasUnsafeCharacter(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return undefined;
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return undefined;
  return file;
}

/** Backslash (a separator on Windows) and control characters (NUL truncates paths in some APIs). */
function hasUnsafeCharacter(path: string): boolean {
  for (let i = 0; i < path.length; i += 1) {
    const code = path.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * Serves the built renderer (out/renderer). The path guard keeps requests inside the root; realpath then
 * makes sure a symlink inside the build does not point outside it. Only regular files are served: no
 * directory listings, no index for sub-folders.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import { contentTypeFor } from './content-types';
import { resolveStaticPath } from './guards/static-path';
import { PAGES, applySecurityHeaders, sendPage } from './http-responses';

/** Vite names files under assets/ by content hash, so a cached copy can never be stale. */
const HASHED_ASSET_CACHE = 'private, max-age=31536000, immutable';

export async function serveStaticFile(req: IncomingMessage, res: ServerResponse, rootDir: string, urlPath: string): Promise<void> {
  const file = resolveStaticPath(rootDir, urlPath);
  const realFile = file === undefined ? undefined : await existingFileInside(rootDir, file);
  if (realFile === undefined) {
    sendPage(req, res, 404, ...PAGES.notFound);
    return;
  }
  applySecurityHeaders(res);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(realFile.path),
    'Content-Length': realFile.sizeBytes,
    'Cache-Control': cacheControlFor(urlPath, realFile.path),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(realFile.path);
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

async function existingFileInside(rootDir: string, file: string): Promise<{ path: string; sizeBytes: number } | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    const stats = await stat(realFile);
    return stats.isFile() ? { path: realFile, sizeBytes: stats.size } : undefined;
  } catch {
    return undefined; // missing file or root: a 404, not an error
  }
}

function cacheControlFor(urlPath: string, filePath: string): string {
  if (filePath.endsWith('.html')) return 'no-store';
  return urlPath.startsWith('/assets/') ? HASHED_ASSET_CACHE : 'no-cache';
}

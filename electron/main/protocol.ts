/**
 * Serves the packaged renderer from app://renderer/ instead of file:// (file:// pages share one origin
 * with every local file; a custom standard scheme gives the renderer its own origin and lets the CSP say
 * 'self'). Only files inside out/renderer are served: the path is resolved and its prefix checked. Every
 * file goes out with the renderer's CSP as a header.
 */
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_CSP } from '../core/web/csp';
import { APP_HOST, APP_SCHEME } from './trusted-url';

export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer bundle between starts (Electron enables it for http(s) only
    // unless a standard scheme asks), so a start after the first does not compile the bundle again.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir) + sep;
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return new Response('Forbidden', { status: 403 });
    return withAppHeaders(await net.fetch(pathToFileURL(file).toString()));
  });
}

/**
 * The CSP as a header (csp.ts APP_CSP): a header can say `frame-ancestors`, a <meta> cannot. The body
 * streams through unchanged.
 */
export function withAppHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', APP_CSP);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

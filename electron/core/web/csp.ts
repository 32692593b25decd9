/**
 * The renderer's Content-Security-Policy, in one place for the three ways the page is delivered:
 * - the `<meta>` in renderer/index.html (the floor, also under `electron-vite dev`): no `frame-ancestors`,
 *   which Chromium ignores in a meta and reports as a console error on every load;
 * - the app:// protocol handler of the Electron shell (a header, with `frame-ancestors 'none'`);
 * - the web server of `run --web` (a header, with `frame-ancestors 'none'` and its own WebSocket in
 *   `connect-src`: the page talks to ws://<its host>:<its port>/api/ws and nothing else).
 * The Electron window needs no ws: source at all (its API is IPC). A browser enforces every policy it is
 * given, so the header can only narrow what the meta allows. test/unit/web/csp.test.ts keeps the meta equal
 * to RENDERER_CSP.
 */

export const RENDERER_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** What the app:// handler sends. */
export const APP_CSP = `${RENDERER_CSP}; frame-ancestors 'none'`;

/** What the web server sends for a page of `origin` (http://127.0.0.1:PORT): its socket spelled out. */
export function webCsp(origin: string): string {
  const socket = origin.replace(/^http:/, 'ws:');
  const localhost = socket.replace(/^ws:\/\/(127\.0\.0\.1|\[::1\])/, 'ws://localhost');
  const sockets = socket === localhost ? socket : `${socket} ${localhost}`;
  return RENDERER_CSP.replace("connect-src 'self'", `connect-src 'self' ${sockets}`) + "; frame-ancestors 'none'";
}

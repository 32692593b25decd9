// Browser end-to-end of the headless web mode: the built renderer (out/renderer, not built here) served by
// the real web server over fake handlers and the real dispatcher, opened in Debian Chromium through the
// printed URL. Proves: token → cookie → clean URL, the app shell renders under the server's CSP with zero
// console errors or warnings, and data from a WebSocket call is on screen. Saves test/artifacts/web-shell.png.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectConsoleProblems, launchChromium, type ChromiumSession } from '../support/chromium';
import { createLogger } from '../../electron/core/log/logger';
import { FAKE_ROOMS, fakeRoom } from '../support/fake-app-api';
import { wholeRoomsChange } from '../support/room-deltas';
import { startTestWebServer, type TestWebServer } from '../support/web-server';

const RENDERER_DIR = resolve('out/renderer');
const ARTIFACTS_DIR = resolve('test/artifacts');
const missing = !existsSync(join(RENDERER_DIR, 'index.html'))
  ? 'out/renderer/index.html is missing (run `npx electron-vite build` first)'
  : !chromiumAvailable()
    ? 'Chromium is not installed (apt-get install chromium)'
    : undefined;

if (missing !== undefined && process.env.CI === undefined) console.warn(`web-shell e2e skipped: ${missing}`);

describe.runIf(missing !== undefined && process.env.CI !== undefined)('web shell prerequisites (CI)', () => {
  it('has the built renderer and Chromium', () => {
    throw new Error(`web-shell e2e cannot run in CI: ${missing}`);
  });
});

describe.skipIf(missing !== undefined)('web shell in Chromium', () => {
  let web: TestWebServer;
  let browser: ChromiumSession;
  const logLines: string[] = [];
  beforeAll(async () => {
    web = await startTestWebServer({ staticDir: RENDERER_DIR, log: createLogger({ sink: (line) => logLines.push(line), level: 'warn' }) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('opens the printed URL, drops the token from the address bar and shows rooms from the WebSocket', async () => {
    const page = await browser.context.newPage();
    const consoleProblems = collectConsoleProblems(page);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await page.goto(web.server.url);
    expect(page.url()).toBe(`${web.server.origin}/`);
    await expect.poll(() => page.title()).toMatch(/VTC Quality Monitor/);
    await page.getByRole('navigation').first().waitFor({ state: 'visible' });

    // Room names come only from getRooms over the WebSocket.
    for (const room of FAKE_ROOMS) await page.getByText(room.roomName, { exact: true }).first().waitFor({ state: 'visible' });
    expect(sockets).toEqual([`ws://127.0.0.1:${web.server.port}/api/ws`]);
    // HttpOnly: the page's scripts cannot read the session cookie.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // Zero console errors and warnings: no CSP refusal, no ignored directive, no 404 (favicon), no page error.
    expect(consoleProblems).toEqual([]);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'web-shell.png'), fullPage: true });
  });

  it('shows pushed roomsChanged events', async () => {
    const page = browser.context.pages().at(-1)!;
    // The first push after the page read getRooms (asOfSeq 0), carrying only the room that changed.
    web.hub.publish('roomsChanged', wholeRoomsChange(1, [fakeRoom('room-cygnus', 'Cygnus Lab')]));
    await page.getByText('Cygnus Lab', { exact: true }).first().waitFor({ state: 'visible' });
  });

  it('refuses the WebSocket to a page of another local port (same-site for cookies: the Origin check stops it)', async () => {
    // Cookies ignore ports and 127.0.0.1:other is "same-site", so SameSite=Strict does not stop this page:
    // only the Origin check does.
    const other = await serveBlankPage();
    try {
      const page = await browser.context.newPage();
      await page.goto(`http://127.0.0.1:${(other.address() as { port: number }).port}/`);
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((done) => {
            const ws = new WebSocket(url);
            ws.onopen = () => done('open');
            ws.onerror = () => done('refused');
            ws.onclose = () => done('refused');
          }),
        `ws://127.0.0.1:${web.server.port}/api/ws`,
      );
      expect(outcome).toBe('refused');
      expect(logLines.some((line) => line.includes('web socket refused') && line.includes('Origin'))).toBe(true);
    } finally {
      other.closeAllConnections(); // Chromium keeps the page's connection alive
      await new Promise((done) => other.close(done));
    }
  });

  it('shows the sign-in page, not the app, without the token', async () => {
    const fresh = await launchChromium();
    try {
      const page = await fresh.context.newPage();
      const response = await page.goto(`${web.server.origin}/`);
      expect(response?.status()).toBe(401);
      await expect.poll(() => page.title()).toBe('Sign-in needed');
    } finally {
      await fresh.close();
    }
  });
});

function serveBlankPage(): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other</title>'));
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

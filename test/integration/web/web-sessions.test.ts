/**
 * Web UI sessions on a real server with a real HTTP client: the printed token signs in once, each sign-in
 * gets a fresh cookie (one the browser held before is revoked), and a session unused for the idle timeout
 * ends. The server's clock is injected, so 12 hours pass without waiting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { WEB_SESSION_IDLE_TIMEOUT_MS } from '../../../electron/core/web/sessions';
import { createWebSocketClient } from '../../../renderer/src/api/ws-client';
import { openSocket, rawRequest, signIn, startTestWebServer, type TestWebServer } from '../../support/web-server';

let web: TestWebServer | undefined;
afterEach(async () => {
  await web?.stop();
  web = undefined;
});

const cookieOf = (setCookie: string[] | undefined): string => (setCookie?.[0] ?? '').split(';')[0]!;

describe('web sessions', () => {
  it('a second use of the access token is refused with a page that says how to get a new link', async () => {
    web = await startTestWebServer();
    await signIn(web.server);
    const again = await rawRequest(web.server, `/?token=${web.server.accessToken}`);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('signs in only once');
    expect(again.body).toContain('restart the agent');
  });

  it('reopening the used link from the signed-in browser just goes home, with no new cookie', async () => {
    web = await startTestWebServer();
    const cookie = await signIn(web.server);
    const reopened = await rawRequest(web.server, `/?token=${web.server.accessToken}`, { headers: { cookie } });
    expect(reopened.status).toBe(302);
    expect(reopened.headers.location).toBe('/');
    expect(reopened.headers['set-cookie']).toBeUndefined();
  });

  it('sign-in rotates the cookie: a fresh value, never derived from the token alone, and the old one is revoked', async () => {
    const accessToken = 'k'.repeat(43);
    const first = await startTestWebServer({ accessToken });
    // Connection: close, so no kept-alive socket of the stopped server is reused for the next one.
    const oldCookie = cookieOf((await rawRequest(first.server, `/?token=${accessToken}`, { headers: { connection: 'close' } })).headers['set-cookie']);
    await first.stop();
    // The same given token on a restarted agent: the open tab's cookie is still genuine…
    web = await startTestWebServer({ accessToken, port: first.server.port });
    expect((await rawRequest(web.server, '/', { headers: { cookie: oldCookie } })).status).toBe(200);
    // …until that browser signs in again: it gets a new value and the old one stops working.
    const response = await rawRequest(web.server, `/?token=${accessToken}`, { headers: { cookie: oldCookie } });
    expect(response.status).toBe(302);
    const newCookie = cookieOf(response.headers['set-cookie']);
    expect(newCookie).not.toBe(oldCookie);
    expect((await rawRequest(web.server, '/', { headers: { cookie: newCookie } })).status).toBe(200);
    expect((await rawRequest(web.server, '/', { headers: { cookie: oldCookie } })).status).toBe(401);
    await expect(openSocket(web.server, { cookie: oldCookie })).rejects.toThrow('upgrade refused: 401');
  });

  it('a session unused for 12 hours ends; one in use stays', async () => {
    let nowMs = Date.UTC(2026, 11, 6, 8);
    web = await startTestWebServer({ now: () => nowMs });
    const cookie = await signIn(web.server);
    nowMs += WEB_SESSION_IDLE_TIMEOUT_MS - 60_000;
    expect((await rawRequest(web.server, '/', { headers: { cookie } })).status).toBe(200);
    nowMs += WEB_SESSION_IDLE_TIMEOUT_MS - 60_000; // used a moment ago: idle time counts from there
    (await openSocket(web.server, { cookie })).close();
    nowMs += WEB_SESSION_IDLE_TIMEOUT_MS + 1;
    const expired = await rawRequest(web.server, '/', { headers: { cookie } });
    expect(expired.status).toBe(401);
    expect(expired.body).toContain('12 hours');
    await expect(openSocket(web.server, { cookie })).rejects.toThrow('upgrade refused: 401');
  });

  it('an open tab is a session in use: a day later it and its reconnects are let in; 12 hours after it closed, refused', async () => {
    let nowMs = Date.UTC(2026, 11, 6, 8);
    web = await startTestWebServer({ now: () => nowMs, heartbeatMs: 20 });
    const cookie = await signIn(web.server);
    const tab = await openSocket(web.server, { cookie });
    for (let step = 0; step < 4; step += 1) {
      nowMs += 6 * 60 * 60_000;
      await new Promise((heartbeat) => tab.once('ping', heartbeat));
    }
    expect(tab.readyState).toBe(NodeWebSocket.OPEN);
    expect((await rawRequest(web.server, '/', { headers: { cookie } })).status).toBe(200);
    (await openSocket(web.server, { cookie })).close(); // a reconnect after a network blip
    const closed = new Promise((done) => tab.once('close', done));
    tab.close();
    await closed;
    nowMs += WEB_SESSION_IDLE_TIMEOUT_MS + 1;
    expect((await rawRequest(web.server, '/', { headers: { cookie } })).status).toBe(401);
  });

  it('a tab whose session was revoked (that browser signed in again) is closed with 1008, and the page reloads to sign in', async () => {
    const accessToken = 'q'.repeat(43);
    const first = await startTestWebServer({ accessToken });
    const oldCookie = cookieOf((await rawRequest(first.server, `/?token=${accessToken}`, { headers: { connection: 'close' } })).headers['set-cookie']);
    await first.stop();
    web = await startTestWebServer({ accessToken, port: first.server.port, heartbeatMs: 20 });
    const server = web.server;
    let closeCode: number | undefined;
    let sessionEnded: () => void = () => undefined;
    const ended = new Promise<void>((done) => (sessionEnded = done));
    const client = createWebSocketClient({
      url: `ws://127.0.0.1:${server.port}/api/ws`,
      createSocket: (url) => {
        const socket = new NodeWebSocket(url, { headers: { cookie: oldCookie }, origin: server.origin });
        socket.once('close', (code) => (closeCode = code));
        // A test double for the DOM WebSocket: ws implements the members the client uses.
        return socket as unknown as WebSocket;
      },
      onSessionEnded: () => sessionEnded(),
    });
    try {
      expect(await client.getSettings()).toMatchObject({ ok: true });
      // The same browser signs in again: its old cookie is revoked, and so is the tab that carries it.
      expect((await rawRequest(server, `/?token=${accessToken}`, { headers: { cookie: oldCookie } })).status).toBe(302);
      await ended;
      expect(closeCode).toBe(1008);
    } finally {
      client.close();
    }
  });
});

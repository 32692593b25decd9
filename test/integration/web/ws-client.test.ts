// The browser transport (renderer/src/api/ws-client.ts) against the real web server, with `ws` standing in
// for the browser's WebSocket (it implements the same onopen/onmessage/onclose/send/close surface; the
// cookie and Origin a browser would add are set by hand).
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createWebSocketClient, type WebSocketAppClient, type WebSocketClientOptions } from '../../../renderer/src/api/ws-client';
import type { AppEventSpec } from '../../../shared/api/contract';
import { ROOMS_RESYNC_SEQ } from '../../../shared/domain/legs';
import { FAKE_ROOMS, FAKE_SYNC_STATUS, fakeHandlers } from '../../support/fake-app-api';
import { signIn, startTestWebServer, type TestWebServer } from '../../support/web-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options: Parameters<typeof startTestWebServer>[0] = {}): Promise<TestWebServer> {
  const web = await startTestWebServer(options);
  cleanups.push(() => web.stop());
  return web;
}

async function connect(web: TestWebServer, options: Partial<WebSocketClientOptions> = {}): Promise<WebSocketAppClient> {
  const cookie = await signIn(web.server);
  const client = createWebSocketClient({
    url: `ws://127.0.0.1:${web.server.port}/api/ws`,
    // A test double for the DOM WebSocket: ws implements the members the client uses.
    createSocket: (url) => new NodeWebSocket(url, { headers: { cookie }, origin: web.server.origin }) as unknown as WebSocket,
    minReconnectDelayMs: 20,
    maxReconnectDelayMs: 100,
    ...options,
  });
  cleanups.push(() => client.close());
  return client;
}

const nextEvent = <E extends keyof AppEventSpec>(client: WebSocketAppClient, event: E): Promise<AppEventSpec[E]> =>
  new Promise((resolve) => {
    const off = client.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });

describe('createWebSocketClient', () => {
  it('queues calls made while connecting and answers each with its own result', async () => {
    const client = await connect(await serve());
    const [rooms, sync, invalid] = await Promise.all([
      client.getRooms(),
      client.getSyncStatus(),
      client.setSyncPaused({ paused: 'no' as unknown as boolean }),
    ]);
    expect(rooms).toEqual({ ok: true, value: FAKE_ROOMS });
    expect(sync).toEqual({ ok: true, value: FAKE_SYNC_STATUS });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('has one function per AppApi method', async () => {
    const client = await connect(await serve());
    expect(await client.listReports({})).toEqual({ ok: true, value: { items: [] } });
    expect(await client.getReport({ id: 'r1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('settles a call that gets no answer with timeout', async () => {
    const web = await serve({ handlers: fakeHandlers({ getAppInfo: () => new Promise(() => undefined) }), timeoutMs: 10_000 });
    const client = await connect(web, { callTimeoutMs: 150 });
    expect(await client.getAppInfo()).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(await client.getRooms()).toMatchObject({ ok: true }); // the socket is still fine
  });

  it('delivers pushed events to listeners until they unsubscribe', async () => {
    const web = await serve();
    const client = await connect(web);
    const seen: string[] = [];
    const off = client.on('reportsChanged', ({ ids }) => seen.push(...ids));
    await client.getRooms(); // the socket is open
    const next = nextEvent(client, 'reportsChanged');
    web.hub.publish('reportsChanged', { ids: ['r1'] });
    await next;
    off();
    const after = nextEvent(client, 'reportsChanged');
    web.hub.publish('reportsChanged', { ids: ['r2'] });
    await after;
    expect(seen).toEqual(['r1']);
  });

  it('fails a sent call with unavailable when the connection drops, reconnects, and re-delivers events', async () => {
    const first = await startTestWebServer({ handlers: fakeHandlers({ getAppInfo: () => new Promise(() => undefined) }), timeoutMs: 10_000 });
    const client = await connect(first);
    const rooms: unknown[] = [];
    client.on('roomsChanged', (payload) => rooms.push(payload));
    await client.getRooms();
    const hung = client.getAppInfo();
    await first.stop();
    expect(await hung).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    // A restarted agent on the same port with the same token: the cookie is still valid.
    const queued = client.getSyncStatus();
    const second = await serve({ port: first.server.port, accessToken: first.server.accessToken });
    expect(await queued).toEqual({ ok: true, value: FAKE_SYNC_STATUS });
    // Pushes may have been missed while disconnected: a push that never lines up makes the store re-read.
    await expect.poll(() => rooms.length).toBe(1);
    expect(rooms[0]).toEqual({ seq: ROOMS_RESYNC_SEQ, rooms: [] });
    const pushed = nextEvent(client, 'syncStatus');
    second.hub.publish('syncStatus', { ...FAKE_SYNC_STATUS, state: 'running' });
    expect(await pushed).toMatchObject({ state: 'running' });
  });

  it('answers unavailable after close, and settles what was waiting', async () => {
    const web = await serve({ handlers: fakeHandlers({ getAppInfo: () => new Promise(() => undefined) }), timeoutMs: 10_000 });
    const client = await connect(web);
    const waiting = client.getAppInfo();
    await client.getRooms();
    client.close();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await client.getRooms()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

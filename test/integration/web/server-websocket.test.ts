// The web-mode WebSocket on a real server: who may upgrade, calls through the real dispatcher, malformed
// messages answered (never a crash), pushed events, merged roomsChanged for a slow tab, and close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { RoomsChange } from '../../../shared/domain/legs';
import { FAKE_ROOMS, fakeHandlers, fakeRoom } from '../../support/fake-app-api';
import { wholeRoomsChange } from '../../support/room-deltas';
import { exchange, openSocket, signIn, startTestWebServer, type TestWebServer } from '../../support/web-server';

let web: TestWebServer;
let cookie: string;

beforeAll(async () => {
  web = await startTestWebServer({
    handlers: fakeHandlers({
      getAppInfo: () => new Promise(() => undefined), // never answers: the dispatcher's bound must
    }),
    timeoutMs: 300,
  });
  cookie = await signIn(web.server);
});
afterAll(() => web.stop());

const nextMessage = (ws: WebSocket): Promise<Record<string, unknown>> =>
  new Promise((resolve) => ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as Record<string, unknown>)));

describe('upgrade', () => {
  it.each([
    ['no cookie', () => ({}), 401],
    ['a forged cookie', () => ({ cookie: `vtc_web_${web.server.port}=forged` }), 401],
    ['another site as Origin', () => ({ cookie, origin: 'https://evil.example' }), 403],
    ['a rebinding name as Origin', () => ({ cookie, origin: `http://evil.example:${web.server.port}` }), 403],
    ['another local port as Origin', () => ({ cookie, origin: 'http://127.0.0.1:3000' }), 403],
    ['Origin "null"', () => ({ cookie, origin: 'null' }), 403],
    ['no Origin (a non-browser tool)', () => ({ cookie, origin: '' }), 403],
    ['a rebinding Host', () => ({ cookie, host: `evil.example:${web.server.port}` }), 421],
    ['another path', () => ({ cookie, path: '/ws' }), 404],
  ])('refuses %s', async (_name, options, status) => {
    await expect(openSocket(web.server, options())).rejects.toThrow(`upgrade refused: ${status}`);
  });

  it('accepts its own origin and the localhost equivalent with the cookie', async () => {
    for (const origin of [web.server.origin, `http://localhost:${web.server.port}`]) {
      const ws = await openSocket(web.server, { cookie, origin });
      ws.close();
    }
  });
});

describe('calls', () => {
  let ws: WebSocket;
  beforeAll(async () => {
    ws = await openSocket(web.server, { cookie });
  });
  afterAll(() => ws.close());

  it('round-trips a call through the dispatcher', async () => {
    expect(await exchange(ws, JSON.stringify({ id: 1, method: 'getRooms' }), 1)).toEqual({ ok: true, value: FAKE_ROOMS });
    const paused = await exchange(ws, JSON.stringify({ id: 2, method: 'setSyncPaused', req: { paused: true } }), 2);
    expect(paused).toMatchObject({ ok: true, value: { state: 'paused', pausedByOperator: true } });
  });

  it('answers an invalid request with the invalid_input envelope and its issues', async () => {
    const result = await exchange(ws, JSON.stringify({ id: 3, method: 'setSyncPaused', req: { paused: 'yes', extra: 1 } }), 3);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: expect.arrayContaining([expect.objectContaining({ path: 'paused' })]) } });
  });

  it('answers an unknown method, including prototype names, with invalid_input', async () => {
    for (const [id, method] of [[4, 'dropDatabase'], [5, '__proto__'], [6, 'constructor'], [7, 'toString']] as const) {
      expect(await exchange(ws, JSON.stringify({ id, method }), id)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('passes handler failures through as their code', async () => {
    expect(await exchange(ws, JSON.stringify({ id: 8, method: 'getReport', req: { id: 'r1' } }), 8)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers a hung handler with timeout (the dispatcher bounds it)', async () => {
    expect(await exchange(ws, JSON.stringify({ id: 9, method: 'getAppInfo' }), 9)).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it.each([
    ['invalid JSON', '{"id":', null],
    ['an array', '[1,2]', null],
    ['no id', '{"method":"getRooms"}', null],
    ['a bad method type', '{"id":10,"method":42}', 10],
    ['an extra property', '{"id":11,"method":"getRooms","admin":true}', 11],
  ])('answers %s with an error result and keeps the socket open', async (_name, text, id) => {
    expect(await exchange(ws, text, id)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await exchange(ws, JSON.stringify({ id: 99, method: 'getRooms' }), 99)).toMatchObject({ ok: true });
  });

  it('answers a binary frame with an error result', async () => {
    const answer = nextMessage(ws);
    ws.send(Buffer.from('{"id":12,"method":"getRooms"}'), { binary: true });
    expect(await answer).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input' } } });
  });

  it('closes a socket that sends more than the 1 MiB limit (1009), and the server keeps serving', async () => {
    const big = await openSocket(web.server, { cookie });
    const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.send(JSON.stringify({ id: 1, method: 'getRooms', req: 'x'.repeat(2 * 1024 * 1024) }));
    expect(await closed).toBe(1009);
    expect(await exchange(ws, JSON.stringify({ id: 13, method: 'getRooms' }), 13)).toMatchObject({ ok: true });
  });
});

describe('events', () => {
  it('pushes every event to every open tab', async () => {
    const [a, b] = await Promise.all([openSocket(web.server, { cookie }), openSocket(web.server, { cookie })]);
    const received = Promise.all([nextMessage(a), nextMessage(b)]);
    web.hub.publish('reportsChanged', { ids: ['r1'] });
    expect(await received).toEqual([
      { event: 'reportsChanged', payload: { ids: ['r1'] } },
      { event: 'reportsChanged', payload: { ids: ['r1'] } },
    ]);
    a.close();
    b.close();
  });

  it('merges the roomsChanged pushes waiting for a slow tab into one that lines up, instead of buffering every push', async () => {
    const ws = await openSocket(web.server, { cookie });
    const underlying = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    underlying.pause(); // the tab stops reading: kernel buffers fill, then the server must hold back
    const padding = 'p'.repeat(256 * 1024);
    const pushCount = 200; // 200 × 256 KiB = 50 MiB, far beyond loopback socket buffers
    // One room renamed by every push: applying the pushes in order leaves the last name.
    for (let i = 0; i < pushCount; i += 1) web.hub.publish('roomsChanged', wholeRoomsChange(i + 1, [fakeRoom('room-0', `${i + 1}:${padding}`)]));
    const seen: RoomsChange[] = [];
    const last = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { payload: RoomsChange };
        seen.push(message.payload);
        if (message.payload.seq === pushCount) resolve();
      });
    });
    underlying.resume();
    await last;
    expect(seen.length).toBeLessThan(pushCount / 2);
    // No gap: each push received stands for the ones after the previous (firstSeq), so the tab re-reads nothing.
    expect(seen.map((change) => change.firstSeq ?? change.seq)).toEqual([1, ...seen.slice(0, -1).map((change) => change.seq + 1)]);
    expect(seen.at(-1)!.rooms.map((room) => room.roomName.split(':')[0])).toEqual([String(pushCount)]);
    ws.close();
  });
});

describe('close', () => {
  it('closes every open socket with 1001 and stops listening', async () => {
    const other = await startTestWebServer();
    const otherCookie = await signIn(other.server);
    const sockets = await Promise.all([openSocket(other.server, { cookie: otherCookie }), openSocket(other.server, { cookie: otherCookie })]);
    const codes = sockets.map((ws) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))));
    await other.stop();
    expect(await Promise.all(codes)).toEqual([1001, 1001]);
    await expect(openSocket(other.server, { cookie: otherCookie })).rejects.toThrow(/ECONNREFUSED/);
  });
});

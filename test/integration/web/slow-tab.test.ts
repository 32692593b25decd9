// A slow browser tab in web mode, end to end: the real leg tracker's pushes go through the real web server to
// the renderer's WebSocket client and rooms store while the tab reads nothing. The server merges the waiting
// roomsChanged pushes, so when the tab reads again it gets a few pushes that line up, ends with exactly what
// getRooms answers, and never re-reads the full list (~2.3 MB with 24 rooms) to catch up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createWebSocketClient, type WebSocketAppClient } from '../../../renderer/src/api/ws-client';
import { createRoomsStore } from '../../../renderer/src/stores/rooms';
import type { RoomsChange } from '../../../shared/domain/legs';
import { fakeHandlers } from '../../support/fake-app-api';
import { createPushingTracker, runScriptedDay, withoutSeq } from '../../support/tracker-pushes';
import { signIn, startTestWebServer, type TestWebServer } from '../../support/web-server';

/** Other events put before the pushes: more than loopback buffers hold (up to ~36 MiB here), so the tab lags. */
const FILLER_MESSAGES = 64;
const FILLER_BYTES = 1024 * 1024;

describe('a slow tab in web mode', () => {
  const day = createPushingTracker({ historyPoints: 4 });
  let web: TestWebServer;
  let client: WebSocketAppClient;
  let socket: NodeWebSocket | undefined;
  let getRoomsCalls = 0;

  beforeAll(async () => {
    web = await startTestWebServer({
      handlers: fakeHandlers({ getRooms: () => day.tracker.snapshot() }),
      // Room for the filler: this test is about roomsChanged, not about cutting off a tab.
      maxBufferedBytes: 2 * FILLER_MESSAGES * FILLER_BYTES,
    });
    const cookie = await signIn(web.server);
    client = createWebSocketClient({
      url: `ws://127.0.0.1:${web.server.port}/api/ws`,
      createSocket: (url) => {
        socket = new NodeWebSocket(url, { headers: { cookie }, origin: web.server.origin });
        return socket as unknown as WebSocket;
      },
    });
  });
  afterAll(async () => {
    client?.close();
    await web?.stop();
  });

  it('catches up from merged pushes that line up, without re-reading getRooms', async () => {
    const api: WebSocketAppClient = {
      ...client,
      getRooms: () => {
        getRoomsCalls += 1;
        return client.getRooms();
      },
    };
    const store = createRoomsStore(api);
    store.getState().start();
    await new Promise<void>((resolve) => {
      if (store.getState().load.status === 'ready') resolve();
      const off = store.subscribe((state) => state.load.status === 'ready' && (off(), resolve()));
    });
    expect(getRoomsCalls).toBe(1);

    const underlying = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    underlying.pause(); // the tab stops reading
    const filler = 'f'.repeat(FILLER_BYTES);
    for (let i = 0; i < FILLER_MESSAGES; i += 1) web.hub.publish('reportsChanged', { ids: [filler] });
    day.tracker.subscribe((change) => web.hub.publish('roomsChanged', change));
    runScriptedDay(day);
    const lastSeq = day.pushes.at(-1)!.seq;

    const received: RoomsChange[] = [];
    const caughtUp = new Promise<void>((resolve) => {
      // Registered after the store's listener, so the store has applied a push when this one sees it.
      client.on('roomsChanged', (change) => {
        received.push(change);
        if (change.seq === lastSeq) resolve();
      });
    });
    underlying.resume();
    await caughtUp;

    expect(day.pushes.length).toBeGreaterThan(40);
    expect(received.length).toBeLessThan(day.pushes.length / 4);
    expect(received.some((change) => change.firstSeq !== undefined && change.firstSeq < change.seq)).toBe(true);
    const { byId, order } = store.getState();
    expect(withoutSeq(order.map((id) => byId[id]!.snapshot))).toEqual(withoutSeq(day.tracker.snapshot()));
    expect(getRoomsCalls).toBe(1);
  });
});

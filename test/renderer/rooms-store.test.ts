// The rooms store fed by the real leg tracker: getRooms answers tracker.snapshot(), every push goes through
// the fake API as roomsChanged (or is dropped, as a slow web tab's server may do). Whatever happens, the
// store ends up holding what getRooms would answer.
import { describe, expect, it, vi } from 'vitest';
import { createLegTracker } from '../../electron/core/legs';
import { createRoomsStore } from '../../renderer/src/stores/rooms';
import { ROOMS_RESYNC_SEQ, type RoomSnapshot, type RoomsChange } from '../../shared/domain/legs';
import { latestHistoryOnly } from '../../shared/domain/room-delta';
import type { LiveSample } from '../../shared/domain/samples';
import { createManualClock } from '../unit/legs/helpers/manual-clock';
import { createFakeApi, fail, ok } from './fake-api';

const HISTORY_POINTS = 8;

/** `list`: what getRooms makes of the tracker's snapshot (the core answers only each leg's latest point). */
async function setup(list: (rooms: RoomSnapshot[]) => RoomSnapshot[] = (rooms) => rooms) {
  const clock = createManualClock();
  const tracker = createLegTracker({
    now: clock.now,
    timers: clock.timers,
    rooms: [{ id: 'boardroom', name: 'Boardroom' }, { id: 'huddle', name: 'Huddle' }],
    onReport: () => undefined,
    historyPoints: HISTORY_POINTS,
  });
  const fake = createFakeApi();
  fake.respond('getRooms', () => ok(list(tracker.snapshot())));
  fake.respond('getRoomHistory', ({ roomId }) => {
    const room = tracker.snapshot().find((candidate) => candidate.roomId === roomId);
    return room === undefined ? fail('not_found', roomId) : ok(room);
  });
  const dropped = new Set<number>();
  const delivered: RoomsChange[] = [];
  tracker.subscribe((change) => {
    if (dropped.has(change.seq)) return;
    delivered.push(change);
    fake.emit('roomsChanged', change);
  });
  const store = createRoomsStore(fake.client);
  store.getState().start();
  await store.getState().reload(); // joins the load start() began
  /** One sample on each leg of `roomId` at the clock's time, then the push slot passes (2 Hz). */
  const tick = (roomId = 'boardroom', legs: Partial<LiveSample>[] = [{}, { direction: 'outbound' }]): void => {
    const at = new Date(clock.now()).toISOString();
    tracker.ingestSamples(legs.map((fields) => ({ roomId, deviceId: `${roomId}-codec`, callId: '1', modality: 'audio', direction: 'inbound', channelIndex: 1, at, lossPercent: 1, ...fields })));
    clock.advance(500);
  };
  const held = () => store.getState().order.map((id) => store.getState().byId[id]!.snapshot);
  const getRoomsCalls = () => fake.callsTo('getRooms').length;
  /** Resolves once the store holds what getRooms answers now (after the re-read it started). */
  const caughtUp = () => vi.waitFor(() => expect(withoutSeq(held())).toEqual(withoutSeq(tracker.snapshot())));
  return { clock, tracker, fake, store, dropped, delivered, tick, held, getRoomsCalls, caughtUp };
}

const withoutSeq = (rooms: RoomSnapshot[]) => rooms.map(({ asOfSeq: _asOfSeq, ...room }) => room);

describe('rooms store', () => {
  it('applies pushes to what it read: the same rooms as getRooms, history bounded, read only once', async () => {
    const { tracker, delivered, tick, held, getRoomsCalls } = await setup();
    for (let i = 0; i < 100; i += 1) tick(); // 50 s at 2 Hz: 10 steps of 5 s, the window keeps 8
    expect(withoutSeq(held())).toEqual(withoutSeq(tracker.snapshot()));
    expect(held()[0]!.activeCalls[0]!.legs[0]!.history).toHaveLength(HISTORY_POINTS);
    expect(getRoomsCalls()).toBe(1);
    // What arrived carried the newest points only, not the window.
    expect(Math.max(...delivered.slice(1).flatMap((change) => change.rooms[0]!.activeCalls[0]!.legs.map((leg) => leg.historyTail.length)))).toBe(1);
  });

  it('keeps the entry of a room that did not change, and of one pushed again unchanged', async () => {
    const { fake, store, tick, delivered } = await setup();
    tick('huddle');
    tick('boardroom');
    const huddle = store.getState().byId['huddle'];
    const boardroom = store.getState().byId['boardroom'];
    tick('boardroom');
    expect(store.getState().byId['huddle']).toBe(huddle);
    expect(store.getState().byId['boardroom']).not.toBe(boardroom);
    const again = store.getState().byId['boardroom'];
    const last = delivered.at(-1)!;
    fake.emit('roomsChanged', { seq: last.seq + 1, rooms: last.rooms.map((room) => ({ ...room, activeCalls: room.activeCalls.map((call) => ({ ...call, legs: call.legs.map((leg) => ({ ...leg, historyFrom: leg.historyFrom + leg.historyTail.length, historyTail: [] })) })) })) });
    expect(store.getState().byId['boardroom']).toBe(again);
  });

  it('re-reads getRooms after a missed push, so a call that ended then does not stay on screen', async () => {
    const { tracker, dropped, tick, held, getRoomsCalls, caughtUp, clock } = await setup();
    tick('huddle');
    tick('huddle');
    expect(held()[1]!.activeCalls).toHaveLength(1);
    dropped.add(3); // the push saying the huddle call ended never arrives
    tracker.endCall('huddle-codec', '1');
    clock.advance(500);
    expect(held()[1]!.activeCalls).toHaveLength(1); // nothing tells yet
    tick('boardroom'); // push 4: another room; its number shows push 3 is missing
    await caughtUp();
    expect(held()[1]!.activeCalls).toEqual([]);
    expect(getRoomsCalls()).toBe(2);
    tick('boardroom'); // and pushes line up again after the re-read
    expect(withoutSeq(held())).toEqual(withoutSeq(tracker.snapshot()));
    expect(getRoomsCalls()).toBe(2);
  });

  it('re-reads when a leg misses points it would build on, and shows the room until then', async () => {
    const { fake, store, tick, delivered, getRoomsCalls } = await setup();
    tick();
    const last = delivered.at(-1)!;
    const before = store.getState().byId['boardroom'];
    // 50 samples later, 5 steps on: a receiver holding only step 0 cannot place the new points.
    const ahead = last.rooms.map((room) => ({ ...room, activeCalls: room.activeCalls.map((call) => ({ ...call, legs: call.legs.map((leg) => ({ ...leg, sampleCount: leg.sampleCount + 50, historyFrom: leg.historyFrom + 5 })) })) }));
    fake.emit('roomsChanged', { seq: last.seq + 1, rooms: ahead });
    expect(store.getState().byId['boardroom']).toBe(before);
    await vi.waitFor(() => expect(getRoomsCalls()).toBe(2));
  });

  it('re-reads after the transport reconnected (ROOMS_RESYNC_SEQ)', async () => {
    const { fake, getRoomsCalls } = await setup();
    fake.emit('roomsChanged', { seq: ROOMS_RESYNC_SEQ, rooms: [] });
    await vi.waitFor(() => expect(getRoomsCalls()).toBe(2));
  });

  it('skips a push the full list already held (sent before getRooms answered, delivered after)', async () => {
    const { fake, store, tick, delivered, getRoomsCalls } = await setup();
    tick();
    const pushed = delivered.at(-1)!;
    await store.getState().reload(); // asOfSeq = pushed.seq
    const entry = store.getState().byId['boardroom'];
    fake.emit('roomsChanged', pushed);
    expect(store.getState().byId['boardroom']).toBe(entry);
    tick(); // the next push lines up
    expect(getRoomsCalls()).toBe(2);
    expect(store.getState().byId['boardroom']!.snapshot.activeCalls[0]!.legs[0]!.sampleCount).toBe(2);
  });

  it('re-reads when a restarted core counts its pushes from 1 again', async () => {
    const { fake, store, tick, getRoomsCalls } = await setup();
    tick();
    tick();
    await store.getState().reload(); // asOfSeq 2
    fake.emit('roomsChanged', { seq: 1, rooms: [] });
    await vi.waitFor(() => expect(getRoomsCalls()).toBe(3));
  });

  it('tries a failed re-read again with the next push', async () => {
    const { fake, store, tracker, tick, dropped, getRoomsCalls, caughtUp } = await setup();
    tick();
    const busy = fake.hold('getRooms');
    dropped.add(2);
    tick();
    tick(); // push 3: push 2 missed, the re-read is under way…
    expect(getRoomsCalls()).toBe(2);
    busy.release(fail('unavailable', 'The core is busy')); // …and fails
    await store.getState().reload(); // joins the read under way
    fake.respond('getRooms', () => ok(tracker.snapshot()));
    tick('huddle'); // push 4 lines up, but a re-read is still owed
    await caughtUp();
    expect(getRoomsCalls()).toBe(3);
  });

  it('keeps the held points a re-read list with only the latest points still reaches, without reading the room', async () => {
    const { store, clock, tracker, dropped, delivered, tick, held, fake, caughtUp } = await setup((rooms) => rooms.map((room) => latestHistoryOnly(room)));
    for (let i = 0; i < 30; i += 1) tick(); // 15 s: 4 steps
    const reading = fake.hold('getRooms');
    dropped.add(delivered.at(-1)!.seq + 1); // a refresh of the newest step is lost…
    tick();
    tick(); // …the next push shows the gap: the list is re-read
    // A sample arrives before the core answers, so the list is newer than anything pushed.
    tracker.ingestSamples([{ roomId: 'boardroom', deviceId: 'boardroom-codec', callId: '1', modality: 'audio', direction: 'inbound', channelIndex: 1, at: new Date(clock.now()).toISOString(), lossPercent: 2 }]);
    reading.release(ok(tracker.snapshot().map((room) => latestHistoryOnly(room))));
    await caughtUp(); // the whole window, though the list carried one point per leg
    expect(held()[0]!.activeCalls[0]!.legs[0]!.history.length).toBeGreaterThan(1);
    expect(held()[0]!.activeCalls[0]!.legs[0]!.history.at(-1)!.lossPercent).toBe(2);
    expect(fake.callsTo('getRooms')).toHaveLength(2);
    expect(fake.callsTo('getRoomHistory')).toEqual([]);
    expect(store.getState().load.status).toBe('ready');
  });

  it('reads a watched room whole again after a re-read whose list cannot reach the points it holds', async () => {
    const { store, clock, dropped, delivered, tick, held, fake, caughtUp, getRoomsCalls } = await setup((rooms) => rooms.map((room) => latestHistoryOnly(room)));
    /** Loses the pushes of one whole 5 s history step: the list's latest point then lies past a step never seen. */
    const loseOneStep = (): void => {
      while (clock.now() % 5_000 !== 0) tick();
      const next = delivered.at(-1)!.seq + 1;
      for (let seq = next; seq < next + 10; seq += 1) dropped.add(seq);
      for (let i = 0; i < 10; i += 1) tick();
      tick(); // the first push of the next step: its number shows the gap, and it cannot build on what is held
    };
    for (let i = 0; i < 30; i += 1) tick();
    const unwatch = store.getState().watchHistory('boardroom'); // the room detail is open
    await vi.waitFor(() => expect(fake.callsTo('getRoomHistory')).toHaveLength(1));
    loseOneStep();
    await caughtUp(); // the whole window again (caughtUp compares with the tracker's whole snapshot)
    expect(getRoomsCalls()).toBe(2);
    expect(fake.callsTo('getRoomHistory')).toEqual([{ roomId: 'boardroom' }, { roomId: 'boardroom' }]);
    expect(held()[0]!.activeCalls[0]!.legs[0]!.history.length).toBeGreaterThan(4);
    // The detail's large charts (the whole call's points) have the lost step too, not a hole in the middle.
    const leg = held()[0]!.activeCalls[0]!.legs[0]!;
    expect(store.getState().byId['boardroom']!.callHistory[leg.id]!.map((point) => point.at)).toEqual(expect.arrayContaining(leg.history.map((point) => point.at)));

    // Once the detail closes, a gap costs only the list read (the overview shows no history).
    unwatch();
    loseOneStep();
    await vi.waitFor(() => expect(getRoomsCalls()).toBe(3));
    await store.getState().reload(); // joins the read under way
    expect(fake.callsTo('getRoomHistory')).toHaveLength(2);
    expect(held()[0]!.activeCalls[0]!.legs[0]!.history).toHaveLength(1);
  });

  it('reads the list with only the latest points, keeps applying pushes, and a room\'s whole read fills its history in', async () => {
    const { tracker, fake, tick, getRoomsCalls } = await setup((rooms) => rooms.map((room) => latestHistoryOnly(room)));
    for (let i = 0; i < 20; i += 1) tick(); // 10 s: 2 steps of history
    // A window opened now reads the rooms mid-call.
    const store = createRoomsStore(fake.client);
    store.getState().start();
    await store.getState().reload();
    const held = () => store.getState().order.map((id) => store.getState().byId[id]!.snapshot);
    const firstLeg = () => held()[0]!.activeCalls[0]!.legs[0]!;
    expect(firstLeg().history).toHaveLength(1);
    for (let i = 0; i < 20; i += 1) tick(); // pushes build on the short window: no re-read
    expect(getRoomsCalls()).toBe(2);
    expect(firstLeg().history.length).toBeLessThan(tracker.snapshot()[0]!.activeCalls[0]!.legs[0]!.history.length);
    await store.getState().loadHistory('boardroom');
    expect(withoutSeq(held())).toEqual(withoutSeq(tracker.snapshot()));
    expect(store.getState().byId['boardroom']!.callHistory[firstLeg().id]).toEqual(firstLeg().history);
  });
});

import type * as FleetModule from '../../renderer/src/views/rooms/fleet';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RoomDetailView } from '../../renderer/src/views/rooms/RoomDetailView';
import { RoomsView } from '../../renderer/src/views/rooms/RoomsView';
import { createFakeApi, fail, ok } from './fake-api';
import { wholeRoomsChange } from '../support/room-deltas';
import { leg, room } from './fixtures';
import { latestHistoryOnly } from '../../shared/domain/room-delta';
import { Started, renderWithApi } from './render';
import { useAppStore } from '../../renderer/src/stores/provider';
import { useLocaleStore } from '../../renderer/src/i18n';

// A tile of a room in a call looks for its worst leg once per render: counted per room, this proves that
// unchanged rooms are not rendered again.
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../renderer/src/views/rooms/fleet', async (importOriginal) => {
  const actual = await importOriginal<typeof FleetModule>();
  return {
    ...actual,
    worstLeg: (snapshot: Parameters<typeof actual.worstLeg>[0]) => {
      renders.set(snapshot.roomId, (renders.get(snapshot.roomId) ?? 0) + 1);
      return actual.worstLeg(snapshot);
    },
  };
});

function renderRooms(setup?: (fake: ReturnType<typeof createFakeApi>) => void) {
  const fake = createFakeApi();
  setup?.(fake);
  return renderWithApi(
    <Started>
      <RoomsView />
    </Started>,
    fake,
  );
}

function RouteProbe() {
  const route = useAppStore((state) => state.route);
  return <output aria-label="route">{JSON.stringify(route)}</output>;
}

const tile = (name: string) => screen.getByRole('button', { name: `${name}: open the room` }).closest('li')!;
const tileNames = () => within(screen.getByRole('list', { name: 'Rooms, the ones in trouble first' })).getAllByRole('button').map((button) => button.textContent);

describe('Rooms view: the fleet overview', () => {
  it('shows a loading state until the rooms arrive', async () => {
    const fake = createFakeApi();
    const held = fake.hold('getRooms');
    renderWithApi(
      <Started>
        <RoomsView />
      </Started>,
      fake,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading rooms…');
    await act(async () => held.release(ok([room('boardroom', 'Boardroom')])));
    await screen.findByRole('button', { name: 'Boardroom: open the room' });
  });

  it('shows the error with a retry that asks again', async () => {
    const { fake } = renderRooms((f) => f.respond('getRooms', () => fail('not_ready', 'The core is starting')));
    await screen.findByText('The core is starting');
    fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom')]));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Boardroom: open the room' });
  });

  it('explains how to add a room when there is none', async () => {
    renderRooms();
    await screen.findByText(/No rooms yet/);
    expect(screen.getByRole('button', { name: 'Open Settings' }).textContent).toBe('Open Settings');
  });

  it('puts poor rooms first, then a device in trouble, then fair, then good, then idle, and names them in the summary', async () => {
    const offline = room('d', 'Room D');
    offline.devices = [{ deviceId: 'sx80', state: 'offline', lastError: 'ECONNREFUSED', since: offline.devices[0]!.since }];
    renderRooms((f) =>
      f.respond('getRooms', () =>
        ok([
          room('a', 'Room A', { idle: true }),
          room('b', 'Room B'),
          room('c', 'Room C', { classification: 'warning', legs: [leg({ roomId: 'c', classification: 'warning' })] }),
          offline,
          room('e', 'Room E', { classification: 'poor', legs: [leg({ roomId: 'e', lossPercent: 25.1, classification: 'poor' })] }),
        ]),
      ),
    );
    await screen.findByRole('button', { name: 'Room E: open the room' });
    expect(tileNames()).toEqual(['Room E', 'Room D', 'Room C', 'Room B', 'Room A']);
    // The worst leg now: metric, value and threshold.
    expect(within(tile('Room E')).getByText('Packet loss 25.1% (threshold 10%) · Audio · inbound').textContent).toContain('25.1%');
    expect(within(tile('Room D')).getByText('sx80 offline').textContent).toBe('sx80 offline');
    expect(within(tile('Room A')).getByText('Idle').textContent).toBe('Idle');
    const summary = screen.getByText('1 room poor:').closest('p')!;
    expect(summary.textContent).toBe('1 room poor: Room E · 1 with a device problem: Room D · 1 fair: Room C');
  });

  it('keeps the configured order inside a group and moves a room only when its group changes', async () => {
    const rooms = [room('a', 'Room A'), room('b', 'Room B'), room('c', 'Room C')];
    const { fake } = renderRooms((f) => f.respond('getRooms', () => ok(rooms)));
    await screen.findByRole('button', { name: 'Room C: open the room' });
    expect(tileNames()).toEqual(['Room A', 'Room B', 'Room C']);
    const poorC = room('c', 'Room C', { classification: 'poor', legs: [leg({ roomId: 'c', lossPercent: 30, classification: 'poor', samples: 6 })] });
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [rooms[0]!, rooms[1]!, poorC])));
    expect(tileNames()).toEqual(['Room C', 'Room A', 'Room B']);
    // A new sample of a room that stays in its group moves nothing.
    const busierA = room('a', 'Room A', { legs: [leg({ roomId: 'a', lossPercent: 2, lastSecond: 30, samples: 9 })] });
    act(() => fake.emit('roomsChanged', wholeRoomsChange(2, [busierA])));
    expect(tileNames()).toEqual(['Room C', 'Room A', 'Room B']);
  });

  it('says what the classifier is doing: turning poor 2/3 on a leg still good', async () => {
    const turning = leg({ lossPercent: 14, classification: 'good', trend: { toward: 'poor', samples: 2, samplesNeeded: 3 }, sampleReason: { metric: 'lossPercent', value: 14, threshold: 10 } });
    renderRooms((f) => f.respond('getRooms', () => ok([room('boardroom', 'Boardroom', { legs: [turning] })])));
    await screen.findByRole('button', { name: 'Boardroom: open the room' });
    // The trend ends the first line (in place of the call), the numbers start the second: neither is cut.
    // One grid per tile: line 1 is its first three cells (badge, name, trend), line 2 the one across it.
    const cells = [...tile('Boardroom').children].map((cell) => cell.textContent);
    expect(cells.slice(0, 3).join('')).toBe('GoodBoardroomturning poor 2/3');
    expect(cells.slice(3)).toEqual(['Packet loss 14% (threshold 10%) · Audio · inbound']);
    expect(tile('Boardroom').classList).toContain('fleet-trending');
    expect(tile('Boardroom').title).toBe('Boardroom · In call since 9:00:00 AM · turning poor 2/3 · Packet loss 14% (threshold 10%) · Audio · inbound');
    // The tiles take their words from the overview: a language change reaches every tile.
    const boardroom = tile('Boardroom');
    act(() => useLocaleStore.getState().setOverride('fr'));
    expect(boardroom.textContent).toContain('devient mauvais 2/3');
    act(() => useLocaleStore.getState().setOverride('en'));
  });

  it('opens the room detail from the name (a button, so Enter works too)', async () => {
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom')]));
    renderWithApi(
      <Started>
        <RoomsView />
        <RouteProbe />
      </Started>,
      fake,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Boardroom: open the room' }));
    expect(screen.getByRole('status', { name: 'route' }).textContent).toBe('{"view":"room","roomId":"boardroom"}');
  });

  it('re-renders only the room that changed when roomsChanged arrives', async () => {
    const rooms = [room('a', 'Room A'), room('b', 'Room B'), room('c', 'Room C')];
    const { fake } = renderRooms((f) => f.respond('getRooms', () => ok(rooms)));
    await screen.findByRole('button', { name: 'Room C: open the room' });
    renders.clear();

    // Same content for A and C (fresh objects, as after IPC), B has a new sample.
    const next = [
      room('a', 'Room A'),
      room('b', 'Room B', { legs: [leg({ roomId: 'b', lossPercent: 7, lastSecond: 20, samples: 6 }), leg({ roomId: 'b', direction: 'outbound' })] }),
      room('c', 'Room C'),
    ];
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, next)));
    expect(renders.get('b')).toBe(1);
    expect(renders.get('a')).toBeUndefined();
    expect(renders.get('c')).toBeUndefined();

    // An identical push renders nothing at all.
    act(() => fake.emit('roomsChanged', wholeRoomsChange(2, next.map((r) => structuredClone(r)))));
    expect(renders.get('b')).toBe(1);
    expect(renders.get('a')).toBeUndefined();
  });

  it('applies a push of only the changed rooms without touching the others', async () => {
    const { fake } = renderRooms((f) => f.respond('getRooms', () => ok([room('a', 'Room A'), room('b', 'Room B')])));
    await screen.findByRole('button', { name: 'Room B: open the room' });
    renders.clear();
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [room('b', 'Room B', { idle: true }), room('new', 'New room')])));
    expect([...renders.keys()]).toEqual(['new']);
    expect(tileNames()).toEqual(['Room A', 'New room', 'Room B']);
    expect(within(tile('Room B')).getByText('Idle').textContent).toBe('Idle');
  });
});

describe('Room detail', () => {
  const renderDetail = (rooms: ReturnType<typeof room>[]) =>
    renderWithApi(
      <Started>
        <RoomDetailView roomId="boardroom" />
      </Started>,
      (() => {
        const fake = createFakeApi();
        fake.respond('getRooms', () => ok(rooms));
        return fake;
      })(),
    );

  it('reads the whole history of its room on open, as the list carries only the latest points', async () => {
    const whole = room('boardroom', 'Boardroom', { legs: [leg({ samples: 5 })] });
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok([latestHistoryOnly(whole)]));
    fake.respond('getRoomHistory', () => ok(whole));
    renderWithApi(
      <Started>
        <RoomDetailView roomId="boardroom" />
      </Started>,
      fake,
    );
    await waitFor(() => expect(fake.callsTo('getRoomHistory')).toEqual([{ roomId: 'boardroom' }]));
    // The chart spans the five points read whole, not the one the list carried.
    await waitFor(() => {
      const chart = screen.getAllByRole('img', { name: /^Packet loss of Audio · inbound from / })[0]!;
      const span = /from (.+) to (.+?):/.exec(chart.getAttribute('aria-label') ?? '');
      expect(span?.[1]).not.toBe(span?.[2]);
    });
  });

  it('shows each leg with loss, jitter, round trip, rates, a text classification and the crossing marked', async () => {
    renderDetail([
      room('boardroom', 'Boardroom', {
        classification: 'poor',
        legs: [
          leg({ lossPercent: 12.5, jitterMs: 35, roundTripMs: 180, classification: 'poor' }),
          leg({ modality: 'video', direction: 'outbound', lossPercent: 0.4, bitRate: 1_800_000, frameRate: 29.97 }),
        ],
      }),
    ]);
    const table = await screen.findByRole('table', { name: 'Media legs of Boardroom' });
    const audio = within(table).getByRole('row', { name: /Audio · inbound/ });
    expect(within(audio).getByRole('rowheader').textContent).toContain('Poor');
    const crossed = audio.querySelector('.metric-crossed')!;
    expect(crossed.textContent).toBe('12.5% ▲ (crossed the threshold 10%)');
    expect(crossed.getAttribute('data-threshold')).toBe('threshold 10%');
    expect(crossed.getAttribute('tabindex')).toBe('0');
    expect(within(audio).getByText('35 ms').textContent).toBe('35 ms');
    expect(within(audio).getByText('180 ms').textContent).toBe('180 ms');
    const video = within(table).getByRole('row', { name: /Video · outbound/ });
    expect(within(video).getByRole('rowheader').textContent).toContain('Good');
    expect(within(video).getByText('1.8 Mb/s').textContent).toBe('1.8 Mb/s');
    expect(within(video).getByText('30 fps').textContent).toBe('30 fps');
    expect(video.querySelector('.metric-crossed')).toBeNull();
    // Sparklines are images with a text alternative.
    within(audio).getByRole('img', { name: /Packet loss of Audio · inbound over the last minutes: now 12.5%/ });
    expect(screen.getByText('online').textContent).toBe('online');
    screen.getByText(/No Teams ids yet/);
  });

  it('says "recovering 1/3" on a poor leg whose latest sample is good', async () => {
    const recovering = leg({ lossPercent: 0.2, classification: 'poor', trend: { toward: 'good', samples: 1, samplesNeeded: 3 }, sampleReason: null });
    renderDetail([room('boardroom', 'Boardroom', { classification: 'poor', legs: [recovering] })]);
    const table = await screen.findByRole('table', { name: 'Media legs of Boardroom' });
    expect(within(table).getByRole('row', { name: /Audio · inbound/ }).querySelector('th')!.textContent).toBe('Audio · inbound Poor recovering 1/3');
  });

  it('opens a larger view of one room with statistics and charts over the call', async () => {
    const poor = leg({ lossPercent: 12, classification: 'poor', samples: 8 });
    renderDetail([room('boardroom', 'Boardroom', { legs: [poor], classification: 'poor' })]);
    await screen.findByRole('heading', { level: 1, name: 'Boardroom' });
    const section = screen.getByRole('region', { name: 'Audio · inbound' });
    within(section).getByText('Why: Packet loss 12% crossed the threshold 10%.');
    const stats = within(section).getAllByRole('table').at(-1)!;
    within(stats).getByRole('row', { name: /Packet loss 12% 12% 12%/ });
    within(section).getByRole('img', { name: /Packet loss of Audio · inbound from .* latest 12%/ });
  });

  it('tells when the room in the detail view no longer exists', async () => {
    renderWithApi(
      <Started>
        <RoomDetailView roomId="gone" />
      </Started>,
    );
    await waitFor(() => expect(screen.getByText('This room no longer exists.').textContent).toBe('This room no longer exists.'));
  });
});

import type * as CardContentModule from '../../renderer/src/views/rooms/room-card-content';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RoomDetailView } from '../../renderer/src/views/rooms/RoomDetailView';
import { RoomsView } from '../../renderer/src/views/rooms/RoomsView';
import { createFakeApi, fail, ok } from './fake-api';
import { wholeRoomsChange } from '../support/room-deltas';
import { leg, room } from './fixtures';
import { Started, renderWithApi } from './render';

// Counts every render of a room card's content, per room, to prove unchanged rooms are not re-rendered.
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../renderer/src/views/rooms/room-card-content', async (importOriginal) => {
  const actual = await importOriginal<typeof CardContentModule>();
  return {
    ...actual,
    RoomCardContent: (props: Parameters<typeof actual.RoomCardContent>[0]) => {
      renders.set(props.room.roomId, (renders.get(props.room.roomId) ?? 0) + 1);
      return actual.RoomCardContent(props);
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

describe('Rooms view', () => {
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
    expect(await screen.findByRole('heading', { name: 'Boardroom' })).toBeTruthy();
  });

  it('shows the error with a retry that asks again', async () => {
    const { fake } = renderRooms((f) => f.respond('getRooms', () => fail('not_ready', 'The core is starting')));
    expect(await screen.findByText('The core is starting')).toBeTruthy();
    fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom')]));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Boardroom' })).toBeTruthy();
  });

  it('explains how to add a room when there is none', async () => {
    renderRooms();
    expect(await screen.findByText(/No rooms yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeTruthy();
  });

  it('shows each leg with loss, jitter, round trip, rates and a text classification', async () => {
    renderRooms((f) =>
      f.respond('getRooms', () =>
        ok([
          room('boardroom', 'Boardroom', {
            classification: 'poor',
            legs: [
              leg({ lossPercent: 12.5, jitterMs: 35, roundTripMs: 180, classification: 'poor' }),
              leg({ modality: 'video', direction: 'outbound', lossPercent: 0.4, bitRate: 1_800_000, frameRate: 29.97 }),
            ],
          }),
        ]),
      ),
    );
    const card = (await screen.findByRole('heading', { name: 'Boardroom' })).closest('article')!;
    const table = within(card).getByRole('table', { name: 'Media legs of Boardroom' });
    const audio = within(table).getByRole('row', { name: /Audio · inbound/ });
    expect(within(audio).getByText('Poor')).toBeTruthy();
    expect(within(audio).getByText('12.5%')).toBeTruthy();
    expect(within(audio).getByText('35 ms')).toBeTruthy();
    expect(within(audio).getByText('180 ms')).toBeTruthy();
    const video = within(table).getByRole('row', { name: /Video · outbound/ });
    expect(within(video).getByText('Good')).toBeTruthy();
    expect(within(video).getByText('1.8 Mb/s')).toBeTruthy();
    expect(within(video).getByText('30 fps')).toBeTruthy();
    // Sparklines are images with a text alternative.
    expect(within(audio).getByRole('img', { name: /Packet loss of Audio · inbound over the last minutes: now 12.5%/ })).toBeTruthy();
    expect(within(card).getByText('online')).toBeTruthy();
    expect(within(card).getByText(/No Teams ids yet/)).toBeTruthy();
  });

  it('says when a room has no call in progress', async () => {
    renderRooms((f) => f.respond('getRooms', () => ok([room('lobby', 'Lobby', { idle: true })])));
    const card = (await screen.findByRole('heading', { name: 'Lobby' })).closest('article')!;
    expect(within(card).getByText('No call in progress.')).toBeTruthy();
    expect(within(card).getByText('No verdict yet')).toBeTruthy();
  });

  it('re-renders only the room that changed when roomsChanged arrives', async () => {
    const rooms = [room('a', 'Room A'), room('b', 'Room B'), room('c', 'Room C')];
    const { fake } = renderRooms((f) => f.respond('getRooms', () => ok(rooms)));
    await screen.findByRole('heading', { name: 'Room C' });
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
    const b = screen.getByRole('heading', { name: 'Room B' }).closest('article')!;
    expect(within(b).getByText('7%')).toBeTruthy();

    // An identical push renders nothing at all.
    act(() => fake.emit('roomsChanged', wholeRoomsChange(2, next.map((r) => structuredClone(r)))));
    expect(renders.get('b')).toBe(1);
    expect(renders.get('a')).toBeUndefined();
  });

  it('applies a push of only the changed rooms without touching the others', async () => {
    const { fake } = renderRooms((f) => f.respond('getRooms', () => ok([room('a', 'Room A'), room('b', 'Room B')])));
    await screen.findByRole('heading', { name: 'Room B' });
    renders.clear();
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [room('b', 'Room B', { idle: true }), room('new', 'New room')])));
    expect([...renders.keys()].sort()).toEqual(['b', 'new']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Room A', 'Room B', 'New room']);
    const b = screen.getByRole('heading', { name: 'Room B' }).closest('article')!;
    expect(within(b).getByText('No call in progress.')).toBeTruthy();
  });

  it('opens a larger view of one room with statistics and charts over the call', async () => {
    const poor = leg({ lossPercent: 12, classification: 'poor', samples: 8 });
    renderWithApi(
      <Started>
        <RoomDetailView roomId="boardroom" />
      </Started>,
      (() => {
        const fake = createFakeApi();
        fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom', { legs: [poor], classification: 'poor' })]));
        return fake;
      })(),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Boardroom' })).toBeTruthy();
    const section = screen.getByRole('region', { name: 'Audio · inbound' });
    expect(within(section).getByText('Why: Packet loss 12% crossed the threshold 10%.')).toBeTruthy();
    const stats = within(section).getByRole('table');
    expect(within(stats).getByRole('row', { name: /Packet loss 12% 12% 12%/ })).toBeTruthy();
    expect(within(section).getByRole('img', { name: /Packet loss of Audio · inbound from .* latest 12%/ })).toBeTruthy();
  });

  it('tells when the room in the detail view no longer exists', async () => {
    renderWithApi(
      <Started>
        <RoomDetailView roomId="gone" />
      </Started>,
    );
    await waitFor(() => expect(screen.getByText('This room no longer exists.')).toBeTruthy());
  });
});

import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertRegion } from '../../renderer/src/shell/AlertRegion';
import { createFakeApi, ok } from './fake-api';
import { wholeRoomsChange } from '../support/room-deltas';
import { leg, room } from './fixtures';
import { Started, renderWithApi } from './render';

const poorRoom = (id: string, name: string, loss: number, samples: number) =>
  room(id, name, { classification: 'poor', legs: [leg({ roomId: id, lossPercent: loss, classification: 'poor', samples, lastSecond: samples * 2 })] });

describe('Room alerts overlay', () => {
  it('keeps one alert per poor room updated in place, and says "recovered — was, now" when it recovers', async () => {
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok([room('a', 'Room A'), room('b', 'Room B')]));
    renderWithApi(
      <Started>
        <AlertRegion />
      </Started>,
      fake,
    );
    const live = () => document.querySelector('[aria-live="polite"]')!.textContent;
    await act(async () => {});
    expect(screen.queryByRole('region', { name: 'Room alerts' })).toBeNull();

    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [poorRoom('a', 'Room A', 25.1, 6), room('b', 'Room B')])));
    const overlay = screen.getByRole('region', { name: 'Room alerts' });
    expect(overlay.textContent).toContain('Room A is poor Audio · inbound: Packet loss 25.1% (threshold 10%)');
    expect(live()).toBe('Room A poor: Audio · inbound: Packet loss 25.1% (threshold 10%)');

    // A new sample of the same poor room: the same single alert with the new value, no new announcement.
    act(() => fake.emit('roomsChanged', wholeRoomsChange(2, [poorRoom('a', 'Room A', 18.4, 7)])));
    expect(screen.getAllByText('Room A is poor')).toHaveLength(1);
    expect(overlay.textContent).toContain('Packet loss 18.4%');
    expect(live()).toBe('Room A poor: Audio · inbound: Packet loss 25.1% (threshold 10%)');

    // Another room turns poor: both stay; then A recovers while B is still poor.
    act(() => fake.emit('roomsChanged', wholeRoomsChange(3, [poorRoom('b', 'Room B', 12, 6)])));
    expect(screen.getByRole('region', { name: 'Room alerts' }).textContent).toContain('Room B is poor');
    act(() => fake.emit('roomsChanged', wholeRoomsChange(4, [room('a', 'Room A', { legs: [leg({ roomId: 'a', lossPercent: 0.2, samples: 10, lastSecond: 20 })] })])));
    const after = screen.getByRole('region', { name: 'Room alerts' }).textContent;
    expect(after).toContain('Room A recovered — was Packet loss 18.4%, now 0.2%');
    expect(after).not.toContain('Room A is poor');
    expect(after).toContain('Room B is poor');
    expect(live()).toBe('Room A recovered');
  });

  it('shows three poor rooms and counts the rest, in the singular for one', async () => {
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok(['a', 'b', 'c', 'd'].map((id) => poorRoom(id, `Room ${id.toUpperCase()}`, 20, 6))));
    renderWithApi(
      <Started>
        <AlertRegion />
      </Started>,
      fake,
    );
    const overlay = await screen.findByRole('region', { name: 'Room alerts' });
    expect(overlay.textContent).toContain('1 more poor room');
    expect(overlay.textContent).not.toContain('1 more poor rooms');
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [poorRoom('e', 'Room E', 20, 6)])));
    expect(overlay.textContent).toContain('2 more poor rooms');
  });
});

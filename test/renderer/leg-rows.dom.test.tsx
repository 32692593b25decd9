// A live update of a room re-renders only the legs that got a new sample (renderer/src/views/rooms/leg-table.tsx):
// with 6 legs a room, a push where one leg changed must not redraw the other five legs' charts.
import type * as SparklineModule from '../../renderer/src/components/Sparkline';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useLocaleStore } from '../../renderer/src/i18n';
import { RoomDetailView } from '../../renderer/src/views/rooms/RoomDetailView';
import { createFakeApi, ok } from './fake-api';
import { wholeRoomsChange } from '../support/room-deltas';
import { leg, room } from './fixtures';
import { Started, renderWithApi } from './render';

// Counts chart renders per leg, read from the chart's text alternative ("… of Audio · inbound over …").
const chartRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../renderer/src/components/Sparkline', async (importOriginal) => {
  const actual = await importOriginal<typeof SparklineModule>();
  return {
    ...actual,
    Sparkline: (props: Parameters<typeof actual.Sparkline>[0]) => {
      const legName = /of (.+?) over/.exec(props.label)?.[1] ?? props.label;
      chartRenders.set(legName, (chartRenders.get(legName) ?? 0) + 1);
      return <actual.Sparkline {...props} />;
    },
  };
});

const inbound = (lossPercent: number, lastSecond: number, samples: number) => leg({ lossPercent, lastSecond, samples });
const outbound = leg({ direction: 'outbound', lossPercent: 0.3 });

describe('Leg rows under live updates', () => {
  it('re-renders the leg with a new sample and leaves the unchanged leg alone, even when the push repeats it whole', async () => {
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom', { legs: [inbound(0.5, 10, 5), outbound] })]));
    renderWithApi(
      <Started>
        <RoomDetailView roomId="boardroom" />
      </Started>,
      fake,
    );
    const table = await screen.findByRole('table', { name: 'Media legs of Boardroom' });
    chartRenders.clear();

    // One new sample on the inbound leg; the outbound leg arrives as an equal copy (a whole push, as after a resync).
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [room('boardroom', 'Boardroom', { legs: [inbound(4.2, 12, 6), structuredClone(outbound)] })])));

    expect(within(within(table).getByRole('row', { name: /Audio · inbound/ })).getByText('4.2%')).toBeTruthy();
    expect(chartRenders.get('Audio · inbound')).toBe(3); // loss, jitter, round trip
    expect(chartRenders.get('Audio · outbound')).toBeUndefined();
    expect(within(within(table).getByRole('row', { name: /Audio · outbound/ })).getByText('0.3%')).toBeTruthy();
  });

  it('renders the unchanged rows again when the language changes', async () => {
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom', { legs: [inbound(0.5, 10, 5), outbound] })]));
    renderWithApi(
      <Started>
        <RoomDetailView roomId="boardroom" />
      </Started>,
      fake,
    );
    await screen.findByRole('table', { name: 'Media legs of Boardroom' });
    act(() => useLocaleStore.getState().setOverride('fr'));
    const table = screen.getByRole('table', { name: 'Flux média de Boardroom' });
    expect(within(table).getByRole('row', { name: /Audio · entrant/ })).toBeTruthy();
  });
});

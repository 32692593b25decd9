/**
 * A Cisco room in Microsoft Teams Rooms mode: its calls are measured by Teams (no media legs here), so the
 * fleet tile and the room's page say so instead of "Idle" / "No call in progress" or a media-leg table.
 */
import { act, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { RoomDetailView } from '../../renderer/src/views/rooms/RoomDetailView';
import { RoomsView } from '../../renderer/src/views/rooms/RoomsView';
import { CallRecordsView } from '../../renderer/src/views/callRecords/CallRecordsView';
import type { RoomSnapshot } from '../../shared/domain/legs';
import { wholeRoomsChange } from '../support/room-deltas';
import { createFakeApi, ok } from './fake-api';
import { at, room } from './fixtures';
import { Started, renderWithApi } from './render';

function inTeamsRoomsCall(snapshot: RoomSnapshot): RoomSnapshot {
  return { ...snapshot, devices: snapshot.devices.map((device) => ({ ...device, teamsRoomsCallSince: at(30) })) };
}

function renderWith(ui: ReactElement, rooms: RoomSnapshot[]) {
  const fake = createFakeApi();
  fake.respond('getRooms', () => ok(rooms));
  return renderWithApi(<Started>{ui}</Started>, fake);
}

describe('a room in a Teams Rooms call', () => {
  it('the room page says "in a Teams Rooms call — measured by Teams", with no media-leg table and not idle', async () => {
    renderWith(<RoomDetailView roomId="boardroom" />, [inTeamsRoomsCall(room('boardroom', 'Boardroom', { idle: true }))]);
    const notice = await screen.findByText(/In a Teams Rooms call — measured by Teams/);
    expect(notice.textContent).toMatch(/^In a Teams Rooms call — measured by Teams \(codec-1, since .+\)$/);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('No call in progress.')).toBeNull();
  });

  it('the fleet tile says so instead of Idle, and goes back to Idle when the call ends (a push)', async () => {
    const { fake } = renderWith(<RoomsView />, [inTeamsRoomsCall(room('boardroom', 'Boardroom', { idle: true }))]);
    const tileOf = () => within(screen.getByRole('button', { name: 'Boardroom: open the room' }).closest('li')!);
    await screen.findByRole('button', { name: 'Boardroom: open the room' });
    let tile = tileOf();
    expect(tile.getByText('In a Teams Rooms call — measured by Teams').textContent).toBe('In a Teams Rooms call — measured by Teams');
    expect(tile.queryByText('Idle')).toBeNull();
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [room('boardroom', 'Boardroom', { idle: true })])));
    tile = tileOf();
    expect(tile.getByText('Idle').textContent).toBe('Idle');
    expect(tile.queryByText('In a Teams Rooms call — measured by Teams')).toBeNull();
  });
});

describe('a Teams Rooms call in Call records', () => {
  it('is shown against its room, measured by Teams, instead of "No report from this room"', async () => {
    const fake = createFakeApi();
    fake.respond('listCallRecords', () =>
      ok({
        availability: 'ok',
        stale: false,
        fetchedAt: at(0),
        items: [
          { id: 'r-teams', startDateTime: at(0), endDateTime: at(600), type: 'groupCall', modalities: ['audio', 'video'], participantNames: ['Organizer'], reportIds: [], teamsRoomsCall: { roomId: 'b30', roomName: 'Bldg 30 Room Bar' } },
          { id: 'r-other', startDateTime: at(700), endDateTime: at(900), type: 'peerToPeer', modalities: ['audio'], participantNames: ['Someone'], reportIds: [] },
        ],
      }),
    );
    renderWithApi(
      <Started>
        <CallRecordsView />
      </Started>,
      fake,
    );
    const table = await screen.findByRole('table', { name: 'Recent call records' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText(/Teams Rooms call/).textContent).toBe('Bldg 30 Room Bar: Teams Rooms call — measured by Teams ');
    expect(within(first!).queryByText('No report from this room.')).toBeNull();
    expect(within(second!).getByText('No report from this room.').textContent).toBe('No report from this room.');
  });
});

/**
 * Settings: a room's Teams Rooms account (rooms[].teamsRoomAccount) is shown, kept when the room is saved
 * for another change, and changed or cleared from its field; a refusal from the core is shown at the field.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView';
import { createFakeApi, fail, ok, settingsView } from './fake-api';
import { Started, renderWithApi } from './render';

function renderSettings(account?: string) {
  const fake = createFakeApi();
  fake.respond('getSettings', () => ok(settingsView({ rooms: [{ id: 'boardroom', name: 'Boardroom', devices: [], ...(account !== undefined && { teamsRoomAccount: account }) }] })));
  renderWithApi(
    <Started>
      <SettingsView />
    </Started>,
    fake,
  );
  return fake;
}

describe('Settings: Teams Rooms account of a room', () => {
  it('is kept when the room is saved for another change, and sent changed from its field', async () => {
    const fake = renderSettings('boardroom@contoso.example');
    const rooms = await screen.findByRole('region', { name: 'Rooms and devices' });
    const field = within(rooms).getByLabelText('Teams Rooms account') as HTMLInputElement;
    expect(field.value).toBe('boardroom@contoso.example');
    fireEvent.change(within(rooms).getByLabelText('Room name'), { target: { value: 'Board room' } });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Save rooms' }));
    await waitFor(() => expect(fake.callsTo('updateSettings')).toEqual([{ rooms: [{ id: 'boardroom', name: 'Board room', teamsRoomAccount: 'boardroom@contoso.example', devices: [] }] }]));

    // The form now shows what the core answered (this fake: the room without an account); typed in, trimmed.
    await waitFor(() => expect((within(rooms).getByLabelText('Teams Rooms account') as HTMLInputElement).value).toBe(''));
    fireEvent.change(within(rooms).getByLabelText('Teams Rooms account'), { target: { value: '  5f0c2a31-7d4e-4b8a-9c61-2e7f3a9b0d14 ' } });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Save rooms' }));
    await waitFor(() => expect(fake.callsTo('updateSettings')).toHaveLength(2));
    expect(fake.callsTo('updateSettings')[1]).toEqual({ rooms: [{ id: 'boardroom', name: 'Boardroom', teamsRoomAccount: '5f0c2a31-7d4e-4b8a-9c61-2e7f3a9b0d14', devices: [] }] });
  });

  it('shows the core\'s refusal at the field', async () => {
    const fake = renderSettings();
    fake.respond('updateSettings', () =>
      fail('invalid_input', 'rooms[0].teamsRoomAccount: must be the room resource account\u2019s user principal name', [
        { path: 'rooms[0].teamsRoomAccount', message: 'must be the room resource account\'s user principal name (room@contoso.com) or its Entra object id (a GUID)' },
      ]),
    );
    const rooms = await screen.findByRole('region', { name: 'Rooms and devices' });
    const field = within(rooms).getByLabelText('Teams Rooms account');
    fireEvent.change(field, { target: { value: 'Boardroom' } });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Save rooms' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).toContain('user principal name (room@contoso.com) or its Entra object id');
  });
});

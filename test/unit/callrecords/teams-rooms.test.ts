import { describe, expect, it } from 'vitest';
import { matchTeamsRoomsCall, teamsRoomsOf } from '../../../electron/core/callrecords/teams-rooms';
import { recordLine } from '../../../electron/core/callrecords/summary';
import { appConfigSchema } from '../../../shared/config/schema';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const rooms = teamsRoomsOf([
  { id: 'b30', name: 'Bldg 30', teamsRoomAccount: 'B30-Room@Contoso.example' },
  { id: 'b31', name: 'Bldg 31', teamsRoomAccount: '5f0c2a31-7d4e-4b8a-9c61-2e7f3a9b0d14' },
  { id: 'b32', name: 'No account' },
]);
const spans = [
  { roomId: 'b30', deviceId: 'bar30', startMs: T0, endMs: T0 + 30 * 60_000 },
  { roomId: 'b31', deviceId: 'bar31', startMs: T0 + 60 * 60_000, endMs: null },
];
const line = (startMs: number, endMs: number, participants: unknown[], sessions: unknown[] = []) =>
  recordLine({ id: 'r', startDateTime: new Date(startMs).toISOString(), endDateTime: new Date(endMs).toISOString(), participants_v2: participants, sessions });

describe('matching a callRecord to a room\'s Teams Rooms call', () => {
  it('matches the account by UPN in any case, while the codec was in the call', () => {
    const record = line(T0 + 60_000, T0 + 20 * 60_000, [{ identity: { user: { id: 'x', userPrincipalName: 'b30-room@contoso.example' } } }]);
    expect(matchTeamsRoomsCall(record, rooms, spans, T0 + 2 * 3_600_000)).toEqual({ roomId: 'b30', roomName: 'Bldg 30' });
  });

  it('matches the account by object id, from a session endpoint, against a call still going on', () => {
    const record = line(T0 + 61 * 60_000, T0 + 70 * 60_000, [], [{ caller: { associatedIdentity: { id: '5F0C2A31-7D4E-4B8A-9C61-2E7F3A9B0D14' } } }]);
    expect(matchTeamsRoomsCall(record, rooms, spans, T0 + 71 * 60_000)).toEqual({ roomId: 'b31', roomName: 'Bldg 31' });
  });

  it('does not match a record outside the span, or one without the account', () => {
    const account = [{ identity: { user: { userPrincipalName: 'b30-room@contoso.example' } } }];
    expect(matchTeamsRoomsCall(line(T0 + 40 * 60_000, T0 + 50 * 60_000, account), rooms, spans, T0 + 2 * 3_600_000)).toBeUndefined();
    expect(matchTeamsRoomsCall(line(T0, T0 + 10 * 60_000, [{ identity: { user: { userPrincipalName: 'someone@contoso.example' } } }]), rooms, spans, T0 + 2 * 3_600_000)).toBeUndefined();
  });
});

describe('rooms[].teamsRoomAccount', () => {
  it('takes a UPN or an object id and refuses anything else naming the field and the reason', () => {
    const room = (teamsRoomAccount: string) => appConfigSchema.safeParse({ rooms: [{ id: 'b30', name: 'Bldg 30', teamsRoomAccount }] });
    expect(room('b30@contoso.example').success).toBe(true);
    expect(room('5f0c2a31-7d4e-4b8a-9c61-2e7f3a9b0d14').success).toBe(true);
    const refused = room('Bldg 30 room');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['rooms', 0, 'teamsRoomAccount'], message: expect.stringContaining('user principal name') });
  });
});

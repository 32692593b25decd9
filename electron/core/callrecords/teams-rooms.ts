/**
 * A room's native Teams Rooms calls in callRecords: a record is the room's Teams Rooms call when the room's
 * resource account (config rooms[].teamsRoomAccount: UPN or Entra object id) is among the people it names
 * and its span overlaps a span in which the room's codec was in a Teams Rooms call (devices/teams-rooms-log.ts).
 * A listed record names only its organizer (../shared/reference/graph-api.md §3.2), so a record that overlaps
 * such a span is read whole to see its participants_v2.
 */
import type { TeamsRoomsCallSpan } from '../devices/teams-rooms-log';
import type { RecordLine } from './summary';

export interface TeamsRoom {
  roomId: string;
  roomName: string;
  /** rooms[].teamsRoomAccount */
  account: string;
}

/** The codec's call state is read every few seconds to minutes: a record a little off the span still counts. */
const TOLERANCE_MS = 3 * 60_000;

function overlaps(line: RecordLine, span: TeamsRoomsCallSpan, nowMs: number): boolean {
  const startMs = Date.parse(line.startDateTime);
  const endMs = Date.parse(line.endDateTime);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return false;
  return startMs <= (span.endMs ?? nowMs) + TOLERANCE_MS && endMs >= span.startMs - TOLERANCE_MS;
}

/** The rooms with an account whose codec was in a Teams Rooms call during the record. */
export function roomsInCallDuring(line: RecordLine, rooms: readonly TeamsRoom[], spans: readonly TeamsRoomsCallSpan[], nowMs: number): TeamsRoom[] {
  return rooms.filter((room) => spans.some((span) => span.roomId === room.roomId && overlaps(line, span, nowMs)));
}

export function matchTeamsRoomsCall(line: RecordLine, rooms: readonly TeamsRoom[], spans: readonly TeamsRoomsCallSpan[], nowMs: number): { roomId: string; roomName: string } | undefined {
  const identities = new Set(line.identities ?? []);
  const room = roomsInCallDuring(line, rooms, spans, nowMs).find((candidate) => identities.has(candidate.account.trim().toLowerCase()));
  return room === undefined ? undefined : { roomId: room.roomId, roomName: room.roomName };
}

/** The configured rooms that name their Teams resource account. */
export function teamsRoomsOf(rooms: readonly { id: string; name: string; teamsRoomAccount?: string }[]): TeamsRoom[] {
  return rooms.flatMap((room) => (room.teamsRoomAccount === undefined ? [] : [{ roomId: room.id, roomName: room.name, account: room.teamsRoomAccount }]));
}

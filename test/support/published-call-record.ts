/**
 * callRecords as Teams publishes them (graph-v1.0 callRecord with participants_v2), to seed the Graph
 * emulator through its control route (POST /_emulator/call-records).
 */

export interface PublishedParticipant {
  id: string;
  identity: { user: { id: string; displayName: string; userPrincipalName: string } };
  administrativeUnitInfos: never[];
}

export function participant(id: string, upn: string, displayName: string): PublishedParticipant {
  return { id, identity: { user: { id, displayName, userPrincipalName: upn } }, administrativeUnitInfos: [] };
}

const MEETING_ORGANIZER = participant('0d8c6f4e-1111-4aaa-8bbb-000000000001', 'organizer@contoso.example', 'Meeting organizer');

/** An audio and video group call from `startMs` to `endMs`, its organizer first among its participants. */
export function publishedCallRecord(id: string, startMs: number, endMs: number, participants: PublishedParticipant[], organizer: PublishedParticipant = MEETING_ORGANIZER) {
  return {
    id,
    version: 1,
    type: 'groupCall',
    modalities: ['audio', 'video'],
    startDateTime: new Date(startMs).toISOString(),
    endDateTime: new Date(endMs).toISOString(),
    lastModifiedDateTime: new Date(endMs + 60_000).toISOString(),
    joinWebUrl: null,
    organizer_v2: organizer,
    participants_v2: [organizer, ...participants],
    sessions: [],
  };
}

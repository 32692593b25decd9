/**
 * A callRecord → the line the UI and `call-records list` show. Names come only from the fields Graph keeps
 * filling: `organizer_v2`, `participants_v2` and each session endpoint's `associatedIdentity`. The
 * deprecated `organizer`, `participants` and `participantEndpoint.identity` stop returning data on
 * 2026-06-30 (../shared/reference/graph-api.md §2.1) and are never read. A listed record carries no participants_v2 and no
 * sessions (§3.2), so its names grow once the record's details have been read.
 */
import type { CallRecordSummaryView } from '../../../shared/api/views';
import { list, num, obj, str } from '../../../shared/json';

/** `identities`: the lower-case ids and user principal names of everyone named (matched to a room's account). */
export type RecordLine = Omit<CallRecordSummaryView, 'reportIds' | 'teamsRoomsCall'> & { identities?: string[] };

/** communicationsIdentitySet members, most specific first (§2.3). */
const IDENTITY_KEYS = [
  'user', 'guest', 'device', 'application', 'applicationInstance', 'phone', 'acsUser', 'spoolUser',
  'azureCommunicationServicesUser', 'acsApplicationInstance', 'spoolApplicationInstance', 'onPremises',
  'assertedIdentity', 'encrypted',
] as const;

export function recordLine(record: unknown): RecordLine {
  const root = obj(record) ?? {};
  const organizerName = identitySetName(obj(root['organizer_v2'])?.['identity']);
  // The organizer takes part too, and is all a listed record names (no participants_v2 in a list, §3.2).
  const names = new Set<string>(organizerName ? [organizerName] : []);
  const identities = new Set<string>();
  addIdentities(identities, obj(root['organizer_v2'])?.['identity']);
  for (const participant of list(root['participants_v2'])) {
    add(names, identitySetName(obj(participant)?.['identity']));
    addIdentities(identities, obj(participant)?.['identity']);
  }
  for (const session of list(root['sessions'])) {
    const s = obj(session);
    add(names, endpointName(s?.['caller']));
    add(names, endpointName(s?.['callee']));
    for (const end of [s?.['caller'], s?.['callee']]) addIdentity(identities, obj(end)?.['associatedIdentity']);
  }
  const line: RecordLine = {
    id: str(root['id']) ?? '',
    startDateTime: str(root['startDateTime']) ?? '',
    endDateTime: str(root['endDateTime']) ?? '',
    type: str(root['type']) ?? 'unknown',
    modalities: list(root['modalities']).filter((m): m is string => typeof m === 'string'),
    participantNames: [...names],
  };
  if (organizerName !== undefined) line.organizerName = organizerName;
  const version = num(root['version']);
  if (version !== undefined) line.version = version;
  if (identities.size > 0) line.identities = [...identities];
  return line;
}

/** Every member of an identitySet (user, applicationInstance…): its id and userPrincipalName (§2.3). */
function addIdentities(into: Set<string>, value: unknown): void {
  const set = obj(value);
  if (!set) return;
  for (const key of IDENTITY_KEYS) addIdentity(into, set[key]);
}

function addIdentity(into: Set<string>, value: unknown): void {
  const identity = obj(value);
  for (const field of ['id', 'userPrincipalName']) {
    const text = str(identity?.[field])?.trim().toLowerCase();
    if (text) into.add(text);
  }
}

function identitySetName(value: unknown): string | undefined {
  const set = obj(value);
  if (!set) return undefined;
  for (const key of IDENTITY_KEYS) {
    const name = str(obj(set[key])?.['displayName']);
    if (name) return name;
  }
  return undefined;
}

/** participantEndpoint.associatedIdentity (the replacement of the deprecated `identity`). */
function endpointName(value: unknown): string | undefined {
  return str(obj(obj(value)?.['associatedIdentity'])?.['displayName']) || undefined;
}

function add(names: Set<string>, name: string | undefined): void {
  if (name) names.add(name);
}

/**
 * Deterministic, realistic callRecords (../shared/reference/graph-api.md §2–3) for the emulator, the demo and tests.
 * The same seed gives the same ids, people, sessions and metrics; times are placed relative to `nowMs`.
 * Guarantees (../shared/design/contracts.md "Emulator"):
 * - records spread over the last 35 days, so some are past the 30-day retention (§3.3);
 * - record 0 has exactly 150 sessions (three pages of 60 / 60 / 30, §3.4) and is 2 days old;
 * - record 1 is 31 days old (Get → 404); record 2 has 61 sessions (a page boundary plus one).
 */
import type {
  CallRecord,
  CallRecordEndpoint,
  CallRecordModality,
  CallRecordParticipant,
  CallRecordSegment,
  CallRecordSession,
} from '../../../shared/graph/callRecords';
import { generateMedia, type GeneratedModality } from './callRecordMedia';
import { createPrng, type Prng } from './prng';

export interface CallRecordGeneratorOptions {
  seed: number;
  nowMs: number;
  tenantId: string;
  /** Number of records (default 200; at least the 3 guaranteed ones). */
  count?: number;
  /** Spread of start times back from now (default 35 days). */
  spreadDays?: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Person {
  id: string;
  displayName: string;
  platform: 'windows' | 'macOS' | 'iOS' | 'android' | 'web' | 'roomSystem';
}

const FIRST = ['Abbie', 'Owen', 'Maya', 'Jonas', 'Priya', 'Lucas', 'Ines', 'Tomas', 'Grace', 'Ravi', 'Elena', 'Sam'];
const LAST = ['Wilkins', 'Franklin', 'Okafor', 'Lindqvist', 'Raman', 'Moreau', 'Santos', 'Novak', 'Kim', 'Iyer'];
const ROOMS = ['VTC Bldg 30/21', 'VTC Bldg 30/14', 'VTC Bldg 12/3', 'Boardroom Cisco SX80'];

export function generateCallRecords(options: CallRecordGeneratorOptions): CallRecord[] {
  const prng = createPrng(options.seed ^ 0x5eed);
  const count = Math.max(3, options.count ?? 200);
  const spreadMs = (options.spreadDays ?? 35) * DAY_MS;
  const people = createPeople(prng);
  const records: CallRecord[] = [];
  for (let index = 0; index < count; index++) {
    const shape = guaranteedShape(index, options.nowMs, prng, spreadMs);
    records.push(generateRecord(prng, people, options.tenantId, shape));
  }
  return records;
}

interface RecordShape {
  startMs: number;
  sessionCount: number;
}

function guaranteedShape(index: number, nowMs: number, prng: Prng, spreadMs: number): RecordShape {
  if (index === 0) return { startMs: nowMs - 2 * DAY_MS, sessionCount: 150 };
  if (index === 1) return { startMs: nowMs - 31 * DAY_MS, sessionCount: 2 };
  if (index === 2) return { startMs: nowMs - 5 * DAY_MS, sessionCount: 61 };
  const ageMs = Math.floor(prng.next() * (spreadMs - 2 * 60 * MINUTE_MS)) + 2 * 60 * MINUTE_MS;
  const sessionCount = prng.chance(0.55) ? prng.int(1, 2) : prng.int(3, 12);
  return { startMs: nowMs - ageMs, sessionCount };
}

function createPeople(prng: Prng): Person[] {
  const people: Person[] = [];
  for (const first of FIRST) {
    const platform = prng.pick(['windows', 'windows', 'macOS', 'iOS', 'android', 'web'] as const);
    people.push({ id: prng.guid(), displayName: `${first} ${prng.pick(LAST)}`, platform });
  }
  for (const room of ROOMS) people.push({ id: prng.guid(), displayName: room, platform: 'roomSystem' });
  return people;
}

function generateRecord(prng: Prng, people: Person[], tenantId: string, shape: RecordShape): CallRecord {
  const group = shape.sessionCount > 2 || prng.chance(0.4);
  const attendees = pickDistinct(prng, people, group ? Math.min(people.length, Math.max(3, prng.int(3, 10))) : 2);
  const organizer = attendees[0] as Person;
  const durationMs = prng.int(5, 75) * MINUTE_MS;
  const endMs = shape.startMs + durationMs;
  const modalities: GeneratedModality[] = prng.chance(0.7) ? ['audio', 'video'] : ['audio'];
  if (group && prng.chance(0.4)) modalities.push('screenSharing');
  const sessions: CallRecordSession[] = [];
  for (let i = 0; i < shape.sessionCount; i++) {
    const caller = attendees[i % attendees.length] as Person;
    const callee = group ? undefined : (attendees[(i + 1) % attendees.length] as Person);
    sessions.push(generateSession(prng, tenantId, caller, callee, shape.startMs, endMs, modalities));
  }
  return {
    id: prng.guid(),
    version: prng.int(1, 3),
    type: group ? 'groupCall' : 'peerToPeer',
    modalities: modalities.map(toRecordModality),
    startDateTime: new Date(shape.startMs).toISOString(),
    endDateTime: new Date(endMs).toISOString(),
    // "UTC time when the call record was created" (§3.3): shortly after the call ends.
    lastModifiedDateTime: new Date(endMs + prng.int(1, 15) * MINUTE_MS).toISOString(),
    joinWebUrl: group ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${prng.text(24)}%40thread.v2/0` : null,
    organizer_v2: participant(organizer, tenantId),
    participants_v2: attendees.map((person) => participant(person, tenantId)),
    sessions,
  };
}

function generateSession(
  prng: Prng,
  tenantId: string,
  caller: Person,
  callee: Person | undefined,
  callStartMs: number,
  callEndMs: number,
  modalities: GeneratedModality[],
): CallRecordSession {
  const startMs = callStartMs + prng.int(0, Math.floor((callEndMs - callStartMs) / 4));
  const endMs = Math.max(startMs + MINUTE_MS, callEndMs - prng.int(0, 5) * MINUTE_MS);
  const impairment = prng.chance(0.15) ? prng.float(0.5, 1, 2) : prng.float(0, 0.3, 2);
  const callerEndpoint = participantEndpoint(prng, caller, tenantId);
  const calleeEndpoint = callee ? participantEndpoint(prng, callee, tenantId) : conferenceEndpoint();
  const segmentCount = prng.chance(0.2) ? 2 : 1;
  const segments: CallRecordSegment[] = [];
  for (let i = 0; i < segmentCount; i++) {
    const segStart = startMs + Math.floor(((endMs - startMs) * i) / segmentCount);
    const segEnd = startMs + Math.floor(((endMs - startMs) * (i + 1)) / segmentCount);
    segments.push({
      id: prng.guid(),
      startDateTime: new Date(segStart).toISOString(),
      endDateTime: new Date(segEnd).toISOString(),
      caller: callerEndpoint,
      callee: calleeEndpoint,
      media: modalities.map((modality) => generateMedia(prng, modality, segStart, segEnd, impairment)),
    });
  }
  return {
    id: prng.guid(),
    modalities: modalities.map(toRecordModality),
    startDateTime: new Date(startMs).toISOString(),
    endDateTime: new Date(endMs).toISOString(),
    isTest: false,
    caller: callerEndpoint,
    callee: calleeEndpoint,
    segments,
  };
}

function participantEndpoint(prng: Prng, person: Person, tenantId: string): CallRecordEndpoint {
  const room = person.platform === 'roomSystem';
  return {
    '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
    name: room ? `${person.displayName}` : `machineName_${prng.int(1, 99)}`,
    cpuName: room ? 'Cisco Codec Pro' : 'Intel(R) Core(TM) i7-1185G7 @ 3.00GHz',
    cpuCoresCount: room ? 4 : 8,
    cpuProcessorSpeedInMhz: room ? 1800 : 2995,
    userAgent: {
      '@odata.type': '#microsoft.graph.callRecords.clientUserAgent',
      headerValue: room ? 'Cisco/RoomOS 11.14 (Room Kit Pro)' : 'Mozilla/5.0 Teams/24295.605.3225.8804',
      platform: person.platform,
      productFamily: 'teams',
    },
    associatedIdentity: { id: person.id, displayName: person.displayName, tenantId },
  };
}

/** The conference server side of a group-call session (serviceEndpoint, §2.2). */
function conferenceEndpoint(): CallRecordEndpoint {
  return {
    '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint',
    userAgent: {
      '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent',
      headerValue: 'av-mcu/2024.1',
      role: 'skypeForBusinessAudioVideoMcu',
    },
  };
}

function participant(person: Person, tenantId: string): CallRecordParticipant {
  return {
    id: person.id,
    identity: { user: { id: person.id, displayName: person.displayName, tenantId } },
    administrativeUnitInfos: [],
  };
}

function toRecordModality(modality: GeneratedModality): CallRecordModality {
  return modality;
}

function pickDistinct<T>(prng: Prng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(prng.int(0, pool.length - 1), 1)[0] as T);
  return out;
}

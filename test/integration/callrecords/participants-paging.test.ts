/**
 * participants_v2 past its first page, from the outside: `call-records get|list --json` as child processes
 * against the emulator (a separate HTTP server) paging participants 2 at a time. Every participant of a
 * call is read through `participants_v2@odata.nextLink` and named in the list; a call with more pages than
 * the bound stops there and says so in the agent's log, with what it read kept.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import { MAX_PARTICIPANT_PAGES } from '../../../electron/core/graph/callRecordsApi';
import type { CallRecordDetailView, CallRecordListView } from '../../../shared/api/views';
import { runAgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';
import { SECRET_ENV, writeEmulatorConfig } from '../../support/emulator-config';

const PAGE_SIZE = 2;
let emulator: EmulatorHandle;
let temp: { dir: string; cleanup: () => void };
let configFile: string;

function participant(index: number) {
  const id = `5f0c2a31-7d4e-4b8a-9c61-${String(index).padStart(12, '0')}`;
  return { id, identity: { user: { id, displayName: `Person ${index}` } }, administrativeUnitInfos: [] };
}

function record(id: string, participantCount: number) {
  const endMs = Date.now() - 60_000;
  const people = Array.from({ length: participantCount }, (_, index) => participant(index + 1));
  return {
    id,
    version: 1,
    type: 'groupCall',
    modalities: ['audio'],
    startDateTime: new Date(endMs - 30 * 60_000).toISOString(),
    endDateTime: new Date(endMs).toISOString(),
    lastModifiedDateTime: new Date(endMs).toISOString(),
    organizer_v2: people[0],
    participants_v2: people,
    sessions: [],
  };
}

const SMALL = record('9a1e0000-0000-4000-8000-000000000007', 7);
/** One page more than the bound: the first page, MAX_PARTICIPANT_PAGES pages followed, one left. */
const HUGE_COUNT = PAGE_SIZE * (MAX_PARTICIPANT_PAGES + 2);
const HUGE = record('9a1e0000-0000-4000-8000-000000000999', HUGE_COUNT);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 17, callRecordCount: 3, participantsPageSize: PAGE_SIZE });
  const seeded = await fetch(`${emulator.url}/_emulator/call-records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records: [SMALL, HUGE] }) });
  expect(seeded.status).toBe(200);
  temp = makeTempDir('vtc-participants-');
  configFile = join(temp.dir, 'config.json');
  writeEmulatorConfig(configFile, emulator);
});
afterAll(async () => {
  await emulator.close();
  temp.cleanup();
});

const agent = (...args: string[]) => runAgentProcess([...args, '--data-dir', join(temp.dir, 'data'), '--config', configFile], { [SECRET_ENV]: emulator.clientSecret });

describe('participants_v2 over several pages', () => {
  it('reads every page: the record has every participant and the list names them all', async () => {
    const requestsBefore = emulator.stats().requests['callRecords.participants'];
    const got = await agent('call-records', 'get', SMALL.id, '--json');
    expect(got.code, got.stderr).toBe(0);
    const view = JSON.parse(got.stdout) as CallRecordDetailView;
    expect(view.record?.participants_v2?.map((p) => p.id)).toEqual(SMALL.participants_v2.map((p) => p.id));
    expect(view.record).not.toHaveProperty('participants_v2@odata.nextLink');
    // 7 participants, 2 a page: the first with the record, 3 more through the next links.
    expect(emulator.stats().requests['callRecords.participants'] - requestsBefore).toBe(3);

    const listed = await agent('call-records', 'list', '--since', '24h', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const item = (JSON.parse(listed.stdout) as CallRecordListView).items.find((i) => i.id === SMALL.id);
    expect(item?.participantNames).toEqual(SMALL.participants_v2.map((p) => p.identity.user.displayName));
  }, 60_000);

  it(`stops after ${MAX_PARTICIPANT_PAGES} more pages, keeps what it read and logs why`, async () => {
    const got = await agent('call-records', 'get', HUGE.id, '--json');
    expect(got.code, got.stderr).toBe(0);
    const view = JSON.parse(got.stdout) as CallRecordDetailView;
    expect(view.record?.participants_v2).toHaveLength(PAGE_SIZE * (MAX_PARTICIPANT_PAGES + 1));
    expect(view.record).not.toHaveProperty('participants_v2@odata.nextLink');
    const warning = got.stderr.split('\n').find((line) => line.includes('call record participants not all read'));
    expect(warning, got.stderr).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 'warn', id: HUGE.id, participantsRead: PAGE_SIZE * (MAX_PARTICIPANT_PAGES + 1), reason: expect.stringMatching(/more than \d+ pages/) });
    expect(HUGE_COUNT).toBeGreaterThan(PAGE_SIZE * (MAX_PARTICIPANT_PAGES + 1));
  }, 60_000);
});

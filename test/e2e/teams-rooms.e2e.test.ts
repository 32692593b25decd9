// Browser end-to-end of Teams Rooms mode, the way an operator meets it: `run --web --config` as a child
// process over its own data directory, the configuration naming two rooms: a Cisco Room Bar running the
// native Teams client (the codec simulator in Teams Rooms mode, the room's resource account in
// rooms[].teamsRoomAccount) and an ordinary Cisco room in a measured call; the Graph emulator as the tenant.
// In Debian Chromium, opened through the printed `web:` URL: the Teams Rooms room's tile says it is in a
// Teams Rooms call measured by Teams (its detail says so too, with no media legs) while the other tile shows
// its own call and legs; the Outbox gets the ordinary call's report and none for the Teams Rooms call; Call
// records marks the callRecord Teams published for the room's call, and only it. axe-core finds no serious or
// critical violation in these views, and the page logs no console problem.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiscoSimulator, type CiscoSimulator } from '../../electron/sim/cisco-codec';
import { startEmulator, type EmulatorHandle } from '../../electron/sim/emulator/index';
import { startAgentProcess, type AgentProcess } from '../support/agent-process';
import { seriousViolations, type AxeFinding } from '../support/axe';
import { collectConsoleProblems, launchChromium, type ChromiumSession } from '../support/chromium';
import { CHROMIUM_MISSING } from '../support/demo-in-chromium';
import { ensureRendererBuilt } from '../support/renderer-build';
import { participant, publishedCallRecord } from '../support/published-call-record';
import { makeTempDir } from '../support/temp-dir';
import { SECRET_ENV, writeEmulatorConfig } from '../support/emulator-config';

const UI_WITHIN_MS = 15_000;
const TEAMS_ROOM = { id: 'b30', name: 'Bldg 30 Room Bar', account: 'bldg30-roombar@contoso.example' };
const ORDINARY_ROOM = { id: 'b31', name: 'Bldg 31 Huddle' };
const ROOM_OBJECT_ID = '5f0c2a31-7d4e-4b8a-9c61-2e7f3a9b0d14';
/** The ordinary codec's one call: long enough to outlast the test until it is ended on purpose, no impairment. */
const ORDINARY_CALL_TICKS = 10_000;

describe.skipIf(CHROMIUM_MISSING !== undefined)('Teams Rooms mode in Chromium (run --web)', () => {
  const temp = makeTempDir('vtc-teams-rooms-e2e-');
  let teamsCodec: CiscoSimulator;
  let ordinaryCodec: CiscoSimulator;
  let emulator: EmulatorHandle;
  let agent: AgentProcess;
  let browser: ChromiumSession;

  beforeAll(async () => {
    const built = ensureRendererBuilt();
    [teamsCodec, ordinaryCodec, emulator] = await Promise.all([
      startCiscoSimulator({ seed: 5, firmware: 'roomos11', productId: 'Cisco Room Bar', password: 'codec-pw', teamsRooms: true, scenario: { calls: [] } }),
      startCiscoSimulator({
        seed: 6,
        firmware: 'roomos11',
        productId: 'Cisco Room Kit',
        password: 'codec-pw',
        scenario: { calls: [{ callId: '41', idleTicksBefore: 1, durationTicks: ORDINARY_CALL_TICKS, impairments: [] }] },
      }),
      startEmulator({ port: 0, seed: 41 }),
    ]);
    const configFile = join(temp.dir, 'config.json');
    const device = (id: string, codec: CiscoSimulator) => ({ id, kind: 'cisco-xapi', url: codec.url, username: 'admin', password: { env: 'VTC_CODEC_PASSWORD' }, allowSelfSigned: true, transport: 'http', pollSeconds: 1 });
    writeEmulatorConfig(configFile, emulator, {
      rooms: [
        { id: TEAMS_ROOM.id, name: TEAMS_ROOM.name, teamsRoomAccount: TEAMS_ROOM.account, devices: [device('roombar', teamsCodec)] },
        { id: ORDINARY_ROOM.id, name: ORDINARY_ROOM.name, devices: [device('roomkit', ordinaryCodec)] },
      ],
    });
    await built;
    [agent, browser] = await Promise.all([
      startAgentProcess(['run', '--web', '--port', '0', '--ingest-port', '0', '--data-dir', join(temp.dir, 'data'), '--config', configFile], ['data-dir', 'ingest', 'web'], {
        env: { [SECRET_ENV]: emulator.clientSecret, VTC_CODEC_PASSWORD: 'codec-pw', VTC_MIN_POLL_SECONDS: '1' },
      }),
      launchChromium({ viewport: { width: 1440, height: 900 } }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (agent !== undefined) expect(await agent.stop()).toBe(0);
    ordinaryCodec?.stopAutoTick();
    await Promise.all([teamsCodec?.close(), ordinaryCodec?.close(), emulator?.close()]);
    temp.cleanup();
  }, 30_000);

  it('shows the Teams Rooms call as measured by Teams, sends no report for it, and marks its call record', async () => {
    const page = await browser.context.newPage();
    const problems = collectConsoleProblems(page);
    await page.goto(agent.lines.get('web')!);
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: false });
    const fleet = page.getByRole('list', { name: 'Rooms, the ones in trouble first' });
    const tile = (roomName: string) => fleet.getByRole('listitem').filter({ has: page.getByRole('button', { name: `${roomName}: open the room` }) });
    const findings: Record<string, AxeFinding[]> = {};
    const checkAxe = async (view: string): Promise<void> => {
      const violations = await seriousViolations(page);
      if (violations.length > 0) findings[view] = violations;
    };

    // Both rooms in a call: the Room Bar in a native Teams call, the other codec in a measured one (its
    // Netstat intervals in real time, as the demo runs it).
    const teamsCallFromMs = Date.now();
    teamsCodec.setTeamsCall(true);
    teamsCodec.tick();
    ordinaryCodec.startAutoTick(1_000);

    const teamsTile = tile(TEAMS_ROOM.name);
    await teamsTile.locator('.fleet-call', { hasText: 'In a Teams Rooms call — measured by Teams' }).waitFor({ timeout: UI_WITHIN_MS });
    // Teams measures it: the tile has no leg to show, and says nothing of the app's own measures.
    expect(await teamsTile.locator('.fleet-worst').count()).toBe(0);
    expect(await teamsTile.innerText()).not.toMatch(/Idle|In call since|legs/);
    const ordinaryTile = tile(ORDINARY_ROOM.name);
    await ordinaryTile.locator('.fleet-worst', { hasText: /^All \d+ legs good$/ }).waitFor({ timeout: UI_WITHIN_MS });
    expect(await ordinaryTile.locator('.fleet-call').innerText()).toMatch(/^In call since /);
    await checkAxe('rooms');

    // The room's detail says the same, naming the device, and shows no media-leg table.
    await teamsTile.getByRole('button', { name: `${TEAMS_ROOM.name}: open the room` }).click();
    await page.getByRole('heading', { level: 1, name: TEAMS_ROOM.name }).waitFor({ timeout: UI_WITHIN_MS });
    const callStatus = page.getByRole('status').filter({ hasText: 'In a Teams Rooms call — measured by Teams' });
    await callStatus.waitFor({ timeout: UI_WITHIN_MS });
    expect(await callStatus.innerText()).toMatch(/^In a Teams Rooms call — measured by Teams \(roombar, since .+\)$/);
    expect(await page.getByRole('table', { name: `Media legs of ${TEAMS_ROOM.name}` }).count()).toBe(0);
    await checkAxe('teams rooms room detail');
    await page.getByRole('button', { name: /All rooms/ }).click();

    // The Teams call ends first, then the measured one: a report for the Teams call would be in the Outbox
    // before the ordinary call's.
    teamsCodec.setTeamsCall(false);
    teamsCodec.tick();
    await teamsTile.locator('.fleet-call', { hasText: 'Idle' }).waitFor({ timeout: UI_WITHIN_MS });
    const teamsCallToMs = Date.now();
    ordinaryCodec.stopAutoTick();
    ordinaryCodec.tick(ORDINARY_CALL_TICKS);
    await ordinaryTile.locator('.fleet-call', { hasText: 'Idle' }).waitFor({ timeout: UI_WITHIN_MS });

    await nav('Outbox').click();
    const reports = page.getByRole('grid', { name: 'Reports' });
    await reports.getByRole('row').filter({ hasText: ORDINARY_ROOM.name }).first().waitFor({ timeout: UI_WITHIN_MS });
    const reportRows = reports.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    expect(await reportRows.count()).toBe(1);
    expect(await reports.getByRole('row').filter({ hasText: TEAMS_ROOM.name }).count()).toBe(0);
    await checkAxe('outbox');

    // Teams publishes the room's call (the account among the participants) and another call of the same
    // span without the room.
    // Their organizers' names tell their rows apart in Call records.
    const recordFromMs = teamsCallFromMs - 10_000;
    const roomRecord = publishedCallRecord('7a4e1c20-0000-4000-8000-00000000b030', recordFromMs, teamsCallToMs, [participant(ROOM_OBJECT_ID, TEAMS_ROOM.account, TEAMS_ROOM.name)], participant('0d8c6f4e-1111-4aaa-8bbb-000000000030', 'organizer@contoso.example', 'Teams room organizer'));
    const otherRecord = publishedCallRecord('7a4e1c20-0000-4000-8000-00000000e002', recordFromMs, teamsCallToMs, [participant('9b1f0000-0000-4000-8000-000000000777', 'someone@contoso.example', 'Someone')], participant('0d8c6f4e-1111-4aaa-8bbb-000000000031', 'other@contoso.example', 'Other call organizer'));
    const seeded = await fetch(`${emulator.url}/_emulator/call-records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records: [roomRecord, otherRecord] }) });
    expect(seeded.status).toBe(200);

    // The agent read the list when it started (its next read is minutes away): the operator presses Refresh.
    await nav('Call records').click();
    const records = page.getByRole('table', { name: 'Recent call records' });
    await records.waitFor({ timeout: UI_WITHIN_MS });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const roomRow = records.getByRole('row').filter({ hasText: 'Teams room organizer' });
    const otherRow = records.getByRole('row').filter({ hasText: 'Other call organizer' });
    await roomRow.locator('.teams-rooms-call').waitFor({ timeout: UI_WITHIN_MS });
    expect((await roomRow.locator('.teams-rooms-call').innerText()).trim()).toBe(`${TEAMS_ROOM.name}: Teams Rooms call — measured by Teams`);
    // A Teams Rooms call has no report of the room's by design: the row does not ask for one.
    expect(await roomRow.getByText('No report from this room.').count()).toBe(0);
    await otherRow.waitFor({ timeout: UI_WITHIN_MS });
    expect(await otherRow.locator('.teams-rooms-call').count()).toBe(0);
    expect(await otherRow.getByText('No report from this room.').count()).toBe(1);
    await checkAxe('call records');

    expect(findings).toEqual({});
    expect(problems).toEqual([]);
  }, 60_000);
});

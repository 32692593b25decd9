/**
 * A Cisco room in Microsoft Teams Rooms mode, from the outside: the agent (`run --config`, a child process)
 * reads the codec simulator over HTTPS and sees its native Teams call; Teams publishes the call's callRecord
 * (the emulator, seeded through its control route) with the room's resource account among its participants;
 * `call-records list --json` (another child process, over the same data directory) shows that record as the
 * room's Teams Rooms call, and neither a record of another time nor one without the room's account; the
 * text table marks the same record, and only it, in its TEAMS ROOMS CALL column.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCiscoSimulator } from '../../../electron/sim/cisco-codec';
import { startEmulator } from '../../../electron/sim/emulator/index';
import type { CallRecordListView } from '../../../shared/api/views';
import { runAgentProcess, startAgentProcess } from '../../support/agent-process';
import { participant, publishedCallRecord as record } from '../../support/published-call-record';
import { makeTempDir } from '../../support/temp-dir';
import { SECRET_ENV, writeEmulatorConfig } from '../../support/emulator-config';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ROOM_UPN = 'Bldg30-RoomBar@contoso.example';
const ROOM_OBJECT_ID = '5f0c2a31-7d4e-4b8a-9c61-2e7f3a9b0d14';

interface StatusDevice {
  call: { kind: string; since: string } | null;
}

describe('a Teams Rooms call in Call records', () => {
  it('is listed against the room whose account took part while its codec was in a Teams Rooms call', async () => {
    const codec = await startCiscoSimulator({ seed: 5, firmware: 'roomos11', productId: 'Cisco Room Bar', password: 'codec-pw', teamsRooms: true, scenario: { calls: [] } });
    cleanups.push(() => codec.close());
    const emulator = await startEmulator({ port: 0, seed: 41 });
    cleanups.push(() => emulator.close());
    const temp = makeTempDir('vtc-teams-rooms-records-');
    cleanups.push(temp.cleanup);
    const dataDir = join(temp.dir, 'data');
    const configFile = join(temp.dir, 'config.json');
    writeEmulatorConfig(configFile, emulator, {
      rooms: [
        {
          id: 'b30',
          name: 'Bldg 30 Room Bar',
          teamsRoomAccount: ROOM_UPN.toLowerCase(),
          devices: [{ id: 'roombar', kind: 'cisco-xapi', url: codec.url, username: 'admin', password: { env: 'VTC_CODEC_PASSWORD' }, allowSelfSigned: true, transport: 'http', pollSeconds: 1 }],
        },
        // Same span, another account: the record is not this room's.
        { id: 'b31', name: 'Bldg 31', teamsRoomAccount: 'bldg31@contoso.example', devices: [] },
      ],
    });
    const env = { [SECRET_ENV]: emulator.clientSecret, VTC_CODEC_PASSWORD: 'codec-pw', VTC_MIN_POLL_SECONDS: '1' };
    const agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['data-dir'], { env });
    cleanups.push(() => agent.stop());
    const teamsCall = async (): Promise<StatusDevice['call']> => {
      const status = await runAgentProcess(['status', '--data-dir', dataDir, '--json']);
      return (JSON.parse(status.stdout) as { devices: StatusDevice[] }).devices[0]?.call ?? null;
    };

    codec.setTeamsCall(true);
    codec.tick();
    await vi.waitFor(async () => expect(await teamsCall()).toMatchObject({ kind: 'teams_rooms' }), { timeout: 20_000, interval: 500 });
    codec.setTeamsCall(false);
    codec.tick();
    await vi.waitFor(async () => expect(await teamsCall()).toBeNull(), { timeout: 20_000, interval: 500 });

    // Teams publishes: the room's call (the account by UPN, any case), one of another time, one without the room.
    const now = Date.now();
    const roomCall = record('7a4e1c20-0000-4000-8000-00000000b030', now - 90_000, now, [participant(ROOM_OBJECT_ID, ROOM_UPN, 'Bldg 30 Room Bar')]);
    const earlier = record('7a4e1c20-0000-4000-8000-00000000e001', now - 5 * 3_600_000, now - 4 * 3_600_000, [participant(ROOM_OBJECT_ID, ROOM_UPN, 'Bldg 30 Room Bar')]);
    const otherRoom = record('7a4e1c20-0000-4000-8000-00000000e002', now - 90_000, now, [participant('9b1f0000-0000-4000-8000-000000000777', 'someone@contoso.example', 'Someone')]);
    const seeded = await fetch(`${emulator.url}/_emulator/call-records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records: [roomCall, earlier, otherRoom] }),
    });
    expect(seeded.status).toBe(200);

    const listed = await runAgentProcess(['call-records', 'list', '--since', '24h', '--json', '--data-dir', dataDir, '--config', configFile], env);
    expect(listed.code).toBe(0);
    const view = JSON.parse(listed.stdout) as CallRecordListView;
    const byId = new Map(view.items.map((item) => [item.id, item]));
    expect(byId.get(roomCall.id)?.teamsRoomsCall).toEqual({ roomId: 'b30', roomName: 'Bldg 30 Room Bar' });
    expect(byId.get(earlier.id)).toBeDefined();
    expect(byId.get(earlier.id)?.teamsRoomsCall).toBeUndefined();
    expect(byId.get(otherRoom.id)?.teamsRoomsCall).toBeUndefined();
    // The view carries only what the contract names: the identities matched on stay inside the core.
    expect(listed.stdout).not.toContain('"identities"');

    // The text table marks the same record in its TEAMS ROOMS CALL column, and only that one.
    const text = await runAgentProcess(['call-records', 'list', '--since', '24h', '--data-dir', dataDir, '--config', configFile], env);
    expect(text.code, text.stderr).toBe(0);
    const [header = '', ...rows] = text.stdout.trimEnd().split('\n');
    const column = { from: header.indexOf('TEAMS ROOMS CALL'), to: header.indexOf('VERSION') };
    expect(column.from).toBeGreaterThan(0);
    const marker = (id: string): string | undefined => rows.find((row) => row.endsWith(id))?.slice(column.from, column.to).trim();
    expect(marker(roomCall.id)).toBe('Bldg 30 Room Bar');
    expect(marker(earlier.id)).toBe('-');
    expect(marker(otherRoom.id)).toBe('-');
  }, 60_000);
});

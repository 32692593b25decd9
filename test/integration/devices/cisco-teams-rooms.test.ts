/**
 * A Cisco room in Microsoft Teams Rooms mode (native Teams client): the codec reports `MicrosoftTeams
 * Calling InCall True` with no Call and no MediaChannels. The agent shows the call as a Teams Rooms call
 * (`status --json` call kind `teams_rooms`), over HTTP polling and over the WebSocket, and never reports it:
 * Teams measures its own calls, and logTeleconferenceDeviceQuality is for video-interop calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { startCiscoSimulator } from '../../../electron/sim/cisco-codec';
import { appConfigSchema, type CiscoTransport } from '../../../shared/config/schema';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from '../cli/run-agent';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface StatusDevice {
  state: string;
  call: { kind: string; since: string } | null;
}

describe.each(['http', 'websocket'] as const)('a Cisco codec in Teams Rooms mode (%s)', (transport: CiscoTransport) => {
  it('shows "in a Teams Rooms call", and sends no report for it', async () => {
    const codec = await startCiscoSimulator({ seed: 3, firmware: 'roomos11', productId: 'Cisco Room Bar', password: 'codec-pw', teamsRooms: true, websocket: true, scenario: { calls: [] } });
    cleanups.push(() => codec.close());
    const temp = makeTempDir('vtc-teams-rooms-');
    cleanups.push(temp.cleanup);
    const config = appConfigSchema.parse({
      rooms: [{ id: 'b30', name: 'Bldg 30', devices: [{ id: 'roombar', kind: 'cisco-xapi', url: codec.url, username: 'admin', password: 'codec-pw', allowSelfSigned: true, transport, pollSeconds: 300 }] }],
    });
    const core = await startCore({ dataDir: temp.dir, log: createLogger({ sink: () => undefined }), transport: 'web', version: 'test', ingest: { enabled: false }, managed: { config, managedKeys: ['rooms'] } });
    cleanups.push(() => core.stop({ timeoutMs: 2_000 }));
    const devices = async (): Promise<StatusDevice[]> => {
      await core.parts.collectors.pollAll();
      return (await runAgent(['status', '--data-dir', temp.dir, '--json'])).json<{ devices: StatusDevice[] }>().devices;
    };

    codec.setTeamsCall(true);
    for (let i = 0; i < 3; i += 1) codec.tick();
    const during = await devices();
    expect(during).toEqual([expect.objectContaining({ state: 'online', call: { kind: 'teams_rooms', since: expect.any(String) } })]);
    const text = await runAgent(['status', '--data-dir', temp.dir]);
    expect(text.stdout()).toMatch(/in a Teams Rooms call since .* \(measured by Teams\)/);
    // What the Rooms view reads (getRooms): the device in its Teams Rooms call, and no measured call.
    const [room] = await core.handlers.getRooms();
    expect(room!.devices).toEqual([expect.objectContaining({ deviceId: 'roombar', teamsRoomsCallSince: during[0]!.call!.since })]);
    expect(room!.activeCalls).toEqual([]);

    codec.setTeamsCall(false);
    codec.tick();
    expect((await devices())[0]!.call).toBeNull();
    expect((await core.handlers.getRooms())[0]!.devices[0]!.teamsRoomsCallSince).toBeUndefined();
    await core.stop();
    const reports = await runAgent(['reports', 'list', '--data-dir', temp.dir, '--json']);
    expect(reports.json<{ items: unknown[] }>().items).toEqual([]);
  });
});

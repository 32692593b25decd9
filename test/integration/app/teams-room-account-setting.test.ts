/**
 * rooms[].teamsRoomAccount saved from Settings: kept across a save and a restart over the same data
 * directory (the room's Teams Rooms calls are found in Call records with it), and a value that is neither a
 * UPN nor an object id refused naming the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import type { SettingsView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const start = (dir: string) => startCore({ dataDir: dir, log: createLogger({ sink: () => undefined }), transport: 'web', version: 'test', ingest: { enabled: false } });
const rooms = (teamsRoomAccount: string) => ({ rooms: [{ id: 'b30', name: 'Bldg 30', teamsRoomAccount, devices: [] }] });

describe('rooms[].teamsRoomAccount in Settings', () => {
  it('is saved, shown, kept across a restart; a bad value is refused naming the field', async () => {
    const { dir, cleanup } = makeTempDir('vtc-teams-account-');
    cleanups.push(cleanup);
    const core = await start(dir);
    expect(await core.dispatch('updateSettings', rooms('b30@contoso.example'))).toMatchObject({ ok: true });
    const refused = await core.dispatch('updateSettings', rooms('Bldg 30'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'rooms[0].teamsRoomAccount', message: expect.stringContaining('user principal name') }] } });
    await core.stop();

    const again = await start(dir);
    cleanups.push(() => again.stop());
    const settings = (await again.dispatch('getSettings', undefined)) as { ok: true; value: SettingsView };
    expect(settings.value.rooms).toEqual([expect.objectContaining({ id: 'b30', teamsRoomAccount: 'b30@contoso.example' })]);
  });
});

/**
 * "Try the demo" from the UI of `run --web`: the agent switches its core to the demo (own data directory,
 * emulator, simulated rooms) without a restart, and the transports keep working across the switch.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAgent, type Agent } from '../../../electron/cli/agent';
import { buildContext } from '../../../electron/cli/context';
import type { AppInfoView } from '../../../shared/api/views';
import type { RoomsChange, RoomSnapshot } from '../../../shared/domain/legs';
import { captureIo } from '../../support/cli-io';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Try the demo (startDemo)', () => {
  it('switches a running agent to simulated rooms on its own data directory, and events follow the new core', async () => {
    const { dir, cleanup } = makeTempDir('vtc-try-demo-');
    cleanups.push(cleanup);
    const captured = captureIo();
    const context = buildContext({ 'data-dir': dir }, captured.io);
    const agent: Agent = await startAgent({ context, ingestPort: 0 }, captured.io);
    cleanups.push(() => agent.stop());
    const { host } = agent;

    const before = (await host.dispatch('getAppInfo', undefined)) as { ok: true; value: AppInfoView };
    expect(before.value).toMatchObject({ demo: false, dataDir: dir });
    expect(await host.dispatch('getRooms', undefined)).toEqual({ ok: true, value: [] });

    const roomsSeen = new Promise<RoomsChange['rooms']>((resolve) => {
      const stop = host.subscribe((event, payload) => {
        if (event !== 'roomsChanged' || (payload as RoomsChange).rooms.length === 0) return;
        stop();
        resolve((payload as RoomsChange).rooms);
      });
    });
    const switched = (await host.dispatch('startDemo', undefined)) as { ok: true; value: AppInfoView };
    expect(switched.ok).toBe(true);
    expect(switched.value).toMatchObject({ demo: true, dataDir: join(dir, 'demo') });
    expect((await roomsSeen).length).toBeGreaterThan(0);
    const rooms = (await host.dispatch('getRooms', undefined)) as { ok: true; value: RoomSnapshot[] };
    expect(rooms.value.map((room) => room.roomName)).toEqual(['Boardroom', 'Huddle North', 'Training Room', 'Executive Suite']);
    expect(existsSync(join(dir, 'demo'))).toBe(true);

    // Asking again is harmless: the demo keeps running.
    const again = (await host.dispatch('startDemo', undefined)) as { ok: true; value: AppInfoView };
    expect(again.value.demo).toBe(true);
  }, 30_000);

  it('is refused by a core started alone (no host), with a clear reason', async () => {
    const { dir, cleanup } = makeTempDir('vtc-try-demo-');
    cleanups.push(cleanup);
    const captured = captureIo();
    const context = buildContext({ 'data-dir': dir }, captured.io);
    const agent = await startAgent({ context, ingestPort: 0 }, captured.io);
    cleanups.push(() => agent.stop());
    const refused = (await agent.host.core!.dispatch('startDemo', undefined)) as { ok: false; error: { code: string; message: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('unavailable');
  });
});

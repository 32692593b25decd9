/**
 * The typed host: `call<M>` answers with the method's own response type, and the shell learns what changed
 * from pushed events (settingsChanged, diagnosticsExported), not by watching which method was called:
 * a settings save, a diagnostics export and the switch to the demo each reach a subscriber.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startAgent } from '../../../electron/cli/agent';
import { buildContext } from '../../../electron/cli/context';
import type { AppEventArgs, AppEventName, AppEventSpec } from '../../../shared/api/contract';
import type { CoreHost } from '../../../electron/core/app/host';
import { captureIo } from '../../support/cli-io';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The next push of `event` matching `accept`. */
function nextEvent<E extends AppEventName>(host: CoreHost, event: E, accept: (payload: AppEventSpec[E]) => boolean = () => true): Promise<AppEventSpec[E]> {
  return new Promise((resolve) => {
    const stop = host.subscribe((...pushed: AppEventArgs) => {
      const [name, payload] = pushed;
      if (name !== event) return;
      const typed = payload as AppEventSpec[E];
      if (!accept(typed)) return;
      stop();
      resolve(typed);
    });
  });
}

describe('the core host', () => {
  it('pushes settingsChanged after a save and after the switch to the demo, and diagnosticsExported after an export', async () => {
    const { dir, cleanup } = makeTempDir('vtc-host-events-');
    cleanups.push(cleanup);
    const captured = captureIo();
    const agent = await startAgent({ context: buildContext({ 'data-dir': dir }, captured.io), ingestPort: 0 }, captured.io);
    cleanups.push(() => agent.stop());
    const { host } = agent;

    const saved = nextEvent(host, 'settingsChanged', (settings) => settings.doNotDisturb);
    const answer = await host.call('updateSettings', { doNotDisturb: true });
    expect(answer.ok && answer.value.doNotDisturb).toBe(true);
    expect((await saved).doNotDisturb).toBe(true);

    const exportedEvent = nextEvent(host, 'diagnosticsExported');
    const exported = await host.call('exportDiagnostics', undefined);
    if (!exported.ok) throw new Error(exported.error.message);
    expect(await exportedEvent).toEqual(exported.value);
    expect(existsSync(exported.value.path)).toBe(true);

    // The demo has its own data directory and settings: the shell re-reads what it shows from them.
    const switched = nextEvent(host, 'settingsChanged', (settings) => !settings.doNotDisturb);
    const demo = await host.call('startDemo', undefined);
    expect(demo.ok && demo.value.demo).toBe(true);
    expect((await switched).doNotDisturb).toBe(false);
  }, 30_000);

  it('answers an unknown method from the wire with invalid_input, and a typed call with its typed value', async () => {
    const { dir, cleanup } = makeTempDir('vtc-host-events-');
    cleanups.push(cleanup);
    const captured = captureIo();
    const agent = await startAgent({ context: buildContext({ 'data-dir': dir }, captured.io), ingestPort: 0 }, captured.io);
    cleanups.push(() => agent.stop());

    const unknown = await agent.host.dispatch('dropTables', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const info = await agent.host.call('getAppInfo', undefined);
    expect(info.ok && info.value.dataDir).toBe(dir);
  }, 30_000);
});

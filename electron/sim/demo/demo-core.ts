/**
 * A whole demo installation: the demo world (emulator + simulated rooms), a core on its own data directory
 * configured for it, and the stand-in CVI gateway posting Teams ids through the ingest API. Used by the
 * `demo` command and by "Try the demo" in the app (Electron or web mode).
 */
import { startCore, type Core, type CoreOptions } from '../../core/app/core';
import { startDemoGateway, type DemoGateway } from './gateway';
import { DEMO_MIN_POLL_SECONDS, DEMO_RECORD_RETRY_MS, startDemoWorld, type DemoOptions, type DemoWorld } from './demo';

export interface DemoCore {
  core: Core;
  world: DemoWorld;
  gateway: DemoGateway;
  /** The ingest token the stand-in gateway uses (printed by `demo` as `ingest-token:`). */
  ingestToken: string;
  close(options?: { timeoutMs?: number }): Promise<void>;
}

export async function startDemoCore(options: DemoOptions & { core: Omit<CoreOptions, 'managed' | 'demo'>; ingestPort?: number }): Promise<DemoCore> {
  const world = await startDemoWorld(options);
  let core: Core;
  try {
    core = await startCore({ ...options.core, managed: world.managed, demo: true, ingest: { port: options.ingestPort ?? 0 }, callRecords: { notYetRetryMs: DEMO_RECORD_RETRY_MS }, devices: { minPollSeconds: DEMO_MIN_POLL_SECONDS } });
  } catch (error) {
    await world.close();
    throw error;
  }
  const ingestToken = core.parts.tokens.create(`demo-gateway-${Date.now().toString(36)}`).token;
  const gateway = startDemoGateway({ rooms: world.rooms, ingestUrl: core.ingestUrl!, token: ingestToken, log: options.core.log });
  return {
    core,
    world,
    gateway,
    ingestToken,
    close: async (closeOptions) => {
      gateway.stop();
      await core.stop(closeOptions);
      await world.close();
    },
  };
}

/**
 * The demo (../shared/design/contracts.md `demo`): the built-in Graph + Entra emulator, N simulated rooms (every fourth a
 * Poly codec, the others Cisco), and a configuration that points the core at them. No tenant is needed
 * and nothing leaves the machine.
 *
 * The demo's configuration is given to the core as managed (like a fleet file) for the keys that hold its
 * secrets (credential, rooms, endpoints): the headless agent has no OS keychain to store secrets in. Tenant
 * and client id stay editable, so the Settings view can be tried.
 */
import { startEmulator, type EmulatorHandle } from '../emulator';
import { appConfigSchema, type AppConfig } from '../../../shared/config/schema';
import type { ManagedConfig } from '../../core/config/load';
import { startDemoRooms, type DemoRoom } from './rooms';
import { DEMO_DEFAULTS } from './defaults';

export interface DemoOptions {
  rooms: number;
  seed: number;
  /** Real time per simulated 5-second codec interval (default 1,000: a two-minute call lasts about 24 s). */
  tickMs?: number;
  pollSeconds?: number;
  /** Emulator port (0 = free port). */
  emulatorPort?: number;
}

export interface DemoWorld {
  emulator: EmulatorHandle;
  rooms: DemoRoom[];
  managed: ManagedConfig;
  close(): Promise<void>;
}

/** How long after a report the emulator publishes its callRecord, and how soon the core looks again. */
export const DEMO_RECORD_DELAY_MS = 3_000;
export const DEMO_RECORD_RETRY_MS = 4_000;
/** The demo's codecs run a 5 s statistics interval in about a second: polling may follow them. */
export const DEMO_MIN_POLL_SECONDS = 1;

export const DEMO_MANAGED_KEYS = ['credential', 'rooms', 'endpoints'];

export function demoConfig(emulator: Pick<EmulatorHandle, 'url' | 'tenantId' | 'clientId' | 'clientSecret'>, rooms: readonly DemoRoom[]): AppConfig {
  return appConfigSchema.parse({
    cloud: 'global',
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    credential: { type: 'secret', secret: emulator.clientSecret },
    endpoints: { graph: emulator.url, login: emulator.url },
    rooms: rooms.map((room) => room.config),
  });
}

export async function startDemoWorld(options: DemoOptions): Promise<DemoWorld> {
  if (!Number.isInteger(options.rooms) || options.rooms < 1 || options.rooms > 64) throw new RangeError('rooms must be an integer from 1 to 64');
  // Teams publishes a call's record a little after it ends: the emulator does the same for each report.
  const emulator = await startEmulator({ port: options.emulatorPort ?? 0, seed: options.seed, publishCallRecordsFromReports: { delayMs: DEMO_RECORD_DELAY_MS } });
  let rooms: DemoRoom[];
  try {
    rooms = await startDemoRooms({ count: options.rooms, seed: options.seed, tickMs: options.tickMs ?? DEMO_DEFAULTS.tickMs, pollSeconds: options.pollSeconds ?? 1 });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return {
    emulator,
    rooms,
    managed: { config: demoConfig(emulator, rooms), managedKeys: DEMO_MANAGED_KEYS },
    close: async () => {
      await Promise.all(rooms.map((room) => room.simulator.close()));
      await emulator.close();
    },
  };
}

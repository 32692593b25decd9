/**
 * The real thing end to end: the emulator (Graph + Entra), the real token provider and Graph client, a
 * real outbox on a temp database, and the sync worker. The worker's clock is real unless a test passes
 * its own (FakeClock) for long waits; `random` is pinned so backoff is 0 ms and nothing sleeps.
 */
import { createTokenProvider } from '../../../electron/core/auth/index';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../electron/sim/emulator/index';
import { createGraphClient, type GraphClient } from '../../../electron/core/graph/client';
import { createOutbox, type Outbox } from '../../../electron/core/outbox/index';
import { createSyncWorker, type AttemptEvent, type SyncWorker, type SyncWorkerOptions } from '../../../electron/core/sync/index';
import { tempDb, type TempDb } from '../../unit/outbox/support/temp-db';

export interface Rig {
  emulator: EmulatorHandle;
  client: GraphClient;
  temp: TempDb;
  outbox: Outbox;
  worker: SyncWorker;
  attempts: AttemptEvent[];
  /** Milliseconds added to the emulator's clock (token expiry without waiting). */
  emulatorSkewMs: number;
  /** Resolves once `count` attempts have the outcome (counted since the worker was made). */
  waitFor(outcome: AttemptEvent['outcome'], count: number, timeoutMs?: number): Promise<AttemptEvent[]>;
  close(): Promise<void>;
}

export interface RigOptions {
  emulator?: Omit<EmulatorOptions, 'now'>;
  clientTimeoutMs?: number;
  worker?: Partial<SyncWorkerOptions>;
  /** The clock for the outbox and the worker (default Date.now). */
  now?: () => number;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const rig = { emulatorSkewMs: 0 } as Rig;
  rig.emulator = await startEmulator({ port: 0, ...options.emulator, now: () => Date.now() + rig.emulatorSkewMs });
  const tokenProvider = createTokenProvider({
    cloud: 'global',
    tenantId: rig.emulator.tenantId,
    clientId: rig.emulator.clientId,
    credential: { type: 'secret', secret: rig.emulator.clientSecret },
    endpoints: { login: rig.emulator.url },
  });
  rig.client = createGraphClient({ graphBaseUrl: rig.emulator.url, tokenProvider, timeoutMs: options.clientTimeoutMs ?? 5_000 });
  rig.temp = tempDb();
  const now = options.now ?? Date.now;
  rig.outbox = createOutbox(rig.temp.db, { now });
  rig.worker = createSyncWorker({ outbox: rig.outbox, sender: rig.client, now, random: () => 0, ...options.worker });
  rig.attempts = [];
  const waiters = new Set<() => void>();
  rig.worker.on('attempt', (event) => {
    rig.attempts.push(event);
    for (const wake of [...waiters]) wake();
  });
  rig.waitFor = (outcome, count, timeoutMs = 15_000) =>
    new Promise((resolve, reject) => {
      const matching = () => rig.attempts.filter((a) => a.outcome === outcome);
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${count} '${outcome}' attempts; saw ${JSON.stringify(rig.attempts)}`));
      }, timeoutMs);
      const check = () => {
        if (matching().length < count) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(matching());
      };
      waiters.add(check);
      check();
    });
  rig.close = async () => {
    await rig.worker.stop({ timeoutMs: 1_000 });
    await rig.emulator.close();
    rig.temp.cleanup();
  };
  return rig;
}

/** The emulator's received bodies for one report (matched on mediaLegId). */
export function receivedFor(rig: Rig, mediaLegId: string): { clientRequestId?: string }[] {
  return rig.emulator.received().filter((r) => (r.body as { quality: { mediaLegId: string } }).quality.mediaLegId === mediaLegId);
}

/**
 * The call-records service on real parts: the emulator (Graph + Entra) on 127.0.0.1, the real MSAL token
 * provider and Graph client, a real SQLite database in a temp directory, the real outbox. The service's
 * clock is real plus `skewMs`, so a test can jump past a Retry-After or 30 days without waiting.
 */
import { createTokenProvider, type TokenProvider } from '../../../electron/core/auth/index';
import { toReportDetailView } from '../../../electron/core/app/report-views';
import { createCallRecordsService, type CallRecordsService, type CallRecordsServiceOptions } from '../../../electron/core/callrecords/index';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../electron/sim/emulator/index';
import { createGraphClient, type GraphClient } from '../../../electron/core/graph/client';
import { silentLogger } from '../../../electron/core/log/logger';
import { createOutbox, type Outbox } from '../../../electron/core/outbox/index';
import { makeTempDir } from '../../support/temp-dir';

export interface CallRecordsRig {
  emulator: EmulatorHandle;
  provider: TokenProvider;
  client: GraphClient;
  db: Db;
  dataDir: string;
  outbox: Outbox;
  service: CallRecordsService;
  /** Added to the service's (and, with `shareClock`, the emulator's) clock. */
  skewMs: number;
  /** Every id the service reported as changed, in order. */
  changed: string[];
  /** Resolves once the service reports `id` (any case) as changed. */
  changeOf(id: string, timeoutMs?: number): Promise<void>;
  requests(route: 'callRecords.list' | 'callRecords.get' | 'callRecords.sessions'): number;
  close(): Promise<void>;
}

export interface CallRecordsRigOptions {
  emulator?: Omit<EmulatorOptions, 'now'>;
  /** The emulator's clock follows the rig's skew too (retention, tokens). */
  shareClock?: boolean;
  service?: Partial<CallRecordsServiceOptions>;
}

export async function startCallRecordsRig(options: CallRecordsRigOptions = {}): Promise<CallRecordsRig> {
  const rig = { skewMs: 0, changed: [] as string[] } as CallRecordsRig;
  const now = (): number => Date.now() + rig.skewMs;
  rig.emulator = await startEmulator({ port: 0, seed: 21, ...options.emulator, ...(options.shareClock ? { now } : {}) });
  rig.provider = createTokenProvider({
    cloud: 'global',
    tenantId: rig.emulator.tenantId,
    clientId: rig.emulator.clientId,
    credential: { type: 'secret', secret: rig.emulator.clientSecret },
    endpoints: { login: rig.emulator.url },
  });
  rig.client = createGraphClient({ graphBaseUrl: rig.emulator.url, tokenProvider: rig.provider, timeoutMs: 5_000 });
  const temp = makeTempDir('vtc-callrecords-');
  rig.dataDir = temp.dir;
  rig.db = openDatabase(temp.dir);
  rig.outbox = createOutbox(rig.db, { now });
  const waiters = new Set<() => void>();
  rig.service = createCallRecordsService({
    db: rig.db,
    getApi: () => rig.client,
    cloud: 'global',
    log: silentLogger(),
    outbox: rig.outbox,
    toReportView: toReportDetailView,
    onChanged: (ids) => {
      rig.changed.push(...ids);
      for (const wake of [...waiters]) wake();
    },
    renewToken: () => rig.provider.getToken({ forceRefresh: true }),
    now,
    ...options.service,
  });
  rig.changeOf = (id, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const seen = () => rig.changed.some((changed) => changed.toLowerCase() === id.toLowerCase());
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no change reported for ${id}; saw ${JSON.stringify(rig.changed)}`));
      }, timeoutMs);
      const check = () => {
        if (!seen()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  rig.requests = (route) => rig.emulator.stats().requests[route];
  let closed = false;
  rig.close = async () => {
    if (closed) return;
    closed = true;
    await rig.service.stop();
    await rig.emulator.close().catch(() => undefined); // a test may have closed it to cut the network
    rig.db.close();
    temp.cleanup();
  };
  return rig;
}

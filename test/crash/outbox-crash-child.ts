/**
 * The process the crash test kills (outbox-crash.test.ts): the agent's outbox and sync worker on a data
 * directory, sending to the emulator, while it enqueues numbered reports as fast as it can. After each
 * enqueue has returned (committed), it prints `enqueued <n> <id> <mediaLegId>` with a synchronous write,
 * so every printed line is a report the outbox promised to keep. It never exits by itself.
 *   node --import tsx test/crash/outbox-crash-child.ts '<json ChildArgs>'
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';
import { createTokenProvider } from '../../electron/core/auth/index';
import { openDatabase } from '../../electron/core/db/database';
import { createGraphClient } from '../../electron/core/graph/client';
import { createOutbox } from '../../electron/core/outbox/index';
import { createSyncWorker } from '../../electron/core/sync/index';
import type { TeleconferenceDeviceQuality } from '../../shared/graph/quality';

export interface ChildArgs {
  dataDir: string;
  emulatorUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  lane: number;
  firstNumber: number;
  /** test/fixtures/seed-quality-body.json (passed in: the child may run from a bundle elsewhere). */
  seedBodyPath: string;
}

const args = JSON.parse(process.argv[2] ?? '') as ChildArgs;
const seed = (JSON.parse(readFileSync(args.seedBodyPath, 'utf8')) as { quality: TeleconferenceDeviceQuality }).quality;

const db = openDatabase(args.dataDir, { synchronous: 'FULL' });
const outbox = createOutbox(db);
const tokenProvider = createTokenProvider({
  cloud: 'global',
  tenantId: args.tenantId,
  clientId: args.clientId,
  credential: { type: 'secret', secret: args.clientSecret },
  endpoints: { login: args.emulatorUrl },
});
const sender = createGraphClient({ graphBaseUrl: args.emulatorUrl, tokenProvider, timeoutMs: 5_000 });
const worker = createSyncWorker({ outbox, sender, now: Date.now, random: Math.random, concurrency: 4 });
worker.start();
writeSync(1, 'ready\n');

let number = args.firstNumber;
function enqueueNext(): void {
  const body: TeleconferenceDeviceQuality = {
    ...seed,
    callChainId: randomUUID(),
    participantId: randomUUID(),
    mediaLegId: randomUUID(),
    deviceDescription: `crash-${args.lane}-${number}`,
  };
  const { id } = outbox.enqueue({ body, source: 'device' });
  writeSync(1, `enqueued ${number} ${id} ${body.mediaLegId}\n`);
  number += 1;
  worker.notify('enqueued');
  // Yield to the event loop so requests and their answers interleave with enqueues.
  setImmediate(enqueueNext);
}
enqueueNext();

/** A sync worker over a temp outbox, a FakeSender and the FakeClock: every step is driven by the test. */
import { createSyncWorker, type SyncEvents, type SyncWorker, type SyncWorkerOptions } from '../../../../electron/core/sync/index';
import { FakeSender } from './fake-sender';
import { outboxFixture, type OutboxFixture } from './outbox';
import { completeQuality } from './quality';

export interface WorkerFixture extends OutboxFixture {
  sender: FakeSender;
  worker: SyncWorker;
  /** What random() returns (the jitter draw). */
  randomValue: number;
  attempts: SyncEvents['attempt'][];
  enqueue(count: number): string[];
  /** Stops the worker at once (in-flight → pending) and removes the database: for afterEach. */
  teardown(): Promise<void>;
}

export function workerFixture(options: Partial<SyncWorkerOptions> = {}): WorkerFixture {
  const base = outboxFixture();
  const sender = new FakeSender();
  const fixture: WorkerFixture = Object.assign(base, {
    sender,
    randomValue: 0.5,
    attempts: [] as SyncEvents['attempt'][],
    worker: undefined as unknown as SyncWorker,
    async teardown(): Promise<void> {
      const stopped = fixture.worker.stop({ timeoutMs: 0 });
      await base.clock.advance(0);
      await stopped;
      base.temp.cleanup();
    },
    enqueue(count: number): string[] {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        ids.push(base.outbox.enqueue({ body: completeQuality(`n${i}`), source: 'ingest' }).id);
        base.clock.nowMs += 1;
      }
      return ids;
    },
  });
  fixture.worker = createSyncWorker({
    outbox: base.outbox,
    sender,
    now: base.clock.now,
    random: () => fixture.randomValue,
    timers: base.clock,
    ...options,
  });
  fixture.worker.on('attempt', (event) => fixture.attempts.push(event));
  return fixture;
}

/** An outbox over a fresh temp database, with a hand-driven clock and readable ids. */
import { createOutbox, type Outbox, type OutboxLimits } from '../../../../electron/core/outbox/index';
import { FakeClock } from './fake-clock';
import { tempDb, type TempDb } from './temp-db';

export interface OutboxFixture {
  clock: FakeClock;
  temp: TempDb;
  outbox: Outbox;
  /** A new Outbox over a reopened connection (as after a restart). */
  reopen(): Outbox;
}

export function outboxFixture(limits: Partial<OutboxLimits> = {}): OutboxFixture {
  const clock = new FakeClock();
  const temp = tempDb({ synchronous: 'NORMAL' });
  const make = (): Outbox => createOutbox(temp.db, { now: clock.now, limits });
  const fixture: OutboxFixture = {
    clock,
    temp,
    outbox: make(),
    reopen() {
      temp.reopen();
      fixture.outbox = make();
      return fixture.outbox;
    },
  };
  return fixture;
}

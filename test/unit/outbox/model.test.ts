/**
 * Model-based test of the outbox: random sequences of enqueue / send ok / send retryable /
 * send permanent / crash and reopen / resubmit / discard / expire / attach against a plain in-memory model.
 * After every command the real outbox must agree with the model on every report's state and attempt count.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, type Outbox, type ReportState } from '../../../electron/core/outbox/index';
import { completeQuality, draftQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

interface ModelReport {
  state: ReportState;
  hasIds: boolean;
  attempts: number;
  nextAtMs?: number;
  submittedAtMs: number;
  createdAtMs: number;
}

interface Model {
  reports: Map<string, ModelReport>;
  order: string[];
}

interface Real {
  f: OutboxFixture;
  outbox: Outbox;
}

type Cmd = fc.Command<Model, Real>;
const MAX_AGE_MS = 7 * DAY_MS;

function idsIn(model: Model, states: ReportState[]): string[] {
  return model.order.filter((id) => states.includes(model.reports.get(id)!.state));
}

function dueFor(model: Model, nowMs: number): string[] {
  return idsIn(model, ['pending']).filter((id) => model.reports.get(id)!.nextAtMs! <= nowMs);
}

function agree(model: Model, real: Real): void {
  const counts = real.outbox.stats().counts;
  for (const state of ['needs_context', 'pending', 'in_flight', 'sent', 'failed', 'discarded'] as const) {
    expect(counts[state], state).toBe(idsIn(model, [state]).length);
  }
  for (const [id, expected] of model.reports) {
    const actual = real.outbox.get(id)!;
    expect(actual.state, id).toBe(expected.state);
    expect(actual.attemptCount, id).toBe(expected.attempts);
    if (expected.state === 'pending') expect(actual.nextAttemptAtMs).toBe(expected.nextAtMs);
  }
  expect(real.f.temp.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/** Claims one due report and checks it is one the model says is due, earliest first. */
function claimOne(model: Model, real: Real): { id: string; ref: { id: string; attemptId: number } } | undefined {
  const nowMs = real.f.clock.nowMs;
  const [claim] = real.outbox.claimDue(1, nowMs);
  const due = dueFor(model, nowMs);
  if (!claim) {
    expect(due).toEqual([]);
    return undefined;
  }
  expect(due).toContain(claim.id);
  const earliest = Math.min(...due.map((id) => model.reports.get(id)!.nextAtMs!));
  expect(model.reports.get(claim.id)!.nextAtMs).toBe(earliest);
  model.reports.get(claim.id)!.attempts += 1;
  return { id: claim.id, ref: claim };
}

const failure = { kind: 'http' as const, code: 'x', message: 'x', durationMs: 1 };

class Enqueue implements Cmd {
  constructor(readonly complete: boolean) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const body = this.complete ? completeQuality() : draftQuality();
    const { id, state } = real.outbox.enqueue({ body, source: 'device' });
    const nowMs = real.f.clock.nowMs;
    model.reports.set(id, { state, hasIds: this.complete, attempts: 0, nextAtMs: this.complete ? nowMs : undefined, submittedAtMs: nowMs, createdAtMs: nowMs });
    model.order.push(id);
    agree(model, real);
  }
  toString = () => `enqueue(${this.complete ? 'complete' : 'draft'})`;
}

class Send implements Cmd {
  constructor(
    readonly outcome: 'ok' | 'retryable' | 'permanent',
    readonly delayMs: number,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const claimed = claimOne(model, real);
    if (claimed) {
      const report = model.reports.get(claimed.id)!;
      if (this.outcome === 'ok') {
        expect(real.outbox.markSent(claimed.ref, { status: 200, durationMs: 1 })).toBe(true);
        report.state = 'sent';
      } else if (this.outcome === 'retryable') {
        expect(real.outbox.markRetry(claimed.ref, real.f.clock.nowMs + this.delayMs, { ...failure, status: 503 })).toBe(true);
        report.state = 'pending';
        report.nextAtMs = real.f.clock.nowMs + this.delayMs;
      } else {
        expect(real.outbox.markFailed(claimed.ref, { ...failure, status: 400 })).toBe(true);
        report.state = 'failed';
      }
    }
    agree(model, real);
  }
  toString = () => `send(${this.outcome}, ${this.delayMs})`;
}

class CrashAndReopen implements Cmd {
  constructor(readonly inFlight: number) {}
  check = () => true;
  /** Claims up to `inFlight` reports (requests on the wire), then the process dies and starts again. */
  run(model: Model, real: Real): void {
    const claimed: string[] = [];
    for (let i = 0; i < this.inFlight; i += 1) {
      const claim = claimOne(model, real);
      if (!claim) break;
      model.reports.get(claim.id)!.state = 'in_flight';
      claimed.push(claim.id);
    }
    agree(model, real);
    real.outbox = real.f.reopen();
    // Recovered reports are pending again, in their old place in the queue.
    expect(real.outbox.recoverInFlight()).toBe(claimed.length);
    for (const id of claimed) model.reports.get(id)!.state = 'pending';
    agree(model, real);
  }
  toString = () => `crash(in flight: ${this.inFlight})`;
}

class Resubmit implements Cmd {
  constructor(readonly pick: number | 'all') {}
  check = () => true;
  run(model: Model, real: Real): void {
    const failed = idsIn(model, ['failed']);
    const nowMs = real.f.clock.nowMs;
    const targets = this.pick === 'all' ? failed : failed.length > 0 ? [failed[this.pick % failed.length]!] : [];
    const result = this.pick === 'all' ? real.outbox.resubmit({ allFailed: true }) : real.outbox.resubmit({ ids: targets });
    expect(result.changed.sort()).toEqual([...targets].sort());
    for (const id of targets) {
      const r = model.reports.get(id)!;
      r.state = r.hasIds ? 'pending' : 'needs_context';
      r.attempts = 0;
      r.nextAtMs = r.hasIds ? nowMs : undefined;
      r.submittedAtMs = nowMs;
    }
    agree(model, real);
  }
  toString = () => `resubmit(${this.pick})`;
}

class Discard implements Cmd {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.order.length > 0;
  run(model: Model, real: Real): void {
    const id = model.order[this.pick % model.order.length]!;
    const r = model.reports.get(id)!;
    const result = real.outbox.discard([id], 'model test');
    const discardable = ['needs_context', 'pending', 'failed'].includes(r.state);
    expect(result.changed).toEqual(discardable ? [id] : []);
    if (discardable) r.state = 'discarded';
    agree(model, real);
  }
  toString = () => `discard(${this.pick})`;
}

class Attach implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const waiting = idsIn(model, ['needs_context']);
    const id = waiting.length > 0 ? waiting[this.pick % waiting.length]! : randomUUID();
    const result = real.outbox.attachContext({ ids: [id] }, { callChainId: randomUUID(), participantId: randomUUID() });
    const r = model.reports.get(id);
    expect(result.changed).toEqual(r ? [id] : []);
    if (r) Object.assign(r, { state: 'pending', hasIds: true, nextAtMs: real.f.clock.nowMs });
    agree(model, real);
  }
  toString = () => `attach(${this.pick})`;
}

class AdvanceAndExpire implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    real.f.clock.nowMs += this.ms;
    const nowMs = real.f.clock.nowMs;
    const expected = idsIn(model, ['needs_context', 'pending']).filter((id) => model.reports.get(id)!.submittedAtMs < nowMs - MAX_AGE_MS);
    expect(real.outbox.expire().sort()).toEqual([...expected].sort());
    for (const id of expected) model.reports.get(id)!.state = 'failed';
    agree(model, real);
  }
  toString = () => `advance+expire(${this.ms})`;
}

const commands = [
  fc.boolean().map((complete) => new Enqueue(complete)),
  fc.constantFrom('ok', 'retryable', 'permanent').chain((outcome) => fc.integer({ min: 0, max: 3_600_000 }).map((delay) => new Send(outcome as 'ok', delay))),
  fc.integer({ min: 0, max: 3 }).map((n) => new CrashAndReopen(n)),
  fc.oneof(fc.nat(), fc.constant('all' as const)).map((pick) => new Resubmit(pick)),
  fc.nat().map((pick) => new Discard(pick)),
  fc.nat().map((pick) => new Attach(pick)),
  fc.oneof(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: DAY_MS, max: 8 * DAY_MS })).map((ms) => new AdvanceAndExpire(ms)),
];

describe('outbox against a model', () => {
  it('agrees with the model after any sequence of commands', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const f = outboxFixture();
        try {
          fc.modelRun(() => ({ model: { reports: new Map(), order: [] }, real: { f, outbox: f.outbox } }), cmds);
        } finally {
          f.temp.cleanup();
        }
      }),
      { numRuns: 150 },
    );
  });
});

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxInputError } from '../../../electron/core/outbox/index';
import { completeQuality, draftQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

const teams = { callChainId: randomUUID(), participantId: randomUUID() };

describe('operator actions', () => {
  let f: OutboxFixture;
  beforeEach(() => {
    f = outboxFixture();
  });
  afterEach(() => f.temp.cleanup());

  function failedReport(): string {
    const { id } = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markFailed(claim!, { kind: 'http', status: 400, code: 'BadRequest', message: 'bad', durationMs: 1 });
    return id;
  }

  function actions(): { action: string; report_ids_json: string; reason: string | null; actor: string }[] {
    return f.temp.db.prepare('SELECT action, report_ids_json, reason, actor FROM operator_actions ORDER BY id').all() as never;
  }

  it('resubmit: failed → pending, due now, attempts reset, action recorded', () => {
    const id = failedReport();
    f.clock.nowMs += 60_000;
    const result = f.outbox.resubmit({ ids: [id, 'nope'] }, 'alice');
    expect(result.changed).toEqual([id]);
    expect(result.skipped).toEqual([{ id: 'nope', reason: 'no such report' }]);
    expect(f.outbox.get(id)).toMatchObject({ state: 'pending', attemptCount: 0, nextAttemptAtMs: f.clock.nowMs });
    expect(f.outbox.get(id)!.failedReason).toBeUndefined();
    // the history of attempts is kept for audit
    expect(f.outbox.get(id)!.attempts).toHaveLength(1);
    expect(actions()).toEqual([{ action: 'resubmit', report_ids_json: JSON.stringify([id]), reason: null, actor: 'alice' }]);
  });

  it('attempt numbers go on across resubmits, and the report shows who resubmitted and discarded, when and why', () => {
    const id = failedReport();
    f.clock.nowMs += 60_000;
    const resubmittedAt = f.clock.nowMs;
    f.outbox.resubmit({ ids: [id] }, 'alice');
    const [second] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markFailed(second!, { kind: 'http', status: 400, code: 'BadRequest', message: 'bad again', durationMs: 1 });
    f.outbox.resubmit({ ids: [id] }, 'cli');
    const [third] = f.outbox.claimDue(1, f.clock.nowMs);
    f.outbox.markFailed(third!, { kind: 'http', status: 400, code: 'BadRequest', message: 'bad once more', durationMs: 1 });
    f.outbox.discard([id], 'the codec clock was wrong', 'bob');
    const report = f.outbox.get(id)!;
    expect(report.attempts.map((attempt) => attempt.attemptNo)).toEqual([1, 2, 3]);
    // The retry budget restarts with each submission: this one is its first attempt.
    expect(third!.attemptNo).toBe(1);
    expect(report.operatorActions).toEqual([
      { atMs: resubmittedAt, action: 'resubmit', actor: 'alice' },
      { atMs: resubmittedAt, action: 'resubmit', actor: 'cli' },
      { atMs: resubmittedAt, action: 'discard', actor: 'bob', reason: 'the codec clock was wrong' },
    ]);
    // Another report's actions are not this one's.
    expect(f.outbox.get(failedReport())!.operatorActions).toEqual([]);
  });

  it('resubmit skips reports that are not failed, saying why', () => {
    const { id } = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    expect(f.outbox.resubmit({ ids: [id] }).skipped).toEqual([{ id, reason: 'is pending, not failed' }]);
    expect(actions()).toEqual([]);
  });

  it('resubmit all failed', () => {
    const a = failedReport();
    const b = failedReport();
    const result = f.outbox.resubmit({ allFailed: true });
    expect(result.changed.sort()).toEqual([a, b].sort());
    expect(f.outbox.stats().counts).toMatchObject({ failed: 0, pending: 2 });
  });

  it('resubmit of an expired report without Teams ids goes back to needs_context', () => {
    const { id } = f.outbox.enqueue({ body: draftQuality(), source: 'device' });
    f.clock.nowMs += f.outbox.limits.maxAgeMs + 1;
    expect(f.outbox.expire()).toEqual([id]);
    f.outbox.resubmit({ ids: [id] });
    expect(f.outbox.get(id)!.state).toBe('needs_context');
  });

  it('discard: needs_context / pending / failed → discarded with the reason; in_flight and sent are skipped', () => {
    const waiting = f.outbox.enqueue({ body: draftQuality(), source: 'device' }).id;
    const failed = failedReport();
    const flying = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' }).id;
    f.outbox.claimDue(1, f.clock.nowMs);
    const result = f.outbox.discard([waiting, failed, flying], 'test call, not real', 'bob');
    expect(result.changed).toEqual([waiting, failed]);
    expect(result.skipped).toEqual([{ id: flying, reason: 'is in_flight, not needs_context, pending, failed' }]);
    expect(f.outbox.get(waiting)).toMatchObject({ state: 'discarded', discardReason: 'test call, not real', discardedAtMs: f.clock.nowMs });
    expect(actions()[0]).toMatchObject({ action: 'discard', reason: 'test call, not real', actor: 'bob' });
  });

  it('discard needs a reason', () => {
    const id = failedReport();
    expect(() => f.outbox.discard([id], '  ')).toThrow(OutboxInputError);
    expect(f.outbox.get(id)!.state).toBe('failed');
  });

  it('attachContext by ids fills the Teams ids into the body, keeps the mediaLegId, → pending', () => {
    const { id } = f.outbox.enqueue({ body: draftQuality(), source: 'device' });
    const legId = f.outbox.get(id)!.mediaLegId;
    const result = f.outbox.attachContext({ ids: [id] }, teams, 'carol');
    expect(result.changed).toEqual([id]);
    const detail = f.outbox.get(id)!;
    expect(detail).toMatchObject({ state: 'pending', ...teams, mediaLegId: legId, nextAttemptAtMs: f.clock.nowMs });
    expect(detail.body).toMatchObject({ ...teams, mediaLegId: legId });
    const [claim] = f.outbox.claimDue(1, f.clock.nowMs);
    expect(claim!.body).toMatchObject(teams);
  });

  it('attachContext assigns a mediaLegId when the stored body has none', () => {
    const { id } = f.outbox.enqueue({ body: draftQuality(), source: 'device' });
    // A body written by an older version without a mediaLegId.
    f.temp.db.prepare("UPDATE reports SET body_json = json_remove(body_json, '$.mediaLegId'), media_leg_id = NULL WHERE id = ?").run(id);
    f.outbox.attachContext({ ids: [id] }, teams);
    expect(f.outbox.get(id)!.mediaLegId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('attachContext by device call matches only that call, only needs_context', () => {
    const match = f.outbox.enqueue({ body: draftQuality(), source: 'device', deviceId: 'd1', deviceCallId: '3' }).id;
    f.outbox.enqueue({ body: draftQuality(), source: 'device', deviceId: 'd1', deviceCallId: '4' });
    f.outbox.enqueue({ body: draftQuality(), source: 'device', deviceId: 'd2', deviceCallId: '3' });
    expect(f.outbox.attachContext({ deviceId: 'd1', deviceCallId: '3' }, teams).changed).toEqual([match]);
    expect(f.outbox.attachContext({ deviceId: 'd1', deviceCallId: '3' }, teams).changed).toEqual([]);
  });

  it('attachContext by room and time window matches calls that overlap it', () => {
    const t0 = f.clock.nowMs;
    const inside = f.outbox.enqueue({ body: draftQuality(), source: 'device', roomId: 'r1', callStartedAtMs: t0 - 60_000, callEndedAtMs: t0 - 1_000 }).id;
    f.outbox.enqueue({ body: draftQuality(), source: 'device', roomId: 'r1', callStartedAtMs: t0 - 600_000, callEndedAtMs: t0 - 300_000 });
    f.outbox.enqueue({ body: draftQuality(), source: 'device', roomId: 'r2', callStartedAtMs: t0 - 60_000, callEndedAtMs: t0 - 1_000 });
    expect(f.outbox.attachContext({ roomId: 'r1', fromMs: t0 - 30_000, toMs: t0 - 30_000 }, teams).changed).toEqual([inside]);
    expect(() => f.outbox.attachContext({ fromMs: 0, toMs: 1 }, teams)).toThrow(OutboxInputError);
  });

  it('attachContext refuses ids that are not GUIDs and changes nothing', () => {
    const { id } = f.outbox.enqueue({ body: draftQuality(), source: 'device' });
    expect(() => f.outbox.attachContext({ ids: [id] }, { callChainId: 'x', participantId: teams.participantId })).toThrow(/callChainId must be a GUID/);
    expect(f.outbox.get(id)!.state).toBe('needs_context');
  });
});

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../../electron/core/db/database';
import { OutboxFullError } from '../../../electron/core/outbox/index';
import { completeQuality, draftQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

describe('outbox enqueue', () => {
  let f: OutboxFixture;
  beforeEach(() => {
    f = outboxFixture();
  });
  afterEach(() => f.temp.cleanup());

  it('stores a complete report as pending, due now, with its exact body', () => {
    const body = completeQuality('room 1');
    const result = f.outbox.enqueue({ body, source: 'ingest', roomId: 'r1', deviceId: 'd1' });
    expect(result).toMatchObject({ state: 'pending', overLimit: false });
    const detail = f.outbox.get(result.id)!;
    expect(detail.body).toEqual(body);
    expect(detail).toMatchObject({
      state: 'pending',
      roomId: 'r1',
      deviceId: 'd1',
      callChainId: body.callChainId,
      participantId: body.participantId,
      mediaLegId: body.mediaLegId,
      attemptCount: 0,
      nextAttemptAtMs: f.clock.nowMs,
      createdAtMs: f.clock.nowMs,
    });
  });

  it('keeps a report without Teams ids as needs_context, not due, with a mediaLegId of its own', () => {
    const result = f.outbox.enqueue({ body: draftQuality(), source: 'device', deviceId: 'd1', deviceCallId: '7' });
    expect(result.state).toBe('needs_context');
    const detail = f.outbox.get(result.id)!;
    expect(detail.nextAttemptAtMs).toBeUndefined();
    expect(detail.mediaLegId).toMatch(/^[0-9a-f-]{36}$/);
    expect((detail.body as { mediaLegId?: string }).mediaLegId).toBe(detail.mediaLegId);
    expect(f.outbox.claimDue(10)).toEqual([]);
  });

  it('assigns the mediaLegId when only it is missing, and then the report is complete', () => {
    const { mediaLegId: _m, ...body } = completeQuality();
    expect(f.outbox.enqueue({ body, source: 'ingest' }).state).toBe('pending');
  });

  it('has committed when it returns: another connection sees the row at once', () => {
    const { id } = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    const other = new Database(databasePath(f.temp.dir), { readonly: true });
    try {
      expect(other.prepare('SELECT state FROM reports WHERE id = ?').get(id)).toEqual({ state: 'pending' });
    } finally {
      other.close();
    }
  });

  it('counts rows and bytes per state through the stats table', () => {
    f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    f.outbox.enqueue({ body: draftQuality(), source: 'ingest' });
    const stats = f.outbox.stats();
    expect(stats.counts).toMatchObject({ pending: 1, needs_context: 1, sent: 0 });
    expect(stats.unsentRows).toBe(2);
    expect(stats.unsentBytes).toBeGreaterThan(2_000);
    expect(stats.oldestWaitingAgeMs).toBe(0);
  });
});

describe('outbox bounds', () => {
  let f: OutboxFixture;
  afterEach(() => f.temp.cleanup());

  it('refuses ingest reports above the row bound with a typed error, and keeps device reports', () => {
    f = outboxFixture({ maxUnsentRows: 2 });
    f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    let refused: unknown;
    try {
      f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(OutboxFullError);
    expect(refused).toMatchObject({ code: 'outbox_full', unsentRows: 2, maxUnsentRows: 2 });
    expect((refused as Error).message).toMatch(/outbox is full/);
    expect(f.outbox.stats().counts.pending).toBe(2);

    const kept = f.outbox.enqueue({ body: completeQuality(), source: 'device' });
    expect(kept).toMatchObject({ state: 'pending', overLimit: true });
    expect(f.outbox.stats()).toMatchObject({ unsentRows: 3, full: true });
  });

  it('refuses above the byte bound', () => {
    f = outboxFixture({ maxUnsentBytes: 5_000 });
    f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    expect(() => f.outbox.enqueue({ body: completeQuality(), source: 'ingest' })).toThrow(OutboxFullError);
  });

  it('counts failed reports against the bound but not sent or discarded ones', () => {
    f = outboxFixture({ maxUnsentRows: 1 });
    const { id } = f.outbox.enqueue({ body: completeQuality(), source: 'ingest' });
    f.outbox.discard([id], 'test');
    expect(f.outbox.enqueue({ body: completeQuality(), source: 'ingest' }).overLimit).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateReportError } from '../../../electron/core/outbox/index';
import { draftQuality } from './support/quality';
import { outboxFixture, type OutboxFixture } from './support/outbox';

const LEG = '5d2c9a1e-0000-4000-8000-00000000abcd';
const TEAMS = { callChainId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce', participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6' };

describe('outbox: posted reports are idempotent on mediaLegId', () => {
  let f: OutboxFixture;
  beforeEach(() => {
    f = outboxFixture();
  });
  afterEach(() => f.temp.cleanup());

  it('the same body again returns the stored report, also after the Teams ids were attached; another body is refused', () => {
    const body = { ...draftQuality('room 1'), mediaLegId: LEG };
    const first = f.outbox.enqueue({ body, source: 'ingest', roomId: 'r1' });
    expect(first).toMatchObject({ state: 'needs_context', existing: false });
    f.outbox.attachContext({ ids: [first.id] }, TEAMS);

    // Key order does not matter; the ids the stored copy gained since are not a difference.
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as typeof body;
    expect(f.outbox.enqueue({ body: reordered, source: 'ingest' })).toEqual({ id: first.id, state: 'pending', overLimit: false, existing: true });
    expect(() => f.outbox.enqueue({ body: { ...body, deviceName: 'other' }, source: 'ingest' })).toThrow(DuplicateReportError);
    expect(() => f.outbox.enqueue({ body: { ...body, ...TEAMS, callChainId: 'f1b2c3d4-0000-4000-8000-000000000001' }, source: 'ingest' })).toThrow(new RegExp(`already stored as report ${first.id}`));
    expect(f.outbox.stats().unsentRows).toBe(1);
  });

  it('answers a repeated body even when the outbox is full', () => {
    f.outbox.setLimits({ maxUnsentRows: 1 });
    const body = { ...draftQuality('room 1'), mediaLegId: LEG };
    const first = f.outbox.enqueue({ body, source: 'ingest' });
    expect(f.outbox.enqueue({ body, source: 'ingest' })).toMatchObject({ id: first.id, existing: true });
  });
});

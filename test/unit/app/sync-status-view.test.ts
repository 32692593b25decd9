/**
 * The sync view carries a pause's cause, retry time and permission as fields (the UI words them in its
 * language); the core's English stays in `reason`. An operator pause or an unknown stored cause carries none.
 */
import { describe, expect, it } from 'vitest';
import { toStoredSyncStatusView, toSyncStatusView, withGraphProblem } from '../../../electron/core/app/report-views';
import { buildSnapshot, pauseMessage } from '../../../electron/core/sync/status';
import { emptyReportCounts } from '../../../shared/api/states';

const stats = { counts: emptyReportCounts(), unsentRows: 0, unsentBytes: 0, full: false, limits: { maxUnsentRows: 100, maxUnsentBytes: 1000, maxAgeMs: 86_400_000, retentionMs: 86_400_000 } };
const untilMs = Date.parse('2026-12-06T09:00:00.000Z');

describe('sync status view: the pause as fields', () => {
  it('names the cause, the retry time and the permission of a route pause', () => {
    const message = pauseMessage('missing_permission', { permission: 'Calls.AccessMedia.All', untilMs });
    const view = toSyncStatusView(buildSnapshot({ running: true, pausedByOperator: false, inFlight: 0, pause: { cause: 'missing_permission', untilMs, message, permission: 'Calls.AccessMedia.All' } }, stats));
    expect(view.pause).toEqual({ cause: 'missing_permission', retryAt: '2026-12-06T09:00:00.000Z', permission: 'Calls.AccessMedia.All' });
    expect(view.reason).toBe(message);
  });

  it('carries no pause while the operator paused sending, and not_configured when Graph is not set up', () => {
    const paused = toSyncStatusView(buildSnapshot({ running: true, pausedByOperator: true, inFlight: 0, pause: { cause: 'offline', untilMs, message: 'x' } }, stats));
    expect(paused.pause).toBeUndefined();
    const idle = toSyncStatusView(buildSnapshot({ running: true, pausedByOperator: false, inFlight: 0 }, stats));
    expect(withGraphProblem(idle, 'tenant id is not configured').pause).toEqual({ cause: 'not_configured' });
  });

  it('leaves out a stored cause this version does not know', () => {
    const view = toStoredSyncStatusView({ state: 'paused', reason: 'paused: something new', pausedByOperator: false, pause: { cause: 'something_new', untilMs, message: 'paused: something new' }, updatedAtMs: untilMs }, emptyReportCounts(), 0);
    expect(view.pause).toBeUndefined();
    expect(view.reason).toBe('paused: something new');
  });
});

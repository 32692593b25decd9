import { describe, expect, it } from 'vitest';
import { summarizeTray } from '../../../electron/main/tray-state';
import type { SyncStatusView } from '../../../shared/api/views';

const idle: SyncStatusView = { state: 'idle', pausedByOperator: false, counts: { needs_context: 0, pending: 0, in_flight: 0, sent: 3, failed: 0, discarded: 0 }, fillRatio: 0 };

describe('tray: storage problem', () => {
  it('turns the tray to offline and says reports cannot be stored, within a Windows tooltip', () => {
    const summary = summarizeTray([], { ...idle, storage: { kind: 'disk_full', code: 'SQLITE_FULL', message: 'The disk is full…', since: '2026-01-01T00:00:00.000Z', waitingReports: 2 } });
    expect(summary.state).toBe('offline');
    expect(summary.tooltip).toContain('Reports cannot be stored: disk full (2 kept in memory)');
    expect(summary.tooltip.length).toBeLessThanOrEqual(127);
    expect(summarizeTray([], idle).state).toBe('ok');
  });
});

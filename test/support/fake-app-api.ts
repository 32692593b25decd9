/**
 * A small, deterministic AppApi for transport tests (web server, browser harness): two rooms, a sync status,
 * an empty outbox. Everything else answers `unavailable` the way a real handler would, via AppFailure.
 */
import { AppFailure } from '../../electron/core/api/failure';
import type { AppApiHandlers } from '../../shared/api/contract';
import type { OutboxCounts, SettingsView, SyncStatusView } from '../../shared/api/views';
import type { RoomSnapshot } from '../../shared/domain/legs';
import { latestHistoryOnly } from '../../shared/domain/room-delta';

export function fakeRoom(roomId: string, roomName: string): RoomSnapshot {
  return {
    roomId,
    roomName,
    devices: [{ deviceId: `${roomId}-codec`, state: 'online', lastError: null, since: '2026-01-05T09:00:00.000Z' }],
    activeCalls: [],
    classification: 'unknown',
    asOfSeq: 0,
  };
}

export const FAKE_ROOMS: RoomSnapshot[] = [fakeRoom('room-aurora', 'Aurora Boardroom'), fakeRoom('room-borealis', 'Borealis Huddle')];

const EMPTY_COUNTS: OutboxCounts = { needs_context: 0, pending: 0, in_flight: 0, sent: 0, failed: 0, discarded: 0 };

export const FAKE_SYNC_STATUS: SyncStatusView = { state: 'idle', pausedByOperator: false, counts: EMPTY_COUNTS, fillRatio: 0 };

/** Configured (so the UI skips its first-run setup); the secret appears only as "set", as in every view. */
export const FAKE_SETTINGS: SettingsView = {
  cloud: 'global',
  tenantId: '11111111-2222-4333-8444-555555555555',
  clientId: '66666666-7777-4888-9999-000000000000',
  credential: { type: 'secret', secretSet: true },
  rooms: FAKE_ROOMS.map((room) => ({ id: room.roomId, name: room.roomName, devices: [] })),
  thresholds: {},
  alertCooldownMinutes: 15,
  ingest: { host: '127.0.0.1', port: 8790 },
  launchAtLogin: false,
  doNotDisturb: false,
  managedKeys: [],
};

const unavailable = (): never => {
  throw new AppFailure('unavailable', 'Not available in this test');
};

export function fakeHandlers(overrides: Partial<AppApiHandlers> = {}): AppApiHandlers {
  let paused = false;
  const sync = (): SyncStatusView => ({ ...FAKE_SYNC_STATUS, pausedByOperator: paused, state: paused ? 'paused' : 'idle' });
  return {
    getAppInfo: () => ({ version: '0.0.0-test', transport: 'web', demo: false }),
    startDemo: unavailable,
    exportDiagnostics: unavailable,
    testDevice: unavailable,
    testTelemetryExport: unavailable,
    // As the core answers: the list with only each leg's latest point, one room whole on request.
    getRooms: () => FAKE_ROOMS.map((room) => latestHistoryOnly(room)),
    getRoomHistory: ({ roomId }) => {
      const room = FAKE_ROOMS.find((candidate) => candidate.roomId === roomId);
      if (!room) throw new AppFailure('not_found', `Room ${roomId} is not configured`);
      return room;
    },
    getSyncStatus: sync,
    setSyncPaused: ({ paused: next }) => {
      paused = next;
      return sync();
    },
    listAlertLog: () => [],
    listReports: () => ({ items: [] }),
    getReport: ({ id }) => {
      throw new AppFailure('not_found', `Report ${id} was not found`);
    },
    resubmitReports: () => ({ resubmitted: 0 }),
    discardReports: () => ({ discarded: 0 }),
    attachReportContext: () => ({ updated: 0 }),
    listCallRecords: () => ({ availability: 'not_configured', items: [], stale: false }),
    getCallRecord: unavailable,
    getSettings: () => FAKE_SETTINGS,
    updateSettings: unavailable,
    testConnection: unavailable,
    listIngestTokens: () => [],
    createIngestToken: unavailable,
    revokeIngestToken: unavailable,
    ...overrides,
  };
}

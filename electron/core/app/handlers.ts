/**
 * The AppApi handlers over the core's services. Each handler is a few lines: the work lives in the
 * services; this file only maps requests to them and rows to views.
 */
import type { AppApiHandlers } from '../../../shared/api/contract';
import type { SyncStatusView } from '../../../shared/api/views';
import type { CallRecordsService } from '../callrecords';
import type { AlertLog } from '../quality/alert-log';
import { deviceKind } from '../devices/registry';
import { AppFailure } from '../api/failure';
import type { Outbox } from '../outbox';
import type { SyncWorker } from '../sync';
import type { LegTracker } from '../legs';
import type { TokenStore } from '../tokens';
import type { SettingsService } from '../settings/service';
import type { GraphConnection } from './graph-connection';
import type { AppEventHub } from './events';
import type { ReportIntake } from './report-intake';
import { toListFilter, toReportDetailView, toReportSummaryView } from './report-views';
import { devicesNeedingPassword, sameDeviceEndpoint } from './device-credentials';
import { errorCode, errorMessage } from '../../../shared/error-message';
import { latestHistoryOnly } from '../../../shared/domain/room-delta';


export interface HandlerServices {
  info: { version: string; transport: 'electron' | 'web'; demo: () => boolean; dataDir: string };
  outbox: Outbox;
  sync: SyncWorker;
  tracker: LegTracker;
  tokens: TokenStore;
  settings: SettingsService;
  graph: GraphConnection;
  callRecords: CallRecordsService;
  alertLog: AlertLog;
  events: AppEventHub;
  /** Publishes `reportsChanged` and wakes the worker: the one policy every entry uses (report-intake.ts). */
  intake: Pick<ReportIntake, 'reportsChanged'>;
  /** Re-reads the settings and applies them to the Graph connection, collectors and tracker. */
  reconfigure(): Promise<void>;
  /** The sync status as the UI shows it (worker snapshot + Graph configuration). */
  syncView(): SyncStatusView;
  /** Writes the diagnostics zip into the data directory and returns where. */
  exportDiagnostics(): Promise<{ path: string; sizeBytes: number }>;
  /** One OTLP export of the current metrics to the endpoint being edited (telemetry/telemetry.ts). */
  testTelemetryExport: AppApiHandlers['testTelemetryExport'];
}

const OPERATOR = 'operator';

export function createHandlers(services: HandlerServices): AppApiHandlers {
  const { outbox, sync, tracker, tokens, settings, graph } = services;

  const changed = (ids: string[]): void => services.intake.reportsChanged(ids, 'resubmitted');

  return {
    // Only the host (host.ts) can switch cores; a core started alone has no demo to switch to.
    startDemo: () => {
      throw new AppFailure('unavailable', 'The demo can only be started from the app or `run --web`');
    },
    getAppInfo: () => ({ version: services.info.version, transport: services.info.transport, demo: services.info.demo(), dataDir: services.info.dataDir }),
    getRooms: () => tracker.snapshot().map((room) => latestHistoryOnly(room)),
    getRoomHistory: ({ roomId }) => {
      const room = tracker.snapshot().find((candidate) => candidate.roomId === roomId);
      if (!room) throw new AppFailure('not_found', `Room ${roomId} is not configured`);
      return room;
    },
    getSyncStatus: () => services.syncView(),
    setSyncPaused: ({ paused }) => {
      if (paused) sync.pause();
      else sync.resume();
      return services.syncView();
    },
    listAlertLog: ({ limit }) => services.alertLog.list(limit),
    listReports: (query) => {
      const page = outbox.list(toListFilter(query));
      return { items: page.items.map(toReportSummaryView), nextCursor: page.nextCursor };
    },
    getReport: ({ id }) => {
      const report = outbox.get(id);
      if (!report) throw new AppFailure('not_found', `Report ${id} was not found (it may have been purged after the retention period)`);
      const view = toReportDetailView(report);
      // Its Teams callRecord as far as the cache knows (no Graph request while the operator browses).
      if (report.callChainId) view.callRecord = services.callRecords.callRecordFor(report.callChainId);
      return view;
    },
    resubmitReports: (target) => {
      const result = outbox.resubmit('allFailed' in target ? { allFailed: true } : { ids: target.ids }, OPERATOR);
      changed(result.changed);
      return { resubmitted: result.changed.length };
    },
    discardReports: ({ ids, reason }) => {
      const result = outbox.discard(ids, reason, OPERATOR);
      services.intake.reportsChanged(result.changed);
      return { discarded: result.changed.length };
    },
    attachReportContext: ({ ids, callChainId, participantId }) => {
      const result = outbox.attachContext({ ids }, { callChainId, participantId }, OPERATOR);
      changed(result.changed);
      return { updated: result.changed.length };
    },
    listCallRecords: (request) => services.callRecords.list(request),
    getCallRecord: (request) => services.callRecords.get(request),
    getSettings: () => settings.view(),
    updateSettings: async (patch) => {
      const moved = patch.rooms ? devicesNeedingPassword(settings.view().rooms.flatMap((room) => room.devices), patch.rooms) : [];
      if (moved.length > 0) throw new AppFailure('invalid_input', 'Enter the password of each device whose address or user name changed', moved);
      const view = await settings.update(patch);
      await services.reconfigure();
      services.events.publish('settingsChanged', view);
      return view;
    },
    testConnection: async (request) => {
      const result = await settings.connectionCandidate(request);
      if (!result.ok) throw new AppFailure('invalid_input', `${result.problem.path}: ${result.problem.message}`, [result.problem]);
      return graph.testCandidate(result.candidate);
    },
    testDevice: async ({ deviceId, kind, url, username, password, allowSelfSigned, certificateSha256, transport }) => {
      // The UI never holds a stored password: without a new one, test with the one kept for that device,
      // but only towards the address and user name it was kept for, trusting its certificate no more loosely.
      const device = password === undefined && deviceId !== undefined ? (await settings.resolve()).devices.find((candidate) => candidate.id === deviceId) : undefined;
      if (password === undefined && device?.password !== undefined && !sameDeviceEndpoint(device, { url, username, allowSelfSigned, ...(certificateSha256 !== undefined && { certificateSha256 }) })) {
        throw new AppFailure('invalid_input', 'Enter the password: the saved one is only sent to the saved address and user name, with the certificate trusted as saved', [
          { path: 'password', message: 'is required when the address, the user name or the certificate trust differs from the saved device' },
        ]);
      }
      const stored = password ?? device?.password;
      if (stored === undefined) throw new AppFailure('invalid_input', 'Enter the password to test this device', [{ path: 'password', message: 'is required to test a new device' }]);
      return deviceKind(kind ?? 'cisco-xapi').test({ url, username, password: stored, allowSelfSigned, certificateSha256, transport });
    },
    listIngestTokens: () => tokens.list().map(({ name, createdAt, lastUsedAt, revoked }) => ({ name, createdAt, lastUsedAt, revoked })),
    createIngestToken: ({ name }) => {
      try {
        return tokens.create(name);
      } catch (error) {
        if (errorCode(error) === 'token_name_taken') throw new AppFailure('invalid_input', errorMessage(error), [{ path: 'name', message: 'is already used' }]);
        throw error;
      }
    },
    testTelemetryExport: (request) => services.testTelemetryExport(request),
    exportDiagnostics: async () => {
      const exported = await services.exportDiagnostics();
      services.events.publish('diagnosticsExported', exported);
      return exported;
    },
    revokeIngestToken: ({ name }) => {
      const result = tokens.revoke(name);
      if (!result.revoked && result.reason === 'not_found') throw new AppFailure('not_found', `No ingest token is named "${name}"`);
      return { revoked: result.revoked };
    },
  };
}

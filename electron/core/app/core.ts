/**
 * Builds the core from a data directory and a configuration: the one object both shells (Electron main and
 * the headless agent) start. It owns the database and every service (settings, outbox, sync worker, Graph
 * connection, leg tracker, device collectors, ingest API, call records), exposes the AppApi through a
 * dispatcher and pushed events, and stops cleanly: in-flight sends are drained within a bound, device calls
 * in progress are reported, the database is closed last.
 */
import { openDatabase, type Db } from '../db/database';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import { AppEventHub, type AppEventListener } from './events';
import type { Logger } from '../log/logger';
import type { AppConfig } from '../../../shared/config/schema';
import { appConfigSchema } from '../../../shared/config/schema';
import { resolveThresholds } from '../../../shared/domain/thresholds';
import { createHandlers } from './handlers';
import type { AppApiHandlers } from '../../../shared/api/contract';
import { createSettingsStore, type SecretCipher } from '../settings/store';
import { createSettingsService, type ResolvedSettings } from '../settings/service';
import type { ManagedConfig } from '../config/load';
import { createOutbox, type Outbox } from '../outbox';
import { outboxLimitsOf } from './outbox-limits';
import { createSyncWorker, type SyncWorker } from '../sync';
import { createLegTracker, type LegTracker } from '../legs';
import { createTokenStore, type TokenStore } from '../tokens';
import { createQuarantine, startIngestServer, type IngestServer } from '../ingest';
import { createGraphConnection, type GraphConnection } from './graph-connection';
import { createDeviceCollectors, type DeviceCollectors } from './device-collectors';
import { createIngestDeps } from './ingest-wiring';
import { createReportIntake } from './report-intake';
import { createStorageGuard } from './storage-guard';
import { tryOpenStorageStatusFile } from './storage-status-file';
import { takeSpilledReports } from './report-spill';
import { toReportDetailView, toSyncStatusView, withGraphProblem } from './report-views';
import { createCallRecordsService } from '../callrecords';
import { exportDiagnostics } from '../diagnostics';
import { join } from 'node:path';
import { wireTelemetry, type TelemetryWiring } from './telemetry-wiring';
import { createAlertLog } from '../quality/alert-log';
import { errorMessage } from '../../../shared/error-message';
import { teamsRoomsOf } from '../callrecords/teams-rooms';

export interface CoreOptions {
  dataDir: string;
  log: Logger;
  transport: 'electron' | 'web';
  version: string;
  /** Fleet file (Electron) or the agent's --config: authoritative for every key it sets, locked in the UI. */
  managed?: ManagedConfig;
  /** Encrypts secrets at rest (Electron safeStorage); without it secrets come only from config/env. */
  cipher?: SecretCipher;
  demo?: boolean;
  now?: () => number;
  /** Serve the ingest API (default true). `port` overrides the configured one (tests and the demo use 0). */
  ingest?: { enabled?: boolean; port?: number };
  /** Call-records timings (the demo shortens the wait for a record Teams has not published yet). */
  callRecords?: { refreshIntervalMs?: number; notYetRetryMs?: number };
  /** Device polling floor (the demo's and tests' codecs run faster than life; default: each kind's own). */
  devices?: { minPollSeconds?: number };
}

/** The services, for the composition's own callers (CLI demo, tests) that need more than the AppApi. */
export interface CoreParts {
  db: Db;
  outbox: Outbox;
  sync: SyncWorker;
  tracker: LegTracker;
  tokens: TokenStore;
  graph: GraphConnection;
  events: AppEventHub;
  log: Logger;
  now: () => number;
  collectors: DeviceCollectors;
}

export interface Core {
  readonly db: Db;
  readonly config: AppConfig;
  readonly parts: CoreParts;
  readonly handlers: AppApiHandlers;
  readonly demo: boolean;
  /** The ingest API's address, when it is served. */
  readonly ingestUrl?: string;
  /** The Prometheus scrape endpoint (`telemetry.prometheus`), when it is on. */
  readonly metricsUrl?: string;
  dispatch: Dispatch;
  subscribe(listener: AppEventListener): () => void;
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const trackedRooms = (config: AppConfig) => config.rooms.map((room) => ({ id: room.id, name: room.name, devices: room.devices.map((device) => ({ id: device.id })) }));

export async function startCore(options: CoreOptions): Promise<Core> {
  const { log } = options;
  const now = options.now ?? Date.now;
  const db = openDatabase(options.dataDir);
  const managed = options.managed ?? { config: appConfigSchema.parse({}), managedKeys: [] };
  const settings = createSettingsService({ store: createSettingsStore(db, now), managed: managed.config, managedKeys: managed.managedKeys, cipher: options.cipher, redactor: log.redactor });
  let resolved: ResolvedSettings = await settings.resolve();
  const events = new AppEventHub();

  const outbox = createOutbox(db, { now, limits: outboxLimitsOf(resolved.config) });
  const graph = createGraphConnection();
  const problem = graph.configure(resolved);
  if (problem) log.warn('Graph not configured: reports are kept until it is', { problem });
  // A bad setting costs only itself: it is logged and shown in the status view, everything else runs.
  for (const settingProblem of resolved.problems) log.warn('setting not applied', { ...settingProblem });
  const sync = createSyncWorker({ outbox, sender: graph, concurrency: resolved.config.outbox.concurrency, now, random: Math.random, log });
  // Every report enters through one policy (validate, store, publish, wake); a write the disk refuses is
  // kept (device reports) or refused with 507 (ingest), and shown as a storage problem until it recovers.
  const intake = createReportIntake({ outbox, events, sync });
  const storageStatus = tryOpenStorageStatusFile(options.dataDir, (error) => log.warn('cannot reserve the storage status file: `status` will not show a storage problem', { error: String(error) }), now);
  // Reports a previous run could not store come back first; those waiting now are copied for the next run.
  const spilled = takeSpilledReports(options.dataDir, (error) => log.warn('cannot reserve room for unstored reports: they would not survive a restart', { error: String(error) }));
  const storage = createStorageGuard({
    intake,
    log,
    now,
    onChange: (storageProblem) => {
      storageStatus?.write(storageProblem);
      events.publish('syncStatus', syncView());
    },
    onWaiting: (waiting) => {
      const left = spilled.spill?.write(waiting) ?? waiting.length;
      if (left > 0) log.warn('reports waiting for the disk exceed the room kept for a restart: those are in memory only', { count: left });
    },
  });
  // Before the first send the worker cannot know Graph is not configured; the operator should see it at once.
  let telemetry: TelemetryWiring | undefined; // started once the tracker exists; its state joins the sync view
  const syncView = (snapshot = sync.snapshot()) => ({ ...withGraphProblem({ ...toSyncStatusView(snapshot), storage: storage.problem() }, graph.problem()), telemetry: telemetry?.current.status(), settingsProblems: resolved.problems.length > 0 ? resolved.problems : undefined });
  // `status` in another process reads the saved record: where the view overrides the worker ("setup needed"
  // before any send), save the view; after a reconfigure save it either way, so a lifted override is too.
  const publishStatus = (snapshot = sync.snapshot(), save = false): void => {
    const view = syncView(snapshot);
    if (save || view.state !== snapshot.state) {
      outbox.saveSyncStatus({ state: view.state, reason: view.reason ?? snapshot.reason, pausedByOperator: snapshot.pausedByOperator, lastSuccessAtMs: snapshot.lastSuccessAtMs, lastError: snapshot.lastError });
    }
    events.publish('syncStatus', view);
  };
  sync.on('snapshot', (snapshot) => publishStatus(snapshot));
  sync.on('reportsChanged', (payload) => intake.reportsChanged(payload.ids));

  const alertLog = createAlertLog(db, now);
  const tracker = createLegTracker({
    now,
    rooms: trackedRooms(resolved.config),
    thresholds: resolveThresholds(resolved.config.thresholds),
    alertCooldownMs: (resolved.config.alerts?.cooldownMinutes ?? 5) * 60_000,
    // A device report is always kept: above the outbox bounds (the tray then warns), and in memory while
    // the disk refuses it (storage-guard.ts).
    onReport: (report) => storage.keepDeviceReport({ ...report, source: 'device' }),
    onAlert: (alert) => events.publish('alert', alert),
    onRoomEpisode: (episode) => {
      if (episode.kind === 'poor') alertLog.opened({ roomId: episode.leg.key.roomId, roomName: episode.leg.roomName, legKey: episode.leg.key, reason: episode.reason, atMs: Date.parse(episode.at) });
      else alertLog.closed(episode.roomId, Date.parse(episode.at), episode.kind);
    },
    onError: (error) => log.error('leg tracker error', { error: errorMessage(error) }),
  });
  tracker.subscribe((rooms) => events.publish('roomsChanged', rooms));

  try {
    telemetry = await wireTelemetry({ config: () => resolved.config, managedKeys: managed.managedKeys, tracker, outbox, sync, dataDir: options.dataDir, version: options.version, log, now, onStatus: () => events.publish('syncStatus', syncView()) });
  } catch (error) {
    tracker.close();
    db.close();
    throw error;
  }
  const collectors = createDeviceCollectors({ tracker, log, now, db, minPollSeconds: options.devices?.minPollSeconds ?? (options.demo === true ? 1 : undefined) });
  const tokens = createTokenStore(db, { now });
  const parts: CoreParts = { db, outbox, sync, tracker, tokens, graph, events, log, now, collectors };
  const callRecords = createCallRecordsService({
    db,
    outbox,
    log,
    now,
    getApi: () => graph.client(),
    cloud: () => resolved.config.cloud,
    toReportView: toReportDetailView,
    onChanged: (ids) => events.publish('callRecordsChanged', { ids }),
    // After an admin consent, a token from MSAL's cache still lacks the role: ask past the cache.
    renewToken: () => graph.renewToken(),
    teamsRooms: () => teamsRoomsOf(resolved.config.rooms),
    ...options.callRecords,
  });
  // A sent report's callRecord (id = its callChainId) is looked for once Teams publishes it.
  sync.on('attempt', (attempt) => {
    if (attempt.outcome !== 'sent') return;
    const callChainId = outbox.get(attempt.reportId)?.callChainId;
    if (callChainId) callRecords.reportCallChainSent(callChainId);
  });

  let ingest: IngestServer | undefined;
  if (options.ingest?.enabled !== false) {
    const deps = createIngestDeps({ outbox, intake, storage, tracker, rooms: () => trackedRooms(resolved.config), log, version: options.version, now });
    ingest = await startIngestServer({
      host: resolved.config.ingest.host,
      port: options.ingest?.port ?? resolved.config.ingest.port,
      deps,
      tokens,
      quarantine: createQuarantine(db),
      // Only an administrator's file may open the ingest API to the LAN; the UI cannot.
      allowLan: managed.managedKeys.includes('ingest'),
    });
    log.info('ingest API listening', { url: ingest.url });
  }

  const reconfigure = async (): Promise<void> => {
    resolved = await settings.resolve();
    const reason = graph.configure(resolved);
    log.info('settings applied', { graph: reason ?? 'configured', devices: resolved.devices.length, problems: resolved.problems.length });
    // A fixed credential or a granted consent ends an auth/permission/setup pause at once.
    sync.notify('credentials');
    publishStatus(sync.snapshot(), true);
    tracker.setRooms(trackedRooms(resolved.config));
    outbox.setLimits(outboxLimitsOf(resolved.config));
    await collectors.apply(resolved.devices);
    await telemetry?.apply(resolved.config);
  };

  const handlers = createHandlers({
    info: { version: options.version, transport: options.transport, demo: () => options.demo ?? false, dataDir: options.dataDir },
    outbox,
    sync,
    tracker,
    tokens,
    settings,
    graph,
    callRecords,
    events,
    intake,
    alertLog,
    reconfigure,
    syncView: () => syncView(),
    testTelemetryExport: (request) => telemetry!.testExport(request),
    exportDiagnostics: async () => {
      const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
      const failed = outbox.list({ state: 'failed', limit: 50 }).items.map((report) => ({ reportId: report.id, at: new Date(report.updatedAtMs).toISOString(), ...report.lastError }));
      const lastSync = sync.snapshot().lastError;
      const result = await exportDiagnostics({
        dataDir: options.dataDir,
        db,
        config: resolved.config,
        outboxStats: outbox.stats(),
        recentErrors: lastSync ? [...failed, { sync: lastSync }] : failed,
        outPath: join(options.dataDir, 'diagnostics', `vtc-diagnostics-${stamp}.zip`),
        redactor: log.redactor,
        appVersion: options.version,
      });
      log.info('diagnostics exported', { path: result.path, sizeBytes: result.sizeBytes });
      return { path: result.path, sizeBytes: result.sizeBytes };
    },
  });
  const dispatch = createDispatcher({ getHandlers: () => handlers, log });

  // Before the worker starts, after the status views exist (a disk still full makes the guard publish one).
  if (spilled.reports.length > 0) log.info('storing the reports a previous run could not store', { count: spilled.reports.length });
  for (const report of spilled.reports) storage.keepDeviceReport(report);
  sync.start();
  publishStatus();
  await collectors.apply(resolved.devices);
  callRecords.start();
  log.info('core started', { dataDir: options.dataDir, transport: options.transport, demo: options.demo ?? false, devices: collectors.count });

  let stopping: Promise<void> | undefined;
  return {
    db,
    get config() {
      return resolved.config;
    },
    parts,
    handlers,
    demo: options.demo ?? false,
    ingestUrl: ingest?.url,
    get metricsUrl() {
      return telemetry?.current.metricsUrl;
    },
    dispatch,
    subscribe: (listener) => events.subscribe(listener),
    stop: (stopOptions = {}) => {
      stopping ??= (async () => {
        await ingest?.close();
        await callRecords.stop();
        // Collectors end their calls: the tracker turns them into reports while the outbox is still open.
        await collectors.stop();
        // Last chance for reports still waiting for the disk; past this they exist only in this log line.
        const unstored = storage.flush();
        storage.close();
        if (unstored.length > 0) log.error('device reports could not be stored before stopping', { count: unstored.length, reports: unstored.map((report) => report.body) });
        const { interrupted } = await sync.stop({ timeoutMs: stopOptions.timeoutMs ?? 5_000 });
        // After the last delivery: the final export carries the final counts.
        await telemetry?.stop();
        tracker.close();
        db.close();
        storageStatus?.close();
        spilled.spill?.close();
        log.info('core stopped', { interrupted });
      })();
      return stopping;
    },
  };
}

/**
 * An in-memory AppApiClient for component tests: every call is recorded with its request, every method has a
 * default answer that a test can replace (`respond`), a call can be held open to see a loading state
 * (`hold`), and the core's pushed events are emitted by the test (`emit`).
 */
import type { AppApiClient, AppApiMethod, AppEventName, AppEventSpec, AppRequest, AppResponse } from '../../shared/api/contract';
import type { AppError, Result } from '../../shared/api/result';
import type { SettingsView, SyncStatusView } from '../../shared/api/views';

type Handler<M extends AppApiMethod> = (req: AppRequest<M>) => Result<AppResponse<M>> | Promise<Result<AppResponse<M>>>;
type Handlers = { [M in AppApiMethod]: Handler<M> };

export interface RecordedCall {
  method: AppApiMethod;
  req: unknown;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], message: string, details?: AppError['details']): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export function emptyCounts(): SyncStatusView['counts'] {
  return { needs_context: 0, pending: 0, in_flight: 0, sent: 0, failed: 0, discarded: 0 };
}

export function syncStatus(overrides: Partial<SyncStatusView> = {}): SyncStatusView {
  return { state: 'idle', pausedByOperator: false, counts: emptyCounts(), fillRatio: 0, ...overrides };
}

export const TENANT = '0622673d-9f69-49b3-9d4f-5ec64f42ecce';
export const CLIENT = '8e4a1c2b-3d5f-4a6b-9c7d-1e2f3a4b5c6d';

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    cloud: 'global',
    tenantId: TENANT,
    clientId: CLIENT,
    credential: { type: 'secret', secretSet: true },
    rooms: [{ id: 'boardroom', name: 'Boardroom', devices: [] }],
    thresholds: {},
    alertCooldownMinutes: 5,
    ingest: { host: '127.0.0.1', port: 8790 },
    launchAtLogin: false,
    doNotDisturb: false,
    managedKeys: [],
    ...overrides,
  };
}

function defaults(): Handlers {
  return {
    getAppInfo: () => ok({ version: '0.1.0', transport: 'web', demo: false }),
    startDemo: () => ok({ version: '0.1.0', transport: 'web', demo: true }),
    exportDiagnostics: () => ok({ path: '/data/diagnostics/vtc-diagnostics.zip', sizeBytes: 2048 }),
    testDevice: () => ok({ ok: true, state: 'online', productId: 'Cisco Room Kit Pro', softwareVersion: 'RoomOS 11.9' }),
    testTelemetryExport: ({ endpoint }) => ok({ ok: true, endpoint, message: 'the collector accepted 12 data points', pointCount: 12, durationMs: 8 }),
    getRooms: () => ok([]),
    getRoomHistory: ({ roomId }) => fail('not_found', `no room ${roomId}`),
    getSyncStatus: () => ok(syncStatus()),
    setSyncPaused: ({ paused }) => ok(syncStatus({ state: paused ? 'paused' : 'idle', pausedByOperator: paused })),
    listAlertLog: () => ok([]),
    listReports: () => ok({ items: [] }),
    getReport: ({ id }) => fail('not_found', `no report ${id}`),
    resubmitReports: (req) => ok({ resubmitted: 'ids' in req ? req.ids.length : 0 }),
    discardReports: ({ ids }) => ok({ discarded: ids.length }),
    attachReportContext: ({ ids }) => ok({ updated: ids.length }),
    listCallRecords: () => ok({ availability: 'ok', items: [], stale: false }),
    getCallRecord: () => ok({ availability: 'ok', stale: false, reports: [] }),
    getSettings: () => ok(settingsView()),
    updateSettings: () => ok(settingsView()),
    testConnection: () => ok({ tokenAcquired: true, grantedPermissions: [], missingPermissions: [] }),
    listIngestTokens: () => ok([]),
    createIngestToken: ({ name }) => ok({ name, token: 'vtc_secret_token_value' }),
    revokeIngestToken: () => ok({ revoked: true }),
  };
}

export interface FakeApi {
  client: AppApiClient;
  calls: RecordedCall[];
  callsTo<M extends AppApiMethod>(method: M): AppRequest<M>[];
  respond<M extends AppApiMethod>(method: M, handler: Handler<M>): void;
  /** The next calls to `method` stay pending until `release` is called with their result. */
  hold<M extends AppApiMethod>(method: M): { release(result: Result<AppResponse<M>>): void };
  emit<E extends AppEventName>(event: E, payload: AppEventSpec[E]): void;
  listenerCount(event: AppEventName): number;
}

export function createFakeApi(): FakeApi {
  const handlers: Handlers = defaults();
  const calls: RecordedCall[] = [];
  const listeners = new Map<AppEventName, Set<(payload: never) => void>>();

  function call<M extends AppApiMethod>(method: M) {
    return async (req: AppRequest<M>): Promise<Result<AppResponse<M>>> => {
      calls.push({ method, req });
      const handler: Handler<M> = handlers[method];
      return handler(req);
    };
  }

  const client: AppApiClient = {
    getAppInfo: call('getAppInfo'),
    startDemo: call('startDemo'),
    exportDiagnostics: call('exportDiagnostics'),
    testDevice: call('testDevice'),
    testTelemetryExport: call('testTelemetryExport'),
    getRooms: call('getRooms'),
    getRoomHistory: call('getRoomHistory'),
    getSyncStatus: call('getSyncStatus'),
    setSyncPaused: call('setSyncPaused'),
    listAlertLog: call('listAlertLog'),
    listReports: call('listReports'),
    getReport: call('getReport'),
    resubmitReports: call('resubmitReports'),
    discardReports: call('discardReports'),
    attachReportContext: call('attachReportContext'),
    listCallRecords: call('listCallRecords'),
    getCallRecord: call('getCallRecord'),
    getSettings: call('getSettings'),
    updateSettings: call('updateSettings'),
    testConnection: call('testConnection'),
    listIngestTokens: call('listIngestTokens'),
    createIngestToken: call('createIngestToken'),
    revokeIngestToken: call('revokeIngestToken'),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  return {
    client,
    calls,
    callsTo<M extends AppApiMethod>(method: M) {
      return calls.filter((c) => c.method === method).map((c) => c.req as AppRequest<M>);
    },
    respond(method, handler) {
      (handlers as Record<AppApiMethod, unknown>)[method] = handler;
    },
    hold<M extends AppApiMethod>(method: M) {
      let resolvers: ((result: Result<AppResponse<M>>) => void)[] = [];
      const held: Handler<M> = () => new Promise((resolve) => resolvers.push(resolve));
      (handlers as Record<AppApiMethod, unknown>)[method] = held;
      return {
        release(result: Result<AppResponse<M>>) {
          const pending = resolvers;
          resolvers = [];
          pending.forEach((resolve) => resolve(result));
        },
      };
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
  };
}

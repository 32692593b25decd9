/**
 * The AppApi: every request, response and pushed event between the UI and the core (design rule 2).
 * One map of method → { req, res } (../shared/design/examples-to-follow.md #1: channel name = method name, a camelCase verb).
 * Two transports carry it unchanged: Electron IPC (preload + contextBridge) and the agent's WebSocket.
 * Every request is validated with `requestSchemas` on the core side before a handler sees it.
 */
import { z } from 'zod';
import { connectionTestRequestSchema, devicePatchSchema, guidSchema, settingsPatchSchema, type ConnectionTestRequest } from './requests';
import type { Result } from './result';
import { telemetryTestRequestSchema, type TelemetryTestRequest, type TelemetryTestView } from './telemetry';
import type { CiscoTransport, DeviceKind } from '../config/schema';
import type {
  AlertLogEntryView,
  AppInfoView,
  CallRecordDetailView,
  CallRecordListView,
  ConnectionTestView,
  DeviceTestView,
  IngestTokenView,
  ReportDetail,
  ReportPage,
  ReportQuery,
  SettingsView,
  SyncStatusView,
} from './views';
import { reportStateSchema } from './states';
import type { AlertEvent, RoomsChange, RoomSnapshot } from '../domain/legs';
import type { SettingsPatch } from './requests';

export interface AppApiSpec {
  getAppInfo: { req: void; res: AppInfoView };
  /** "Try the demo": the app switches to simulated rooms and the built-in Graph emulator (own data directory). */
  startDemo: { req: void; res: AppInfoView };
  /** Every room, each leg with only its latest history point (the overview shows none; room-delta.ts latestHistoryOnly). */
  getRooms: { req: void; res: RoomSnapshot[] };
  /** One room with its legs' whole history, for the room detail's sparklines; not_found for an unknown room. */
  getRoomHistory: { req: { roomId: string }; res: RoomSnapshot };
  getSyncStatus: { req: void; res: SyncStatusView };
  setSyncPaused: { req: { paused: boolean }; res: SyncStatusView };
  /** The alert log: episodes of rooms being poor over the last 30 days, newest first. */
  listAlertLog: { req: { limit?: number }; res: AlertLogEntryView[] };
  listReports: { req: ReportQuery; res: ReportPage };
  getReport: { req: { id: string }; res: ReportDetail };
  resubmitReports: { req: { ids: string[] } | { allFailed: true }; res: { resubmitted: number } };
  discardReports: { req: { ids: string[]; reason: string }; res: { discarded: number } };
  attachReportContext: { req: { ids: string[]; callChainId: string; participantId: string }; res: { updated: number } };
  listCallRecords: { req: { sinceHours?: number; participantId?: string; refresh?: boolean }; res: CallRecordListView };
  getCallRecord: { req: { id: string; refresh?: boolean }; res: CallRecordDetailView };
  getSettings: { req: void; res: SettingsView };
  updateSettings: { req: SettingsPatch; res: SettingsView };
  /** Acquires a token with the values on screen (requests.ts connectionTestRequestSchema), not only the saved ones. */
  testConnection: { req: ConnectionTestRequest; res: ConnectionTestView };
  /** Reads the codec's status once with these settings; without a password, the stored one of `deviceId`. */
  testDevice: { req: { deviceId?: string; kind?: DeviceKind; url: string; username: string; password?: string; allowSelfSigned: boolean; certificateSha256?: string; transport?: CiscoTransport }; res: DeviceTestView };
  listIngestTokens: { req: void; res: IngestTokenView[] };
  createIngestToken: { req: { name: string }; res: { name: string; token: string } };
  revokeIngestToken: { req: { name: string }; res: { revoked: boolean } };
  /** Zips logs, the configuration without secrets, outbox counts and recent errors, for support. */
  exportDiagnostics: { req: void; res: { path: string; sizeBytes: number } };
  /** Settings' "Test export": one OTLP export of the current metrics to the endpoint being edited. */
  testTelemetryExport: { req: TelemetryTestRequest; res: TelemetryTestView };
}

export type AppApiMethod = keyof AppApiSpec;
export type AppRequest<M extends AppApiMethod> = AppApiSpec[M]['req'];
export type AppResponse<M extends AppApiMethod> = AppApiSpec[M]['res'];

/**
 * One typed call: what the core host answers in process (the shell's tray), what the preload bridge and the
 * WebSocket client send, and what `createAppApiClient` (client.ts) turns into one function per method.
 */
export type AppCall = <M extends AppApiMethod>(method: M, request: AppRequest<M>) => Promise<Result<AppResponse<M>>>;

/** What the renderer holds (window.api, or the WebSocket client): one async function per method. */
export type AppApiClient = { [M in AppApiMethod]: (req: AppRequest<M>) => Promise<Result<AppResponse<M>>> } & AppEventsClient;

/** What the core implements: may throw; the dispatcher turns throws into error envelopes. */
export type AppApiHandlers = { [M in AppApiMethod]: (req: AppRequest<M>) => AppResponse<M> | Promise<AppResponse<M>> };

/** Events pushed from the core to every connected UI. */
export interface AppEventSpec {
  /** Only what changed since the previous push; getRooms gives the full state (shared/domain/legs.ts). */
  roomsChanged: RoomsChange;
  syncStatus: SyncStatusView;
  alert: AlertEvent;
  /** A report changed state (sent, failed…): lists re-query what they show. */
  reportsChanged: { ids: string[] };
  callRecordsChanged: { ids: string[] };
  /** The shell asks the UI to show a view (a notification was clicked). */
  navigate: { view: 'rooms' | 'outbox' | 'callRecords' | 'settings'; id?: string };
  /** The settings were saved, or the core was switched (the demo): the shell applies launch at login etc. */
  settingsChanged: SettingsView;
  /** A diagnostics zip was written: the Electron shell shows it in the file manager. */
  diagnosticsExported: { path: string; sizeBytes: number };
}
export type AppEventName = keyof AppEventSpec;

/**
 * Every pushed event as a discriminated union of `[event, payload]` pairs: a listener written
 * `(event, payload) => { if (event === 'alert') … }` gets `payload` narrowed with no cast.
 */
export type AppEventArgs = { [E in AppEventName]: [event: E, payload: AppEventSpec[E]] }[AppEventName];
export type AppEventListener = (...args: AppEventArgs) => void;
/** The same union as the WebSocket carries it: `{ event, payload }`. */
export type AppEventMessage = { [E in AppEventName]: { event: E; payload: AppEventSpec[E] } }[AppEventName];

export interface AppEventsClient {
  on<E extends AppEventName>(event: E, listener: (payload: AppEventSpec[E]) => void): () => void;
}

const id = z.string().min(1).max(128);
const ids = z.array(id).min(1, { message: 'must name at least one report' }).max(100_000);
const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** Request validation per method (../shared/design/examples-to-follow.md #7: inputs validated with the shared schemas). */
export const requestSchemas: { [M in AppApiMethod]: z.ZodType<AppRequest<M>> } = {
  getAppInfo: z.undefined(),
  startDemo: z.undefined(),
  getRooms: z.undefined(),
  getRoomHistory: z.strictObject({ roomId: id }),
  getSyncStatus: z.undefined(),
  setSyncPaused: z.strictObject({ paused: z.boolean() }),
  listAlertLog: z.strictObject({ limit: z.number().int().min(1).max(5_000).optional() }),
  listReports: z.strictObject({
    state: reportStateSchema.optional(),
    roomId: id.optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    cursor: z.string().max(256).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  getReport: z.strictObject({ id }),
  resubmitReports: z.union([z.strictObject({ ids }), z.strictObject({ allFailed: z.literal(true) })]),
  discardReports: z.strictObject({ ids, reason: z.string().trim().min(1, { message: 'a reason is required' }).max(500) }),
  attachReportContext: z.strictObject({ ids, callChainId: guidSchema, participantId: guidSchema }),
  listCallRecords: z.strictObject({
    sinceHours: z.number().positive().max(30 * 24, { message: 'must be at most 720 hours (30 days: Graph keeps call records 30 days)' }).optional(),
    participantId: z.string().max(128).optional(),
    refresh: z.boolean().optional(),
  }),
  getCallRecord: z.strictObject({ id, refresh: z.boolean().optional() }),
  getSettings: z.undefined(),
  updateSettings: settingsPatchSchema,
  testConnection: connectionTestRequestSchema,
  testDevice: z.strictObject({
    deviceId: z.string().min(1).max(64).optional(),
    url: devicePatchSchema.shape.url,
    username: z.string().min(1, { message: 'is required' }),
    password: z.string().min(1).optional(),
    allowSelfSigned: z.boolean(),
    /** Absent: cisco-xapi (the only kind before there were several). */
    kind: devicePatchSchema.shape.kind.optional(),
    certificateSha256: devicePatchSchema.shape.certificateSha256,
    transport: devicePatchSchema.shape.transport,
  }),
  listIngestTokens: z.undefined(),
  createIngestToken: z.strictObject({ name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 letters, digits, dot, dash or underscore' }) }),
  revokeIngestToken: z.strictObject({ name: z.string().min(1).max(64) }),
  exportDiagnostics: z.undefined(),
  testTelemetryExport: telemetryTestRequestSchema,
};

export const APP_API_METHODS = [
  'getAppInfo', 'startDemo', 'getRooms', 'getRoomHistory', 'getSyncStatus', 'setSyncPaused', 'listAlertLog', 'listReports', 'getReport', 'resubmitReports',
  'discardReports', 'attachReportContext', 'listCallRecords', 'getCallRecord', 'getSettings', 'updateSettings',
  'testConnection', 'testDevice', 'listIngestTokens', 'createIngestToken', 'revokeIngestToken', 'exportDiagnostics', 'testTelemetryExport',
] as const satisfies readonly AppApiMethod[];
export const APP_EVENT_NAMES = [
  'roomsChanged', 'syncStatus', 'alert', 'reportsChanged', 'callRecordsChanged', 'navigate', 'settingsChanged', 'diagnosticsExported',
] as const satisfies readonly AppEventName[];

// Both lists name every method and event: a name added to the spec but not listed fails to compile here.
type Unlisted = Exclude<AppApiMethod, (typeof APP_API_METHODS)[number]> | Exclude<AppEventName, (typeof APP_EVENT_NAMES)[number]>;
const _listsAreComplete: [Unlisted] extends [never] ? true : never = true;

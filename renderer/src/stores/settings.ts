/**
 * The settings store: the core's SettingsView (secrets only as "set / not set"), saving one section at a
 * time as a patch, the connection test, and ingest tokens. A created token is held here only until the
 * operator dismisses it: it is shown once and never fetched again (the core cannot return it).
 */
import { createStore } from 'zustand/vanilla';
import type { AppApiClient, AppRequest, AppResponse } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/api/result';
import type { ConnectionTestRequest, SettingsPatch } from '../../../shared/api/requests';
import type { ConnectionTestView, DeviceTestView, IngestTokenView, SettingsView } from '../../../shared/api/views';
import { IDLE, LOADING, fromResult, settle, type LoadState } from './load-state';

export type SettingsSection = 'connection' | 'rooms' | 'ingest' | 'alerts' | 'startup' | 'telemetry';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving'; section: SettingsSection }
  | { status: 'saved'; section: SettingsSection }
  | { status: 'error'; section: SettingsSection; error: AppError };

export type NewTokenState =
  | { status: 'idle' }
  | { status: 'creating' }
  | { status: 'created'; name: string; token: string }
  | { status: 'error'; error: AppError };

export interface SettingsState {
  settings: LoadState<SettingsView>;
  save: SaveState;
  connectionTest: LoadState<ConnectionTestView>;
  tokens: LoadState<IngestTokenView[]>;
  newToken: NewTokenState;
  revokeError: AppError | undefined;
  diagnostics: LoadState<{ path: string; sizeBytes: number }>;
  start(): () => void;
  load(): Promise<void>;
  update(section: SettingsSection, patch: SettingsPatch): Promise<Result<SettingsView>>;
  /** Acquires a token with the values on screen (saved or not). */
  testConnection(request: ConnectionTestRequest): Promise<void>;
  exportDiagnostics(): Promise<void>;
  /** One status read of a codec with the settings being edited (not saved); the answer is the caller's to show. */
  testDevice(request: AppRequest<'testDevice'>): Promise<Result<DeviceTestView>>;
  /** One OTLP export of the current metrics to the endpoint being edited; the collector's answer is the caller's to show. */
  testTelemetryExport(request: AppRequest<'testTelemetryExport'>): Promise<Result<AppResponse<'testTelemetryExport'>>>;
  loadTokens(): Promise<void>;
  createToken(name: string): Promise<void>;
  dismissNewToken(): void;
  revokeToken(name: string): Promise<void>;
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

export function createSettingsStore(api: AppApiClient) {
  return createStore<SettingsState>()((set, get) => ({
    settings: IDLE,
    save: { status: 'idle' },
    connectionTest: IDLE,
    tokens: IDLE,
    newToken: { status: 'idle' },
    revokeError: undefined,
    diagnostics: IDLE,

    start() {
      void get().load();
      return () => undefined;
    },

    async load() {
      if (get().settings.status !== 'ready') set({ settings: LOADING });
      set({ settings: fromResult(await settle(() => api.getSettings())) });
    },

    async update(section, patch) {
      set({ save: { status: 'saving', section } });
      const result = await settle(() => api.updateSettings(patch));
      if (result.ok) set({ settings: { status: 'ready', value: result.value }, save: { status: 'saved', section } });
      else set({ save: { status: 'error', section, error: result.error } });
      return result;
    },

    async testConnection(request) {
      set({ connectionTest: LOADING });
      set({ connectionTest: fromResult(await settle(() => api.testConnection(request))) });
    },

    testDevice(request) {
      return settle(() => api.testDevice(request));
    },

    testTelemetryExport(request) {
      return settle(() => api.testTelemetryExport(request));
    },

    async exportDiagnostics() {
      set({ diagnostics: LOADING });
      set({ diagnostics: fromResult(await settle(() => api.exportDiagnostics())) });
    },

    async loadTokens() {
      if (get().tokens.status !== 'ready') set({ tokens: LOADING });
      set({ tokens: fromResult(await settle(() => api.listIngestTokens())) });
    },

    async createToken(name) {
      set({ newToken: { status: 'creating' } });
      const result = await settle(() => api.createIngestToken({ name }));
      set({ newToken: result.ok ? { status: 'created', ...result.value } : { status: 'error', error: result.error } });
      if (result.ok) await get().loadTokens();
    },

    dismissNewToken() {
      set({ newToken: { status: 'idle' } });
    },

    async revokeToken(name) {
      set({ revokeError: undefined });
      const result = await settle(() => api.revokeIngestToken({ name }));
      if (!result.ok) set({ revokeError: result.error });
      await get().loadTokens();
    },
  }));
}

/**
 * The AppApi handlers over the core's services. Each handler is a few lines: the work lives in the
 * services; this file only maps requests to them and rows to views.
 */
import type { AppApiHandlers } from '../../../shared/api/contract';
import { OUTBOX_STATES, type OutboxCounts, type SettingsView } from '../../../shared/api/views';
import type { AppConfig } from '../../../shared/config/schema';
import type { Db } from '../db/database';
import { AppFailure } from '../api/failure';
import type { AppEventHub } from './events';
import type { CoreOptions } from './core';

export interface HandlerContext {
  db: Db;
  config: AppConfig;
  options: CoreOptions;
  events: AppEventHub;
}

const notYet = (what: string): never => {
  throw new AppFailure('unavailable', `${what} is not available in this build yet`);
};

export function emptyCounts(): OutboxCounts {
  return Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as OutboxCounts;
}

export function settingsView(config: AppConfig): SettingsView {
  const credential: SettingsView['credential'] = !config.credential
    ? { type: 'none' }
    : config.credential.type === 'secret'
      ? { type: 'secret', secretSet: true }
      : { type: 'certificate', certificatePath: config.credential.certificatePath, privateKeyPath: config.credential.privateKeyPath };
  return {
    cloud: config.cloud,
    tenantId: config.tenantId,
    clientId: config.clientId,
    credential,
    rooms: config.rooms.map((room) => ({
      id: room.id,
      name: room.name,
      devices: room.devices.map((device) => ({
        id: device.id,
        kind: device.kind,
        url: device.url,
        username: device.username,
        passwordSet: true,
        allowSelfSigned: device.allowSelfSigned,
        pollSeconds: device.pollSeconds,
      })),
    })),
    thresholds: config.thresholds ?? {},
    alertCooldownMinutes: config.alerts?.cooldownMinutes ?? 5,
    ingest: config.ingest,
    launchAtLogin: false,
    doNotDisturb: false,
    managedKeys: [],
  };
}

export function createHandlers(context: HandlerContext): AppApiHandlers {
  const { config, options } = context;
  return {
    getAppInfo: () => ({ version: options.version, transport: options.transport, demo: options.demo ?? false, dataDir: options.dataDir }),
    getRooms: () => [],
    getSyncStatus: () => ({ state: 'setup_needed', reason: 'Graph credentials are not configured', pausedByOperator: false, counts: emptyCounts(), fillRatio: 0 }),
    setSyncPaused: () => notYet('Sync'),
    listReports: () => ({ items: [] }),
    getReport: ({ id }) => {
      throw new AppFailure('not_found', `Report ${id} was not found`);
    },
    resubmitReports: () => notYet('Resubmit'),
    discardReports: () => notYet('Discard'),
    attachReportContext: () => notYet('Attach context'),
    listCallRecords: () => ({ availability: 'not_configured', items: [], stale: false }),
    getCallRecord: () => notYet('Call records'),
    getSettings: () => settingsView(config),
    updateSettings: () => notYet('Settings'),
    testConnection: () => notYet('Test connection'),
    listIngestTokens: () => [],
    createIngestToken: () => notYet('Ingest tokens'),
    revokeIngestToken: () => notYet('Ingest tokens'),
  };
}

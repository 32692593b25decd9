/**
 * The AppApiClient the renderer holds, built from one typed call and one event subscription: the Electron
 * preload passes ipcRenderer-backed ones, the browser's WebSocket client its own. Each method is written out
 * once, here, so the page gets named functions (never a generic `invoke(channel)`), and the return type makes
 * the compiler prove the object is exactly the contract.
 */
import type { AppApiClient, AppCall, AppEventsClient } from './contract';

export function createAppApiClient(call: AppCall, on: AppEventsClient['on']): AppApiClient {
  return {
    getAppInfo: () => call('getAppInfo', undefined),
    startDemo: () => call('startDemo', undefined),
    getRooms: () => call('getRooms', undefined),
    getRoomHistory: (req) => call('getRoomHistory', req),
    getSyncStatus: () => call('getSyncStatus', undefined),
    setSyncPaused: (req) => call('setSyncPaused', req),
    listAlertLog: (req) => call('listAlertLog', req),
    listReports: (req) => call('listReports', req),
    getReport: (req) => call('getReport', req),
    resubmitReports: (req) => call('resubmitReports', req),
    discardReports: (req) => call('discardReports', req),
    attachReportContext: (req) => call('attachReportContext', req),
    listCallRecords: (req) => call('listCallRecords', req),
    getCallRecord: (req) => call('getCallRecord', req),
    getSettings: () => call('getSettings', undefined),
    updateSettings: (req) => call('updateSettings', req),
    testConnection: (req) => call('testConnection', req),
    testDevice: (req) => call('testDevice', req),
    listIngestTokens: () => call('listIngestTokens', undefined),
    createIngestToken: (req) => call('createIngestToken', req),
    revokeIngestToken: (req) => call('revokeIngestToken', req),
    exportDiagnostics: () => call('exportDiagnostics', undefined),
    testTelemetryExport: (req) => call('testTelemetryExport', req),
    on,
  };
}

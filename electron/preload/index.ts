/**
 * Exposes the AppApi to the renderer as `window.api`: one small function per method, written out by hand
 * (examples-to-follow #4: never a generic invoke(channel)). `satisfies` makes the compiler prove the object
 * is exactly the shared AppApiClient, so the renderer's type of window.api needs no cast.
 */
import { contextBridge } from 'electron';
import type { AppApiClient } from '../../shared/api/contract';
import { invoke, subscribe } from './ipc';

const api = {
  getAppInfo: () => invoke('getAppInfo', undefined),
  getRooms: () => invoke('getRooms', undefined),
  getSyncStatus: () => invoke('getSyncStatus', undefined),
  setSyncPaused: (req) => invoke('setSyncPaused', req),
  listReports: (req) => invoke('listReports', req),
  getReport: (req) => invoke('getReport', req),
  resubmitReports: (req) => invoke('resubmitReports', req),
  discardReports: (req) => invoke('discardReports', req),
  attachReportContext: (req) => invoke('attachReportContext', req),
  listCallRecords: (req) => invoke('listCallRecords', req),
  getCallRecord: (req) => invoke('getCallRecord', req),
  getSettings: () => invoke('getSettings', undefined),
  updateSettings: (req) => invoke('updateSettings', req),
  testConnection: () => invoke('testConnection', undefined),
  listIngestTokens: () => invoke('listIngestTokens', undefined),
  createIngestToken: (req) => invoke('createIngestToken', req),
  revokeIngestToken: (req) => invoke('revokeIngestToken', req),
  startDemo: () => invoke('startDemo', undefined),
  exportDiagnostics: () => invoke('exportDiagnostics', undefined),
  testDevice: (req) => invoke('testDevice', req),
  on: (event, listener) => subscribe(event, listener),
} satisfies AppApiClient;

contextBridge.exposeInMainWorld('api', api);

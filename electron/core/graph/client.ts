/**
 * The Microsoft Graph client of the core: logTeleconferenceDeviceQuality (QualitySender, for
 * the outbox) and the callRecords reads (for the call-records service). Base URL per cloud (../shared/reference/graph-api.md
 * §5) or an explicit one (`endpoints.graph`: emulator or proxy); one request path (transport.ts) for
 * headers, timeouts, the single 401 retry and typed errors.
 */
import type { CloudName } from '../../../shared/config/schema';
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import type { CallRecord, CallRecordSession } from '../../../shared/graph/callRecords';
import { resolveCloud } from '../auth/clouds';
import { USER_AGENT } from '../app/version';
import {
  getCallRecord,
  iterateCallRecordPages,
  listCallRecords,
  listSessions,
  type CallRecordListQuery,
  type CallRecordPage,
  type GetCallRecordOptions,
} from './callRecordsApi';
import { createTransport, type AccessTokenSource } from './transport';
import type { QualitySender, QualitySendResult, SendOptions } from './types';

export const QUALITY_PERMISSION = 'Calls.AccessMedia.All';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface GraphClientOptions {
  /** Picks the Graph root (§5); China throws GraphError kind `unavailable`. Ignored when graphBaseUrl is set. */
  cloud?: CloudName;
  /** Graph root without version, e.g. http://127.0.0.1:41234 (emulator) or https://graph.microsoft.us. */
  graphBaseUrl?: string;
  apiVersion?: 'v1.0' | 'beta';
  tokenProvider: AccessTokenSource;
  /** Required by logTeleconferenceDeviceQuality; "ApplicationName/Version" (default VTCQualityMonitor/<version>). */
  userAgent?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface GraphClient extends QualitySender {
  readonly baseUrl: string;
  /** Every record matching the query, following `@odata.nextLink`. */
  listCallRecords(query?: CallRecordListQuery): Promise<CallRecord[]>;
  /** The same, one page at a time (each page ≤ 60 records). */
  iterateCallRecordPages(query?: CallRecordListQuery): AsyncGenerator<CallRecordPage>;
  /** One record; with `expandSessions`, every session (and its segments) across `sessions@odata.nextLink`. */
  getCallRecord(id: string, options?: GetCallRecordOptions): Promise<CallRecord>;
  listSessions(id: string, options?: { expandSegments?: boolean; maxPageSize?: number; signal?: AbortSignal }): Promise<CallRecordSession[]>;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const root = (options.graphBaseUrl ?? resolveCloud(options.cloud ?? 'global').graphRoot).replace(/\/+$/, '');
  const versionRoot = `${root}/${options.apiVersion ?? 'v1.0'}`;
  const transport = createTransport({
    tokenProvider: options.tokenProvider,
    userAgent: options.userAgent ?? USER_AGENT,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? fetch,
  });
  const ctx = { transport, versionRoot, graphOrigin: new URL(root).origin };

  return {
    baseUrl: root,
    async logTeleconferenceDeviceQuality(quality: TeleconferenceDeviceQuality, sendOptions: SendOptions = {}): Promise<QualitySendResult> {
      const response = await transport({
        method: 'POST',
        url: `${versionRoot}/communications/calls/logTeleconferenceDeviceQuality`,
        body: { quality },
        clientRequestId: sendOptions.clientRequestId,
        signal: sendOptions.signal,
        requiredPermission: QUALITY_PERMISSION,
      });
      return {
        status: response.status,
        requestId: response.requestId,
        clientRequestId: response.clientRequestId,
        durationMs: response.durationMs,
      };
    },
    listCallRecords: (query) => listCallRecords(ctx, query),
    iterateCallRecordPages: (query) => iterateCallRecordPages(ctx, query),
    getCallRecord: (id, getOptions) => getCallRecord(ctx, id, getOptions),
    listSessions: (id, sessionOptions) => listSessions(ctx, id, sessionOptions),
  };
}

export { GraphPagingError } from './paging';
export type { CallRecordListQuery, CallRecordPage, GetCallRecordOptions } from './callRecordsApi';
export type { AccessTokenSource } from './transport';

/**
 * The emulator's control operations, shared by the HTTP control API (controlRoute.ts) and the in-process
 * handle returned by startEmulator, so a test and a shell script drive it the same way.
 */
import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { issueAccessToken } from './accessTokens';
import type { CallRecordPublishing } from './callRecordPublisher';
import { nextCallRecordVersion, type CallRecordVersionChange } from './callRecordVersions';
import { certificateFromPem } from './registry';
import type { EmulatorState } from './state';
import type { EmulatorRoute, EmulatorStats, FaultSpec, RateLimitSpec, ReceivedReport } from './types';

export interface RegisterAppOptions {
  clientId?: string;
  clientSecret?: string;
  certificatePem?: string;
  roles?: readonly string[];
  displayName?: string;
}

export interface EmulatorControl {
  received(): ReceivedReport[];
  injectFaults(...faults: FaultSpec[]): void;
  clearFaults(): void;
  seedCallRecords(records: readonly CallRecord[], options?: { replace?: boolean }): void;
  callRecords(): CallRecord[];
  /** Publishes an updated version of a stored record (callRecordVersions.ts); undefined when there is no such record. */
  publishCallRecordVersion(id: string, change: CallRecordVersionChange): CallRecord | undefined;
  /** Turns publishing a callRecord per accepted report on (with its delay and disagreement) or off (null). */
  setCallRecordPublishing(options: CallRecordPublishing | null): void;
  /** Resolves once the record for this callChainId is published (in-process only). */
  whenCallRecordPublished(callChainId: string): Promise<CallRecord>;
  setRateLimit(route: EmulatorRoute, limit: RateLimitSpec | null): void;
  /** Changes an app's granted application permissions (the demo app's by default): "admin consent". */
  setGrantedRoles(roles: readonly string[], clientId?: string): void;
  /** Adds an app registration; returns its credentials (client id and secret generated when not given). */
  registerApp(options?: RegisterAppOptions): { clientId: string; clientSecret: string };
  /** Registers a certificate on an app (the demo app by default); returns its hex SHA-256 thumbprint. */
  registerCertificate(certificatePem: string, clientId?: string): { thumbprintSha256: string };
  /** A signed access token as the token endpoint would issue it, for tests of Graph's bearer checks. */
  issueAccessToken(options?: { clientId?: string; roles?: readonly string[]; lifetimeSeconds?: number }): Promise<string>;
  stats(): EmulatorStats;
  reset(): void;
}

export function createControl(state: EmulatorState): EmulatorControl {
  return {
    received: () => state.received.map((report) => ({ ...report })),
    injectFaults: (...faults) => faults.forEach((fault) => state.faults.add(fault)),
    clearFaults: () => state.faults.clear(),
    seedCallRecords(records, options = {}) {
      if (options.replace) state.callRecords.replaceAll(records);
      else state.callRecords.upsert(records);
    },
    callRecords: () => state.callRecords.all(),
    publishCallRecordVersion(id, change) {
      const current = state.callRecords.get(id);
      if (!current) return undefined;
      const next = nextCallRecordVersion(current, change);
      state.callRecords.upsert([next]);
      return next;
    },
    setCallRecordPublishing: (options) => state.publisher.configure(options),
    whenCallRecordPublished: (callChainId) => state.publisher.whenPublished(callChainId),
    setRateLimit: (route, limit) => state.rateLimiter.set(route, limit),
    setGrantedRoles(roles, clientId = state.demoApp.clientId) {
      state.directory.require(clientId).roles = [...roles];
    },
    registerApp(options = {}) {
      const clientId = options.clientId ?? randomUUID();
      const clientSecret = options.clientSecret ?? `emu8Q~${randomUUID().replace(/-/g, '')}`;
      state.directory.register({
        clientId,
        displayName: options.displayName ?? 'emulator test app',
        secrets: [clientSecret],
        certificates: options.certificatePem ? [certificateFromPem(options.certificatePem)] : [],
        roles: [...(options.roles ?? [])],
      });
      return { clientId, clientSecret };
    },
    registerCertificate(certificatePem, clientId = state.demoApp.clientId) {
      const certificate = certificateFromPem(certificatePem);
      state.directory.require(clientId).certificates.push(certificate);
      return { thumbprintSha256: certificate.thumbprintSha256Hex };
    },
    async issueAccessToken(options = {}) {
      const app = state.directory.require(options.clientId ?? state.demoApp.clientId);
      const issued = await issueAccessToken(state, {
        clientId: app.clientId,
        roles: options.roles ?? app.roles,
        lifetimeSeconds: options.lifetimeSeconds,
      });
      return issued.accessToken;
    },
    stats: () => ({ tokensIssued: state.stats.tokensIssued, requests: { ...state.stats.requests } }),
    reset: () => state.reset(),
  };
}

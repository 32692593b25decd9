/**
 * The Graph and Entra ID emulator: a real HTTP server on 127.0.0.1 for tests, benchmarks and
 * the demo. `startEmulator()` listens (port 0 = a free port), and resolves with the URL, the demo app
 * registration (granted both permissions) and control methods usable in-process; `close()` stops it.
 */
import { graphCsdl } from './csdl/index';
import type { AddressInfo } from 'node:net';
import type { CallRecordPublishing } from './callRecordPublisher';
import { createControl, type EmulatorControl } from './control';
import { createEmulatorServer } from './server';
import { EmulatorState } from './state';
import { DEFAULT_GRANTED_ROLES, type EmulatorRoute, type RateLimitSpec } from './types';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Seeds the tenant, the demo app and the generated callRecords (default 1). */
  seed?: number;
  /** Lifetime of issued access tokens (default 3599 s, like Entra's minimum default). */
  tokenLifetimeSeconds?: number;
  /** The demo app's granted application permissions (default both). */
  grantedRoles?: readonly string[];
  rateLimit?: Partial<Record<EmulatorRoute, RateLimitSpec>>;
  /** Number of generated callRecords (default 200). */
  callRecordCount?: number;
  /** The emulator's clock in ms (default Date.now): token lifetimes, retention, rate-limit windows. */
  now?: () => number;
  /**
   * Publish a callRecord (id = the report's callChainId, numbers agreeing with the report) `delayMs` after
   * each accepted logTeleconferenceDeviceQuality report, as Teams does after a call. Off by default.
   */
  publishCallRecordsFromReports?: CallRecordPublishing;
  /** Participants per page of an expanded or listed participants_v2 (default 130, Graph's maximum; tests use fewer). */
  participantsPageSize?: number;
}

export interface EmulatorHandle extends EmulatorControl {
  /** e.g. http://127.0.0.1:41234 — both the Graph base and the login (authority) host. */
  url: string;
  port: number;
  tenantId: string;
  /** The demo app registration. */
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  // Parsed before listening: a missing or broken CSDL fails the start, not the first request.
  graphCsdl();
  const state = new EmulatorState({
    seed: options.seed ?? 1,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    grantedRoles: options.grantedRoles ?? DEFAULT_GRANTED_ROLES,
    rateLimit: options.rateLimit,
    callRecordCount: options.callRecordCount,
    publishCallRecordsFromReports: options.publishCallRecordsFromReports,
    participantsPageSize: options.participantsPageSize,
    now: options.now ?? Date.now,
  });
  const control = createControl(state);
  const running = createEmulatorServer(state, control);
  await new Promise<void>((resolve, reject) => {
    running.server.once('error', reject);
    running.server.listen(options.port ?? 0, host, () => {
      running.server.off('error', reject);
      resolve();
    });
  });
  const { port } = running.server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  state.baseUrl = `http://${urlHost}:${port}`;
  return {
    ...control,
    url: state.baseUrl,
    port,
    tenantId: state.tenantId,
    clientId: state.demoApp.clientId,
    clientSecret: state.demoApp.secrets[0] as string,
    close: () => {
      state.publisher.dispose();
      return running.close();
    },
  };
}

export { generateCallRecords, type CallRecordGeneratorOptions } from './callRecordGenerator';
export { isRetained, RETENTION_DAYS } from './callRecordStore';
export { callRecordFromReport, DISAGREEMENT } from './callRecordFromReport';
export type { CallRecordPublishing } from './callRecordPublisher';
export type { EmulatorControl, RegisterAppOptions } from './control';
export * from './types';

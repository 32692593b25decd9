/**
 * Everything the running emulator knows: its tenant and demo app registration (derived from the seed so
 * `--seed` reproduces the same credentials), the token-signing key, what it received, scripted faults,
 * rate limits, callRecords and counters. Handlers read and change it; the control API and the
 * in-process handle expose it.
 */
import { generateKeyPairSync, createHash, type KeyObject } from 'node:crypto';
import type { CallRecord } from '../../../shared/graph/callRecords';
import { generateCallRecords } from './callRecordGenerator';
import { CallRecordPublisher, type CallRecordPublishing } from './callRecordPublisher';
import { CallRecordStore } from './callRecordStore';
import { FaultBook } from './faults';
import { MAX_PARTICIPANTS_PAGE_SIZE } from './paging';
import { createPrng } from './prng';
import { RateLimiter } from './rateLimit';
import { AppDirectory, type AppRegistration } from './registry';
import {
  EMULATOR_ROUTES,
  type EmulatorRoute,
  type EmulatorStats,
  type RateLimitSpec,
  type ReceivedReport,
} from './types';

export interface EmulatorStateOptions {
  seed: number;
  /** Lifetime of issued access tokens (Entra's default is 60–90 minutes; tests use seconds). */
  tokenLifetimeSeconds: number;
  grantedRoles: readonly string[];
  rateLimit?: Partial<Record<EmulatorRoute, RateLimitSpec>>;
  callRecordCount?: number;
  publishCallRecordsFromReports?: CallRecordPublishing;
  participantsPageSize?: number;
  now: () => number;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** `kid` (and `x5t`) of issued tokens: a hash of the public key, as JWKS consumers look keys up by it. */
  keyId: string;
}

export class EmulatorState {
  readonly tenantId: string;
  readonly demoApp: AppRegistration;
  readonly directory = new AppDirectory();
  readonly signingKey: SigningKey;
  readonly faults = new FaultBook();
  readonly rateLimiter: RateLimiter;
  readonly callRecords: CallRecordStore;
  /** Publishes a callRecord for each accepted report, when configured (callRecordPublisher.ts). */
  readonly publisher: CallRecordPublisher;
  readonly now: () => number;
  /** Participants per participants_v2 page (paging.ts MAX_PARTICIPANTS_PAGE_SIZE unless a test asks for fewer). */
  readonly participantsPageSize: number;
  tokenLifetimeSeconds: number;
  received: ReceivedReport[] = [];
  stats: EmulatorStats = emptyStats();
  /** Set once the server listens: used for next links and discovery documents. */
  baseUrl = '';
  private readonly generatedRecords: CallRecord[];
  private readonly initialRoles: readonly string[];
  private readonly initialRateLimit: Partial<Record<EmulatorRoute, RateLimitSpec>>;

  constructor(options: EmulatorStateOptions) {
    this.now = options.now;
    this.participantsPageSize = Math.min(Math.max(1, Math.floor(options.participantsPageSize ?? MAX_PARTICIPANTS_PAGE_SIZE)), MAX_PARTICIPANTS_PAGE_SIZE);
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
    this.initialRoles = [...options.grantedRoles];
    this.initialRateLimit = options.rateLimit ?? {};
    const prng = createPrng(options.seed);
    this.tenantId = prng.guid();
    this.demoApp = {
      clientId: prng.guid(),
      displayName: 'VTC Quality Monitor (emulator demo)',
      // Entra client secrets look like `xxx8Q~` + 34 characters.
      secrets: [`${prng.text(3)}8Q~${prng.text(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-')}`],
      certificates: [],
      roles: [...this.initialRoles],
    };
    this.directory.register(this.demoApp);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 27);
    this.signingKey = { privateKey, publicKey, keyId };
    this.rateLimiter = new RateLimiter(this.initialRateLimit);
    this.generatedRecords = generateCallRecords({
      seed: options.seed,
      nowMs: this.now(),
      tenantId: this.tenantId,
      count: options.callRecordCount,
    });
    this.callRecords = new CallRecordStore(this.generatedRecords);
    this.publisher = new CallRecordPublisher(this.callRecords, { now: this.now, tenantId: this.tenantId }, options.publishCallRecordsFromReports);
  }

  count(route: EmulatorRoute): void {
    this.stats.requests[route] += 1;
  }

  /**
   * Back to the state right after start: received reports, faults, rate-limit windows and counters
   * cleared, generated callRecords restored, the demo app's roles restored. Extra app registrations
   * and certificates stay (tests hold their credentials).
   */
  reset(): void {
    this.received = [];
    this.stats = emptyStats();
    this.faults.clear();
    this.rateLimiter.clear();
    for (const [route, spec] of Object.entries(this.initialRateLimit) as [EmulatorRoute, RateLimitSpec][]) {
      this.rateLimiter.set(route, spec);
    }
    this.callRecords.replaceAll(this.generatedRecords);
    this.publisher.reset();
    this.demoApp.roles = [...this.initialRoles];
  }
}

function emptyStats(): EmulatorStats {
  const requests = Object.fromEntries(EMULATOR_ROUTES.map((route) => [route, 0])) as Record<EmulatorRoute, number>;
  return { tokensIssued: 0, requests };
}

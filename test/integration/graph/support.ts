/**
 * Shared set-up for the Graph/Entra integration tests: a real emulator on 127.0.0.1 port 0, the real MSAL
 * token provider routed to it, the real Graph client, the seed example body and a self-signed test
 * certificate. Nothing here is mocked.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import { createTokenProvider, type ClientCredential, type TokenProvider } from '../../../electron/core/auth/tokenProvider';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../../electron/core/graph/client';
import { GraphError } from '../../../electron/core/graph/errors';
import type { EmulatorHandle } from '../../../electron/sim/emulator/index';

const SEED_TEXT = readFileSync(fileURLToPath(new URL('../../fixtures/seed-quality-body.json', import.meta.url)), 'utf8');

/** A fresh deep copy of the seed body `{ quality: … }` (../shared/reference/graph-api.md §1.1 example). */
export function seedBody(): { quality: TeleconferenceDeviceQuality } {
  return JSON.parse(SEED_TEXT) as { quality: TeleconferenceDeviceQuality };
}

export function secretProvider(emulator: EmulatorHandle, overrides: { clientId?: string; secret?: string; tenantId?: string } = {}): TokenProvider {
  return providerFor(emulator, { type: 'secret', secret: overrides.secret ?? emulator.clientSecret }, overrides);
}

export function providerFor(
  emulator: EmulatorHandle,
  credential: ClientCredential,
  overrides: { clientId?: string; tenantId?: string; cloud?: 'global' | 'usgov-l4' | 'usgov-l5' } = {},
): TokenProvider {
  return createTokenProvider({
    cloud: overrides.cloud ?? 'global',
    tenantId: overrides.tenantId ?? emulator.tenantId,
    clientId: overrides.clientId ?? emulator.clientId,
    credential,
    endpoints: { login: emulator.url },
  });
}

export function clientFor(emulator: EmulatorHandle, provider: GraphClientOptions['tokenProvider'], options: Partial<GraphClientOptions> = {}): GraphClient {
  return createGraphClient({ graphBaseUrl: emulator.url, tokenProvider: provider, ...options });
}

export interface TestCertificate {
  certificatePem: string;
  privateKeyPem: string;
}

export async function makeCertificate(commonName = 'vtc-quality-monitor-test'): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: commonName }], { keySize: 2048 });
  return { certificatePem: pems.cert, privateKeyPem: pems.private };
}

/** Awaits a rejection and returns it as a GraphError (fails the test when it is anything else). */
export async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw new Error(`expected a GraphError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a GraphError, but the call succeeded');
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request through node:http, which (unlike fetch) sends no User-Agent unless given: the only way to
 * test the emulator's "User-Agent required" rule.
 */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

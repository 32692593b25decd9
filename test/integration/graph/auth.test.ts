/**
 * Real MSAL (ConfidentialClientApplication, client credentials) against the running emulator: tokens by
 * secret and by certificate, renewal, clear errors, national clouds, and the "Test connection" report.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import { createTokenProvider } from '../../../electron/core/auth/tokenProvider';
import { decodeJwtPayload } from '../../../electron/core/auth/permissions';
import { testConnection } from '../../../electron/core/auth/testConnection';
import { createGraphClient } from '../../../electron/core/graph/client';
import { clientFor, graphFailure, makeCertificate, providerFor, secretProvider, seedBody, type TestCertificate } from './support';

let emulator: EmulatorHandle;
let certificate: TestCertificate;

beforeAll(async () => {
  [emulator, certificate] = await Promise.all([startEmulator({ seed: 7 }), makeCertificate()]);
});
afterAll(() => emulator.close());
afterEach(() => {
  vi.useRealTimers();
  emulator.reset();
});

describe('token by client secret', () => {
  it('gets a signed token whose roles list both permissions, then serves it from MSAL cache', async () => {
    const provider = secretProvider(emulator);
    const first = await provider.getToken();
    const claims = decodeJwtPayload(first.accessToken);
    expect(first.fromCache).toBe(false);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: emulator.tenantId, appid: emulator.clientId, appidacr: '1' });
    expect(claims?.roles).toEqual(['Calls.AccessMedia.All', 'CallRecords.Read.All']);

    const second = await provider.getToken();
    expect(second.fromCache).toBe(true);
    expect(second.accessToken).toBe(first.accessToken);
    expect(emulator.stats().tokensIssued).toBe(1);
  });

  it('forceRefresh bypasses the cache (skipCache) and gets a new token', async () => {
    const provider = secretProvider(emulator);
    const first = await provider.getToken();
    const refreshed = await provider.getToken({ forceRefresh: true });
    expect(refreshed.fromCache).toBe(false);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(emulator.stats().tokensIssued).toBe(2);
  });
});

describe('token by certificate', () => {
  it('signs a PS256 client assertion with x5t#S256 from the PEM, and the emulator verifies it', async () => {
    const { thumbprintSha256 } = emulator.registerCertificate(certificate.certificatePem);
    const provider = providerFor(emulator, { type: 'certificate', ...certificate });
    const token = await provider.getToken();
    expect(decodeJwtPayload(token.accessToken)).toMatchObject({ appidacr: '2', appid: emulator.clientId });
    expect(thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
  });

  it('uses the cloud\'s scope: a US Gov L5 token is for dod-graph.microsoft.us', async () => {
    const app = emulator.registerApp({ certificatePem: certificate.certificatePem, roles: ['CallRecords.Read.All'] });
    const provider = providerFor(emulator, { type: 'certificate', ...certificate, sendX5c: true }, { clientId: app.clientId, cloud: 'usgov-l5' });
    const token = await provider.getToken();
    expect(decodeJwtPayload(token.accessToken)?.aud).toBe('https://dod-graph.microsoft.us');
  });

  it('refuses a certificate that is not registered on the app, saying so', async () => {
    const stranger = await makeCertificate('not-registered');
    const app = emulator.registerApp({ roles: [] });
    const provider = providerFor(emulator, { type: 'certificate', ...stranger }, { clientId: app.clientId });
    const error = await graphFailure(provider.getToken());
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'invalid_client', retryable: false });
    expect(error.message).toContain('AADSTS700027');
    expect(error.message).toContain('certificate is not registered');
  });

  it('refuses a private key that does not belong to the certificate before calling Entra', async () => {
    const other = await makeCertificate('other');
    expect(() => providerFor(emulator, { type: 'certificate', certificatePem: certificate.certificatePem, privateKeyPem: other.privateKeyPem })).toThrow(
      /does not belong to the certificate/,
    );
  });
});

describe('clear errors', () => {
  it('wrong secret → invalid_client with the AADSTS code and what to do', async () => {
    const error = await graphFailure(secretProvider(emulator, { secret: 'not-the-secret' }).getToken());
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'invalid_client', retryable: false });
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).toContain('client secret is wrong');
  });

  it('unknown client id and unknown tenant are told apart', async () => {
    const app = await graphFailure(secretProvider(emulator, { clientId: '11111111-2222-4333-8444-555555555555' }).getToken());
    expect(app).toMatchObject({ status: 400, code: 'unauthorized_client' });
    expect(app.message).toContain('client id is not an application in this tenant');
    const tenant = await graphFailure(secretProvider(emulator, { tenantId: '99999999-2222-4333-8444-555555555555' }).getToken());
    expect(tenant.message).toContain('tenant was not found');
  });

  it('an unreachable login endpoint is a retryable network error', async () => {
    const provider = createTokenProvider({
      cloud: 'global',
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      credential: { type: 'secret', secret: emulator.clientSecret },
      endpoints: { login: 'http://127.0.0.1:9' },
    });
    const error = await graphFailure(provider.getToken());
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });
});

describe('renewal when the token expires', () => {
  it('tokens living ≤ 300 s are renewed on every call (MSAL renews 300 s before expiry)', async () => {
    const shortLived = await startEmulator({ seed: 7, tokenLifetimeSeconds: 120 });
    try {
      const provider = secretProvider(shortLived);
      const first = await provider.getToken();
      const second = await provider.getToken();
      expect(second.fromCache).toBe(false);
      expect(second.accessToken).not.toBe(first.accessToken);
      expect(shortLived.stats().tokensIssued).toBe(2);
    } finally {
      await shortLived.close();
    }
  });

  it('MSAL serves its cached token until 300 s before expiry, then fetches a new one', async () => {
    const lifetimed = await startEmulator({ seed: 7, tokenLifetimeSeconds: 3600 });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const provider = secretProvider(lifetimed);
      const first = await provider.getToken();
      vi.setSystemTime(Date.now() + 3000 * 1000); // 600 s left: still fresh for MSAL
      expect((await provider.getToken()).accessToken).toBe(first.accessToken);
      vi.setSystemTime(Date.now() + 301 * 1000); // 299 s left: inside the renewal window
      const renewed = await provider.getToken();
      expect(renewed.fromCache).toBe(false);
      expect(renewed.accessToken).not.toBe(first.accessToken);
      expect(lifetimed.stats().tokensIssued).toBe(2);
    } finally {
      vi.useRealTimers();
      await lifetimed.close();
    }
  });

  it('a token that expired server-side gets one 401, then the client renews with skipCache and succeeds', async () => {
    let offsetMs = 0;
    const clocked = await startEmulator({ seed: 7, tokenLifetimeSeconds: 3600, now: () => Date.now() + offsetMs });
    try {
      const client = clientFor(clocked, secretProvider(clocked));
      await client.logTeleconferenceDeviceQuality(seedBody().quality);
      offsetMs = 3601 * 1000; // the emulator's clock passes the token's exp; MSAL's cache does not know
      const result = await client.logTeleconferenceDeviceQuality(seedBody().quality);
      expect(result.status).toBe(200);
      expect(clocked.stats()).toMatchObject({ tokensIssued: 2, requests: { quality: 3 } });
      expect(clocked.received()).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });
});

describe('national clouds', () => {
  it('China is refused with a clear message, by the token provider and by the Graph client', () => {
    const build = () =>
      createTokenProvider({ cloud: 'china', tenantId: emulator.tenantId, clientId: emulator.clientId, credential: { type: 'secret', secret: 'x' } });
    expect(build).toThrow(/China cloud .* not supported.*neither logTeleconferenceDeviceQuality nor callRecords/);
    expect(() => createGraphClient({ cloud: 'china', tokenProvider: secretProvider(emulator) })).toThrow(/China/);
  });

  it('each cloud has its Graph root', () => {
    const provider = secretProvider(emulator);
    expect(createGraphClient({ cloud: 'global', tokenProvider: provider }).baseUrl).toBe('https://graph.microsoft.com');
    expect(createGraphClient({ cloud: 'usgov-l4', tokenProvider: provider }).baseUrl).toBe('https://graph.microsoft.us');
    expect(createGraphClient({ cloud: 'usgov-l5', tokenProvider: provider }).baseUrl).toBe('https://dod-graph.microsoft.us');
  });
});

describe('Test connection', () => {
  it('reports granted and missing permissions from the token roles', async () => {
    const app = emulator.registerApp({ roles: ['CallRecords.Read.All'] });
    const result = await testConnection(secretProvider(emulator, { clientId: app.clientId, secret: app.clientSecret }));
    expect(result).toMatchObject({
      tokenAcquired: true,
      grantedPermissions: ['CallRecords.Read.All'],
      missingPermissions: ['Calls.AccessMedia.All'],
    });
  });

  it('sees a consent granted after the first token (it bypasses the cache)', async () => {
    const app = emulator.registerApp({ roles: [] });
    const provider = secretProvider(emulator, { clientId: app.clientId, secret: app.clientSecret });
    expect((await testConnection(provider)).missingPermissions).toHaveLength(2);
    emulator.setGrantedRoles(['Calls.AccessMedia.All', 'CallRecords.Read.All'], app.clientId);
    expect((await testConnection(provider)).missingPermissions).toEqual([]);
  });

  it('reports a failed token request without throwing', async () => {
    const result = await testConnection(secretProvider(emulator, { secret: 'wrong' }));
    expect(result.tokenAcquired).toBe(false);
    expect(result.error).toMatchObject({ kind: 'auth', code: 'invalid_client' });
  });
});

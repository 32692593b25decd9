/**
 * App-only tokens for Microsoft Graph with MSAL's ConfidentialClientApplication (client credentials,
 * ../shared/reference/graph-api.md §6). One provider = one MSAL instance = one app in one tenant, so MSAL's in-memory cache
 * serves repeated calls (§6.3); `forceRefresh` sets `skipCache` (after Graph answered 401).
 * Credential: a client secret, or a certificate (SHA-256 thumbprint computed from the PEM → MSAL signs
 * PS256 with `x5t#S256`; `sendX5c` adds the chain for subject-name/issuer auth).
 * `endpoints.login` (emulator or proxy) keeps the real https authority and swaps the origin in MSAL's
 * network client (emulatorNetworkClient.ts); without it the configuration is plain MSAL.
 * Note: MSAL renews a cached token 300 s before it expires (fixed in msal-node 7: `tokenRenewalOffsetSeconds`
 * is not configurable), so tokens living 300 s or less are never served from its cache.
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { CloudName } from '../../../shared/config/schema';
import { GraphError } from '../graph/errors';
import { toAuthGraphError } from './authErrors';
import { prepareCertificate } from './certificate';
import type { ClientCredential } from './credential';
import { resolveCloud, type CloudEndpoints } from './clouds';
import { createRedirectingNetworkClient } from './emulatorNetworkClient';
import { errorMessage } from '../../../shared/error-message';

export type { ClientCredential } from './credential';

export interface TokenProviderOptions {
  cloud: CloudName;
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  /** `login`: where token requests really go (emulator or proxy); the authority stays the cloud's. */
  endpoints?: { login?: string };
  /** Timeout of one token acquisition (default 30 s). */
  timeoutMs?: number;
}

export interface AccessToken {
  accessToken: string;
  expiresOn: Date | null;
  fromCache: boolean;
}

export interface TokenProvider {
  readonly cloud: CloudEndpoints;
  readonly tenantId: string;
  readonly clientId: string;
  /** @throws GraphError (kind auth / network / timeout) */
  getToken(options?: { forceRefresh?: boolean }): Promise<AccessToken>;
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const cloud = resolveCloud(options.cloud);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const config: Configuration = {
    auth: { clientId: options.clientId, authority: `${cloud.authorityHost}/${options.tenantId}`, ...credentialConfig(options.credential) },
  };
  if (options.endpoints?.login) {
    config.system = {
      networkClient: createRedirectingNetworkClient({
        targetBaseUrl: options.endpoints.login,
        rewriteOrigins: [cloud.authorityHost],
        timeoutMs,
      }),
    };
  }
  let msal: ConfidentialClientApplication;
  try {
    msal = new ConfidentialClientApplication(config);
  } catch (error) {
    throw toAuthGraphError(error);
  }

  return {
    cloud,
    tenantId: options.tenantId,
    clientId: options.clientId,
    async getToken({ forceRefresh = false } = {}) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new GraphError({ kind: 'timeout', code: 'timeout', message: `No token from Entra ID within ${timeoutMs} ms.`, retryable: true })), timeoutMs);
      });
      try {
        const result = await Promise.race([
          msal.acquireTokenByClientCredential({ scopes: [cloud.graphScope], skipCache: forceRefresh }),
          timeout,
        ]);
        if (!result?.accessToken) {
          throw new GraphError({ kind: 'auth', code: 'no_token', message: 'Entra ID returned no access token.', retryable: true });
        }
        return { accessToken: result.accessToken, expiresOn: result.expiresOn, fromCache: result.fromCache };
      } catch (error) {
        throw toAuthGraphError(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function credentialConfig(credential: ClientCredential): Pick<NonNullable<Configuration['auth']>, 'clientSecret' | 'clientCertificate'> {
  if (credential.type === 'secret') {
    if (credential.secret.trim() === '') throw configError('the client secret is empty');
    return { clientSecret: credential.secret };
  }
  let prepared;
  try {
    prepared = prepareCertificate(credential.certificatePem, credential.privateKeyPem, credential.privateKeyPassphrase);
  } catch (error) {
    throw configError(`certificate credential unusable: ${errorMessage(error)}`);
  }
  return {
    clientCertificate: {
      thumbprintSha256: credential.thumbprintSha256 ?? prepared.thumbprintSha256,
      privateKey: prepared.privateKeyPkcs8Pem,
      ...(credential.sendX5c ? { x5c: prepared.certificatePem } : {}),
    },
  };
}

function configError(message: string): GraphError {
  return new GraphError({ kind: 'auth', code: 'invalid_credential_config', message, retryable: false });
}

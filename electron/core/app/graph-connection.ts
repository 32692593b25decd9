/**
 * The current Graph connection, rebuilt whenever the settings change. The sync worker and the call-records
 * service hold this object, not a client: after the operator fixes a secret (or IT grants consent) the next
 * request uses a fresh MSAL application, with no restart and no stale token cache.
 *
 * Not configured (or China, where the API does not exist) is a GraphError of kind `unavailable`: the sync
 * worker shows it as "setup needed" and keeps every report.
 */
import { createTokenProvider, resolveCloud, testConnection, type ConnectionTestResult, type TokenProvider } from '../auth';
import { createGraphClient, type GraphClient } from '../graph/client';
import { GraphError } from '../graph/errors';
import type { QualitySender } from '../graph/types';
import type { ResolvedSettings } from '../settings/service';
import type { ConnectionCandidate } from '../settings/connection-candidate';
import type { ConnectionTestView } from '../../../shared/api/views';
import { errorMessage } from '../../../shared/error-message';

export interface GraphConnection extends QualitySender {
  /** Rebuilds the client from the settings; returns why it is unusable, if it is. */
  configure(settings: ResolvedSettings): string | undefined;
  /** The client, or undefined with `problem()` saying why. */
  client(): GraphClient | undefined;
  problem(): string | undefined;
  /** A token past MSAL's cache (after an admin consent the cached one lacks the new role). */
  renewToken(): Promise<void>;
  test(): Promise<ConnectionTestView>;
  /** "Test connection" with values that are not (yet) the saved ones: a throwaway MSAL app, the live one untouched. */
  testCandidate(candidate: ConnectionCandidate): Promise<ConnectionTestView>;
}

function missingSetting(settings: ResolvedSettings): string | undefined {
  const { config } = settings;
  if (!config.tenantId) return 'Graph credentials are not configured: tenant id is missing';
  if (!config.clientId) return 'Graph credentials are not configured: client id is missing';
  if (!settings.credential) {
    // A credential set but unusable (a key file gone, a wrong passphrase) says which setting, not "not configured".
    const unusable = settings.problems.find((problem) => problem.path.startsWith('credential'));
    if (unusable) return `Graph credentials are not usable: ${unusable.path} ${unusable.message}`;
    return 'Graph credentials are not configured: no client secret or certificate';
  }
  return undefined;
}

export function createGraphConnection(): GraphConnection {
  let current: { client: GraphClient; provider: TokenProvider } | undefined;
  let problem: string | undefined = 'Graph credentials are not configured';

  const unavailable = (): GraphError =>
    new GraphError({ kind: 'unavailable', code: 'not_configured', message: problem ?? 'Graph is not configured', retryable: false });

  return {
    configure(settings) {
      current = undefined;
      problem = missingSetting(settings);
      if (problem) return problem;
      const { config } = settings;
      try {
        resolveCloud(config.cloud);
        const provider = createTokenProvider({
          cloud: config.cloud,
          tenantId: config.tenantId!,
          clientId: config.clientId!,
          credential: settings.credential!,
          endpoints: { login: config.endpoints?.login },
        });
        const client = createGraphClient({
          cloud: config.cloud,
          graphBaseUrl: config.endpoints?.graph,
          tokenProvider: provider,
          // Absent: the client's default, the app's own (app/version.ts).
          userAgent: config.userAgent,
        });
        current = { client, provider };
      } catch (error) {
        problem = errorMessage(error);
      }
      return problem;
    },
    client: () => current?.client,
    problem: () => problem,
    async renewToken() {
      await current?.provider.getToken({ forceRefresh: true });
    },
    // A failure of a request sent under older settings is not judged here: the sync worker ignores an auth
    // or setup failure that predates its last notify('credentials') (worker.ts, credentialsEpoch).
    logTeleconferenceDeviceQuality(quality, sendOptions) {
      if (!current) return Promise.reject(unavailable());
      return current.client.logTeleconferenceDeviceQuality(quality, sendOptions);
    },
    async test() {
      if (!current) return { tokenAcquired: false, grantedPermissions: [], missingPermissions: [], error: problem };
      return toTestView(await testConnection(current.provider));
    },
    async testCandidate(candidate) {
      let provider: TokenProvider;
      try {
        resolveCloud(candidate.cloud);
        provider = createTokenProvider({ ...candidate, endpoints: { login: candidate.endpoints?.login } });
      } catch (error) {
        return { tokenAcquired: false, grantedPermissions: [], missingPermissions: [], error: error instanceof Error ? error.message : String(error) };
      }
      return toTestView(await testConnection(provider));
    },
  };
}

function toTestView(result: ConnectionTestResult): ConnectionTestView {
  return {
    tokenAcquired: result.tokenAcquired,
    grantedPermissions: result.grantedPermissions,
    missingPermissions: result.missingPermissions,
    error: result.error ? `${result.error.code}: ${result.error.message}` : undefined,
  };
}

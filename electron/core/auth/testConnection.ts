/**
 * The settings screen's "Test connection": acquire a token (bypassing the cache, so a consent granted a
 * minute ago shows) and report which of the two permissions it carries, so the UI can say "admin consent
 * missing for CallRecords.Read.All" instead of failing later on the first 403.
 */
import type { GraphErrorInfo } from '../graph/errors';
import { toAuthGraphError } from './authErrors';
import { checkPermissions, type GraphPermission } from './permissions';
import type { TokenProvider } from './tokenProvider';

export interface ConnectionTestResult {
  tokenAcquired: boolean;
  grantedPermissions: GraphPermission[];
  missingPermissions: GraphPermission[];
  /** ISO time the token expires. */
  tokenExpiresOn?: string;
  error?: GraphErrorInfo;
}

export async function testConnection(provider: Pick<TokenProvider, 'getToken'>): Promise<ConnectionTestResult> {
  try {
    const token = await provider.getToken({ forceRefresh: true });
    const report = checkPermissions(token.accessToken);
    return {
      tokenAcquired: true,
      grantedPermissions: report.granted,
      missingPermissions: report.missing,
      tokenExpiresOn: token.expiresOn?.toISOString(),
    };
  } catch (error) {
    return { tokenAcquired: false, grantedPermissions: [], missingPermissions: [], error: toAuthGraphError(error).toInfo() };
  }
}

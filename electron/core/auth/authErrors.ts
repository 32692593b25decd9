/**
 * Turns whatever MSAL throws into the one error type the core handles (GraphError, kind `auth` unless
 * the network failed), with a message an operator can act on. MSAL's ServerError carries Entra's `error`
 * as errorCode and `error_description` ("AADSTSnnn: …") as errorMessage. Retryable: network failures,
 * timeouts, Entra 429/5xx; every credential or configuration problem is permanent until someone fixes it.
 */
import { AuthError, ServerError } from '@azure/msal-node';
import { GraphError, isRetryableStatus } from '../graph/errors';

/** What to tell the operator for the AADSTS codes a misconfiguration typically produces. */
const HINTS: Record<string, string> = {
  '7000215': 'the client secret is wrong or expired: paste the secret VALUE (not its ID) from the app registration',
  '7000222': 'the client secret has expired: create a new one in the app registration',
  '700016': 'the client id is not an application in this tenant: check the client id, tenant id and cloud',
  '90002': 'the tenant was not found: check the tenant id and the cloud',
  '700027': 'the certificate is not registered on the app registration, or the key does not match it',
  '700024': 'the client assertion is outside its valid time range: check the computer clock',
  '1002012': 'the scope must be the Graph resource with /.default',
};

export function toAuthGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof ServerError) {
    const aadsts = /AADSTS(\d+)/.exec(error.errorMessage)?.[1];
    const hint = aadsts ? HINTS[aadsts] : undefined;
    const status = error.status;
    return new GraphError({
      kind: 'auth',
      status,
      code: error.errorCode || 'token_request_failed',
      message: `Entra ID refused the token request (${error.errorCode}${aadsts ? `, AADSTS${aadsts}` : ''})` +
        `${hint ? `: ${hint}` : ''}. ${firstLine(error.errorMessage)}`,
      retryable: status !== undefined && isRetryableStatus(status),
    });
  }
  if (error instanceof AuthError) {
    const network = error.errorCode === 'network_error' || error.name === 'NetworkError';
    const timeout = /timeout|TimeoutError|aborted/i.test(error.errorMessage);
    return new GraphError({
      kind: timeout ? 'timeout' : network ? 'network' : 'auth',
      code: error.errorCode || 'auth_error',
      message: `Could not acquire a token: ${error.errorCode}: ${firstLine(error.errorMessage)}`,
      retryable: network || timeout,
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return new GraphError({
    kind: timeout ? 'timeout' : 'network',
    code: timeout ? 'timeout' : 'network_error',
    message: `Could not reach Entra ID: ${text}`,
    retryable: true,
  });
}

function firstLine(text: string): string {
  return (text.split(/\r?\n|\sTrace ID:/)[0] ?? text).trim();
}

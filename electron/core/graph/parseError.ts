/**
 * Turns a failed Graph exchange into a GraphError (errors.ts): Graph's error JSON (../shared/reference/graph-api.md §4.3:
 * `error.code` to branch on, `error.message` to show, `innerError.request-id` / `client-request-id`),
 * Retry-After in seconds or as an HTTP-date (§4.2), retryable by status (408/429/5xx), and on 403 the
 * permission the operation needs when the token lacks it or Graph's message names it.
 */
import { GraphError, isRetryableStatus, parseRetryAfterMs } from './errors';
import { isObject, obj, str } from '../../../shared/json';

export interface FailedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  bodyText: string;
  /** The client-request-id this attempt sent. */
  clientRequestId: string;
  receivedAtMs: number;
  /** The application permission the operation needs, e.g. Calls.AccessMedia.All. */
  requiredPermission?: string;
  /** Roles of the token that was sent. */
  tokenRoles?: readonly string[];
}

interface GraphErrorBody {
  code?: unknown;
  message?: unknown;
  innerError?: Record<string, unknown>;
  innererror?: Record<string, unknown>;
}

export function graphErrorFromResponse(response: FailedResponse): GraphError {
  const parsed = parseErrorBody(response.bodyText);
  const inner = parsed?.innerError ?? parsed?.innererror ?? {};
  const code = typeof parsed?.code === 'string' && parsed.code !== '' ? parsed.code : `HTTP${response.status}`;
  let message =
    typeof parsed?.message === 'string' && parsed.message !== ''
      ? parsed.message
      : `Graph answered ${response.status} ${response.statusText}${parsed ? '' : ' with a body that is not Graph error JSON'}`.trim();
  let missingPermission: string | undefined;
  if (response.status === 403 && response.requiredPermission) {
    const lacksRole = response.tokenRoles !== undefined && !response.tokenRoles.includes(response.requiredPermission);
    if (lacksRole || message.includes(response.requiredPermission)) {
      missingPermission = response.requiredPermission;
      message = `missing permission ${missingPermission} (grant this application permission and admin consent in Entra ID): ${message}`;
    }
  }
  return new GraphError({
    kind: 'http',
    status: response.status,
    code,
    message,
    requestId: response.headers.get('request-id') ?? stringOrUndefined(inner['request-id']),
    clientRequestId: response.headers.get('client-request-id') ?? stringOrUndefined(inner['client-request-id']) ?? response.clientRequestId,
    retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after'), response.receivedAtMs),
    retryable: isRetryableStatus(response.status),
    missingPermission,
  });
}

/** No HTTP answer: connection refused/reset, DNS, TLS — or our own timeout / the caller's abort. */
export function graphErrorFromFetchFailure(
  error: unknown,
  context: { clientRequestId: string; timedOut: boolean; aborted: boolean; timeoutMs: number },
): GraphError {
  if (error instanceof GraphError) return error;
  if (context.timedOut) {
    return new GraphError({ kind: 'timeout', code: 'timeout', message: `Graph did not answer within ${context.timeoutMs} ms.`, clientRequestId: context.clientRequestId, retryable: true });
  }
  if (context.aborted) {
    return new GraphError({ kind: 'network', code: 'aborted', message: 'The request was cancelled.', clientRequestId: context.clientRequestId, retryable: true });
  }
  const cause = isObject(error) ? obj(error['cause']) : undefined;
  const causeCode = str(cause?.['code']);
  const detail = str(cause?.['message']) ?? (error instanceof Error ? error.message : String(error));
  return new GraphError({
    kind: 'network',
    code: causeCode ?? 'network_error',
    message: `Could not reach Microsoft Graph: ${detail}`,
    clientRequestId: context.clientRequestId,
    retryable: true,
  });
}

function parseErrorBody(text: string): GraphErrorBody | undefined {
  try {
    const json: unknown = JSON.parse(text);
    const error = obj(json)?.['error'];
    // Graph's error object; each field is read with a type check in parseGraphError.
    return typeof error === 'object' && error !== null ? (error as GraphErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

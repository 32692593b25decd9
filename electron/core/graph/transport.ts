/**
 * One Graph request, done right once: bearer token, an explicit app `User-Agent` (Node's fetch would send
 * "node"; the quality API requires one, ../shared/reference/graph-api.md §1.1), a fresh `client-request-id` per attempt (§4.4),
 * a timeout covering headers and body, and every failure as a GraphError. The only retry: one 401 answered
 * with a token fetched past MSAL's cache (`forceRefresh`), because a token can be revoked or expire
 * server-side before MSAL's clock says so. Everything else (429, 5xx, network) goes back to the caller:
 * durable retry belongs to the outbox.
 */
import { randomUUID } from 'node:crypto';
import { rolesOf } from '../auth/permissions';
import { GraphError } from './errors';
import { graphErrorFromFetchFailure, graphErrorFromResponse } from './parseError';

/** What the client needs from auth (the TokenProvider of auth/tokenProvider.ts satisfies it). */
export interface AccessTokenSource {
  getToken(options?: { forceRefresh?: boolean }): Promise<{ accessToken: string }>;
}

export interface TransportOptions {
  tokenProvider: AccessTokenSource;
  userAgent: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface GraphRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  /** e.g. `odata.maxpagesize=60`. */
  prefer?: string;
  /** client-request-id for the first attempt (a fresh one is made otherwise, and for the 401 retry). */
  clientRequestId?: string;
  signal?: AbortSignal;
  /** The application permission the operation needs; named in a 403's GraphError. */
  requiredPermission: string;
}

export interface GraphResponse {
  status: number;
  headers: Headers;
  bodyText: string;
  requestId?: string;
  clientRequestId: string;
  durationMs: number;
}

export type GraphTransport = (request: GraphRequest) => Promise<GraphResponse>;

export function createTransport(options: TransportOptions): GraphTransport {
  return async (request) => {
    const startedAtMs = Date.now();
    const first = await getToken(options.tokenProvider, false);
    const firstAttempt = await attempt(options, request, first, request.clientRequestId ?? randomUUID());
    let response = firstAttempt;
    if (firstAttempt.status === 401) {
      const fresh = await getToken(options.tokenProvider, true);
      response = await attempt(options, request, fresh, randomUUID());
    }
    if (response.status < 200 || response.status > 299) {
      throw graphErrorFromResponse({
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        bodyText: response.bodyText,
        clientRequestId: response.clientRequestId,
        receivedAtMs: response.receivedAtMs,
        requiredPermission: request.requiredPermission,
        tokenRoles: rolesOf(response.token),
      });
    }
    return {
      status: response.status,
      headers: response.headers,
      bodyText: response.bodyText,
      requestId: response.headers.get('request-id') ?? undefined,
      clientRequestId: response.headers.get('client-request-id') ?? response.clientRequestId,
      durationMs: Date.now() - startedAtMs,
    };
  };
}

interface AttemptResult {
  status: number;
  statusText: string;
  headers: Headers;
  bodyText: string;
  clientRequestId: string;
  receivedAtMs: number;
  token: string;
}

async function attempt(options: TransportOptions, request: GraphRequest, token: string, clientRequestId: string): Promise<AttemptResult> {
  const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeoutSignal, request.signal]) : timeoutSignal;
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'user-agent': options.userAgent,
    'client-request-id': clientRequestId,
    'return-client-request-id': 'true',
    accept: 'application/json',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.prefer) headers.prefer = request.prefer;
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
    const bodyText = await response.text();
    return { status: response.status, statusText: response.statusText, headers: response.headers, bodyText, clientRequestId, receivedAtMs: Date.now(), token };
  } catch (error) {
    throw graphErrorFromFetchFailure(error, {
      clientRequestId,
      timedOut: timeoutSignal.aborted,
      aborted: request.signal?.aborted ?? false,
      timeoutMs: options.timeoutMs,
    });
  }
}

async function getToken(provider: AccessTokenSource, forceRefresh: boolean): Promise<string> {
  try {
    return (await provider.getToken({ forceRefresh })).accessToken;
  } catch (error) {
    if (error instanceof GraphError) throw error;
    throw new GraphError({ kind: 'auth', code: 'token_unavailable', message: `No access token: ${String(error)}`, retryable: true });
  }
}

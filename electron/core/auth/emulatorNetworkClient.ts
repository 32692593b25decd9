/**
 * Routes MSAL's network calls to a stand-in login endpoint (the emulator, or a proxy) while MSAL keeps
 * the cloud's REAL https authority. Why not point the authority at the emulator: msal-node 7 refuses
 * non-https authorities (`authority_uri_insecure`) and would need knownAuthorities + authorityMetadata;
 * with the real authority MSAL uses its hardcoded metadata (no discovery GETs) and builds the real token
 * endpoint, and this INetworkModule (`system.networkClient`, the supported hook) swaps the origin.
 * ../shared/reference/graph-api.md §6.4. Production configurations never use it: they run plain MSAL with its own client.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export interface RedirectingNetworkClientOptions {
  /** e.g. http://127.0.0.1:41234 — only its origin is used. */
  targetBaseUrl: string;
  /** Origins to rewrite, e.g. ['https://login.microsoftonline.com']. */
  rewriteOrigins: readonly string[];
  /** Per-request timeout (MSAL's own client has none for POSTs). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createRedirectingNetworkClient(options: RedirectingNetworkClientOptions): INetworkModule {
  const target = new URL(options.targetBaseUrl);
  const origins = new Set(options.rewriteOrigins.map((origin) => new URL(origin).origin));
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  function rewrite(url: string): string {
    const parsed = new URL(url);
    if (!origins.has(parsed.origin)) return url;
    const basePath = target.pathname.replace(/\/$/, '');
    return `${target.origin}${basePath}${parsed.pathname}${parsed.search}`;
  }

  async function send<T>(url: string, method: 'GET' | 'POST', request?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const response = await doFetch(rewrite(url), {
      method,
      headers: request?.headers,
      body: method === 'POST' ? (request?.body ?? '') : undefined,
      signal: AbortSignal.timeout(timeout ?? timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    // MSAL parses every answer (errors included) as JSON, as its built-in HttpClient does.
    const body = (await response.json()) as T;
    return { headers, body, status: response.status };
  }

  return {
    sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions, timeout?: number) => send<T>(url, 'GET', request, timeout),
    sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>(url, 'POST', request),
  };
}

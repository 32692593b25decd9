/**
 * Following Graph's next links (../shared/reference/graph-api.md §3.2, §3.4): `@odata.nextLink` for collections and the
 * property-level `sessions@odata.nextLink` inside an expanded callRecord. Links are opaque (the seed's
 * examples are not even valid URLs): they are followed as given, but only on Graph's own origin, so the
 * bearer token never goes to a host a response body named. A failure mid-way (e.g. 429) surfaces as a
 * GraphPagingError carrying `resumeFrom`, the link to continue with once Retry-After has passed.
 */
import { z } from 'zod';
import { GraphError, type GraphErrorInfo } from './errors';
import type { GraphRequest, GraphTransport } from './transport';

export class GraphPagingError extends GraphError {
  /** The page link to request next to continue where this failed. */
  readonly resumeFrom: string;

  constructor(info: GraphErrorInfo, resumeFrom: string) {
    super(info);
    this.name = 'GraphPagingError';
    this.resumeFrom = resumeFrom;
  }
}

const pageSchema = z.looseObject({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

export interface Page {
  value: unknown[];
  nextLink?: string;
}

export interface PageRequest extends Omit<GraphRequest, 'method' | 'url' | 'body'> {
  graphOrigin: string;
}

/** Yields every page from `firstUrl` on; a failure on page 2+ becomes a GraphPagingError. */
export async function* followPages(transport: GraphTransport, firstUrl: string, request: PageRequest): AsyncGenerator<Page> {
  let url: string | undefined = firstUrl;
  let isFirst = true;
  while (url !== undefined) {
    let page: Page;
    try {
      page = await fetchPage(transport, url, request);
    } catch (error) {
      if (error instanceof GraphError && !isFirst) throw new GraphPagingError(error.toInfo(), url);
      throw error;
    }
    yield page;
    isFirst = false;
    url = page.nextLink;
  }
}

export async function fetchPage(transport: GraphTransport, url: string, request: PageRequest): Promise<Page> {
  assertSameOrigin(url, request.graphOrigin);
  const { graphOrigin: _origin, ...rest } = request;
  const response = await transport({ ...rest, method: 'GET', url });
  const json = parseJson(response.bodyText, response.status);
  const parsed = pageSchema.safeParse(json);
  if (!parsed.success) throw unexpected(response.status, 'a page without a `value` array');
  return { value: parsed.data.value, nextLink: parsed.data['@odata.nextLink'] };
}

export function assertSameOrigin(link: string, graphOrigin: string): void {
  let origin: string;
  try {
    origin = new URL(link).origin;
  } catch {
    throw unexpected(200, `a next link that is not a URL: ${link}`);
  }
  if (origin !== graphOrigin) throw unexpected(200, `a next link to another host (${origin}); not followed`);
}

export function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw unexpected(status, 'a body that is not JSON');
  }
}

/** A 2xx we cannot use (truncated or foreign body): worth another attempt later. */
export function unexpected(status: number, what: string): GraphError {
  return new GraphError({ kind: 'http', status, code: 'unexpectedResponse', message: `Graph answered ${status} with ${what}.`, retryable: true });
}

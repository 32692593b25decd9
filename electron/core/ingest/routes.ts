/**
 * The route table: the single list of what the server serves. The OpenAPI test walks this list, so an
 * endpoint cannot be added without being documented.
 */
import type { HandlerInput, RouteOutcome } from './handlers';
import { getHealth, getOpenApi, postCallContext, postReport, postSamples } from './handlers';

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** false only for health and the API description, which monitoring and people read without a token. */
  auth: boolean;
  /** true: the request carries a JSON body that is size-limited, parsed and checked before the handler. */
  jsonBody: boolean;
  handle(input: HandlerInput): RouteOutcome;
}

export const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/api/v1/reports', auth: true, jsonBody: true, handle: postReport },
  { method: 'POST', path: '/api/v1/samples', auth: true, jsonBody: true, handle: postSamples },
  { method: 'POST', path: '/api/v1/call-context', auth: true, jsonBody: true, handle: postCallContext },
  { method: 'GET', path: '/api/v1/health', auth: false, jsonBody: false, handle: getHealth },
  { method: 'GET', path: '/api/v1/openapi.json', auth: false, jsonBody: false, handle: getOpenApi },
];

export type RouteMatch = { kind: 'found'; route: Route } | { kind: 'no_path' } | { kind: 'no_method'; allowed: string[] };

/** Exact match on the path (no trailing slash, no decoding); the query string is ignored. */
export function matchRoute(method: unknown, url: unknown, routes: readonly Route[] = ROUTES): RouteMatch {
  if (typeof url !== 'string' || !url.startsWith('/')) return { kind: 'no_path' };
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const candidates = routes.filter((route) => route.path === path);
  if (candidates.length === 0) return { kind: 'no_path' };
  const route = candidates.find((candidate) => candidate.method === method);
  return route ? { kind: 'found', route } : { kind: 'no_method', allowed: candidates.map((candidate) => candidate.method) };
}

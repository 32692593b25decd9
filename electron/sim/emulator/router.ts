/**
 * Maps a request path to the emulator route (the key faults and rate limits use) and its handler.
 * Graph paths under `/v1.0/` and `/beta/`; Entra paths under `/{tenant}/`; control under `/_emulator/`
 * (../shared/design/contracts.md "Emulator"). A callRecord id may be given as a segment or in OData key syntax `('id')`.
 */
import { handleGetCallRecord, handleListCallRecords, handleListParticipants, handleListSessions } from './callRecordsRoute';
import type { EmulatorControl } from './control';
import { handleControl } from './controlRoute';
import { handleInstanceDiscovery, handleJwks, handleOpenIdConfiguration } from './discovery';
import type { RequestContext } from './http';
import { handleQuality } from './qualityRoute';
import { handleToken } from './tokenEndpoint';
import type { EmulatorRoute } from './types';

export interface RouteMatch {
  /** undefined for the control API, which faults and rate limits never touch. */
  route: EmulatorRoute | undefined;
  handle: (ctx: RequestContext) => void | Promise<void>;
}

const GRAPH = /^\/(v1\.0|beta)\/communications\/(.+)$/;
const RECORD = /^callRecords(?:\/([^/()]+)|\('([^']+)'\))(\/sessions|\/participants_v2)?$/;

export function matchRoute(pathname: string, control: EmulatorControl): RouteMatch | undefined {
  if (pathname.startsWith('/_emulator/')) {
    const action = pathname.slice('/_emulator/'.length);
    return { route: undefined, handle: (ctx) => handleControl(ctx, control, action) };
  }
  const graph = GRAPH.exec(pathname);
  if (graph) return matchGraph(graph[1] as 'v1.0' | 'beta', decodeURIComponent(graph[2] as string));

  const segments = pathname.split('/').filter((segment) => segment !== '');
  const [tenant, ...rest] = segments;
  if (tenant === undefined) return undefined;
  const tail = rest.join('/');
  if (tail === 'oauth2/v2.0/token') return { route: 'token', handle: (ctx) => handleToken(ctx, tenant) };
  if (tail === 'discovery/instance') return { route: 'discovery', handle: handleInstanceDiscovery };
  if (tail === 'v2.0/.well-known/openid-configuration') {
    return { route: 'discovery', handle: (ctx) => handleOpenIdConfiguration(ctx, tenant) };
  }
  if (tail === 'discovery/v2.0/keys' || tail === 'discovery/keys') return { route: 'discovery', handle: handleJwks };
  return undefined;
}

function matchGraph(apiVersion: 'v1.0' | 'beta', path: string): RouteMatch | undefined {
  if (path === 'calls/logTeleconferenceDeviceQuality') {
    return { route: 'quality', handle: (ctx) => handleQuality(ctx, apiVersion) };
  }
  if (path === 'callRecords') return { route: 'callRecords.list', handle: (ctx) => handleListCallRecords(ctx, apiVersion) };
  const record = RECORD.exec(path);
  if (!record) return undefined;
  const id = (record[1] ?? record[2]) as string;
  if (record[3] === '/sessions') return { route: 'callRecords.sessions', handle: (ctx) => handleListSessions(ctx, apiVersion, id) };
  if (record[3] === '/participants_v2') return { route: 'callRecords.participants', handle: (ctx) => handleListParticipants(ctx, apiVersion, id) };
  return { route: 'callRecords.get', handle: (ctx) => handleGetCallRecord(ctx, apiVersion, id) };
}

/**
 * The access tokens the emulator issues and Graph-side validation of them. Shaped like Entra ID's v1.0
 * app-only tokens for Microsoft Graph: RS256, `aud` = the Graph resource, `iss` = sts.windows.net/{tid}/,
 * `tid`, `appid`, `appidacr` ("1" secret, "2" certificate), `idtyp: app`, `roles` = granted application
 * permissions (what the client's permissions.ts reads; graph-api.md §6). No clock-skew allowance: an
 * expired token is refused at once, so expiry tests need not wait out a grace period.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, signJwt, verifyJwtSignature } from './jwt';
import type { EmulatorState } from './state';

/** Graph resource ids per cloud (graph-api.md §5) plus Graph's well-known app id. */
export const GRAPH_RESOURCES: readonly string[] = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  '00000003-0000-0000-c000-000000000000',
];

export interface IssueTokenOptions {
  clientId: string;
  roles: readonly string[];
  resource?: string;
  lifetimeSeconds?: number;
  credentialType?: 'secret' | 'certificate';
  appDisplayName?: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

export function issueAccessToken(state: EmulatorState, options: IssueTokenOptions): IssuedToken {
  const nowSeconds = Math.floor(state.now() / 1000);
  const lifetimeSeconds = options.lifetimeSeconds ?? state.tokenLifetimeSeconds;
  const payload = {
    aud: options.resource ?? 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${state.tenantId}/`,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + lifetimeSeconds,
    app_displayname: options.appDisplayName ?? 'emulator app',
    appid: options.clientId,
    appidacr: options.credentialType === 'certificate' ? '2' : '1',
    idp: `https://sts.windows.net/${state.tenantId}/`,
    idtyp: 'app',
    oid: options.clientId,
    roles: [...options.roles],
    sub: options.clientId,
    tid: state.tenantId,
    uti: randomUUID(),
    ver: '1.0',
  };
  const header = { typ: 'JWT', kid: state.signingKey.keyId, x5t: state.signingKey.keyId };
  state.stats.tokensIssued += 1;
  return { accessToken: signJwt(header, payload, state.signingKey.privateKey, 'RS256'), expiresInSeconds: lifetimeSeconds };
}

export type TokenCheck =
  | { ok: true; roles: string[]; clientId: string }
  | { ok: false; message: string };

/** Graph's bearer check: present, well-formed, signed by us, for Graph, for this tenant, in its lifetime. */
export function verifyAccessToken(state: EmulatorState, authorization: string | undefined): TokenCheck {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return { ok: false, message: 'Access token is empty.' };
  const jwt = decodeJwt(match[1] as string);
  if (!jwt) return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
  if (jwt.header.alg !== 'RS256' || !verifyJwtSignature(jwt, state.signingKey.publicKey, 'RS256')) {
    return { ok: false, message: 'Access token validation failure. Invalid signature.' };
  }
  const { aud, tid, exp, nbf, roles, appid } = jwt.payload;
  if (typeof aud !== 'string' || !GRAPH_RESOURCES.includes(aud)) {
    return { ok: false, message: 'Access token validation failure. Invalid audience.' };
  }
  if (tid !== state.tenantId) return { ok: false, message: 'Access token validation failure. Invalid issuer.' };
  const nowSeconds = state.now() / 1000;
  if (typeof exp !== 'number' || nowSeconds >= exp) {
    return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
  }
  if (typeof nbf === 'number' && nowSeconds < nbf) {
    return { ok: false, message: 'Lifetime validation failed, the token is not yet valid.' };
  }
  const roleList = Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
  return { ok: true, roles: roleList, clientId: typeof appid === 'string' ? appid : '' };
}

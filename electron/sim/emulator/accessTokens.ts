/**
 * The access tokens the emulator issues and Graph-side validation of them. Shaped like Entra ID's v1.0
 * app-only tokens for Microsoft Graph: RS256, `aud` = the Graph resource, `iss` = sts.windows.net/{tid}/,
 * `tid`, `appid`, `appidacr` ("1" secret, "2" certificate), `idtyp: app`, `roles` = granted application
 * permissions (what the client's permissions.ts reads; ../shared/reference/graph-api.md §6). No clock-skew allowance: an
 * expired token is refused at once, so expiry tests need not wait out a grace period.
 */
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { EmulatorState } from './state';

/** Graph resource ids per cloud (../shared/reference/graph-api.md §5) plus Graph's well-known app id. */
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

export async function issueAccessToken(state: EmulatorState, options: IssueTokenOptions): Promise<IssuedToken> {
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
  const header = { alg: 'RS256', typ: 'JWT', kid: state.signingKey.keyId, x5t: state.signingKey.keyId };
  state.stats.tokensIssued += 1;
  const accessToken = await new SignJWT(payload).setProtectedHeader(header).sign(state.signingKey.privateKey);
  return { accessToken, expiresInSeconds: lifetimeSeconds };
}

export type TokenCheck =
  | { ok: true; roles: string[]; clientId: string }
  | { ok: false; message: string };

/** Graph's bearer check: present, well-formed, signed by us, for Graph, for this tenant, in its lifetime. */
export async function verifyAccessToken(state: EmulatorState, authorization: string | undefined): Promise<TokenCheck> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const token = match?.[1];
  if (token === undefined) return { ok: false, message: 'Access token is empty.' };
  if (token.split('.').length !== 3) return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
  try {
    const { payload } = await jwtVerify(token, state.signingKey.publicKey, {
      algorithms: ['RS256'],
      audience: [...GRAPH_RESOURCES],
      requiredClaims: ['exp'],
      currentDate: new Date(state.now()),
    });
    if (payload['tid'] !== state.tenantId) return { ok: false, message: 'Access token validation failure. Invalid issuer.' };
    const roles = payload['roles'];
    const appid = payload['appid'];
    const roleList = Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
    return { ok: true, roles: roleList, clientId: typeof appid === 'string' ? appid : '' };
  } catch (error) {
    return { ok: false, message: refusal(error) };
  }
}

/** Graph's wording for each way jose refuses a token. */
function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'Lifetime validation failed, the token is not yet valid.';
    if (error.claim === 'exp') return 'Lifetime validation failed, the token is expired.';
    if (error.claim === 'aud') return 'Access token validation failure. Invalid audience.';
    return `Access token validation failure. Invalid ${error.claim} claim.`;
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return 'IDX14100: JWT is not well formed.';
  }
  return 'Access token validation failure. Invalid signature.';
}

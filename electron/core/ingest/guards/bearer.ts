/**
 * Bearer-token authentication (RFC 6750 §2.1) for every endpoint but health and the OpenAPI document.
 * The token check itself (hash, constant-time compare, revocation) is the token store's `verify`, passed in
 * so this stays a pure function. Unknown and revoked tokens get the same answer: a sender learns nothing
 * about which tokens exist.
 */
import { apiError, reject, type GuardResult } from '../errors';

const REALM = 'vtc-ingest';
/** RFC 6750 b64token after a case-insensitive scheme name (RFC 9110 §11.1). */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const MAX_HEADER_CHARS = 1_024;

export type VerifyToken = (token: string) => string | undefined;

/** The sender's token name when the Authorization header carries an active token. */
export function authenticate(authorization: unknown, verify: VerifyToken): GuardResult<string> {
  if (authorization === undefined || authorization === '') {
    return unauthorized('This endpoint needs an "Authorization: Bearer <token>" header (create a token with `tokens create`).', '');
  }
  if (typeof authorization !== 'string' || authorization.length > MAX_HEADER_CHARS) {
    return unauthorized('The Authorization header must be "Bearer <token>".', 'invalid_request');
  }
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined) return unauthorized('The Authorization header must be "Bearer <token>".', 'invalid_request');
  const name = verify(token);
  if (name === undefined) return unauthorized('The bearer token is unknown or revoked.', 'invalid_token');
  return { ok: true, value: name };
}

function unauthorized(message: string, oauthError: '' | 'invalid_request' | 'invalid_token'): GuardResult<string> {
  // RFC 6750 §3: no error attribute when the request carried no credentials at all.
  const challenge = oauthError === '' ? `Bearer realm="${REALM}"` : `Bearer realm="${REALM}", error="${oauthError}"`;
  return reject(apiError(401, 'unauthorized', message, [], { 'WWW-Authenticate': challenge }));
}

/**
 * Verifies a certificate client assertion (RFC 7523; Entra "certificate credentials") the way Entra ID
 * does: a JWS signed by a certificate registered on the app (found by `x5t#S256`, or legacy `x5t`),
 * PS256 or RS256, `iss` = `sub` = client id, `aud` = the token endpoint, within `nbf`/`exp`.
 * The returned AADSTS codes are the ones Entra uses for these failures (see the error reference at
 * https://login.microsoftonline.com/error?code=N).
 */
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { findCertificate, type AppRegistration } from './registry';

export type AssertionCheck = { ok: true } | { ok: false; aadstsCode: number; description: string };

/** Hosts whose token endpoint an assertion may name: every cloud's authority plus the emulator itself. */
const AUTHORITY_HOSTS = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.partner.microsoftonline.cn',
  'https://login.chinacloudapi.cn',
  'https://login.windows.net',
  'https://login.microsoft.com',
];

export async function verifyClientAssertion(
  assertion: string,
  app: AppRegistration,
  tenantId: string,
  emulatorBaseUrl: string,
  nowMs: number,
): Promise<AssertionCheck> {
  const jwt = decodeCompact(assertion);
  if (!jwt) return fail(50027, 'JWT token is invalid or malformed.');
  const alg = jwt.header.alg;
  if (alg !== 'PS256' && alg !== 'RS256') {
    return fail(5002738, `Invalid JWT token. '${String(alg)}' is not a supported signature algorithm.`);
  }
  const certificate = findCertificate(app, jwt.header);
  if (!certificate) {
    const presented = jwt.header['x5t#S256'] ?? jwt.header['x5t'] ?? '(none)';
    return fail(
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. ` +
        `[Reason - The key was not found., Thumbprint of key used by client: '${String(presented)}']`,
    );
  }
  try {
    await compactVerify(assertion, certificate.publicKey, { algorithms: [alg] });
  } catch {
    return fail(700027, 'Client assertion failed signature validation.');
  }
  const { aud, iss, sub, exp, nbf } = jwt.payload;
  if (iss !== app.clientId || sub !== app.clientId) {
    return fail(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
  }
  const accepted = [...AUTHORITY_HOSTS, emulatorBaseUrl].flatMap((host) => [
    `${host}/${tenantId}/oauth2/v2.0/token`,
    `${host}/${tenantId}/v2.0`,
  ]);
  if (typeof aud !== 'string' || !accepted.includes(aud)) {
    return fail(50013, `Assertion audience claim does not match the required value. The audience in the assertion was '${String(aud)}'.`);
  }
  const nowSeconds = nowMs / 1000;
  if (typeof exp !== 'number' || exp <= nowSeconds || (typeof nbf === 'number' && nbf > nowSeconds + 300)) {
    return fail(700024, 'Client assertion is not within its valid time range.');
  }
  if (certificate.notAfterMs < nowMs) return fail(700027, 'The certificate used to sign the client assertion has expired.');
  return { ok: true };
}

/**
 * The header and claims of a compact JWS (three parts, JSON header and payload), undefined when it is not one.
 * The claims are checked here rather than by jose's jwtVerify so each failure maps to Entra's own AADSTS code.
 */
function decodeCompact(token: string): { header: ProtectedHeaderParameters; payload: JWTPayload } | undefined {
  if (token.split('.').length !== 3) return undefined;
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    return undefined;
  }
}

function fail(aadstsCode: number, description: string): AssertionCheck {
  return { ok: false, aadstsCode, description };
}

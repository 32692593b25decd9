/**
 * Compact JWS (RFC 7515) signing and verification with node:crypto, for the emulator's access tokens
 * (RS256, its own key) and for checking MSAL's certificate client assertions (PS256 with
 * `thumbprintSha256`, RS256 with the legacy SHA-1 `thumbprint`; graph-api.md §6.2).
 */
import { constants, createSign, createVerify, type KeyObject } from 'node:crypto';

export type JwtAlgorithm = 'RS256' | 'PS256';
export type JwtHeader = Record<string, unknown> & { alg?: unknown };
export type JwtPayload = Record<string, unknown>;

export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  /** `base64url(header).base64url(payload)`: the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(header: JwtHeader, payload: JwtPayload, privateKey: KeyObject, alg: JwtAlgorithm): string {
  const signingInput = `${base64UrlJson({ ...header, alg })}.${base64UrlJson(payload)}`;
  const signer = createSign('RSA-SHA256');
  signer.update(signingInput);
  const signature = signer.sign(signingOptions(privateKey, alg));
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Splits and parses a compact JWS; undefined when it is not one (wrong part count, bad base64/JSON). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
    const payload: unknown = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return undefined;
    return {
      header,
      payload,
      signingInput: `${headerPart}.${payloadPart}`,
      signature: Buffer.from(signaturePart, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** True when the signature verifies with `publicKey` under `alg` (PS256 accepts any salt length). */
export function verifyJwtSignature(jwt: DecodedJwt, publicKey: KeyObject, alg: JwtAlgorithm): boolean {
  try {
    const verifier = createVerify('RSA-SHA256');
    verifier.update(jwt.signingInput);
    return verifier.verify(verifyOptions(publicKey, alg), jwt.signature);
  } catch {
    return false;
  }
}

function signingOptions(key: KeyObject, alg: JwtAlgorithm) {
  return alg === 'PS256'
    ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
    : { key, padding: constants.RSA_PKCS1_PADDING };
}

function verifyOptions(key: KeyObject, alg: JwtAlgorithm) {
  return alg === 'PS256'
    ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }
    : { key, padding: constants.RSA_PKCS1_PADDING };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

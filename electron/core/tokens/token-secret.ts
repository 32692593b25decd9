/**
 * The bearer tokens of the ingest API: how they are made, hashed and compared.
 *
 * - 32 random bytes (256 bits) from the OS CSPRNG, base64url, behind a `vtcq_` prefix so that a token pasted
 *   into a chat or committed to a repository is recognisable by secret scanners and by people.
 * - Only SHA-256(token) is stored. A fast hash is enough here (unlike for passwords): the token has 256 bits
 *   of entropy, so nobody can search for a preimage.
 * - Comparison uses crypto.timingSafeEqual on two 32-byte digests, so the time taken says nothing about how
 *   many leading bytes matched (and both sides always have the same length, which timingSafeEqual requires).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'vtcq_';
const TOKEN_RANDOM_BYTES = 32;
/** Longer strings are not our tokens: refuse them before hashing an attacker's megabyte. */
export const TOKEN_MAX_CHARS = 256;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString('base64url');
}

/** Hex SHA-256 of the token's UTF-8 bytes: 64 characters, the form stored in ingest_tokens.token_sha256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The raw 32-byte SHA-256 of a presented token, computed once per request. */
export function digestToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * True when `presentedDigest` equals the stored hex digest. Both are 32 bytes; a malformed stored hash (never
 * written by this code) is compared against a zero digest instead of throwing, so the time stays the same.
 */
export function digestMatches(presentedDigest: Buffer, storedSha256Hex: string): boolean {
  let stored = Buffer.from(storedSha256Hex, 'hex');
  if (stored.length !== presentedDigest.length) stored = Buffer.alloc(presentedDigest.length);
  return timingSafeEqual(presentedDigest, stored);
}

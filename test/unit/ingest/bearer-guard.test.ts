// Bearer authentication (electron/core/ingest/guards/bearer.ts): a table of hostile Authorization headers.
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../../electron/core/ingest/guards/bearer';

const GOOD = 'vtcq_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const verify = (token: string): string | undefined => (token === GOOD ? 'gateway' : undefined);

describe('authenticate', () => {
  it.each([`Bearer ${GOOD}`, `bearer ${GOOD}`, `BEARER  ${GOOD}`, `Bearer ${GOOD} `])('accepts %j', (header) => {
    expect(authenticate(header, verify)).toEqual({ ok: true, value: 'gateway' });
  });

  it.each<[string, unknown, string]>([
    ['no header', undefined, 'Bearer realm="vtc-ingest"'],
    ['an empty header', '', 'Bearer realm="vtc-ingest"'],
    ['an unknown token', 'Bearer vtcq_BBBB', 'error="invalid_token"'],
    ['the token with one character changed', `Bearer ${GOOD.slice(0, -1)}B`, 'error="invalid_token"'],
    ['a prefix of the token', `Bearer ${GOOD.slice(0, 10)}`, 'error="invalid_token"'],
    ['the token without the scheme', GOOD, 'error="invalid_request"'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz', 'error="invalid_request"'],
    ['the scheme alone', 'Bearer', 'error="invalid_request"'],
    ['the scheme and a space', 'Bearer ', 'error="invalid_request"'],
    ['two tokens', `Bearer ${GOOD} ${GOOD}`, 'error="invalid_request"'],
    ['a token with a comma', `Bearer ${GOOD},x`, 'error="invalid_request"'],
    ['a token with a NUL', `Bearer ${GOOD}\u0000`, 'error="invalid_request"'],
    ['a token with non-ASCII', `Bearer ${GOOD}é`, 'error="invalid_request"'],
    ['an array of headers', [`Bearer ${GOOD}`], 'error="invalid_request"'],
    ['a number', 42, 'error="invalid_request"'],
    ['an object', { toString: () => `Bearer ${GOOD}` }, 'error="invalid_request"'],
    ['a 100 KB header', `Bearer ${'a'.repeat(100_000)}`, 'error="invalid_request"'],
  ])('refuses %s with 401 and a Bearer challenge', (_name, header, challenge) => {
    const result = authenticate(header, verify);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(401);
      expect(result.error.code).toBe('unauthorized');
      expect(result.error.headers?.['WWW-Authenticate']).toContain('Bearer realm="vtc-ingest"');
      expect(result.error.headers?.['WWW-Authenticate']).toContain(challenge);
    }
  });

  it('never passes a malformed header to verify', () => {
    const seen: string[] = [];
    authenticate('Basic abc', (token) => {
      seen.push(token);
      return undefined;
    });
    expect(seen).toEqual([]);
  });
});

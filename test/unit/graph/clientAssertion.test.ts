import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { verifyClientAssertion } from '../../../electron/sim/emulator/clientAssertion';
import { signJwt, type JwtAlgorithm } from '../../../electron/sim/emulator/jwt';
import { certificateFromPem, type AppRegistration } from '../../../electron/sim/emulator/registry';
import { prepareCertificate } from '../../../electron/core/auth/certificate';

const TENANT = 'dc368399-474c-4d40-900c-6265431fd81f';
const CLIENT = '6731de76-14a6-49ae-97bc-6eba6914391e';
const AUD = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const NOW = Date.now();

let app: AppRegistration;
let privateKeyPem: string;
let certificatePem: string;

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'assertion-test' }], { keySize: 2048 });
  privateKeyPem = pems.private;
  certificatePem = pems.cert;
  app = { clientId: CLIENT, displayName: 't', secrets: [], certificates: [certificateFromPem(pems.cert)], roles: [] };
});

function assertion(overrides: { alg?: JwtAlgorithm; header?: Record<string, unknown>; payload?: Record<string, unknown> } = {}): string {
  const cert = app.certificates[0]!;
  const nowSeconds = Math.floor(NOW / 1000);
  return signJwt(
    { typ: 'JWT', 'x5t#S256': cert.x5tS256, ...overrides.header },
    { aud: AUD, iss: CLIENT, sub: CLIENT, nbf: nowSeconds, exp: nowSeconds + 600, jti: 'j', ...overrides.payload },
    createPrivateKey(privateKeyPem),
    overrides.alg ?? 'PS256',
  );
}

const check = (jwt: string) => verifyClientAssertion(jwt, app, TENANT, 'http://127.0.0.1:1', NOW);

describe('certificate client assertion checks (Entra rules)', () => {
  it('accepts PS256 with x5t#S256 and RS256 with the legacy x5t', () => {
    expect(check(assertion())).toEqual({ ok: true });
    expect(check(assertion({ alg: 'RS256', header: { 'x5t#S256': undefined, x5t: app.certificates[0]!.x5t } }))).toEqual({ ok: true });
  });

  it.each([
    ['wrong audience', { payload: { aud: 'https://example.com/token' } }, 50013],
    ['expired', { payload: { exp: Math.floor(NOW / 1000) - 1 } }, 700024],
    ['issuer is another app', { payload: { iss: 'someone', sub: 'someone' } }, 700021],
    ['unknown thumbprint', { header: { 'x5t#S256': 'AAAA' } }, 700027],
  ] as const)('refuses %s', (_name, overrides, code) => {
    expect(check(assertion(overrides))).toMatchObject({ ok: false, aadstsCode: code });
  });

  it('refuses garbage and unsupported algorithms', () => {
    expect(check('not.a.jwt')).toMatchObject({ ok: false, aadstsCode: 50027 });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(check(none)).toMatchObject({ ok: false });
  });

  it('the client computes the same SHA-256 thumbprint as the emulator registers', () => {
    expect(prepareCertificate(certificatePem, privateKeyPem).thumbprintSha256).toBe(app.certificates[0]!.thumbprintSha256Hex);
  });
});

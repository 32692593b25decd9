import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { verifyClientAssertion } from '../../../electron/sim/emulator/clientAssertion';
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

type Overrides = { alg?: 'PS256' | 'RS256'; header?: Record<string, unknown>; payload?: Record<string, unknown>; key?: ReturnType<typeof createPrivateKey> };

/** An assertion as MSAL builds it: signed by the registered certificate's key unless `key` says otherwise. */
function assertion(overrides: Overrides = {}): Promise<string> {
  const cert = app.certificates[0]!;
  const nowSeconds = Math.floor(NOW / 1000);
  return new SignJWT({ aud: AUD, iss: CLIENT, sub: CLIENT, nbf: nowSeconds, exp: nowSeconds + 600, jti: 'j', ...overrides.payload })
    .setProtectedHeader({ alg: overrides.alg ?? 'PS256', typ: 'JWT', 'x5t#S256': cert.x5tS256, ...overrides.header })
    .sign(overrides.key ?? createPrivateKey(privateKeyPem));
}

const check = async (jwt: string | Promise<string>) => verifyClientAssertion(await jwt, app, TENANT, 'http://127.0.0.1:1', NOW);

describe('certificate client assertion checks (Entra rules)', () => {
  it('accepts PS256 with x5t#S256 and RS256 with the legacy x5t', async () => {
    expect(await check(assertion())).toEqual({ ok: true });
    expect(await check(assertion({ alg: 'RS256', header: { 'x5t#S256': undefined, x5t: app.certificates[0]!.x5t } }))).toEqual({ ok: true });
  });

  it.each(['PS256', 'RS256'] as const)('refuses a %s assertion signed by another key or with a tampered payload', async (alg) => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await check(assertion({ alg, key: other }))).toMatchObject({ ok: false, aadstsCode: 700027, description: expect.stringContaining('signature') });
    const [header, , signature] = (await assertion({ alg })).split('.');
    const forged = Buffer.from(JSON.stringify({ aud: AUD, iss: CLIENT, sub: CLIENT, exp: Math.floor(NOW / 1000) + 9999 })).toString('base64url');
    expect(await check(`${header}.${forged}.${signature}`)).toMatchObject({ ok: false, aadstsCode: 700027 });
  });

  it.each([
    ['wrong audience', { payload: { aud: 'https://example.com/token' } }, 50013],
    ['expired', { payload: { exp: Math.floor(NOW / 1000) - 1 } }, 700024],
    ['issuer is another app', { payload: { iss: 'someone', sub: 'someone' } }, 700021],
    ['unknown thumbprint', { header: { 'x5t#S256': 'AAAA' } }, 700027],
  ] as const)('refuses %s', async (_name, overrides, code) => {
    expect(await check(assertion(overrides))).toMatchObject({ ok: false, aadstsCode: code });
  });

  it('refuses garbage and unsupported algorithms', async () => {
    expect(await check('not.a.jwt')).toMatchObject({ ok: false, aadstsCode: 50027 });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(await check(none)).toMatchObject({ ok: false, aadstsCode: 5002738 });
  });

  it('the client computes the same SHA-256 thumbprint as the emulator registers', () => {
    expect(prepareCertificate(certificatePem, privateKeyPem).thumbprintSha256).toBe(app.certificates[0]!.thumbprintSha256Hex);
  });
});

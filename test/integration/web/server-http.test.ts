// The web-mode HTTP side on a real server (127.0.0.1, port 0): token → cookie → redirect, the cookie gate,
// the Host guard, static files with their headers, and path traversal in every spelling.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webCsp } from '../../../electron/core/web/csp';
import { startWebServer } from '../../../electron/core/web/server';
import { rawRequest, SECRET_FILE_TEXT, signIn, startTestWebServer, type TestWebServer } from '../../support/web-server';

let web: TestWebServer;
let cookie: string;

beforeAll(async () => {
  web = await startTestWebServer();
  cookie = await signIn(web.server);
});
afterAll(() => web.stop());

describe('sign-in', () => {
  it('prints a URL with a 43-character random token on 127.0.0.1', () => {
    expect(web.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(web.server.url).toBe(`${web.server.origin}/?token=${web.server.accessToken}`);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and redirects to / (token out of the address bar)', async () => {
    const fresh = await startTestWebServer();
    try {
      const response = await rawRequest(fresh.server, `/?token=${fresh.server.accessToken}`);
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe('/');
      const setCookie = response.headers['set-cookie']?.[0] ?? '';
      expect(setCookie).toMatch(new RegExp(`^vtc_web_${fresh.server.port}=[A-Za-z0-9_.-]+; HttpOnly; SameSite=Strict; Path=/$`));
      expect(setCookie).not.toContain(fresh.server.accessToken);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
    } finally {
      await fresh.stop();
    }
  });

  it.each([
    ['a wrong token', '/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an empty token', '/?token='],
    ['the token twice', 'TWICE'],
  ])('refuses %s with 401 and no cookie', async (_name, path) => {
    const target = path === 'TWICE' ? `/?token=${web.server.accessToken}&token=${web.server.accessToken}` : path;
    const response = await rawRequest(web.server, target);
    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('keeps a given access token and refuses a weak one', async () => {
    const accessToken = 'x'.repeat(40);
    const other = await startTestWebServer({ accessToken });
    try {
      expect(other.server.url.endsWith(`?token=${accessToken}`)).toBe(true);
    } finally {
      await other.stop();
    }
    const options = { staticDir: '/nonexistent', dispatch: async () => ({ ok: true as const, value: null }), subscribe: () => () => undefined };
    await expect(startWebServer({ ...options, accessToken: 'short' })).rejects.toThrow(/32 base64url/);
    // @ts-expect-error: a LAN bind is refused at the type level and at run time
    await expect(startWebServer({ ...options, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('the cookie gate', () => {
  it.each(['/', '/index.html', '/assets/app.js', '/missing'])('answers 401 without the cookie on %s', async (path) => {
    const response = await rawRequest(web.server, path);
    expect(response.status).toBe(401);
    expect(response.body).toContain('web:');
    expect(response.body).not.toContain('<script');
  });

  it.each([
    ['a wrong value', (name: string) => `${name}=forged`],
    ['the access token itself as the value', (name: string) => `${name}=${web.server.accessToken}`],
    ["another port's cookie name", (_name: string) => `${cookie.replace(/^vtc_web_\d+/, 'vtc_web_1')}`],
  ])('refuses %s', async (_name, make) => {
    const response = await rawRequest(web.server, '/', { headers: { cookie: make(`vtc_web_${web.server.port}`) } });
    expect(response.status).toBe(401);
  });

  it('accepts the real cookie even next to a planted one', async () => {
    const response = await rawRequest(web.server, '/', { headers: { cookie: `vtc_web_${web.server.port}=planted; ${cookie}` } });
    expect(response.status).toBe(200);
  });
});

describe('Host guard (DNS rebinding)', () => {
  it.each(['evil.example', `evil.example:${0}`, 'localhost.evil.example', '127.0.0.1:1'])('refuses Host %s with 421, even with the cookie', async (host) => {
    const response = await rawRequest(web.server, '/', { headers: { host: host.replace(':0', `:${web.server.port}`), cookie } });
    expect(response.status).toBe(421);
  });

  it('refuses a rebinding name even with the right token (no cookie is set)', async () => {
    const response = await rawRequest(web.server, `/?token=${web.server.accessToken}`, { headers: { host: `evil.example:${web.server.port}` } });
    expect(response.status).toBe(421);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('accepts localhost:PORT', async () => {
    const response = await rawRequest(web.server, '/', { headers: { host: `localhost:${web.server.port}`, cookie } });
    expect(response.status).toBe(200);
  });
});

describe('static files', () => {
  it('serves index.html for / with the security headers and no-store', async () => {
    const response = await rawRequest(web.server, '/', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>VTC Quality Monitor</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(webCsp(web.server.origin));
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${web.server.port} ws://localhost:${web.server.port};`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s, cacheable as a hashed asset', async (path, type) => {
    const response = await rawRequest(web.server, path, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.headers['content-security-policy']).toBe(webCsp(web.server.origin));
  });

  it('answers HEAD with headers only', async () => {
    const response = await rawRequest(web.server, '/', { method: 'HEAD', headers: { cookie } });
    expect(response.status).toBe(200);
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
    expect(response.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'])('refuses %s with 405', async (method) => {
    const response = await rawRequest(web.server, '/', { method, headers: { cookie } });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('answers 404 for a missing file, a directory and a dotfile', async () => {
    for (const path of ['/missing.js', '/assets', '/assets/', '/.env']) {
      const response = await rawRequest(web.server, path, { headers: { cookie } });
      expect(response.status, path).toBe(404);
    }
  });

  it('answers 426 to a plain GET on the WebSocket path', async () => {
    expect((await rawRequest(web.server, '/api/ws', { headers: { cookie } })).status).toBe(426);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..;/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '//../secret.txt',
    `/${'../'.repeat(20)}etc/passwd`,
  ])('refuses the traversal %s', async (path) => {
    const response = await rawRequest(web.server, path, { headers: { cookie } });
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET_FILE_TEXT);
    expect(response.body).not.toContain('root:');
  });

  it('refuses a symlink that leads out of the root', async () => {
    symlinkSync(join(web.staticDir, '..', 'secret.txt'), join(web.staticDir, 'assets', 'link.txt'));
    const response = await rawRequest(web.server, '/assets/link.txt', { headers: { cookie } });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET_FILE_TEXT);
  });

  it('refuses an absolute-form request target', async () => {
    const response = await rawRequest(web.server, `http://127.0.0.1:${web.server.port}/../secret.txt`, { headers: { cookie } });
    expect(response.status).toBe(400);
  });
});

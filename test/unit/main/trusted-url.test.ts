import { describe, expect, it } from 'vitest';
import { devServerUrlFor, isAllowedExternalUrl, isAppUrl, isDevServerUrl, isTrustedSenderUrl } from '../../../electron/main/trusted-url';

describe('trusted URLs (examples-to-follow #6: hostile inputs)', () => {
  it.each([
    ['https://learn.microsoft.com/graph/api/call-logteleconferencedevicequality', true],
    ['https://portal.azure.us/', true],
    ['http://learn.microsoft.com/', false],
    ['https://learn.microsoft.com.evil.example/', false],
    ['https://evil.example/?https://learn.microsoft.com', false],
    ['https://user:pw@learn.microsoft.com/', false],
    ['https://learn.microsoft.com:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['app://renderer/index.html', false],
    ['', false],
    [42, false],
    [null, false],
    [{ toString: () => 'https://learn.microsoft.com/' }, false],
    [`https://learn.microsoft.com/${'a'.repeat(3000)}`, false],
  ])('openExternal(%j) allowed: %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });

  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/', true],
    ['app://other/index.html', false],
    ['app://user@renderer/', false],
    ['https://renderer/', false],
    ['file:///renderer/index.html', false],
    [undefined, false],
  ])('isAppUrl(%j) = %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('trusts the dev server only on loopback and only when it is configured', () => {
    expect(isDevServerUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isDevServerUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isDevServerUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);
    expect(isDevServerUrl('http://localhost:5173/', undefined)).toBe(false);
  });
});

describe('the renderer dev server (ELECTRON_RENDERER_URL)', () => {
  it.each([
    ['a packaged build, whatever the variable says', true, 'http://localhost:5173', undefined],
    ['a packaged build, loopback IP', true, 'http://127.0.0.1:5173/', undefined],
    ['development, localhost', false, 'http://localhost:5173', 'http://localhost:5173/'],
    ['development, 127.0.0.1', false, 'http://127.0.0.1:5173/', 'http://127.0.0.1:5173/'],
    ['development, another host', false, 'http://evil.example:5173/', undefined],
    ['development, a look-alike host', false, 'http://localhost.evil.example/', undefined],
    ['development, user info', false, 'http://evil.example@localhost:5173/', undefined],
    ['development, file:', false, 'file:///tmp/page.html', undefined],
    ['development, javascript:', false, 'javascript:alert(1)', undefined],
    ['development, app: itself', false, 'app://renderer/', undefined],
    ['development, unset', false, undefined, undefined],
    ['development, empty', false, '', undefined],
  ])('%s → %s', (_name, isPackaged, rendererUrl, expected) => {
    expect(devServerUrlFor({ isPackaged, rendererUrl })).toBe(expected);
  });

  it.each([
    ['app://renderer/index.html', undefined, true],
    ['app://renderer:1234/index.html', undefined, false],
    ['app://renderer.evil/index.html', undefined, false],
    ['app://RENDERER/index.html', undefined, false],
    ['http://localhost:5173/', undefined, false],
    ['http://127.0.0.1:5173/', undefined, false],
    ['http://localhost:5173/', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['http://127.0.0.1:5173/', 'http://localhost:5173/', false],
    ['https://evil.example/', 'http://localhost:5173/', false],
    ['about:blank', undefined, false],
    ['', undefined, false],
  ])('IPC from %j (dev server %j) allowed: %s', (url, devServerUrl, expected) => {
    expect(isTrustedSenderUrl(url, devServerUrl)).toBe(expected);
  });

  it('a packaged build trusts no localhost page even when ELECTRON_RENDERER_URL names it', () => {
    const devServerUrl = devServerUrlFor({ isPackaged: true, rendererUrl: 'http://localhost:5173' });
    expect(isTrustedSenderUrl('http://localhost:5173/', devServerUrl)).toBe(false);
    expect(isTrustedSenderUrl('app://renderer/index.html', devServerUrl)).toBe(true);
  });
});

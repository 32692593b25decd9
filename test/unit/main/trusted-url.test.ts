import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isDevServerUrl } from '../../../electron/main/trusted-url';

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

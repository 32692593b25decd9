// Static path, cookie and request-target guards of the web mode: tables of hostile inputs.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anySecretEqual, parseCookie, secretsEqual } from '../../../electron/core/web/guards/cookie';
import { parseRequestTarget } from '../../../electron/core/web/guards/request-target';
import { resolveStaticPath } from '../../../electron/core/web/guards/static-path';

const root = resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it.each<[string, string]>([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['/assets/a%20b.css', 'assets/a b.css'],
    ['/assets/%C3%A9t%C3%A9.svg', 'assets/été.svg'],
  ])('maps %s inside the root', (urlPath, relative) => {
    expect(resolveStaticPath(root, urlPath)).toBe(join(root, relative));
  });

  it.each<[string, unknown]>([
    ['not a string', 42],
    ['undefined', undefined],
    ['empty', ''],
    ['relative', 'index.html'],
    ['parent segment', '/../package.json'],
    ['nested parent segment', '/assets/../../package.json'],
    ['encoded dots', '/%2e%2e/package.json'],
    ['encoded dots, capitals', '/%2E%2E/package.json'],
    ['encoded slash', '/..%2fpackage.json'],
    ['encoded slash, capitals', '/assets%2F..%2F..%2Fpackage.json'],
    ['backslash', '/..\\package.json'],
    ['encoded backslash', '/..%5cpackage.json'],
    ['NUL byte', '/index.html%00.png'],
    ['a control character', '/index%0a.html'],
    ['malformed encoding', '/%E0%A4%A'],
    ['a lone percent', '/%'],
    ['overlong UTF-8 for a dot', '/%c0%ae%c0%ae/package.json'],
    ['protocol-relative', '//evil.example/x'],
    ['a dotfile', '/.env'],
    ['a dot segment', '/./index.html'],
    ['a directory (trailing slash)', '/assets/'],
    ['an empty segment', '/assets//x.js'],
    ['an absolute path inside', '/%2Fetc%2Fpasswd'],
    ['a huge path', `/${'a'.repeat(5000)}`],
  ])('refuses %s', (_name, urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeUndefined();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const inputs = ['/a/../../b', '/%2e%2e%2f%2e%2e%2fetc/passwd', '/....//....//etc', '/a/%2e%2e/%2e%2e/x', '/..;/x'];
    for (const input of inputs) {
      const file = resolveStaticPath(root, input);
      if (file !== undefined) expect(file.startsWith(root + '/')).toBe(true);
    }
  });
});

describe('parseCookie', () => {
  it.each<[string, unknown, string[]]>([
    ['one cookie', 'vtc_web_5180=abc', ['abc']],
    ['among others', 'a=1; vtc_web_5180=abc; b=2', ['abc']],
    ['no space after the semicolon', 'a=1;vtc_web_5180=abc', ['abc']],
    ['quoted', 'vtc_web_5180="abc"', ['abc']],
    ['planted twice (every value is returned)', 'vtc_web_5180=planted; vtc_web_5180=abc', ['planted', 'abc']],
    ['another port\'s cookie', 'vtc_web_5181=abc', []],
    ['a name with our name as prefix', 'vtc_web_51800=abc', []],
    ['a name with our name as suffix', 'xvtc_web_5180=abc', []],
    ['no equals sign', 'vtc_web_5180', []],
    ['not a string', ['vtc_web_5180=abc'], []],
    ['undefined', undefined, []],
    ['a huge header', `vtc_web_5180=${'a'.repeat(20_000)}`, []],
  ])('%s', (_name, header, expected) => {
    expect(parseCookie(header, 'vtc_web_5180')).toEqual(expected);
  });

  it('caps the number of values it returns', () => {
    const header = Array.from({ length: 100 }, (_, i) => `vtc_web_5180=v${i}`).join('; ');
    expect(parseCookie(header, 'vtc_web_5180').length).toBeLessThanOrEqual(8);
  });
});

describe('secretsEqual', () => {
  const secret = 'Zm9vYmFyYmF6cXV4cXV1eHh5enp5eHh4eXl5enp6enp6';
  it.each<[string, unknown, boolean]>([
    ['the secret', secret, true],
    ['a prefix', secret.slice(0, -1), false],
    ['longer', `${secret}x`, false],
    ['one character off', `${secret.slice(0, -1)}7`, false],
    ['empty', '', false],
    ['undefined', undefined, false],
    ['a number', 1, false],
    ['an array holding it', [secret], false],
    ['an object stringifying to it', { toString: () => secret }, false],
    ['huge', 'a'.repeat(100_000), false],
  ])('%s → %s', (_name, candidate, expected) => {
    expect(secretsEqual(candidate, secret)).toBe(expected);
  });

  it('accepts when any of several values matches (a planted cookie does not lock the user out)', () => {
    expect(anySecretEqual(['planted', secret], secret)).toBe(true);
    expect(anySecretEqual(['planted', 'other'], secret)).toBe(false);
    expect(anySecretEqual([], secret)).toBe(false);
  });
});

describe('parseRequestTarget', () => {
  it('splits path and query', () => {
    const target = parseRequestTarget('/?token=abc&x=1#frag');
    expect(target?.path).toBe('/');
    expect(target?.query.get('token')).toBe('abc');
  });

  it.each<[string, unknown]>([
    ['absolute-form', 'http://evil.example/'],
    ['asterisk-form', '*'],
    ['authority-form', '127.0.0.1:5180'],
    ['empty', ''],
    ['not a string', undefined],
    ['huge', `/${'a'.repeat(10_000)}`],
  ])('refuses %s', (_name, url) => {
    expect(parseRequestTarget(url)).toBeUndefined();
  });
});

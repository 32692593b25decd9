// Host (DNS rebinding) and Origin (cross-site WebSocket) guards of the web mode: tables of hostile headers.
import { describe, expect, it } from 'vitest';
import { checkHost, checkOrigin, type WebHostPolicy } from '../../../electron/core/web/guards/host';

const loopback: WebHostPolicy = { bindHost: '127.0.0.1', port: 5180 };
const ipv6: WebHostPolicy = { bindHost: '::1', port: 5180 };
const port80: WebHostPolicy = { bindHost: '127.0.0.1', port: 80 };

describe('checkHost', () => {
  it.each<[string, unknown, WebHostPolicy]>([
    ['the bind address', '127.0.0.1:5180', loopback],
    ['localhost', 'localhost:5180', loopback],
    ['localhost in capitals', 'LOCALHOST:5180', loopback],
    ['the IPv6 bind in brackets', '[::1]:5180', ipv6],
    ['no port on port 80 (browsers omit it)', '127.0.0.1', port80],
  ])('accepts %s', (_name, header, policy) => {
    expect(checkHost(header, policy)).toEqual({ ok: true });
  });

  it.each<[string, unknown, WebHostPolicy]>([
    ['missing', undefined, loopback],
    ['empty', '', loopback],
    ['null', null, loopback],
    ['a number', 5180, loopback],
    ['an array', ['127.0.0.1:5180'], loopback],
    ['an object with toString', { toString: () => '127.0.0.1:5180' }, loopback],
    ['a rebinding name', 'evil.example:5180', loopback],
    ['a name containing localhost', 'localhost.evil.example:5180', loopback],
    ['a name ending in localhost', 'notlocalhost:5180', loopback],
    ['localhost with a trailing dot', 'localhost.:5180', loopback],
    ['no port', '127.0.0.1', loopback],
    ['the wrong port', '127.0.0.1:5181', loopback],
    ['a port with a leading zero', '127.0.0.1:05180', loopback],
    ['a port with a sign', 'localhost:+5180', loopback],
    ['another loopback address', '127.0.0.2:5180', loopback],
    ['decimal IP spelling', '2130706433:5180', loopback],
    ['the IPv6 loopback when bound to IPv4', '[::1]:5180', loopback],
    ['unbracketed IPv6', '::1:5180', ipv6],
    ['userinfo', 'user@127.0.0.1:5180', loopback],
    ['a path', '127.0.0.1:5180/x', loopback],
    ['whitespace', ' 127.0.0.1:5180', loopback],
    ['a NUL byte', '127.0.0.1\u0000:5180', loopback],
    ['a huge header', `${'a'.repeat(10_000)}:5180`, loopback],
    ['0.0.0.0', '0.0.0.0:5180', loopback],
  ])('refuses %s', (_name, header, policy) => {
    const verdict = checkHost(header, policy);
    expect(verdict.ok).toBe(false);
  });
});

describe('checkOrigin', () => {
  it.each<[string, unknown, WebHostPolicy]>([
    ['its own origin', 'http://127.0.0.1:5180', loopback],
    ['the localhost equivalent', 'http://localhost:5180', loopback],
    ['any case', 'HTTP://LocalHost:5180', loopback],
    ['IPv6 own origin', 'http://[::1]:5180', ipv6],
    ['port 80 serialized without the port', 'http://127.0.0.1', port80],
  ])('accepts %s', (_name, header, policy) => {
    expect(checkOrigin(header, policy)).toEqual({ ok: true });
  });

  it.each<[string, unknown, WebHostPolicy]>([
    ['missing', undefined, loopback],
    ['empty', '', loopback],
    ['"null" (sandboxed iframe, file:, data:)', 'null', loopback],
    ['a number', 5180, loopback],
    ['an array', ['http://127.0.0.1:5180'], loopback],
    ['another site', 'https://evil.example', loopback],
    ['a rebinding name on our port', 'http://evil.example:5180', loopback],
    ['another local port', 'http://127.0.0.1:3000', loopback],
    ['https on our port', 'https://127.0.0.1:5180', loopback],
    ['ws scheme', 'ws://127.0.0.1:5180', loopback],
    ['a trailing slash', 'http://127.0.0.1:5180/', loopback],
    ['a path', 'http://127.0.0.1:5180/api', loopback],
    ['our origin as a prefix', 'http://127.0.0.1:51800', loopback],
    ['our origin inside another', 'http://127.0.0.1:5180.evil.example', loopback],
    ['userinfo', 'http://evil@127.0.0.1:5180', loopback],
    ['a browser extension', 'chrome-extension://abcdefghijklmnop', loopback],
    ['file', 'file://', loopback],
    ['no scheme', '127.0.0.1:5180', loopback],
    ['a huge header', `http://${'a'.repeat(10_000)}`, loopback],
  ])('refuses %s', (_name, header, policy) => {
    expect(checkOrigin(header, policy).ok).toBe(false);
  });
});

// DNS-rebinding guard (electron/core/ingest/guards/host.ts): a table of hostile Host headers.
import { describe, expect, it } from 'vitest';
import { checkHost, type HostPolicy } from '../../../electron/core/ingest/guards/host';

const loopback: HostPolicy = { bindHost: '127.0.0.1', port: 8790 };
const ipv6Loopback: HostPolicy = { bindHost: '::1', port: 8790 };
const lan: HostPolicy = { bindHost: '0.0.0.0', port: 8790, extraHostNames: ['room-pc.corp.example'] };

describe('checkHost', () => {
  it.each<[string, unknown, HostPolicy]>([
    ['bind address with port', '127.0.0.1:8790', loopback],
    ['localhost with port', 'localhost:8790', loopback],
    ['localhost, any case', 'LocalHost:8790', loopback],
    ['localhost without port', 'localhost', loopback],
    ['bind address without port', '127.0.0.1', loopback],
    ['IPv6 bind in brackets', '[::1]:8790', ipv6Loopback],
    ['LAN bind: an IP literal (cannot be rebound)', '192.168.1.20:8790', lan],
    ['LAN bind: an IPv6 literal', '[fe80::1]:8790', lan],
    ['LAN bind: a configured name', 'ROOM-PC.corp.example:8790', lan],
  ])('accepts %s', (_name, header, policy) => {
    expect(checkHost(header, policy).ok).toBe(true);
  });

  it.each<[string, unknown, HostPolicy]>([
    ['missing', undefined, loopback],
    ['empty', '', loopback],
    ['an array', ['localhost:8790'], loopback],
    ['a number', 8790, loopback],
    ['a rebinding attacker name', 'evil.example:8790', loopback],
    ['a name ending in localhost', 'notlocalhost:8790', loopback],
    ['localhost as a subdomain', 'localhost.evil.example:8790', loopback],
    ['localhost with a trailing dot', 'localhost.:8790', loopback],
    ['the wrong port', 'localhost:8791', loopback],
    ['a port with leading garbage', 'localhost:+8790', loopback],
    ['a huge port', 'localhost:987654', loopback],
    ['userinfo', 'user@localhost:8790', loopback],
    ['a path', 'localhost:8790/x', loopback],
    ['whitespace', 'localhost :8790', loopback],
    ['another loopback address than the bind', '127.0.0.2:8790', loopback],
    ['IPv6 loopback when bound to IPv4', '[::1]:8790', loopback],
    ['unbracketed IPv6', '::1:8790', ipv6Loopback],
    ['LAN bind: an unconfigured name', 'evil.example:8790', lan],
    ['a NUL byte', 'localhost\u0000:8790', loopback],
  ])('refuses %s with 421', (_name, header, policy) => {
    const result = checkHost(header, policy);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(421);
      expect(result.error.code).toBe('misdirected_request');
    }
  });
});

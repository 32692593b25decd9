/**
 * DNS-rebinding and cross-site guards for the web UI.
 *
 * Host: a page on evil.example can rebind its name to 127.0.0.1 and then load this UI "same-origin"; the Host
 * header still names evil.example, so it must name this server exactly: `127.0.0.1:PORT`, `localhost:PORT`
 * or the bind address. Exact string match after lower-casing, never a contains/suffix test.
 * Origin: the WebSocket is not covered by the same-origin policy, so any page could open
 * ws://127.0.0.1:PORT/api/ws; the browser-set Origin must be this server's own origin.
 * Pure: everything they need is in their arguments.
 */
import { PASS, refuse, type Verdict } from './verdict';

export interface WebHostPolicy {
  /** The address the server is bound to: '127.0.0.1', '::1' or 'localhost'. */
  bindHost: string;
  /** The port actually bound (after listen(0) picked one). */
  port: number;
}

/** Longer than any name this server has: refuses oversized headers before any work. */
const MAX_HEADER_CHARS = 300;

/** The `host[:port]` authorities under which this server may be reached. */
export function allowedAuthorities(policy: WebHostPolicy): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', bracketed(policy.bindHost.toLowerCase())]);
  const authorities = new Set<string>();
  for (const name of names) {
    authorities.add(`${name}:${policy.port}`);
    // Browsers leave the default port out of Host and Origin (RFC 6454 §6.2).
    if (policy.port === 80) authorities.add(name);
  }
  return authorities;
}

export function checkHost(hostHeader: unknown, policy: WebHostPolicy): Verdict {
  if (typeof hostHeader !== 'string' || hostHeader.length === 0) return refuse('Host header missing');
  if (hostHeader.length > MAX_HEADER_CHARS) return refuse('Host header too long');
  if (!allowedAuthorities(policy).has(hostHeader.toLowerCase())) return refuse(`Host ${JSON.stringify(hostHeader.slice(0, 80))} is not this server`);
  return PASS;
}

export function checkOrigin(originHeader: unknown, policy: WebHostPolicy): Verdict {
  if (typeof originHeader !== 'string' || originHeader.length === 0) return refuse('Origin header missing');
  if (originHeader.length > MAX_HEADER_CHARS) return refuse('Origin header too long');
  const lower = originHeader.toLowerCase();
  // The serialized origin is exactly scheme://authority: no path, no trailing slash, no userinfo.
  if (!lower.startsWith('http://')) return refuse(`Origin ${JSON.stringify(originHeader.slice(0, 80))} is not this server`);
  if (!allowedAuthorities(policy).has(lower.slice('http://'.length))) return refuse(`Origin ${JSON.stringify(originHeader.slice(0, 80))} is not this server`);
  return PASS;
}

/** IPv6 literals appear in Host and Origin in brackets (RFC 3986 §3.2.2). */
export function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

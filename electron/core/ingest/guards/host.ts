/**
 * DNS-rebinding guard. A web page on evil.example can make its own name resolve to 127.0.0.1 and then talk
 * to this server from the operator's browser "same-origin"; the only trace is the Host header, which still
 * says evil.example. So the Host must name this server: the bind address, `localhost`, or a name the
 * operator configured for a LAN bind. An IP literal cannot be rebound, so on a wildcard bind (0.0.0.0 / ::,
 * only with allowLan) any IP literal is accepted. When a port is given it must be the server's port.
 * Pure: everything it needs is in its arguments.
 */
import { isIP } from 'node:net';
import { apiError, reject, type GuardResult } from '../errors';

export interface HostPolicy {
  /** The address the server is bound to, as given to listen(): '127.0.0.1', '::1', '0.0.0.0', 'localhost'. */
  bindHost: string;
  /** The port actually bound (after listen(0) picked one). */
  port: number;
  /** More host names to accept (e.g. the room PC's LAN name), only meaningful with a LAN bind. */
  extraHostNames?: readonly string[];
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);
/** `name`, `name:port`, `[v6]` or `[v6]:port`; nothing else (no userinfo, no path, no spaces). */
const HOST_HEADER = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?$/;

export function checkHost(hostHeader: unknown, policy: HostPolicy): GuardResult<string> {
  const refused = (why: string) =>
    reject<string>(apiError(421, 'misdirected_request', `Host header refused: ${why}. Use http://localhost:${policy.port} or http://${bracketed(policy.bindHost)}:${policy.port}.`));
  if (typeof hostHeader !== 'string' || hostHeader.length === 0) return refused('it is missing');
  const match = HOST_HEADER.exec(hostHeader);
  if (!match) return refused('it is not a host name or address');
  const hostname = (match[1] ?? '').toLowerCase();
  const portText = match[2];
  if (portText !== undefined && Number(portText) !== policy.port) return refused(`port ${portText} is not this server's port`);
  if (!isAllowedHostname(hostname, policy)) return refused(`"${hostname}" is not this server`);
  return { ok: true, value: hostname };
}

function isAllowedHostname(hostname: string, policy: HostPolicy): boolean {
  const bind = bracketed(policy.bindHost.toLowerCase());
  if (hostname === 'localhost' || hostname === bind) return true;
  if (policy.extraHostNames?.some((name) => name.toLowerCase() === hostname)) return true;
  return WILDCARD_HOSTS.has(bind) && isIP(unbracketed(hostname)) !== 0;
}

/** IPv6 literals appear in Host headers in brackets (RFC 3986 §3.2.2). */
function bracketed(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

function unbracketed(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

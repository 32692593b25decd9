/**
 * Media endpoint addresses as live samples carry them: "ip:port" or a bare ip, IPv4 or IPv6
 * ("[2001:db8::1]:5004" or "2001:db8::1"). The report builder splits them into Graph's
 * local/remoteIPAddress (Edm.String) and local/remotePort (Edm.Int32, ../shared/reference/graph-api.md §1.3).
 *
 * The IP rule matches shared/graph/quality.ts (textual IPv4 or IPv6, an embedded IPv4 tail allowed, no zone
 * ids), so an address accepted here is never refused later by the report schema.
 */
import { z } from 'zod';

export interface EndpointAddress {
  ip: string;
  port?: number;
}

const MAX_PORT = 65_535;

/** IPv4 dotted quad, or IPv6 (also with an embedded IPv4 tail such as ::ffff:10.0.0.1). */
export function isIpAddress(value: string): boolean {
  if (z.regexes.ipv4.test(value)) return true;
  const lastColon = value.lastIndexOf(':');
  const tail = value.slice(lastColon + 1);
  if (lastColon >= 0 && tail.includes('.')) {
    return z.regexes.ipv4.test(tail) && z.regexes.ipv6.test(`${value.slice(0, lastColon + 1)}0:0`);
  }
  return z.regexes.ipv6.test(value);
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= MAX_PORT ? port : undefined;
}

/** Parses "ip", "ip:port" (IPv4) or "[ipv6]:port" / bare IPv6; undefined when it is none of these. */
export function parseEndpointAddress(text: string): EndpointAddress | undefined {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return undefined;
    const ip = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (!isIpAddress(ip) || !ip.includes(':')) return undefined;
    if (rest === '') return { ip };
    if (!rest.startsWith(':')) return undefined;
    const port = parsePort(rest.slice(1));
    return port === undefined ? undefined : { ip, port };
  }
  const colons = text.split(':').length - 1;
  if (colons === 1) {
    // IPv4 with a port: an IPv6 address always has at least two colons.
    const [ip = '', portText = ''] = text.split(':');
    const port = parsePort(portText);
    return z.regexes.ipv4.test(ip) && port !== undefined ? { ip, port } : undefined;
  }
  return isIpAddress(text) ? { ip: text } : undefined;
}

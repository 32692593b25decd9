/**
 * Which bind addresses count as loopback: the only ones a server of this app may listen on unless the
 * administrator's configuration file opens it to the network. No Node imports: Settings checks it too.
 */
const IPV4_LOOPBACK = /^127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || IPV4_LOOPBACK.test(host);
}

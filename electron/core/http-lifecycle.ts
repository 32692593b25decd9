/**
 * Start and stop of the core's own HTTP servers (ingest API, Prometheus endpoint): one way to listen that
 * reports the port actually bound (port 0 picks a free one) and refuses with the listen error (EADDRINUSE),
 * and one graceful close that lets requests in progress finish for `graceMs`, then cuts what is left, so
 * stopping never waits on a client that keeps a connection open.
 */
import type { Server } from 'node:http';

export function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Every open tab: receives each pushed event once encoded, is pinged every `heartbeatMs` (a tab that
 * vanished without a close frame, e.g. a sleeping laptop, is dropped after one missed pong), and is closed
 * when the server stops. Each heartbeat also checks the tab's session: an open tab is a session in use (so
 * it never idles out while the page stays open, and its reconnects are let in), and a tab whose session
 * ended (revoked by a new sign-in from that browser) is closed with 1008 instead of staying connected.
 */
import { WebSocket } from 'ws';
import type { AppEventArgs } from '../../../shared/api/contract';
import type { Logger } from '../log/logger';
import { ClientConnection, type ClientConnectionOptions } from './client-connection';

/** 1001 "going away" (RFC 6455 §7.4.1): the server is stopping. */
const GOING_AWAY = 1001;
/** Tabs get this long to answer the close frame before their sockets are cut. */
const CLOSE_GRACE_MS = 1_000;
/** 1008 "policy violation" (RFC 6455 §7.4.1): the tab's session ended; its reconnect is refused with 401. */
const SESSION_ENDED = 1008;

export class ClientRegistry {
  private readonly clients = new Set<ClientConnection>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly options: ClientConnectionOptions & { heartbeatMs: number; log?: Logger },
  ) {
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** `sessionLive()`: true while the tab's session is live (and counts it as used now). */
  add(socket: WebSocket, sessionLive: () => boolean): void {
    const client = new ClientConnection(socket, this.options, sessionLive);
    this.clients.add(client);
    socket.once('close', () => this.clients.delete(client));
    this.options.log?.debug('web client connected', { clients: this.clients.size });
  }

  broadcast(...pushed: AppEventArgs): void {
    if (this.clients.size === 0) return;
    const [event, payload] = pushed;
    let text: string;
    try {
      text = JSON.stringify({ event, payload });
    } catch (error) {
      this.options.log?.error('web event could not be encoded', { event, error });
      return;
    }
    for (const client of this.clients) client.pushEvent(text, ...pushed);
  }

  async closeAll(): Promise<void> {
    clearInterval(this.heartbeat);
    const closed = [...this.clients].map((client) => closeSocket(client.socket));
    await Promise.all(closed);
    this.clients.clear();
  }

  private ping(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      if (!client.sessionLive()) {
        this.options.log?.info('web client closed: its session ended');
        client.socket.close(SESSION_ENDED, 'session ended');
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}

function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.close(GOING_AWAY, 'server stopping');
  });
}

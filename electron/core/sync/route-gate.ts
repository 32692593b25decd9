/**
 * Whether the route to Graph is open (a 429 pauses the WHOLE route, not one row; the worker
 * pauses with a clear status when credentials or a permission are missing). One pause at a time; the later
 * one wins, so a 600 s Retry-After is not shortened by a 5 min permission probe, nor the reverse.
 * When a pause ends by itself (its time has come) the gate half-opens: one request at a time until one
 * succeeds, so a dead route costs one failed request per period, not `concurrency` of them.
 */
import { backoffDelayMs, type BackoffPolicy } from '../outbox/index';
import type { PauseCause } from './classify';
import { pauseMessage, type RoutePause } from './status';

/** Offline probes back off faster and lower than reports: the network usually returns within minutes. */
const OFFLINE_BACKOFF: BackoffPolicy = { startMs: 1_000, factor: 2, capMs: 60_000 };

export interface GateLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export class RouteGate {
  private current: RoutePause | undefined;
  private probing = false;
  private offlineFailures = 0;

  constructor(
    private readonly now: () => number,
    private readonly random: () => number,
    private readonly log?: GateLog,
  ) {}

  get pause(): RoutePause | undefined {
    return this.current;
  }

  /** True while no new request may start. A pause whose time has come ends here (half-open). */
  isClosed(): boolean {
    if (!this.current) return false;
    if (this.now() < this.current.untilMs) return true;
    this.log?.info('sync pause over, probing', { cause: this.current.cause });
    this.current = undefined;
    this.probing = true;
    return false;
  }

  /** How many requests may be in flight now. */
  slots(concurrency: number): number {
    return this.probing ? 1 : concurrency;
  }

  /** A request got through (or failed in a way that shows the route works): open fully. */
  opened(): void {
    this.probing = false;
    this.offlineFailures = 0;
  }

  /** `retryAfterMs`: what the server asked for (shown beside the capped pause). */
  throttled(untilMs: number, retryAfterMs?: number): void {
    this.close('throttled', untilMs, { retryAfterMs });
  }

  /** No HTTP answer at all: wait 1 s, 2 s, 4 s … 60 s (equal jitter: at least half, never a tight loop). */
  offline(error: string): void {
    this.offlineFailures += 1;
    const ceilingMs = backoffDelayMs(this.offlineFailures, () => 1, OFFLINE_BACKOFF);
    this.close('offline', this.now() + Math.ceil(ceilingMs / 2 + this.random() * (ceilingMs / 2)), { error });
  }

  blocked(cause: 'auth' | 'missing_permission' | 'unavailable', untilMs: number, detail: { permission?: string; error?: string }): void {
    this.close(cause, untilMs, detail);
  }

  /** notify(): the network or the credentials came back. Returns whether a pause ended. */
  resume(reason: 'network' | 'credentials'): boolean {
    const cause = this.current?.cause;
    if (cause === undefined) return false;
    const ends = reason === 'network' ? cause === 'offline' : cause !== 'throttled';
    if (!ends) return false;
    this.log?.info('sync resumed', { cause, reason });
    this.current = undefined;
    this.probing = true;
    return true;
  }

  private close(cause: PauseCause, untilMs: number, detail: { permission?: string; error?: string; retryAfterMs?: number }): void {
    if (this.current && this.current.untilMs > untilMs) return;
    const next: RoutePause = { cause, untilMs, message: pauseMessage(cause, { ...detail, untilMs, nowMs: this.now() }) };
    if (detail.permission !== undefined) next.permission = detail.permission;
    if (detail.retryAfterMs !== undefined) next.retryAfterMs = detail.retryAfterMs;
    if (this.current?.cause !== cause) this.log?.warn('sync paused', { cause, reason: next.message });
    this.current = next;
    this.probing = false;
  }
}

/**
 * Per-route fixed-window throttling, answering 429 with Retry-After as Graph does (../shared/reference/graph-api.md §4.1–4.2;
 * e.g. call records: 40 requests / 20 s per call record and for list). Off unless configured, so tests and
 * the demo choose their own limits. Windows run on the emulator's clock (`now`), so tests can move time.
 */
import { z } from 'zod';
import { EMULATOR_ROUTES, type EmulatorRoute, type RateLimitSpec } from './types';

export const rateLimitSpecSchema = z.strictObject({
  requests: z.int().min(1),
  windowSeconds: z.number().positive(),
  code: z.string().min(1).optional(),
});

/** `POST /_emulator/rate-limits`: `{ route, requests, windowSeconds }` or `{ route, limit: null }` to remove. */
export const rateLimitRequestSchema = z.union([
  z.strictObject({ route: z.enum(EMULATOR_ROUTES), limit: z.null() }),
  rateLimitSpecSchema.extend({ route: z.enum(EMULATOR_ROUTES) }),
]);

interface Window {
  startedAtMs: number;
  count: number;
}

export interface Throttled {
  retryAfterSeconds: number;
  code: string;
}

export class RateLimiter {
  private readonly limits = new Map<EmulatorRoute, RateLimitSpec>();
  private readonly windows = new Map<EmulatorRoute, Window>();

  constructor(initial: Partial<Record<EmulatorRoute, RateLimitSpec>> = {}) {
    for (const [route, spec] of Object.entries(initial) as [EmulatorRoute, RateLimitSpec][]) this.set(route, spec);
  }

  set(route: EmulatorRoute, spec: RateLimitSpec | null): void {
    this.windows.delete(route);
    if (spec === null) this.limits.delete(route);
    else this.limits.set(route, spec);
  }

  /** Counts this request; returns how long to wait when it is over the limit. */
  check(route: EmulatorRoute, nowMs: number): Throttled | undefined {
    const spec = this.limits.get(route);
    if (!spec) return undefined;
    const windowMs = spec.windowSeconds * 1000;
    let window = this.windows.get(route);
    if (!window || nowMs - window.startedAtMs >= windowMs) {
      window = { startedAtMs: nowMs, count: 0 };
      this.windows.set(route, window);
    }
    window.count += 1;
    if (window.count <= spec.requests) return undefined;
    const remainingMs = window.startedAtMs + windowMs - nowMs;
    return { retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)), code: spec.code ?? 'TooManyRequests' };
  }

  /** Forgets the counts (keeps the limits). */
  resetWindows(): void {
    this.windows.clear();
  }

  clear(): void {
    this.limits.clear();
    this.windows.clear();
  }
}

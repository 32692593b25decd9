/**
 * Client-side rate limit: a token bucket refilled continuously at `ratePerSecond`, holding at
 * most `burst` tokens. Keeping under the route's limit ourselves costs less than a 429, which pauses the
 * whole route for Retry-After. The clock is injected.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAtMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate must be > 0 per second and burst ≥ 1');
    this.tokens = burst;
    this.refilledAtMs = now();
  }

  /** Whole tokens available now. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  take(count: number): void {
    this.refill();
    this.tokens -= count;
  }

  /** Milliseconds until one whole token is available (0 when one is). */
  msUntilNext(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  private refill(): void {
    const nowMs = this.now();
    const elapsedMs = Math.max(0, nowMs - this.refilledAtMs);
    this.refilledAtMs = nowMs;
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs * this.ratePerSecond) / 1000);
  }
}

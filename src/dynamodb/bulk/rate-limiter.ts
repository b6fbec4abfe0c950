import { sleep } from './retry';

/**
 * A token bucket over capacity units (read or write) that adapts like TCP: it halves its rate
 * when DynamoDB throttles and climbs back towards the ceiling once throttling stops.
 *
 * Callers take an estimate before a request and settle the difference once the response
 * reports the capacity it consumed, so the limit holds in real units, not in guesses.
 * With no ceiling the bucket is open until the first throttle, then adapts the same way.
 */
export class AdaptiveRateLimiter {
  private rate: number;
  private tokens = 0;
  private lastRefill: number;
  private lastThrottle = -Infinity;
  private lastRaise: number;
  private windowStart: number;
  private windowUnits = 0;
  /** Units per second actually consumed, smoothed; the base the rate falls from when unlimited. */
  private observed = 0;

  constructor(
    /** Units per second never to exceed; Infinity for none. */
    readonly ceiling: number,
    private readonly now: () => number = Date.now,
    /** The rate never falls below this, so a throttled pass still makes progress. */
    private readonly floor = 1,
  ) {
    this.rate = ceiling;
    this.lastRefill = this.lastRaise = this.windowStart = now();
    this.tokens = Number.isFinite(ceiling) ? ceiling : 0;
  }

  /** The rate currently allowed (units/s), Infinity when open. */
  get currentRate(): number {
    return this.rate;
  }

  /** Waits until `units` may be spent. Debt is allowed: a large request waits after, not forever. */
  async acquire(units: number, signal?: AbortSignal): Promise<void> {
    this.refill();
    if (!Number.isFinite(this.rate)) return;
    this.tokens -= units;
    if (this.tokens < 0) await sleep(Math.ceil((-this.tokens / this.rate) * 1000), signal);
  }

  /** Corrects an estimate once the response says what the request really consumed. */
  settle(estimated: number, actual: number): void {
    this.record(actual);
    if (Number.isFinite(this.rate)) this.tokens -= actual - estimated;
  }

  /** DynamoDB throttled a request (or left items unprocessed): back off multiplicatively. */
  throttled(): void {
    const t = this.now();
    // One burst of concurrent throttles is one signal, not twenty halvings.
    if (t - this.lastThrottle < 500) return;
    this.lastThrottle = t;
    const base = Number.isFinite(this.rate) ? this.rate : Math.max(this.observed, this.floor * 10);
    this.rate = Math.max(this.floor, base / 2);
    this.tokens = Math.min(this.tokens, 0);
    this.lastRaise = t;
  }

  private record(units: number): void {
    const t = this.now();
    this.windowUnits += units;
    const elapsed = t - this.windowStart;
    if (elapsed >= 1000) {
      const rate = (this.windowUnits * 1000) / elapsed;
      this.observed = this.observed === 0 ? rate : this.observed * 0.5 + rate * 0.5;
      this.windowStart = t;
      this.windowUnits = 0;
    }
  }

  private refill(): void {
    const t = this.now();
    // Additive-ish increase: 20% a second after two quiet seconds, back to the ceiling.
    if (this.rate < this.ceiling && t - this.lastThrottle > 2000 && t - this.lastRaise >= 1000) {
      this.rate = this.rate * 1.2 + 1;
      this.lastRaise = t;
      if (this.rate >= this.ceiling) this.rate = this.ceiling;
      // Unlimited and comfortably above what we use: open the bucket again.
      else if (!Number.isFinite(this.ceiling) && this.observed > 0 && this.rate > this.observed * 4) this.rate = Infinity;
    }
    if (!Number.isFinite(this.rate)) {
      this.lastRefill = t;
      return;
    }
    this.tokens = Math.min(this.rate, this.tokens + ((t - this.lastRefill) / 1000) * this.rate);
    this.lastRefill = t;
  }
}

import { sleep } from './retry';

/**
 * A token bucket over capacity units (read or write) that adapts like TCP: it cuts its rate
 * when DynamoDB throttles and climbs back towards the ceiling once throttling stops.
 *
 * Callers take an estimate before a request and settle the difference once the response
 * reports the capacity it consumed, so the limit holds in real units, not in guesses.
 * With no ceiling the bucket is open until the first throttle, then adapts the same way.
 *
 * The rate never falls below a quarter of the best rate seen (or a tenth of the ceiling):
 * throttling that does not depend on our rate (a hot partition, another writer) would
 * otherwise drive it to nothing, and retries with backoff already absorb what the floor lets
 * through. Before anything has been measured, a throttle only triggers the retry's backoff.
 */
export class AdaptiveRateLimiter {
  private rate: number;
  private tokens = 0;
  private lastRefill: number;
  private lastThrottle = -Infinity;
  private lastChange: number;
  /** Start of the current measuring window; NaN until the first response, so setup time never counts. */
  private windowStart = NaN;
  private windowUnits = 0;
  /** Units per second consumed in the last complete one-second window. */
  private observed = 0;
  private peak = 0;

  constructor(
    /** Units per second never to exceed; Infinity for none. */
    readonly ceiling: number,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = ceiling;
    this.lastRefill = now();
    this.lastChange = this.lastRefill - 1000;
    // Empty at the start, not a second's worth: a pass that opened with twice its rate would
    // spend burst credit the table may not have saved, and be throttled in its first second.
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

  /** DynamoDB throttled a request (or left batch items unprocessed): slow down. */
  throttled(): void {
    const t = this.now();
    this.lastThrottle = t;
    // One cut per second: a burst of concurrent throttles is one signal, not twenty.
    if (t - this.lastChange < 1000 && Number.isFinite(this.rate)) return;
    // Open and nothing measured over a whole second yet: while a pass starts up, what it has
    // consumed says nothing about what the table can take.
    if (!Number.isFinite(this.rate) && this.observed === 0) return;
    const base = Number.isFinite(this.rate) ? this.rate : this.observed;
    this.rate = Math.max(this.floor(), base * 0.7);
    this.tokens = Math.min(this.tokens, 0);
    this.lastChange = t;
  }

  private floor(): number {
    return Math.max(1, Number.isFinite(this.ceiling) ? this.ceiling / 10 : this.peak / 4);
  }

  private record(units: number): void {
    const t = this.now();
    if (Number.isNaN(this.windowStart)) {
      // The first window opens with the first response: time spent before the pass sent
      // anything (DescribeTable, checkpoints, a cold start) would make the first measured
      // rate, and so the floor, far too low, and one early throttle would then crawl.
      this.windowStart = t;
      this.windowUnits = units;
      return;
    }
    this.windowUnits += units;
    const elapsed = t - this.windowStart;
    if (elapsed >= 1000) {
      this.observed = (this.windowUnits * 1000) / elapsed;
      this.peak = Math.max(this.peak, this.observed);
      this.windowStart = t;
      this.windowUnits = 0;
    }
  }

  private refill(): void {
    const t = this.now();
    // Climb back by a fifth a second once a second has passed without throttling.
    if (this.rate < this.ceiling && t - this.lastThrottle > 1000 && t - this.lastChange >= 1000) {
      this.rate = this.rate * 1.2 + 1;
      this.lastChange = t;
      if (this.rate >= this.ceiling) this.rate = this.ceiling;
      // Unlimited and well above what we use: open the bucket again.
      else if (!Number.isFinite(this.ceiling) && this.peak > 0 && this.rate > this.peak * 2) this.rate = Infinity;
    }
    if (!Number.isFinite(this.rate)) {
      this.lastRefill = t;
      return;
    }
    this.tokens = Math.min(this.rate, this.tokens + ((t - this.lastRefill) / 1000) * this.rate);
    this.lastRefill = t;
  }
}

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
export declare class AdaptiveRateLimiter {
    /** Units per second never to exceed; Infinity for none. */
    readonly ceiling: number;
    private readonly now;
    private rate;
    private tokens;
    private lastRefill;
    private lastThrottle;
    private lastChange;
    /** Start of the current measuring window; NaN until the first response, so setup time never counts. */
    private windowStart;
    private windowUnits;
    /** Units per second consumed in the last complete one-second window. */
    private observed;
    private peak;
    constructor(
    /** Units per second never to exceed; Infinity for none. */
    ceiling: number, now?: () => number);
    /** The rate currently allowed (units/s), Infinity when open. */
    get currentRate(): number;
    /** Waits until `units` may be spent. Debt is allowed: a large request waits after, not forever. */
    acquire(units: number, signal?: AbortSignal): Promise<void>;
    /** Corrects an estimate once the response says what the request really consumed. */
    settle(estimated: number, actual: number): void;
    /** DynamoDB throttled a request (or left batch items unprocessed): slow down. */
    throttled(): void;
    private floor;
    private record;
    private refill;
}

/** How often and how patiently a request is retried. */
export interface RetryPolicy {
    /** Attempts in total, the first included. */
    maxAttempts: number;
    /** Base of the exponential backoff. */
    baseMs: number;
    /** Ceiling of one backoff delay. */
    maxDelayMs: number;
}
/** Patient enough to ride out throttling on a busy table; the SDK's own retries come on top. */
export declare const DEFAULT_RETRY: RetryPolicy;
/** DynamoDB asked us to slow down: the rate limiter should back off as well as retry. */
export declare function isThrottle(err: unknown): boolean;
/**
 * Worth another attempt: throttling, 5xx and dropped connections. Anything else (validation,
 * a failed condition, access denied) would fail the same way again.
 */
export declare function isRetryable(err: unknown): boolean;
/** Full jitter (AWS architecture blog): spreads retries of many workers evenly over the window. */
export declare function backoffDelay(attempt: number, policy: RetryPolicy, random?: () => number): number;
/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
/**
 * Runs `call` until it succeeds, fails with a non-retryable error, or runs out of attempts.
 * `onRetry` hears every retryable failure (the rate limiter listens for throttling).
 */
export declare function withRetry<T>(call: (attempt: number) => Promise<T>, opts: {
    policy?: RetryPolicy;
    signal?: AbortSignal | undefined;
    onRetry?: (err: unknown, attempt: number) => void;
}): Promise<T>;

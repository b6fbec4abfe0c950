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
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 12, baseMs: 50, maxDelayMs: 10_000 };

const THROTTLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ThrottledException',
  'TooManyRequestsException',
  // MRSC global tables: the item is being written from another region at this moment. Like a
  // throttle it passes if we wait, and slowing down makes it rarer while the application writes.
  'ReplicatedWriteConflictException',
]);

const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** DynamoDB asked us to slow down: the rate limiter should back off as well as retry. */
export function isThrottle(err: unknown): boolean {
  const e = err as ErrorShape | undefined;
  return !!e && (THROTTLE_NAMES.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429);
}

/**
 * Worth another attempt: throttling, 5xx and dropped connections. Anything else (validation,
 * a failed condition, access denied) would fail the same way again.
 */
export function isRetryable(err: unknown): boolean {
  if (isThrottle(err)) return true;
  const e = err as ErrorShape | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'AbortError') return false;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  if (e.name === 'InternalServerError' || e.name === 'ServiceUnavailable' || e.name === 'TimeoutError') return true;
  if (e.code && TRANSIENT_CODES.has(e.code)) return true;
  // Node reports a connection closed mid-response in the message only.
  return /socket hang up|ECONNRESET|EPIPE|other side closed|premature close/i.test(e.message ?? '');
}

/** Full jitter (AWS architecture blog): spreads retries of many workers evenly over the window. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(attempt, 20));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `call` until it succeeds, fails with a non-retryable error, or runs out of attempts.
 * `onRetry` hears every retryable failure (the rate limiter listens for throttling).
 */
export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  opts: { policy?: RetryPolicy; signal?: AbortSignal | undefined; onRetry?: (err: unknown, attempt: number) => void },
): Promise<T> {
  const policy = opts.policy ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    try {
      return await call(attempt);
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (!isRetryable(err) || attempt >= policy.maxAttempts) throw err;
      opts.onRetry?.(err, attempt);
      await sleep(backoffDelay(attempt, policy), opts.signal);
    }
  }
}

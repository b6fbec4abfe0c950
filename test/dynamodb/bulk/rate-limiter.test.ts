import { expect, test, vi } from 'vitest';
import { passCeilings } from '../../../src/dynamodb/bulk/pass';
import { AdaptiveRateLimiter } from '../../../src/dynamodb/bulk/rate-limiter';

test('the rate falls on throttling, never below its floor, and climbs back to the ceiling after', async () => {
  let now = 0;
  const limiter = new AdaptiveRateLimiter(1000, () => now);
  expect(limiter.currentRate).toBe(1000);
  limiter.throttled();
  expect(limiter.currentRate).toBe(700);
  for (let i = 0; i < 20; i++) {
    now += 1000;
    limiter.throttled();
  }
  expect(limiter.currentRate).toBe(100);
  for (let i = 0; i < 30; i++) {
    now += 1100;
    await limiter.acquire(0);
  }
  expect(limiter.currentRate).toBe(1000);
});

test('an open limiter closes on throttling once it has measured a rate, and opens again after', async () => {
  let now = 0;
  const limiter = new AdaptiveRateLimiter(Infinity, () => now);
  limiter.throttled();
  expect(limiter.currentRate).toBe(Infinity);
  limiter.settle(0, 400);
  now = 1000;
  limiter.settle(0, 0);
  now = 1500;
  limiter.throttled();
  expect(limiter.currentRate).toBe(280);
  for (let i = 0; i < 20; i++) {
    now += 1100;
    await limiter.acquire(0);
  }
  expect(limiter.currentRate).toBe(Infinity);
});

test('a limiter with a ceiling starts empty: the first request waits its share of a second instead of spending a second in advance', async () => {
  vi.useFakeTimers();
  try {
    const limiter = new AdaptiveRateLimiter(1000, () => 0);
    let done = false;
    const waiting = limiter.acquire(500).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  } finally {
    vi.useRealTimers();
  }
});

test("with no rate, a pass on a provisioned table runs at the table's capacity; a rate wins where it names a figure", () => {
  const provisioned = { provisioned: { read: 3000, write: 1000 } };
  expect(passCeilings(undefined, provisioned)).toEqual({ read: 3000, write: 1000 });
  expect(passCeilings({ write: 500 }, provisioned)).toEqual({ read: 3000, write: 500 });
  expect(passCeilings({ write: 2000, read: 10 }, provisioned)).toEqual({ read: 10, write: 2000 });
  expect(passCeilings({ percent: 50 }, provisioned)).toEqual({ read: 1500, write: 500 });
  // On-demand: nothing to start from; open until DynamoDB throttles.
  expect(passCeilings(undefined, {})).toEqual({ read: Infinity, write: Infinity });
  expect(passCeilings({ write: 500 }, {})).toEqual({ read: Infinity, write: 500 });
});

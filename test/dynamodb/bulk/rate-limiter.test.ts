import { expect, test } from 'vitest';
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

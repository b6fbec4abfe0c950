import { describe, expect, test } from 'vitest';
import { formatCount, renderReportText } from '../../../src/core/render/text';
import { applied, plan, step } from './fixtures';

describe('renderReportText', () => {
  const p = plan({ steps: [step('1.1.0', { checks: ['before'] })] });

  test("a run refused by a step's before hook says precondition failed, not blocked", () => {
    const r = applied(p, { status: 'blocked', blockedBy: 'precondition', steps: [], durationMs: 300 });
    const head = renderReportText(r).split('\n')[0];
    expect(head).toBe("dev (orders-dev): PRECONDITION FAILED (a step's before hook): nothing was written in 300 ms");
    expect(head).not.toContain('BLOCKED');
  });

  test("a run stopped by the plan's blockers says blocked", () => {
    const r = applied(p, { status: 'blocked', steps: [], durationMs: 300 });
    expect(renderReportText(r).split('\n')[0]).toBe('dev (orders-dev): BLOCKED in 300 ms');
  });
});

describe('formatCount', () => {
  test("writes every count as toLocaleString('en-US') does, rounded", () => {
    const values = [
      0,
      -0,
      0.4,
      -0.4,
      1,
      7,
      999,
      1000,
      1001,
      12_345,
      999_999,
      1_000_000,
      123_456_789,
      2 ** 53,
      1e21,
      -1,
      -1234.5,
      1234.5,
      1234.49,
      999.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    for (let k = 1; k <= 16; k++)
      for (const v of [10 ** k - 1, 10 ** k, 10 ** k + 1, Math.floor(3141592653589793 / 10 ** (16 - k))])
        values.push(v, -v);
    for (const v of values) expect(formatCount(v), String(v)).toBe(Math.round(v).toLocaleString('en-US'));
  });
});

import { describe, expect, test } from 'vitest';
import { renderReportText } from '../../../src/core/render/text';
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

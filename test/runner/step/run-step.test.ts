import { describe, expect, test } from 'vitest';
import { LockLostError, MigrateError } from '../../../src/core/errors';
import type { Finding, PlanStep } from '../../../src/core/types';
import { PassFailedError, PassIncompleteError } from '../../../src/dynamodb/bulk';
import { runStep } from '../../../src/runner/step/run-step';
import {
  aStep,
  type BodyScript,
  FakeClock,
  RecordingLedger,
  RecordingLogger,
  scriptedBefore,
  scriptedBody,
} from './fakes';

/**
 * What happens when a step runs, through runStep's seams only: a recording ledger, a scripted
 * body and `before`, a clock that moves when told. No DynamoDB: a change of step semantics
 * (what is recorded, when the run stops, with which exit code and advice) fails here first.
 */

const counts = { scanned: 120, changed: 100, skipped: 20, failed: 0 };

function harness(
  script: Record<string, BodyScript> = {},
  o: {
    before?: Record<string, Finding[] | { throws: unknown }>;
    dryRun?: boolean;
    how?: string;
  } = {},
) {
  const events: string[] = [];
  const clock = new FakeClock();
  const log = new RecordingLogger();
  const ledger = new RecordingLedger(events);
  const body = scriptedBody(script, events, clock);
  const before = o.before ? scriptedBefore(o.before, events) : undefined;
  const run = (step: PlanStep) =>
    runStep(step, { ledger, body, log, now: clock.now, dryRun: o.dryRun, how: o.how, before });
  return { events, clock, log, ledger, body, run };
}

describe('runStep: a step that finishes', () => {
  test('begins, runs the body with its ticket, records success and reports applied with counts and duration', async () => {
    const h = harness({ '1.0.0': { incomplete: false, counts, takesMs: 2500 } });
    const { report, stop } = await h.run(aStep('1.0.0'));

    expect(h.events).toEqual(['begin 1.0.0', 'body 1.0.0', 'finish 1.0.0 success']);
    expect(h.body.tickets).toEqual(['ticket-1.0.0-1']);
    expect(h.ledger.finished).toEqual([
      { version: '1.0.0', ticket: 'ticket-1.0.0-1', outcome: { status: 'success', counts, durationMs: 2500 } },
    ]);
    expect(report).toEqual({
      version: '1.0.0',
      direction: 'up',
      kind: 'migrate',
      status: 'applied',
      durationMs: 2500,
      counts,
    });
    expect(stop).toBeUndefined();
  });

  test('a down step and a reset step are reported with their direction and kind', async () => {
    const h = harness();
    const down = await h.run(aStep('2.0.0', { direction: 'down' }));
    const reset = await h.run(aStep('3.0.0', { kind: 'reset' }));
    expect(down.report).toMatchObject({ version: '2.0.0', direction: 'down', kind: 'migrate', status: 'applied' });
    expect(reset.report).toMatchObject({ version: '3.0.0', direction: 'up', kind: 'reset', status: 'applied' });
  });

  test('the banner names the version, the direction, the description and how the step runs', async () => {
    const up = harness({}, { how: 'fanned out over 8 segments' });
    await up.run(aStep('1.0.0', { description: 'add totals' }));
    expect(up.log.lines[0]).toBe('info: ▲ 1.0.0 up: add totals (fanned out over 8 segments)');

    const down = harness();
    await down.run(aStep('1.0.0', { direction: 'down', kind: 'repeat', description: 'add totals' }));
    expect(down.log.lines[0]).toBe('info: ▼ 1.0.0 repeat: add totals');
  });

  test('verify checks that passed are carried in the report, and the step is applied', async () => {
    const checks = [{ hook: 'verify' as const, scope: 'all' as const, passed: true, findings: [] }];
    const h = harness({ '1.0.0': { incomplete: false, checks } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['verify'] }));
    expect(report.status).toBe('applied');
    expect(report.checks).toEqual(checks);
    expect(stop).toBeUndefined();
    expect(h.events.at(-1)).toBe('finish 1.0.0 success');
  });

  test('an empty list of checks is left out of the report', async () => {
    const h = harness({ '1.0.0': { incomplete: false, checks: [] } });
    const { report } = await h.run(aStep('1.0.0'));
    expect(report).not.toHaveProperty('checks');
  });
});

describe('runStep: a body that throws', () => {
  test('records the failure with its message, reports failed and stops the run with exit 1', async () => {
    const h = harness({ '1.0.0': { throws: new Error('ValidationException: bad key'), takesMs: 700 } });
    const { report, stop } = await h.run(aStep('1.0.0'));

    expect(h.events).toEqual(['begin 1.0.0', 'body 1.0.0', 'finish 1.0.0 failed']);
    expect(h.ledger.finished[0]!.outcome).toEqual({
      status: 'failed',
      message: 'ValidationException: bad key',
      counts: undefined,
      durationMs: 700,
    });
    expect(report).toMatchObject({ status: 'failed', error: 'ValidationException: bad key', durationMs: 700 });
    expect(stop).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(stop!.error).toBe('up 1.0.0 (1.0.0-step.ts) failed: ValidationException: bad key');
    expect(h.log.lines).toContain('error: 1.0.0 up failed: ValidationException: bad key');
  });

  test('a body that returns its error (with the counts so far) is the same failure, counts recorded', async () => {
    const h = harness({ '1.0.0': { incomplete: false, error: new Error('throttled'), counts } });
    const { report, stop } = await h.run(aStep('1.0.0'));
    expect(h.ledger.finished[0]!.outcome).toMatchObject({ status: 'failed', message: 'throttled', counts });
    expect(report).toMatchObject({ status: 'failed', error: 'throttled', counts });
    expect(stop?.exitCode).toBe(1);
  });

  test('a non-idempotent step is not re-run: the advice is to check the data and repair', async () => {
    const h = harness({ '1.0.0': { throws: new Error('boom') } });
    const { stop } = await h.run(aStep('1.0.0', { idempotent: false }));
    expect(stop!.next).toContain('Check the data 1.0.0 touched');
    expect(stop!.next).toContain('repair --version 1.0.0 --mark applied|reverted');
    expect(stop!.next).toContain('it is not idempotent');
    expect(stop!.next).not.toContain('apply --resume');
  });

  test('a bulk pass whose items failed stopped at its checkpoints: recorded so, and the advice is to resume, idempotent or not', async () => {
    const failedItems = new PassFailedError('pass-1', { ...counts, failed: 1 }, [{ key: { pk: 'a' }, error: 'bad' }]);
    const h = harness({ '1.0.0': { incomplete: false, error: failedItems, counts } });
    const { stop } = await h.run(aStep('1.0.0', { idempotent: false }));
    expect(h.ledger.finished[0]!.outcome).toMatchObject({ status: 'failed', checkpointed: true });
    expect(stop).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(stop!.next).toContain('apply --resume: 1.0.0 continues from its checkpoints');
    expect(stop!.next).not.toContain('not idempotent');
  });

  test('an idempotent step can be run again: the advice is to fix the cause and resume', async () => {
    const h = harness({ '1.0.0': { throws: new Error('boom') } });
    const { stop } = await h.run(aStep('1.0.0', { idempotent: true }));
    expect(stop!.next).toContain('Fix the cause, then apply --resume (1.0.0 is idempotent)');
    expect(stop!.next).toContain('repair --version 1.0.0');
  });

  test('a thrown non-Error is reported by its text; an empty message is recorded as "failed"', async () => {
    const text = harness({ '1.0.0': { throws: 'plain string' } });
    const a = await text.run(aStep('1.0.0'));
    expect(a.report.error).toBe('plain string');
    expect(text.ledger.finished[0]!.outcome.message).toBe('plain string');

    const empty = harness({ '1.0.0': { throws: new Error('') } });
    const b = await empty.run(aStep('1.0.0'));
    expect(b.report.error).toBe('failed');
    expect(empty.ledger.finished[0]!.outcome.message).toBe('failed');
    expect(b.stop!.error).toBe('up 1.0.0 (1.0.0-step.ts) failed: failed');
  });

  test('a down step that fails says so', async () => {
    const h = harness({ '1.0.0': { throws: new Error('boom') } });
    const { stop } = await h.run(aStep('1.0.0', { direction: 'down' }));
    expect(stop!.error).toBe('down 1.0.0 (1.0.0-step.ts) failed: boom');
  });
});

describe('runStep: a step stopped at a checkpoint', () => {
  test('is recorded incomplete with its counts and stops the run; resume continues it', async () => {
    const h = harness({ '1.0.0': { incomplete: true, counts, takesMs: 900 } });
    const { report, stop } = await h.run(aStep('1.0.0'));

    expect(h.events).toEqual(['begin 1.0.0', 'body 1.0.0', 'finish 1.0.0 incomplete']);
    expect(h.ledger.finished[0]!.outcome).toEqual({ status: 'incomplete', counts, durationMs: 900 });
    expect(report).toMatchObject({ status: 'incomplete', counts, durationMs: 900 });
    expect(report).not.toHaveProperty('error');
    expect(stop).toEqual({
      status: 'incomplete',
      error: '1.0.0 stopped at a checkpoint before the time budget ran out.',
      next: 'Run apply --resume to continue 1.0.0 from its checkpoints.',
      exitCode: 1,
    });
  });

  test("the pass's deadline error with the incomplete flag is still incomplete, not a failure", async () => {
    const h = harness({ '1.0.0': { incomplete: true, error: new PassIncompleteError('backfill', counts), counts } });
    const { report, stop } = await h.run(aStep('1.0.0'));
    expect(report.status).toBe('incomplete');
    expect(stop!.status).toBe('incomplete');
    expect(h.events.at(-1)).toBe('finish 1.0.0 incomplete');
  });

  test('another error with the incomplete flag is a failure', async () => {
    const h = harness({ '1.0.0': { incomplete: true, error: new Error('AccessDenied') } });
    const { report, stop } = await h.run(aStep('1.0.0'));
    expect(report).toMatchObject({ status: 'failed', error: 'AccessDenied' });
    expect(stop).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(h.events.at(-1)).toBe('finish 1.0.0 failed');
  });
});

describe('runStep: the lock lost during the step', () => {
  test('writes nothing after begin (not even the failure) and stops with the lock-lost exit code', async () => {
    const h = harness({ '1.0.0': { throws: new LockLostError('The lease was taken over by run r2.') } });
    const { report, stop } = await h.run(aStep('1.0.0'));

    expect(h.events).toEqual(['begin 1.0.0', 'body 1.0.0']);
    expect(h.ledger.finished).toEqual([]);
    expect(report).toMatchObject({ status: 'failed', error: 'The lease was taken over by run r2.' });
    expect(stop).toMatchObject({ status: 'failed', error: 'The lease was taken over by run r2.', exitCode: 3 });
    expect(stop!.next).toContain('Another run took over the lock');
    expect(stop!.next).toContain('dynamodb-migrate log');
  });

  test('a body that says the lease was lost is the same, whatever error it carries', async () => {
    const h = harness({ '1.0.0': { incomplete: false, lockLost: true, error: new Error('ConditionalCheckFailed') } });
    const { stop } = await h.run(aStep('1.0.0'));
    expect(h.ledger.finished).toEqual([]);
    expect(stop).toMatchObject({ status: 'failed', error: 'ConditionalCheckFailed', exitCode: 3 });
  });

  test('a lost lock wins over failed verify checks', async () => {
    const checks = [{ hook: 'verify' as const, scope: 'all' as const, passed: false, findings: [{ message: 'x' }] }];
    const h = harness({ '1.0.0': { incomplete: false, lockLost: true, error: new Error('lost'), checks } });
    const { stop } = await h.run(aStep('1.0.0'));
    expect(h.ledger.finished).toEqual([]);
    expect(stop!.exitCode).toBe(3);
  });
});

describe('runStep: verify found problems', () => {
  const findings: Finding[] = [{ message: 'orders without a total', count: 1234 }, { message: 'negative totals' }];

  test('on every item: recorded failed with the findings, stopped with exit 1 and the way out', async () => {
    const checks = [{ hook: 'verify' as const, scope: 'all' as const, passed: false, findings }];
    const h = harness({ '1.0.0': { incomplete: false, checks, counts } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['verify'] }));

    const message = 'verify found 2 problems on every item: orders without a total (1,234); negative totals';
    expect(h.events).toEqual(['begin 1.0.0', 'body 1.0.0', 'finish 1.0.0 failed']);
    expect(h.ledger.finished[0]!.outcome).toMatchObject({ status: 'failed', message, counts });
    expect(report).toMatchObject({ status: 'failed', error: message, checks });
    expect(report).not.toHaveProperty('canaryReverted');
    expect(stop).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(stop!.error).toBe(`up 1.0.0 (1.0.0-step.ts): ${message}.`);
    expect(stop!.next).toContain('Fix 1.0.0-step.ts (or the data it found), then apply --resume');
    expect(stop!.next).toContain('repair --version 1.0.0');
    expect(h.log.lines).toContain(`error: 1.0.0 up: ${message}`);
  });

  test('on the canary, undone with down: the message says the canary was undone and the rest untouched', async () => {
    const checks = [{ hook: 'verify' as const, scope: 'canary' as const, passed: false, findings: [findings[0]!] }];
    const h = harness({ '1.0.0': { incomplete: false, checks, canaryReverted: true } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['verify'], canaryPercent: 5 }));

    const message = 'verify found 1 problem on the 5% canary: orders without a total (1,234)';
    expect(h.ledger.finished[0]!.outcome).toMatchObject({ status: 'failed', message });
    expect(report).toMatchObject({ status: 'failed', error: message, canaryReverted: true });
    expect(stop!.error).toBe(
      `up 1.0.0 (1.0.0-step.ts): ${message}. The canary's changes were undone with 1.0.0's down; the rest of the table was not touched.`,
    );
    expect(stop!.exitCode).toBe(1);
  });

  test('on the canary, with no down: the message says the canary is still in the table', async () => {
    const checks = [{ hook: 'verify' as const, scope: 'canary' as const, passed: false, findings: [findings[1]!] }];
    const h = harness({ '1.0.0': { incomplete: false, checks, canaryReverted: false } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['verify'], canaryPercent: 10 }));

    expect(report).toMatchObject({ status: 'failed', canaryReverted: false });
    expect(stop!.error).toContain('verify found 1 problem on the 10% canary: negative totals.');
    expect(stop!.error).toContain(
      "1.0.0 has no down, so the canary's changes are still in the table; the rest of the table was not touched.",
    );
    expect(stop!.error).not.toContain('were undone');
  });

  test('the first failed check decides the scope: a passed canary then a failed full verify', async () => {
    const checks = [
      { hook: 'verify' as const, scope: 'canary' as const, passed: true, findings: [] },
      { hook: 'verify' as const, scope: 'all' as const, passed: false, findings: [findings[1]!] },
    ];
    const h = harness({ '1.0.0': { incomplete: false, checks } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['verify'], canaryPercent: 10 }));
    expect(report.checks).toEqual(checks);
    expect(stop!.error).toBe('up 1.0.0 (1.0.0-step.ts): verify found 1 problem on every item: negative totals.');
  });

  test('an error from the body wins over the failed checks', async () => {
    const checks = [{ hook: 'verify' as const, scope: 'all' as const, passed: false, findings }];
    const h = harness({ '1.0.0': { incomplete: false, error: new Error('verify() threw'), checks } });
    const { report, stop } = await h.run(aStep('1.0.0'));
    expect(report.error).toBe('verify() threw');
    expect(stop!.error).toBe('up 1.0.0 (1.0.0-step.ts) failed: verify() threw');
  });
});

describe('runStep: the before hook', () => {
  test('a finding blocks the step before anything is written: no begin, reported skipped, stopped with exit 1', async () => {
    const found: Finding[] = [{ message: 'orders without a customer', count: 3 }];
    const h = harness({}, { before: { '1.0.0': found } });
    const step = aStep('1.0.0', { checks: ['before', 'verify'] });
    const { report, stop } = await h.run(step);

    const message = 'before found 1 problem on the table: orders without a customer (3)';
    expect(h.events).toEqual(['before 1.0.0']);
    expect(h.ledger.finished).toEqual([]);
    expect(report).toEqual({
      version: '1.0.0',
      direction: 'up',
      kind: 'migrate',
      status: 'skipped',
      durationMs: 0,
      error: message,
      checks: [{ hook: 'before', scope: 'all', passed: false, findings: found }],
    });
    expect(stop).toEqual({
      status: 'blocked',
      blockedBy: 'precondition',
      error: `up 1.0.0 (1.0.0-step.ts) was not run: ${message}. Nothing was written.`,
      next: "Fix the data (or 1.0.0-step.ts's before), then run again.",
      exitCode: 1,
    });
  });

  test('a before that throws blocks the step the same way; its message is the finding', async () => {
    const h = harness({}, { before: { '1.0.0': { throws: new TypeError('cannot read x of undefined') } } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['before'] }));

    expect(h.events).toEqual(['before 1.0.0']);
    expect(report).toMatchObject({
      status: 'skipped',
      error: 'cannot read x of undefined',
      checks: [{ hook: 'before', scope: 'all', passed: false, findings: [{ message: 'cannot read x of undefined' }] }],
    });
    expect(stop).toMatchObject({ status: 'blocked', exitCode: 1 });
    expect(stop!.error).toContain('was not run: cannot read x of undefined. Nothing was written.');
    // Not one of ours: the hook itself is what to fix.
    expect(stop!.next).toBe("Fix 1.0.0-step.ts's before(), then run again.");
  });

  test('a before that throws one of our typed errors points at the data', async () => {
    const h = harness({}, { before: { '1.0.0': { throws: new MigrateError('1.0.0-step.ts: before() threw: x') } } });
    const { stop } = await h.run(aStep('1.0.0', { checks: ['before'] }));
    expect(stop!.next).toBe("Fix the data (or 1.0.0-step.ts's before), then run again.");
  });

  test('a before that finds nothing lets the step run', async () => {
    const h = harness({}, { before: { '1.0.0': [] } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['before'] }));
    expect(h.events).toEqual(['before 1.0.0', 'begin 1.0.0', 'body 1.0.0', 'finish 1.0.0 success']);
    expect(report.status).toBe('applied');
    expect(stop).toBeUndefined();
    expect(h.log.lines).toContain('info: 1.0.0: before passed');
  });

  test('a step whose checks do not include before never calls it', async () => {
    const h = harness({}, { before: { '1.0.0': [{ message: 'would block' }] } });
    const { report } = await h.run(aStep('1.0.0', { checks: ['verify'] }));
    expect(h.events).not.toContain('before 1.0.0');
    expect(report.status).toBe('applied');
  });

  test('the time the before hook took counts in the duration', async () => {
    const events: string[] = [];
    const clock = new FakeClock();
    const ledger = new RecordingLedger(events);
    const body = scriptedBody({ '1.0.0': { incomplete: false, takesMs: 300 } }, events, clock);
    const before = async () => {
      clock.advance(200);
      return [];
    };
    const { report } = await runStep(aStep('1.0.0', { checks: ['before'] }), {
      ledger,
      body,
      before,
      log: new RecordingLogger(),
      now: clock.now,
    });
    expect(report.durationMs).toBe(500);
    expect(ledger.finished[0]!.outcome.durationMs).toBe(500);
  });
});

describe('runStep: a dry run', () => {
  test('never records an outcome, reports dry-run and never stops the run', async () => {
    const h = harness({ '1.0.0': { incomplete: false, counts, takesMs: 40 } }, { dryRun: true });
    const { report, stop } = await h.run(aStep('1.0.0'));
    expect(h.events).toEqual(['begin 1.0.0', 'body 1.0.0']);
    expect(report).toEqual({
      version: '1.0.0',
      direction: 'up',
      kind: 'migrate',
      status: 'dry-run',
      durationMs: 40,
      counts,
    });
    expect(stop).toBeUndefined();
  });

  test.each<[string, BodyScript, string | undefined]>([
    ['throws', { throws: new Error('boom') }, 'boom'],
    ['stops at a checkpoint', { incomplete: true }, undefined],
    ['loses the lock', { throws: new LockLostError('lost') }, 'lost'],
    [
      'fails verify',
      { incomplete: false, checks: [{ hook: 'verify', scope: 'all', passed: false, findings: [{ message: 'bad' }] }] },
      undefined,
    ],
  ])('a body that %s is reported dry-run (with its error) and the run goes on', async (_what, script, error) => {
    const h = harness({ '1.0.0': script }, { dryRun: true });
    const { report, stop } = await h.run(aStep('1.0.0'));
    expect(report.status).toBe('dry-run');
    expect(report.error).toBe(error);
    expect(stop).toBeUndefined();
    expect(h.ledger.finished).toEqual([]);
  });

  test('a before finding is reported dry-run with the finding, without running the body, and the run goes on', async () => {
    const h = harness({}, { dryRun: true, before: { '1.0.0': [{ message: 'orders without a customer' }] } });
    const { report, stop } = await h.run(aStep('1.0.0', { checks: ['before'] }));
    expect(h.events).toEqual(['before 1.0.0']);
    expect(report).toMatchObject({
      status: 'dry-run',
      error: 'before found 1 problem on the table: orders without a customer',
    });
    expect(stop).toBeUndefined();
  });
});

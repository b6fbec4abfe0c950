import { afterEach, describe, expect, test, vi } from 'vitest';
import { LockHeldError, LockLostError } from '../../../src/core/errors';
import type { Plan } from '../../../src/core/types';
import type { ApplyOptions } from '../../../src/runner/session';
import { dryRunPlan, runPlan } from '../../../src/runner/step/run-plan';
import {
  aPlan,
  aStep,
  FakeBackend,
  type FakeBackendOptions,
  FakeClock,
  RecordingLedger,
  RecordingLogger,
  runSettings,
  scriptedBefore,
  scriptedBody,
} from './fakes';

/**
 * A run, through runPlan's seams only: a backend with its lock, plans and audit log in memory,
 * scripted step bodies and a clock that moves when told. No DynamoDB.
 */

const steps = [aStep('1.0.0'), aStep('1.1.0'), aStep('1.2.0')];

function harness(plan: Plan, o: Partial<FakeBackendOptions> & { lockTimeoutMs?: number } = {}) {
  const { lockTimeoutMs, ...backendOptions } = o;
  const clock = new FakeClock();
  const backend: FakeBackend = new FakeBackend({ replan: plan, clock, ...backendOptions });
  const log = new RecordingLogger();
  const context = { settings: runSettings({ lockTimeoutMs: lockTimeoutMs ?? 0 }), log, now: clock.now };
  const run = (options: ApplyOptions = {}, reviewed: Plan = plan) => runPlan(reviewed, options, backend, context);
  return { backend, clock, log, context, run };
}

/** The step bodies that ran, in order. */
const bodies = (events: string[]) => events.filter((e) => e.startsWith('body '));

describe('runPlan: a plan that runs', () => {
  test('locks, plans again, audits the start, renews before each step, runs them in order, releases, audits the end', async () => {
    const plan = aPlan(steps);
    const h = harness(plan, { version: '1.2.0' });
    const report = await h.run();

    expect(h.backend.events).toEqual([
      'acquire apply',
      'hold lock-1',
      'plan apply',
      'audit apply-start started',
      'steps',
      'renew',
      'begin 1.0.0',
      'body 1.0.0',
      'finish 1.0.0 success',
      'renew',
      'begin 1.1.0',
      'body 1.1.0',
      'finish 1.1.0 success',
      'renew',
      'begin 1.2.0',
      'body 1.2.0',
      'finish 1.2.0 success',
      'stop lease',
      'release lock-1',
      'audit apply-end applied',
      'current version',
    ]);
    expect(report).toMatchObject({ status: 'applied', lockId: 'lock-1', finalVersion: '1.2.0', plan });
    expect(report.steps.map((s) => `${s.version} ${s.status}`)).toEqual([
      '1.0.0 applied',
      '1.1.0 applied',
      '1.2.0 applied',
    ]);
    expect(report.exitCode).toBeUndefined();
    expect(report.error).toBeUndefined();
    expect(h.backend.lease.renewals).toBe(3);
    expect(h.backend.lease.stopped).toBe(true);
    expect(h.backend.holder).toBeUndefined();
  });

  test('the steps are given the run: its lock id, run id, the plan run and the lease', async () => {
    const plan = aPlan(steps);
    const h = harness(plan);
    await h.run({ reason: 'merge of #12' });
    const [call] = h.backend.stepsCalls;
    expect(call).toMatchObject({ lockId: 'lock-1', plan });
    expect(call!.lease).toBe(h.backend.lease);
    // One run id for the run: the same in its start and end entries.
    const [start, end] = h.backend.audits;
    expect(call!.runId).toBeTruthy();
    expect(start!.event.runId).toBe(call!.runId);
    expect(end!.event.runId).toBe(call!.runId);
  });

  test('the audit log has a start entry (plan, reason, recovery point) and an end entry (outcome, versions applied)', async () => {
    const plan = aPlan(steps);
    const h = harness(plan);
    await h.run({ reason: 'merge of #12', recoveryPoint: 'point-in-time recovery on' });

    expect(h.backend.audits).toEqual([
      {
        lockId: 'lock-1',
        event: {
          runId: expect.any(String),
          event: 'apply-start',
          outcome: 'started',
          plan,
          reason: 'merge of #12',
          recoveryPoint: 'point-in-time recovery on',
        },
      },
      {
        lockId: 'lock-1',
        event: {
          runId: expect.any(String),
          event: 'apply-end',
          outcome: 'applied',
          plan,
          message: undefined,
          versions: ['up 1.0.0', 'up 1.1.0', 'up 1.2.0'],
        },
      },
    ]);
  });

  test('onStart is called once, with the plan run, after the lock and re-plan and before the first step', async () => {
    const plan = aPlan(steps);
    const h = harness(plan);
    const onStart = vi.fn(async (p: Plan) => {
      h.backend.events.push(`onStart ${p.hash}`);
      return { recoveryPoint: 'backup orders-dev-1' };
    });
    const report = await h.run({ onStart, recoveryPoint: 'not this one' });

    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart).toHaveBeenCalledWith(plan);
    const e = h.backend.events;
    expect(e.indexOf('onStart hash-1')).toBeGreaterThan(e.indexOf('plan apply'));
    expect(e.indexOf('onStart hash-1')).toBeLessThan(e.indexOf('begin 1.0.0'));
    expect(e.indexOf('onStart hash-1')).toBeGreaterThan(e.indexOf('acquire apply'));
    // The recovery point onStart took is the one audited and reported.
    expect(h.backend.audits[0]!.event.recoveryPoint).toBe('backup orders-dev-1');
    expect(report.recoveryPoint).toBe('backup orders-dev-1');
  });

  test("without onStart's recovery point the caller's is used", async () => {
    const h = harness(aPlan(steps));
    const report = await h.run({ onStart: async () => undefined, recoveryPoint: 'point-in-time recovery on' });
    expect(report.recoveryPoint).toBe('point-in-time recovery on');
    expect(h.backend.audits[0]!.event.recoveryPoint).toBe('point-in-time recovery on');
  });

  test('durations and the start time come from the clock', async () => {
    const h = harness(aPlan([aStep('1.0.0')]), { script: { '1.0.0': { incomplete: false, takesMs: 4000 } } });
    const startedAt = h.clock.now();
    const report = await h.run();
    expect(report.startedAt).toBe(startedAt);
    expect(report.durationMs).toBe(4000);
    expect(report.steps[0]!.durationMs).toBe(4000);
  });

  test('how each step runs is said in its banner', async () => {
    const h = harness(aPlan([aStep('1.0.0'), aStep('1.1.0')]));
    const steps = h.backend.steps.bind(h.backend);
    h.backend.steps = (run) => ({
      ...steps(run),
      how: (step) => (step.version === '1.1.0' ? 'fanned out over 8 segments' : undefined),
    });
    await h.run();
    expect(h.log.lines).toContain('info: ▲ 1.0.0 up: step 1.0.0');
    expect(h.log.lines).toContain('info: ▲ 1.1.0 up: step 1.1.0 (fanned out over 8 segments)');
  });

  test('finalVersion is what the backend reads back; left undefined when it cannot be read', async () => {
    const ok = harness(aPlan(steps), { version: '1.2.0' });
    expect((await ok.run()).finalVersion).toBe('1.2.0');
    const unreadable = harness(aPlan(steps), { version: new Error('ResourceNotFound') });
    const report = await unreadable.run();
    expect(report.status).toBe('applied');
    expect(report.finalVersion).toBeUndefined();
  });
});

describe('runPlan: blockers', () => {
  test('a plan with blockers is reported blocked without taking the lock or writing anything', async () => {
    const plan = aPlan(steps, {
      blockers: [
        { kind: 'drift', message: '1.0.0-step.ts changed since it was applied.', next: 'Revert the file, or repair.' },
        { kind: 'failed-state', message: '1.1.0 failed.', next: 'Resume or repair 1.1.0.' },
      ],
    });
    const h = harness(plan);
    const report = await h.run();

    expect(h.backend.events).toEqual([]);
    expect(report).toMatchObject({ status: 'blocked', plan, steps: [], exitCode: 4 });
    expect(report.error).toBe('1.0.0-step.ts changed since it was applied.\n1.1.0 failed.');
    expect(report.next).toBe('Revert the file, or repair.\nResume or repair 1.1.0.');
    expect(report.lockId).toBeUndefined();
    expect(report.blockedBy).toBeUndefined();
  });

  test("the first blocker's kind decides the exit code: out of order is exit 2, a failed state exit 1", async () => {
    const outOfOrder = aPlan(steps, { blockers: [{ kind: 'out-of-order', message: 'm', next: 'n' }] });
    expect((await harness(outOfOrder).run()).exitCode).toBe(2);
    const failed = aPlan(steps, { blockers: [{ kind: 'failed-state', message: 'm', next: 'n' }] });
    expect((await harness(failed).run()).exitCode).toBe(1);
  });

  test('blockers found when planning again under the lock: blocked, lock released, no audit entries', async () => {
    const plan = aPlan(steps);
    const now = aPlan(steps, {
      blockers: [{ kind: 'missing-file', message: '1.1.0 is missing.', next: 'Restore it.' }],
    });
    const h = harness(plan, { replan: now });
    const report = await h.run();

    expect(report).toMatchObject({ status: 'blocked', lockId: 'lock-1', plan: now, exitCode: 2 });
    expect(report.error).toBe('1.1.0 is missing.');
    expect(bodies(h.backend.events)).toEqual([]);
    expect(h.backend.audits).toEqual([]);
    expect(h.backend.released).toEqual(['lock-1']);
  });
});

describe('runPlan: the lock held by another run', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs with vitest's clock (the wait sleeps on timers): the run's `now` is the faked Date. */
  async function waitFor(h: ReturnType<typeof harness>) {
    vi.useFakeTimers({ now: 0 });
    const settled = h.run().then(
      (report) => ({ report, error: undefined }),
      (error: unknown) => ({ report: undefined, error }),
    );
    await vi.runAllTimersAsync();
    return settled;
  }

  test('waits up to the lock timeout, then throws LockHeldError; nothing planned, run or released', async () => {
    const h = harness(aPlan(steps), { heldBy: 'other-run', lockTimeoutMs: 5000 });
    h.context.now = () => Date.now();
    const { report, error } = await waitFor(h);

    expect(report).toBeUndefined();
    expect(error).toBeInstanceOf(LockHeldError);
    expect((error as LockHeldError).message).toContain('other-run');
    expect((error as LockHeldError).exitCode).toBe(3);
    expect(h.backend.acquireAttempts).toBeGreaterThan(1);
    // It gave up only once the timeout had passed.
    expect(Date.now()).toBeGreaterThanOrEqual(5000);
    expect(h.backend.events.filter((e) => !e.startsWith('acquire'))).toEqual([]);
    expect(h.backend.holder).toBe('other-run');
    expect(h.log.lines).toContain('info: Waiting up to 5 s for the lock: The lock is held by run other-run.');
  });

  test('a lock freed while waiting is taken, and the run goes on', async () => {
    const h = harness(aPlan(steps), { heldBy: 'other-run', releasedAfterAttempts: 3, lockTimeoutMs: 60_000 });
    h.context.now = () => Date.now();
    const { report, error } = await waitFor(h);

    expect(error).toBeUndefined();
    expect(report).toMatchObject({ status: 'applied', lockId: 'lock-1' });
    expect(h.backend.acquireAttempts).toBe(4);
    expect(Date.now()).toBeLessThan(60_000);
  });

  test('with no lock timeout it does not wait: one attempt, LockHeldError', async () => {
    const h = harness(aPlan(steps), { heldBy: 'other-run', lockTimeoutMs: 0 });
    await expect(h.run()).rejects.toBeInstanceOf(LockHeldError);
    expect(h.backend.acquireAttempts).toBe(1);
    expect(h.backend.events).toEqual(['acquire apply']);
  });

  test('an error other than a held lock is not waited on', async () => {
    const h = harness(aPlan(steps), { lockTimeoutMs: 60_000 });
    h.backend.acquireLock = async () => {
      h.backend.acquireAttempts++;
      throw new Error('AccessDeniedException');
    };
    await expect(h.run()).rejects.toThrow('AccessDeniedException');
    expect(h.backend.acquireAttempts).toBe(1);
  });
});

describe('runPlan: planning again under the lock', () => {
  const reviewed = aPlan(steps, { hash: 'hash-reviewed' });
  const changed = aPlan([aStep('1.1.0'), aStep('1.2.0')], { currentVersion: '1.0.0', hash: 'hash-now' });

  test('the same hash runs the plan', async () => {
    const h = harness(reviewed, { replan: aPlan(steps, { hash: 'hash-reviewed' }) });
    const report = await h.run({ expectedHash: 'hash-reviewed' });
    expect(report.status).toBe('applied');
    expect(bodies(h.backend.events)).toEqual(['body 1.0.0', 'body 1.1.0', 'body 1.2.0']);
  });

  test('a changed hash with the reviewed hash given is refused by default: blocked, PlanChanged exit 4, nothing run', async () => {
    const h = harness(reviewed, { replan: changed });
    const report = await h.run({ expectedHash: 'hash-reviewed' });

    expect(report).toMatchObject({ status: 'blocked', exitCode: 4, lockId: 'lock-1', plan: changed, steps: [] });
    expect(report.error).toContain('The plan changed since it was reviewed (reviewed hash-reviewed, now hash-now)');
    expect(report.error).toContain('reviewed 0.0.0 -> 1.2.0 [up 1.0.0, up 1.1.0, up 1.2.0]');
    expect(report.error).toContain('now 1.0.0 -> 1.2.0 [up 1.1.0, up 1.2.0]');
    expect(report.next).toContain('Review the new plan');
    expect(report.next).toContain('on-plan-change: replan');
    expect(bodies(h.backend.events)).toEqual([]);
    expect(h.backend.audits).toEqual([]);
    expect(h.backend.released).toEqual(['lock-1']);
  });

  test('onPlanChange fail refuses it the same way', async () => {
    const h = harness(reviewed, { replan: changed });
    const report = await h.run({ expectedHash: 'hash-reviewed', onPlanChange: 'fail' });
    expect(report).toMatchObject({ status: 'blocked', exitCode: 4 });
  });

  test('the reviewed hash is the one given, not the hash of the plan passed in', async () => {
    const h = harness(reviewed, { replan: aPlan(steps, { hash: 'hash-reviewed' }) });
    const report = await h.run({ expectedHash: 'hash-someone-saw' });
    expect(report).toMatchObject({ status: 'blocked', exitCode: 4 });
    expect(report.error).toContain('reviewed hash-someone-saw, now hash-reviewed');
  });

  test('onPlanChange replan runs the new plan', async () => {
    const h = harness(reviewed, { replan: changed });
    const report = await h.run({ expectedHash: 'hash-reviewed', onPlanChange: 'replan' });

    expect(report).toMatchObject({ status: 'applied', plan: changed });
    expect(bodies(h.backend.events)).toEqual(['body 1.1.0', 'body 1.2.0']);
    expect(h.backend.audits[0]!.event.plan).toBe(changed);
    expect(h.log.lines).toContain(
      'info: The plan changed while waiting for the lock (hash-reviewed -> hash-now); running the current plan.',
    );
  });

  test('without a reviewed hash a changed plan is run as it stands now', async () => {
    const h = harness(reviewed, { replan: changed });
    const report = await h.run();
    expect(report).toMatchObject({ status: 'applied', plan: changed });
    expect(bodies(h.backend.events)).toEqual(['body 1.1.0', 'body 1.2.0']);
  });

  test.each(['up', 'down', 'repeat', 'reset'] as const)(
    'a relative command (%s) never re-plans: a changed plan is refused even with replan and no reviewed hash',
    async (command) => {
      const h = harness(aPlan(steps, { command, hash: 'hash-reviewed' }), {
        replan: aPlan(steps, { command, hash: 'hash-now' }),
      });
      const withReplan = await h.run({ onPlanChange: 'replan' });
      expect(withReplan).toMatchObject({ status: 'blocked', exitCode: 4 });
      const unreviewed = await h.run();
      expect(unreviewed).toMatchObject({ status: 'blocked', exitCode: 4 });
      expect(bodies(h.backend.events)).toEqual([]);
      expect(h.backend.planInputs.map((i) => i.command)).toEqual([command, command]);
    },
  );

  test('the re-plan asks for the same command: a target version for "to", resume for a resumed step', async () => {
    const to = harness(aPlan(steps, { command: 'to', targetVersion: '1.1.0' }));
    await to.run();
    expect(to.backend.planInputs).toEqual([{ command: 'to', version: '1.1.0', resume: false }]);

    const resume = harness(aPlan([aStep('1.0.0', { kind: 'resume' })], { command: 'resume' }));
    await resume.run();
    expect(resume.backend.planInputs).toEqual([{ command: 'resume', version: undefined, resume: true }]);

    const apply = harness(aPlan(steps, { targetVersion: '1.2.0' }));
    await apply.run();
    expect(apply.backend.planInputs).toEqual([{ command: 'apply', version: undefined, resume: false }]);
  });
});

describe('runPlan: nothing to do', () => {
  test('no steps under the lock is a no-op: released, no audit entries, onStart not called', async () => {
    const plan = aPlan([], { currentVersion: '1.2.0', targetVersion: '1.2.0' });
    const h = harness(plan, { version: '1.2.0' });
    const onStart = vi.fn(async () => undefined);
    const report = await h.run({ onStart });

    expect(report).toMatchObject({ status: 'no-op', lockId: 'lock-1', steps: [], finalVersion: '1.2.0' });
    expect(report.exitCode).toBeUndefined();
    expect(onStart).not.toHaveBeenCalled();
    expect(h.backend.audits).toEqual([]);
    expect(h.backend.released).toEqual(['lock-1']);
    expect(h.backend.events).not.toContain('steps');
  });
});

describe('runPlan: a step that stops the run', () => {
  test('a failed step stops the run: later steps never run, the report says failed with exit 1 and what to do', async () => {
    const h = harness(aPlan(steps), { script: { '1.1.0': { throws: new Error('boom') } }, version: '1.1.0' });
    const report = await h.run();

    expect(h.backend.body.tickets).toEqual(['ticket-1.0.0-1', 'ticket-1.1.0-2']);
    expect(h.backend.events.filter((e) => e.startsWith('begin'))).toEqual(['begin 1.0.0', 'begin 1.1.0']);
    expect(report.steps.map((s) => `${s.version} ${s.status}`)).toEqual(['1.0.0 applied', '1.1.0 failed']);
    expect(report).toMatchObject({ status: 'failed', exitCode: 1, lockId: 'lock-1', finalVersion: '1.1.0' });
    expect(report.error).toBe('up 1.1.0 (1.1.0-step.ts) failed: boom');
    expect(report.next).toContain('repair --version 1.1.0');
    expect(h.backend.released).toEqual(['lock-1']);
    // The end entry says what failed and lists only what was applied.
    expect(h.backend.audits[1]!.event).toMatchObject({
      event: 'apply-end',
      outcome: 'failed',
      message: 'up 1.1.0 (1.1.0-step.ts) failed: boom',
      versions: ['up 1.0.0'],
    });
  });

  test('a step stopped at a checkpoint ends the run incomplete (exit 1), audited as incomplete', async () => {
    const h = harness(aPlan(steps), { script: { '1.0.0': { incomplete: true } } });
    const report = await h.run();
    expect(report).toMatchObject({ status: 'incomplete', exitCode: 1 });
    expect(report.next).toBe('Run apply --resume to continue 1.0.0 from its checkpoints.');
    expect(bodies(h.backend.events)).toEqual(['body 1.0.0']);
    expect(h.backend.audits.map((a) => `${a.event.event} ${a.event.outcome}`)).toEqual([
      'apply-start started',
      'apply-end incomplete',
    ]);
  });

  test('a lost lock inside a step ends the run with exit 3', async () => {
    const h = harness(aPlan(steps), { script: { '1.0.0': { throws: new LockLostError('taken over') } } });
    const report = await h.run();
    expect(report).toMatchObject({ status: 'failed', exitCode: 3, error: 'taken over' });
    expect(h.backend.ledger.finished).toEqual([]);
    expect(bodies(h.backend.events)).toEqual(['body 1.0.0']);
  });

  test("a step's before finding stops the run with exit 1 before the step writes anything, named apart from a plan's blockers", async () => {
    const plan = aPlan([aStep('1.0.0'), aStep('1.1.0', { checks: ['before'] }), aStep('1.2.0')]);
    const h = harness(plan, { before: { '1.1.0': [{ message: 'orders without a customer' }] } });
    const report = await h.run();
    expect(report).toMatchObject({ status: 'blocked', blockedBy: 'precondition', exitCode: 1, lockId: 'lock-1' });
    expect(report.error).toContain('up 1.1.0 (1.1.0-step.ts) was not run');
    expect(report.next).toBe("Fix the data (or 1.1.0-step.ts's before), then run again.");
    expect(report.steps.map((s) => `${s.version} ${s.status}`)).toEqual(['1.0.0 applied', '1.1.0 skipped']);
    expect(h.backend.events.filter((e) => e.startsWith('begin'))).toEqual(['begin 1.0.0']);
    expect(h.backend.released).toEqual(['lock-1']);
  });

  test("a run refused by a step's before still ends in the audit log, with what it applied before", async () => {
    const plan = aPlan([aStep('1.0.0'), aStep('1.1.0', { checks: ['before'] })]);
    const h = harness(plan, { before: { '1.1.0': [{ message: 'orders without a customer' }] } });
    await h.run();
    expect(h.backend.audits.map((a) => `${a.event.event} ${a.event.outcome}`)).toEqual([
      'apply-start started',
      'apply-end precondition-failed',
    ]);
    expect(h.backend.audits[1]!.event.versions).toEqual(['up 1.0.0']);
    expect(h.backend.audits[1]!.event.message).toContain('up 1.1.0 (1.1.0-step.ts) was not run');
  });
});

describe('runPlan: the lease', () => {
  test('a lease lost during a step stops the run before the next step; the lock is still released', async () => {
    const lost = new LockLostError('The lease ran out while the run was paused.');
    const h = harness(aPlan(steps), {
      script: {
        '1.0.0': () => {
          h.backend.lease.lose(lost);
          return { incomplete: false };
        },
      },
    });
    await expect(h.run()).rejects.toBe(lost);

    expect(bodies(h.backend.events)).toEqual(['body 1.0.0']);
    expect(h.backend.lease.renewals).toBe(1);
    expect(h.backend.lease.stopped).toBe(true);
    expect(h.backend.released).toEqual(['lock-1']);
    // The run ended by a throw: no end entry (the caller reports the error).
    expect(h.backend.audits.map((a) => a.event.event)).toEqual(['apply-start']);
  });

  test('a renewal refused before a step (fencing) stops the run before that step; the lock is still released', async () => {
    const h = harness(aPlan(steps), {
      script: {
        '1.0.0': () => {
          h.backend.lease.renewFails = new LockLostError('Another run holds the lock now.');
          return { incomplete: false };
        },
      },
    });
    await expect(h.run()).rejects.toThrow('Another run holds the lock now.');
    expect(h.backend.events.filter((e) => e.startsWith('begin'))).toEqual(['begin 1.0.0']);
    expect(h.backend.lease.renewals).toBe(2);
    expect(h.backend.released).toEqual(['lock-1']);
  });
});

describe('runPlan: the lock is always released', () => {
  test('when the ledger throws inside a step, the error goes to the caller and the lock is released', async () => {
    const h = harness(aPlan(steps));
    h.backend.ledger.begin = async () => {
      throw new Error('ProvisionedThroughputExceeded');
    };
    await expect(h.run()).rejects.toThrow('ProvisionedThroughputExceeded');
    expect(h.backend.lease.stopped).toBe(true);
    expect(h.backend.released).toEqual(['lock-1']);
    expect(h.backend.holder).toBeUndefined();
  });

  test('when planning again throws, the lock is released', async () => {
    const h = harness(aPlan(steps), {
      replan: () => {
        throw new Error('DescribeTable failed');
      },
    });
    await expect(h.run()).rejects.toThrow('DescribeTable failed');
    expect(h.backend.released).toEqual(['lock-1']);
  });

  test('a release that fails is a warning: the report still stands', async () => {
    const h = harness(aPlan(steps), { releaseFails: new Error('network down') });
    const report = await h.run();
    expect(report.status).toBe('applied');
    expect(h.log.lines).toContain('warn: Could not release lock lock-1: network down');
  });
});

describe('dryRunPlan', () => {
  test('every step runs through the no-op ledger: begun, never finished; the run is dry-run even when a step fails', async () => {
    const events: string[] = [];
    const ledger = new RecordingLedger(events);
    const body = scriptedBody({ '1.1.0': { throws: new Error('boom') } }, events);
    const before = scriptedBefore({ '1.2.0': [{ message: 'orders without a customer' }] }, events);
    const plan = aPlan([aStep('1.0.0'), aStep('1.1.0'), aStep('1.2.0', { checks: ['before'] })]);
    const clock = new FakeClock();
    const report = await dryRunPlan(
      plan,
      { ledger, body, before },
      { settings: runSettings({ dryRun: true }), log: new RecordingLogger(), now: clock.now },
    );

    expect(events).toEqual(['begin 1.0.0', 'body 1.0.0', 'begin 1.1.0', 'body 1.1.0', 'before 1.2.0']);
    expect(ledger.finished).toEqual([]);
    expect(report.status).toBe('dry-run');
    expect(report.plan).toBe(plan);
    expect(report.startedAt).toBe(clock.now());
    expect(report.steps.map((s) => `${s.version} ${s.status} ${s.error ?? ''}`.trim())).toEqual([
      '1.0.0 dry-run',
      '1.1.0 dry-run boom',
      '1.2.0 dry-run before found 1 problem on the table: orders without a customer',
    ]);
    expect(report.exitCode).toBeUndefined();
    expect(report.lockId).toBeUndefined();
  });

  test('a plan with blockers is reported blocked and no step runs', async () => {
    const events: string[] = [];
    const plan = aPlan(steps, { blockers: [{ kind: 'drift', message: 'changed', next: 'repair' }] });
    const report = await dryRunPlan(
      plan,
      { ledger: new RecordingLedger(events), body: scriptedBody({}, events) },
      { settings: runSettings({ dryRun: true }), log: new RecordingLogger(), now: new FakeClock().now },
    );
    expect(events).toEqual([]);
    expect(report).toMatchObject({ status: 'blocked', steps: [], exitCode: 4, error: 'changed', next: 'repair' });
  });
});

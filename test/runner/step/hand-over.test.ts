import { describe, expect, test } from 'vitest';
import type { Plan, PlanStep } from '../../../src/core/types';
import { type HandOver, runPlan } from '../../../src/runner/step/run-plan';
import type { HandedOverOutcome } from '../../../src/runner/step/run-step';
import { aPlan, aStep, FakeBackend, FakeClock, RecordingLogger, runSettings } from './fakes';

/**
 * A step handed over to something that outlives the run (a Step Functions execution): it gets
 * the lock, releases it itself, and the run takes the lock again for the steps after. Through
 * runPlan's seams only, no DynamoDB.
 */

const steps = [aStep('1.0.0'), aStep('1.1.0'), aStep('1.2.0')];

class HandingBackend extends FakeBackend {
  constructor(
    plans: Plan[],
    private readonly outcome: (step: PlanStep, lockId: string) => Promise<HandedOverOutcome>,
  ) {
    let n = 0;
    super({ replan: () => plans[Math.min(n++, plans.length - 1)]! });
  }

  override steps(run: Parameters<FakeBackend['steps']>[0]) {
    const s = super.steps(run);
    const handOver: HandOver = {
      takes: (step) => step.version === '1.1.0',
      how: () => 'by an execution',
      run: async (step, hand) => {
        this.events.push(`execution ${step.version} under ${hand.lockId}`);
        const o = await this.outcome(step, hand.lockId);
        // The execution releases the lock itself, whatever the outcome.
        if (this.holder === hand.lockId) this.holder = undefined;
        return o;
      },
    };
    return { ...s, handOver };
  }
}

function run(backend: FakeBackend, plan: Plan) {
  const clock = new FakeClock();
  return runPlan(plan, {}, backend, { settings: runSettings(), log: new RecordingLogger(), now: clock.now });
}

describe('runPlan: a step handed over', () => {
  test('the lock goes with the step; the run takes it again and goes on when the plan is the rest of its own', async () => {
    const plan = aPlan(steps);
    const b = new HandingBackend([plan, aPlan(steps.slice(2))], async () => ({
      status: 'applied',
      durationMs: 5,
      where: 'https://console/x',
    }));
    const report = await run(b, plan);
    expect(report.status).toBe('applied');
    expect(report.steps.map((s) => `${s.version} ${s.status}`)).toEqual([
      '1.0.0 applied',
      '1.1.0 applied',
      '1.2.0 applied',
    ]);
    expect(report.steps[1]!.execution).toBe('https://console/x');
    const e = b.events;
    // The handed-over step is neither begun nor finished by this run, and its lock is never released by it.
    expect(e.filter((x) => x.includes('1.1.0'))).toEqual(['execution 1.1.0 under lock-1']);
    expect(b.released).toEqual(['lock-2']);
    expect(e.indexOf('execution 1.1.0 under lock-1')).toBeLessThan(e.lastIndexOf('acquire apply'));
    expect(e.filter((x) => x.startsWith('acquire'))).toHaveLength(2);
    // Planned again after the hand-over, from the state the execution left, not as a resume.
    expect(b.planInputs.at(-1)).toMatchObject({ command: 'apply', resume: false });
    expect(b.stepsCalls.map((c) => c.lockId)).toEqual(['lock-1', 'lock-2']);
  });

  test('a plan after the hand-over that is not the rest stops the run (exit 4) and releases the lock taken again', async () => {
    const plan = aPlan(steps);
    const other = aPlan([aStep('1.3.0')]);
    const b = new HandingBackend([plan, other], async () => ({ status: 'applied', durationMs: 1 }));
    const report = await run(b, plan);
    expect(report.status).toBe('blocked');
    expect(report.exitCode).toBe(4);
    expect(report.error).toContain('The plan changed while 1.1.0 ran: expected [up 1.2.0], now [up 1.3.0]');
    expect(report.steps.map((s) => s.version)).toEqual(['1.0.0', '1.1.0']);
    expect(b.released).toEqual(['lock-2']);
  });

  test('a failed execution stops the run with the step failed; the run releases nothing (the execution did)', async () => {
    const plan = aPlan(steps);
    const b = new HandingBackend([plan], async () => ({
      status: 'failed',
      error: 'boom',
      durationMs: 1,
      where: 'https://console/x',
    }));
    const report = await run(b, plan);
    expect(report.status).toBe('failed');
    expect(report.exitCode).toBe(1);
    expect(report.error).toContain('boom');
    expect(report.error).toContain('https://console/x');
    expect(b.released).toEqual([]);
    expect(b.holder).toBeUndefined();
  });

  test("detached: the run ends running (exit 0) with the step running, the lock the execution's", async () => {
    const plan = aPlan(steps);
    const b = new HandingBackend([plan], async () => ({
      status: 'running',
      durationMs: 1,
      where: 'https://console/x',
    }));
    // The execution still holds the lock when the run returns.
    b.steps = ((orig) => (r: Parameters<FakeBackend['steps']>[0]) => {
      const s = orig(r);
      return {
        ...s,
        handOver: {
          ...s.handOver!,
          run: async (step, hand) => ({ status: 'running', durationMs: 1, where: `x ${step.version} ${hand.lockId}` }),
        },
      };
    })(b.steps.bind(b));
    const report = await run(b, plan);
    expect(report.status).toBe('running');
    expect(report.exitCode).toBe(0);
    expect(report.steps.map((s) => `${s.version} ${s.status}`)).toEqual(['1.0.0 applied', '1.1.0 running']);
    expect(report.next).toContain('runs on in its Step Functions execution');
    expect(b.released).toEqual([]);
    expect(b.holder).toBe('lock-1');
  });

  test('a hand-over that fails before the execution started leaves the lock with the run, which releases it', async () => {
    const plan = aPlan(steps);
    const b = new HandingBackend([plan], async () => {
      throw new Error('state machine gone');
    });
    await expect(run(b, plan)).rejects.toThrow('state machine gone');
    expect(b.released).toEqual(['lock-1']);
  });
});

import { randomUUID } from 'node:crypto';
import { LockHeldError, PlanChangedError, messageOf } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { blockerError, statusOfReport } from '../../core/outcome';
import type { RunSettings } from '../../core/run-settings';
import type { Finding, LockInfo, Plan, PlanStep, RunReport, StepReport } from '../../core/types';
import type { ApplyOptions, PlanInput } from '../session';
import type { AuditEvent } from './audit';
import type { StepLedger } from './ledger';
import { handedOverResult, runStep, type HandedOverOutcome, type StepBody } from './run-step';

/** A run's hold on the lock while it works, however the lock is kept (here, or through a controller). */
export interface RunLease {
  /** Aborted when the lease is lost. */
  readonly signal: AbortSignal;
  /** Renews now (fencing before a step); throws LockLostError when another run holds the lock. */
  renew(): Promise<void>;
  stop(): void;
}

/** Where a run keeps its lock, plans, records and audit log: the table itself, or a controller in front of it. */
export interface RunBackend<T> {
  /** Takes the lock; throws LockHeldError while another run holds it. */
  acquireLock(command: string): Promise<Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>>;
  hold(lock: Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>): RunLease;
  releaseLock(lockId: string): Promise<void>;
  plan(input: PlanInput): Promise<Plan>;
  audit(e: AuditEvent, lockId: string): Promise<void>;
  /** The bookkeeping and the work of each step of this run. */
  steps(run: { lockId: string; runId: string; plan: Plan; lease: RunLease }): {
    ledger: StepLedger<T>;
    body: StepBody<T>;
    /** Said after each step's banner (e.g. "fanned out over 8 segments"). */
    how?: ((step: PlanStep) => string | undefined) | undefined;
    before?: ((step: PlanStep) => Promise<Finding[]>) | undefined;
    /** Steps that run elsewhere, owning the lock while they do (a Step Functions execution). */
    handOver?: HandOver | undefined;
  };
  /** The table's version now (for the report's finalVersion). */
  currentVersion(): Promise<string>;
}

/**
 * A step run by something that outlives this run (a fanned-out step's Step Functions execution):
 * it is handed the lock, begins the step, records its outcome and releases the lock itself, so
 * the step ends recorded and unlocked even when this process is gone. The run takes the lock
 * again (and checks the plan again) for the steps after it.
 */
export interface HandOver {
  takes(step: PlanStep): boolean;
  /** Said after the step's banner. */
  how(step: PlanStep): string;
  /** Throws only before the step was handed over (the lock is still the run's); after that every end is an outcome. */
  run(
    step: PlanStep,
    hand: { lockId: string; runId: string; plan: Plan; startedAt: number },
  ): Promise<HandedOverOutcome>;
}

/** A dry run's steps: a ledger that writes nothing, and the work with a read-only client and a counting engine. */
export interface DryRunBackend<T> {
  ledger: StepLedger<T>;
  body: StepBody<T>;
  before?: ((step: PlanStep) => Promise<Finding[]>) | undefined;
}

/** What a run needs besides its backend: its settings, where it logs, and its clock. */
export interface StepRunContext {
  settings: RunSettings;
  log: Logger;
  now: () => number;
}

/**
 * Runs a plan: takes the lock (waiting up to the lock timeout), plans again under it (refusing
 * a changed plan when the reviewed hash is given), runs each step through runStep, releases
 * the lock and writes the audit log's end entry. Returns a report for every outcome but bad
 * input, which throws.
 */
export async function runPlan<T>(
  plan: Plan,
  options: ApplyOptions,
  backend: RunBackend<T>,
  run: StepRunContext,
): Promise<RunReport> {
  const startedAt = run.now();
  const runId = randomUUID();
  const finish = (r: Omit<RunReport, 'startedAt' | 'durationMs' | 'steps'> & { steps?: StepReport[] }): RunReport => ({
    steps: [],
    ...r,
    startedAt,
    durationMs: run.now() - startedAt,
  });
  if (plan.blockers.length) return finish(blockedReport(plan));

  let lock = await acquireWithWait(() => backend.acquireLock(plan.command), run);
  let lease = backend.hold(lock);
  // False while a handed-over step owns the lock (it releases it itself).
  let held = true;
  let report: RunReport | undefined;
  try {
    // The state may have moved between planning and locking: plan again under the lock.
    const current = await backend.plan(replanInput(plan));
    const reviewed = options.expectedHash ?? plan.hash;
    if (current.hash !== reviewed) {
      // Relative commands (one version up or down, repeat, reset) mean "from the state I saw":
      // running them from another state would do something else, so they never re-plan.
      const relative =
        plan.command === 'up' || plan.command === 'down' || plan.command === 'repeat' || plan.command === 'reset';
      if (relative || (options.expectedHash !== undefined && (options.onPlanChange ?? 'fail') === 'fail')) {
        const e = new PlanChangedError(
          `The plan changed since it was reviewed (reviewed ${reviewed}, now ${current.hash}): ${describeChange(plan, current)}`,
        );
        report = finish({
          plan: current,
          status: 'blocked',
          lockId: lock.lockId,
          error: e.message,
          next: 'Review the new plan below, then re-run (or use on-plan-change: replan to apply the current plan).',
          exitCode: e.exitCode,
        });
        return report;
      }
      run.log.info(
        `The plan changed while waiting for the lock (${plan.hash} -> ${current.hash}); running the current plan.`,
      );
    }
    if (current.blockers.length) return (report = finish({ ...blockedReport(current), lockId: lock.lockId }));
    if (!current.steps.length) return (report = finish({ plan: current, status: 'no-op', lockId: lock.lockId }));

    const started = await options.onStart?.(current);
    const recoveryPoint = started?.recoveryPoint ?? options.recoveryPoint;
    await backend.audit(
      { runId, event: 'apply-start', outcome: 'started', plan: current, reason: options.reason, recoveryPoint },
      lock.lockId,
    );
    let work = backend.steps({ lockId: lock.lockId, runId, plan: current, lease });
    const steps: StepReport[] = [];
    for (const [i, step] of current.steps.entries()) {
      if (!held) {
        // The step before ran elsewhere and released the lock: take it again, and go on only if
        // the plan from the state it left is the rest of this one.
        lock = await acquireWithWait(() => backend.acquireLock(plan.command), run);
        lease = backend.hold(lock);
        held = true;
        const rest = await backend.plan({ ...replanInput(current), resume: false });
        const expected = current.steps.slice(i);
        if (!sameSteps(rest.steps, expected)) {
          const e = new PlanChangedError(
            `The plan changed while ${steps.at(-1)?.version} ran: expected ${fmtSteps(expected)}, now ${fmtSteps(rest.steps)}.`,
          );
          return (report = finish({
            plan: current,
            steps,
            status: 'blocked',
            lockId: lock.lockId,
            error: e.message,
            next: 'Review the plan (dynamodb-migrate plan), then run apply again.',
            exitCode: e.exitCode,
          }));
        }
        work = backend.steps({ lockId: lock.lockId, runId, plan: current, lease });
      }
      if (lease.signal.aborted) throw lease.signal.reason;
      // Fencing: prove the lock is still ours before starting a step (or handing it over).
      await lease.renew();
      if (work.handOver?.takes(step)) {
        const t0 = run.now();
        run.log.info(
          `${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${step.kind === 'migrate' ? step.direction : step.kind}: ${step.description} (${work.handOver.how(step)})`,
        );
        // From here the lock is the execution's: it renews it, and releases it when the step ends.
        lease.stop();
        held = false;
        let outcome: HandedOverOutcome;
        try {
          outcome = await work.handOver.run(step, { lockId: lock.lockId, runId, plan: current, startedAt: t0 });
        } catch (e) {
          // `run` throws only before the execution started: the lock is still this run's, to release.
          held = true;
          throw e;
        }
        const { report: stepReport, stop } = handedOverResult(step, outcome);
        steps.push(stepReport);
        if (stop) return (report = finish({ plan: current, steps, lockId: lock.lockId, recoveryPoint, ...stop }));
        continue;
      }
      const { report: stepReport, stop } = await runStep(step, {
        ledger: work.ledger,
        body: work.body,
        log: run.log,
        now: run.now,
        how: work.how?.(step),
        before: work.before,
      });
      steps.push(stepReport);
      if (stop) return (report = finish({ plan: current, steps, lockId: lock.lockId, recoveryPoint, ...stop }));
    }
    report = finish({ plan: current, steps, status: 'applied', lockId: lock.lockId, recoveryPoint });
    return report;
  } finally {
    if (held) {
      lease.stop();
      await backend
        .releaseLock(lock.lockId)
        .catch((e) => run.log.warn(`Could not release lock ${lock.lockId}: ${messageOf(e)}`));
    }
    // A run that started (its apply-start is written) ends in the log too, a step's `before` refusal included.
    const started = report?.status !== 'blocked' || report.blockedBy === 'precondition';
    if (report && started && report.status !== 'no-op') {
      await backend
        .audit(
          {
            runId,
            event: 'apply-end',
            outcome: statusOfReport(report),
            plan: report.plan,
            message: report.error,
            versions: report.steps.filter((s) => s.status === 'applied').map((s) => `${s.direction} ${s.version}`),
          },
          lock.lockId,
        )
        .catch((e) => run.log.warn(`Could not write the audit log: ${messageOf(e)}`));
    }
    if (report) report.finalVersion = await backend.currentVersion().catch(() => undefined);
  }
}

function sameSteps(a: readonly PlanStep[], b: readonly PlanStep[]): boolean {
  return a.length === b.length && a.every((s, i) => s.version === b[i]!.version && s.direction === b[i]!.direction);
}

const fmtSteps = (steps: readonly PlanStep[]) =>
  `[${steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;

/** A dry run: every step through runStep with a ledger that writes nothing; no lock. */
export async function dryRunPlan<T>(plan: Plan, backend: DryRunBackend<T>, run: StepRunContext): Promise<RunReport> {
  const startedAt = run.now();
  if (plan.blockers.length) return { ...blockedReport(plan), steps: [], startedAt, durationMs: run.now() - startedAt };
  const steps: StepReport[] = [];
  for (const step of plan.steps) {
    steps.push(
      (
        await runStep(step, {
          ledger: backend.ledger,
          body: backend.body,
          before: backend.before,
          log: run.log,
          now: run.now,
          dryRun: true,
        })
      ).report,
    );
  }
  return { plan, steps, status: 'dry-run', startedAt, durationMs: run.now() - startedAt };
}

/** Takes a lock, waiting up to the run's lock timeout while another run holds it. */
export async function acquireWithWait<L>(acquire: () => Promise<L>, run: StepRunContext): Promise<L> {
  const timeout = run.settings.lockTimeoutMs;
  const until = run.now() + timeout;
  for (let attempt = 0; ; attempt++) {
    try {
      return await acquire();
    } catch (e) {
      if (!(e instanceof LockHeldError) || run.now() >= until) throw e;
      if (attempt === 0) run.log.info(`Waiting up to ${Math.round(timeout / 1000)} s for the lock: ${e.message}`);
      await sleep(Math.min(1000, 100 + attempt * 100, Math.max(0, until - run.now())));
    }
  }
}

/** The input that plans a command again from the state under the lock. */
export function replanInput(plan: Plan): PlanInput {
  return {
    command: plan.command,
    version: plan.command === 'to' ? plan.targetVersion : undefined,
    resume: plan.steps[0]?.kind === 'resume',
  };
}

function blockedReport(plan: Plan): Omit<RunReport, 'startedAt' | 'durationMs' | 'steps'> {
  const e = blockerError(plan);
  return {
    plan,
    status: 'blocked',
    error: e?.message,
    next: plan.blockers.map((b) => b.next).join('\n'),
    exitCode: e?.exitCode,
  };
}

function describeChange(before: Plan, after: Plan): string {
  const fmt = (p: Plan) =>
    `${p.currentVersion} -> ${p.targetVersion} [${p.steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;
  return `reviewed ${fmt(before)}, now ${fmt(after)}.`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

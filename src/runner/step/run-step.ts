import { LockLostError, MigrateError, MigrationFailedError, messageOf, type ExitCode } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { exitCodeOfStop } from '../../core/outcome';
import type { Finding, ItemCounts, PlanStep, RunReport, RunStatus, StepCheck, StepReport } from '../../core/types';
import { isPassFailed, isPassIncomplete } from '../../dynamodb/bulk';
import { summarizeFindings } from './checks';
import type { StepLedger } from './ledger';

/**
 * What happens when a step runs. This is the one definition; the local run, the dry run, the
 * controller (which runs the local run) and the fan-out coordinator all come through here:
 *
 * 0. the migration's `before` hook (preconditions), read-only: a finding, or a hook that
 *    throws, refuses the step before anything is written (precondition-failed, exit 1: core/outcome.ts);
 * 1. `ledger.begin`: a new attempt (checkpoints of earlier attempts deleted, unless this is a
 *    resume) and a "running" record, written under the lock;
 * 2. `body`: the step's work: the migration's up or down in this process (with a canary: on
 *    the canary's sample, `verify` on it, then the rest), or its bulk passes fanned out over
 *    controller invocations; then the migration's `verify` hook;
 * 3. the outcome, decided here, once:
 *    - stopped at a checkpoint before the deadline: recorded incomplete; `apply --resume` continues;
 *    - the lock was lost: nothing more is written (another run owns the table now); exit 3;
 *    - threw, or `verify` found problems: recorded failed with the error or the findings
 *      (a failed canary undone with the step's down first), audited; exit 1, and what to do next;
 *    - finished: recorded success (schema item, checkpoints deleted), audited.
 * 4. A dry run writes nothing (its ledger is a no-op) and goes on to the next step whatever happens.
 */
export interface BodyResult {
  /** What the step's work threw, if anything. */
  error?: unknown;
  counts?: ItemCounts | undefined;
  /** A bulk pass stopped at its deadline: the step must be resumed. */
  incomplete: boolean;
  /**
   * With `error`: a bulk pass's items failed, so it stopped at its checkpoints (said by a body run
   * elsewhere, whose error arrives as a message; here a PassFailedError tells it).
   */
  checkpointed?: boolean | undefined;
  /** The run's lease was lost while it worked (taken over, or ran out). */
  lockLost?: boolean | undefined;
  /** What the step's `verify` found (on the canary's sample, then on every item). */
  checks?: StepCheck[] | undefined;
  /** A failed canary was undone with the step's down (true) or could not be (false). */
  canaryReverted?: boolean | undefined;
}

/** The step's work, given what `ledger.begin` returned. */
export type StepBody<T> = (step: PlanStep, ticket: T) => Promise<BodyResult>;

/** Why the run stops after this step. */
export interface RunStop {
  status: Extract<RunStatus, 'failed' | 'incomplete' | 'blocked' | 'running'>;
  /** `precondition`: the step's `before` hook refused it (status `blocked`, shown as precondition-failed). */
  blockedBy?: RunReport['blockedBy'];
  error: string;
  next: string;
  exitCode: ExitCode;
}

export interface StepResult {
  report: StepReport;
  /** Set when the run must stop here. */
  stop?: RunStop | undefined;
}

export interface RunStepOptions<T> {
  ledger: StepLedger<T>;
  body: StepBody<T>;
  log: Logger;
  now: () => number;
  /** Dry run: the step is reported, never recorded, and never stops the run. */
  dryRun?: boolean | undefined;
  /** Said after the step's banner (e.g. "fanned out over 8 segments"). */
  how?: string | undefined;
  /** Runs the migration's `before` hook read-only (for steps whose `checks` include it). */
  before?: ((step: PlanStep) => Promise<Finding[]>) | undefined;
}

export async function runStep<T>(step: PlanStep, options: RunStepOptions<T>): Promise<StepResult> {
  const t0 = options.now();
  const what = step.kind === 'migrate' ? step.direction : step.kind;
  options.log.info(
    `${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${what}: ${step.description}${options.how ? ` (${options.how})` : ''}`,
  );
  const blocked = await preconditions(step, options, t0);
  if (blocked) return blocked;
  const ticket = await options.ledger.begin(step);
  let result: BodyResult;
  try {
    result = await options.body(step, ticket);
  } catch (e) {
    result = { error: e, incomplete: false };
  }
  const durationMs = options.now() - t0;
  const { counts } = result;
  const checks = result.checks?.length ? result.checks : undefined;
  const report = (status: StepReport['status'], error?: string): StepReport => ({
    version: step.version,
    direction: step.direction,
    kind: step.kind,
    status,
    durationMs,
    counts,
    ...(error !== undefined ? { error } : {}),
    ...(checks ? { checks } : {}),
    ...(result.canaryReverted !== undefined ? { canaryReverted: result.canaryReverted } : {}),
  });

  if (options.dryRun)
    return { report: report('dry-run', result.error === undefined ? undefined : messageOf(result.error)) };

  if (result.incomplete && (result.error === undefined || isPassIncomplete(result.error))) {
    await options.ledger.finish(step, ticket, { status: 'incomplete', counts, durationMs });
    return {
      report: report('incomplete'),
      stop: incompleteStop(step, `${step.version} stopped at a checkpoint before the time budget ran out.`),
    };
  }

  if (result.error !== undefined && (result.lockLost || result.error instanceof LockLostError)) {
    // Another run owns the table now: write nothing more, not even the failure.
    const message = messageOf(result.error);
    return {
      report: report('failed', message),
      stop: {
        status: 'failed',
        error: message,
        next: 'Another run took over the lock; check the audit log (dynamodb-migrate log) and the table status before running again.',
        exitCode: new LockLostError(message).exitCode,
      },
    };
  }

  const failedCheck = checks?.find((c) => !c.passed);
  if (result.error === undefined && failedCheck) {
    const scope = failedCheck.scope === 'canary' ? `the ${step.canaryPercent}% canary` : 'every item';
    const message = summarizeFindings('verify', scope, failedCheck.findings);
    options.log.error(`${step.version} ${step.direction}: ${message}`);
    await options.ledger.finish(step, ticket, { status: 'failed', message, counts, durationMs });
    const undone =
      result.canaryReverted === true
        ? ` The canary's changes were undone with ${step.version}'s down; the rest of the table was not touched.`
        : result.canaryReverted === false
          ? ` ${step.version} has no down, so the canary's changes are still in the table; the rest of the table was not touched.`
          : '';
    const failure = new MigrationFailedError(
      `${step.direction} ${step.version} (${step.file}): ${message}.${undone}`,
      step.version,
      step.direction,
    );
    return {
      report: report('failed', message),
      stop: {
        status: 'failed',
        error: failure.message,
        next: `Fix ${step.file} (or the data it found), then apply --resume to run ${step.version} again, or repair --version ${step.version} --mark applied|reverted --reason "...".`,
        exitCode: failure.exitCode,
      },
    };
  }

  if (result.error !== undefined) {
    const message = messageOf(result.error) || 'failed';
    options.log.error(`${step.version} ${step.direction} failed: ${message}`);
    // Items of a bulk pass failed: it stopped at its checkpoints, so a resume continues from them.
    const checkpointed = result.checkpointed === true || isPassFailed(result.error);
    await options.ledger.finish(step, ticket, {
      status: 'failed',
      message,
      ...(checkpointed ? { checkpointed } : {}),
      counts,
      durationMs,
    });
    return { report: report('failed', message), stop: failedStop(step, message, checkpointed) };
  }

  await options.ledger.finish(step, ticket, { status: 'success', counts, durationMs });
  return { report: report('applied') };
}

/** Why the run stops after a step recorded incomplete: `apply --resume` continues it. */
function incompleteStop(step: PlanStep, error: string): RunStop {
  return {
    status: 'incomplete',
    error,
    next: `Run apply --resume to continue ${step.version} from its checkpoints.`,
    exitCode: exitCodeOfStop('incomplete'),
  };
}

/**
 * Why the run stops after a step that threw, recorded failed; `checkpointed`: it stopped at its
 * checkpoints, so a resume continues from them, idempotent or not (as the plan allows).
 */
function failedStop(step: PlanStep, message: string, checkpointed = false): RunStop {
  const failure = new MigrationFailedError(
    `${step.direction} ${step.version} (${step.file}) failed: ${message}`,
    step.version,
    step.direction,
  );
  return {
    status: 'failed',
    error: failure.message,
    next: checkpointed
      ? `Fix the cause, then apply --resume: ${step.version} continues from its checkpoints (finished pages are not redone${step.idempotent ? '' : '; the items written after the last checkpoint, the rest of the failed page, are taken again, which passes with once skip: check a pass without once before resuming'}), or repair --version ${step.version} --mark applied|reverted --reason "...".`
      : step.idempotent
        ? `Fix the cause, then apply --resume (${step.version} is idempotent), or repair --version ${step.version} --mark applied|reverted --reason "...".`
        : `Check the data ${step.version} touched, then repair --version ${step.version} --mark applied|reverted --reason "..." (it is not idempotent, so it is not re-run automatically).`,
    exitCode: failure.exitCode,
  };
}

/**
 * How a step that ran elsewhere ended (a Step Functions execution: it began the step, recorded
 * its outcome and released the lock itself), judged as runStep judges a step it ran: the same
 * report and the same reasons to stop.
 */
export interface HandedOverOutcome {
  /** `running`: nobody waits on it (--detach); the run ends here, the execution goes on. */
  status: 'applied' | 'failed' | 'incomplete' | 'running';
  error?: string | undefined;
  /** failed: recorded as stopped at its checkpoints (a bulk pass's items failed), so a resume continues from them. */
  checkpointed?: boolean | undefined;
  counts?: ItemCounts | undefined;
  durationMs: number;
  /** Where it ran (e.g. the execution's console link), said when the run stops. */
  where?: string | undefined;
}

export function handedOverResult(step: PlanStep, o: HandedOverOutcome): StepResult {
  const report: StepReport = {
    version: step.version,
    direction: step.direction,
    kind: step.kind,
    status: o.status,
    durationMs: o.durationMs,
    counts: o.counts,
    ...(o.error !== undefined && o.status === 'failed' ? { error: o.error } : {}),
    ...(o.where ? { execution: o.where } : {}),
  };
  const at = o.where ? ` (${o.where})` : '';
  if (o.status === 'applied') return { report };
  if (o.status === 'running')
    return {
      report,
      stop: {
        status: 'running',
        error: '',
        next: `${step.version} runs on in its Step Functions execution${at}, which records it and releases the lock. dynamodb-migrate status shows it; dynamodb-migrate stop stops it; apply again afterwards for the steps after it.`,
        exitCode: 0,
      },
    };
  if (o.status === 'incomplete')
    return { report, stop: incompleteStop(step, `${step.version} was stopped at its segments' checkpoints${at}.`) };
  const stop = failedStop(step, o.error || 'failed', o.checkpointed === true);
  return { report, stop: { ...stop, error: `${stop.error}${at}` } };
}

/** Step 0: the `before` hook, read-only. Returns the result that ends the step here, or undefined to go on. */
async function preconditions<T>(
  step: PlanStep,
  options: RunStepOptions<T>,
  t0: number,
): Promise<StepResult | undefined> {
  if (!options.before || !step.checks?.includes('before')) return undefined;
  let findings: Finding[];
  try {
    findings = await options.before(step);
  } catch (e) {
    return blockedBefore(step, options, t0, [], messageOf(e), e instanceof MigrateError);
  }
  if (!findings.length) {
    options.log.info(`${step.version}: before passed`);
    return undefined;
  }
  return blockedBefore(step, options, t0, findings, summarizeFindings('before', 'the table', findings), true);
}

function blockedBefore<T>(
  step: PlanStep,
  options: RunStepOptions<T>,
  t0: number,
  findings: Finding[],
  message: string,
  known: boolean,
): StepResult {
  options.log.error(`${step.version} ${step.direction}: ${message}`);
  const checks: StepCheck[] = [
    { hook: 'before', scope: 'all', passed: false, findings: findings.length ? findings : [{ message }] },
  ];
  const report: StepReport = {
    version: step.version,
    direction: step.direction,
    kind: step.kind,
    status: options.dryRun ? 'dry-run' : 'skipped',
    durationMs: options.now() - t0,
    error: message,
    checks,
  };
  if (options.dryRun) return { report };
  return {
    report,
    stop: {
      status: 'blocked',
      blockedBy: 'precondition',
      error: `${step.direction} ${step.version} (${step.file}) was not run: ${message}. Nothing was written.`,
      next: known
        ? `Fix the data (or ${step.file}'s before), then run again.`
        : `Fix ${step.file}'s before(), then run again.`,
      exitCode: exitCodeOfStop('precondition-failed'),
    },
  };
}

import {
  CorruptStateError,
  DriftError,
  EXIT,
  FailedStateError,
  InputError,
  LockHeldError,
  LockLostError,
  ManifestError,
  MigrateError,
  MigrationBlockedError,
  MigrationFailedError,
  PlanChangedError,
  RefusedError,
  RehearsalFailedError,
  type ExitCode,
} from './errors';
import type { OutputStatus, Status } from './status-vocabulary';
import type { Plan, RunReport, RunStatus } from './types';
import type { ValidationReport } from './validate';

/**
 * The one place where outcomes become exit codes and statuses: plans, runs, drift checks, lint,
 * validate and anything thrown. A plan's first blocker becomes the typed error it stands for; a
 * report carries the code of the error that ended it; anything thrown carries its own
 * (errors.ts). The statuses are the words of core/status-vocabulary.ts. Entry points, the
 * runners and the renderers call these and decide nothing of their own.
 *
 * "Blocked" and "precondition failed" are two outcomes: a plan that cannot run as it stands is
 * blocked (exit 2; 4 for drift or a changed plan, 1 for a failed state left in the table), while a
 * step refused by its `before` hook failed a precondition (exit 1: the files and flags are fine,
 * the data is not).
 */

/** The typed error for a plan's blockers (the first one decides the kind), or undefined when none. */
export function blockerError(plan: Pick<Plan, 'blockers'>): MigrateError | undefined {
  const first = plan.blockers[0];
  if (!first) return undefined;
  const message = plan.blockers.map((b) => b.message).join('\n');
  switch (first.kind) {
    case 'drift':
      return new DriftError(message);
    case 'failed-state':
      return new FailedStateError(message);
    case 'refused':
      return new RefusedError(message);
    case 'rehearsal':
      return new RehearsalFailedError(message);
    default:
      return new MigrationBlockedError(message);
  }
}

/** Exit code of a plan shown by `plan` or a pull request: its blockers decide. */
export function exitCodeOfPlan(plan: Pick<Plan, 'blockers'>): ExitCode {
  return blockerError(plan)?.exitCode ?? EXIT.ok;
}

/**
 * Status of a plan shown for review: blocked by its blockers (rehearsal-failed when the first is
 * a rehearsal's finding), else planned.
 */
export function statusOfPlan(
  plan: Pick<Plan, 'blockers'>,
): Extract<Status, 'blocked' | 'planned' | 'rehearsal-failed'> {
  const first = plan.blockers[0];
  return !first ? 'planned' : first.kind === 'rehearsal' ? 'rehearsal-failed' : 'blocked';
}

/** Exit code of a run: 0 when it applied, was a no-op or a dry run; else the code of what stopped it. */
export function exitCodeOfReport(report: Pick<RunReport, 'status' | 'exitCode'>): ExitCode {
  if (report.exitCode !== undefined) return report.exitCode;
  return report.status === 'applied' ||
    report.status === 'no-op' ||
    report.status === 'dry-run' ||
    report.status === 'running'
    ? EXIT.ok
    : EXIT.failure;
}

/** The statuses a run's report can end in, as shown. */
export type ReportStatus = RunStatus | Extract<Status, 'precondition-failed'>;

/**
 * Status of a run as the renderers and the action show it: the report's own, except that a run
 * refused by a step's `before` hook is `precondition-failed`, not a plan's `blocked`.
 */
export function statusOfReport(report: Pick<RunReport, 'status' | 'blockedBy'>): ReportStatus {
  return report.status === 'blocked' && report.blockedBy === 'precondition' ? 'precondition-failed' : report.status;
}

/**
 * Exit code of a run that `runStep` stopped without a typed error of its own: a step stopped at
 * a checkpoint (`incomplete`: resume it) or refused by its `before` hook (`precondition-failed`:
 * nothing was written, the data must change first). Both 1: a runtime outcome, not bad input.
 */
export function exitCodeOfStop(status: Extract<Status, 'incomplete' | 'precondition-failed'>): ExitCode {
  switch (status) {
    case 'incomplete':
    case 'precondition-failed':
      return EXIT.failure;
  }
}

/**
 * Exit code of several environments run one after the other (the action): that of the first
 * that did not succeed, else 0.
 */
export function exitCodeOfEnvironments(codes: readonly ExitCode[]): ExitCode {
  return codes.find((c) => c !== EXIT.ok) ?? EXIT.ok;
}

/** Exit code of `lint`: any problem is bad input (2). */
export function exitCodeOfLint(problems: readonly unknown[]): ExitCode {
  return problems.length ? EXIT.input : EXIT.ok;
}

/**
 * Exit code of `validate`: items that do not fit the schema are drift of the data (4). No schema
 * to check against is thrown as bad input (2) before any item is read.
 */
export function exitCodeOfValidation(report: Pick<ValidationReport, 'invalid'>): ExitCode {
  return report.invalid > 0 ? EXIT.drift : EXIT.ok;
}

/**
 * The action's `status` output for an environment in `status`: the documented values only.
 * A plan (or dry run) with no steps is a no-op; a run that ended while still applying, or
 * stopped at a checkpoint, did not finish: failed; a precondition that failed is blocked.
 */
export function outputStatusOf(status: Status, hasSteps: boolean): OutputStatus {
  switch (status) {
    case 'planned':
    case 'dry-run':
      return hasSteps ? 'planned' : 'no-op';
    case 'applying':
    case 'incomplete':
    case 'failed':
      return 'failed';
    case 'precondition-failed':
    case 'rehearsal-failed':
      return 'blocked';
    default:
      return status;
  }
}

/** Exit code of anything thrown: our typed errors carry theirs (errors.ts); anything else is a runtime failure (1). */
export function exitCodeOf(err: unknown): ExitCode {
  return err instanceof MigrateError ? err.exitCode : EXIT.failure;
}

/** Status of a run stopped by an error before any environment ran: a refusal is blocked, anything else failed. */
export function statusOfError(e: unknown): Extract<OutputStatus, 'blocked' | 'failed'> {
  return e instanceof RefusedError ? 'blocked' : 'failed';
}

const TYPED: Record<string, new (message: string) => MigrateError> = {
  MigrateError,
  InputError,
  ManifestError,
  RefusedError,
  LockHeldError,
  LockLostError,
  DriftError,
  PlanChangedError,
  FailedStateError,
  CorruptStateError,
  MigrationBlockedError,
  RehearsalFailedError,
  MigrationFailedError: class extends MigrationFailedError {
    constructor(message: string) {
      super(message, '', 'up');
    }
  },
  MigrationFileError: class extends InputError {},
};

/**
 * A typed error thrown on the other side of a wire (a Lambda controller), by the name it was
 * sent with: the same class here, so the same exit code and the same handling (a held lock
 * is waited for, a lost one stops the run). Undefined for names that are not ours (crashes,
 * timeouts), which the caller treats as retryable.
 */
export function reviveError(errorType: string, message: string): MigrateError | undefined {
  const Type = TYPED[errorType];
  if (!Type) return undefined;
  const e = new Type(message);
  // Subclasses made here for constructor shape keep the wire name.
  if (e.name !== errorType) Object.defineProperty(e, 'name', { value: errorType });
  return e;
}

/** Exit code of a drift check: any finding is drift (4). */
export function exitCodeOfDrift(report: { drifted: boolean; findings: readonly { message: string }[] }): ExitCode {
  return report.drifted ? new DriftError(report.findings.map((f) => f.message).join('\n')).exitCode : EXIT.ok;
}

/** Status of a drift check: drift when anything drifted, else no-op. */
export function statusOfDrift(report: { drifted: boolean }): Extract<Status, 'drift' | 'no-op'> {
  return report.drifted ? 'drift' : 'no-op';
}

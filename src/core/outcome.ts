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
  type ExitCode,
} from './errors';
import type { Plan, RunReport } from './types';

/**
 * The one place where outcomes become exit codes. A plan's first blocker becomes the typed
 * error it stands for; a report carries the code of the error that ended it; anything thrown
 * carries its own (errors.ts). Entry points call these and nothing else.
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
    default:
      return new MigrationBlockedError(message);
  }
}

/** Exit code of a plan shown by `plan` or a pull request: its blockers decide. */
export function exitCodeOfPlan(plan: Pick<Plan, 'blockers'>): ExitCode {
  return blockerError(plan)?.exitCode ?? EXIT.ok;
}

/** Exit code of a run: 0 when it applied, was a no-op or a dry run; else the code of what stopped it. */
export function exitCodeOfReport(report: Pick<RunReport, 'status' | 'exitCode'>): ExitCode {
  if (report.exitCode !== undefined) return report.exitCode;
  return report.status === 'applied' || report.status === 'no-op' || report.status === 'dry-run'
    ? EXIT.ok
    : EXIT.failure;
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

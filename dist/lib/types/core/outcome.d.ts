import { MigrateError, type ExitCode } from './errors.js';
import type { OutputStatus, Status } from './status-vocabulary.js';
import type { Plan, RunReport, RunStatus } from './types.js';
import type { ValidationReport } from './validate.js';
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
export declare function blockerError(plan: Pick<Plan, 'blockers'>): MigrateError | undefined;
/** Exit code of a plan shown by `plan` or a pull request: its blockers decide. */
export declare function exitCodeOfPlan(plan: Pick<Plan, 'blockers'>): ExitCode;
/**
 * Status of a plan shown for review: blocked by its blockers (rehearsal-failed when the first is
 * a rehearsal's finding), else planned.
 */
export declare function statusOfPlan(plan: Pick<Plan, 'blockers'>): Extract<Status, 'blocked' | 'planned' | 'rehearsal-failed'>;
/** Exit code of a run: 0 when it applied, was a no-op or a dry run; else the code of what stopped it. */
export declare function exitCodeOfReport(report: Pick<RunReport, 'status' | 'exitCode'>): ExitCode;
/** The statuses a run's report can end in, as shown. */
export type ReportStatus = RunStatus | Extract<Status, 'precondition-failed'>;
/**
 * Status of a run as the renderers and the action show it: the report's own, except that a run
 * refused by a step's `before` hook is `precondition-failed`, not a plan's `blocked`.
 */
export declare function statusOfReport(report: Pick<RunReport, 'status' | 'blockedBy'>): ReportStatus;
/**
 * Exit code of a run that `runStep` stopped without a typed error of its own: a step stopped at
 * a checkpoint (`incomplete`: resume it) or refused by its `before` hook (`precondition-failed`:
 * nothing was written, the data must change first). Both 1: a runtime outcome, not bad input.
 */
export declare function exitCodeOfStop(status: Extract<Status, 'incomplete' | 'precondition-failed'>): ExitCode;
/**
 * Exit code of several environments run one after the other (the action): that of the first
 * that did not succeed, else 0.
 */
export declare function exitCodeOfEnvironments(codes: readonly ExitCode[]): ExitCode;
/** Exit code of `lint`: any problem is bad input (2). */
export declare function exitCodeOfLint(problems: readonly unknown[]): ExitCode;
/**
 * Exit code of `validate`: items that do not fit the schema are drift of the data (4). No schema
 * to check against is thrown as bad input (2) before any item is read.
 */
export declare function exitCodeOfValidation(report: Pick<ValidationReport, 'invalid'>): ExitCode;
/**
 * The action's `status` output for an environment in `status`: the documented values only.
 * A plan (or dry run) with no steps is a no-op; a run that ended while still applying, or
 * stopped at a checkpoint, did not finish: failed; a precondition that failed is blocked.
 */
export declare function outputStatusOf(status: Status, hasSteps: boolean): OutputStatus;
/** Exit code of anything thrown: our typed errors carry theirs (errors.ts); anything else is a runtime failure (1). */
export declare function exitCodeOf(err: unknown): ExitCode;
/** Status of a run stopped by an error before any environment ran: a refusal is blocked, anything else failed. */
export declare function statusOfError(e: unknown): Extract<OutputStatus, 'blocked' | 'failed'>;
/**
 * A typed error thrown on the other side of a wire (a Lambda controller), by the name it was
 * sent with: the same class here, so the same exit code and the same handling (a held lock
 * is waited for, a lost one stops the run). Undefined for names that are not ours (crashes,
 * timeouts), which the caller treats as retryable.
 */
export declare function reviveError(errorType: string, message: string): MigrateError | undefined;
/** Exit code of a drift check: any finding is drift (4). */
export declare function exitCodeOfDrift(report: {
    drifted: boolean;
    findings: readonly {
        message: string;
    }[];
}): ExitCode;
/** Status of a drift check: drift when anything drifted, else no-op. */
export declare function statusOfDrift(report: {
    drifted: boolean;
}): Extract<Status, 'drift' | 'no-op'>;

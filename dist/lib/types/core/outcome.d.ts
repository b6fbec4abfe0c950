import { MigrateError, type ExitCode } from './errors.js';
import type { Plan, RunReport } from './types.js';
/**
 * The one place where outcomes become exit codes. A plan's first blocker becomes the typed
 * error it stands for; a report carries the code of the error that ended it; anything thrown
 * carries its own (errors.ts). Entry points call these and nothing else.
 */
/** The typed error for a plan's blockers (the first one decides the kind), or undefined when none. */
export declare function blockerError(plan: Pick<Plan, 'blockers'>): MigrateError | undefined;
/** Exit code of a plan shown by `plan` or a pull request: its blockers decide. */
export declare function exitCodeOfPlan(plan: Pick<Plan, 'blockers'>): ExitCode;
/** Exit code of a run: 0 when it applied, was a no-op or a dry run; else the code of what stopped it. */
export declare function exitCodeOfReport(report: Pick<RunReport, 'status' | 'exitCode'>): ExitCode;
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

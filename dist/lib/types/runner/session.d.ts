import type { DriftReport } from '../core/drift.js';
import type { RehearsalResult } from './rehearsal/rehearse.js';
import type { Environment } from '../core/manifest.js';
import type { RunSettings } from '../core/run-settings.js';
import type { StatusReport } from '../core/status.js';
import type { LiveExecution, LogEntry, Plan, PlanCommand, RunReport, TableState } from '../core/types.js';
import type { ValidationReport } from '../core/validate.js';
import type { RecoveryPointMode } from '../dynamodb/recovery-point.js';
import type { Project } from '../loader/load-project.js';
import type { ValidateOptions } from './validate-table.js';
/** What to plan: a command, its version (`to`), and whether to re-run a failed step first. */
export interface PlanInput {
    command: PlanCommand;
    version?: string | undefined;
    resume?: boolean | undefined;
}
export interface ApplyOptions {
    /** The hash the reviewer saw; a different plan after locking is refused (or re-planned). */
    expectedHash?: string | undefined;
    /**
     * With `expectedHash`, what a changed plan under the lock does: refused (`fail`, the default)
     * or run as it now is (`replan`). Without one the plan made under the lock is run, except for
     * relative commands (up, down, repeat, reset), which never re-plan.
     */
    onPlanChange?: 'fail' | 'replan' | undefined;
    /**
     * Called with the plan actually run, right before its first step (under the lock where the
     * runner holds it here); may return the recovery point it took, for the audit log.
     */
    onStart?: ((plan: Plan) => Promise<{
        recoveryPoint?: string | undefined;
    } | undefined>) | undefined;
    /** Recorded in the audit log (e.g. "point-in-time recovery on"). */
    recoveryPoint?: string | undefined;
    /** Why (repair) or from where (dispatch, merge) this run happened. */
    reason?: string | undefined;
    /**
     * runner: lambda with a state machine: return (status `running`) as soon as a fanned-out step's
     * execution started, instead of waiting on it; the execution records the step and releases the lock.
     */
    detach?: boolean | undefined;
    /**
     * runner: lambda with a state machine: a fanned-out step's execution started (or was found
     * running), then each time its progress moved (about every poll while it does): where it runs
     * and how far it is, for a display that outlives log lines (the pull request comment, the
     * studio). Called synchronously from the watch: do slow work without awaiting it here.
     */
    onExecution?: ((live: LiveExecution) => void) | undefined;
}
export interface RepairInput {
    version: string;
    mark: 'applied' | 'reverted';
    reason: string;
}
/** What the scheduled drift check found (its rules: core/drift.ts). */
export type { DriftReport } from '../core/drift.js';
/**
 * One environment of a project, opened for a run: what the CLI and the action depend on.
 * Implemented in this process (runner/local) and through a Lambda controller (runner/lambda);
 * both give the same plans, reports and exit codes.
 */
export interface MigrationSession {
    readonly project: Project;
    readonly environment: Environment;
    readonly settings: RunSettings;
    readState(): Promise<TableState>;
    /** Plans a command against the table's state; `state === null` plans from the files alone (fork pull requests). */
    plan(input: PlanInput, state?: TableState | null): Promise<Plan>;
    /** Runs a plan behind the lock; returns a report for every outcome but bad input, which throws. */
    apply(plan: Plan, options?: ApplyOptions): Promise<RunReport>;
    status(): Promise<StatusReport>;
    /** `unlock <lock-id>`: removes a lock left by a dead run (audited). */
    unlock(lockId: string, reason?: string): Promise<void>;
    /** Marks a version applied or reverted without running it (audited); returns what it did. */
    repair(input: RepairInput): Promise<string>;
    drift(): Promise<DriftReport>;
    readLog(limit?: number): Promise<LogEntry[]>;
    /**
     * Makes sure the table can be restored to the moment before a protected apply (PITR on, or
     * an on-demand backup taken now); returns how, for the audit log and the comment.
     */
    ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string>;
    /**
     * Scans the table and checks every item whose type names a model of the schema (the one
     * stored in the table, or a migration version's); read-only. Throws InputError when there is
     * no schema to check against.
     */
    validate(options: ValidateOptions): Promise<ValidationReport>;
    /**
     * runner: lambda with a state machine: stops the running execution of this table's step (the
     * step recorded incomplete, resumable; the lock released); says what it did. Absent elsewhere.
     */
    stop?(reason?: string): Promise<string>;
    /** runner: lambda with a state machine: the executions of this table's steps that run now. */
    runningSteps?(): Promise<{
        name: string;
        executionArn: string;
        url: string;
    }[]>;
    /**
     * Rehearses the plan's up steps on `samplePercent` of the table, in memory, writing nothing
     * (runner/rehearsal). Absent where the migrations do not run in this process (runner: lambda).
     */
    rehearse?(plan: Plan, samplePercent: number): Promise<RehearsalResult>;
}

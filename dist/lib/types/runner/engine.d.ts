import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { exitCodeOf, type ExitCode } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { type Environment } from '../core/manifest.js';
import type { Direction, LogEntry, Plan, PlanCommand, PlanStep, RunReport, TableState } from '../core/types.js';
import { StateStore } from '../dynamodb/state-store.js';
import type { Project } from '../loader/load-project.js';
import type { MigrationContext } from './context.js';
import { type StepData } from './step-data.js';
export interface SessionOptions {
    endpoint?: string | undefined;
    region?: string | undefined;
    /** DynamoDB Local: dummy credentials. */
    local?: boolean | undefined;
    client?: DynamoDBClient | undefined;
    dryRun?: boolean | undefined;
    samplePercent?: number | undefined;
    /** Who runs this: recorded in records, the lock and the audit log. */
    actor?: string | undefined;
    runUrl?: string | undefined;
    gitSha?: string | undefined;
    log: Logger;
    /** Lock lease; renewed at a third of it while the run lasts. Default 120 s. */
    leaseMs?: number | undefined;
    /** How long to wait for a held lock before giving up (exit 3). Default: the manifest's lock-timeout, else 0. */
    lockTimeoutMs?: number | undefined;
    /** Epoch ms by which bulk passes stop at a checkpoint (CI job or Lambda limit). */
    deadline?: number | undefined;
    now?: () => number;
}
export interface ApplyOptions {
    /** The hash the reviewer saw; a different plan after locking is refused (or re-planned). */
    expectedHash?: string | undefined;
    onPlanChange?: 'fail' | 'replan' | undefined;
    /** Called under the lock with the plan actually run; may return the recovery point it took (for the audit log). */
    onStart?: ((plan: Plan, lockId: string) => Promise<{
        recoveryPoint?: string | undefined;
    } | void> | {
        recoveryPoint?: string | undefined;
    } | void) | undefined;
    /** Recorded in the audit log (e.g. "point-in-time recovery on"). */
    recoveryPoint?: string | undefined;
    /** Why (repair) or from where (dispatch) this run happened. */
    reason?: string | undefined;
}
/** What the scheduled drift check found. */
export interface DriftReport {
    environment: string;
    table: string;
    currentVersion: string;
    targetVersion: string;
    drifted: boolean;
    findings: {
        kind: 'version' | 'failed-state' | 'stale-lock' | 'checksum' | 'schema';
        message: string;
    }[];
    plan: Plan;
}
/** Opens an environment of a loaded project: the engine behind every CLI command and the action. */
export declare function openSession(project: Project, env: string | Environment | undefined, opts: SessionOptions): Session;
export declare class Session {
    readonly project: Project;
    readonly environment: Environment;
    readonly client: DynamoDBClient;
    readonly opts: SessionOptions;
    readonly store: StateStore;
    private readonly now;
    readonly actor: string;
    constructor(project: Project, environment: Environment, client: DynamoDBClient, opts: SessionOptions);
    get log(): Logger;
    readState(): Promise<TableState>;
    /** Plans a command against the table's current state (or files only, when state is passed as null). */
    plan(input: {
        command: PlanCommand;
        version?: string | undefined;
        resume?: boolean | undefined;
    }, state?: TableState | null): Promise<Plan>;
    /**
     * Runs a plan: takes the lock, re-plans against the state under the lock (refusing a
     * changed plan when the reviewed hash is given), runs each step and records it, releases.
     * Returns a report for every outcome but bad input, which throws.
     */
    apply(plan: Plan, options?: ApplyOptions): Promise<RunReport>;
    private blockedReport;
    private acquireWithWait;
    private runSteps;
    /** Records a step's outcome in OneTable's format and keeps `_schema:Current` in step. */
    private recordStep;
    /** The `_schema:Current` attributes OneTable would write for a migration's schema. */
    private schemaItem;
    private migrationOf;
    /** The `ctx` a migration receives. */
    contextFor(step: PlanStep, data: StepData, signal: AbortSignal, dryRun: boolean, client?: DynamoDBClient): Promise<MigrationContext>;
    /** Dry run: runs each step with a read-only client and a counting data engine; writes nothing. */
    private dryRun;
    /** `unlock <lock-id>`. */
    unlock(lockId: string, reason?: string): Promise<void>;
    /**
     * `repair`: marks a version applied (accepting its current file and checksum) or reverted
     * (removing its records) without running it. The reason goes to the audit log.
     */
    repair(input: {
        version: string;
        mark: 'applied' | 'reverted';
        reason: string;
    }): Promise<string>;
    /** Scheduled drift check: version vs target, failed state, stale lock, checksum drift. */
    drift(): Promise<DriftReport>;
    readLog(limit?: number): Promise<LogEntry[]>;
    /** Appends one entry to the audit log (also used by the Lambda fan-out's commands). */
    audit(e: {
        runId: string;
        event: string;
        outcome: string;
        plan?: Plan;
        versions?: string[] | undefined;
        message?: string | undefined;
        reason?: string | undefined;
        recoveryPoint?: string | undefined;
        /** When there is no plan at hand (fan-out steps carry only its hash). */
        planHash?: string | undefined;
    }): Promise<void>;
}
/** Exit code for a report: 0 when it applied, was a no-op or a dry run. */
export declare function exitCodeOfReport(report: RunReport): ExitCode;
export { exitCodeOf };
export type { Direction };

import type { RunSettings } from '../core/run-settings.js';
import type { StatusReport } from '../core/status.js';
import type { PassProgress } from '../dynamodb/bulk/index.js';
import type { ItemCounts, Plan, PlanCommand, PlanStep, StepCheck, TableState } from '../core/types.js';
import type { AuditEvent } from '../runner/step/audit.js';
import type { StepOutcome } from '../runner/step/ledger.js';
/**
 * The controller's wire protocol: OneTable Controller's envelope `{cmd, config, args, dry}`
 * answered with `{statusCode: 200, body}`, failures thrown (Lambda's error payload). OneTable's
 * seven commands keep their names; ours are prefixed `dm:` so they can never collide.
 */
export interface ControllerEvent {
    cmd: string;
    /** OneTable Table params; `name` is the table. */
    config: {
        name: string;
        [key: string]: unknown;
    };
    args?: Record<string, unknown> | undefined;
    /**
     * OneTable Controller reads dry run here; OneTable's CLI sends it as args.params.dry ("Dry Run: ",
     * or "" when not dry). Any truthy value in either place (or in args.dry) is a dry run.
     */
    dry?: boolean | string | undefined;
}
/** What every command answers with. */
export interface ControllerResponse<T = unknown> {
    statusCode: 200;
    body: T;
}
/** The parts of Lambda's context the controller uses. */
export interface LambdaContext {
    getRemainingTimeInMillis?: () => number;
    awsRequestId?: string;
    functionName?: string;
}
/** OneTable's commands, as its Controller names them. */
export declare const ONETABLE_COMMANDS: readonly ["apply", "getCurrentVersion", "getNamedVersions", "getOutstandingVersions", "getOutstandingMigrations", "getPastMigrations", "getPastVersions"];
/** Our commands. */
export declare const DM: {
    readonly status: "dm:status";
    readonly plan: "dm:plan";
    /** Runs a whole plan inside the controller (lock, steps, records), as the local runner does. */
    readonly apply: "dm:apply";
    readonly unlock: "dm:unlock";
    readonly repair: "dm:repair";
    readonly log: "dm:log";
    readonly drift: "dm:drift";
    /** Fan-out: a coordinator outside drives the run; these are its lock, its audit entries and its steps' bookkeeping. */
    readonly lock: "dm:lock";
    readonly renew: "dm:renew";
    readonly release: "dm:release";
    readonly audit: "dm:audit";
    /** Fan-out: a step's ledger: phase start (new attempt, "running" record) or end (its outcome). */
    readonly step: "dm:step";
    /** Fan-out: run one scan segment of one pass of a step (pass 0: run the step until its first pass). */
    readonly segment: "dm:segment";
    /** A whole step's work under the caller's lock (up or down, canary, verify); invoked again while it stops at a checkpoint. */
    readonly body: "dm:body";
    /** A step's `before` hook, read-only: its findings. */
    readonly before: "dm:before";
    /**
     * Step Functions: the last state of a fanned-out step's execution: its outcome recorded (counts
     * from the segments' checkpoints), the lock released. Also what `stop` calls after StopExecution.
     */
    readonly conclude: "dm:conclude";
    /** Step Functions: a running step's progress from its segments' checkpoints (read-only). */
    readonly progress: "dm:progress";
};
/**
 * Every dm: command carries the run's settings, resolved once by the caller (actor, run URL,
 * git sha, lock timeout, lease, deadline, write rate, sample percent): the controller runs
 * with exactly those, bounded by its own time limit.
 */
export interface WithSettings {
    settings?: RunSettings | undefined;
}
export interface PlanArgs {
    command: PlanCommand;
    version?: string | undefined;
    resume?: boolean | undefined;
}
export type StatusBody = {
    state: TableState;
    plan: Plan;
    status: StatusReport;
};
export interface ApplyArgs extends PlanArgs, WithSettings {
    planHash?: string | undefined;
    onPlanChange?: 'fail' | 'replan' | undefined;
    reason?: string | undefined;
    /** The recovery point the caller took before applying, for the audit log. */
    recoveryPoint?: string | undefined;
}
export interface LockArgs extends WithSettings {
    command: string;
}
export type LockBody = {
    lockId: string;
    leaseExpiresAt: number;
};
export interface AuditArgs extends WithSettings {
    event: AuditEvent;
}
export interface StepArgs extends WithSettings {
    lockId: string;
    runId: string;
    planHash: string;
    step: PlanStep;
    phase: 'start' | 'end';
    /** phase end: the date of the running record the start phase wrote (it is replaced). */
    date?: number | undefined;
    /** phase end: how the step ended. */
    outcome?: StepOutcome | undefined;
}
export interface SegmentArgs extends WithSettings {
    lockId: string;
    step: PlanStep;
    /** 0: run the step until its first bulk pass (which is then fanned out); n: only pass n's segment. */
    pass: number;
    segment: number;
    totalSegments: number;
}
/**
 * dm:segment's answer. `done`: the segment of this pass is finished (or, for pass 0, the whole
 * step ran without a bulk pass: `stepDone`). `fan-out`: pass 0 reached a bulk pass. `incomplete`:
 * the invocation's time ran out at a checkpoint; invoke again. `failed`: the migration threw.
 */
export interface SegmentBody {
    status: 'done' | 'incomplete' | 'failed' | 'fan-out';
    /** Counts of this segment of this pass (cumulative across its invocations, from checkpoints). */
    counts?: ItemCounts | undefined;
    /** The migration went on to another pass after this one. */
    nextPass?: boolean | undefined;
    /** pass 0 only: the step finished inside this invocation. */
    stepDone?: boolean | undefined;
    error?: string | undefined;
}
export interface BodyArgs extends WithSettings {
    lockId: string;
    step: PlanStep;
}
/**
 * dm:body's answer: the step's work as runStep judges it. `incomplete`: the invocation's time ran
 * out at a checkpoint; invoke again (the step's checkpoints carry on). `failed`: the migration
 * threw (`lockLost` when the lease was lost meanwhile).
 */
export interface BodyReply {
    status: 'done' | 'incomplete' | 'failed';
    counts?: ItemCounts | undefined;
    checks?: StepCheck[] | undefined;
    canaryReverted?: boolean | undefined;
    error?: string | undefined;
    /** failed: a bulk pass's items failed, so the step stopped at its checkpoints (apply --resume continues it). */
    checkpointed?: boolean | undefined;
    lockLost?: boolean | undefined;
}
export interface BeforeArgs extends WithSettings {
    step: PlanStep;
}
/** How a fanned-out step's execution ended, as its last state tells dm:conclude. */
export interface ConcludeResult {
    /** `stopped`: the caller stopped the execution (StopExecution): the step is recorded incomplete, resumable. */
    status: 'done' | 'failed' | 'stopped';
    /** failed: the error, as Step Functions catches it (`{Error, Cause}`), or a message. */
    error?: {
        Error?: string;
        Cause?: string;
    } | string | undefined;
}
export interface ConcludeArgs extends WithSettings {
    lockId: string;
    runId: string;
    planHash: string;
    step: PlanStep;
    /**
     * The running record's date dm:step start returned; 0 when the step was never begun. Absent
     * (`stop`, which has only the execution's input): the running record written under this lock.
     */
    ticket?: {
        date: number;
    } | undefined;
    /** When the caller started the step (epoch ms): the record's duration. */
    startedAt: number;
    result: ConcludeResult;
}
/** dm:conclude's answer: the step's outcome as recorded; the lock is released. */
export interface ConcludeBody {
    status: 'applied' | 'failed' | 'incomplete';
    error?: string | undefined;
    /** failed: the step stopped at its checkpoints (a bulk pass's items failed); apply --resume continues from them. */
    checkpointed?: boolean | undefined;
    counts?: ItemCounts | undefined;
    durationMs: number;
    currentVersion: string;
}
export interface ProgressArgs extends WithSettings {
    step: PlanStep;
}
/** dm:progress's answer: the step's checkpoints by pass. */
export interface ProgressBody {
    passes: PassProgress[];
}

import type { ItemCounts, Plan, PlanCommand, RunReport, TableState } from '../../core/types.js';
import type { StatusReport } from '../../core/status.js';
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
    /** OneTable Controller reads dry run here; OneTable's CLI sends it as args.params.dry. */
    dry?: boolean | undefined;
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
    readonly apply: "dm:apply";
    readonly unlock: "dm:unlock";
    readonly repair: "dm:repair";
    readonly log: "dm:log";
    readonly drift: "dm:drift";
    /** Fan-out: take the lock and check the plan; the coordinator then drives the steps. */
    readonly begin: "dm:begin";
    readonly renew: "dm:renew";
    /** Fan-out: write a step's "running" record, or its outcome. */
    readonly step: "dm:step";
    /** Fan-out: run one scan segment of one pass of a step (pass 0: run the step until its first pass). */
    readonly segment: "dm:segment";
    /** Fan-out: release the lock and write the audit log's end entry. */
    readonly end: "dm:end";
};
/** Who runs: recorded in records, the lock and the audit log (the caller's identity, not the function's). */
export interface RunIdentity {
    actor?: string | undefined;
    runUrl?: string | undefined;
    gitSha?: string | undefined;
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
export interface ApplyArgs extends PlanArgs, RunIdentity {
    planHash?: string | undefined;
    onPlanChange?: 'fail' | 'replan' | undefined;
    reason?: string | undefined;
    /** The recovery point the caller took before applying, for the audit log. */
    recoveryPoint?: string | undefined;
    samplePercent?: number | undefined;
    /** Epoch ms by which the run must stop at a checkpoint (the caller's own budget). */
    deadline?: number | undefined;
}
export interface BeginArgs extends ApplyArgs {
    leaseMs?: number | undefined;
}
/** dm:begin's answer: the lock and the plan to run under it, or a report when there is nothing to run. */
export type BeginBody = {
    lockId: string;
    runId: string;
    plan: Plan;
    leaseExpiresAt: number;
} | {
    report: RunReport;
};
export interface StepArgs extends RunIdentity {
    lockId: string;
    runId: string;
    version: string;
    direction: 'up' | 'down';
    kind: 'migrate' | 'repeat' | 'resume';
    phase: 'start' | 'end';
    /** phase end: "success", the error message, or an "incomplete: ..." status. */
    status?: string | undefined;
    /** phase end: the date of the running record the start phase wrote (it is replaced). */
    date?: number | undefined;
    counts?: ItemCounts | undefined;
    durationMs?: number | undefined;
    planHash?: string | undefined;
}
export interface SegmentArgs {
    lockId: string;
    version: string;
    direction: 'up' | 'down';
    kind?: 'migrate' | 'repeat' | 'resume' | undefined;
    /** 0: run the step until its first bulk pass (which is then fanned out); n: only pass n's segment. */
    pass: number;
    segment: number;
    totalSegments: number;
    deadline?: number | undefined;
    leaseMs?: number | undefined;
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
export interface EndArgs {
    lockId: string;
    runId: string;
    outcome: string;
    message?: string | undefined;
    versions?: string[] | undefined;
    planHash?: string | undefined;
    actor?: string | undefined;
    runUrl?: string | undefined;
    gitSha?: string | undefined;
}

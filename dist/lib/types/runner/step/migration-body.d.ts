import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger.js';
import type { RunSettings } from '../../core/run-settings.js';
import type { Finding, PlanStep } from '../../core/types.js';
import { type BulkData } from '../../dynamodb/bulk/index.js';
import type { Project } from '../../loader/load-project.js';
import { type RunParams } from './migration-context.js';
import type { BodyResult } from './run-step.js';
import type { StepData } from './step-data.js';
/** What a step's body needs of its table: the same narrow view in a local run and in the controller. */
export interface BodyTable {
    project: Project;
    table: string;
    keys(): Promise<{
        hash: string;
        sort: string;
    }>;
    settings: RunSettings;
    log: Logger;
    /** The table's client refusing writes (for the hooks, which only read). */
    readOnlyClient(): DynamoDBClient;
}
/** Where a step's body writes: the data engine of its attempt, the lease's signal and (fenced) client. */
export interface BodyWork {
    data: StepData;
    signal: AbortSignal;
    client: DynamoDBClient;
}
/** The step data of the same attempt on a sample (a canary), from the step's ledger. */
export type SampleData = (step: PlanStep, samplePercent: number) => Promise<StepData>;
/**
 * Calling the migration: the one place that knows how a step's up or down, its canary, its
 * `verify` and the undoing of a failed canary are run. A local run, a dry run, the controller's
 * whole-step and segment commands all come through here; runStep (run-step.ts) decides what the
 * result means.
 */
export declare class MigrationBody {
    private readonly t;
    constructor(t: BodyTable);
    /**
     * The migration's up or down with its ctx (the step's own file: "has no up function" is
     * decided here). `data` replaces the ctx's data engine (a segment's gated engine).
     */
    invoke(step: PlanStep, work: BodyWork, o?: {
        data?: BulkData;
        canary?: RunParams['canary'];
    }): Promise<void>;
    /**
     * A step's work: the migration's up or down, then its `verify`. With a canary (steps up with
     * a verify hook, `canaryPercent` set by the plan, `sample` given): up on the canary's sample,
     * verify on that sample, and only if it passed the rest of the table (the engine takes exactly
     * the items the canary did not), then verify on every item. A failed canary is undone with the
     * step's down, on the same sample, when the step has one.
     */
    run(step: PlanStep, work: BodyWork, o: {
        verify: boolean;
        sample?: SampleData | undefined;
    }): Promise<BodyResult>;
    /** Undoes a failed canary with the step's down on the same sample; false when the step has none. */
    private revertCanary;
    /** The `before` hook of a step, on a read-only ctx over every item. */
    before(step: PlanStep): Promise<Finding[]>;
    /** The read-only ctx of a `before` or `verify` hook: a client that refuses writes, a counting engine without checkpoints. */
    private checkContext;
    /** What a step's ctx is made of. */
    private contextParts;
}

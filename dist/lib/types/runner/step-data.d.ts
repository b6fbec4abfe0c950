import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DataEngine } from '../dynamodb/bulk/index.js';
import type { ItemCounts, PlanStep } from '../core/types.js';
import type { Session } from './engine.js';
/** The per-step wiring of the bulk data engine: what the step exposes as ctx.data, and its counts. */
export interface StepData {
    engine: DataEngine;
    counts(): ItemCounts | undefined;
    /** A pass stopped at its deadline: the step must be resumed. */
    incomplete(): boolean;
    /**
     * Before the step runs: unless it resumes an interrupted attempt, starts a new attempt:
     * deletes the checkpoints earlier attempts left (a repeat keeps a canary's progress, to take
     * the rest after it) and records the attempt's id, which `once` markers carry. A resume reads
     * the id of the attempt it resumes back from the table.
     */
    start(): Promise<void>;
    /** The step was recorded: its checkpoints can go. */
    complete(): Promise<void>;
}
/**
 * Builds `ctx.data` for one step: checkpoints keyed by the step's version and direction (so a
 * resumed run continues where it stopped, and only a resumed run), the run's abort signal
 * (lease lost) and deadline.
 */
export declare function createStepData(session: Session, step: PlanStep, opts: {
    signal: AbortSignal;
    deadline?: number | undefined;
    dryRun?: boolean;
    client?: DynamoDBClient | undefined;
}): Promise<StepData>;
/** A repeat of an up is how the full run (or a bigger canary) follows a canary of that version. */
export declare function continuesCanary(step: Pick<PlanStep, 'kind' | 'direction'>): boolean;

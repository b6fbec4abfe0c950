import { type ExitCode } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { ItemCounts, PlanStep, RunStatus, StepReport } from '../../core/types.js';
import type { StepLedger } from './ledger.js';
/**
 * What happens when a step runs. This is the one definition; the local run, the dry run, the
 * controller (which runs the local run) and the fan-out coordinator all come through here:
 *
 * 1. `ledger.begin`: a new attempt (checkpoints of earlier attempts deleted, unless this is a
 *    resume) and a "running" record, written under the lock;
 * 2. `body`: the step's work: the migration's up or down in this process, or its bulk passes
 *    fanned out over controller invocations;
 * 3. the outcome, decided here, once:
 *    - stopped at a checkpoint before the deadline: recorded incomplete; `apply --resume` continues;
 *    - the lock was lost: nothing more is written (another run owns the table now); exit 3;
 *    - threw: recorded failed with the error, audited; exit 1, and what to do next;
 *    - finished: recorded success (schema item, checkpoints deleted), audited.
 * 4. A dry run writes nothing (its ledger is a no-op) and goes on to the next step whatever happens.
 */
export interface BodyResult {
    /** What the step's work threw, if anything. */
    error?: unknown;
    counts?: ItemCounts | undefined;
    /** A bulk pass stopped at its deadline: the step must be resumed. */
    incomplete: boolean;
    /** The run's lease was lost while it worked (taken over, or ran out). */
    lockLost?: boolean | undefined;
}
/** The step's work, given what `ledger.begin` returned. */
export type StepBody<T> = (step: PlanStep, ticket: T) => Promise<BodyResult>;
/** Why the run stops after this step. */
export interface RunStop {
    status: Extract<RunStatus, 'failed' | 'incomplete'>;
    error: string;
    next: string;
    exitCode: ExitCode;
}
export interface StepResult {
    report: StepReport;
    /** Set when the run must stop here. */
    stop?: RunStop | undefined;
}
export interface RunStepOptions<T> {
    ledger: StepLedger<T>;
    body: StepBody<T>;
    log: Logger;
    now: () => number;
    /** Dry run: the step is reported, never recorded, and never stops the run. */
    dryRun?: boolean | undefined;
    /** Said after the step's banner (e.g. "fanned out over 8 segments"). */
    how?: string | undefined;
}
export declare function runStep<T>(step: PlanStep, o: RunStepOptions<T>): Promise<StepResult>;

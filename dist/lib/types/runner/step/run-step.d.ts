import { type ExitCode } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Finding, ItemCounts, PlanStep, RunReport, RunStatus, StepCheck, StepReport } from '../../core/types.js';
import type { StepLedger } from './ledger.js';
/**
 * What happens when a step runs. This is the one definition; the local run, the dry run, the
 * controller (which runs the local run) and the fan-out coordinator all come through here:
 *
 * 0. the migration's `before` hook (preconditions), read-only: a finding, or a hook that
 *    throws, refuses the step before anything is written (precondition-failed, exit 1: core/outcome.ts);
 * 1. `ledger.begin`: a new attempt (checkpoints of earlier attempts deleted, unless this is a
 *    resume) and a "running" record, written under the lock;
 * 2. `body`: the step's work: the migration's up or down in this process (with a canary: on
 *    the canary's sample, `verify` on it, then the rest), or its bulk passes fanned out over
 *    controller invocations; then the migration's `verify` hook;
 * 3. the outcome, decided here, once:
 *    - stopped at a checkpoint before the deadline: recorded incomplete; `apply --resume` continues;
 *    - the lock was lost: nothing more is written (another run owns the table now); exit 3;
 *    - threw, or `verify` found problems: recorded failed with the error or the findings
 *      (a failed canary undone with the step's down first), audited; exit 1, and what to do next;
 *    - finished: recorded success (schema item, checkpoints deleted), audited.
 * 4. A dry run writes nothing (its ledger is a no-op) and goes on to the next step whatever happens.
 */
export interface BodyResult {
    /** What the step's work threw, if anything. */
    error?: unknown;
    counts?: ItemCounts | undefined;
    /** A bulk pass stopped at its deadline: the step must be resumed. */
    incomplete: boolean;
    /**
     * With `error`: a bulk pass's items failed, so it stopped at its checkpoints (said by a body run
     * elsewhere, whose error arrives as a message; here a PassFailedError tells it).
     */
    checkpointed?: boolean | undefined;
    /** The run's lease was lost while it worked (taken over, or ran out). */
    lockLost?: boolean | undefined;
    /** What the step's `verify` found (on the canary's sample, then on every item). */
    checks?: StepCheck[] | undefined;
    /** A failed canary was undone with the step's down (true) or could not be (false). */
    canaryReverted?: boolean | undefined;
}
/** The step's work, given what `ledger.begin` returned. */
export type StepBody<T> = (step: PlanStep, ticket: T) => Promise<BodyResult>;
/** Why the run stops after this step. */
export interface RunStop {
    status: Extract<RunStatus, 'failed' | 'incomplete' | 'blocked' | 'running'>;
    /** `precondition`: the step's `before` hook refused it (status `blocked`, shown as precondition-failed). */
    blockedBy?: RunReport['blockedBy'];
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
    /** Runs the migration's `before` hook read-only (for steps whose `checks` include it). */
    before?: ((step: PlanStep) => Promise<Finding[]>) | undefined;
}
export declare function runStep<T>(step: PlanStep, options: RunStepOptions<T>): Promise<StepResult>;
/**
 * How a step that ran elsewhere ended (a Step Functions execution: it began the step, recorded
 * its outcome and released the lock itself), judged as runStep judges a step it ran: the same
 * report and the same reasons to stop.
 */
export interface HandedOverOutcome {
    /** `running`: nobody waits on it (--detach); the run ends here, the execution goes on. */
    status: 'applied' | 'failed' | 'incomplete' | 'running';
    error?: string | undefined;
    /** failed: recorded as stopped at its checkpoints (a bulk pass's items failed), so a resume continues from them. */
    checkpointed?: boolean | undefined;
    counts?: ItemCounts | undefined;
    durationMs: number;
    /** Where it ran (e.g. the execution's console link), said when the run stops. */
    where?: string | undefined;
}
export declare function handedOverResult(step: PlanStep, o: HandedOverOutcome): StepResult;

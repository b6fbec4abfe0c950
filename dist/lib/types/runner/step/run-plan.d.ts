import type { Logger } from '../../core/logger.js';
import type { RunSettings } from '../../core/run-settings.js';
import type { Finding, LockInfo, Plan, PlanStep, RunReport } from '../../core/types.js';
import type { ApplyOptions, PlanInput } from '../session.js';
import type { AuditEvent } from './audit.js';
import type { StepLedger } from './ledger.js';
import { type HandedOverOutcome, type StepBody } from './run-step.js';
/** A run's hold on the lock while it works, however the lock is kept (here, or through a controller). */
export interface RunLease {
    /** Aborted when the lease is lost. */
    readonly signal: AbortSignal;
    /** Renews now (fencing before a step); throws LockLostError when another run holds the lock. */
    renew(): Promise<void>;
    stop(): void;
}
/** Where a run keeps its lock, plans, records and audit log: the table itself, or a controller in front of it. */
export interface RunBackend<T> {
    /** Takes the lock; throws LockHeldError while another run holds it. */
    acquireLock(command: string): Promise<Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>>;
    hold(lock: Pick<LockInfo, 'lockId' | 'leaseExpiresAt'>): RunLease;
    releaseLock(lockId: string): Promise<void>;
    plan(input: PlanInput): Promise<Plan>;
    audit(e: AuditEvent, lockId: string): Promise<void>;
    /** The bookkeeping and the work of each step of this run. */
    steps(run: {
        lockId: string;
        runId: string;
        plan: Plan;
        lease: RunLease;
    }): {
        ledger: StepLedger<T>;
        body: StepBody<T>;
        /** Said after each step's banner (e.g. "fanned out over 8 segments"). */
        how?: ((step: PlanStep) => string | undefined) | undefined;
        before?: ((step: PlanStep) => Promise<Finding[]>) | undefined;
        /** Steps that run elsewhere, owning the lock while they do (a Step Functions execution). */
        handOver?: HandOver | undefined;
    };
    /** The table's version now (for the report's finalVersion). */
    currentVersion(): Promise<string>;
}
/**
 * A step run by something that outlives this run (a fanned-out step's Step Functions execution):
 * it is handed the lock, begins the step, records its outcome and releases the lock itself, so
 * the step ends recorded and unlocked even when this process is gone. The run takes the lock
 * again (and checks the plan again) for the steps after it.
 */
export interface HandOver {
    takes(step: PlanStep): boolean;
    /** Said after the step's banner. */
    how(step: PlanStep): string;
    /** Throws only before the step was handed over (the lock is still the run's); after that every end is an outcome. */
    run(step: PlanStep, hand: {
        lockId: string;
        runId: string;
        plan: Plan;
        startedAt: number;
    }): Promise<HandedOverOutcome>;
}
/** A dry run's steps: a ledger that writes nothing, and the work with a read-only client and a counting engine. */
export interface DryRunBackend<T> {
    ledger: StepLedger<T>;
    body: StepBody<T>;
    before?: ((step: PlanStep) => Promise<Finding[]>) | undefined;
}
/** What a run needs besides its backend: its settings, where it logs, and its clock. */
export interface StepRunContext {
    settings: RunSettings;
    log: Logger;
    now: () => number;
}
/**
 * Runs a plan: takes the lock (waiting up to the lock timeout), plans again under it (refusing
 * a changed plan when the reviewed hash is given), runs each step through runStep, releases
 * the lock and writes the audit log's end entry. Returns a report for every outcome but bad
 * input, which throws.
 */
export declare function runPlan<T>(plan: Plan, options: ApplyOptions, backend: RunBackend<T>, run: StepRunContext): Promise<RunReport>;
/** A dry run: every step through runStep with a ledger that writes nothing; no lock. */
export declare function dryRunPlan<T>(plan: Plan, backend: DryRunBackend<T>, run: StepRunContext): Promise<RunReport>;
/** Takes a lock, waiting up to the run's lock timeout while another run holds it. */
export declare function acquireWithWait<L>(acquire: () => Promise<L>, run: StepRunContext): Promise<L>;
/** The input that plans a command again from the state under the lock. */
export declare function replanInput(plan: Plan): PlanInput;

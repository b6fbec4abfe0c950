import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger.js';
import type { RunSettings } from '../../core/run-settings.js';
import type { ItemCounts, OneTableSchema, PlanStep } from '../../core/types.js';
import type { StateStore } from '../../dynamodb/state/state-store.js';
import type { LoadedMigration, Project } from '../../loader/load-project.js';
import { type AuditEvent } from './audit.js';
import { type StepData } from './step-data.js';
/** How a step ended, as its record says it. */
export interface StepOutcome {
    status: 'success' | 'failed' | 'incomplete';
    /** failed: the error message. */
    message?: string | undefined;
    /** failed: it stopped at its checkpoints (a bulk pass's items failed), so a resume continues from them. */
    checkpointed?: boolean | undefined;
    counts?: ItemCounts | undefined;
    durationMs: number;
}
/** The status an incomplete step's record carries. */
export declare const INCOMPLETE_STATUS = "incomplete: stopped at a checkpoint before the time budget ran out; resume to continue";
/**
 * A step's bookkeeping in the table: where the "running" record, the outcome record, the
 * schema item, the checkpoints and the audit entries of a step are written. `begin` runs
 * before the step's work and `finish` after it; the step runner (run-step.ts) decides when.
 * The local runner writes here directly; a fan-out coordinator reaches the same code through
 * its controller's dm:step command.
 */
export interface StepLedger<T> {
    begin(step: PlanStep): Promise<T>;
    finish(step: PlanStep, ticket: T, outcome: StepOutcome): Promise<void>;
}
/** What a step's bookkeeping is about: its record's date (the key the outcome replaces) and its data engine. */
export interface StepTicket {
    date: number;
    data: StepData;
}
/** What the table ledger needs. */
export interface TableLedgerOptions {
    store: StateStore;
    project: Project;
    environment: string;
    settings: RunSettings;
    lockId: string;
    runId: string;
    planHash: string;
    log: Logger;
    now: () => number;
    /** The client the step's data engine writes with (the lease's fenced client while a lock is held). */
    dataClient: DynamoDBClient;
    signal?: AbortSignal | undefined;
}
/** The ledger of a run that holds the lock: every write is conditioned on the lock id (fencing). */
export declare class TableLedger implements StepLedger<StepTicket> {
    private readonly o;
    constructor(o: TableLedgerOptions);
    /** The step's data engine: the same for its work and for its bookkeeping (checkpoints, attempt id). */
    stepData(step: PlanStep, override?: {
        samplePercent?: number | undefined;
    }): Promise<StepData>;
    /**
     * A new attempt of the step (unless it resumes one), then its "running" record: a run that
     * dies inside the step leaves that record, so the next run reports the step as interrupted
     * (resume or repair) instead of silently running a non-idempotent step twice. The attempt is
     * started first: a run that dies in between leaves the state as it was.
     */
    begin(step: PlanStep): Promise<StepTicket>;
    /** The ticket of a step begun by an earlier call (a controller's dm:step start). */
    resumeTicket(step: PlanStep, date: number): Promise<StepTicket>;
    finish(step: PlanStep, ticket: StepTicket, outcome: StepOutcome): Promise<void>;
    audit(e: AuditEvent): Promise<void>;
    /** OneTable's records for a successful step, and `_schema:Current` kept in step. */
    private recordSuccess;
    /**
     * `repair --mark applied`: records the version applied as its file is now, without running it
     * (the reason kept on the record), and its schema when it is (or becomes) the current version.
     */
    markApplied(m: LoadedMigration, reason: string, currentVersion: string): Promise<void>;
    /** `repair --mark reverted`: removes the version's records, without running its down. */
    markReverted(version: string): Promise<void>;
    /** `_schema:Current` of the version the records now say is current (none at 0.0.0). */
    restoreSchema(): Promise<void>;
    schemaItem(schema: OneTableSchema | undefined): OneTableSchema | undefined;
    private common;
}
/** A step's migration: the reset migration, or the file of its version. */
export declare function migrationOf(project: Project, step: Pick<PlanStep, 'version' | 'kind'>): LoadedMigration;

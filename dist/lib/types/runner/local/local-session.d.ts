import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger.js';
import type { Environment } from '../../core/manifest.js';
import type { RunSettings } from '../../core/run-settings.js';
import { type StatusReport } from '../../core/status.js';
import type { Finding, LogEntry, OneTableSchema, Plan, RunReport, TableState } from '../../core/types.js';
import { type RecoveryPointMode } from '../../dynamodb/recovery-point.js';
import { StateStore } from '../../dynamodb/state-store.js';
import type { Project } from '../../loader/load-project.js';
import type { ValidationReport } from '../../core/validate.js';
import { type ValidateOptions } from '../validate-table.js';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../session.js';
import { type AuditEvent } from '../step/audit.js';
import { TableLedger } from '../step/ledger.js';
import type { BodyResult } from '../step/run-step.js';
import { type StepData } from '../step/step-data.js';
/**
 * An environment run in this process: the lock, records, schema item, checkpoints and audit
 * log are in the table, and the migrations run here. The CLI's default runner, and what a
 * Lambda controller runs inside AWS.
 */
export declare class LocalSession implements MigrationSession {
    readonly project: Project;
    readonly environment: Environment;
    readonly client: DynamoDBClient;
    readonly settings: RunSettings;
    private readonly connection;
    readonly store: StateStore;
    private readonly now;
    constructor(project: Project, environment: Environment, client: DynamoDBClient, settings: RunSettings, connection: {
        log: Logger;
        now?: (() => number) | undefined;
    });
    get log(): Logger;
    private readOnlyCache;
    /** The session's client refusing writes, made once: dry runs and check hooks of every step share it. */
    private readOnly;
    private get run();
    readState(): Promise<TableState>;
    plan(input: PlanInput, state?: TableState | null): Promise<Plan>;
    status(): Promise<StatusReport>;
    apply(plan: Plan, options?: ApplyOptions): Promise<RunReport>;
    /** The table as a run's backend: lock, plans, records and audit log all here. */
    private backend;
    /** The step bookkeeping of a run holding `lockId` (also what a controller's dm:step writes with). */
    ledger(o: {
        lockId: string;
        runId: string;
        planHash: string;
        dataClient?: DynamoDBClient | undefined;
        signal?: AbortSignal | undefined;
    }): TableLedger;
    /**
     * A step's work in this process: the migration's up or down with its ctx, then its `verify`.
     * With a canary (steps up with a verify hook, `canaryPercent` set by the plan): up on the
     * canary's sample, verify on that sample, and only if it passed the rest of the table (the
     * engine takes exactly the items the canary did not), then verify on every item. A failed
     * canary is undone with the step's down, on the same sample, when the step has one.
     */
    execute(step: Plan['steps'][number], data: StepData, signal: AbortSignal, client: DynamoDBClient, o?: {
        verify: boolean;
        canary?: {
            target: TableLedger;
            signal: AbortSignal;
        } | undefined;
    }): Promise<BodyResult>;
    private checked;
    /** Undoes a failed canary with the step's down on the same sample; false when the step has none. */
    private revertCanary;
    /** The `before` hook of a step, on a read-only ctx over every item. */
    before(step: Plan['steps'][number]): Promise<Finding[]>;
    /** The read-only ctx of a `before` or `verify` hook: a client that refuses writes, a counting engine without checkpoints. */
    private checkContext;
    /** What a step's ctx is made of here. */
    contextParts(step: Plan['steps'][number], data: StepData, signal: AbortSignal, client: DynamoDBClient): Promise<{
        client: DynamoDBClient;
        table: string;
        keys: import("../../dynamodb/state-store.js").TableKeys;
        log: Logger;
        data: import("../../dynamodb/bulk/index.js").DataEngine;
        signal: AbortSignal;
        params: {
            dryRun: boolean;
            samplePercent: number | undefined;
        };
        schema: {
            current: OneTableSchema | undefined;
            previous: OneTableSchema | undefined;
        };
    }>;
    unlock(lockId: string, reason?: string): Promise<void>;
    /**
     * `repair`: marks a version applied (accepting its current file and checksum) or reverted
     * (removing its records) without running it. The reason goes to the audit log.
     */
    repair(input: RepairInput): Promise<string>;
    /** Scheduled drift check: version vs target, failed state, stale lock, checksum drift, schema drift. */
    drift(): Promise<DriftReport>;
    readLog(limit?: number): Promise<LogEntry[]>;
    validate(options: ValidateOptions): Promise<ValidationReport>;
    /** The schema `validate` checks against: a version's, else the one stored in the table. */
    schemaToValidate(version: string | undefined, stored?: OneTableSchema | undefined): Promise<OneTableSchema>;
    ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string>;
    /** Appends one entry to the audit log. */
    audit(e: AuditEvent): Promise<void>;
}

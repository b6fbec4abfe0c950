import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RehearsalResult } from '../rehearsal/rehearse.js';
import type { Logger } from '../../core/logger.js';
import type { Environment } from '../../core/manifest.js';
import type { RunSettings } from '../../core/run-settings.js';
import { type StatusReport } from '../../core/status.js';
import type { LogEntry, OneTableSchema, Plan, RunReport, TableState } from '../../core/types.js';
import type { ValidationReport } from '../../core/validate.js';
import { type RecoveryPointMode } from '../../dynamodb/recovery-point.js';
import type { StateStore } from '../../dynamodb/state/state-store.js';
import type { Project } from '../../loader/load-project.js';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../session.js';
import { type ValidateOptions } from '../validate-table.js';
import { TableBackend } from './table-backend.js';
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
    private readonly io;
    /** The table as a run's backend: lock, ledger, audit log and step body (what the controller's lower-level commands use too). */
    readonly table: TableBackend;
    private readonly now;
    constructor(project: Project, environment: Environment, client: DynamoDBClient, settings: RunSettings, io: {
        log: Logger;
        now?: (() => number) | undefined;
    });
    get log(): Logger;
    get store(): StateStore;
    private get run();
    readState(): Promise<TableState>;
    plan(input: PlanInput, state?: TableState | null): Promise<Plan>;
    /** The plan's up steps run in memory on a sample of the table, read-only (see runner/rehearsal). */
    rehearse(plan: Plan, samplePercent: number): Promise<RehearsalResult>;
    status(): Promise<StatusReport>;
    apply(plan: Plan, options?: ApplyOptions): Promise<RunReport>;
    /** The table as a run's backend: lock, plans, records and audit log all here. */
    private backend;
    unlock(lockId: string, reason?: string): Promise<void>;
    /**
     * `repair`: marks a version applied (accepting its current file and checksum) or reverted
     * (removing its records) without running it. The reason goes to the audit log.
     */
    repair(input: RepairInput): Promise<string>;
    /**
     * Scheduled drift check: reads the table, plans, validates the data when the environment asks
     * for it (at no more than the run's read rate), and applies the rules of core/drift.ts.
     */
    drift(): Promise<DriftReport>;
    readLog(limit?: number): Promise<LogEntry[]>;
    validate(options: ValidateOptions): Promise<ValidationReport>;
    /** The schema `validate` checks against: a version's, else the one stored in the table. */
    schemaToValidate(version: string | undefined, stored?: OneTableSchema | undefined): Promise<OneTableSchema>;
    ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string>;
}

import type { Environment } from './manifest.js';
import type { OneTableSchema, Plan, TableState } from './types.js';
import type { ValidationReport } from './validate.js';
/**
 * The scheduled drift check's rules: how a table differs from what the manifest and the
 * migration files say it should be. Pure: the session reads the table, plans, validates when
 * asked, and hands the results here.
 */
/** What a drift finding is about. */
export type DriftKind = 'version' | 'failed-state' | 'stale-lock' | 'schema' | 'checksum' | 'data';
/** One way the table differs from the manifest and the files (not a `before`/`verify` hook's finding). */
export interface DriftFinding {
    kind: DriftKind;
    message: string;
}
/** What the drift check of one environment found. */
export interface DriftReport {
    environment: string;
    table: string;
    currentVersion: string;
    targetVersion: string;
    drifted: boolean;
    findings: DriftFinding[];
    plan: Plan;
    /** The data checked against the schema, when the environment asks for it (`validate:`). */
    validation?: ValidationReport | undefined;
}
/** What the rules look at. */
export interface DriftInput {
    /** The table's state as read (lock, stored `_schema` item). */
    state: Pick<TableState, 'lock' | 'schema'>;
    /** The apply plan from that state to the manifest target (versions, failed state, checksum drift). */
    plan: Pick<Plan, 'table' | 'currentVersion' | 'targetVersion' | 'failed' | 'drift'>;
    /** The schema the current version's migration declares; undefined: nothing to compare the stored one with. */
    schema: OneTableSchema | undefined;
    /** Epoch ms: a lock whose lease ended before this is stale. */
    now: number;
    /** The data checked against the schema, when the environment asked for it. */
    validation?: ValidationReport | undefined;
}
/**
 * Whether the drift check also validates the data, and on what sample: when the environment
 * asks for it (`validate:`) and the table has a schema item to check against.
 */
export declare function driftValidation(validate: Environment['validate'], state: Pick<TableState, 'schema'>): {
    samplePercent: number | undefined;
} | undefined;
/**
 * The drift findings, in the order users read them: the version against the target, a failed
 * step, a stale lock, the stored schema against the current version's, changed files of
 * applied versions, and data that does not fit the schema.
 */
export declare function driftFindings(input: DriftInput): DriftFinding[];
/** The drift report of an environment from its findings. */
export declare function driftReport(environment: string, plan: Plan, findings: DriftFinding[], validation?: ValidationReport | undefined): DriftReport;

import type { LockInfo, MigrationSource, Plan, TableState } from './types.js';
/** What `status` shows: the table's version, what is applied, outstanding, failed, locked. */
export interface StatusReport {
    environment: string;
    table: string;
    currentVersion: string;
    targetVersion: string;
    applied: {
        version: string;
        description: string;
        date: string;
        checksum?: string | undefined;
        actor?: string | undefined;
        /** The file changed since it was applied. */
        drifted: boolean;
        /** No file in the folder for this version. */
        missingFile: boolean;
    }[];
    outstanding: {
        version: string;
        description: string;
        file: string;
    }[];
    /** null when the newest record is a success. */
    failed: NonNullable<Plan['failed']> | null;
    /** null when the table is not locked. */
    lock: (LockInfo & {
        expired: boolean;
    }) | null;
    blockers: Plan['blockers'];
    warnings: Plan['warnings'];
    /** The `_schema:Current` item: its version, and how it differs from the current version's migration. */
    schema: {
        version: string | null;
        matchesMigration: boolean;
        drift: string | null;
    };
    /** Global tables only: the replicas and their replication state (DescribeTable's), this run's region and the home region. */
    global?: Plan['global'];
}
/** Builds the status report from the table state and the plan to the manifest target. */
export declare function buildStatus(state: TableState, migrations: readonly MigrationSource[], plan: Plan, now: number): StatusReport;

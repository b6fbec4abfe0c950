import type { Direction, MigrationRecord } from './types.js';
export declare const SUCCESS = "success";
/** Status of a step's record while it runs; a dead run leaves it behind. */
export declare const RUNNING = "running";
/** The status recorded when a step starts (replaced by its outcome when it ends). */
export declare function runningStatus(actor: string, at: number, lockId: string): string;
/** True for a step that started and has no outcome yet: running now, or interrupted. */
export declare function isRunningStatus(status: string): boolean;
/** What the `_migration` records say, computed as OneTable computes it. */
export interface History {
    /** Highest semver among all records (failed ones included, as OneTable does), else 0.0.0. */
    currentVersion: string;
    /** The latest success record of each applied semver version, ascending. */
    applied: MigrationRecord[];
    /** The newest record, when it is not a success: the table is in a failed state. */
    failed?: (MigrationRecord & {
        direction: Direction;
    }) | undefined;
}
/** Derives the current version, applied versions and failed state from the records. */
export declare function readHistory(records: readonly MigrationRecord[]): History;
/** Short identity of the state a plan was made from: changes whenever any record changes. */
export declare function stateRevisionOf(records: readonly MigrationRecord[]): string;

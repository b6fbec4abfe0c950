import type { Plan, PlanCommand, RunReport } from '../core/types.js';
import type { TableBackend } from '../runner/local/table-backend.js';
import type { MigrationSession } from '../runner/session.js';
/**
 * OneTable Migrate's read API, computed from our records exactly as OneTable computes it, so
 * OneTable's CLI and SenseDeep's migration manager see the answers they expect.
 */
export declare const oneTableReads: {
    /** Highest semver among all records (failed ones included), else 0.0.0. */
    getCurrentVersion(session: TableBackend): Promise<string>;
    /** Semver versions of every record, sorted (duplicates kept, as OneTable returns them). */
    getPastVersions(session: TableBackend): Promise<string[]>;
    /** Every record, named ones included, oldest first; dates as OneTable's Date serialises over JSON. */
    getPastMigrations(session: TableBackend): Promise<Record<string, unknown>[]>;
    /** Semver files with no record at all (gaps below the current version included), up to limit. */
    getOutstandingVersions(session: TableBackend, limit?: number): Promise<string[]>;
    /** The outstanding migrations as OneTable's loadMigration returns them, minus the functions JSON drops. */
    getOutstandingMigrations(session: TableBackend, limit?: number): Promise<Record<string, unknown>[]>;
    /** Non-semver migrations: ours has one, `reset`. */
    getNamedVersions(session: TableBackend, limit?: number): string[];
};
/** OneTable's action codes. */
export type OneTableAction = 'up' | 'down' | 'reset' | 'repeat' | 1 | -1 | 0 | 2;
/**
 * Maps OneTable's `apply(action, version)` onto a plan of ours. The resulting current version
 * is what OneTable's CLI expects after the call:
 * - up V: every outstanding version above the current one up to V (`to V`); at or below the
 *   current version it does nothing, as OneTable does.
 * - down V: reverts V, which must be the current version. OneTable's CLI reverts one version per
 *   call, naming the current one (for `onetable <lower version>`, one call per past record above
 *   it, each naming the record object): a down naming anything else would revert something
 *   else, so it is refused with nothing written.
 * - repeat V: re-runs the current version's up (V, when given, must be it).
 * - reset: our reset (allow-reset is still required).
 * The version is never guessed: a missing one (for up and down), or one that is not a semver
 * string (or a past-migration object holding one), is bad input.
 */
export declare function planOneTableApply(session: MigrationSession, action: unknown, version: unknown): Promise<{
    plan: Plan;
    command: PlanCommand;
}>;
/**
 * What OneTable's apply returns, minus the functions JSON drops: the last version run up, or
 * for a down the version that was current before (OneTable's CLI prints "Downgrade from" it).
 */
export declare function oneTableApplyResult(session: MigrationSession, report: RunReport, planned: Plan): Record<string, unknown>;
/** Throws when a report is not a success: OneTable's callers learn of failures by the Lambda error. */
export declare function assertSucceeded(report: RunReport): void;

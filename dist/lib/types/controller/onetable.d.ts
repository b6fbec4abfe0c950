import type { Plan, PlanCommand, RunReport } from '../core/types.js';
import type { LocalSession as Session } from '../runner/local/local-session.js';
/**
 * OneTable Migrate's read API, computed from our records exactly as OneTable computes it, so
 * OneTable's CLI and SenseDeep's migration manager see the answers they expect.
 */
export declare const oneTableReads: {
    /** Highest semver among all records (failed ones included), else 0.0.0. */
    getCurrentVersion(session: Session): Promise<string>;
    /** Semver versions of every record, sorted (duplicates kept, as OneTable returns them). */
    getPastVersions(session: Session): Promise<string[]>;
    /** Every record, named ones included, oldest first; dates as OneTable's Date serialises over JSON. */
    getPastMigrations(session: Session): Promise<Record<string, unknown>[]>;
    /** Semver files with no record at all (gaps below the current version included), up to limit. */
    getOutstandingVersions(session: Session, limit?: number): Promise<string[]>;
    /** The outstanding migrations as OneTable's loadMigration returns them, minus the functions JSON drops. */
    getOutstandingMigrations(session: Session, limit?: number): Promise<Record<string, unknown>[]>;
    /** Non-semver migrations: ours has one, `reset`. */
    getNamedVersions(session: Session, limit?: number): string[];
};
/** OneTable's action codes. */
export type OneTableAction = 'up' | 'down' | 'reset' | 'repeat' | 1 | -1 | 0 | 2;
/**
 * Maps OneTable's `apply(action, version)` onto a plan of ours. The resulting current version
 * is what OneTable's CLI expects after the call:
 * - up V: every outstanding version above the current one up to V (`to V`); at or below the
 *   current version it does nothing, as OneTable does.
 * - down V: OneTable reverts V itself and everything above it, so the table ends at the
 *   highest applied version below V. Ours never runs a target's own down, so this becomes
 *   `to <that version>` (0.0.0 when V is the first). OneTable's CLI reverts one version per
 *   call, naming the current one: that is exactly one down step.
 * - repeat: re-runs the current version's up. reset: our reset (allow-reset is still required).
 */
export declare function planOneTableApply(session: Session, action: unknown, version: unknown): Promise<{
    plan: Plan;
    command: PlanCommand;
}>;
/**
 * What OneTable's apply returns, minus the functions JSON drops: the last version run up, or
 * for a down the version that was current before (OneTable's CLI prints "Downgrade from" it).
 */
export declare function oneTableApplyResult(session: Session, report: RunReport): Record<string, unknown>;
/** Throws when a report is not a success: OneTable's callers learn of failures by the Lambda error. */
export declare function assertSucceeded(report: RunReport): void;

import { shortChecksum } from './checksum.js';
import { type ReplicationSettings } from './global-table.js';
import type { Environment } from './manifest.js';
import type { MigrationSource, Plan, PlanCommand, TableState } from './types.js';
export interface PlanInput {
    command: PlanCommand;
    environment: Pick<Environment, 'name' | 'table' | 'target' | 'protected' | 'allow-reset'> & ReplicationSettings;
    /** Semver migrations from the folder, any order. */
    migrations: readonly MigrationSource[];
    reset?: MigrationSource | undefined;
    /** Table state; undefined when it could not be read (a fork PR): plan from files only. */
    state: TableState | undefined;
    /** Target version for `to`. */
    version?: string | undefined;
    /** Re-run the failed step first (apply --resume). */
    resume?: boolean | undefined;
    /** Epoch ms, to judge lock leases. */
    now: number;
    /** Canary percentage of the run (flag, else the manifest's `canary`): steps up with a verify hook take it first. */
    canaryPercent?: number | undefined;
    /** The run's write limit (RunSettings.writeRate, resolved once): the time estimate's rate. */
    writeRate?: number | undefined;
}
/**
 * Plans the steps that take the table from its current version to the target of the given
 * command. Pure: the same input gives the same plan and hash. Problems a person must act on
 * are `blockers` (apply refuses while any exist); the rest are `warnings`.
 */
export declare function planMigrations(input: PlanInput): Plan;
/** The short checksum used in rendered plans. */
export { shortChecksum };

import type { Environment } from './manifest.js';
import type { GlobalTableInfo, Plan, PlanBlocker, PlanWarning } from './types.js';
/**
 * Global tables. Replicas resolve conflicting writes last-writer-wins and check a condition
 * only against their own copy, so a lock or a record written in one region protects nothing
 * against a run in another. A global table therefore has one home region for its migrations:
 * the lock, records, schema item, log and checkpoints are read and written only there, and a
 * run that reaches any other replica may plan and look but never write. Pure: DescribeTable's
 * answer comes in as `GlobalTableInfo`.
 */
/** The manifest fields that decide where an environment's migrations may run. */
export type ReplicationSettings = Pick<Environment, 'name' | 'table'> & Partial<Pick<Environment, 'region' | 'home-region' | 'global-table'>>;
/** What stops a run from writing state here, and what to do instead. */
export interface HomeRegionProblem {
    message: string;
    next: string;
}
/** The home region of an environment's migrations: `home-region`, else `region` (undefined: the manifest says neither). */
export declare function homeRegionOf(env: Partial<Pick<Environment, 'region' | 'home-region'>>): string | undefined;
/** Replicas that apply every write: one per region holding a copy (witnesses hold none). */
export declare function replicaCount(global: GlobalTableInfo | undefined): number;
/**
 * Why a run that reached `region` may not write the migration state of `env`'s table, or
 * undefined when it may. Used by the plan (as a blocker) and by the state store before any
 * write (as a refusal), so the two can never disagree.
 */
export declare function homeRegionProblem(env: ReplicationSettings, region: string | undefined, global: GlobalTableInfo | undefined): HomeRegionProblem | undefined;
/**
 * What a plan says about the table's replication: blockers when this run may not migrate it
 * from here (or the manifest disagrees with DescribeTable), warnings about replicas that are
 * not ACTIVE and about what differs on MRSC and legacy tables, and the replica set to show.
 */
export declare function reviewReplication(env: ReplicationSettings, state: {
    region?: string | undefined;
    global?: GlobalTableInfo | undefined;
} | undefined): {
    blockers: PlanBlocker[];
    warnings: PlanWarning[];
    global?: Plan['global'];
};

import type { Environment } from './manifest';
import type { GlobalTableInfo, Plan, PlanBlocker, PlanWarning } from './types';

/**
 * Global tables. Replicas resolve conflicting writes last-writer-wins and check a condition
 * only against their own copy, so a lock or a record written in one region protects nothing
 * against a run in another. A global table therefore has one home region for its migrations:
 * the lock, records, schema item, log and checkpoints are read and written only there, and a
 * run that reaches any other replica may plan and look but never write. Pure: DescribeTable's
 * answer comes in as `GlobalTableInfo`.
 */

/** The manifest fields that decide where an environment's migrations may run. */
export type ReplicationSettings = Pick<Environment, 'name' | 'table'> &
  Partial<Pick<Environment, 'region' | 'home-region' | 'global-table'>>;

/** What stops a run from writing state here, and what to do instead. */
export interface HomeRegionProblem {
  message: string;
  next: string;
}

/** The home region of an environment's migrations: `home-region`, else `region` (undefined: the manifest says neither). */
export function homeRegionOf(env: Partial<Pick<Environment, 'region' | 'home-region'>>): string | undefined {
  return env['home-region'] ?? env.region;
}

/** Replicas that apply every write: one per region holding a copy (witnesses hold none). */
export function replicaCount(global: GlobalTableInfo | undefined): number {
  return global ? Math.max(1, global.replicas.length) : 1;
}

function regionList(global: GlobalTableInfo): string {
  return global.replicas.map((r) => r.region).join(', ');
}

/**
 * Why a run that reached `region` may not write the migration state of `env`'s table, or
 * undefined when it may. Used by the plan (as a blocker) and by the state store before any
 * write (as a refusal), so the two can never disagree.
 */
export function homeRegionProblem(
  env: ReplicationSettings,
  region: string | undefined,
  global: GlobalTableInfo | undefined,
): HomeRegionProblem | undefined {
  const table = env.table;
  const where = `environments.${env.name}`;
  const home = homeRegionOf(env);
  if (!global) {
    if (env['global-table'] === true) {
      return {
        message: `${where} says global-table: true, but ${table}${region ? ` in ${region}` : ''} is not a global table (DescribeTable lists no replicas in other regions).`,
        next: `Check the region this run uses (--region, the environment's region, AWS_REGION), or remove global-table: true.`,
      };
    }
    if (env['home-region'] && region && env['home-region'] !== region) {
      return {
        message: `${where}.home-region is ${env['home-region']}, but ${table} in ${region} is not a global table: it has no replica in ${env['home-region']} to hold its migrations.`,
        next: `Remove home-region from ${where}; if ${table} in ${region} is a regional table of its own, mark it global-table: false.`,
      };
    }
    return undefined;
  }
  const replicas = regionList(global);
  const described = `${table} is a global table (replicas in ${replicas}${global.consistency === 'STRONG' ? ', multi-Region strong consistency' : ''})`;
  if (env['global-table'] === false) {
    return {
      message: `${where} says global-table: false, but ${described}.`,
      next: `Remove global-table: false and give every environment of ${table} the same home-region.`,
    };
  }
  if (!home) {
    return {
      message:
        `${described}, and ${where} names neither a region nor a home-region: which replica holds its lock and records would depend on the AWS region each run happens to use ` +
        `(this one: ${region ?? 'unknown'}), and two runs in two regions would both take "the" lock and both migrate.`,
      next: `Set home-region: <one of ${replicas}> on ${where} in the manifest.`,
    };
  }
  const legacy = global.version?.startsWith('2017') === true;
  if (!legacy && !global.replicas.some((r) => r.region === home)) {
    const witness = global.witnesses.some((w) => w.region === home);
    return {
      message: `${where}${env['home-region'] ? '.home-region' : '.region'} is ${home}, but ${table} has no replica there${witness ? ` (${home} is its MRSC witness, which serves no reads or writes)` : ''}: its replicas are in ${replicas}.`,
      next: `Set home-region on ${where} to one of ${replicas}.`,
    };
  }
  if (region !== home) {
    return {
      message:
        `${described}; this run reaches its replica in ${region ?? 'an unknown region'}, but the home region of its migrations is ${home} (${where}${env['home-region'] ? '.home-region' : '.region'}). ` +
        `The lock, records, schema item and log are written only there: a replica checks a condition only against its own copy, so a run here would not see one in ${home}.`,
      next: `Run it against ${home}: --region ${home}, or the environment whose region is ${home}. To move the home, change home-region on every environment of ${table} while no run holds the lock.`,
    };
  }
  return undefined;
}

/**
 * What a plan says about the table's replication: blockers when this run may not migrate it
 * from here (or the manifest disagrees with DescribeTable), warnings about replicas that are
 * not ACTIVE and about what differs on MRSC and legacy tables, and the replica set to show.
 */
export function reviewReplication(
  env: ReplicationSettings,
  state: { region?: string | undefined; global?: GlobalTableInfo | undefined } | undefined,
): { blockers: PlanBlocker[]; warnings: PlanWarning[]; global?: Plan['global'] } {
  if (!state) return { blockers: [], warnings: [] };
  const problem = homeRegionProblem(env, state.region, state.global);
  const blockers: PlanBlocker[] = problem ? [{ kind: 'refused', message: problem.message, next: problem.next }] : [];
  const warnings: PlanWarning[] = [];
  const g = state.global;
  if (!g) return { blockers, warnings };
  for (const r of g.replicas) {
    // UPDATING replicas (a GSI or capacity change) replicate as usual.
    if (r.status && r.status !== 'ACTIVE' && r.status !== 'UPDATING') {
      warnings.push({
        code: 'replica-not-active',
        message: `The replica of ${env.table} in ${r.region} is ${r.status}${r.progress ? ` (${r.progress}%)` : ''}${r.detail ? `: ${r.detail}` : ''}: it may not show this migration's writes until it is ACTIVE again.`,
      });
    }
  }
  if (g.consistency === 'STRONG') {
    warnings.push({
      code: 'mrsc',
      message: `${env.table} uses multi-Region strong consistency, which has no transactions: the state is written one item at a time, each after checking the lock is still ours (see docs/global-tables.md).`,
    });
  }
  if (g.version?.startsWith('2017')) {
    warnings.push({
      code: 'legacy-global-table',
      message: `${env.table} is a legacy (2017.11.29) global table: DescribeTable may not list its replicas, so only this run's region is checked against the home region. AWS recommends upgrading to version 2019.11.21.`,
    });
  }
  return { blockers, warnings, global: { ...g, home: homeRegionOf(env) } };
}

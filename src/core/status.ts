import { checksumDrift } from './checksum';
import { readHistory } from './history';
import { schemaDriftOf } from './schema-diff';
import type { LockInfo, MigrationSource, Plan, TableState } from './types';
import { compareVersions } from './version';

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
  outstanding: { version: string; description: string; file: string }[];
  /** null when the newest record is a success. */
  failed: NonNullable<Plan['failed']> | null;
  /** null when the table is not locked. */
  lock: (LockInfo & { expired: boolean }) | null;
  blockers: Plan['blockers'];
  warnings: Plan['warnings'];
  /** The `_schema:Current` item: its version, and how it differs from the current version's migration. */
  schema: { version: string | null; matchesMigration: boolean; drift: string | null };
  /** Global tables only: the replicas and their replication state (DescribeTable's), this run's region and the home region. */
  global?: Plan['global'];
}

/** Builds the status report from the table state and the plan to the manifest target. */
export function buildStatus(
  state: TableState,
  migrations: readonly MigrationSource[],
  plan: Plan,
  now: number,
): StatusReport {
  const history = readHistory(state.records);
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const appliedSet = new Set(history.applied.map((r) => r.version));
  return {
    environment: plan.environment,
    table: plan.table,
    currentVersion: history.currentVersion,
    targetVersion: plan.targetVersion,
    applied: history.applied.map((r) => {
      const m = byVersion.get(r.version);
      return {
        version: r.version,
        description: r.description || m?.description || '',
        date: new Date(r.date).toISOString(),
        checksum: r.checksum,
        actor: r.actor,
        drifted: !!m && !!checksumDrift(r, m),
        missingFile: !m,
      };
    }),
    outstanding: migrations
      .filter((m) => !appliedSet.has(m.version) && compareVersions(m.version, history.currentVersion) > 0)
      .map((m) => ({ version: m.version, description: m.description, file: m.file })),
    failed: plan.failed ?? null,
    lock: state.lock ? { ...state.lock, expired: state.lock.leaseExpiresAt <= now } : null,
    blockers: plan.blockers,
    warnings: plan.warnings,
    schema: schemaStatus(state, migrations.find((m) => m.version === history.currentVersion)?.schema),
    ...(plan.global ? { global: plan.global } : {}),
  };
}

function schemaStatus(state: TableState, expected: MigrationSource['schema']): StatusReport['schema'] {
  const drift = schemaDriftOf(state.schema, expected) ?? null;
  return {
    version: typeof state.schema?.version === 'string' ? state.schema.version : null,
    matchesMigration: drift === null,
    drift,
  };
}

import type { Direction, MigrationRecord } from './types';
import { ZERO, compareVersions, isVersion, maxVersion } from './version';

export const SUCCESS = 'success';

/** Status of a step's record while it runs; a dead run leaves it behind. */
export const RUNNING = 'running';

/** The status recorded when a step starts (replaced by its outcome when it ends). */
export function runningStatus(actor: string, at: number, lockId: string): string {
  return `${RUNNING}: started by ${actor} at ${new Date(at).toISOString()} under lock ${lockId}`;
}

/** True for a step that started and has no outcome yet: running now, or interrupted. */
export function isRunningStatus(status: string): boolean {
  return status.startsWith(`${RUNNING}:`);
}

/** What the `_migration` records say, computed as OneTable computes it. */
export interface History {
  /** Highest semver among all records (failed ones included, as OneTable does), else 0.0.0. */
  currentVersion: string;
  /** The latest success record of each applied semver version, ascending. */
  applied: MigrationRecord[];
  /** The newest record, when it is not a success: the table is in a failed state. */
  failed?: (MigrationRecord & { direction: Direction }) | undefined;
}

/** Derives the current version, applied versions and failed state from the records. */
export function readHistory(records: readonly MigrationRecord[]): History {
  const semverRecords = records.filter((r) => isVersion(r.version));
  const currentVersion = maxVersion(semverRecords.map((r) => r.version)) ?? ZERO;
  const latestSuccess = new Map<string, MigrationRecord>();
  for (const r of semverRecords) {
    if (r.status !== SUCCESS) continue;
    const prev = latestSuccess.get(r.version);
    if (!prev || r.date >= prev.date) latestSuccess.set(r.version, r);
  }
  const applied = [...latestSuccess.values()].sort((a, b) => compareVersions(a.version, b.version));
  const newest = [...records].sort((a, b) => b.date - a.date || b.key.localeCompare(a.key))[0];
  const failed = newest && newest.status !== SUCCESS ? { ...newest, direction: newest.direction ?? 'up' } : undefined;
  return { currentVersion, applied, failed };
}

/** Short identity of the state a plan was made from: changes whenever any record changes. */
export function stateRevisionOf(records: readonly MigrationRecord[]): string {
  return records
    .map((r) => `${r.key}=${r.status === SUCCESS ? 's' : 'f'}${r.checksum ?? ''}`)
    .sort()
    .join('|');
}

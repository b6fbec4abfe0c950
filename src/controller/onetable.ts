import { InputError, MigrationBlockedError, MigrationFailedError } from '../core/errors';
import { readHistory } from '../core/history';
import type { MigrationRecord, Plan, PlanCommand, RunReport } from '../core/types';
import { RESET, ZERO, compareVersions, isVersion } from '../core/version';
import type { LoadedMigration } from '../loader/load-project';
import { exitCodeOfReport } from '../core/outcome';
import type { LocalSession as Session } from '../runner/local/local-session';

/**
 * OneTable Migrate's read API, computed from our records exactly as OneTable computes it, so
 * OneTable's CLI and SenseDeep's migration manager see the answers they expect.
 */
export const oneTableReads = {
  /** Highest semver among all records (failed ones included), else 0.0.0. */
  async getCurrentVersion(session: Session): Promise<string> {
    return readHistory(await session.store.readRecords()).currentVersion;
  },

  /** Semver versions of every record, sorted (duplicates kept, as OneTable returns them). */
  async getPastVersions(session: Session): Promise<string[]> {
    return (await session.store.readRecords())
      .map((r) => r.version)
      .filter(isVersion)
      .sort(compareVersions);
  },

  /** Every record, named ones included, oldest first; dates as OneTable's Date serialises over JSON. */
  async getPastMigrations(session: Session): Promise<Record<string, unknown>[]> {
    return (await session.store.readRecords()).map(pastMigration);
  },

  /** Semver files with no record at all (gaps below the current version included), up to limit. */
  async getOutstandingVersions(session: Session, limit?: number): Promise<string[]> {
    const past = new Set((await session.store.readRecords()).map((r) => r.version));
    return session.project.migrations
      .map((m) => m.version)
      .filter((v) => !past.has(v))
      .slice(0, limitOf(limit));
  },

  /** The outstanding migrations as OneTable's loadMigration returns them, minus the functions JSON drops. */
  async getOutstandingMigrations(session: Session, limit?: number): Promise<Record<string, unknown>[]> {
    const versions = await oneTableReads.getOutstandingVersions(session, limit);
    return versions.map((v) => describeMigration(session.project.migrations.find((m) => m.version === v)!));
  },

  /** Non-semver migrations: ours has one, `reset`. */
  getNamedVersions(session: Session, limit?: number): string[] {
    return (session.project.reset ? [RESET] : []).slice(0, limitOf(limit));
  },
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
export async function planOneTableApply(
  session: Session,
  action: unknown,
  version: unknown,
): Promise<{ plan: Plan; command: PlanCommand }> {
  const a = normalizeAction(action);
  const state = await session.readState();
  const history = readHistory(state.records);
  const current = history.currentVersion;
  const v = typeof version === 'string' && version ? version : undefined;
  switch (a) {
    case 'up': {
      const target = v ?? session.project.migrations.find((m) => compareVersions(m.version, current) > 0)?.version;
      if (!target || (isVersion(target) && compareVersions(target, current) <= 0)) {
        return {
          plan: await session.plan({ command: 'to', version: current === ZERO ? ZERO : current }, state),
          command: 'to',
        };
      }
      if (!isVersion(target)) throw new InputError(`apply up ${target}: not a semver version.`);
      return { plan: await session.plan({ command: 'to', version: target }, state), command: 'to' };
    }
    case 'down': {
      const reverting = v ?? current;
      if (!isVersion(reverting)) throw new InputError(`apply down ${reverting}: not a semver version.`);
      const below = history.applied.filter((r) => compareVersions(r.version, reverting) < 0).at(-1)?.version ?? ZERO;
      const target = compareVersions(reverting, current) > 0 ? current : below;
      return { plan: await session.plan({ command: 'to', version: target }, state), command: 'to' };
    }
    case 'repeat':
      return { plan: await session.plan({ command: 'repeat' }, state), command: 'repeat' };
    case 'reset':
      return { plan: await session.plan({ command: 'reset' }, state), command: 'reset' };
  }
}

/**
 * What OneTable's apply returns, minus the functions JSON drops: the last version run up, or
 * for a down the version that was current before (OneTable's CLI prints "Downgrade from" it).
 */
export function oneTableApplyResult(session: Session, report: RunReport): Record<string, unknown> {
  const steps = report.plan.steps;
  const step = steps.find((s) => s.direction === 'down') ?? steps.at(-1);
  const version = step?.version ?? report.plan.targetVersion;
  const m =
    step?.kind === 'reset' ? session.project.reset : session.project.migrations.find((x) => x.version === version);
  return m ? describeMigration(m) : { version, description: '', path: '' };
}

/** Throws when a report is not a success: OneTable's callers learn of failures by the Lambda error. */
export function assertSucceeded(report: RunReport): void {
  if (exitCodeOfReport(report) === 0) return;
  const message = [report.error ?? `apply ${report.status}`, report.next].filter(Boolean).join(' ');
  const failed = report.steps.find((s) => s.status === 'failed');
  throw report.status === 'blocked'
    ? new MigrationBlockedError(message)
    : new MigrationFailedError(message, failed?.version ?? report.plan.targetVersion, failed?.direction ?? 'up');
}

function normalizeAction(action: unknown): 'up' | 'down' | 'reset' | 'repeat' {
  switch (action) {
    case 'up':
    case 1:
    case '1':
      return 'up';
    case 'down':
    case -1:
    case '-1':
      return 'down';
    case 'reset':
    case 'latest':
    case 0:
    case '0':
      return 'reset';
    case 'repeat':
    case 2:
    case '2':
      return 'repeat';
    default:
      throw new InputError(
        `apply: unknown action ${JSON.stringify(action)} (expected up|1, down|-1, reset|0 or repeat|2; named migrations other than reset are not supported).`,
      );
  }
}

function describeMigration(m: LoadedMigration): Record<string, unknown> {
  return { version: m.version, description: m.description, path: m.path, schema: m.schema };
}

function pastMigration(r: MigrationRecord): Record<string, unknown> {
  const { key: _key, ...rest } = r;
  return { ...rest, date: new Date(r.date).toISOString() };
}

function limitOf(limit: number | undefined): number {
  return typeof limit === 'number' && limit >= 0 ? limit : Number.MAX_SAFE_INTEGER;
}

import { InputError, MigrationBlockedError, MigrationFailedError } from '../core/errors';
import { readHistory } from '../core/history';
import type { MigrationRecord, Plan, PlanCommand, RunReport } from '../core/types';
import { RESET, compareVersions, isVersion } from '../core/version';
import type { LoadedMigration } from '../loader/load-project';
import { exitCodeOfReport } from '../core/outcome';
import type { TableBackend } from '../runner/local/table-backend';
import type { MigrationSession } from '../runner/session';

/**
 * OneTable Migrate's read API, computed from our records exactly as OneTable computes it, so
 * OneTable's CLI and SenseDeep's migration manager see the answers they expect.
 */
export const oneTableReads = {
  /** Highest semver among all records (failed ones included), else 0.0.0. */
  async getCurrentVersion(session: TableBackend): Promise<string> {
    return readHistory(await session.readRecords()).currentVersion;
  },

  /** Semver versions of every record, sorted (duplicates kept, as OneTable returns them). */
  async getPastVersions(session: TableBackend): Promise<string[]> {
    return (await session.readRecords())
      .map((r) => r.version)
      .filter(isVersion)
      .sort(compareVersions);
  },

  /** Every record, named ones included, oldest first; dates as OneTable's Date serialises over JSON. */
  async getPastMigrations(session: TableBackend): Promise<Record<string, unknown>[]> {
    return (await session.readRecords()).map(pastMigration);
  },

  /** Semver files with no record at all (gaps below the current version included), up to limit. */
  async getOutstandingVersions(session: TableBackend, limit?: number): Promise<string[]> {
    const past = new Set((await session.readRecords()).map((r) => r.version));
    return session.project.migrations
      .map((m) => m.version)
      .filter((v) => !past.has(v))
      .slice(0, limitOf(limit));
  },

  /** The outstanding migrations as OneTable's loadMigration returns them, minus the functions JSON drops. */
  async getOutstandingMigrations(session: TableBackend, limit?: number): Promise<Record<string, unknown>[]> {
    const versions = await oneTableReads.getOutstandingVersions(session, limit);
    return versions.map((v) => describeMigration(session.project.migrations.find((m) => m.version === v)!));
  },

  /** Non-semver migrations: ours has one, `reset`. */
  getNamedVersions(session: TableBackend, limit?: number): string[] {
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
 * - down V: reverts V, which must be the current version. OneTable's CLI reverts one version per
 *   call, naming the current one (for `onetable <lower version>`, one call per past record above
 *   it, each naming the record object): a down naming anything else would revert something
 *   else, so it is refused with nothing written.
 * - repeat V: re-runs the current version's up (V, when given, must be it).
 * - reset: our reset (allow-reset is still required).
 * The version is never guessed: a missing one (for up and down), or one that is not a semver
 * string (or a past-migration object holding one), is bad input.
 */
export async function planOneTableApply(
  session: MigrationSession,
  action: unknown,
  version: unknown,
): Promise<{ plan: Plan; command: PlanCommand }> {
  const a = normalizeAction(action);
  const v = versionOf(a, version);
  const state = await session.readState();
  const current = readHistory(state.records).currentVersion;
  switch (a) {
    case 'up': {
      // At or below the current version: nothing to do, as in OneTable.
      const target = v !== undefined && compareVersions(v, current) > 0 ? v : current;
      return { plan: await session.plan({ command: 'to', version: target }, state), command: 'to' };
    }
    case 'down':
      if (v !== current) {
        throw new InputError(
          `apply down ${v}: the table is at ${current}, and a down reverts only the current version; nothing was reverted or written. Name ${current} to revert it.`,
        );
      }
      return { plan: await session.plan({ command: 'down' }, state), command: 'down' };
    case 'repeat':
      if (v !== undefined && v !== current) {
        throw new InputError(
          `apply repeat ${v}: the table is at ${current}, and repeat re-runs only the current version; nothing was run or written.`,
        );
      }
      return { plan: await session.plan({ command: 'repeat' }, state), command: 'repeat' };
    case 'reset':
      return { plan: await session.plan({ command: 'reset' }, state), command: 'reset' };
  }
}

/**
 * The version an apply names: a semver string, or a past-migration record (what OneTable's CLI
 * sends for a down to a version) read as its `version`. reset takes `reset`, `latest` or none;
 * repeat may name none (the current version).
 */
function versionOf(action: 'up' | 'down' | 'reset' | 'repeat', version: unknown): string | undefined {
  const given =
    version !== null && typeof version === 'object' && 'version' in version
      ? (version as { version: unknown }).version
      : version;
  const none = given === undefined || given === null || given === '';
  if (action === 'reset') {
    if (none || given === RESET || given === 'latest') return undefined;
    throw new InputError(
      `apply reset: version ${describeValue(version)} is not reset (or latest); nothing was run or written.`,
    );
  }
  if (action === 'repeat' && none) return undefined;
  if (typeof given !== 'string' || !isVersion(given)) {
    throw new InputError(
      `apply ${action}: version ${describeValue(version)} is not a semver version (expected e.g. "1.2.0", or a past migration {version: "1.2.0", ...}); nothing was run or written.`,
    );
  }
  return given;
}

function describeValue(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * What OneTable's apply returns, minus the functions JSON drops: the last version run up, or
 * for a down the version that was current before (OneTable's CLI prints "Downgrade from" it).
 */
export function oneTableApplyResult(
  session: MigrationSession,
  report: RunReport,
  planned: Plan,
): Record<string, unknown> {
  const steps = report.plan.steps;
  const step = steps.find((s) => s.direction === 'down') ?? steps.at(-1);
  const version = step?.version ?? report.plan.targetVersion;
  const m =
    step?.kind === 'reset' ? session.project.reset : session.project.migrations.find((x) => x.version === version);
  const result = m ? describeMigration(m) : { version, description: '', path: '' };
  if (report.status !== 'dry-run') return result;
  // A dry run wrote nothing: say so, and what would have run.
  return {
    ...result,
    dry: true,
    wouldRun: planned.steps.map((s) => `${s.kind === 'migrate' ? s.direction : s.kind} ${s.version}`),
  };
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

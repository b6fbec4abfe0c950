import { CHECKSUM_ALGORITHM, checksumDrift, hashOf, shortChecksum } from './checksum';
import { InputError, RefusedError } from './errors';
import { replicaCount, reviewReplication, type ReplicationSettings } from './global-table';
import { isRunningStatus, readHistory, stateRevisionOf } from './history';
import { diffSchemas } from './schema-diff';
import type { Environment } from './manifest';
import type {
  DriftEntry,
  MigrationSource,
  Plan,
  PlanBlocker,
  PlanCommand,
  PlanEstimate,
  PlanStep,
  PlanWarning,
  TableState,
} from './types';
import { RESET, ZERO, compareVersions, isVersion } from './version';

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

const step = (m: MigrationSource, direction: 'up' | 'down', kind: PlanStep['kind'] = 'migrate'): PlanStep => ({
  version: m.version,
  direction,
  description: m.description,
  file: m.file,
  checksum: m.checksum,
  reversible: m.hasDown && !m.irreversible,
  idempotent: m.idempotent,
  kind,
  ...(m.hasBefore || m.hasVerify
    ? { checks: [...(m.hasBefore ? ['before' as const] : []), ...(m.hasVerify ? ['verify' as const] : [])] }
    : {}),
});

/**
 * Plans the steps that take the table from its current version to the target of the given
 * command. Pure: the same input gives the same plan and hash. Problems a person must act on
 * are `blockers` (apply refuses while any exist); the rest are `warnings`.
 */
export function planMigrations(input: PlanInput): Plan {
  const { environment: env, state, command } = input;
  const migrations = [...input.migrations].sort((a, b) => compareVersions(a.version, b.version));
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const latest = migrations.at(-1)?.version ?? ZERO;
  const history = readHistory(state?.records ?? []);
  const current = history.currentVersion;
  const appliedVersions = new Set(history.applied.map((r) => r.version));
  const warnings: PlanWarning[] = [];
  const blockers: PlanBlocker[] = [];

  // Drift: an applied file that changed since it ran.
  const drift: DriftEntry[] = [];
  for (const r of history.applied) {
    const m = byVersion.get(r.version);
    const d = m ? checksumDrift(r, m) : undefined;
    if (m && r.checksum && d) {
      const current = d.fileOnly ? (m.fileChecksum ?? m.checksum) : m.checksum;
      drift.push({
        version: r.version,
        file: m.file,
        recorded: r.checksum,
        current,
        ...(d.changed.length ? { changed: d.changed } : {}),
      });
      blockers.push({
        kind: 'drift',
        version: r.version,
        message: d.changed.length
          ? `${d.changed.join(', ')} changed after version ${r.version} was applied (${m.file} and the local modules it imports: recorded ${r.checksum}, now ${current}).`
          : m.sources && !d.fileOnly
            ? `${m.file} or a local module it imports changed after version ${r.version} was applied (recorded ${r.checksum}, now ${current}).`
            : `${m.file} changed after version ${r.version} was applied (recorded ${r.checksum}, file now ${current}).`,
        next: `Restore the files as they were applied, or accept them with: repair --version ${r.version} --mark applied --reason "<why the change is safe>".`,
      });
    } else if (m?.sources && r.checksum?.startsWith(`${CHECKSUM_ALGORITHM}:`)) {
      warnings.push({
        code: 'checksum-file-only',
        version: r.version,
        message: `version ${r.version} was recorded by an earlier release with the checksum of ${m.file} alone: edits to the modules it imports (${Object.keys(
          m.sources,
        )
          .filter((f) => f !== m.file.split('/').pop())
          .join(
            ', ',
          )}) are not detected until it is recorded again with: repair --version ${r.version} --mark applied --reason "record the checksum of its imports".`,
      });
    }
  }

  // Out of order: a version below the table's that never ran.
  if (state) {
    for (const m of migrations) {
      if (compareVersions(m.version, current) < 0 && !appliedVersions.has(m.version)) {
        blockers.push({
          kind: 'out-of-order',
          version: m.version,
          message: `${m.file} (${m.version}) is below the table's version ${current} but was never applied.`,
          next: `Give it a version above ${latest} (rename the file and its version property); earlier versions never run once the table has passed them.`,
        });
      }
    }
    for (const r of history.applied) {
      if (!byVersion.has(r.version)) {
        warnings.push({
          code: 'missing-file',
          version: r.version,
          message: `version ${r.version} is recorded as applied but has no file in the folder (recorded path ${r.path || 'unknown'}).`,
        });
      }
    }
  }

  // Failed state left by an earlier run.
  let failed: Plan['failed'];
  let resumeStep: PlanStep | undefined;
  // A "running" record under a live lock is a step in progress, not a failure: the lock
  // makes other runs wait (or exit 3), and they plan again once they hold it.
  const lock = state?.lock;
  const running = history.failed && isRunningStatus(history.failed.status) ? history.failed : undefined;
  const inProgress = !!running && !!lock && lock.leaseExpiresAt > input.now && running.status.endsWith(lock.lockId);
  if (running && inProgress) {
    warnings.push({
      code: 'running',
      version: running.version,
      message: `The ${running.direction} of ${running.version} is running now (${running.status}).`,
    });
    // Kept in the plan so that a resume waiting for this lock still resumes once it holds it.
    const m = byVersion.get(running.version);
    if (input.resume && m?.idempotent) resumeStep = step(m, running.direction, 'resume');
  } else if (history.failed) {
    const f = history.failed;
    failed = { version: f.version, direction: f.direction, status: f.status, date: f.date };
    const m = byVersion.get(f.version) ?? (f.version === RESET ? input.reset : undefined);
    // A step stopped at a checkpoint resumes from it, idempotent or not: stopped in time
    // (incomplete), or by failed items of a bulk pass (the pages before them are checkpointed).
    const checkpointed = f.status.startsWith('incomplete') || f.checkpointed === true;
    if (input.resume && m && (m.idempotent || checkpointed)) {
      resumeStep = step(m, f.direction, 'resume');
    } else {
      const canResume = m?.idempotent === true || (checkpointed && !!m);
      blockers.push({
        kind: 'failed-state',
        version: f.version,
        // A "running" record with no live lock behind it: the run died inside the step.
        message: isRunningStatus(f.status)
          ? `The ${f.direction} of ${f.version} was interrupted: the run ${f.status.slice(f.status.indexOf(':') + 2)} stopped before it finished.`
          : `The ${f.direction} of ${f.version} failed${f.date ? ` at ${new Date(f.date).toISOString()}` : ''}: ${f.status}`,
        next: canResume
          ? input.resume
            ? `Cannot resume: ${f.version} has no migration file.`
            : `Re-run it with apply --resume (${checkpointed ? 'it continues from its checkpoints' : `${f.version} is idempotent`}), or mark it with repair --version ${f.version} --mark applied|reverted --reason "...".`
          : `${f.version} is not idempotent, so it cannot simply be re-run: check the data, then repair --version ${f.version} --mark applied|reverted --reason "...".`,
      });
    }
  } else if (input.resume) {
    warnings.push({
      code: 'nothing-to-resume',
      message: 'The table is not in a failed state: --resume has nothing to re-run.',
    });
  }

  // The target of the command.
  let target: string;
  let steps: PlanStep[] = [];
  // Where the versions start from: after a resumed up, the failed version counts as applied.
  const from = current;
  switch (command) {
    case 'apply':
    case 'resume':
      target = env.target === 'latest' ? latest : env.target;
      if (env.target !== 'latest' && !byVersion.has(env.target)) {
        throw new InputError(
          `environments.${env.name}.target: ${env.target} has no migration file in the folder; add it or change the target.`,
        );
      }
      break;
    case 'up': {
      const next = migrations.find((m) => compareVersions(m.version, from) > 0);
      target = next?.version ?? from;
      break;
    }
    case 'down': {
      const below = history.applied.filter((r) => compareVersions(r.version, from) < 0).at(-1);
      target = below?.version ?? ZERO;
      if (from === ZERO)
        warnings.push({ code: 'nothing-applied', message: 'Nothing is applied: there is nothing to roll back.' });
      break;
    }
    case 'to': {
      const v = input.version;
      if (!v)
        throw new InputError('to needs a version: dynamodb-migrate to <version> (use 0.0.0 to roll everything back).');
      if (!isVersion(v)) throw new InputError(`to ${v}: not a semver version (expected x.y.z).`);
      if (v !== ZERO && !byVersion.has(v)) {
        throw new InputError(
          `to ${v}: there is no migration file for version ${v} (have: ${migrations.map((m) => m.version).join(', ') || 'none'}).`,
        );
      }
      target = v;
      break;
    }
    case 'repeat':
      target = from;
      if (from === ZERO)
        throw new InputError('repeat: nothing is applied yet, so there is no current version to re-run.');
      break;
    case 'reset':
      target = latest;
      if (env.protected) {
        throw new RefusedError(
          `reset is refused on ${env.name}: the environment is protected (it would delete the migration history of ${env.table}).`,
        );
      }
      if (!env['allow-reset']) {
        throw new RefusedError(
          `reset is not allowed on ${env.name}: set allow-reset: true on the environment in the manifest to permit it.`,
        );
      }
      if (!input.reset)
        throw new InputError('reset needs a migration file named reset.ts (or reset.js) in the migrations folder.');
      break;
  }

  if (command === 'repeat') {
    const m = byVersion.get(from);
    if (!m) throw new InputError(`repeat: the current version ${from} has no migration file in the folder.`);
    steps = [step(m, 'up', 'repeat')];
  } else if (command === 'reset') {
    steps = [{ ...step(input.reset!, 'up', 'reset'), reversible: false }];
  } else {
    const base = resumeStep && resumeStep.direction === 'up' ? resumeStep.version : from;
    const cmp = compareVersions(target, base);
    if (cmp > 0) {
      steps = migrations
        .filter((m) => compareVersions(m.version, base) > 0 && compareVersions(m.version, target) <= 0)
        .map((m) => step(m, 'up'));
    } else if (cmp < 0 || (resumeStep?.direction === 'down' && compareVersions(target, from) < 0)) {
      // Down to a target runs the down of every applied version above it, never the target's own.
      const toRevert = history.applied
        .filter((r) => compareVersions(r.version, target) > 0 && compareVersions(r.version, base) <= 0)
        .filter((r) => !(resumeStep?.direction === 'down' && r.version === resumeStep.version))
        .reverse();
      for (const r of toRevert) {
        const m = byVersion.get(r.version);
        if (!m) {
          blockers.push({
            kind: 'missing-file',
            version: r.version,
            message: `Cannot roll back ${r.version}: its migration file is not in the folder.`,
            next: `Restore the file for ${r.version}, or repair --version ${r.version} --mark reverted --reason "..." if its data was undone by hand.`,
          });
          continue;
        }
        if (!m.hasDown || m.irreversible) {
          blockers.push({
            kind: 'irreversible',
            version: r.version,
            message: `Cannot roll back ${r.version}: ${m.file} is irreversible (it has no down).`,
            next: `Roll back no further than ${r.version}, or undo its data by hand and repair --version ${r.version} --mark reverted --reason "...".`,
          });
          continue;
        }
        steps.push(step(m, 'down'));
      }
      if (command === 'apply' && env.protected && steps.length) {
        blockers.push({
          kind: 'refused',
          message: `The manifest target ${target} is below ${env.table}'s version ${from}; a protected environment is only rolled back by an explicit dispatch.`,
          next: `Dispatch command: to, version: ${target}, confirm: ${env.table} — or raise the target back to ${from}.`,
        });
      }
    }
    if (resumeStep) steps.unshift(resumeStep);
  }

  const direction: Plan['direction'] =
    steps.length === 0 ? 'none' : steps.some((s) => s.direction === 'up') ? 'up' : 'down';

  for (const s of steps) {
    if (s.direction === 'up' && !s.reversible && s.kind === 'migrate') {
      warnings.push({
        code: 'irreversible',
        version: s.version,
        message: `${s.version} is irreversible: once applied, rolling back past it is refused.`,
      });
    }
    if (s.kind === 'reset') {
      warnings.push({
        code: 'reset',
        message: `reset runs ${s.file} and rewrites the migration history of ${env.table} to ${latest}.`,
      });
    }
  }
  if (direction === 'down') {
    warnings.push({
      code: 'rollback',
      message: `This plan rolls back ${steps.length} version${steps.length === 1 ? '' : 's'} (${steps.map((s) => s.version).join(', ')}).`,
    });
  }
  if (state?.lock) {
    const l = state.lock;
    const expired = l.leaseExpiresAt <= input.now;
    warnings.push({
      code: expired ? 'stale-lock' : 'lock-held',
      message: expired
        ? `A lock left by ${l.owner} (lock id ${l.lockId}, ${l.command}) expired at ${new Date(l.leaseExpiresAt).toISOString()}; the next apply takes it over.`
        : `The table is locked by ${l.owner} (lock id ${l.lockId}, ${l.command}${l.runUrl ? `, ${l.runUrl}` : ''}) until ${new Date(l.leaseExpiresAt).toISOString()}.`,
    });
  }
  if (!state) {
    warnings.push({
      code: 'state-unknown',
      message: 'The table state could not be read: steps assume the table is at 0.0.0 and come from the files only.',
    });
  }
  // A global table migrates from its home region only: said first, since it decides whether anything here may run.
  const replication = reviewReplication(env, state);
  blockers.unshift(...replication.blockers);
  warnings.push(...replication.warnings);

  // What the data model change is: the table's stored schema (else the current version's) to the target's.
  const fromSchema = state?.schema ?? byVersion.get(from)?.schema;
  const toSchema = command === 'reset' ? migrations.at(-1)?.schema : byVersion.get(target)?.schema;
  const schemaDiff = steps.length && toSchema !== undefined ? diffSchemas(fromSchema, toSchema) : undefined;
  for (const b of schemaDiff?.breaking ?? []) {
    warnings.push({ code: 'schema-breaking', message: `Data model: ${b.reason}` });
  }

  if (input.canaryPercent) {
    const p = input.canaryPercent;
    steps = steps.map((s) =>
      s.direction === 'up' && s.kind !== 'reset' && s.checks?.includes('verify') ? { ...s, canaryPercent: p } : s,
    );
  }

  const rollbackable =
    direction !== 'none' &&
    steps.every((s) => s.kind === 'migrate' || s.kind === 'resume') &&
    (direction === 'down' || steps.every((s) => s.reversible));
  const rollback = rollbackable && command !== 'reset' ? { command: 'to' as const, version: from } : undefined;

  const stateRevision = hashOf(stateRevisionOf(state?.records ?? [])).slice(0, 16);
  const hash = hashOf({
    table: env.table,
    target,
    current: from,
    steps: steps.map((s) => [
      s.version,
      s.direction,
      s.kind,
      s.checksum,
      ...(s.canaryPercent ? [s.canaryPercent] : []),
    ]),
    stateRevision,
  }).slice(0, 16);

  return {
    command,
    environment: env.name,
    table: env.table,
    currentVersion: from,
    targetVersion: target,
    direction,
    steps,
    warnings,
    blockers,
    drift,
    failed,
    lock: state?.lock,
    estimate: estimateOf(state, input.writeRate),
    ...(replication.global ? { global: replication.global } : {}),
    rollback,
    stateRevision,
    hash,
    stateUnknown: state ? undefined : true,
    schemaDiff,
  };
}

function estimateOf(state: TableState | undefined, rate: number | undefined): PlanEstimate | undefined {
  if (!state?.itemCount || state.sizeBytes === undefined) return undefined;
  const items = state.itemCount;
  const avg = items ? state.sizeBytes / items : 0;
  // Eventually consistent scans cost half a unit per 4 KB; each rewrite costs one unit per KB.
  const readUnits = Math.ceil(state.sizeBytes / 4096 / 2);
  const writeUnits = items * Math.max(1, Math.ceil(avg / 1024));
  const writeRate = rate ?? state.capacity?.write;
  // A global table applies every write in each replica: the rate limits (and the time follows)
  // the home region's writes, and every other replica absorbs the same writes at the same rate.
  const replicas = replicaCount(state.global);
  return {
    items,
    sizeBytes: state.sizeBytes,
    readUnits,
    writeUnits,
    ...(writeRate ? { rate: writeRate, secondsAtRate: Math.ceil(writeUnits / writeRate) } : {}),
    ...(state.global ? { replicas, totalWriteUnits: writeUnits * replicas } : {}),
  };
}

/** The short checksum used in rendered plans. */
export { shortChecksum };

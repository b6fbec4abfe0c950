import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import {
  InputError,
  LockHeldError,
  LockLostError,
  MigrateError,
  PlanChangedError,
  EXIT,
  exitCodeOf,
  messageOf,
  type ExitCode,
} from '../core/errors';
import { readHistory, runningStatus, SUCCESS } from '../core/history';
import { toSchemaItem } from '../core/schema';
import { schemaDriftOf } from '../core/schema-diff';
import type { Logger } from '../core/logger';
import { selectEnvironment, type Environment } from '../core/manifest';
import { planMigrations } from '../core/planner';
import type {
  Direction,
  ItemCounts,
  LogEntry,
  MigrationRecord,
  OneTableSchema,
  Plan,
  PlanCommand,
  PlanStep,
  RunReport,
  StepReport,
  TableState,
} from '../core/types';
import { ZERO, compareVersions } from '../core/version';
import { createDynamoClient } from '../dynamodb/client';
import { StateStore } from '../dynamodb/state-store';
import type { LoadedMigration, Project } from '../loader/load-project';
import type { MigrationContext } from './context';
import { isPassIncomplete } from '../dynamodb/bulk';
import { keepLease, type Lease } from './lease';
import { readOnlyClient } from './read-only-client';
import { createStepData, type StepData } from './step-data';

export interface SessionOptions {
  endpoint?: string | undefined;
  region?: string | undefined;
  /** DynamoDB Local: dummy credentials. */
  local?: boolean | undefined;
  client?: DynamoDBClient | undefined;
  dryRun?: boolean | undefined;
  samplePercent?: number | undefined;
  /** Who runs this: recorded in records, the lock and the audit log. */
  actor?: string | undefined;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
  log: Logger;
  /** Lock lease; renewed at a third of it while the run lasts. Default 120 s. */
  leaseMs?: number | undefined;
  /** How long to wait for a held lock before giving up (exit 3). Default: the manifest's lock-timeout, else 0. */
  lockTimeoutMs?: number | undefined;
  /** Epoch ms by which bulk passes stop at a checkpoint (CI job or Lambda limit). */
  deadline?: number | undefined;
  now?: () => number;
}

export interface ApplyOptions {
  /** The hash the reviewer saw; a different plan after locking is refused (or re-planned). */
  expectedHash?: string | undefined;
  onPlanChange?: 'fail' | 'replan' | undefined;
  /** Called under the lock with the plan actually run; may return the recovery point it took (for the audit log). */
  onStart?: ((plan: Plan, lockId: string) => Promise<{ recoveryPoint?: string | undefined } | void> | { recoveryPoint?: string | undefined } | void) | undefined;
  /** Recorded in the audit log (e.g. "point-in-time recovery on"). */
  recoveryPoint?: string | undefined;
  /** Why (repair) or from where (dispatch) this run happened. */
  reason?: string | undefined;
}

/** What the scheduled drift check found. */
export interface DriftReport {
  environment: string;
  table: string;
  currentVersion: string;
  targetVersion: string;
  drifted: boolean;
  findings: { kind: 'version' | 'failed-state' | 'stale-lock' | 'checksum' | 'schema'; message: string }[];
  plan: Plan;
}

/** Opens an environment of a loaded project: the engine behind every CLI command and the action. */
export function openSession(project: Project, env: string | Environment | undefined, opts: SessionOptions): Session {
  const environment = typeof env === 'object' ? env : selectEnvironment(project.manifest, project.manifestPath, env);
  const client =
    opts.client ?? createDynamoClient({ endpoint: opts.endpoint, region: environment.region, local: opts.local });
  return new Session(project, environment, client, opts);
}

export class Session {
  readonly store: StateStore;
  private readonly now: () => number;
  readonly actor: string;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly client: DynamoDBClient,
    readonly opts: SessionOptions,
  ) {
    this.store = new StateStore(client, environment.table);
    this.now = opts.now ?? Date.now;
    this.actor = opts.actor ?? defaultActor();
  }

  get log(): Logger {
    return this.opts.log;
  }

  readState(): Promise<TableState> {
    return this.store.readState();
  }

  /** Plans a command against the table's current state (or files only, when state is passed as null). */
  async plan(input: { command: PlanCommand; version?: string | undefined; resume?: boolean | undefined }, state?: TableState | null): Promise<Plan> {
    const s = state === null ? undefined : (state ?? (await this.readState()));
    return planMigrations({
      command: input.command,
      environment: this.environment,
      migrations: this.project.migrations,
      reset: this.project.reset,
      state: s,
      version: input.version,
      resume: input.resume,
      now: this.now(),
    });
  }

  /**
   * Runs a plan: takes the lock, re-plans against the state under the lock (refusing a
   * changed plan when the reviewed hash is given), runs each step and records it, releases.
   * Returns a report for every outcome but bad input, which throws.
   */
  async apply(plan: Plan, options: ApplyOptions = {}): Promise<RunReport> {
    const startedAt = this.now();
    const runId = randomUUID();
    const base = { startedAt, steps: [] as StepReport[] };
    if (plan.blockers.length) return this.blockedReport(plan, base, startedAt);
    if (this.opts.dryRun) return this.dryRun(plan, base);

    const leaseMs = this.opts.leaseMs ?? 120_000;
    const lock = await this.acquireWithWait(plan.command, leaseMs);
    // Heartbeat (on a client of its own) and fencing: the steps' writes go through lease.client.
    const lease = keepLease({ store: this.store, lockId: lock.lockId, leaseMs, leaseExpiresAt: lock.leaseExpiresAt, log: this.log });
    let report: RunReport | undefined;
    try {
      // The state may have moved between planning and locking: plan again under the lock.
      let current = await this.plan({ command: plan.command, version: plan.command === 'to' ? plan.targetVersion : undefined, resume: plan.steps[0]?.kind === 'resume' });
      const reviewed = options.expectedHash ?? plan.hash;
      if (current.hash !== reviewed) {
        // Relative commands (one version up or down, repeat, reset) mean "from the state I saw":
        // running them from another state would do something else, so they never re-plan.
        const relative = plan.command === 'up' || plan.command === 'down' || plan.command === 'repeat' || plan.command === 'reset';
        const changed = relative || (options.expectedHash !== undefined && (options.onPlanChange ?? 'fail') === 'fail');
        if (changed) {
          report = {
            ...base,
            plan: current,
            status: 'blocked',
            durationMs: this.now() - startedAt,
            lockId: lock.lockId,
            error: new PlanChangedError(
              `The plan changed since it was reviewed (reviewed ${reviewed}, now ${current.hash}): ${describeChange(plan, current)}`,
            ).message,
            next: 'Review the new plan below, then re-run (or use on-plan-change: replan to apply the current plan).',
            exitCode: EXIT.drift,
          };
          return report;
        }
        this.log.info(`The plan changed while waiting for the lock (${plan.hash} -> ${current.hash}); running the current plan.`);
      }
      if (current.blockers.length) return (report = { ...this.blockedReport(current, base, startedAt), lockId: lock.lockId });
      if (!current.steps.length) {
        return (report = { ...base, plan: current, status: 'no-op', durationMs: this.now() - startedAt, lockId: lock.lockId });
      }
      const started = await options.onStart?.(current, lock.lockId);
      const recoveryPoint = (started && started.recoveryPoint) ?? options.recoveryPoint;
      await this.audit({ runId, event: 'apply-start', outcome: 'started', plan: current, reason: options.reason, recoveryPoint });
      report = await this.runSteps(current, lock.lockId, lease, base, runId);
      return report;
    } finally {
      lease.stop();
      await this.store.releaseLock(lock.lockId).catch((e) => this.log.warn(`Could not release lock ${lock.lockId}: ${messageOf(e)}`));
      if (report && report.status !== 'blocked' && report.status !== 'no-op') {
        await this.audit({
          runId,
          event: 'apply-end',
          outcome: report.status,
          plan: report.plan,
          message: report.error,
          versions: report.steps.filter((s) => s.status === 'applied').map((s) => `${s.direction} ${s.version}`),
        }).catch((e) => this.log.warn(`Could not write the audit log: ${messageOf(e)}`));
      }
    }
  }

  private blockedReport(plan: Plan, base: { startedAt: number; steps: StepReport[] }, startedAt: number): RunReport {
    const first = plan.blockers[0]!;
    const code: ExitCode =
      first.kind === 'drift' ? EXIT.drift : first.kind === 'failed-state' ? EXIT.failure : EXIT.input;
    return {
      ...base,
      plan,
      status: 'blocked',
      durationMs: this.now() - startedAt,
      error: plan.blockers.map((b) => b.message).join('\n'),
      next: plan.blockers.map((b) => b.next).join('\n'),
      exitCode: code,
    };
  }

  private async acquireWithWait(command: string, leaseMs: number) {
    const timeout = this.opts.lockTimeoutMs ?? (this.environment['lock-timeout'] ?? 0) * 1000;
    const until = this.now() + timeout;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.acquireLock({ owner: this.actor, command, runUrl: this.opts.runUrl, leaseMs, now: this.now() });
      } catch (e) {
        if (!(e instanceof LockHeldError) || this.now() >= until) throw e;
        if (attempt === 0) this.log.info(`Waiting up to ${Math.round(timeout / 1000)} s for the lock: ${e.message}`);
        await sleep(Math.min(1000, 100 + attempt * 100));
      }
    }
  }

  private async runSteps(
    plan: Plan,
    lockId: string,
    lease: Lease,
    base: { startedAt: number; steps: StepReport[] },
    runId: string,
  ): Promise<RunReport> {
    const { signal, client } = lease;
    const steps: StepReport[] = [];
    for (const step of plan.steps) {
      if (signal.aborted) throw signal.reason;
      // Fencing: prove the lock is still ours before starting a step.
      await lease.renew();
      const m = this.migrationOf(step);
      const t0 = this.now();
      this.log.info(`${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${step.kind === 'migrate' ? step.direction : step.kind}: ${step.description}`);
      const data = await createStepData(this, step, { signal, deadline: this.opts.deadline, client });
      // Before the running record: a run that dies in between leaves the state as it was.
      await data.start();
      // Written before the step runs and replaced by its outcome: a run that dies inside the
      // step leaves this record, so the next run reports the step as interrupted (resume or
      // repair) instead of silently running a non-idempotent step twice.
      const started = await this.store.writeRecord(
        { version: step.version, path: m.path, description: m.description, checksum: m.checksum, direction: step.direction, actor: this.actor, runUrl: this.opts.runUrl, gitSha: this.opts.gitSha, status: runningStatus(this.actor, this.now(), lockId) },
        lockId,
      );
      let error: unknown;
      try {
        const fn = step.direction === 'up' ? m.up : m.down;
        if (!fn) throw new MigrateError(`${m.file} has no ${step.direction} function.`);
        await fn((await this.contextFor(step, data, signal, false, client)) as never);
      } catch (e) {
        error = e;
      }
      const durationMs = this.now() - t0;
      const counts = data.counts();
      if (data.incomplete() && (error === undefined || isPassIncomplete(error))) {
        await this.recordStep(step, m, `incomplete: stopped at a checkpoint before the deadline; resume to continue`, lockId, durationMs, counts, started);
        steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'incomplete', durationMs, counts });
        return {
          ...base, plan, steps, status: 'incomplete', durationMs: this.now() - base.startedAt, lockId,
          error: `${step.version} stopped at a checkpoint before the time budget ran out.`,
          next: `Run apply --resume to continue ${step.version} from its checkpoints.`,
          exitCode: EXIT.failure,
        };
      }
      if (error !== undefined) {
        if (error instanceof LockLostError || signal.aborted) {
          steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'failed', durationMs, counts, error: messageOf(error) });
          return {
            ...base, plan, steps, status: 'failed', durationMs: this.now() - base.startedAt, lockId,
            error: messageOf(signal.aborted ? signal.reason : error),
            next: 'Another run took over the lock; check the audit log (dynamodb-migrate log) and the table status before running again.',
            exitCode: EXIT.locked,
          };
        }
        const msg = messageOf(error) || 'failed';
        this.log.error(`${step.version} ${step.direction} failed: ${msg}`);
        await this.recordStep(step, m, msg, lockId, durationMs, counts, started).catch((e) => this.log.error(`Could not record the failure: ${messageOf(e)}`));
        steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'failed', durationMs, counts, error: msg });
        await this.audit({ runId, event: 'step', outcome: 'failed', plan, versions: [`${step.direction} ${step.version}`], message: msg });
        return {
          ...base, plan, steps, status: 'failed', durationMs: this.now() - base.startedAt, lockId,
          error: `${step.direction} ${step.version} (${m.file}) failed: ${msg}`,
          next: m.idempotent
            ? `Fix the cause, then apply --resume (${step.version} is idempotent), or repair --version ${step.version} --mark applied|reverted --reason "...".`
            : `Check the data ${step.version} touched, then repair --version ${step.version} --mark applied|reverted --reason "..." (it is not idempotent, so it is not re-run automatically).`,
          exitCode: EXIT.failure,
        };
      }
      await this.recordStep(step, m, SUCCESS, lockId, durationMs, counts, started);
      // The step is recorded: failing to tidy its checkpoints must not fail the run.
      await data.complete().catch((e) => this.log.warn(`${step.version}: could not delete its checkpoints (${messageOf(e)}); they are left in the table.`));
      await this.audit({ runId, event: 'step', outcome: 'applied', plan, versions: [`${step.direction} ${step.version}`] });
      steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'applied', durationMs, counts });
    }
    return { ...base, plan, steps, status: 'applied', durationMs: this.now() - base.startedAt, lockId };
  }

  /** Records a step's outcome in OneTable's format and keeps `_schema:Current` in step. */
  private async recordStep(step: PlanStep, m: LoadedMigration, status: string, lockId: string, durationMs: number, counts: ItemCounts | undefined, started: MigrationRecord): Promise<void> {
    // The outcome replaces the step's "running" record (same key); a successful down or reset deletes it.
    const replace = { date: started.date };
    const common = {
      path: m.path,
      description: m.description,
      checksum: m.checksum,
      actor: this.actor,
      runUrl: this.opts.runUrl,
      gitSha: this.opts.gitSha,
      durationMs,
      counts,
    };
    if (step.kind === 'reset') {
      if (status !== SUCCESS) {
        await this.store.writeRecord({ ...common, ...replace, version: m.version, status, direction: 'up' }, lockId, { replace: true });
        return;
      }
      // OneTable's reset: drop the history, then record every semver migration as applied.
      await this.store.deleteAllRecords(lockId);
      for (const v of this.project.migrations) {
        await this.store.writeRecord({ ...common, path: v.path, description: v.description, checksum: v.checksum, version: v.version, status: SUCCESS, direction: 'up' }, lockId);
      }
      await this.store.writeSchema(this.schemaItem(this.project.migrations.at(-1)?.schema ?? m.schema), lockId);
      return;
    }
    if (step.direction === 'up' || status !== SUCCESS) {
      await this.store.writeRecord({ ...common, ...replace, version: step.version, status, direction: step.direction }, lockId, { replace: true });
      if (status === SUCCESS && m.schema) await this.store.writeSchema(this.schemaItem(m.schema), lockId);
      return;
    }
    // A successful down removes the version's records and restores the new current version's schema.
    await this.store.deleteVersionRecords(step.version, lockId);
    const records = await this.store.readRecords();
    const now = readHistory(records).currentVersion;
    const schema = now === ZERO ? undefined : this.project.migrations.find((x) => x.version === now)?.schema;
    await this.store.writeSchema(schema ? this.schemaItem(schema) : undefined, lockId);
  }

  /** The `_schema:Current` attributes OneTable would write for a migration's schema. */
  private schemaItem(schema: OneTableSchema | undefined): OneTableSchema | undefined {
    return schema ? toSchemaItem(schema, { now: this.now() }) : undefined;
  }

  private migrationOf(step: PlanStep): LoadedMigration {
    const m = step.kind === 'reset' ? this.project.reset : this.project.migrations.find((x) => x.version === step.version);
    if (!m) throw new InputError(`No migration file for ${step.version}.`);
    return m;
  }

  /** The `ctx` a migration receives. */
  async contextFor(step: PlanStep, data: StepData, signal: AbortSignal, dryRun: boolean, client: DynamoDBClient = this.client): Promise<MigrationContext> {
    const idx = this.project.migrations.findIndex((x) => x.version === step.version);
    const keys = await this.store.keys();
    return {
      client: dryRun ? readOnlyClient(client) : client,
      table: this.environment.table,
      keys,
      version: step.version,
      direction: step.direction,
      log: prefixed(this.log, `[${step.version}] `),
      params: { dryRun, samplePercent: this.opts.samplePercent },
      schema: {
        current: this.project.migrations[idx]?.schema ?? (step.kind === 'reset' ? this.project.reset?.schema : undefined),
        previous: idx > 0 ? this.project.migrations[idx - 1]?.schema : undefined,
      },
      data: data.engine,
      signal,
    };
  }

  /** Dry run: runs each step with a read-only client and a counting data engine; writes nothing. */
  private async dryRun(plan: Plan, base: { startedAt: number; steps: StepReport[] }): Promise<RunReport> {
    const steps: StepReport[] = [];
    const signal = new AbortController().signal;
    for (const step of plan.steps) {
      const m = this.migrationOf(step);
      const t0 = this.now();
      const data = await createStepData(this, step, { signal, dryRun: true });
      // Writes nothing in a dry run; a fresh step's `once` passes then count as a fresh attempt would.
      await data.start();
      let error: string | undefined;
      try {
        const fn = step.direction === 'up' ? m.up : m.down;
        await fn?.((await this.contextFor(step, data, signal, true)) as never);
      } catch (e) {
        error = messageOf(e);
      }
      steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'dry-run', durationMs: this.now() - t0, counts: data.counts(), error });
    }
    return { ...base, plan, steps, status: 'dry-run', durationMs: this.now() - base.startedAt };
  }

  /** `unlock <lock-id>`. */
  async unlock(lockId: string, reason?: string): Promise<void> {
    const held = await this.store.forceUnlock(lockId);
    await this.audit({ runId: randomUUID(), event: 'unlock', outcome: 'unlocked', message: `removed lock ${lockId} held by ${held.owner} (${held.command})`, reason });
  }

  /**
   * `repair`: marks a version applied (accepting its current file and checksum) or reverted
   * (removing its records) without running it. The reason goes to the audit log.
   */
  async repair(input: { version: string; mark: 'applied' | 'reverted'; reason: string }): Promise<string> {
    if (!input.reason?.trim()) throw new InputError('repair needs --reason "<why>": it is recorded in the audit log.');
    if (input.mark !== 'applied' && input.mark !== 'reverted') throw new InputError(`repair --mark must be applied or reverted, got "${input.mark}".`);
    const m = this.project.migrations.find((x) => x.version === input.version);
    const state = await this.readState();
    const known = state.records.some((r) => r.version === input.version);
    if (!m && !(input.mark === 'reverted' && known)) {
      throw new InputError(`repair --version ${input.version}: no migration file and no record of that version.`);
    }
    if (this.opts.dryRun) return `dry run: would mark ${input.version} ${input.mark}`;
    const lock = await this.acquireWithWait('repair', this.opts.leaseMs ?? 120_000);
    try {
      if (input.mark === 'applied') {
        await this.store.writeRecord(
          { version: m!.version, path: m!.path, description: m!.description, status: SUCCESS, checksum: m!.checksum, direction: 'up', actor: this.actor, runUrl: this.opts.runUrl, gitSha: this.opts.gitSha, repairedReason: input.reason },
          lock.lockId,
        );
        if (m!.schema && compareVersions(m!.version, readHistory(state.records).currentVersion) >= 0) await this.store.writeSchema(this.schemaItem(m!.schema), lock.lockId);
      } else {
        await this.store.deleteVersionRecords(input.version, lock.lockId);
        const now = readHistory(await this.store.readRecords()).currentVersion;
        const schema = this.project.migrations.find((x) => x.version === now)?.schema;
        await this.store.writeSchema(schema ? this.schemaItem(schema) : undefined, lock.lockId);
      }
      const message = `marked ${input.version} ${input.mark}`;
      await this.audit({ runId: randomUUID(), event: 'repair', outcome: input.mark, versions: [input.version], message, reason: input.reason });
      return message;
    } finally {
      await this.store.releaseLock(lock.lockId);
    }
  }

  /** Scheduled drift check: version vs target, failed state, stale lock, checksum drift. */
  async drift(): Promise<DriftReport> {
    const state = await this.readState();
    const plan = await this.plan({ command: 'apply' }, state);
    const findings: DriftReport['findings'] = [];
    if (plan.currentVersion !== plan.targetVersion) {
      findings.push({ kind: 'version', message: `${this.environment.table} is at ${plan.currentVersion}; the manifest target is ${plan.targetVersion}.` });
    }
    if (plan.failed) findings.push({ kind: 'failed-state', message: `The ${plan.failed.direction} of ${plan.failed.version} failed: ${plan.failed.status}` });
    if (state.lock && state.lock.leaseExpiresAt < this.now()) {
      findings.push({ kind: 'stale-lock', message: `A lock held by ${state.lock.owner} (id ${state.lock.lockId}) expired at ${new Date(state.lock.leaseExpiresAt).toISOString()}.` });
    }
    const schemaDrift = schemaDriftOf(state.schema, this.project.migrations.find((m) => m.version === plan.currentVersion)?.schema);
    if (schemaDrift) findings.push({ kind: 'schema', message: `${this.environment.table}: ${schemaDrift}.` });
    for (const d of plan.drift) findings.push({ kind: 'checksum', message: `${d.file} changed after ${d.version} was applied (recorded ${d.recorded}, now ${d.current}).` });
    return { environment: this.environment.name, table: this.environment.table, currentVersion: plan.currentVersion, targetVersion: plan.targetVersion, drifted: findings.length > 0, findings, plan };
  }

  readLog(limit?: number): Promise<LogEntry[]> {
    return this.store.readLog(limit);
  }

  /** Appends one entry to the audit log (also used by the Lambda fan-out's commands). */
  async audit(e: {
    runId: string;
    event: string;
    outcome: string;
    plan?: Plan;
    versions?: string[] | undefined;
    message?: string | undefined;
    reason?: string | undefined;
    recoveryPoint?: string | undefined;
    /** When there is no plan at hand (fan-out steps carry only its hash). */
    planHash?: string | undefined;
  }): Promise<void> {
    const entry: LogEntry = {
      at: this.now(),
      runId: e.runId,
      actor: this.actor,
      command: e.plan?.command ?? e.event,
      environment: this.environment.name,
      event: e.event,
      outcome: e.outcome,
      versions: e.versions ?? e.plan?.steps.map((s) => `${s.direction} ${s.version}`),
      message: [e.message, e.recoveryPoint ? `recovery point: ${e.recoveryPoint}` : undefined].filter(Boolean).join('; ') || undefined,
      reason: e.reason,
      runUrl: this.opts.runUrl,
      gitSha: this.opts.gitSha,
      planHash: e.plan?.hash ?? e.planHash,
    };
    await this.store.appendLog(entry);
  }
}

/** Exit code for a report: 0 when it applied, was a no-op or a dry run. */
export function exitCodeOfReport(report: RunReport): ExitCode {
  if (report.exitCode !== undefined) return report.exitCode;
  return report.status === 'applied' || report.status === 'no-op' || report.status === 'dry-run' ? EXIT.ok : EXIT.failure;
}

export { exitCodeOf };

function describeChange(before: Plan, after: Plan): string {
  const fmt = (p: Plan) => `${p.currentVersion} -> ${p.targetVersion} [${p.steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;
  return `reviewed ${fmt(before)}, now ${fmt(after)}.`;
}

function defaultActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry in some containers */
  }
  return `${user}@${hostname()}`;
}

function prefixed(log: Logger, prefix: string): Logger {
  return {
    info: (m) => log.info(prefix + m),
    warn: (m) => log.warn(prefix + m),
    error: (m) => log.error(prefix + m),
    debug: (m) => log.debug(prefix + m),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type { Direction };

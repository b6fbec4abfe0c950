import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { InputError, MigrateError } from '../../core/errors';
import { readHistory, SUCCESS } from '../../core/history';
import type { Logger } from '../../core/logger';
import type { Environment } from '../../core/manifest';
import { planMigrations } from '../../core/planner';
import type { RunSettings } from '../../core/run-settings';
import { schemaDriftOf } from '../../core/schema-diff';
import { buildStatus, type StatusReport } from '../../core/status';
import type { LogEntry, Plan, RunReport, TableState } from '../../core/types';
import { compareVersions } from '../../core/version';
import { ensureRecoveryPoint, type RecoveryPointMode } from '../../dynamodb/recovery-point';
import { StateStore } from '../../dynamodb/state-store';
import type { Project } from '../../loader/load-project';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../session';
import { auditEntry, type AuditEvent } from '../step/audit';
import { TableLedger, migrationOf, type StepTicket } from '../step/ledger';
import { migrationContext } from '../step/migration-context';
import { acquireWithWait, dryRunPlan, runPlan, type RunBackend, type RunContext } from '../step/run-plan';
import type { BodyResult } from '../step/run-step';
import { createStepData, type StepData } from '../step/step-data';
import { keepLease, type Lease } from './lease';
import { readOnlyClient } from './read-only-client';

/**
 * An environment run in this process: the lock, records, schema item, checkpoints and audit
 * log are in the table, and the migrations run here. The CLI's default runner, and what a
 * Lambda controller runs inside AWS.
 */
export class LocalSession implements MigrationSession {
  readonly store: StateStore;
  private readonly now: () => number;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly client: DynamoDBClient,
    readonly settings: RunSettings,
    private readonly connection: { log: Logger; now?: (() => number) | undefined },
  ) {
    this.store = new StateStore(client, environment.table);
    this.now = connection.now ?? Date.now;
  }

  get log(): Logger {
    return this.connection.log;
  }

  private get run(): RunContext {
    return { settings: this.settings, log: this.log, now: this.now };
  }

  readState(): Promise<TableState> {
    return this.store.readState();
  }

  async plan(input: PlanInput, state?: TableState | null): Promise<Plan> {
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

  async status(): Promise<StatusReport> {
    const state = await this.readState();
    return buildStatus(state, this.project.migrations, await this.plan({ command: 'apply' }, state), this.now());
  }

  apply(plan: Plan, options: ApplyOptions = {}): Promise<RunReport> {
    if (this.settings.dryRun) {
      const signal = new AbortController().signal;
      return dryRunPlan(
        plan,
        {
          ledger: {
            // Writes nothing in a dry run; a fresh step's `once` passes then count as a fresh attempt would.
            begin: async (step) => {
              const data = createStepData({ client: this.client, table: this.environment.table, keys: await this.store.keys(), log: this.log }, step, this.settings, { signal });
              await data.start();
              return { date: 0, data };
            },
            finish: async () => undefined,
          },
          body: (step, ticket: StepTicket) => this.execute(step, ticket.data, signal, readOnlyClient(this.client)),
        },
        this.run,
      );
    }
    return runPlan(plan, options, this.backend(), this.run);
  }

  /** The table as a run's backend: lock, plans, records and audit log all here. */
  private backend(): RunBackend<StepTicket> {
    let lease: Lease | undefined;
    return {
      acquireLock: (command) => this.store.acquireLock({ owner: this.settings.actor, command, runUrl: this.settings.runUrl, leaseMs: this.settings.leaseMs, now: this.now() }),
      // Heartbeat (on a client of its own) and fencing: the steps' writes go through lease.client.
      hold: (lock) => (lease = keepLease({ store: this.store, lockId: lock.lockId, leaseMs: this.settings.leaseMs, leaseExpiresAt: lock.leaseExpiresAt, log: this.log })),
      releaseLock: (lockId) => this.store.releaseLock(lockId),
      plan: (input) => this.plan(input),
      audit: (e) => this.audit(e),
      steps: ({ lockId, runId, plan }) => {
        const held = lease!;
        const ledger = this.ledger({ lockId, runId, planHash: plan.hash, dataClient: held.client, signal: held.signal });
        return { ledger, body: (step, ticket) => this.execute(step, ticket.data, held.signal, held.client) };
      },
      currentVersion: async () => readHistory(await this.store.readRecords()).currentVersion,
    };
  }

  /** The step bookkeeping of a run holding `lockId` (also what a controller's dm:step writes with). */
  ledger(o: { lockId: string; runId: string; planHash: string; dataClient?: DynamoDBClient | undefined; signal?: AbortSignal | undefined }): TableLedger {
    return new TableLedger({
      store: this.store,
      project: this.project,
      environment: this.environment.name,
      settings: this.settings,
      lockId: o.lockId,
      runId: o.runId,
      planHash: o.planHash,
      log: this.log,
      now: this.now,
      dataClient: o.dataClient ?? this.client,
      signal: o.signal,
    });
  }

  /** A step's work in this process: the migration's up or down with its ctx. */
  async execute(step: Plan['steps'][number], data: StepData, signal: AbortSignal, client: DynamoDBClient): Promise<BodyResult> {
    const m = migrationOf(this.project, step);
    const fn = step.direction === 'up' ? m.up : m.down;
    try {
      if (!fn) throw new MigrateError(`${m.file} has no ${step.direction} function.`);
      await fn(migrationContext(step, await this.contextParts(step, data, signal, client)) as never);
    } catch (e) {
      return { error: signal.aborted ? signal.reason : e, lockLost: signal.aborted, counts: data.counts(), incomplete: data.incomplete() };
    }
    return { counts: data.counts(), incomplete: data.incomplete() };
  }

  /** What a step's ctx is made of here. */
  async contextParts(step: Plan['steps'][number], data: StepData, signal: AbortSignal, client: DynamoDBClient) {
    const idx = this.project.migrations.findIndex((x) => x.version === step.version);
    return {
      client,
      table: this.environment.table,
      keys: await this.store.keys(),
      log: this.log,
      data: data.engine,
      signal,
      params: { dryRun: this.settings.dryRun, samplePercent: this.settings.samplePercent },
      schema: {
        current: this.project.migrations[idx]?.schema ?? (step.kind === 'reset' ? this.project.reset?.schema : undefined),
        previous: idx > 0 ? this.project.migrations[idx - 1]?.schema : undefined,
      },
    };
  }

  async unlock(lockId: string, reason?: string): Promise<void> {
    const held = await this.store.forceUnlock(lockId);
    await this.audit({ runId: randomUUID(), event: 'unlock', outcome: 'unlocked', message: `removed lock ${lockId} held by ${held.owner} (${held.command})`, reason });
  }

  /**
   * `repair`: marks a version applied (accepting its current file and checksum) or reverted
   * (removing its records) without running it. The reason goes to the audit log.
   */
  async repair(input: RepairInput): Promise<string> {
    if (!input.reason?.trim()) throw new InputError('repair needs --reason "<why>": it is recorded in the audit log.');
    if (input.mark !== 'applied' && input.mark !== 'reverted') throw new InputError(`repair --mark must be applied or reverted, got "${input.mark}".`);
    const m = this.project.migrations.find((x) => x.version === input.version);
    const state = await this.readState();
    const known = state.records.some((r) => r.version === input.version);
    if (!m && !(input.mark === 'reverted' && known)) {
      throw new InputError(`repair --version ${input.version}: no migration file and no record of that version.`);
    }
    if (this.settings.dryRun) return `dry run: would mark ${input.version} ${input.mark}`;
    const lock = await acquireWithWait(
      () => this.store.acquireLock({ owner: this.settings.actor, command: 'repair', runUrl: this.settings.runUrl, leaseMs: this.settings.leaseMs, now: this.now() }),
      this.run,
    );
    try {
      const ledger = this.ledger({ lockId: lock.lockId, runId: randomUUID(), planHash: '' });
      if (input.mark === 'applied') {
        await this.store.writeRecord(
          { version: m!.version, path: m!.path, description: m!.description, status: SUCCESS, checksum: m!.checksum, direction: 'up', actor: this.settings.actor, runUrl: this.settings.runUrl, gitSha: this.settings.gitSha, repairedReason: input.reason },
          lock.lockId,
        );
        if (m!.schema && compareVersions(m!.version, readHistory(state.records).currentVersion) >= 0) await this.store.writeSchema(ledger.schemaItem(m!.schema), lock.lockId);
      } else {
        await this.store.deleteVersionRecords(input.version, lock.lockId);
        await ledger.restoreSchema();
      }
      const message = `marked ${input.version} ${input.mark}`;
      await this.audit({ runId: randomUUID(), event: 'repair', outcome: input.mark, versions: [input.version], message, reason: input.reason });
      return message;
    } finally {
      await this.store.releaseLock(lock.lockId);
    }
  }

  /** Scheduled drift check: version vs target, failed state, stale lock, checksum drift, schema drift. */
  async drift(): Promise<DriftReport> {
    const state = await this.readState();
    const plan = await this.plan({ command: 'apply' }, state);
    const findings: DriftReport['findings'] = [];
    const table = this.environment.table;
    if (plan.currentVersion !== plan.targetVersion) {
      findings.push({ kind: 'version', message: `${table} is at ${plan.currentVersion}; the manifest target is ${plan.targetVersion}.` });
    }
    if (plan.failed) findings.push({ kind: 'failed-state', message: `The ${plan.failed.direction} of ${plan.failed.version} failed: ${plan.failed.status}` });
    if (state.lock && state.lock.leaseExpiresAt < this.now()) {
      findings.push({ kind: 'stale-lock', message: `A lock held by ${state.lock.owner} (id ${state.lock.lockId}) expired at ${new Date(state.lock.leaseExpiresAt).toISOString()}.` });
    }
    const schemaDrift = schemaDriftOf(state.schema, this.project.migrations.find((m) => m.version === plan.currentVersion)?.schema);
    if (schemaDrift) findings.push({ kind: 'schema', message: `${table}: ${schemaDrift}.` });
    for (const d of plan.drift) findings.push({ kind: 'checksum', message: `${d.file} changed after ${d.version} was applied (recorded ${d.recorded}, now ${d.current}).` });
    return { environment: this.environment.name, table, currentVersion: plan.currentVersion, targetVersion: plan.targetVersion, drifted: findings.length > 0, findings, plan };
  }

  readLog(limit?: number): Promise<LogEntry[]> {
    return this.store.readLog(limit);
  }

  ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string> {
    return ensureRecoveryPoint(this.client, this.environment.table, mode, { backupName });
  }

  /** Appends one entry to the audit log. */
  audit(e: AuditEvent): Promise<void> {
    return this.store.appendLog(auditEntry(e, { ...this.settings, environment: this.environment.name }, this.now()));
  }
}

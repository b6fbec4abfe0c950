import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RehearsalResult } from '../rehearsal/rehearse';
import { randomUUID } from 'node:crypto';
import { driftFindings, driftReport, driftValidation } from '../../core/drift';
import { InputError } from '../../core/errors';
import { readHistory } from '../../core/history';
import type { Logger } from '../../core/logger';
import type { Environment } from '../../core/manifest';
import { planMigrations } from '../../core/planner';
import type { RunSettings } from '../../core/run-settings';
import { buildStatus, type StatusReport } from '../../core/status';
import type { LogEntry, OneTableSchema, Plan, RunReport, TableState } from '../../core/types';
import type { ValidationReport } from '../../core/validate';
import { ensureRecoveryPoint, type RecoveryPointMode } from '../../dynamodb/recovery-point';
import type { StateStore } from '../../dynamodb/state/state-store';
import type { Project } from '../../loader/load-project';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../session';
import type { StepTicket } from '../step/ledger';
import { acquireWithWait, dryRunPlan, runPlan, type RunBackend, type StepRunContext } from '../step/run-plan';
import { createStepData } from '../step/step-data';
import { validateTable, type ValidateOptions } from '../validate-table';
import type { Lease } from './lease';
import { TableBackend } from './table-backend';

/**
 * An environment run in this process: the lock, records, schema item, checkpoints and audit
 * log are in the table, and the migrations run here. The CLI's default runner, and what a
 * Lambda controller runs inside AWS.
 */
export class LocalSession implements MigrationSession {
  /** The table as a run's backend: lock, ledger, audit log and step body (what the controller's lower-level commands use too). */
  readonly table: TableBackend;
  private readonly now: () => number;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly client: DynamoDBClient,
    readonly settings: RunSettings,
    private readonly io: { log: Logger; now?: (() => number) | undefined },
  ) {
    this.now = io.now ?? Date.now;
    this.table = new TableBackend(project, environment, client, settings, io.log, this.now);
  }

  get log(): Logger {
    return this.io.log;
  }

  get store(): StateStore {
    return this.table.store;
  }

  private get run(): StepRunContext {
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
      canaryPercent: this.settings.canaryPercent,
      writeRate: this.settings.writeRate,
    });
  }

  /** The plan's up steps run in memory on a sample of the table, read-only (see runner/rehearsal). */
  async rehearse(plan: Plan, samplePercent: number): Promise<RehearsalResult> {
    // Eager: kept in the bundle that holds this file instead of a chunk beside it, because the
    // library (dist/lib) must stay one file: a chunk is loaded by a computed import() path, which
    // a bundler of the library (build-controller's ncc) turns into a context of every file there.
    const { rehearsePlan } = await import(/* webpackMode: "eager" */ '../rehearsal/rehearse');
    return rehearsePlan(
      plan,
      { client: this.client, table: this.environment.table, project: this.project, log: this.log },
      samplePercent,
    );
  }

  async status(): Promise<StatusReport> {
    const state = await this.readState();
    return buildStatus(state, this.project.migrations, await this.plan({ command: 'apply' }, state), this.now());
  }

  apply(plan: Plan, options: ApplyOptions = {}): Promise<RunReport> {
    const { table } = this;
    if (this.settings.dryRun) {
      const signal = new AbortController().signal;
      return dryRunPlan(
        plan,
        {
          before: (step) => table.body.before(step),
          ledger: {
            // Writes nothing in a dry run; a fresh step's `once` passes then count as a fresh attempt would.
            begin: async (step) => {
              const data = createStepData(
                { client: this.client, table: table.table, keys: await this.store.keys(), log: this.log },
                step,
                this.settings,
                { signal },
              );
              await data.start();
              return { date: 0, data };
            },
            finish: async () => undefined,
          },
          // A dry run changes nothing, so there is nothing for verify to check.
          body: (step, ticket: StepTicket) =>
            table.body.run(step, { data: ticket.data, signal, client: table.readOnlyClient() }, { verify: false }),
        },
        this.run,
      );
    }
    return runPlan(plan, options, this.backend(), this.run);
  }

  /** The table as a run's backend: lock, plans, records and audit log all here. */
  private backend(): RunBackend<StepTicket> {
    const { table } = this;
    let lease: Lease | undefined;
    return {
      acquireLock: (command) => table.acquireLock(command),
      // Heartbeat (on a client of its own) and fencing: the steps' writes go through lease.client.
      hold: (lock) => (lease = table.hold(lock)),
      releaseLock: (lockId) => table.releaseLock(lockId),
      plan: (input) => this.plan(input),
      audit: (e) => table.audit(e),
      steps: ({ lockId, runId, plan }) => {
        const held = lease!;
        const ledger = table.ledger({
          lockId,
          runId,
          planHash: plan.hash,
          dataClient: held.client,
          signal: held.signal,
        });
        return {
          ledger,
          before: (step) => table.body.before(step),
          body: (step, ticket) =>
            table.body.run(
              step,
              { data: ticket.data, signal: held.signal, client: held.client },
              { verify: true, sample: (s, percent) => ledger.stepData(s, { samplePercent: percent }) },
            ),
        };
      },
      currentVersion: () => table.currentVersion(),
    };
  }

  async unlock(lockId: string, reason?: string): Promise<void> {
    const held = await this.store.forceUnlock(lockId);
    await this.table.audit({
      runId: randomUUID(),
      event: 'unlock',
      outcome: 'unlocked',
      message: `removed lock ${lockId} held by ${held.owner} (${held.command})`,
      reason,
    });
  }

  /**
   * `repair`: marks a version applied (accepting its current file and checksum) or reverted
   * (removing its records) without running it. The reason goes to the audit log.
   */
  async repair(input: RepairInput): Promise<string> {
    if (!input.reason?.trim()) throw new InputError('repair needs --reason "<why>": it is recorded in the audit log.');
    if (input.mark !== 'applied' && input.mark !== 'reverted')
      throw new InputError(`repair --mark must be applied or reverted, got "${input.mark}".`);
    const m = this.project.migrations.find((x) => x.version === input.version);
    const state = await this.readState();
    const known = state.records.some((r) => r.version === input.version);
    if (!m && !(input.mark === 'reverted' && known)) {
      throw new InputError(`repair --version ${input.version}: no migration file and no record of that version.`);
    }
    if (this.settings.dryRun) return `dry run: would mark ${input.version} ${input.mark}`;
    const { table } = this;
    const lock = await acquireWithWait(() => table.acquireLock('repair'), this.run);
    try {
      const ledger = table.ledger({ lockId: lock.lockId, runId: randomUUID(), planHash: '' });
      if (input.mark === 'applied')
        await ledger.markApplied(m!, input.reason, readHistory(state.records).currentVersion);
      else await ledger.markReverted(input.version);
      const message = `marked ${input.version} ${input.mark}`;
      await table.audit({
        runId: randomUUID(),
        event: 'repair',
        outcome: input.mark,
        versions: [input.version],
        message,
        reason: input.reason,
      });
      return message;
    } finally {
      await table.releaseLock(lock.lockId);
    }
  }

  /**
   * Scheduled drift check: reads the table, plans, validates the data when the environment asks
   * for it (at no more than the run's read rate), and applies the rules of core/drift.ts.
   */
  async drift(): Promise<DriftReport> {
    const state = await this.readState();
    const plan = await this.plan({ command: 'apply' }, state);
    const now = this.now();
    const asked = driftValidation(this.environment.validate, state);
    const validation = asked
      ? await this.validate({ samplePercent: asked.samplePercent, readRate: this.settings.readRate })
      : undefined;
    const findings = driftFindings({
      state,
      plan,
      schema: this.project.migrations.find((m) => m.version === plan.currentVersion)?.schema,
      now,
      validation,
    });
    return driftReport(this.environment.name, plan, findings, validation);
  }

  readLog(limit?: number): Promise<LogEntry[]> {
    return this.store.readLog(limit);
  }

  async validate(options: ValidateOptions): Promise<ValidationReport> {
    // A global table is validated in its home region: other replicas converge to it after replication.
    await this.store.assertHomeRegion(
      "validate reads the home region's copy only (the other replicas converge to it); nothing was validated.",
    );
    const schema = await this.schemaToValidate(options.version);
    return validateTable({
      client: this.client,
      table: this.environment.table,
      keys: await this.store.keys(),
      schema,
      options,
      log: this.log,
    });
  }

  /** The schema `validate` checks against: a version's, else the one stored in the table. */
  async schemaToValidate(version: string | undefined, stored?: OneTableSchema | undefined): Promise<OneTableSchema> {
    if (version) {
      const m = this.project.migrations.find((x) => x.version === version);
      if (!m) throw new InputError(`validate --version ${version}: no migration file for that version.`);
      if (!m.schema) throw new InputError(`validate --version ${version}: ${m.file} declares no schema.`);
      return m.schema;
    }
    const schema = stored ?? (await this.readState()).schema;
    if (!schema) {
      throw new InputError(
        `${this.environment.table} has no _schema item to validate against: pass --version <version> to check against a migration's schema.`,
      );
    }
    return schema;
  }

  ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string> {
    return ensureRecoveryPoint(this.client, this.environment.table, mode, { backupName });
  }
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { InputError, MigrateError } from '../../core/errors';
import { readHistory, SUCCESS } from '../../core/history';
import type { Logger } from '../../core/logger';
import type { Environment } from '../../core/manifest';
import { planMigrations } from '../../core/planner';
import type { RunSettings } from '../../core/run-settings';
import { driftFindings, driftReport, driftValidation } from '../../core/drift';
import { buildStatus, type StatusReport } from '../../core/status';
import type {
  Finding,
  ItemCounts,
  LogEntry,
  OneTableSchema,
  Plan,
  RunReport,
  StepCheck,
  TableState,
} from '../../core/types';
import { compareVersions } from '../../core/version';
import { ensureRecoveryPoint, type RecoveryPointMode } from '../../dynamodb/recovery-point';
import { StateStore } from '../../dynamodb/state/state-store';
import type { LoadedMigration, Project } from '../../loader/load-project';
import { createDataEngine } from '../../dynamodb/bulk';
import { runHook } from '../step/checks';
import type { ValidationReport } from '../../core/validate';
import { validateTable, type ValidateOptions } from '../validate-table';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../session';
import { auditEntry, type AuditEvent } from '../step/audit';
import { TableLedger, migrationOf, type StepTicket } from '../step/ledger';
import { migrationContext, type RunParams } from '../step/migration-context';
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
    this.store = new StateStore(client, environment.table, { environment });
    this.now = connection.now ?? Date.now;
  }

  get log(): Logger {
    return this.connection.log;
  }

  private readOnlyCache: DynamoDBClient | undefined;

  /** The session's client refusing writes, made once: dry runs and check hooks of every step share it. */
  private readOnly(): DynamoDBClient {
    this.readOnlyCache ??= readOnlyClient(this.client);
    return this.readOnlyCache;
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
      canaryPercent: this.settings.canaryPercent,
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
          before: (step) => this.before(step),
          ledger: {
            // Writes nothing in a dry run; a fresh step's `once` passes then count as a fresh attempt would.
            begin: async (step) => {
              const data = createStepData(
                { client: this.client, table: this.environment.table, keys: await this.store.keys(), log: this.log },
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
            this.execute(step, ticket.data, signal, this.readOnly(), { verify: false }),
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
      acquireLock: (command) =>
        this.store.acquireLock({
          owner: this.settings.actor,
          command,
          runUrl: this.settings.runUrl,
          leaseMs: this.settings.leaseMs,
          now: this.now(),
        }),
      // Heartbeat (on a client of its own) and fencing: the steps' writes go through lease.client.
      hold: (lock) =>
        (lease = keepLease({
          store: this.store,
          lockId: lock.lockId,
          leaseMs: this.settings.leaseMs,
          leaseExpiresAt: lock.leaseExpiresAt,
          log: this.log,
        })),
      releaseLock: (lockId) => this.store.releaseLock(lockId),
      plan: (input) => this.plan(input),
      audit: (e) => this.audit(e),
      steps: ({ lockId, runId, plan }) => {
        const held = lease!;
        const ledger = this.ledger({
          lockId,
          runId,
          planHash: plan.hash,
          dataClient: held.client,
          signal: held.signal,
        });
        return {
          ledger,
          before: (step) => this.before(step),
          body: (step, ticket) =>
            this.execute(step, ticket.data, held.signal, held.client, {
              verify: true,
              canary: { target: ledger, signal: held.signal },
            }),
        };
      },
      currentVersion: async () => readHistory(await this.store.readRecords()).currentVersion,
    };
  }

  /** The step bookkeeping of a run holding `lockId` (also what a controller's dm:step writes with). */
  ledger(o: {
    lockId: string;
    runId: string;
    planHash: string;
    dataClient?: DynamoDBClient | undefined;
    signal?: AbortSignal | undefined;
  }): TableLedger {
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

  /**
   * A step's work in this process: the migration's up or down with its ctx, then its `verify`.
   * With a canary (steps up with a verify hook, `canaryPercent` set by the plan): up on the
   * canary's sample, verify on that sample, and only if it passed the rest of the table (the
   * engine takes exactly the items the canary did not), then verify on every item. A failed
   * canary is undone with the step's down, on the same sample, when the step has one.
   */
  async execute(
    step: Plan['steps'][number],
    data: StepData,
    signal: AbortSignal,
    client: DynamoDBClient,
    o: { verify: boolean; canary?: { target: TableLedger; signal: AbortSignal } | undefined } = { verify: false },
  ): Promise<BodyResult> {
    const m = migrationOf(this.project, step);
    const fn = step.direction === 'up' ? m.up : m.down;
    const run = async (d: StepData, canary?: RunParams['canary']): Promise<BodyResult | undefined> => {
      try {
        if (!fn) throw new MigrateError(`${m.file} has no ${step.direction} function.`);
        const parts = await this.contextParts(step, d, signal, client);
        await fn(migrationContext(step, { ...parts, params: { ...parts.params, canary } }) as never);
      } catch (e) {
        return {
          error: signal.aborted ? signal.reason : e,
          lockLost: signal.aborted,
          counts: d.counts(),
          incomplete: d.incomplete(),
        };
      }
      return d.incomplete() ? { counts: d.counts(), incomplete: true } : undefined;
    };
    const verify = async (scope: StepCheck['scope'], samplePercent: number | undefined): Promise<StepCheck> => {
      const findings = await runHook(m, 'verify', await this.checkContext(step, samplePercent, signal));
      this.log.info(
        `${step.version}: verify on ${scope === 'canary' ? `the ${samplePercent}% canary` : 'every item'}: ${findings.length ? `${findings.length} problem(s)` : 'passed'}`,
      );
      return { hook: 'verify', scope, passed: findings.length === 0, findings };
    };
    const checking = o.verify && m.verify !== undefined;
    const percent = checking && o.canary ? step.canaryPercent : undefined;

    if (percent === undefined) {
      const stopped = await run(data);
      if (stopped) return stopped;
      if (!checking) return { counts: data.counts(), incomplete: false };
      return this.checked(data.counts(), [await verify('all', undefined)], signal);
    }

    // The canary: the same checkpoint scope and attempt as the step, on `percent` of the items.
    const target = o.canary!.target;
    const canaryData = await target.stepData(step, { samplePercent: percent });
    this.log.info(`${step.version}: canary: up on ${percent}% of the items, then verify`);
    const stopped = await run(canaryData, { percent, phase: 'canary' });
    if (stopped) return stopped;
    const first = await verify('canary', percent);
    if (!first.passed) {
      const canaryReverted = await this.revertCanary(step, m, target, percent, signal, client);
      return { counts: canaryData.counts(), incomplete: false, checks: [first], canaryReverted };
    }
    // The rest: the engine continues from the canary's progress and takes only the items it did not.
    const stoppedRest = await run(data, { percent, phase: 'rest' });
    const counts = sumCounts(canaryData.counts(), data.counts());
    if (stoppedRest) return { ...stoppedRest, counts, checks: [first] };
    return this.checked(counts, [first, await verify('all', undefined)], signal);
  }

  private checked(counts: BodyResult['counts'], checks: StepCheck[], signal: AbortSignal): BodyResult {
    if (signal.aborted) return { error: signal.reason, lockLost: true, counts, incomplete: false, checks };
    return { counts, incomplete: false, checks };
  }

  /** Undoes a failed canary with the step's down on the same sample; false when the step has none. */
  private async revertCanary(
    step: Plan['steps'][number],
    m: LoadedMigration,
    target: TableLedger,
    percent: number,
    signal: AbortSignal,
    client: DynamoDBClient,
  ): Promise<boolean> {
    if (!m.down || m.irreversible) return false;
    const down = { ...step, direction: 'down' as const, kind: 'migrate' as const };
    const data = await target.stepData(down, { samplePercent: percent });
    this.log.warn(
      `${step.version}: the canary failed verify; undoing it with down on the same ${percent}% of the items`,
    );
    await data.start();
    const parts = await this.contextParts(down, data, signal, client);
    await m.down(
      migrationContext(down, { ...parts, params: { ...parts.params, canary: { percent, phase: 'canary' } } }) as never,
    );
    // Clears the down's checkpoints and the up's (the canary's progress): the next up starts afresh.
    await data.engine.complete();
    return true;
  }

  /** The `before` hook of a step, on a read-only ctx over every item. */
  async before(step: Plan['steps'][number]): Promise<Finding[]> {
    const m = migrationOf(this.project, step);
    return runHook(m, 'before', await this.checkContext(step, undefined, new AbortController().signal));
  }

  /** The read-only ctx of a `before` or `verify` hook: a client that refuses writes, a counting engine without checkpoints. */
  private async checkContext(step: Plan['steps'][number], samplePercent: number | undefined, signal: AbortSignal) {
    const client = this.readOnly();
    const engine = createDataEngine({
      client,
      table: this.environment.table,
      keys: await this.store.keys(),
      dryRun: true,
      samplePercent,
      signal,
      logger: this.log,
      progressBar: false,
    });
    const data: StepData = {
      engine,
      counts: () => engine.counts(),
      incomplete: () => engine.incomplete(),
      start: async () => undefined,
      complete: async () => undefined,
    };
    const parts = await this.contextParts(step, data, signal, client);
    return migrationContext(step, { ...parts, params: { dryRun: true, samplePercent } });
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
        current:
          this.project.migrations[idx]?.schema ?? (step.kind === 'reset' ? this.project.reset?.schema : undefined),
        previous: idx > 0 ? this.project.migrations[idx - 1]?.schema : undefined,
      },
    };
  }

  async unlock(lockId: string, reason?: string): Promise<void> {
    const held = await this.store.forceUnlock(lockId);
    await this.audit({
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
    const lock = await acquireWithWait(
      () =>
        this.store.acquireLock({
          owner: this.settings.actor,
          command: 'repair',
          runUrl: this.settings.runUrl,
          leaseMs: this.settings.leaseMs,
          now: this.now(),
        }),
      this.run,
    );
    try {
      const ledger = this.ledger({ lockId: lock.lockId, runId: randomUUID(), planHash: '' });
      if (input.mark === 'applied') {
        await this.store.writeRecord(
          {
            version: m!.version,
            path: m!.path,
            description: m!.description,
            status: SUCCESS,
            checksum: m!.checksum,
            direction: 'up',
            actor: this.settings.actor,
            runUrl: this.settings.runUrl,
            gitSha: this.settings.gitSha,
            repairedReason: input.reason,
          },
          lock.lockId,
        );
        if (m!.schema && compareVersions(m!.version, readHistory(state.records).currentVersion) >= 0)
          await this.store.writeSchema(ledger.schemaItem(m!.schema), lock.lockId);
      } else {
        await this.store.deleteVersionRecords(input.version, lock.lockId);
        await ledger.restoreSchema();
      }
      const message = `marked ${input.version} ${input.mark}`;
      await this.audit({
        runId: randomUUID(),
        event: 'repair',
        outcome: input.mark,
        versions: [input.version],
        message,
        reason: input.reason,
      });
      return message;
    } finally {
      await this.store.releaseLock(lock.lockId);
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

  /** Appends one entry to the audit log. */
  audit(e: AuditEvent): Promise<void> {
    return this.store.appendLog(auditEntry(e, { ...this.settings, environment: this.environment.name }, this.now()));
  }
}

function sumCounts(a: ItemCounts | undefined, b: ItemCounts | undefined): ItemCounts | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    scanned: a.scanned + b.scanned,
    changed: a.changed + b.changed,
    skipped: a.skipped + b.skipped,
    failed: a.failed + b.failed,
  };
}

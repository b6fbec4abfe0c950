import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InputError, messageOf } from '../../core/errors';
import { readHistory, runningStatus, SUCCESS } from '../../core/history';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import { toSchemaItem } from '../../core/schema';
import type { ItemCounts, MigrationRecord, OneTableSchema, PlanStep } from '../../core/types';
import { ZERO, compareVersions } from '../../core/version';
import type { StateStore } from '../../dynamodb/state/state-store';
import type { LoadedMigration, Project } from '../../loader/load-project';
import { auditEntry, type AuditEvent } from './audit';
import { createStepData, type StepData } from './step-data';

/** How a step ended, as its record says it. */
export interface StepOutcome {
  status: 'success' | 'failed' | 'incomplete';
  /** failed: the error message. */
  message?: string | undefined;
  /** failed: it stopped at its checkpoints (a bulk pass's items failed), so a resume continues from them. */
  checkpointed?: boolean | undefined;
  counts?: ItemCounts | undefined;
  durationMs: number;
}

/** The status an incomplete step's record carries. */
export const INCOMPLETE_STATUS =
  'incomplete: stopped at a checkpoint before the time budget ran out; resume to continue';

/**
 * A step's bookkeeping in the table: where the "running" record, the outcome record, the
 * schema item, the checkpoints and the audit entries of a step are written. `begin` runs
 * before the step's work and `finish` after it; the step runner (run-step.ts) decides when.
 * The local runner writes here directly; a fan-out coordinator reaches the same code through
 * its controller's dm:step command.
 */
export interface StepLedger<T> {
  begin(step: PlanStep): Promise<T>;
  finish(step: PlanStep, ticket: T, outcome: StepOutcome): Promise<void>;
}

/** What a step's bookkeeping is about: its record's date (the key the outcome replaces) and its data engine. */
export interface StepTicket {
  date: number;
  data: StepData;
}

/** What the table ledger needs. */
export interface TableLedgerOptions {
  store: StateStore;
  project: Project;
  environment: string;
  settings: RunSettings;
  lockId: string;
  runId: string;
  planHash: string;
  log: Logger;
  now: () => number;
  /** The client the step's data engine writes with (the lease's fenced client while a lock is held). */
  dataClient: DynamoDBClient;
  signal?: AbortSignal | undefined;
}

/** The ledger of a run that holds the lock: every write is conditioned on the lock id (fencing). */
export class TableLedger implements StepLedger<StepTicket> {
  constructor(private readonly o: TableLedgerOptions) {}

  /** The step's data engine: the same for its work and for its bookkeeping (checkpoints, attempt id). */
  async stepData(step: PlanStep, override: { samplePercent?: number | undefined } = {}): Promise<StepData> {
    const { o } = this;
    return createStepData(
      { client: o.dataClient, table: o.store.table, keys: await o.store.keys(), log: o.log },
      step,
      { ...o.settings, ...override },
      { signal: o.signal },
    );
  }

  /**
   * A new attempt of the step (unless it resumes one), then its "running" record: a run that
   * dies inside the step leaves that record, so the next run reports the step as interrupted
   * (resume or repair) instead of silently running a non-idempotent step twice. The attempt is
   * started first: a run that dies in between leaves the state as it was.
   */
  async begin(step: PlanStep): Promise<StepTicket> {
    const { o } = this;
    const m = migrationOf(o.project, step);
    const data = await this.stepData(step);
    await data.start();
    const rec = await o.store.writeRecord(
      {
        ...this.common(m),
        version: step.version,
        direction: step.direction,
        status: runningStatus(o.settings.actor, o.now(), o.lockId),
      },
      o.lockId,
    );
    return { date: rec.date, data };
  }

  /** The ticket of a step begun by an earlier call (a controller's dm:step start). */
  async resumeTicket(step: PlanStep, date: number): Promise<StepTicket> {
    return { date, data: await this.stepData(step) };
  }

  async finish(step: PlanStep, ticket: StepTicket, outcome: StepOutcome): Promise<void> {
    const { o } = this;
    const m = migrationOf(o.project, step);
    const record = { ...this.common(m), date: ticket.date, durationMs: outcome.durationMs, counts: outcome.counts };
    const versions = [`${step.direction} ${step.version}`];
    if (outcome.status === 'incomplete') {
      await o.store.writeRecord(
        { ...record, version: step.version, direction: step.direction, status: INCOMPLETE_STATUS },
        o.lockId,
        { replace: true },
      );
      return;
    }
    if (outcome.status === 'failed') {
      const message = outcome.message || 'failed';
      const checkpointed = outcome.checkpointed === true ? { checkpointed: true } : {};
      await o.store
        .writeRecord(
          { ...record, ...checkpointed, version: step.version, direction: step.direction, status: message },
          o.lockId,
          { replace: true },
        )
        .catch((e) => o.log.error(`Could not record the failure: ${messageOf(e)}`));
      await this.audit({ runId: o.runId, event: 'step', outcome: 'failed', versions, message, planHash: o.planHash });
      return;
    }
    await this.recordSuccess(step, m, record);
    // The step is recorded: failing to tidy its checkpoints must not fail the run.
    await ticket.data
      .complete()
      .catch((e) =>
        o.log.warn(`${step.version}: could not delete its checkpoints (${messageOf(e)}); they are left in the table.`),
      );
    await this.audit({ runId: o.runId, event: 'step', outcome: 'applied', versions, planHash: o.planHash });
  }

  audit(e: AuditEvent): Promise<void> {
    const { o } = this;
    return o.store.appendLog(auditEntry(e, { ...o.settings, environment: o.environment }, o.now()));
  }

  /** OneTable's records for a successful step, and `_schema:Current` kept in step. */
  private async recordSuccess(
    step: PlanStep,
    m: LoadedMigration,
    record: Omit<MigrationRecord, 'key' | 'version' | 'status'>,
  ): Promise<void> {
    const { o } = this;
    if (step.kind === 'reset') {
      // OneTable's reset: drop the history, then record every semver migration as applied.
      await o.store.deleteAllRecords(o.lockId);
      const { date: _date, ...fresh } = record;
      for (const v of o.project.migrations) {
        await o.store.writeRecord(
          {
            ...fresh,
            path: v.path,
            description: v.description,
            checksum: v.checksum,
            sources: v.sources,
            version: v.version,
            status: SUCCESS,
            direction: 'up',
          },
          o.lockId,
        );
      }
      await o.store.writeSchema(this.schemaItem(o.project.migrations.at(-1)?.schema ?? m.schema), o.lockId);
      return;
    }
    if (step.direction === 'up') {
      // The outcome replaces the step's "running" record (same key).
      const written = await o.store.writeRecord(
        { ...record, version: step.version, direction: 'up', status: SUCCESS },
        o.lockId,
        { replace: true },
      );
      // An applied version has one record, as OneTable's tools expect (its CLI reverts once per record):
      // a repeat or a resume replaces the earlier attempts' records. Every run stays in the audit log.
      await o.store.deleteVersionRecords(step.version, o.lockId, { except: written.key });
      if (m.schema) await o.store.writeSchema(this.schemaItem(m.schema), o.lockId);
      return;
    }
    // A successful down removes the version's records and restores the new current version's schema.
    await o.store.deleteVersionRecords(step.version, o.lockId);
    await this.restoreSchema();
  }

  /**
   * `repair --mark applied`: records the version applied as its file is now, without running it
   * (the reason kept on the record), and its schema when it is (or becomes) the current version.
   */
  async markApplied(m: LoadedMigration, reason: string, currentVersion: string): Promise<void> {
    const { o } = this;
    await o.store.writeRecord(
      { ...this.common(m), version: m.version, status: SUCCESS, direction: 'up', repairedReason: reason },
      o.lockId,
    );
    if (m.schema && compareVersions(m.version, currentVersion) >= 0)
      await o.store.writeSchema(this.schemaItem(m.schema), o.lockId);
  }

  /** `repair --mark reverted`: removes the version's records, without running its down. */
  async markReverted(version: string): Promise<void> {
    await this.o.store.deleteVersionRecords(version, this.o.lockId);
    await this.restoreSchema();
  }

  /** `_schema:Current` of the version the records now say is current (none at 0.0.0). */
  async restoreSchema(): Promise<void> {
    const { o } = this;
    const now = readHistory(await o.store.readRecords()).currentVersion;
    const schema = now === ZERO ? undefined : o.project.migrations.find((x) => x.version === now)?.schema;
    await o.store.writeSchema(this.schemaItem(schema), o.lockId);
  }

  schemaItem(schema: OneTableSchema | undefined): OneTableSchema | undefined {
    return schema ? toSchemaItem(schema, { now: this.o.now() }) : undefined;
  }

  private common(m: LoadedMigration) {
    const { settings } = this.o;
    return {
      path: m.path,
      description: m.description,
      checksum: m.checksum,
      sources: m.sources,
      actor: settings.actor,
      runUrl: settings.runUrl,
      gitSha: settings.gitSha,
    };
  }
}

/** A step's migration: the reset migration, or the file of its version. */
export function migrationOf(project: Project, step: Pick<PlanStep, 'version' | 'kind'>): LoadedMigration {
  const m = step.kind === 'reset' ? project.reset : project.migrations.find((x) => x.version === step.version);
  if (!m) throw new InputError(`No migration file for ${step.version}.`);
  return m;
}

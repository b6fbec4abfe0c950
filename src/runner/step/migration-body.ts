import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MigrateError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { RunSettings } from '../../core/run-settings';
import type { Finding, ItemCounts, PlanStep, StepCheck } from '../../core/types';
import { createDataEngine, type BulkData } from '../../dynamodb/bulk';
import type { LoadedMigration, Project } from '../../loader/load-project';
import { runHook } from './checks';
import { migrationOf } from './ledger';
import { migrationContext, type MigrationContextParts, type RunParams } from './migration-context';
import type { BodyResult } from './run-step';
import type { StepData } from './step-data';

/** What a step's body needs of its table: the same narrow view in a local run and in the controller. */
export interface BodyTable {
  project: Project;
  table: string;
  keys(): Promise<{ hash: string; sort: string }>;
  settings: RunSettings;
  log: Logger;
  /** The table's client refusing writes (for the hooks, which only read). */
  readOnlyClient(): DynamoDBClient;
}

/** Where a step's body writes: the data engine of its attempt, the lease's signal and (fenced) client. */
export interface BodyWork {
  data: StepData;
  signal: AbortSignal;
  client: DynamoDBClient;
}

/** The step data of the same attempt on a sample (a canary), from the step's ledger. */
export type SampleData = (step: PlanStep, samplePercent: number) => Promise<StepData>;

/**
 * Calling the migration: the one place that knows how a step's up or down, its canary, its
 * `verify` and the undoing of a failed canary are run. A local run, a dry run, the controller's
 * whole-step and segment commands all come through here; runStep (run-step.ts) decides what the
 * result means.
 */
export class MigrationBody {
  constructor(private readonly t: BodyTable) {}

  /**
   * The migration's up or down with its ctx (the step's own file: "has no up function" is
   * decided here). `data` replaces the ctx's data engine (a segment's gated engine).
   */
  async invoke(step: PlanStep, work: BodyWork, o: { data?: BulkData; canary?: RunParams['canary'] } = {}) {
    const m = migrationOf(this.t.project, step);
    const fn = step.direction === 'up' ? m.up : m.down;
    if (!fn) throw new MigrateError(`${m.file} has no ${step.direction} function.`);
    const parts = await this.contextParts(step, work);
    await fn(
      migrationContext(step, {
        ...parts,
        ...(o.data ? { data: o.data } : {}),
        params: { ...parts.params, canary: o.canary },
      }) as never,
    );
  }

  /**
   * A step's work: the migration's up or down, then its `verify`. With a canary (steps up with
   * a verify hook, `canaryPercent` set by the plan, `sample` given): up on the canary's sample,
   * verify on that sample, and only if it passed the rest of the table (the engine takes exactly
   * the items the canary did not), then verify on every item. A failed canary is undone with the
   * step's down, on the same sample, when the step has one.
   */
  async run(
    step: PlanStep,
    work: BodyWork,
    o: { verify: boolean; sample?: SampleData | undefined },
  ): Promise<BodyResult> {
    const m = migrationOf(this.t.project, step);
    const { signal } = work;
    const attempt = async (data: StepData, canary?: RunParams['canary']): Promise<BodyResult | undefined> => {
      try {
        await this.invoke(step, { ...work, data }, { canary });
      } catch (e) {
        return {
          error: signal.aborted ? signal.reason : e,
          lockLost: signal.aborted,
          counts: data.counts(),
          incomplete: data.incomplete(),
        };
      }
      return data.incomplete() ? { counts: data.counts(), incomplete: true } : undefined;
    };
    const verify = async (scope: StepCheck['scope'], samplePercent: number | undefined): Promise<StepCheck> => {
      const findings = await runHook(m, 'verify', await this.checkContext(step, samplePercent, signal));
      this.t.log.info(
        `${step.version}: verify on ${scope === 'canary' ? `the ${samplePercent}% canary` : 'every item'}: ${findings.length ? `${findings.length} problem(s)` : 'passed'}`,
      );
      return { hook: 'verify', scope, passed: findings.length === 0, findings };
    };
    const checking = o.verify && m.verify !== undefined;
    const percent = checking && o.sample ? step.canaryPercent : undefined;

    if (percent === undefined) {
      const stopped = await attempt(work.data);
      if (stopped) return stopped;
      if (!checking) return { counts: work.data.counts(), incomplete: false };
      return checked(work.data.counts(), [await verify('all', undefined)], signal);
    }

    // The canary: the same checkpoint scope and attempt as the step, on `percent` of the items.
    const canaryData = await o.sample!(step, percent);
    this.t.log.info(`${step.version}: canary: up on ${percent}% of the items, then verify`);
    const stopped = await attempt(canaryData, { percent, phase: 'canary' });
    if (stopped) return stopped;
    const first = await verify('canary', percent);
    if (!first.passed) {
      const canaryReverted = await this.revertCanary(step, m, o.sample!, percent, work);
      return { counts: canaryData.counts(), incomplete: false, checks: [first], canaryReverted };
    }
    // The rest: the engine continues from the canary's progress and takes only the items it did not.
    const stoppedRest = await attempt(work.data, { percent, phase: 'rest' });
    const counts = sumCounts(canaryData.counts(), work.data.counts());
    if (stoppedRest) return { ...stoppedRest, counts, checks: [first] };
    return checked(counts, [first, await verify('all', undefined)], signal);
  }

  /** Undoes a failed canary with the step's down on the same sample; false when the step has none. */
  private async revertCanary(
    step: PlanStep,
    m: LoadedMigration,
    sample: SampleData,
    percent: number,
    work: BodyWork,
  ): Promise<boolean> {
    if (!m.down || m.irreversible) return false;
    const down = { ...step, direction: 'down' as const, kind: 'migrate' as const };
    const data = await sample(down, percent);
    this.t.log.warn(
      `${step.version}: the canary failed verify; undoing it with down on the same ${percent}% of the items`,
    );
    await data.start();
    await this.invoke(down, { ...work, data }, { canary: { percent, phase: 'canary' } });
    // Clears the down's checkpoints and the up's (the canary's progress): the next up starts afresh.
    await data.engine.complete();
    return true;
  }

  /** The `before` hook of a step, on a read-only ctx over every item. */
  async before(step: PlanStep): Promise<Finding[]> {
    const m = migrationOf(this.t.project, step);
    return runHook(m, 'before', await this.checkContext(step, undefined, new AbortController().signal));
  }

  /** The read-only ctx of a `before` or `verify` hook: a client that refuses writes, a counting engine without checkpoints. */
  private async checkContext(step: PlanStep, samplePercent: number | undefined, signal: AbortSignal) {
    const client = this.t.readOnlyClient();
    const engine = createDataEngine({
      client,
      table: this.t.table,
      keys: await this.t.keys(),
      dryRun: true,
      samplePercent,
      signal,
      logger: this.t.log,
      progressBar: false,
    });
    const data: StepData = {
      engine,
      counts: () => engine.counts(),
      incomplete: () => engine.incomplete(),
      start: async () => undefined,
      complete: async () => undefined,
    };
    const parts = await this.contextParts(step, { data, signal, client });
    return migrationContext(step, { ...parts, params: { dryRun: true, samplePercent } });
  }

  /** What a step's ctx is made of. */
  private async contextParts(step: PlanStep, work: BodyWork): Promise<MigrationContextParts> {
    const { project, settings } = this.t;
    const idx = project.migrations.findIndex((x) => x.version === step.version);
    return {
      client: work.client,
      table: this.t.table,
      keys: await this.t.keys(),
      log: this.t.log,
      data: work.data.engine,
      signal: work.signal,
      params: { dryRun: settings.dryRun, samplePercent: settings.samplePercent },
      schema: {
        current: project.migrations[idx]?.schema ?? (step.kind === 'reset' ? project.reset?.schema : undefined),
        previous: idx > 0 ? project.migrations[idx - 1]?.schema : undefined,
      },
    };
  }
}

function checked(counts: BodyResult['counts'], checks: StepCheck[], signal: AbortSignal): BodyResult {
  if (signal.aborted) return { error: signal.reason, lockLost: true, counts, incomplete: false, checks };
  return { counts, incomplete: false, checks };
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

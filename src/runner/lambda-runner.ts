import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { EXIT, InputError, MigrateError, messageOf, type ExitCode } from '../core/errors';
import type { Logger } from '../core/logger';
import { selectEnvironment, type Environment } from '../core/manifest';
import { planMigrations } from '../core/planner';
import { buildStatus, type StatusReport } from '../core/status';
import type { LogEntry, MigrationRecord, Plan, PlanCommand, RunReport, StepReport, TableState } from '../core/types';
import type { Project } from '../loader/load-project';
import { DM, type ApplyArgs, type StatusBody } from './controller/protocol';
import type { ApplyOptions, DriftReport } from './engine';
import { applyWithFanOut, defaultSegments, type FanOutOptions } from './fan-out';

/** How the CLI and the action reach a controller. */
export interface RemoteSessionOptions {
  log: Logger;
  /** Default: the environment's region, else the AWS environment's. */
  region?: string | undefined;
  /** Lambda endpoint; default AWS_ENDPOINT_URL_LAMBDA (read by the SDK), else AWS. */
  endpoint?: string | undefined;
  client?: LambdaClient | undefined;
  dryRun?: boolean | undefined;
  samplePercent?: number | undefined;
  actor?: string | undefined;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
  /** Epoch ms: the caller's own time budget (CI job); passed to every invocation. */
  deadline?: number | undefined;
  /** Split big steps into scan segments, each run by its own invocation. */
  fanOut?: FanOutOptions | undefined;
  leaseMs?: number | undefined;
  now?: () => number;
}

/**
 * A Lambda function answered with an error (FunctionError set): the remote message, type and
 * trace, and the exit code its type maps to. Never taken for success.
 */
export class RemoteFunctionError extends MigrateError {
  override readonly exitCode: ExitCode;
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    readonly remoteMessage: string,
    readonly trace: readonly string[] = [],
  ) {
    super(`${functionName} failed: ${errorType ? `${errorType}: ` : ''}${remoteMessage}`);
    this.exitCode = exitCodeOfRemote(errorType);
  }

  /** A crash, a timeout or a lost sandbox rather than an answer of the controller: worth retrying. */
  get retryable(): boolean {
    return !TYPED.has(this.errorType);
  }
}

const TYPED_EXIT: Record<string, ExitCode> = {
  InputError: EXIT.input,
  ManifestError: EXIT.input,
  MigrationFileError: EXIT.input,
  RefusedError: EXIT.input,
  LockHeldError: EXIT.locked,
  LockLostError: EXIT.locked,
  DriftError: EXIT.drift,
  PlanChangedError: EXIT.drift,
  MigrationFailedError: EXIT.failure,
  MigrationBlockedError: EXIT.failure,
  FailedStateError: EXIT.failure,
  CorruptStateError: EXIT.failure,
  MigrateError: EXIT.failure,
};
const TYPED = new Set(Object.keys(TYPED_EXIT));

function exitCodeOfRemote(errorType: string): ExitCode {
  return TYPED_EXIT[errorType] ?? EXIT.failure;
}

/** Invokes one controller function, RequestResponse, and unwraps `{statusCode: 200, body}`. */
export class ControllerClient {
  constructor(
    readonly functionName: string,
    readonly table: string,
    private readonly lambda: LambdaClient,
    private readonly log: Logger,
  ) {}

  async invoke<T>(cmd: string, args?: Record<string, unknown>, opts: { dry?: boolean | undefined } = {}): Promise<T> {
    const event: Record<string, unknown> = { cmd, config: { name: this.table } };
    if (args) event.args = args;
    if (opts.dry) event.dry = true;
    this.log.debug(`invoke ${this.functionName} ${cmd}`);
    const res = await this.lambda.send(
      new InvokeCommand({ FunctionName: this.functionName, InvocationType: 'RequestResponse', Payload: new TextEncoder().encode(JSON.stringify(event)) }),
    );
    const text = res.Payload ? new TextDecoder().decode(res.Payload) : '';
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : undefined;
    } catch {
      payload = text;
    }
    if (res.FunctionError) {
      const p = (payload && typeof payload === 'object' ? payload : {}) as { errorMessage?: unknown; errorType?: unknown; trace?: unknown };
      throw new RemoteFunctionError(
        this.functionName,
        typeof p.errorType === 'string' ? p.errorType : res.FunctionError,
        typeof p.errorMessage === 'string' ? p.errorMessage : String(text || 'no error message'),
        Array.isArray(p.trace) ? p.trace.map(String) : [],
      );
    }
    const reply = payload as { statusCode?: unknown; body?: unknown } | undefined;
    if (!reply || typeof reply !== 'object' || reply.statusCode !== 200 || !('body' in reply)) {
      throw new MigrateError(`${this.functionName} ${cmd}: unexpected reply (expected {statusCode: 200, body}): ${text.slice(0, 300)}`);
    }
    return reply.body as T;
  }
}

/**
 * A session whose migrations run in a Lambda controller: the same readState/plan/apply (and
 * status, unlock, repair, log, drift) as a local Session, so the CLI and the action produce the
 * same output and exit codes. `protocol: onetable` drives an existing OneTable Controller.
 */
export class RemoteSession {
  readonly controller: ControllerClient;
  private readonly now: () => number;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly opts: RemoteSessionOptions,
  ) {
    if (!environment.function) throw new InputError(`environments.${environment.name}: runner: lambda needs function: <name or ARN>.`);
    const lambda =
      opts.client ??
      new LambdaClient({ region: opts.region ?? environment.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1', ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) });
    this.controller = new ControllerClient(environment.function, environment.table, lambda, opts.log);
    this.now = opts.now ?? Date.now;
  }

  get log(): Logger {
    return this.opts.log;
  }

  private get onetable(): boolean {
    return this.environment.protocol === 'onetable';
  }

  async readState(): Promise<TableState> {
    if (!this.onetable) return (await this.controller.invoke<StatusBody>(DM.status)).state;
    const past = await this.controller.invoke<Record<string, unknown>[]>('getPastMigrations');
    return { table: this.environment.table, keys: { hash: 'pk', sort: 'sk' }, records: past.map(recordOf) };
  }

  /** `status`: computed by the controller (ours) or from OneTable's answers. */
  async status(): Promise<StatusReport> {
    if (!this.onetable) return (await this.controller.invoke<StatusBody>(DM.status)).status;
    const state = await this.readState();
    return buildStatus(state, this.project.migrations, await this.plan({ command: 'apply' }, state), this.now());
  }

  /**
   * Plans against the table. Ours: the controller plans with the migrations it hosts, and a
   * step whose file in this repository differs from the deployed one is warned about. OneTable:
   * planned here from its getCurrentVersion, getOutstandingVersions and getPastMigrations.
   * `state === null` plans from the files alone (fork pull requests), without invoking.
   */
  async plan(input: { command: PlanCommand; version?: string | undefined; resume?: boolean | undefined }, state?: TableState | null): Promise<Plan> {
    if (state === null) return this.localPlan(input, undefined);
    if (this.onetable) return this.oneTablePlan(input, state);
    if (state) return this.localPlan(input, state);
    const plan = await this.controller.invoke<Plan>(DM.plan, { command: input.command, version: input.version, resume: input.resume });
    for (const s of plan.steps) {
      const here = (s.kind === 'reset' ? this.project.reset : this.project.migrations.find((m) => m.version === s.version))?.checksum;
      if (here && here !== s.checksum) {
        plan.warnings.push({
          code: 'controller-differs',
          version: s.version,
          message: `${s.file} in ${this.controller.functionName} differs from this repository's (${here.slice(7, 15)} here, ${s.checksum.slice(7, 15)} deployed): deploy the controller again (build-controller) before applying.`,
        });
      }
    }
    return plan;
  }

  private localPlan(input: { command: PlanCommand; version?: string | undefined; resume?: boolean | undefined }, state: TableState | undefined): Plan {
    return planMigrations({
      command: input.command,
      environment: this.environment,
      migrations: this.project.migrations,
      reset: this.project.reset,
      state,
      version: input.version,
      resume: input.resume,
      now: this.now(),
    });
  }

  private async oneTablePlan(input: { command: PlanCommand; version?: string | undefined; resume?: boolean | undefined }, given: TableState | undefined): Promise<Plan> {
    const state = given ?? (await this.readState());
    const [current, outstanding] = await Promise.all([
      this.controller.invoke<string>('getCurrentVersion'),
      this.controller.invoke<string[]>('getOutstandingVersions'),
    ]);
    const plan = this.localPlan(input, state);
    if (current !== plan.currentVersion) {
      plan.warnings.push({ code: 'controller-differs', message: `${this.controller.functionName} reports version ${current}; its records say ${plan.currentVersion}.` });
    }
    const applied = new Set(state.records.map((r) => r.version));
    const ours = this.project.migrations.map((m) => m.version).filter((v) => !applied.has(v));
    const missing = ours.filter((v) => !outstanding.includes(v));
    if (missing.length) {
      plan.warnings.push({
        code: 'controller-differs',
        message: `${this.controller.functionName} does not host ${missing.join(', ')} (it has ${outstanding.join(', ') || 'nothing'} outstanding): deploy it with these migrations before applying.`,
      });
    }
    plan.warnings.push({ code: 'no-lock', message: 'A OneTable Controller takes no lock: make sure nothing else migrates this table meanwhile.' });
    return plan;
  }

  /**
   * Applies a plan through the function. Ours: one dm:apply (the controller locks, re-checks the
   * reviewed hash and runs the steps), invoked again while a step stops at a checkpoint before
   * the function's time limit; or, for big steps, the fan-out over scan segments. OneTable: one
   * apply per step. A function error becomes a failed report carrying the remote message.
   */
  async apply(plan: Plan, options: ApplyOptions = {}): Promise<RunReport> {
    const startedAt = this.now();
    try {
      if (this.onetable) return await this.applyOneTable(plan, startedAt);
      if (plan.blockers.length && !this.opts.dryRun) return await this.remoteApply(plan, options);
      const segments = this.opts.fanOut?.segments ?? defaultSegments(plan.estimate?.sizeBytes);
      if (!this.opts.dryRun && plan.command !== 'reset' && plan.steps.length && segments > 1) {
        return await applyWithFanOut(this.controller, plan, options, { ...this.opts.fanOut, segments }, {
          log: this.log,
          actor: this.opts.actor,
          runUrl: this.opts.runUrl,
          gitSha: this.opts.gitSha,
          deadline: this.opts.deadline,
          leaseMs: this.opts.leaseMs,
          now: this.now,
        });
      }
      return await this.remoteApply(plan, options);
    } catch (e) {
      if (!(e instanceof RemoteFunctionError)) throw e;
      return {
        plan,
        status: 'failed',
        steps: [],
        startedAt,
        durationMs: this.now() - startedAt,
        error: e.message,
        next: `Check the function's logs (CloudWatch) and the table's status (dynamodb-migrate status --env ${this.environment.name}) before running again.`,
        exitCode: e.exitCode,
      };
    }
  }

  private async remoteApply(plan: Plan, options: ApplyOptions): Promise<RunReport> {
    const base: ApplyArgs = {
      command: plan.command,
      version: plan.command === 'to' ? plan.targetVersion : undefined,
      resume: plan.steps[0]?.kind === 'resume' ? true : undefined,
      planHash: options.expectedHash ?? plan.hash,
      onPlanChange: options.expectedHash ? (options.onPlanChange ?? 'fail') : 'replan',
      reason: options.reason,
      recoveryPoint: options.recoveryPoint,
      actor: this.opts.actor,
      runUrl: this.opts.runUrl,
      gitSha: this.opts.gitSha,
      samplePercent: this.opts.samplePercent,
      deadline: this.opts.deadline,
    };
    let report = await this.controller.invoke<RunReport>(DM.apply, { ...base }, { dry: this.opts.dryRun });
    const steps: StepReport[] = [...report.steps];
    // A step stopped at a checkpoint before the function's time ran out: continue it from there.
    for (let round = 1; report.status === 'incomplete' && !this.pastDeadline() && round < 1000; round++) {
      this.log.info(`${this.controller.functionName}: ${report.error ?? 'stopped at a checkpoint'}; invoking again to continue.`);
      report = await this.controller.invoke<RunReport>(DM.apply, { ...base, command: plan.command === 'to' ? 'to' : 'apply', version: plan.command === 'to' ? plan.targetVersion : undefined, resume: true, planHash: undefined, onPlanChange: 'replan' });
      // The resumed step replaces its incomplete entry.
      for (const s of report.steps) {
        const i = steps.findIndex((x) => x.version === s.version && x.direction === s.direction && x.status === 'incomplete');
        if (i >= 0) steps[i] = s;
        else steps.push(s);
      }
    }
    return round(report, plan, steps);
  }

  private pastDeadline(): boolean {
    return this.opts.deadline !== undefined && this.now() >= this.opts.deadline;
  }

  private async applyOneTable(plan: Plan, startedAt: number): Promise<RunReport> {
    const base = { plan, startedAt };
    if (plan.blockers.length) {
      return { ...base, steps: [], status: 'blocked', durationMs: this.now() - startedAt, error: plan.blockers.map((b) => b.message).join('\n'), next: plan.blockers.map((b) => b.next).join('\n'), exitCode: plan.blockers[0]!.kind === 'drift' ? EXIT.drift : plan.blockers[0]!.kind === 'failed-state' ? EXIT.failure : EXIT.input };
    }
    if (!plan.steps.length) return { ...base, steps: [], status: 'no-op', durationMs: this.now() - startedAt };
    const steps: StepReport[] = [];
    for (const step of plan.steps) {
      const t0 = this.now();
      // OneTable's down reverts the version it names; its up runs every version up to the one named.
      const action = step.kind === 'reset' ? 'reset' : step.kind === 'repeat' || (step.kind === 'resume' && step.direction === 'up') ? 'repeat' : step.direction;
      try {
        await this.controller.invoke('apply', { action, version: step.version, params: { dry: !!this.opts.dryRun } }, { dry: this.opts.dryRun });
        steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: this.opts.dryRun ? 'dry-run' : 'applied', durationMs: this.now() - t0 });
      } catch (e) {
        const msg = messageOf(e);
        steps.push({ version: step.version, direction: step.direction, kind: step.kind, status: 'failed', durationMs: this.now() - t0, error: msg });
        return {
          ...base, steps, status: 'failed', durationMs: this.now() - startedAt,
          error: `${step.direction} ${step.version} failed in ${this.controller.functionName}: ${msg}`,
          next: `Check the function's logs; OneTable records the failure as the table's version (${step.version}): fix it, then repeat it or roll it back.`,
          exitCode: e instanceof MigrateError ? e.exitCode : EXIT.failure,
        };
      }
    }
    return { ...base, steps, status: this.opts.dryRun ? 'dry-run' : 'applied', durationMs: this.now() - startedAt };
  }

  async unlock(lockId: string, reason?: string): Promise<void> {
    this.ours('unlock');
    await this.controller.invoke(DM.unlock, { lockId, reason, actor: this.opts.actor });
  }

  async repair(input: { version: string; mark: 'applied' | 'reverted'; reason: string }): Promise<string> {
    this.ours('repair');
    if (this.opts.dryRun) return `dry run: would mark ${input.version} ${input.mark}`;
    return (await this.controller.invoke<{ message: string }>(DM.repair, { ...input, actor: this.opts.actor })).message;
  }

  async readLog(limit?: number): Promise<LogEntry[]> {
    this.ours('log');
    return this.controller.invoke<LogEntry[]>(DM.log, { limit });
  }

  async drift(): Promise<DriftReport> {
    this.ours('drift');
    return this.controller.invoke<DriftReport>(DM.drift);
  }

  private ours(what: string): void {
    if (this.onetable) throw new InputError(`${what} is not available through a OneTable Controller (protocol: onetable): it has no lock or audit log.`);
  }
}

/** Opens an environment whose migrations run in a Lambda controller (`runner: lambda`). */
export function openRemoteSession(project: Project, env: string | Environment | undefined, opts: RemoteSessionOptions): RemoteSession {
  const environment = typeof env === 'object' ? env : selectEnvironment(project.manifest, project.manifestPath, env);
  return new RemoteSession(project, environment, opts);
}

/** The last invocation's report, with the steps of every round and the original plan when nothing ran. */
function round(report: RunReport, plan: Plan, steps: StepReport[]): RunReport {
  return { ...report, plan: report.plan ?? plan, steps };
}

/** A OneTable `_Migration` record as getPastMigrations returns it (ISO dates over JSON). */
function recordOf(r: Record<string, unknown>): MigrationRecord {
  const version = String(r.version ?? '');
  const date = typeof r.date === 'number' ? r.date : Date.parse(String(r.date ?? '')) || 0;
  return {
    ...(r as Partial<MigrationRecord>),
    version,
    date,
    key: `_migration:${version}:${date}`,
    path: String(r.path ?? ''),
    description: String(r.description ?? ''),
    status: typeof r.status === 'string' ? r.status : 'success',
  };
}


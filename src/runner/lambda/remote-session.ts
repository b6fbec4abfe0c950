import type { LambdaClient } from '@aws-sdk/client-lambda';
import { shortChecksum } from '../../core/checksum';
import { InputError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Environment } from '../../core/manifest';
import { planMigrations } from '../../core/planner';
import type { RunSettings } from '../../core/run-settings';
import { buildStatus, type StatusReport } from '../../core/status';
import type { LogEntry, Plan, PlanStep, RunReport, TableState } from '../../core/types';
import { createDynamoClient, regionOf } from '../../dynamodb/client';
import { recordFromOneTableAnswer } from '../../dynamodb/state/record-codec';
import { ensureRecoveryPoint, type RecoveryPointMode } from '../../dynamodb/recovery-point';
import type { Project } from '../../loader/load-project';
import { DM, type ApplyArgs, type StatusBody } from '../../controller/protocol';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../session';
import { dryRunPlan, replanInput, runPlan } from '../step/run-plan';
import type { ValidationReport } from '../../core/validate';
import { LocalSession } from '../local/local-session';
import { validateTable, type ValidateOptions } from '../validate-table';
import { ControllerClient, RemoteFunctionError } from './controller-client';
import { controllerBackend, defaultSegments, fansOut } from './fan-out';
import type { ExecutionInput } from '../stepfunctions/definition';
import {
  checkStateMachine,
  consoleUrl,
  type ExecutionInfo,
  executionPrefix,
  sfnApi,
  type StepFunctionsApi,
} from '../stepfunctions/execution';
import { outcomeOf, stepExecution, watchExecution } from '../stepfunctions/step-execution';
import { handedOverResult, type StepResult } from '../step/run-step';
import type { ConcludeBody, ProgressBody } from '../../controller/protocol';
import { oneTableBackend, oneTableSteps } from './onetable-backend';

/** How a remote session reaches its controller. */
export interface RemoteConnection {
  log: Logger;
  /** Default: the environment's region, else the AWS environment's. */
  region?: string | undefined;
  /** DynamoDB endpoint for the recovery point taken from here (the controller's table). */
  endpoint?: string | undefined;
  /** A Lambda client to use; default one for the region (AWS_ENDPOINT_URL_LAMBDA is read by the SDK). */
  lambda?: LambdaClient | undefined;
  /** The Step Functions API for fanned-out steps; default @aws-sdk/client-sfn for the region (AWS_ENDPOINT_URL_SFN is read by the SDK). */
  stepFunctions?: StepFunctionsApi | undefined;
  /** Between two looks at a running execution. Default 5 s. */
  pollMs?: number | undefined;
  now?: (() => number) | undefined;
}

/**
 * A session whose migrations run in a Lambda controller: the same readState/plan/apply (and
 * status, unlock, repair, log, drift) as a local Session, so the CLI and the action produce the
 * same output and exit codes. `protocol: onetable` drives an existing OneTable Controller.
 */
export class RemoteSession implements MigrationSession {
  readonly controller: ControllerClient;
  private readonly now: () => number;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly settings: RunSettings,
    private readonly connection: RemoteConnection,
  ) {
    if (!environment.function)
      throw new InputError(`environments.${environment.name}: runner: lambda needs function: <name or ARN>.`);
    const region = regionOf(connection.region ?? environment.region);
    // The SDK's Lambda client is loaded when the controller is first invoked: only runner: lambda needs it.
    const lambda =
      connection.lambda ?? (async () => new (await import('@aws-sdk/client-lambda')).LambdaClient({ region }));
    this.controller = new ControllerClient(environment.function, environment.table, lambda, connection.log);
    this.now = connection.now ?? Date.now;
  }

  get log(): Logger {
    return this.connection.log;
  }

  private get onetable(): boolean {
    return this.environment.protocol === 'onetable';
  }

  async readState(): Promise<TableState> {
    if (!this.onetable) return (await this.controller.invoke<StatusBody>(DM.status)).state;
    const past = await this.controller.invoke<Record<string, unknown>[]>('getPastMigrations');
    return {
      table: this.environment.table,
      keys: { hash: 'pk', sort: 'sk' },
      records: past.map(recordFromOneTableAnswer),
    };
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
  async plan(input: PlanInput, state?: TableState | null): Promise<Plan> {
    if (state === null) return this.localPlan(input, undefined);
    if (this.onetable) return this.oneTablePlan(input, state);
    if (state) return this.localPlan(input, state);
    const plan = await this.controller.invoke<Plan>(DM.plan, {
      command: input.command,
      version: input.version,
      resume: input.resume,
      settings: this.settings,
    });
    for (const s of plan.steps) {
      const here = (
        s.kind === 'reset' ? this.project.reset : this.project.migrations.find((m) => m.version === s.version)
      )?.checksum;
      if (here && here !== s.checksum) {
        plan.warnings.push({
          code: 'controller-differs',
          version: s.version,
          message: `${s.file} in ${this.controller.functionName} differs from this repository's (${shortChecksum(here)} here, ${shortChecksum(s.checksum)} deployed): deploy the controller again (build-controller) before applying.`,
        });
      }
    }
    return plan;
  }

  private localPlan(input: PlanInput, state: TableState | undefined): Plan {
    return planMigrations({
      command: input.command,
      environment: this.environment,
      migrations: this.project.migrations,
      reset: this.project.reset,
      state,
      version: input.version,
      resume: input.resume,
      now: this.now(),
      canaryPercent: this.settings.canaryPercent,
      writeRate: this.settings.writeRate,
    });
  }

  private async oneTablePlan(input: PlanInput, given: TableState | undefined): Promise<Plan> {
    const state = given ?? (await this.readState());
    const [current, outstanding] = await Promise.all([
      this.controller.invoke<string>('getCurrentVersion'),
      this.controller.invoke<string[]>('getOutstandingVersions'),
    ]);
    const plan = this.localPlan(input, state);
    if (current !== plan.currentVersion) {
      plan.warnings.push({
        code: 'controller-differs',
        message: `${this.controller.functionName} reports version ${current}; its records say ${plan.currentVersion}.`,
      });
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
    plan.warnings.push({
      code: 'no-lock',
      message: 'A OneTable Controller takes no lock: make sure nothing else migrates this table meanwhile.',
    });
    return plan;
  }

  /**
   * Applies a plan through the function, with the run driven from here (runPlan): the lock is
   * taken before `onStart`, as in a local run. Ours: the controller's lock, records and audit
   * log, each step whole in one invocation (invoked again while it stops at a checkpoint) or,
   * for big steps, fanned out over scan segments. OneTable: one `apply` per step, no lock. A dry
   * run is one dm:apply with `dry` (the controller's own dry run). A function error becomes a
   * failed report carrying the remote message.
   */
  async apply(reviewed: Plan, options: ApplyOptions = {}): Promise<RunReport> {
    let plan = reviewed;
    const startedAt = this.now();
    const { settings } = this;
    const run = { settings, log: this.log, now: this.now };
    try {
      if (this.onetable) {
        if (settings.dryRun) return await dryRunPlan(plan, oneTableSteps(this.controller, true), run);
        const backend = oneTableBackend(this.controller, { plan: (input) => this.plan(input) });
        return await runPlan(plan, options, backend, run);
      }
      if (settings.dryRun) return await this.remoteDryRun(plan);
      const machine = this.environment['state-machine'];
      // A step of this table already runs in an execution (a job that started it is gone, or runs beside
      // this one): wait for it, then go on from the state it leaves.
      // The state machine is checked before anything is read of it or written to the table.
      if (machine) await checkStateMachine(this.stepFunctionsApi(), machine);
      const attached = machine ? await this.attachRunning(options.detach === true) : undefined;
      if (attached?.stop)
        return {
          plan,
          steps: [attached.report],
          startedAt,
          durationMs: this.now() - startedAt,
          ...attached.stop,
        };
      if (attached) plan = await this.plan({ command: plan.command, version: replanInput(plan).version });
      const report = await this.applyHere(plan, options, run, machine);
      if (attached) {
        report.steps.unshift(attached.report);
        if (report.status === 'no-op') report.status = 'applied';
      }
      return report;
    } catch (e) {
      if (!(e instanceof RemoteFunctionError)) throw e;
      // The controller's own typed errors (a held lock, bad input) are thrown as a local run throws them.
      if (e.typed) throw e.typed;
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

  /** A run through our controller: each step whole in it, or handed to its execution when it fans out. */
  private async applyHere(
    plan: Plan,
    options: ApplyOptions,
    run: { settings: RunSettings; log: Logger; now: () => number },
    machine: string | undefined,
  ): Promise<RunReport> {
    const { settings } = this;
    {
      const segments = settings.fanOut?.segments ?? defaultSegments(plan.estimate?.sizeBytes);
      const fan = { ...settings.fanOut, segments };
      const fanned = plan.steps.filter((s) => fansOut(s, fan));
      if (fanned.length && !machine) {
        // One orchestrator: fanning out is the state machine's work, never a loop in this process.
        if (settings.fanOut?.segments !== undefined)
          throw new InputError(
            `environments.${this.environment.name}: fanning a step out over ${segments} segments needs state-machine: <ARN> (the state machine build-controller generates; docs/lambda.md). Deploy it and name it in the manifest, or leave out the segments to run each step whole.`,
          );
        this.log.info(
          `${fanned.map((s) => s.version).join(', ')} ${fanned.length === 1 ? 'runs' : 'run'} whole in one controller invocation at a time: name a state machine (state-machine:) to fan big steps out.`,
        );
      }
      const whole = plan.steps.filter((s) => s.checks?.length).map((s) => s.version);
      if (whole.length && segments > 1)
        this.log.info(
          `Not fanning out ${whole.join(', ')} with before/verify hooks, which run whole in one controller invocation.`,
        );
      const execution =
        machine && fanned.length ? this.stepExecution(machine, segments, plan.estimate?.items, options) : undefined;
      return await runPlan(plan, options, controllerBackend(this.controller, settings, fan, run, execution), run);
    }
  }

  /** The executions of this table's steps that run now (newest first). */
  async runningSteps(): Promise<{ name: string; executionArn: string; url: string }[]> {
    const machine = this.environment['state-machine'];
    if (!machine) return [];
    const prefix = executionPrefix(this.environment.table);
    return (await this.stepFunctionsApi().listRunning(machine))
      .filter((e) => e.name.startsWith(prefix))
      .map((e) => ({ ...e, url: consoleUrl(e.executionArn) }));
  }

  /** Waits for a running execution of this table's steps, if there is one: its step's result. */
  private async attachRunning(detach: boolean): Promise<StepResult | undefined> {
    const running = (await this.runningSteps())[0];
    if (!running) return undefined;
    const api = this.stepFunctionsApi();
    const input = executionInputOf(await api.describeExecution(running.executionArn));
    const step = input.step as PlanStep;
    this.log.info(`${step.version}: attached to running execution ${running.name}: ${running.url}`);
    if (detach)
      return handedOverResult(step, {
        status: 'running',
        durationMs: this.now() - input.startedAt,
        where: running.url,
      });
    const info = await watchExecution(
      {
        api,
        progress: (s) => this.progressOf(s),
        pollMs: this.pollMs,
        segments: input.totalSegments,
        log: this.log,
        now: this.now,
      },
      step,
      running.executionArn,
      input.startedAt,
    );
    return handedOverResult(step, outcomeOf(info, this.now() - input.startedAt, running.url));
  }

  /**
   * `stop`: stops the running execution of this table's step (StopExecution: aborted at once, no
   * state of its own runs after), then records the step incomplete and releases the lock itself,
   * fenced by the execution's lock id, so the step is resumable (`apply --resume`) and the table
   * free. Segment invocations still in flight lose the lock at their next heartbeat (a third of
   * the lease) and write nothing after: this waits that long before answering.
   */
  async stop(reason = 'stopped with dynamodb-migrate stop'): Promise<string> {
    this.ours('stop');
    if (!this.environment['state-machine'])
      throw new InputError(
        `environments.${this.environment.name} has no state-machine: only a fanned-out step's execution can be stopped (a run in one invocation stops at its time budget).`,
      );
    const api = this.stepFunctionsApi();
    const running = await this.runningSteps();
    if (!running.length) return `No step of ${this.environment.table} runs in an execution.`;
    const said: string[] = [];
    for (const r of running) {
      const input = executionInputOf(await api.describeExecution(r.executionArn));
      const step = input.step as PlanStep;
      await api.stopExecution(r.executionArn, { error: 'Stopped', cause: reason });
      let info = await api.describeExecution(r.executionArn);
      while (info.status === 'RUNNING') {
        await sleep(Math.min(1000, this.pollMs));
        info = await api.describeExecution(r.executionArn);
      }
      if (info.status !== 'ABORTED') {
        said.push(
          `${step.version}: execution ${r.name} ended ${info.status} before it could be stopped; it recorded the step itself.`,
        );
        continue;
      }
      const body = await this.controller.invoke<ConcludeBody>(DM.conclude, {
        lockId: input.lockId,
        runId: input.runId,
        planHash: input.planHash,
        step,
        startedAt: input.startedAt,
        result: { status: 'stopped' },
        settings: this.settings,
      });
      said.push(
        `${step.version}: execution ${r.name} stopped; the step is recorded ${body.status} (${body.counts?.scanned ?? 0} items scanned so far) and the lock is released. Run apply --resume to continue it from its checkpoints.`,
      );
    }
    // In-flight segment invocations see the lock gone at their next heartbeat and stop writing.
    await sleep(Math.ceil(this.settings.leaseMs / 3) + 1000);
    return said.join('\n');
  }

  private get pollMs(): number {
    return this.connection.pollMs ?? (Number(process.env.DYNAMODB_MIGRATE_POLL_MS) || 5000);
  }

  private progressOf(step: PlanStep) {
    return this.controller.invoke<ProgressBody>(DM.progress, { step, settings: this.settings }).then((b) => b.passes);
  }

  /** The Step Functions API this session uses. */
  stepFunctionsApi(): StepFunctionsApi {
    this.sfn ??=
      this.connection.stepFunctions ?? sfnApi({ region: regionOf(this.connection.region ?? this.environment.region) });
    return this.sfn;
  }
  private sfn: StepFunctionsApi | undefined;

  /** The hand-over of fanned-out steps to their executions. */
  private stepExecution(stateMachineArn: string, segments: number, items: number | undefined, options: ApplyOptions) {
    const api = this.stepFunctionsApi();
    return stepExecution({
      api,
      stateMachineArn,
      table: this.environment.table,
      settings: this.settings,
      segments,
      concurrency: this.settings.fanOut?.concurrency,
      items,
      progress: (step) => this.progressOf(step),
      failedAtCheckpoints: async (step) =>
        (await this.readState()).records.filter((r) => r.version === step.version).sort((a, b) => b.date - a.date)[0]
          ?.checkpointed === true,
      pollMs: this.pollMs,
      wait: options.detach !== true,
      onExecution: options.onExecution,
      log: this.log,
      now: this.now,
    });
  }

  /** A dry run: the controller's own, in one invocation; it writes nothing, so nothing is continued. */
  private remoteDryRun(plan: Plan): Promise<RunReport> {
    const args: ApplyArgs = { ...replanInput(plan), settings: this.settings };
    return this.controller.invoke<RunReport>(DM.apply, { ...args }, { dry: true });
  }

  async unlock(lockId: string, reason?: string): Promise<void> {
    this.ours('unlock');
    await this.controller.invoke(DM.unlock, { lockId, reason, settings: this.settings });
  }

  async repair(input: RepairInput): Promise<string> {
    this.ours('repair');
    if (this.settings.dryRun) return `dry run: would mark ${input.version} ${input.mark}`;
    return (await this.controller.invoke<{ message: string }>(DM.repair, { ...input, settings: this.settings }))
      .message;
  }

  async readLog(limit?: number): Promise<LogEntry[]> {
    this.ours('log');
    return this.controller.invoke<LogEntry[]>(DM.log, { limit });
  }

  async drift(): Promise<DriftReport> {
    this.ours('drift');
    return this.controller.invoke<DriftReport>(DM.drift);
  }

  /** The recovery point is the table's, taken from here with this runner's AWS credentials. */
  ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string> {
    const client = createDynamoClient({
      endpoint: this.connection.endpoint,
      region: this.connection.region ?? this.environment.region,
    });
    return ensureRecoveryPoint(client, this.environment.table, mode, { backupName }).finally(() => client.destroy());
  }

  /** Read-only, so it runs from here with this runner's AWS credentials, against the schema the controller reports. */
  async validate(options: ValidateOptions): Promise<ValidationReport> {
    const client = createDynamoClient({
      endpoint: this.connection.endpoint,
      region: this.connection.region ?? this.environment.region,
    });
    try {
      const local = new LocalSession(this.project, this.environment, client, this.settings, {
        log: this.log,
        now: this.now,
      });
      const schema = await local.schemaToValidate(
        options.version,
        options.version ? undefined : (await this.readState()).schema,
      );
      return await validateTable({
        client,
        table: this.environment.table,
        keys: await local.store.keys(),
        schema,
        options,
        log: this.log,
      });
    } finally {
      client.destroy();
    }
  }

  private ours(what: string): void {
    if (this.onetable)
      throw new InputError(
        `${what} is not available through a OneTable Controller (protocol: onetable): it has no lock or audit log.`,
      );
  }
}

function executionInputOf(info: ExecutionInfo): ExecutionInput {
  try {
    return JSON.parse(info.input ?? '') as ExecutionInput;
  } catch {
    throw new InputError(
      `execution ${info.executionArn} has no input of dynamodb-migrate's: is state-machine: the one build-controller generated?`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

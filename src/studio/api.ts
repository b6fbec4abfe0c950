import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkConfirmation } from '../core/gates';
import { readHistory } from '../core/history';
import type { Environment } from '../core/manifest';
import { EXIT, InputError, messageOf, RefusedError } from '../core/errors';
import { exitCodeOf } from '../core/outcome';
import { renderPlanText, renderReportText } from '../core/render/text';
import { renderSchemaDiffText } from '../core/render/schema-diff';
import { diffSchemas } from '../core/schema-diff';
import { buildStatus } from '../core/status';
import type { LogEntry, OneTableSchema, Plan, PlanCommand, TableState } from '../core/types';
import { compareVersions, isVersion } from '../core/version';
import type { Project } from '../loader/load-project';
import type { MigrationSession } from '../runner/session';
import { commandInstead, studioAccess, workflowInstead } from './access';
import type { EventHub, RunState } from './events';
import type { ItemBrowser } from './items';

/** What the studio's routes work with: the project, a session per environment, the event hub. */
export interface StudioContext {
  project: Project;
  /** The environment's session (one per environment, opened once, kept for the studio's life). */
  session(env: Environment): MigrationSession;
  hub: EventHub;
  now(): number;
  /** Read units per second of the data view's scan when the manifest gives no `read-rate`. */
  defaultReadRate: number;
  /** The environment's item browser (runner: local: the studio reads the table itself); undefined otherwise. */
  items?(env: Environment): ItemBrowser | undefined;
}

/** An answer to the page: an HTTP status and a JSON body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A refusal the page shows as it is: the status and one message saying what to do. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const version = z.string().refine(isVersion, { message: 'expected a semver version such as 1.2.0' });
const planBody = z.strictObject({
  command: z.enum(['apply', 'up', 'down', 'repeat', 'reset', 'to']),
  version: version.optional(),
});
const runBody = planBody.extend({
  hash: z.string().min(1).max(200),
  confirm: z.string().max(255).optional(),
});
const unlockBody = z.strictObject({ lockId: z.string().min(1).max(200), reason: z.string().trim().min(1).max(500) });
const repairBody = z.strictObject({
  version,
  mark: z.enum(['applied', 'reverted']),
  reason: z.string().trim().min(1).max(500),
});

/**
 * The studio's JSON API: every read and every action of the page. Reads go through the same
 * MigrationSession as the CLI; an action re-plans, checks the CLI's protection rules and the
 * studio access, and runs exactly the plan the page showed (its hash).
 */
export class StudioApi {
  /** The run the studio started on each environment: at most one at a time. */
  private readonly runs = new Map<string, RunState>();

  constructor(private readonly c: StudioContext) {}

  /** Routes one request; throws ApiError for what the page should show as a refusal. */
  async handle(method: string, path: string, query: URLSearchParams, body: unknown): Promise<ApiAnswer> {
    const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
    const [what, name, action] = parts;
    if (method === 'GET' && what === 'board' && parts.length === 1) return ok(await this.board());
    if (method === 'GET' && what === 'log' && parts.length === 1) return ok(await this.auditLog(query));
    if (what === 'envs' && name !== undefined) {
      const env = this.environment(name);
      if (method === 'GET' && action === undefined) return ok(await this.environmentView(env));
      if (method === 'GET' && action === 'schema') return ok(this.schemaView(env, query, await this.tableSchema(env)));
      if (method === 'GET' && action === 'data') return ok(await this.dataView(env, query));
      if (method === 'GET' && action === 'items') return ok(await this.itemsPage(env, query));
      if (method === 'POST' && action === 'plan') return ok(await this.plan(env, parse(planBody, body)));
      if (method === 'POST' && action === 'run')
        return { status: 202, body: await this.run(env, parse(runBody, body)) };
      if (method === 'POST' && action === 'unlock') return ok(await this.unlock(env, parse(unlockBody, body)));
      if (method === 'POST' && action === 'repair') return ok(await this.repair(env, parse(repairBody, body)));
    }
    throw new ApiError(404, `No such endpoint: ${method} ${path}`);
  }

  private environment(name: string): Environment {
    const config = this.c.project.manifest.environments[name];
    if (!config) {
      const known = Object.keys(this.c.project.manifest.environments).join(', ');
      throw new ApiError(404, `No environment "${name}" in ${this.c.project.manifestPath} (it has ${known}).`);
    }
    return { ...config, name };
  }

  private get environments(): Environment[] {
    return Object.entries(this.c.project.manifest.environments).map(([name, e]) => ({ ...e, name }));
  }

  /** Every environment side by side; one that cannot be read shows its error instead. */
  async board(): Promise<unknown> {
    const cards = await Promise.all(
      this.environments.map(async (env) => {
        try {
          const s = this.c.session(env);
          const state = await s.readState();
          const plan = await s.plan({ command: 'apply' }, state);
          const [last] = await s.readLog(1);
          return this.card(env, state, plan, last);
        } catch (e) {
          return { ...this.identity(env), error: messageOf(e) };
        }
      }),
    );
    return { manifest: this.c.project.manifestPath, environments: cards, at: this.c.now() };
  }

  private identity(env: Environment) {
    return {
      name: env.name,
      table: env.table,
      region: env.region ?? null,
      protected: env.protected,
      runner: env.runner,
      access: studioAccess(env),
      running: this.runs.get(env.name) ?? null,
    };
  }

  private card(env: Environment, state: TableState, plan: Plan, last: LogEntry | undefined) {
    const history = readHistory(state.records);
    const order = compareVersions(history.currentVersion, plan.targetVersion);
    return {
      ...this.identity(env),
      currentVersion: history.currentVersion,
      targetVersion: plan.targetVersion,
      sync: order === 0 ? 'in-sync' : order < 0 ? 'behind' : 'ahead',
      outstanding: plan.direction === 'up' ? plan.steps.length : 0,
      drift: plan.drift,
      failed: plan.failed ?? null,
      blockers: plan.blockers,
      lock: state.lock ? { ...state.lock, expired: state.lock.leaseExpiresAt <= this.c.now() } : null,
      lastRun: last ?? null,
      replicas: state.global?.replicas.map((r) => r.region) ?? [],
    };
  }

  /** One environment: its card, the version sequence, the plan to the target and the recent log. */
  async environmentView(env: Environment): Promise<unknown> {
    const s = this.c.session(env);
    const state = await s.readState();
    const plan = await s.plan({ command: 'apply' }, state);
    const log = await s.readLog(50);
    const status = buildStatus(state, this.c.project.migrations, plan, this.c.now());
    const history = readHistory(state.records);
    const applied = new Map(history.applied.map((r) => [r.version, r]));
    const versions = this.c.project.migrations.map((m) => {
      const r = applied.get(m.version);
      const failed = history.failed?.version === m.version ? history.failed : undefined;
      const state = failed
        ? 'failed'
        : r
          ? 'applied'
          : compareVersions(m.version, history.currentVersion) > 0
            ? 'outstanding'
            : 'skipped';
      return {
        version: m.version,
        description: m.description,
        file: m.file,
        checksum: m.checksum,
        irreversible: m.irreversible,
        idempotent: m.idempotent,
        state,
        drifted: status.applied.find((a) => a.version === m.version)?.drifted ?? false,
        record: r
          ? {
              date: r.date,
              checksum: r.checksum,
              durationMs: r.durationMs,
              counts: r.counts,
              actor: r.actor,
              runUrl: r.runUrl,
            }
          : failed
            ? { date: failed.date, status: failed.status, actor: failed.actor }
            : null,
      };
    });
    const [last] = log;
    return {
      ...this.card(env, state, plan, last),
      versions,
      hasReset: this.c.project.reset !== undefined,
      resetAllowed: !!env['allow-reset'] && !env.protected && this.c.project.reset !== undefined,
      plan,
      planText: renderPlanText(plan),
      status,
      log,
      instead: studioAccess(env) === 'read-only' ? this.insteadAll(env, plan) : null,
    };
  }

  private insteadAll(env: Environment, plan: Plan) {
    const cmds: PlanCommand[] = ['apply', 'up', 'down', 'repeat', 'to'];
    if (!env.protected) cmds.push('reset');
    return cmds.map((command) => ({
      command,
      cli: commandInstead(env, { command, hash: command === 'apply' ? plan.hash : undefined }),
      workflow: workflowInstead(env, { command }),
    }));
  }

  /** The plan a button would run, with its hash; what would refuse it is said, not hidden. */
  async plan(env: Environment, input: z.infer<typeof planBody>): Promise<unknown> {
    checkVersionGiven(input);
    const plan = await this.c.session(env).plan({ command: input.command, version: input.version });
    let refusal: string | null = null;
    try {
      this.checkAllowed(env, input.command, env.protected ? env.table : undefined);
    } catch (e) {
      refusal = messageOf(e);
    }
    return {
      plan,
      text: renderPlanText(plan),
      refusal,
      needsConfirm: env.protected && (input.command === 'down' || input.command === 'to'),
      cli: commandInstead(env, { command: input.command, version: input.version, hash: plan.hash }),
      workflow: workflowInstead(env, { command: input.command, version: input.version }),
    };
  }

  /** Refuses what the studio may not do here: read-only access, then the CLI's rules for protected environments. */
  private checkAllowed(
    env: Environment,
    command: PlanCommand | 'unlock' | 'repair',
    confirm: string | undefined,
  ): void {
    if (studioAccess(env) === 'read-only') {
      throw new ApiError(
        403,
        `${env.name} is read-only in the studio${env.studio ? ' (studio: read-only in the manifest)' : ' (protected environments are, unless the manifest says studio: read-write)'}: run ${commandInstead(env, { command })} or dispatch the workflow.`,
      );
    }
    if (command !== 'unlock' && command !== 'repair') checkConfirmation(env, command, confirm, 'the table name');
  }

  /**
   * Runs a plan the page showed: refused unless allowed here, unless it is still the same plan
   * (hash), and while another run from the studio is going on this environment. Answers at
   * once; the run's lines, figures and outcome reach the page through the event stream.
   */
  async run(env: Environment, input: z.infer<typeof runBody>): Promise<RunState> {
    checkVersionGiven(input);
    this.checkAllowed(env, input.command, input.confirm);
    const busy = this.runs.get(env.name);
    if (busy?.state === 'running') {
      throw new ApiError(409, `${busy.command} is already running on ${env.name}: wait for it to end.`);
    }
    const s = this.c.session(env);
    const plan = await s.plan({ command: input.command, version: input.version });
    if (plan.hash !== input.hash) {
      throw new ApiError(
        409,
        `The plan changed since it was shown (shown ${input.hash}, now ${plan.hash}): review the new plan and run it again.`,
        { plan, text: renderPlanText(plan) },
      );
    }
    const run: RunState = {
      id: randomUUID(),
      command: input.command,
      version: input.version,
      planHash: plan.hash,
      state: 'running',
      startedAt: this.c.now(),
    };
    this.runs.set(env.name, run);
    this.c.hub.publish({ type: 'run', env: env.name, run });
    void s
      .apply(plan, { expectedHash: input.hash, reason: 'studio' })
      .then((report) => {
        Object.assign(run, {
          state: 'done',
          status: report.status,
          text: renderReportText(report),
          finalVersion: report.finalVersion,
        });
      })
      .catch((e: unknown) => {
        Object.assign(run, { state: 'error', error: messageOf(e) });
      })
      .finally(() => this.c.hub.publish({ type: 'run', env: env.name, run: { ...run } }));
    return run;
  }

  async unlock(env: Environment, input: z.infer<typeof unlockBody>): Promise<unknown> {
    this.checkAllowed(env, 'unlock', undefined);
    await this.c.session(env).unlock(input.lockId, input.reason);
    return { message: `unlocked ${env.table} (lock ${input.lockId})` };
  }

  async repair(env: Environment, input: z.infer<typeof repairBody>): Promise<unknown> {
    this.checkAllowed(env, 'repair', undefined);
    return { message: await this.c.session(env).repair(input) };
  }

  private async tableSchema(env: Environment): Promise<OneTableSchema | undefined> {
    return (await this.c.session(env).readState()).schema;
  }

  /** The data model stored in the table or at a version, and the change between two of them. */
  schemaView(env: Environment, query: URLSearchParams, stored: OneTableSchema | undefined): unknown {
    const pick = (v: string | null, what: string): OneTableSchema | undefined => {
      if (v === null || v === '' || v === 'table') return stored;
      const m = this.c.project.migrations.find((x) => x.version === v);
      if (!m) throw new ApiError(400, `${what}=${v}: no migration ${v} in ${this.c.project.dir}.`);
      return m.schema;
    };
    const at = query.get('version') ?? 'table';
    const schema = pick(at, 'version');
    const summary = diffSchemas(undefined, schema);
    const compare = query.get('compare');
    const diff = compare ? diffSchemas(pick(compare, 'compare'), schema) : undefined;
    return {
      environment: env.name,
      version: at,
      versions: ['table', ...this.c.project.migrations.filter((m) => m.schema).map((m) => m.version)],
      found: schema !== undefined,
      schemaVersion: summary.toVersion ?? null,
      models: summary.models.added,
      indexes: summary.indexes.added,
      compare: compare ?? null,
      diff: diff ?? null,
      diffText: diff ? renderSchemaDiffText(diff) : null,
    };
  }

  /**
   * The table's items by model: `validate` (read-only, at the manifest's read-rate or the
   * studio's default), its counts, findings and example items that do not fit, per model.
   */
  async dataView(env: Environment, query: URLSearchParams): Promise<unknown> {
    const v = query.get('version') || undefined;
    if (v !== undefined && !isVersion(v)) throw new ApiError(400, `version=${v}: expected a semver version.`);
    const s = this.c.session(env);
    const readRate = s.settings.readRate ?? this.c.defaultReadRate;
    const report = await s.validate({ readRate, version: v });
    return { environment: env.name, readRate, report };
  }

  /** One page of a model's items (read-only, paced to the read rate). */
  async itemsPage(env: Environment, query: URLSearchParams): Promise<unknown> {
    const browser = this.c.items?.(env);
    if (!browser) {
      throw new ApiError(
        400,
        `${env.name} runs through a Lambda controller: the studio browses items of runner: local environments only.`,
      );
    }
    const schema = await this.tableSchema(env);
    const models = Object.keys((schema?.models ?? {}) as Record<string, unknown>).sort();
    const model = query.get('model') ?? '';
    if (!models.includes(model)) {
      throw new ApiError(
        400,
        `model=${model}: ${models.length ? `expected one of ${models.join(', ')} (the models of the schema stored in ${env.table})` : `${env.table} stores no schema yet: apply a version that has one`}.`,
      );
    }
    const size = Number(query.get('size') ?? 25);
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      throw new ApiError(400, `size=${query.get('size')}: expected a whole number from 1 to 100.`);
    }
    const params = (schema?.params ?? {}) as { typeField?: string };
    return browser.page({
      model,
      typeField: params.typeField ?? '_type',
      cursor: query.get('cursor') ?? undefined,
      pageSize: size,
    });
  }

  /** The audit log of every environment's table, newest first, filtered by environment, actor and outcome. */
  async auditLog(query: URLSearchParams): Promise<unknown> {
    const envFilter = query.get('env') || undefined;
    const actor = query.get('actor')?.trim().toLowerCase() || undefined;
    const outcome = query.get('outcome')?.trim().toLowerCase() || undefined;
    const limit = Number(query.get('limit') ?? 200);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new ApiError(400, `limit=${query.get('limit')}: expected a whole number from 1 to 1000.`);
    }
    const envs = envFilter ? [this.environment(envFilter)] : this.environments;
    const entries: (LogEntry & { table: string })[] = [];
    const errors: { environment: string; error: string }[] = [];
    for (const env of envs) {
      try {
        for (const e of await this.c.session(env).readLog(limit)) entries.push({ ...e, table: env.table });
      } catch (err) {
        errors.push({ environment: env.name, error: messageOf(err) });
      }
    }
    const shown = entries
      .filter((e) => !envFilter || e.environment === envFilter)
      .filter((e) => !actor || e.actor.toLowerCase().includes(actor))
      .filter((e) => !outcome || e.outcome.toLowerCase() === outcome)
      .sort((a, b) => b.at - a.at)
      .slice(0, limit);
    return { entries: shown, errors, outcomes: [...new Set(entries.map((e) => e.outcome))].sort() };
  }
}

function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new ApiError(400, `Bad request body: ${issues}.`);
}

function checkVersionGiven(input: { command: PlanCommand; version?: string | undefined }): void {
  if (input.command === 'to' && input.version === undefined)
    throw new InputError('to needs a version (0.0.0 rolls everything back).');
  if (input.command !== 'to' && input.version !== undefined) throw new InputError(`${input.command} takes no version.`);
}

/** The HTTP status of an error thrown by a session: bad input 400, a refusal 403, a held lock or drift 409. */
export function httpStatusOf(e: unknown): number {
  if (e instanceof ApiError) return e.status;
  if (e instanceof RefusedError) return 403;
  const code = exitCodeOf(e);
  return code === EXIT.input ? 400 : code === EXIT.locked || code === EXIT.drift ? 409 : 500;
}

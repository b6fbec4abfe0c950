import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InputError, messageOf } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Environment } from '../core/manifest';
import { checkRunSettings, resolveRunSettings, type RunSettings } from '../core/run-settings';
import { buildStatus } from '../core/status';
import { createDynamoClient } from '../dynamodb/client';
import type { Project } from '../loader/load-project';
import { LocalSession } from '../runner/local/local-session';
import { TableBackend } from '../runner/local/table-backend';
import type { CommandContext } from './command-context';
import { executionCommands } from './execution-commands';
import { fanOutCommands } from './fan-out-commands';
import { assertSucceeded, oneTableApplyResult, oneTableReads, planOneTableApply } from './onetable';
import {
  DM,
  type ApplyArgs,
  type ControllerEvent,
  type ControllerResponse,
  type LambdaContext,
  type PlanArgs,
  type StatusBody,
} from './protocol';

export type { CommandContext } from './command-context';
export type { ControllerEvent, ControllerResponse, LambdaContext } from './protocol';
export { DM, ONETABLE_COMMANDS } from './protocol';

/** A project, or how to get one on first use (a bundle's static modules, or a folder in tests). */
export type ProjectSource = Project | (() => Project | Promise<Project>);

/** How the controller finds a table's migrations. */
export interface ControllerTable {
  project: ProjectSource;
  /** The manifest environment to use; default: the one whose `table` is this table. */
  environment?: string | undefined;
}

export interface ControllerOptions {
  /** By table name (OneTable's `config.name`). */
  tables?: Record<string, ControllerTable> | undefined;
  /** Serves every table named by one of this project's environments (what build-controller generates). */
  project?: ProjectSource | undefined;
  log?: Logger | undefined;
  /**
   * Bulk passes stop at a checkpoint this long before the invocation's time runs out, so the
   * checkpoint and the step's record are written in time. Default 30 s, never more than half
   * of the time left.
   */
  safetyMarginMs?: number | undefined;
  /** Lock lease for runs started here. Default 120 s. */
  leaseMs?: number | undefined;
  /** Who the controller records as the actor when the caller names none. */
  actor?: string | undefined;
  /** The DynamoDB client for a table; default: the AWS chain, AWS_ENDPOINT_URL_DYNAMODB for the endpoint. */
  client?: ((table: string, env: Environment) => DynamoDBClient) | undefined;
}

/** A Lambda handler: `(event, context) => {statusCode: 200, body}`; failures are thrown. */
export type ControllerHandler = (event: ControllerEvent, context?: LambdaContext) => Promise<ControllerResponse>;

/**
 * Creates the Lambda controller: a handler that hosts the migrations of a set of tables and
 * speaks OneTable Controller's protocol (`{cmd, config, args, dry}` → `{statusCode: 200, body}`,
 * errors thrown), so OneTable's CLI and SenseDeep's migration manager can drive it, plus our
 * `dm:` commands (status, plan, apply a reviewed plan, and the fan-out of a step's scan
 * segments across invocations).
 *
 *     export const handler = createController({ project: () => projectFromModules(manifest, modules) });
 */
export function createController(options: ControllerOptions): ControllerHandler {
  const log = options.log ?? consoleLogger;
  const projects = new Map<ProjectSource, Promise<Project>>();
  const clients = new Map<string, DynamoDBClient>();
  const load = (source: ProjectSource): Promise<Project> => {
    let p = projects.get(source);
    if (!p) {
      p = Promise.resolve(typeof source === 'function' ? source() : source);
      // A failed load is not cached: the next invocation reports it again rather than a stale rejection.
      p.catch(() => projects.delete(source));
      projects.set(source, p);
    }
    return p;
  };

  const resolveTable = async (name: string): Promise<{ project: Project; env: Environment }> => {
    const entry = options.tables?.[name];
    const source = entry?.project ?? options.project;
    if (!source)
      throw new InputError(
        `No migrations defined for ${name}: the controller serves ${Object.keys(options.tables ?? {}).join(', ') || 'no tables'}.`,
      );
    const project = await load(source);
    const envs = Object.entries(project.manifest.environments);
    const found = entry?.environment
      ? envs.find(([n]) => n === entry.environment)
      : envs.find(([, e]) => e.table === name);
    if (!found) {
      throw new InputError(
        `No migrations defined for ${name}: no environment of ${project.manifestPath} has table: ${name} (tables: ${envs.map(([, e]) => e.table).join(', ')}).`,
      );
    }
    // The controller runs the migrations itself: whatever the manifest says about runners.
    return { project, env: { ...found[1], name: found[0], table: name, runner: 'local' } };
  };

  return async (event, context) => {
    if (!event || typeof event !== 'object')
      throw new InputError('Expected an event {cmd, config: {name}, args, dry}.');
    const { cmd } = event;
    const name = event.config?.name;
    if (typeof cmd !== 'string' || !cmd)
      throw new InputError(
        'The event has no cmd (expected e.g. {cmd: "getCurrentVersion", config: {name: "<table>"}}).',
      );
    if (typeof name !== 'string' || !name)
      throw new InputError(`${cmd}: the event has no config.name (the table name).`);
    const args = (event.args && typeof event.args === 'object' ? event.args : {}) as Record<string, unknown>;
    const params = (args.params && typeof args.params === 'object' ? args.params : {}) as Record<string, unknown>;
    // OneTable's tools put the dry flag in three places, in any truthy form: its Controller reads
    // `event.dry`, its CLI sends `args.params.dry` as "Dry Run: " (and "" when not dry).
    const dryRun = isDry(event.dry) || isDry(args.dry) || isDry(params.dry);
    const { project, env } = await resolveTable(name);
    let client = clients.get(name);
    if (!client) {
      client = options.client ? options.client(name, env) : createDynamoClient({ region: env.region });
      clients.set(name, client);
    }
    const now = Date.now;
    const remaining = context?.getRemainingTimeInMillis?.();
    const margin = remaining === undefined ? 0 : Math.min(options.safetyMarginMs ?? 30_000, Math.floor(remaining / 2));
    const settings = settingsFor(cmd, args.settings, env, {
      dryRun,
      now: now(),
      until: remaining === undefined ? undefined : now() + remaining - margin,
      leaseMs: options.leaseMs,
      actor: options.actor ?? `controller:${context?.functionName ?? 'lambda'}`,
    });
    const c: CommandContext = {
      event,
      args,
      dryRun: settings.dryRun,
      deadline: settings.deadline,
      settings,
      log,
      now,
      session: () => new LocalSession(project, env, client, settings, { log, now }),
      table: () => new TableBackend(project, env, client, settings, log, now),
    };
    log.info(`${cmd} ${name}${dryRun ? ' (dry run)' : ''}`);
    const handler = commands[cmd];
    if (!handler) {
      throw new InputError(`Unknown command ${cmd}: expected one of ${Object.keys(commands).join(', ')}.`);
    }
    try {
      return { statusCode: 200, body: await handler(c) };
    } catch (e) {
      log.error(`${cmd} ${name} failed: ${messageOf(e)}`);
      throw e;
    }
  };
}

type Command = (c: CommandContext) => Promise<unknown>;

const commands: Record<string, Command> = {
  // OneTable Controller's commands.
  async apply(c) {
    const s = c.session();
    const { plan } = await planOneTableApply(s, c.args.action, c.args.version);
    const report = await s.apply(plan, { reason: 'OneTable apply' });
    assertSucceeded(report);
    return oneTableApplyResult(s, report, plan);
  },
  getCurrentVersion: async (c) => oneTableReads.getCurrentVersion(c.table()),
  getNamedVersions: async (c) => oneTableReads.getNamedVersions(c.table(), num(c.args.limit)),
  // The name OneTable's CLI sends for `onetable named` (Migrate renamed it getNamedVersions in 1.2.0).
  getNamedMigrations: async (c) => oneTableReads.getNamedVersions(c.table(), num(c.args.limit)),
  getOutstandingVersions: async (c) => oneTableReads.getOutstandingVersions(c.table(), num(c.args.limit)),
  getOutstandingMigrations: async (c) => oneTableReads.getOutstandingMigrations(c.table(), num(c.args.limit)),
  getPastMigrations: async (c) => oneTableReads.getPastMigrations(c.table()),
  getPastVersions: async (c) => oneTableReads.getPastVersions(c.table()),

  // Ours.
  async [DM.status](c): Promise<StatusBody> {
    const s = c.session();
    const state = await s.readState();
    const plan = await s.plan({ command: 'apply' }, state);
    // One read of the table serves all three (status() would read and plan again).
    return { state, plan, status: buildStatus(state, s.project.migrations, plan, c.now()) };
  },
  async [DM.plan](c) {
    const a = c.args as unknown as PlanArgs;
    return c.session().plan({ command: a.command ?? 'apply', version: a.version, resume: a.resume });
  },
  async [DM.apply](c) {
    const a = c.args as unknown as ApplyArgs;
    const s = c.session();
    const plan = await s.plan({ command: a.command ?? 'apply', version: a.version, resume: a.resume });
    // The reviewed hash (when given) is checked under the lock; without one the plan made here is run.
    return s.apply(plan, {
      expectedHash: a.planHash,
      onPlanChange: a.onPlanChange,
      reason: a.reason,
      recoveryPoint: a.recoveryPoint,
    });
  },
  async [DM.unlock](c) {
    const a = c.args as { lockId?: string; reason?: string };
    if (!a.lockId) throw new InputError('dm:unlock needs args.lockId.');
    await c.session().unlock(a.lockId, a.reason);
    return { unlocked: a.lockId };
  },
  async [DM.repair](c) {
    const a = c.args as { version: string; mark: 'applied' | 'reverted'; reason: string };
    return { message: await c.session().repair(a) };
  },
  async [DM.log](c) {
    return c.session().readLog(num(c.args.limit));
  },
  async [DM.drift](c) {
    return c.session().drift();
  },
  ...fanOutCommands,
  ...executionCommands,
};

/**
 * The run's settings in this invocation: the caller's, resolved once on its side and sent
 * along (over the manifest's and the controller's defaults for any field it leaves out),
 * checked here with the same schema (a bad value is bad input, exit 2 at the caller),
 * and bounded by this invocation's time: bulk passes stop at a checkpoint before it runs out,
 * and a held lock is waited for no longer than it lasts. OneTable's commands send none: the
 * manifest's and the controller's defaults apply.
 */
function settingsFor(
  cmd: string,
  given: unknown,
  env: Environment,
  o: { dryRun: boolean; now: number; until: number | undefined; leaseMs: number | undefined; actor: string },
): RunSettings {
  const base = resolveRunSettings(env, { leaseMs: o.leaseMs }, { now: o.now, defaultActor: o.actor });
  // What the caller sent wins field by field (an older caller may send fewer), then it is checked as a whole.
  const s =
    given === undefined || given === null
      ? base
      : checkRunSettings(typeof given === 'object' ? { ...base, ...given } : given, {
          source: `${cmd}: args.settings`,
        });
  const deadline =
    o.until === undefined ? s.deadline : s.deadline === undefined ? o.until : Math.min(s.deadline, o.until);
  const lockTimeoutMs =
    o.until === undefined ? s.lockTimeoutMs : Math.max(0, Math.min(s.lockTimeoutMs, o.until - o.now));
  return { ...s, dryRun: o.dryRun || s.dryRun, deadline, lockTimeoutMs };
}

/**
 * A dry flag as OneTable's tools send it: `true`, or a non-empty string such as "Dry Run: ".
 * Any truthy value counts, as in OneTable Migrate (`if (!options.dry)`): when in doubt, write nothing.
 */
function isDry(v: unknown): boolean {
  return Boolean(v);
}

function num(v: unknown): number | undefined {
  return typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() && !Number.isNaN(Number(v))
      ? Number(v)
      : undefined;
}

/** CloudWatch takes stdout/stderr lines. */
const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
  debug: (m) => {
    if (process.env.DYNAMODB_MIGRATE_DEBUG) console.log(m);
  },
};

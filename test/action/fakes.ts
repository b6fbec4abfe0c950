import type { ValidationReport } from '../../src/core/validate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionIo } from '../../src/action/io';
import type { ActionDeps } from '../../src/action/context';
import { run } from '../../src/action/main';
import type { Environment, EnvironmentConfig } from '../../src/core/manifest';
import type { RunSettings } from '../../src/core/run-settings';
import type { StatusReport } from '../../src/core/status';
import type { LogEntry, Plan, RunReport, TableState } from '../../src/core/types';
import type { RecoveryPointMode } from '../../src/dynamodb/recovery-point';
import { inputEnv } from '../../src/github/inputs';
import { GitHubApiError, type GitHubApi } from '../../src/github/rest';
import type { LoadedMigration, Project } from '../../src/loader/load-project';
import type { Connection } from '../../src/runner/open-session';
import type { ApplyOptions, DriftReport, MigrationSession, PlanInput, RepairInput } from '../../src/runner/session';
import { plan as planFixture, step } from '../core/render/fixtures';

/**
 * In-memory stand-ins for what the action reaches outside itself (GitHub's REST API, the
 * migration session, the runner's log/outputs/summary), so a whole run takes milliseconds.
 */

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
}

/** GitHub's REST API for the calls the action makes, over maps the test fills in. */
export class FakeGitHub implements GitHubApi {
  readonly comments = new Map<number, FakeComment[]>();
  readonly pullsByCommit = new Map<
    string,
    { number: number; merged_at: string | null; merge_commit_sha: string | null; user?: { login: string } }[]
  >();
  readonly reviews = new Map<number, { user: { login: string }; state: string }[]>();
  readonly permissions = new Map<string, string>();
  /** When set, comment writes answer this status (403: a token without pull-requests: write). */
  commentWriteStatus: number | undefined;
  readonly requests: { method: string; path: string; body?: unknown }[] = [];
  private nextId = 100;

  async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    this.requests.push({ method, path, ...(body === undefined ? {} : { body }) });
    const text = String((body as { body?: unknown } | undefined)?.body ?? '');
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/acme\/shop\/issues\/(\d+)\/comments$/.exec(path)) && method === 'POST') {
      this.refuseWrite(method, path);
      const issue = Number(m[1]);
      const c = { id: this.nextId++, body: text, html_url: '' };
      c.html_url = `https://github.com/acme/shop/pull/${issue}#issuecomment-${c.id}`;
      this.comments.set(issue, [...(this.comments.get(issue) ?? []), c]);
      return c as T;
    }
    if ((m = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      this.refuseWrite(method, path);
      const c = [...this.comments.values()].flat().find((x) => x.id === Number(m![1]));
      if (!c) throw new GitHubApiError(404, method, path, 'Not Found');
      c.body = text;
      return c as T;
    }
    if ((m = /^\/repos\/acme\/shop\/collaborators\/([^/]+)\/permission$/.exec(path)) && method === 'GET') {
      return { permission: this.permissions.get(decodeURIComponent(m[1]!)) ?? 'read' } as T;
    }
    if (path === '/repos/acme/shop' && method === 'GET') return { default_branch: 'main' } as T;
    throw new GitHubApiError(404, method, path, 'Not Found');
  }

  async paginate<T>(path: string): Promise<T[]> {
    this.requests.push({ method: 'GET', path });
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/acme\/shop\/issues\/(\d+)\/comments$/.exec(path)))
      return [...(this.comments.get(Number(m[1])) ?? [])] as T[];
    if ((m = /^\/repos\/acme\/shop\/commits\/([0-9a-f]+)\/pulls$/.exec(path)))
      return (this.pullsByCommit.get(m[1]!) ?? []) as T[];
    if ((m = /^\/repos\/acme\/shop\/pulls\/(\d+)\/reviews$/.exec(path)))
      return (this.reviews.get(Number(m[1])) ?? []) as T[];
    throw new GitHubApiError(404, 'GET', path, 'Not Found');
  }

  /** The action's comments on a pull request (its marker first). */
  ours(issue: number): FakeComment[] {
    return (this.comments.get(issue) ?? []).filter((c) => c.body.startsWith('<!-- dynamodb-migrate'));
  }

  /** Makes `sha` the merge of pull request `pr`, optionally approved by a user with write access. */
  merge(pr: number, sha: string, o: { approvedBy?: string; access?: string } = {}): void {
    this.pullsByCommit.set(sha, [
      { number: pr, merged_at: '2025-06-01T00:00:00Z', merge_commit_sha: sha, user: { login: 'author' } },
    ]);
    if (o.approvedBy) {
      this.reviews.set(pr, [{ user: { login: o.approvedBy }, state: 'APPROVED' }]);
      this.permissions.set(o.approvedBy, o.access ?? 'write');
    }
  }

  private refuseWrite(method: string, path: string): void {
    if (this.commentWriteStatus)
      throw new GitHubApiError(this.commentWriteStatus, method, path, 'Resource not accessible by integration');
  }
}

/** How the fake table behaves: what plan, apply and drift return. */
export interface TableScript {
  /** The plan for a command; `state === null` is a plan from the files alone. */
  plan?: (input: PlanInput, state: TableState | null | undefined, env: Environment) => Plan;
  /** Runs a plan; the default calls onStart and applies every step. */
  apply?: (plan: Plan, options: ApplyOptions | undefined, session: FakeSession) => Promise<RunReport>;
  drift?: (env: Environment) => DriftReport;
}

/** A MigrationSession over a scripted table, recording every call. */
export class FakeSession implements MigrationSession {
  readonly planCalls: { input: PlanInput; state: TableState | null | undefined; args: number }[] = [];
  readonly applyCalls: { plan: Plan; options: ApplyOptions | undefined }[] = [];
  readonly recoveryPoints: { mode: RecoveryPointMode; backupName: string; inOnStart: boolean }[] = [];
  /** True while the action's onStart runs (the runner is about to run the first step). */
  inOnStart = false;

  constructor(
    readonly project: Project,
    readonly environment: Environment,
    readonly settings: RunSettings,
    readonly connection: Connection,
    private readonly script: TableScript,
  ) {}

  async readState(): Promise<TableState> {
    throw new Error('not used by the action');
  }
  async plan(input: PlanInput, ...rest: [(TableState | null)?]): Promise<Plan> {
    this.planCalls.push({ input, state: rest[0], args: 1 + rest.length });
    return (this.script.plan ?? defaultPlan)(input, rest[0], this.environment);
  }
  async apply(plan: Plan, options?: ApplyOptions): Promise<RunReport> {
    this.applyCalls.push({ plan, options });
    return (this.script.apply ?? applyAll)(plan, options, this);
  }
  async status(): Promise<StatusReport> {
    throw new Error('not used by the action');
  }
  async unlock(): Promise<void> {}
  async repair(input: RepairInput): Promise<string> {
    return `Marked ${input.version} ${input.mark}.`;
  }
  async drift(): Promise<DriftReport> {
    const d = this.script.drift?.(this.environment);
    if (!d) throw new Error('no drift scripted');
    return d;
  }
  async readLog(): Promise<LogEntry[]> {
    return [];
  }
  async ensureRecoveryPoint(mode: RecoveryPointMode, backupName: string): Promise<string> {
    this.recoveryPoints.push({ mode, backupName, inOnStart: this.inOnStart });
    return `on-demand backup ${backupName} of ${this.environment.table} (arn:fake)`;
  }

  async validate(): Promise<ValidationReport> {
    throw new Error('FakeSession.validate: not used by the action');
  }

  /** Calls the action's onStart as a runner does, right before the first step. */
  async start(plan: Plan, options: ApplyOptions | undefined): Promise<string | undefined> {
    this.inOnStart = true;
    try {
      return (await options?.onStart?.(plan))?.recoveryPoint;
    } finally {
      this.inOnStart = false;
    }
  }
}

/** 0.0.0 -> 1.2.0 in three steps; from the files alone when there is no state. */
export function defaultPlan(input: PlanInput, state: TableState | null | undefined, env: Environment): Plan {
  return planFixture({
    command: input.command,
    environment: env.name,
    table: env.table,
    currentVersion: '0.0.0',
    targetVersion: '1.2.0',
    steps: [step('1.0.0', { description: 'Seed the first order' }), step('1.1.0'), step('1.2.0')],
    rollback: { command: 'to', version: '0.0.0' },
    hash: 'aaaaaaaaaaaaaaaa',
    ...(state === null ? { stateUnknown: true } : {}),
  });
}

/** The default apply: onStart, then every step applied; the table ends at the target. */
export async function applyAll(
  plan: Plan,
  options: ApplyOptions | undefined,
  session: FakeSession,
): Promise<RunReport> {
  const recoveryPoint = await session.start(plan, options);
  return {
    plan,
    status: plan.steps.length ? 'applied' : 'no-op',
    steps: plan.steps.map((s) => ({
      version: s.version,
      direction: s.direction,
      kind: s.kind,
      status: 'applied' as const,
      durationMs: 10,
    })),
    startedAt: 1_750_000_000_000,
    durationMs: 30,
    lockId: 'lock-1',
    recoveryPoint,
    finalVersion: plan.targetVersion,
  };
}

/** What the action said to the runner. */
export class RecordingIo implements ActionIo {
  readonly lines: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly secrets: string[] = [];
  summary = '';
  failed: string | undefined;
  info(m: string) {
    this.lines.push(m);
  }
  debug(m: string) {
    this.lines.push(`::debug::${m}`);
  }
  notice(m: string) {
    this.lines.push(`::notice::${m}`);
  }
  warning(m: string) {
    this.lines.push(`::warning::${m}`);
  }
  error(m: string) {
    this.lines.push(`::error::${m}`);
  }
  setSecret(s: string) {
    this.secrets.push(s);
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  setFailed(m: string) {
    this.failed = m;
    this.lines.push(`::error::${m}`);
  }
  startGroup(name: string) {
    this.lines.push(`::group::${name}`);
  }
  endGroup() {
    this.lines.push('::endgroup::');
  }
  async writeSummary(markdown: string) {
    this.summary += markdown;
  }
  get log(): string {
    return this.lines.join('\n');
  }
}

/** A loaded project with the given environments (the fake session never runs its files). */
export function fakeProject(environments: Record<string, Partial<EnvironmentConfig>> = { dev: {} }): Project {
  const envs = Object.fromEntries(
    Object.entries(environments).map(([name, e]) => [
      name,
      {
        table: `orders-${name}`,
        region: 'us-east-1',
        target: 'latest',
        'allow-reset': false,
        protected: false,
        runner: 'local',
        protocol: 'dynamodb-migrate',
        ...e,
      } as EnvironmentConfig,
    ]),
  );
  return {
    manifestPath: 'migrations/manifest.yaml',
    manifest: { version: 1, migrations: '.', environments: envs },
    dir: '/repo/migrations',
    migrations: [] as LoadedMigration[],
  };
}

export interface InProcessRun {
  code: number;
  io: RecordingIo;
  outputs: Record<string, string>;
  summary: string;
  log: string;
  /** Every session the run opened, in order. */
  sessions: FakeSession[];
}

/** A pull_request event payload (the fields the action reads). */
export function prPayload(number: number, o: { fork?: boolean; headSha?: string } = {}): object {
  return {
    number,
    pull_request: {
      number,
      head: { sha: o.headSha ?? 'a'.repeat(40), repo: { full_name: o.fork ? 'mallory/shop' : 'acme/shop' } },
      base: { repo: { full_name: 'acme/shop' } },
    },
    repository: { full_name: 'acme/shop', default_branch: 'main' },
  };
}

export const pushPayload = { ref: 'refs/heads/main', repository: { full_name: 'acme/shop', default_branch: 'main' } };

/** Runs the whole action in this process, as the runner would, against the fakes. */
export async function runInProcess(o: {
  event: string;
  payload: object;
  github?: FakeGitHub | undefined;
  table?: TableScript;
  project?: Project;
  inputs?: Parameters<typeof inputEnv>[0];
  sha?: string;
  env?: Record<string, string>;
}): Promise<InProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-action-fake-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  const io = new RecordingIo();
  const sessions: FakeSession[] = [];
  const deps: ActionDeps = {
    env: {
      GITHUB_EVENT_NAME: o.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: o.sha ?? 'f'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.test',
      ...inputEnv({ 'github-token': o.github ? 'ghs_fake' : '', ...o.inputs }),
      ...o.env,
    },
    io,
    createGitHubApi: () => {
      if (!o.github) throw new Error('no GitHub API in this test');
      return o.github;
    },
    openMigrationSession: (project, env, settings, connection) => {
      const s = new FakeSession(project, env as Environment, settings, connection, o.table ?? {});
      sessions.push(s);
      return s;
    },
    loadProject: async () => o.project ?? fakeProject(),
    now: () => 1_750_000_000_000,
  };
  const code = await run(deps);
  return { code, io, outputs: io.outputs, summary: io.summary, log: io.log, sessions };
}

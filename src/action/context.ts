import type { Logger } from '../core/logger';
import type { Environment } from '../core/manifest';
import { readOnlySettings, resolveRunSettings, type RunSettings } from '../core/run-settings';
import type { CommentInput } from '../github/comment-protocol';
import type { RunContext } from '../github/event';
import { DEFAULT_MANIFEST, type ActionSettings } from '../github/inputs';
import type { GitHubApi, GitHubApiOptions } from '../github/rest';
import type { Project } from '../loader/load-project';
import type { openMigrationSession } from '../runner/open-session';
import type { MigrationSession } from '../runner/session';
import { loggerOf, type ActionIo } from './io';

/** What the action reaches outside itself. `run()` fills in the real ones; tests pass fakes. */
export interface ActionDeps {
  /** The step's environment variables: INPUT_*, GITHUB_*, AWS_ENDPOINT_URL_DYNAMODB. */
  env: Readonly<Record<string, string | undefined>>;
  io: ActionIo;
  createGitHubApi: (baseUrl: string, token: string, options?: GitHubApiOptions) => GitHubApi;
  openMigrationSession: typeof openMigrationSession;
  loadProject: (manifestPath: string) => Promise<Project>;
  now: () => number;
}

/** How a session may touch its table: look only (plan, drift), or run (apply, unlock, repair). */
export type Access = 'read-only' | 'write';

/** Everything a mode reads, decided once before it runs; nothing in it changes afterwards. */
export interface ActionContext {
  readonly io: ActionIo;
  readonly log: Logger;
  readonly settings: ActionSettings;
  readonly ctx: RunContext;
  /** Undefined without a github-token: no comment, no approval check. */
  readonly api: GitHubApi | undefined;
  readonly project: Project;
  readonly environments: readonly Environment[];
  /** What every comment and summary of this run shares (key, manifest, run link, commit). */
  readonly markdown: Readonly<Pick<CommentInput, 'key' | 'manifest' | 'runUrl' | 'sha'>>;
  readonly now: () => number;
  /**
   * Between two updates of the pull request comment with a running execution's progress: 60 s
   * (DYNAMODB_MIGRATE_COMMENT_EVERY_MS changes it, for tests).
   */
  readonly progressCommentMs: number;
  /** Opens an environment's session, in this process or through its Lambda controller. */
  openSession(env: Environment, access: Access): MigrationSession;
}

export function createActionContext(
  deps: ActionDeps,
  o: {
    settings: ActionSettings;
    ctx: RunContext;
    api: GitHubApi | undefined;
    project: Project;
    environments: readonly Environment[];
  },
): ActionContext {
  const log = loggerOf(deps.io);
  const { settings, ctx } = o;
  const endpoint = deps.env.AWS_ENDPOINT_URL_DYNAMODB || undefined;
  return {
    ...o,
    io: deps.io,
    log,
    markdown: {
      key: commentKey(settings),
      manifest: settings.manifest,
      runUrl: ctx.runUrl,
      sha: ctx.payload.pull_request?.head?.sha ?? ctx.sha,
    },
    now: deps.now,
    progressCommentMs: Number(deps.env.DYNAMODB_MIGRATE_COMMENT_EVERY_MS) || 60_000,
    openSession(env, access) {
      const settingsOfRun = runSettingsOf(env, settings, ctx, deps.now());
      // A read-only client as well: whatever a migration file does, a plan or a drift check cannot write.
      return access === 'read-only'
        ? deps.openMigrationSession(o.project, env, readOnlySettings(settingsOfRun), {
            log,
            endpoint,
            region: env.region,
            readOnly: true,
          })
        : deps.openMigrationSession(o.project, env, settingsOfRun, { log, endpoint, region: env.region });
    },
  };
}

/** One environment's run settings from the inputs and the workflow run (who, where, which commit). */
export function runSettingsOf(
  env: Environment,
  settings: Pick<ActionSettings, 'dryRun'>,
  ctx: Pick<RunContext, 'actor' | 'runUrl' | 'sha'>,
  now: number,
): RunSettings {
  const actor = `${ctx.actor} (GitHub Actions)`;
  return resolveRunSettings(
    env,
    { actor, runUrl: ctx.runUrl, gitSha: ctx.sha, dryRun: settings.dryRun },
    { now, defaultActor: actor },
  );
}

/** Two manifests in one repository get two comments: the key defaults to a non-default manifest path. */
export function commentKey(s: Pick<ActionSettings, 'commentKey' | 'manifest'>): string | undefined {
  return s.commentKey || (s.manifest !== DEFAULT_MANIFEST ? s.manifest : undefined);
}

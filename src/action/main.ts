import { messageOf, type ExitCode } from '../core/errors';
import { selectEnvironments } from '../core/manifest';
import { decideIntent, describeIntent, readRunContext, type Intent, type RunContext } from '../github/event';
import { readSettings } from '../github/inputs';
import { createGitHubApi, type GitHubApi } from '../github/rest';
import { loadProject } from '../loader/load-project';
import { openMigrationSession } from '../runner/open-session';
import { createActionContext, type ActionContext, type ActionDeps } from './context';
import { runnerIo, type ActionIo } from './io';
import type { ModeResult } from './outcome';

/**
 * The action: settings from the inputs, the workflow run's context, what to do (intent), the
 * mode that does it through the same engine as the CLI, then the report (comment, summary,
 * outputs). Returns the exit code; everything outside comes through `deps`.
 */
export async function run(overrides: Partial<ActionDeps> = {}): Promise<ExitCode> {
  const deps: ActionDeps = {
    env: process.env,
    io: runnerIo(),
    createGitHubApi,
    openMigrationSession,
    loadProject,
    now: Date.now,
    ...overrides,
  };
  const { io } = deps;
  try {
    const settings = readSettings(deps.env);
    if (settings.token) io.setSecret(settings.token);
    const ctx = readRunContext(deps.env);
    // Retries and rate-limit waits go to the log; a request given up on becomes the caller's warning.
    const api = settings.token
      ? deps.createGitHubApi(ctx.apiUrl, settings.token, { log: (m) => io.info(m) })
      : undefined;
    const intent = decideIntent(settings, ctx, await defaultBranchOf(io, api, ctx));
    io.info(`dynamodb-migrate: ${describeIntent(intent)}`);
    const project = await deps.loadProject(settings.manifest);
    const environments = selectEnvironments(project.manifest, settings.manifest, settings.environments.join(','));
    const action = createActionContext(deps, { settings, ctx, api, project, environments });
    const result = await runMode(action, intent);
    const { report } = await import('./report');
    return await report(action, result);
  } catch (e) {
    const { reportError } = await import('./report');
    return reportError(io, e);
  }
}

/**
 * Each mode, and the report's renderers, are loaded when the run gets to them: a run needs one
 * mode, and its first call to GitHub or DynamoDB should not wait for the code of the others.
 */
async function runMode(action: ActionContext, intent: Intent): Promise<ModeResult> {
  switch (intent.mode) {
    case 'plan':
      return (await import('./modes/plan')).planMode(action, intent);
    case 'apply':
      return (await import('./modes/apply')).applyMode(action, intent);
    case 'drift':
      return (await import('./modes/drift')).driftMode(action);
    case 'unlock':
    case 'repair':
    case 'stop':
      return (await import('./modes/maintain')).maintainMode(action, intent.mode);
  }
}

/** The event payload names the default branch; a push payload without it asks the API. */
async function defaultBranchOf(io: ActionIo, api: GitHubApi | undefined, ctx: RunContext): Promise<string | undefined> {
  const named = ctx.payload.repository?.default_branch;
  if (named !== undefined || ctx.eventName !== 'push' || !api) return named;
  try {
    return (await api.request<{ default_branch?: string }>('GET', `/repos/${ctx.owner}/${ctx.repo}`)).default_branch;
  } catch (e) {
    io.warning(`Could not read the default branch: ${messageOf(e)}`);
    return undefined;
  }
}

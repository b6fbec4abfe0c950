import { readFileSync } from 'node:fs';
import { InputError, RefusedError } from '../core/errors';
import type { PlanCommand } from '../core/types';
import type { Command } from './constants';
import type { ActionSettings } from './inputs';

/** What the workflow run tells us about itself (the runner's GITHUB_* variables and event). */
export interface RunContext {
  eventName: string;
  payload: EventPayload;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  actor: string;
  runUrl?: string | undefined;
  apiUrl: string;
}

/** The parts of an event payload we read. */
export interface EventPayload {
  pull_request?: {
    number: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  repository?: { default_branch?: string; full_name?: string };
  [key: string]: unknown;
}

/** Reads the run's context from the environment variables the runner sets. */
export function readRunContext(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new InputError('GITHUB_REPOSITORY is not set (expected owner/name): run this action inside GitHub Actions.');
  let payload: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFile(env.GITHUB_EVENT_PATH)) as EventPayload;
    } catch (e) {
      throw new InputError(
        `Cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(e as Error).message}`,
      );
    }
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    actor: env.GITHUB_ACTOR ?? 'unknown',
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt}` : undefined,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
  };
}

/** What this run will do. */
export type Intent =
  | { mode: 'plan'; trigger: Trigger; pullRequest?: PullRequestRef | undefined; readState: boolean }
  | { mode: 'apply'; trigger: Trigger; command: Exclude<PlanCommand, 'resume'> }
  | { mode: 'unlock' | 'repair' | 'stop' | 'drift'; trigger: Trigger };

export type Trigger = 'pull_request' | 'push' | 'dispatch' | 'schedule' | 'other';

export interface PullRequestRef {
  number: number;
  /** From a fork: the workflow has no access to the tables and must not try. */
  fork: boolean;
  headSha?: string | undefined;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The pull request of a pull_request event, with whether it comes from a fork. */
export function pullRequestOf(ctx: RunContext): PullRequestRef | undefined {
  const pr = ctx.payload.pull_request;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name ?? `${ctx.owner}/${ctx.repo}`;
  // A deleted fork has no head repository: still a fork.
  return { number: pr.number, fork: head !== base, headSha: pr.head?.sha };
}

/**
 * Decides what the run does from the event and the `command` input. Applying (and any other
 * write) happens only on a push to the default branch or an explicit workflow_dispatch; a
 * pull request only ever plans, and a fork's plan does not even read the table.
 */
export function decideIntent(
  settings: Pick<ActionSettings, 'command'>,
  ctx: RunContext,
  defaultBranch: string | undefined,
): Intent {
  const trigger = triggerOf(ctx, defaultBranch);
  const pullRequest = PR_EVENTS.has(ctx.eventName) ? pullRequestOf(ctx) : undefined;
  const command: Exclude<Command, 'auto'> = settings.command === 'auto' ? autoCommand(trigger) : settings.command;
  switch (command) {
    case 'plan':
      return { mode: 'plan', trigger, pullRequest, readState: !pullRequest?.fork };
    case 'drift':
      return { mode: 'drift', trigger };
    default: {
      if (PR_EVENTS.has(ctx.eventName)) {
        throw new RefusedError(
          `command "${command}" writes to the table and is refused on a ${ctx.eventName} event: pull requests only plan. Merge to apply, or dispatch the workflow.`,
        );
      }
      if (trigger !== 'push' && trigger !== 'dispatch') {
        const where =
          ctx.eventName === 'push'
            ? `a push to ${ctx.ref} (the default branch is ${defaultBranch ?? 'unknown'})`
            : `a ${ctx.eventName || 'unknown'} event`;
        throw new RefusedError(
          `command "${command}" runs only on a push to the default branch or a workflow_dispatch, not on ${where}.`,
        );
      }
      if (command === 'unlock' || command === 'repair' || command === 'stop') return { mode: command, trigger };
      return { mode: 'apply', trigger, command };
    }
  }
}

/** One line for the log: what the run decided to do, and why. */
export function describeIntent(i: Intent): string {
  if (i.mode === 'plan')
    return `plan (${i.trigger}${i.pullRequest ? ` #${i.pullRequest.number}${i.pullRequest.fork ? ', fork: files only' : ''}` : ''})`;
  if (i.mode === 'apply') return `${i.command} (${i.trigger})`;
  return `${i.mode} (${i.trigger})`;
}

function triggerOf(ctx: RunContext, defaultBranch: string | undefined): Trigger {
  if (PR_EVENTS.has(ctx.eventName)) return 'pull_request';
  if (ctx.eventName === 'push') return defaultBranch && ctx.ref === `refs/heads/${defaultBranch}` ? 'push' : 'other';
  if (ctx.eventName === 'workflow_dispatch') return 'dispatch';
  if (ctx.eventName === 'schedule') return 'schedule';
  return 'other';
}

function autoCommand(trigger: Trigger): Exclude<Command, 'auto'> {
  switch (trigger) {
    case 'push':
    case 'dispatch':
      return 'apply';
    case 'schedule':
      return 'drift';
    default:
      // A pull request, a push to another branch, anything else: look, never touch.
      return 'plan';
  }
}

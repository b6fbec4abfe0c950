import * as core from '@actions/core';
import { EXIT, MigrateError, RefusedError, exitCodeOf, messageOf, type ExitCode } from '../core/errors';
import { checkConfirmation } from '../core/gates';
import type { Logger } from '../core/logger';
import { selectEnvironments, type Environment } from '../core/manifest';
import { codeBlock } from '../core/render/escape';
import { commentMarker, readPlanHashes, renderMarkdown, type EnvironmentSection, type Phase } from '../core/render/markdown';
import type { Plan, RunReport } from '../core/types';
import { createDynamoClient } from '../dynamodb/client';
import { ensureRecoveryPoint } from '../dynamodb/recovery-point';
import { checkApproval, findMergedPullRequest, type ApprovalResult, type MergedPullRequest } from '../github/approval';
import { findComment, upsertComment, type CommentTarget, type FoundComment } from '../github/comment';
import { Inputs, Outputs } from '../github/constants';
import { decideIntent, readRunContext, type Intent, type RunContext } from '../github/event';
import { DEFAULT_MANIFEST, readSettings, type ActionSettings } from '../github/inputs';
import { outputsOf, overallStatus } from '../github/outputs';
import { createGitHubApi, type GitHubApi } from '../github/rest';
import { loadProject, type Project } from '../loader/load-project';
import { exitCodeOfReport, openSession, type ApplyOptions, type Session } from '../runner/engine';
import { RemoteSession, openRemoteSession } from '../runner/lambda-runner';
import { readOnlyClient } from '../runner/read-only-client';

/** One environment's outcome: what to render and the exit code it implies. */
interface Outcome {
  section: EnvironmentSection;
  exitCode: ExitCode;
}

/** What every mode shares. */
interface Run {
  env: NodeJS.ProcessEnv;
  settings: ActionSettings;
  ctx: RunContext;
  api: GitHubApi | undefined;
  project: Project;
  environments: Environment[];
  log: Logger;
  /** Notes shown above the sections. */
  notes: string[];
  /** The pull request whose comment this run writes, if any. */
  comment?: { target: CommentTarget; found?: FoundComment | undefined } | undefined;
  commentUrl?: string | undefined;
  /** An approval gate stopped the merge: the comment keeps the reviewed plan hashes. */
  keepReviewedHashes?: boolean;
}

const log: Logger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
};

/**
 * The action: reads inputs and the event, decides what to do, runs it through the same
 * engine as the CLI, then writes the comment, the job summary and the outputs. Failures of
 * the run are reported (outputs, summary, comment) before the exit code is set, once.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readSettings(env);
    if (settings.token) core.setSecret(settings.token);
    const ctx = readRunContext(env);
    const api = settings.token ? createGitHubApi(ctx.apiUrl, settings.token) : undefined;
    const defaultBranch = ctx.payload.repository?.default_branch ?? (ctx.eventName === 'push' ? await defaultBranchOf(api, ctx) : undefined);
    const intent = decideIntent(settings, ctx, defaultBranch);
    core.info(`dynamodb-migrate: ${describeIntent(intent)}`);
    const project = await loadProject(settings.manifest);
    const environments = selectEnvironments(project.manifest, settings.manifest, settings.environments.join(','));
    const r: Run = { env, settings, ctx, api, project, environments, log, notes: [] };

    const outcomes = await runIntent(r, intent);
    await report(r, intent, outcomes);
  } catch (e) {
    // Bad input and refusals end here: nothing was written to any table.
    const status = e instanceof RefusedError ? 'blocked' : 'failed';
    core.setOutput(Outputs.Status, status);
    core.setFailed(messageOf(e));
    await core.summary
      .addRaw(`## dynamodb-migrate: ${status === 'blocked' ? '⛔ blocked' : '❌ failed'}\n\n${codeBlock(messageOf(e))}\n\nNothing was written to any table.\n`)
      .write()
      .catch(() => undefined);
    if (!(e instanceof MigrateError) && e instanceof Error && e.stack) core.debug(e.stack);
    process.exitCode = exitCodeOf(e);
  }
}

async function runIntent(r: Run, intent: Intent): Promise<Outcome[]> {
  switch (intent.mode) {
    case 'plan':
      return planAll(r, intent);
    case 'apply':
      return applyAll(r, intent);
    case 'drift':
      return driftAll(r);
    case 'unlock':
    case 'repair':
      return [await maintain(r, intent.mode)];
  }
}

/** pull_request and plan: read (unless a fork), plan, never write. */
async function planAll(r: Run, intent: Extract<Intent, { mode: 'plan' }>): Promise<Outcome[]> {
  const pr = intent.pullRequest;
  if (pr) r.comment = { target: { owner: r.ctx.owner, repo: r.ctx.repo, issue: pr.number } };
  if (!intent.readState) {
    r.notes.push('This pull request comes from a fork: its workflow has no access to the tables, so the plan below comes from the migration files alone. It is applied only after merge.');
  }
  const outcomes: Outcome[] = [];
  for (const env of r.environments) {
    core.startGroup(`plan ${env.name} (${env.table})`);
    try {
      const session = sessionFor(r, env, { readOnly: true });
      const plan = await session.plan({ command: 'apply' }, intent.readState ? undefined : null);
      const blocked = plan.blockers.length > 0;
      outcomes.push({
        section: { plan, phase: blocked ? 'blocked' : 'planned', approvalRequired: r.settings.requireApproval, protected: env.protected },
        exitCode: blocked ? exitCodeOfBlockers(plan) : EXIT.ok,
      });
    } catch (e) {
      outcomes.push(await failedOutcome(r, env, e));
    } finally {
      core.endGroup();
    }
  }
  return outcomes;
}

/** push to the default branch and dispatch: the gates, then apply each environment in turn. */
async function applyAll(r: Run, intent: Extract<Intent, { mode: 'apply' }>): Promise<Outcome[]> {
  const { settings } = r;
  for (const env of r.environments) checkConfirmation(env, intent.command, settings.confirm, `input "${Inputs.Confirm}"`);

  // The merged pull request: its comment holds the reviewed plan, its reviews the approval.
  let pr: MergedPullRequest | undefined;
  let reviewed: Record<string, string> = {};
  if (intent.trigger === 'push' && r.api) {
    pr = await findMergedPullRequest(r.api, r.ctx.owner, r.ctx.repo, r.ctx.sha).catch((e: unknown) => {
      core.warning(`Could not find the pull request merged as ${r.ctx.sha}: ${messageOf(e)}`);
      return undefined;
    });
    if (pr) {
      const target = { owner: r.ctx.owner, repo: r.ctx.repo, issue: pr.number };
      const found = await findComment(r.api, target, marker(r)).catch((e: unknown) => {
        core.warning(`Could not read the comments of #${pr!.number}: ${messageOf(e)}`);
        return undefined;
      });
      r.comment = settings.comment ? { target, found } : undefined;
      reviewed = found ? readPlanHashes(found.body) : {};
    }
  }

  const approval = intent.trigger === 'push' && settings.requireApproval ? await approvalOf(r, pr) : undefined;
  if (approval && !approval.approved) r.keepReviewedHashes = true;
  const outcomes: Outcome[] = [];
  for (const env of r.environments) {
    core.startGroup(`${intent.command} ${env.name} (${env.table})`);
    try {
      outcomes.push(await applyOne(r, intent, env, { pr, approval, expected: reviewed[env.name], stopped: outcomes.find((o) => o.exitCode !== EXIT.ok), done: outcomes }));
    } catch (e) {
      outcomes.push(await failedOutcome(r, env, e));
    } finally {
      core.endGroup();
    }
  }
  return outcomes;
}

async function applyOne(
  r: Run,
  intent: Extract<Intent, { mode: 'apply' }>,
  env: Environment,
  g: { pr: MergedPullRequest | undefined; approval: ApprovalResult | undefined; expected: string | undefined; stopped: Outcome | undefined; done: Outcome[] },
): Promise<Outcome> {
  const { settings } = r;
  const session = sessionFor(r, env, { dryRun: settings.dryRun });
  const plan = await session.plan({ command: intent.command, version: settings.version });
  const base = { approvalRequired: intent.trigger === 'push' ? settings.requireApproval : undefined, protected: env.protected };
  const blocked = (error: string, next: string, exitCode: ExitCode, p: Plan = plan): Outcome => {
    core.error(`${env.name}: ${error}`);
    return { section: { ...base, plan: p, phase: 'blocked', error, next }, exitCode };
  };

  if (g.stopped) {
    return blocked(`Not applied: ${g.stopped.section.plan.environment} did not finish first.`, `Resolve ${g.stopped.section.plan.environment}, then re-run this job.`, EXIT.failure);
  }
  if (g.approval && !g.approval.approved) return blocked(g.approval.reason, g.approval.next, EXIT.input);
  if (g.approval?.approved) core.notice(`${env.name}: approved by ${g.approval.by.join(', ')}.`);

  // The plan reviewers saw must still be the plan: the table may have moved, or another
  // pull request merged first. The engine checks again under the lock.
  if (g.expected && plan.hash !== g.expected && settings.onPlanChange === 'fail') {
    return blocked(
      `The plan changed since it was reviewed on #${g.pr?.number} (reviewed ${g.expected}, now ${plan.hash}): ${plan.currentVersion} -> ${plan.targetVersion}, ${plan.steps.length} step(s).`,
      'Review the new plan shown here; re-running this job applies it (this comment now records it as the reviewed plan). Or set on-plan-change: replan.',
      EXIT.drift,
    );
  }
  if (g.pr && !g.expected && intent.trigger === 'push') {
    core.notice(`${env.name}: no reviewed plan found on #${g.pr.number}; applying the current plan ${plan.hash}.`);
  }

  let recoveryPoint: string | undefined;
  const takeRecoveryPoint = async (steps: number): Promise<void> => {
    if (!env.protected || settings.dryRun || !steps) return;
    const client = session instanceof RemoteSession ? createDynamoClient({ endpoint: r.env.AWS_ENDPOINT_URL_DYNAMODB || undefined, region: env.region }) : session.client;
    recoveryPoint = await ensureRecoveryPoint(client, env.table, env['recovery-point'] ?? 'pitr-or-backup', {
      backupName: `dynamodb-migrate-${env.table}-${r.ctx.sha.slice(0, 12) || Date.now()}`,
    });
    core.notice(`${env.name}: recovery point: ${recoveryPoint}`);
  };
  // A controller applies out of reach of onStart: the recovery point is taken just before.
  if (session instanceof RemoteSession) await takeRecoveryPoint(plan.steps.length);
  const applyOptions: ApplyOptions = {
    expectedHash: g.expected,
    onPlanChange: settings.onPlanChange,
    reason: settings.reason ?? `${intent.trigger === 'push' ? `merge of ${g.pr ? `#${g.pr.number}` : r.ctx.sha.slice(0, 12)}` : 'workflow_dispatch'} by ${r.ctx.actor}`,
    recoveryPoint,
    onStart: async (current: Plan) => {
      // Under the lock, after the engine re-planned: the recovery point is of the state the steps start from.
      await takeRecoveryPoint(current.steps.length);
      if (current.steps.length) await updateComment(r, [...g.done.map((o) => o.section), { ...base, plan: current, phase: 'applying' }]);
      // The engine records it in the audit log.
      return { recoveryPoint };
    },
  };
  if (session instanceof RemoteSession && plan.steps.length) {
    await updateComment(r, [...g.done.map((o) => o.section), { ...base, plan, phase: 'applying' }]);
  }
  const rep = await session.apply(plan, applyOptions);
  return { section: { ...base, plan: rep.plan, phase: phaseOf(rep), report: rep, recoveryPoint }, exitCode: exitCodeOfReport(rep) };
}

/** schedule: compare each table with the manifest; any finding fails the run. */
async function driftAll(r: Run): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const env of r.environments) {
    core.startGroup(`drift ${env.name} (${env.table})`);
    try {
      const d = await sessionFor(r, env, { readOnly: true }).drift();
      for (const f of d.findings) core.warning(`${env.name}: ${f.message}`);
      outcomes.push({ section: { plan: d.plan, phase: d.drifted ? 'drift' : 'no-op', findings: d.findings, protected: env.protected }, exitCode: d.drifted ? EXIT.drift : EXIT.ok });
    } catch (e) {
      outcomes.push(await failedOutcome(r, env, e));
    } finally {
      core.endGroup();
    }
  }
  return outcomes;
}

/** unlock and repair: one environment, by dispatch. */
async function maintain(r: Run, mode: 'unlock' | 'repair'): Promise<Outcome> {
  const env = r.environments[0]!;
  const { settings } = r;
  try {
    const session = sessionFor(r, env, { dryRun: settings.dryRun });
    let message: string;
    if (mode === 'unlock') {
      await session.unlock(settings.lockId!, settings.reason);
      message = `Removed lock ${settings.lockId} from ${env.table}.`;
    } else {
      message = await session.repair({ version: settings.version!, mark: settings.mark, reason: settings.reason! });
    }
    core.notice(`${env.name}: ${message}`);
    const plan = await session.plan({ command: 'apply' });
    return { section: { plan, phase: 'applied', message, protected: env.protected }, exitCode: EXIT.ok };
  } catch (e) {
    return failedOutcome(r, env, e);
  }
}

/** A section for an environment that threw: the error, and a plan from the files to show. */
async function failedOutcome(r: Run, env: Environment, e: unknown): Promise<Outcome> {
  core.error(`${env.name}: ${messageOf(e)}`);
  if (!(e instanceof MigrateError) && e instanceof Error && e.stack) core.debug(e.stack);
  let plan: Plan;
  try {
    plan = await sessionFor(r, env, { readOnly: true }).plan({ command: 'apply' }, null);
  } catch {
    plan = emptyPlan(env);
  }
  const next = e instanceof MigrateError ? undefined : 'Check the log of this job; re-run it once the cause is fixed.';
  return { section: { plan, phase: 'failed', error: messageOf(e), next, protected: env.protected }, exitCode: exitCodeOf(e) };
}

/** Comment (when there is a pull request), job summary, outputs, exit code. */
async function report(r: Run, intent: Intent, outcomes: Outcome[]): Promise<void> {
  const sections = outcomes.map((o) => o.section);
  // An approval gate leaves the reviewed plan as it was: re-running after approval must match it.
  const planHashes = r.keepReviewedHashes && r.comment?.found ? readPlanHashes(r.comment.found.body) : undefined;
  if (r.comment && r.settings.comment) await updateComment(r, sections, planHashes);
  else if (intent.mode === 'plan' && intent.pullRequest && r.settings.comment && !r.api) {
    core.warning('No github-token: the plan is in the job summary only.');
  }

  const summary = renderMarkdown({ ...renderContext(r), sections, maxLength: 1_000_000 });
  try {
    await core.summary.addRaw(summary).write();
  } catch (e) {
    core.warning(`Could not write the job summary: ${messageOf(e)}`);
  }

  const outputs = outputsOf(sections, { commentUrl: r.commentUrl });
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);

  const worst = outcomes.find((o) => o.exitCode !== EXIT.ok);
  if (worst) {
    const status = overallStatus(sections);
    const failing = outcomes.filter((o) => o.exitCode !== EXIT.ok).map((o) => `${o.section.plan.environment}: ${o.section.error ?? o.section.report?.error ?? firstBlocker(o.section) ?? o.section.phase}`);
    core.setFailed(`dynamodb-migrate ${status}. ${failing.join(' | ')}`);
    process.exitCode = worst.exitCode;
  }
}

/** Writes the sticky comment; a refusal by GitHub is a warning and a note in the summary. */
async function updateComment(r: Run, sections: EnvironmentSection[], planHashes?: Record<string, string>): Promise<void> {
  if (!r.comment || !r.api) return;
  const body = renderMarkdown({ ...renderContext(r), sections, planHashes });
  try {
    const res = await upsertComment(r.api, r.comment.target, marker(r), body, r.comment.found);
    if (res.ok) {
      r.comment.found = { id: res.id, url: res.url, body };
      r.commentUrl = res.url;
      core.info(`Pull request comment ${res.action}: ${res.url}`);
    } else {
      core.warning(res.warning);
      r.notes.push(res.warning);
      // One refusal is enough: do not retry on every phase.
      r.comment = undefined;
    }
  } catch (e) {
    const warning = `Could not write the pull request comment: ${messageOf(e)}. The plan is in the job summary.`;
    core.warning(warning);
    r.notes.push(warning);
    r.comment = undefined;
  }
}

function renderContext(r: Run) {
  return { key: commentKey(r.settings), manifest: r.settings.manifest, notes: r.notes, runUrl: r.ctx.runUrl, sha: r.ctx.payload.pull_request?.head?.sha ?? r.ctx.sha };
}

function marker(r: Run): string {
  return commentMarker(commentKey(r.settings));
}

/** Two manifests in one repository get two comments: the key defaults to a non-default manifest path. */
function commentKey(s: ActionSettings): string | undefined {
  return s.commentKey || (s.manifest !== DEFAULT_MANIFEST ? s.manifest : undefined);
}

async function approvalOf(r: Run, pr: MergedPullRequest | undefined): Promise<ApprovalResult> {
  if (!r.api) {
    return { approved: false, reason: 'require-approval is true but there is no github-token to check reviews with.', next: 'Pass github-token (the default workflow token works) with permissions pull-requests: read.' };
  }
  if (!pr) {
    return {
      approved: false,
      reason: `require-approval is true but commit ${r.ctx.sha.slice(0, 12)} was not merged from a pull request, so there is no review to check.`,
      next: 'Merge changes through an approved pull request, or apply with a workflow_dispatch through the protected environment.',
    };
  }
  return checkApproval(r.api, r.ctx.owner, r.ctx.repo, pr);
}

/**
 * The environment's session: in this process, or through its Lambda controller when the
 * manifest says `runner: lambda` (same plans, reports and exit codes either way).
 */
function sessionFor(r: Run, env: Environment, o: { readOnly?: boolean; dryRun?: boolean } = {}): Session | RemoteSession {
  const common = {
    dryRun: o.dryRun,
    actor: `${r.ctx.actor} (GitHub Actions)`,
    runUrl: r.ctx.runUrl,
    gitSha: r.ctx.sha || undefined,
    log: r.log,
  };
  if (env.runner === 'lambda') {
    // The Lambda endpoint comes from AWS_ENDPOINT_URL_LAMBDA (read by the SDK); plans stay read-only in the controller.
    return openRemoteSession(r.project, env, { ...common, region: env.region });
  }
  const endpoint = r.env.AWS_ENDPOINT_URL_DYNAMODB || undefined;
  return openSession(r.project, env, {
    ...common,
    endpoint,
    region: env.region,
    // A read-only client as well: whatever happens, a plan or drift check cannot write.
    ...(o.readOnly ? { client: readOnlyClient(createDynamoClient({ endpoint, region: env.region })) } : {}),
  });
}

async function defaultBranchOf(api: GitHubApi | undefined, ctx: RunContext): Promise<string | undefined> {
  if (!api) return undefined;
  try {
    return (await api.request<{ default_branch?: string }>('GET', `/repos/${ctx.owner}/${ctx.repo}`)).default_branch;
  } catch (e) {
    core.warning(`Could not read the default branch: ${messageOf(e)}`);
    return undefined;
  }
}

function phaseOf(rep: RunReport): Phase {
  return rep.status;
}

function exitCodeOfBlockers(plan: Plan): ExitCode {
  const b = plan.blockers[0];
  if (!b) return EXIT.ok;
  return b.kind === 'drift' ? EXIT.drift : b.kind === 'failed-state' ? EXIT.failure : EXIT.input;
}

function firstBlocker(s: EnvironmentSection): string | undefined {
  return s.plan.blockers[0]?.message ?? s.findings?.[0]?.message;
}

function describeIntent(i: Intent): string {
  if (i.mode === 'plan') return `plan (${i.trigger}${i.pullRequest ? ` #${i.pullRequest.number}${i.pullRequest.fork ? ', fork: files only' : ''}` : ''})`;
  if (i.mode === 'apply') return `${i.command} (${i.trigger})`;
  return `${i.mode} (${i.trigger})`;
}

function emptyPlan(env: Environment): Plan {
  return {
    command: 'apply', environment: env.name, table: env.table, currentVersion: '0.0.0', targetVersion: env.target,
    direction: 'none', steps: [], warnings: [], blockers: [], drift: [], stateRevision: '', hash: '', stateUnknown: true,
  };
}

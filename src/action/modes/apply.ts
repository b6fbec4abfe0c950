import { EXIT, MigrateError, PlanChangedError, RefusedError, messageOf } from '../../core/errors';
import { checkConfirmation } from '../../core/gates';
import type { Environment } from '../../core/manifest';
import { exitCodeOf, exitCodeOfReport, statusOfReport } from '../../core/outcome';
import type { LiveExecution, Plan } from '../../core/types';
import {
  checkApproval,
  findMergedPullRequest,
  type ApprovalResult,
  type MergedPullRequest,
} from '../../github/approval';
import { findComment, type FoundComment } from '../../github/comment';
import { commentMarker, readPlanHashes } from '../../github/comment-protocol';
import { Inputs } from '../../github/constants';
import type { Intent, RunContext } from '../../github/event';
import type { ActionSettings } from '../../github/inputs';
import type { GitHubApi } from '../../github/rest';
import type { ApplyOptions } from '../../runner/session';
import type { ActionContext } from '../context';
import { eachEnvironment, type ModeResult, type Outcome } from '../outcome';
import { stickyCommentFor, type StickyComment } from '../sticky-comment';

export type ApplyIntent = Extract<Intent, { mode: 'apply' }>;

/** Why an environment is not applied: the typed error (its exit code) and what to do next. */
export interface Gate {
  error: MigrateError;
  next: string;
}

/** An earlier environment did not finish: the later ones wait (dev before production). */
export function previousGate(stoppedAt: string | undefined): Gate | undefined {
  if (stoppedAt === undefined) return undefined;
  return {
    error: new MigrateError(`Not applied: ${stoppedAt} did not finish first.`),
    next: `Resolve ${stoppedAt}, then re-run this job.`,
  };
}

/** `require-approval`: a merge without the approval is refused (exit 2); undefined when approved or not required. */
export function approvalGate(approval: ApprovalResult | undefined): Gate | undefined {
  if (!approval || approval.approved) return undefined;
  return { error: new RefusedError(approval.reason), next: approval.next };
}

/**
 * The plan reviewers saw must still be the plan: the table may have moved, or another pull
 * request merged first. A different hash stops the merge (exit 4) unless `on-plan-change:
 * replan`; the engine checks again under the lock. No reviewed hash: nothing to compare.
 */
export function planChangeGate(
  plan: Pick<Plan, 'hash' | 'currentVersion' | 'targetVersion' | 'steps'>,
  reviewed: string | undefined,
  onPlanChange: ActionSettings['onPlanChange'],
  pullRequest: number | undefined,
): Gate | undefined {
  if (!reviewed || plan.hash === reviewed || onPlanChange !== 'fail') return undefined;
  return {
    error: new PlanChangedError(
      `The plan changed since it was reviewed on #${pullRequest} (reviewed ${reviewed}, now ${plan.hash}): ${plan.currentVersion} -> ${plan.targetVersion}, ${plan.steps.length} step(s).`,
    ),
    next: 'Review the new plan shown here; re-running this job applies it (this comment now records it as the reviewed plan). Or set on-plan-change: replan.',
  };
}

/** Whether the merged pull request has the approval `require-approval` asks for. */
export async function approvalOf(
  api: GitHubApi | undefined,
  ctx: Pick<RunContext, 'owner' | 'repo' | 'sha'>,
  pr: MergedPullRequest | undefined,
): Promise<ApprovalResult> {
  if (!api) {
    return {
      approved: false,
      reason: 'require-approval is true but there is no github-token to check reviews with.',
      next: 'Pass github-token (the default workflow token works) with permissions pull-requests: read.',
    };
  }
  if (!pr) {
    return {
      approved: false,
      reason: `require-approval is true but commit ${ctx.sha.slice(0, 12)} was not merged from a pull request, so there is no review to check.`,
      next: 'Merge changes through an approved pull request, or apply with a workflow_dispatch through the protected environment.',
    };
  }
  return checkApproval(api, ctx.owner, ctx.repo, pr);
}

/** What the audit log records as the reason of the run, unless the `reason` input says. */
export function reasonOf(
  settings: Pick<ActionSettings, 'reason'>,
  intent: Pick<ApplyIntent, 'trigger'>,
  ctx: Pick<RunContext, 'sha' | 'actor'>,
  pr: MergedPullRequest | undefined,
): string {
  if (settings.reason) return settings.reason;
  const from =
    intent.trigger === 'push' ? `merge of ${pr ? `#${pr.number}` : ctx.sha.slice(0, 12)}` : 'workflow_dispatch';
  return `${from} by ${ctx.actor}`;
}

/** The name of the on-demand backup a protected apply may take (one per commit and table). */
export function backupNameOf(env: Pick<Environment, 'table'>, sha: string, now: number): string {
  return `dynamodb-migrate-${env.table}-${sha.slice(0, 12) || now}`;
}

/** What the merge found on GitHub: the pull request merged, and its comment with the reviewed plan. */
interface Merge {
  pr: MergedPullRequest;
  found: FoundComment | undefined;
}

/** push to the default branch and dispatch: the gates, then apply each environment in turn. */
export async function applyMode(run: ActionContext, intent: ApplyIntent): Promise<ModeResult> {
  const { settings } = run;
  for (const env of run.environments)
    checkConfirmation(env, intent.command, settings.confirm, `input "${Inputs.Confirm}"`);

  const merge = intent.trigger === 'push' ? await mergeOf(run) : undefined;
  const reviewed = merge?.found ? readPlanHashes(merge.found.body) : {};
  const comment = merge ? stickyCommentFor(run, merge.pr.number, merge.found) : undefined;
  const approval =
    intent.trigger === 'push' && settings.requireApproval ? await approvalOf(run.api, run.ctx, merge?.pr) : undefined;

  const outcomes = await eachEnvironment(
    run,
    (env) => `${intent.command} ${env.name} (${env.table})`,
    (env, done) => applyOne(run, intent, env, { pr: merge?.pr, approval, reviewed: reviewed[env.name], done, comment }),
  );
  return {
    outcomes,
    notes: [],
    comment,
    // An approval gate leaves the reviewed plan as it was: re-running after approval must match it.
    planHashes: approval && !approval.approved && merge?.found ? reviewed : undefined,
  };
}

async function applyOne(
  run: ActionContext,
  intent: ApplyIntent,
  env: Environment,
  g: {
    pr: MergedPullRequest | undefined;
    approval: ApprovalResult | undefined;
    reviewed: string | undefined;
    done: readonly Outcome[];
    comment: StickyComment | undefined;
  },
): Promise<Outcome> {
  const { settings, io } = run;
  const session = run.openSession(env, 'write');
  // The analyzers' static errors block apply as they block the plan (the parser loaded now, after the plan).
  const { checkPlan } = await import('../../runner/plan-checks');
  const plan = await checkPlan(
    await session.plan({ command: intent.command, version: settings.version, resume: settings.resume }),
    session.project,
  );
  const base = {
    approvalRequired: intent.trigger === 'push' ? settings.requireApproval : undefined,
    protected: env.protected,
  };
  const blocked = (gate: Gate): Outcome => {
    io.error(`${env.name}: ${gate.error.message}`);
    return {
      section: { ...base, plan, phase: 'blocked', error: gate.error.message, next: gate.next },
      exitCode: exitCodeOf(gate.error),
    };
  };

  const stopped =
    previousGate(g.done.find((o) => o.exitCode !== EXIT.ok)?.section.plan.environment) ?? approvalGate(g.approval);
  if (stopped) return blocked(stopped);
  if (g.approval?.approved) io.notice(`${env.name}: approved by ${g.approval.by.join(', ')}.`);
  const changed = planChangeGate(plan, g.reviewed, settings.onPlanChange, g.pr?.number);
  if (changed) return blocked(changed);
  if (g.pr && !g.reviewed)
    io.notice(`${env.name}: no reviewed plan found on #${g.pr.number}; applying the current plan ${plan.hash}.`);

  let recoveryPoint: string | undefined;
  let applying: Plan = plan;
  const options: ApplyOptions = {
    expectedHash: g.reviewed,
    onPlanChange: settings.onPlanChange,
    reason: reasonOf(settings, intent, run.ctx, g.pr),
    detach: !settings.wait,
    // Right before the first step, for either runner (under the lock when it runs here): the
    // recovery point is of the state the steps start from, and the comment says "applying".
    onStart: async (current: Plan) => {
      if (env.protected && !settings.dryRun && current.steps.length) {
        recoveryPoint = await session.ensureRecoveryPoint(
          env['recovery-point'] ?? 'pitr-or-backup',
          backupNameOf(env, run.ctx.sha, run.now()),
        );
        io.notice(`${env.name}: recovery point: ${recoveryPoint}`);
      }
      applying = current;
      if (current.steps.length)
        await g.comment?.show([...g.done.map((o) => o.section), { ...base, plan: current, phase: 'applying' }]);
      // The runner records it in the audit log.
      return { recoveryPoint };
    },
    // A fanned-out step runs in Step Functions for as long as it takes: the comment links its
    // execution at once and follows its progress (not awaited: the watch goes on meanwhile).
    onExecution:
      g.comment &&
      followInComment(
        (live) =>
          void g.comment?.show([...g.done.map((o) => o.section), { ...base, plan: applying, phase: 'applying', live }]),
        { everyMs: run.progressCommentMs },
      ),
  };
  const report = await session.apply(plan, options);
  return {
    section: { ...base, plan: report.plan, phase: statusOfReport(report), report, recoveryPoint },
    exitCode: exitCodeOfReport(report),
  };
}

/**
 * Which of a running execution's sightings go to the comment: each new execution at once (its
 * link), then its progress at most once every `everyMs`. The final word is the report's.
 */
export function followInComment(
  show: (live: LiveExecution) => void,
  o: { everyMs: number },
): (live: LiveExecution) => void {
  let shown: { name: string; at: number } | undefined;
  return (live) => {
    if (shown?.name === live.name && (!live.progress || live.at - shown.at < o.everyMs)) return;
    shown = { name: live.name, at: live.at };
    show(live);
  };
}

/** The pull request merged as this commit and its comment; a GitHub error is a warning, not a failure. */
async function mergeOf(run: ActionContext): Promise<Merge | undefined> {
  const { api, ctx, io } = run;
  if (!api) return undefined;
  const pr = await findMergedPullRequest(api, ctx.owner, ctx.repo, ctx.sha).catch((e: unknown) => {
    io.warning(`Could not find the pull request merged as ${ctx.sha}: ${messageOf(e)}`);
    return undefined;
  });
  if (!pr) return undefined;
  const found = await findComment(
    api,
    { owner: ctx.owner, repo: ctx.repo, issue: pr.number },
    commentMarker(run.markdown.key),
  ).catch((e: unknown) => {
    io.warning(`Could not read the comments of #${pr.number}: ${messageOf(e)}`);
    return undefined;
  });
  return { pr, found };
}

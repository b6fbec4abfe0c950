import { rehearsalSample } from '../../core/analyzers/findings';
import type { Environment } from '../../core/manifest';
import { exitCodeOfPlan, statusOfPlan } from '../../core/outcome';
import type { Plan } from '../../core/types';
import type { Intent } from '../../github/event';
import type { ActionContext } from '../context';
import { eachEnvironment, type ModeResult, type Outcome } from '../outcome';
import { stickyCommentFor } from '../sticky-comment';

export type PlanIntent = Extract<Intent, { mode: 'plan' }>;

export const FORK_NOTE =
  'This pull request comes from a fork: its workflow has no access to the tables, so the plan below comes from the migration files alone. It is applied only after merge.';

/**
 * Where a plan's state comes from: the table (undefined: the session reads it), or nothing at
 * all (null: the files alone) for a fork's pull request, whose workflow must not touch the
 * tables; then a note says so.
 */
export function planSourceOf(intent: Pick<PlanIntent, 'readState'>): { state: null | undefined; notes: string[] } {
  return intent.readState ? { state: undefined, notes: [] } : { state: null, notes: [FORK_NOTE] };
}

/** A plan shown for review: planned, or blocked with the exit code its first blocker implies. */
export function planOutcome(plan: Plan, env: Pick<Environment, 'protected'>, approvalRequired: boolean): Outcome {
  return {
    section: { plan, phase: statusOfPlan(plan), approvalRequired, protected: env.protected },
    exitCode: exitCodeOfPlan(plan),
  };
}

/** pull_request and `command: plan`: read (unless a fork), plan every environment, never write. */
export async function planMode(run: ActionContext, intent: PlanIntent): Promise<ModeResult> {
  const source = planSourceOf(intent);
  const pr = intent.pullRequest;
  const comment = pr ? stickyCommentFor(run, pr.number) : undefined;
  if (pr && run.settings.comment && !run.api) run.io.warning('No github-token: the plan is in the job summary only.');
  const outcomes = await eachEnvironment(
    run,
    (env) => `plan ${env.name} (${env.table})`,
    async (env) => {
      const session = run.openSession(env, 'read-only');
      const planned = await session.plan({ command: 'apply' }, source.state);
      // The environment's `rehearse:` key; a fork's plan reads no table, so it is not rehearsed.
      const sample = source.state === null ? undefined : rehearsalSample(env);
      // The analyzers' parser is loaded here, after the plan, never at the action's start.
      const { checkPlan } = await import('../../runner/plan-checks');
      const plan = await checkPlan(planned, session.project, {
        rehearse: sample !== undefined && session.rehearse ? (p) => session.rehearse!(p, sample) : undefined,
      });
      return planOutcome(plan, env, run.settings.requireApproval);
    },
  );
  return { outcomes, notes: source.notes, comment };
}

import { MigrateError, messageOf, type ExitCode } from '../core/errors';
import type { Environment } from '../core/manifest';
import { exitCodeOf } from '../core/outcome';
import type { EnvironmentSection } from '../core/render/markdown';
import type { Plan } from '../core/types';
import type { ActionContext } from './context';
import type { StickyComment } from './sticky-comment';

/** One environment's outcome: what to render and the exit code it implies. */
export interface Outcome {
  section: EnvironmentSection;
  exitCode: ExitCode;
}

/** What a mode hands to the report: the outcomes, and what the comment and summary add to them. */
export interface ModeResult {
  outcomes: Outcome[];
  /** Notes shown above the sections (a fork's plan from the files alone). */
  notes: string[];
  /** The pull request comment this run writes, if any. */
  comment?: StickyComment | undefined;
  /** Plan hashes the final comment records, when not those of the sections shown (an approval gate keeps the reviewed ones). */
  planHashes?: Readonly<Record<string, string>> | undefined;
}

/**
 * Runs `fn` for each environment of the run, in order, each in a log group. One that throws
 * becomes a failed outcome and the next still runs (a mode that must stop says so to `fn`
 * through the outcomes so far).
 */
export async function eachEnvironment(
  run: ActionContext,
  label: (env: Environment) => string,
  fn: (env: Environment, done: readonly Outcome[]) => Promise<Outcome>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const env of run.environments) {
    run.io.startGroup(label(env));
    try {
      outcomes.push(await fn(env, outcomes));
    } catch (e) {
      outcomes.push(await failedOutcome(run, env, e));
    } finally {
      run.io.endGroup();
    }
  }
  return outcomes;
}

/** A section for an environment that threw: the error, and a plan from the files to show. */
export async function failedOutcome(run: ActionContext, env: Environment, e: unknown): Promise<Outcome> {
  run.io.error(`${env.name}: ${messageOf(e)}`);
  if (!(e instanceof MigrateError) && e instanceof Error && e.stack) run.io.debug(e.stack);
  let plan: Plan;
  try {
    plan = await run.openSession(env, 'read-only').plan({ command: 'apply' }, null);
  } catch {
    plan = emptyPlan(env);
  }
  const next = e instanceof MigrateError ? undefined : 'Check the log of this job; re-run it once the cause is fixed.';
  return {
    section: { plan, phase: 'failed', error: messageOf(e), next, protected: env.protected },
    exitCode: exitCodeOf(e),
  };
}

function emptyPlan(env: Environment): Plan {
  return {
    command: 'apply',
    environment: env.name,
    table: env.table,
    currentVersion: '0.0.0',
    targetVersion: env.target,
    direction: 'none',
    steps: [],
    warnings: [],
    blockers: [],
    drift: [],
    stateRevision: '',
    hash: '',
    stateUnknown: true,
  };
}

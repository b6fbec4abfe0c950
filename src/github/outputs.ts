import { outputStatusOf } from '../core/outcome';
import type { EnvironmentSection } from '../core/render/markdown';
import { mostUrgent } from '../core/status-vocabulary';
import { Outputs, type ActionStatus } from './constants';

/** The `status` of one environment's section (core/outcome.ts maps the vocabulary onto the documented values). */
export function statusOfSection(s: EnvironmentSection): ActionStatus {
  return outputStatusOf(s.phase, s.plan.steps.length > 0);
}

/** The run's `status`: the most urgent of its environments, in the vocabulary's one order. */
export function overallStatus(sections: readonly EnvironmentSection[]): ActionStatus {
  return mostUrgent(sections.map(statusOfSection)) ?? 'no-op';
}

/**
 * Every output of the action for the sections of this run. With one environment the scalar
 * outputs are its values; with several they are `env=value` pairs joined by commas, and the
 * JSON outputs carry the environment in each entry.
 */
export function outputsOf(
  sections: readonly EnvironmentSection[],
  extra: { commentUrl?: string | undefined; lockId?: string | undefined } = {},
): Record<string, string> {
  const scalar = (pick: (s: EnvironmentSection) => string | undefined): string => {
    if (sections.length === 1) return pick(sections[0]!) ?? '';
    return sections
      .map((s) => [s.plan.environment, pick(s)] as const)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([env, v]) => `${env}=${v}`)
      .join(',');
  };
  const planOf = (s: EnvironmentSection) => s.report?.plan ?? s.plan;
  const steps = sections.flatMap((s) =>
    planOf(s).steps.map((x) => ({
      environment: s.plan.environment,
      version: x.version,
      direction: x.direction,
      kind: x.kind,
      description: x.description,
      reversible: x.reversible,
      idempotent: x.idempotent,
      checksum: x.checksum,
    })),
  );
  const applied = sections.flatMap((s) =>
    (s.report?.steps ?? [])
      .filter((x) => x.status === 'applied')
      .map((x) => ({
        environment: s.plan.environment,
        version: x.version,
        direction: x.direction,
        durationMs: x.durationMs,
        ...(x.counts ? { counts: x.counts } : {}),
      })),
  );
  const changed = sections.some((s) =>
    s.report ? s.report.steps.some((x) => x.status === 'applied') : planOf(s).steps.length > 0,
  );
  return {
    // The table's version when the run ends, read back by the runner; without a run (a plan, a
    // blocked or refused run) or a version read back (dry run), the version it was found at.
    [Outputs.CurrentVersion]: scalar((s) => s.report?.finalVersion ?? planOf(s).currentVersion),
    [Outputs.PreviousVersion]: scalar((s) => planOf(s).currentVersion),
    [Outputs.TargetVersion]: scalar((s) => planOf(s).targetVersion),
    [Outputs.Direction]: scalar((s) => planOf(s).direction),
    [Outputs.Steps]: JSON.stringify(steps),
    [Outputs.PlanHash]: scalar((s) => (planOf(s).stateUnknown ? undefined : planOf(s).hash)),
    [Outputs.Changed]: String(changed),
    [Outputs.Applied]: JSON.stringify(applied),
    [Outputs.Status]: overallStatus(sections),
    // The run's own lock, else a lock found held on the table (what an unlock dispatch needs).
    [Outputs.LockId]: extra.lockId ?? scalar((s) => s.report?.lockId ?? planOf(s).lock?.lockId),
    [Outputs.CommentUrl]: extra.commentUrl ?? '',
  };
}

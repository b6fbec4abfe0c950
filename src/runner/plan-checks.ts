import {
  type AnalyzerFinding,
  applySuppressions,
  checksReport,
  formatFinding,
  type RehearsalSummary,
} from '../core/analyzers/findings';
import { ruleAnchor } from '../core/analyzers/rules';
import type { Plan, PlanBlocker } from '../core/types';
import type { LoadedMigration, Project } from '../loader/load-project';

/**
 * The analyzers on a plan, for `plan` and the pull request's plan: the static rules on the
 * migrations of its up steps and, when asked, a rehearsal (`rehearse`, given by the session
 * that can read the table). Findings go into `plan.checks`; an error that no suppression covers
 * becomes a blocker (`check`, or `rehearsal`: exit 5). The parser is imported here, lazily, so
 * that only the commands that show findings load it.
 */
export async function checkPlan(
  plan: Plan,
  project: Project,
  opts: {
    rehearse?: ((plan: Plan) => Promise<{ findings: AnalyzerFinding[]; summary: RehearsalSummary }>) | undefined;
  } = {},
): Promise<Plan> {
  // Nothing to run, nothing to check.
  if (!plan.steps.length) return plan;
  const versions = new Set(plan.steps.filter((s) => s.direction === 'up' && s.kind !== 'reset').map((s) => s.version));
  const migrations = project.migrations.filter((m) => versions.has(m.version));
  const found = await staticFindingsOf(migrations);
  const rehearsal = opts.rehearse ? await opts.rehearse(plan) : undefined;
  if (rehearsal) found.push(...rehearsal.findings);
  const findings = applySuppressions(found, (v) => project.migrations.find((m) => m.version === v)?.suppress);
  const checks = checksReport(findings, rehearsal?.summary);
  const blockers: PlanBlocker[] = findings
    .filter((f) => f.severity === 'error' && !f.suppressed)
    .map((f) => ({
      kind: f.code.startsWith('DM2') ? 'rehearsal' : 'check',
      version: f.version,
      message: formatFinding(f),
      next: `Fix it (${ruleAnchor(f.code)}), or accept it in ${f.file} with suppress: { ${f.code}: '<why this is fine>' }.`,
    }));
  return { ...plan, checks, blockers: [...plan.blockers, ...blockers] };
}

/** The static findings of these migrations (every migration, for lint). */
export async function staticFindingsOf(migrations: readonly LoadedMigration[]): Promise<AnalyzerFinding[]> {
  if (!migrations.some((m) => m.code !== undefined)) return [];
  const { staticFindings } = await import('../core/analyzers/static-rules');
  return migrations.flatMap((m) =>
    m.code === undefined
      ? []
      : staticFindings({
          version: m.version,
          file: m.file,
          code: m.code,
          irreversible: m.irreversible,
          hasDown: m.hasDown,
        }),
  );
}

/** Lint's findings: every migration's static findings, suppressions applied. */
export async function lintFindings(project: Project): Promise<AnalyzerFinding[]> {
  const all = [...project.migrations, ...(project.reset ? [project.reset] : [])];
  const found = await staticFindingsOf(all);
  return applySuppressions(found, (v) => all.find((m) => m.version === v)?.suppress);
}

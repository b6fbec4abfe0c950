import { ANALYZER_RULES, isRuleCode, type RuleCode, type RuleSeverity } from './rules';

/** One thing an analyzer rule found in one migration. */
export interface AnalyzerFinding {
  code: RuleCode;
  severity: RuleSeverity;
  version: string;
  file: string;
  /** One line naming the file, the version and the model/attribute involved. */
  message: string;
  /** Source line, for static rules. */
  line?: number | undefined;
  /** Items concerned, for rehearsal rules. */
  count?: number | undefined;
  /** Keys of a few items concerned. */
  examples?: Record<string, unknown>[] | undefined;
  /** Set when the migration suppresses this rule: the reason it gives. Never blocks, always shown. */
  suppressed?: string | undefined;
}

/** What a migration says about rules it accepts: code -> reason. */
export type Suppressions = Readonly<Partial<Record<RuleCode, string>>>;

/** The analyzers' section of a plan and of `lint --json`: findings and counts by code. */
export interface ChecksReport {
  findings: AnalyzerFinding[];
  /** Per code: findings, and those suppressed. */
  counts: { code: RuleCode; severity: RuleSeverity; findings: number; suppressed: number }[];
  /** Findings of severity error that no suppression covers: each blocks the plan. */
  errors: number;
  warnings: number;
  /** The rehearsal, when it ran. */
  rehearsal?: RehearsalSummary | undefined;
}

/** What a rehearsal did per step (its findings are in the report's findings). */
export interface RehearsalSummary {
  samplePercent: number;
  steps: {
    version: string;
    file: string;
    /** Items of the sample the step's passes read. */
    sampled: number;
    changed: number;
    /** Round trip and idempotence: checked, or why not. */
    roundTrip: 'checked' | 'no-down' | 'irreversible';
    idempotence: 'checked' | 'not-declared';
    /** Writes made outside ctx.data (raw client): they were not sent, and cannot be rehearsed. */
    unrehearsedWrites: number;
  }[];
}

/** A finding for a rule, with the rule's severity. */
export function finding(
  code: RuleCode,
  m: { version: string; file: string },
  message: string,
  extra: Partial<Pick<AnalyzerFinding, 'line' | 'count' | 'examples'>> = {},
): AnalyzerFinding {
  return { code, severity: ANALYZER_RULES[code].severity, version: m.version, file: m.file, message, ...extra };
}

/**
 * Problems with a migration's `suppress` property: it must map rule codes to a non-empty
 * reason. Returned as messages for lint; an empty list when it is fine or absent.
 */
export function suppressionProblems(value: unknown): string[] {
  if (value === undefined) return [];
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return ['"suppress" must map rule codes to the reason, e.g. suppress: { DM102: "writes one config item" }'];
  const out: string[] = [];
  for (const [code, reason] of Object.entries(value as Record<string, unknown>)) {
    if (!isRuleCode(code)) out.push(`suppress: "${code}" is not a rule code (see docs/analyzers.md)`);
    else if (typeof reason !== 'string' || !reason.trim())
      out.push(`suppress: ${code} needs a reason (a non-empty string saying why the finding is fine)`);
  }
  return out;
}

/** Findings with each migration's suppressions applied (marked, never dropped). */
export function applySuppressions(
  findings: readonly AnalyzerFinding[],
  suppressionsOf: (version: string) => Suppressions | undefined,
): AnalyzerFinding[] {
  return findings.map((f) => {
    const reason = suppressionsOf(f.version)?.[f.code];
    return reason ? { ...f, suppressed: reason } : f;
  });
}

/** The checks section from findings (suppressions already applied). */
export function checksReport(findings: readonly AnalyzerFinding[], rehearsal?: RehearsalSummary): ChecksReport {
  const byCode = new Map<RuleCode, ChecksReport['counts'][number]>();
  for (const f of findings) {
    const c = byCode.get(f.code) ?? { code: f.code, severity: f.severity, findings: 0, suppressed: 0 };
    c.findings++;
    if (f.suppressed) c.suppressed++;
    byCode.set(f.code, c);
  }
  const live = findings.filter((f) => !f.suppressed);
  return {
    findings: [...findings],
    counts: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)),
    errors: live.filter((f) => f.severity === 'error').length,
    warnings: live.filter((f) => f.severity === 'warning').length,
    ...(rehearsal ? { rehearsal } : {}),
  };
}

/** One line of a finding, as lint and the terminal show it. */
export function formatFinding(f: AnalyzerFinding): string {
  const where = f.line ? `${f.file}:${f.line}` : f.file;
  const count = f.count !== undefined ? ` (${f.count} item${f.count === 1 ? '' : 's'})` : '';
  const suppressed = f.suppressed ? ` [suppressed: ${f.suppressed}]` : '';
  return `${f.code} ${f.severity}: ${where} (${f.version}): ${f.message}${count}${suppressed}`;
}

/** Default sample of a rehearsal, in percent of the table's items. */
export const DEFAULT_REHEARSAL_SAMPLE = 1;

/**
 * The sample (percent) a plan is rehearsed on, or undefined for no rehearsal: the CLI's
 * `--rehearse` (with `--sample`), else the environment's `rehearse` key (the PR plan).
 */
export function rehearsalSample(
  env: { rehearse?: boolean | { sample?: number | undefined } | undefined },
  flag?: { rehearse?: boolean | undefined; samplePercent?: number | undefined },
): number | undefined {
  if (flag?.rehearse) return flag.samplePercent ?? DEFAULT_REHEARSAL_SAMPLE;
  const r = env.rehearse;
  if (!r) return undefined;
  return r === true ? DEFAULT_REHEARSAL_SAMPLE : (r.sample ?? DEFAULT_REHEARSAL_SAMPLE);
}

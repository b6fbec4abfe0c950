import { type RuleCode, type RuleSeverity } from './rules.js';
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
    counts: {
        code: RuleCode;
        severity: RuleSeverity;
        findings: number;
        suppressed: number;
    }[];
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
export declare function finding(code: RuleCode, m: {
    version: string;
    file: string;
}, message: string, extra?: Partial<Pick<AnalyzerFinding, 'line' | 'count' | 'examples'>>): AnalyzerFinding;
/**
 * Problems with a migration's `suppress` property: it must map rule codes to a non-empty
 * reason. Returned as messages for lint; an empty list when it is fine or absent.
 */
export declare function suppressionProblems(value: unknown): string[];
/** Findings with each migration's suppressions applied (marked, never dropped). */
export declare function applySuppressions(findings: readonly AnalyzerFinding[], suppressionsOf: (version: string) => Suppressions | undefined): AnalyzerFinding[];
/** The checks section from findings (suppressions already applied). */
export declare function checksReport(findings: readonly AnalyzerFinding[], rehearsal?: RehearsalSummary): ChecksReport;
/** One line of a finding, as lint and the terminal show it. */
export declare function formatFinding(f: AnalyzerFinding): string;
/** Default sample of a rehearsal, in percent of the table's items. */
export declare const DEFAULT_REHEARSAL_SAMPLE = 1;
/**
 * The sample (percent) a plan is rehearsed on, or undefined for no rehearsal: the CLI's
 * `--rehearse` (with `--sample`), else the environment's `rehearse` key (the PR plan).
 */
export declare function rehearsalSample(env: {
    rehearse?: boolean | {
        sample?: number | undefined;
    } | undefined;
}, flag?: {
    rehearse?: boolean | undefined;
    samplePercent?: number | undefined;
}): number | undefined;

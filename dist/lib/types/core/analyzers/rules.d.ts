/**
 * The one registry of analyzer rules: a stable code, a severity (an error blocks the plan, a
 * warning is shown), what it finds, and its anchor in docs/analyzers.md. Codes never change
 * meaning once released; a retired rule keeps its code reserved.
 *
 * DM1xx are static (read from a migration's source, in `lint` and `plan`); DM2xx come from a
 * rehearsal (`plan --rehearse`: the step's transforms run in memory on a sample of the table).
 */
export type RuleSeverity = 'error' | 'warning';
export interface AnalyzerRule {
    code: RuleCode;
    /** Short kebab-case name, also the docs anchor. */
    name: string;
    severity: RuleSeverity;
    kind: 'static' | 'rehearsal';
    /** One line: what the rule finds. */
    summary: string;
}
export declare const RULE_CODES: readonly ["DM101", "DM102", "DM103", "DM104", "DM201", "DM202", "DM203", "DM204", "DM205", "DM206", "DM207", "DM208", "DM209"];
export type RuleCode = (typeof RULE_CODES)[number];
/** Every rule, by code. */
export declare const ANALYZER_RULES: Readonly<Record<RuleCode, AnalyzerRule>>;
/** Whether a string is a rule code. */
export declare function isRuleCode(s: string): s is RuleCode;
/** The rule's page in the docs (`docs/analyzers.md#dm101-unpaginated-read`). */
export declare function ruleAnchor(code: RuleCode): string;

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

export const RULE_CODES = [
  'DM101',
  'DM102',
  'DM103',
  'DM104',
  'DM201',
  'DM202',
  'DM203',
  'DM204',
  'DM205',
  'DM206',
  'DM207',
  'DM208',
  'DM209',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

const rule = (
  code: RuleCode,
  name: string,
  severity: RuleSeverity,
  kind: AnalyzerRule['kind'],
  summary: string,
): AnalyzerRule => ({ code, name, severity, kind, summary });

/** Every rule, by code. */
export const ANALYZER_RULES: Readonly<Record<RuleCode, AnalyzerRule>> = {
  DM101: rule(
    'DM101',
    'unpaginated-read',
    'error',
    'static',
    'a raw-client Scan or Query without a pagination loop reads only its first 1 MB page',
  ),
  DM102: rule(
    'DM102',
    'raw-write',
    'warning',
    'static',
    'a raw-client write bypasses the bulk engine: no checkpoints, rate limit, dry run or canary',
  ),
  DM103: rule(
    'DM103',
    'non-deterministic-transform',
    'warning',
    'static',
    'a transform writes a clock or random value: a resumed or canaried step writes different values',
  ),
  DM104: rule(
    'DM104',
    'reversible-without-down',
    'error',
    'static',
    'a step that is not declared irreversible has no down',
  ),
  DM201: rule(
    'DM201',
    'sets-primary-key',
    'error',
    'rehearsal',
    'a transform sets a primary-key attribute, which cannot change in place',
  ),
  DM202: rule(
    'DM202',
    'sets-index-key',
    'warning',
    'rehearsal',
    'a transform sets a GSI key attribute: the index is written too (extra write units)',
  ),
  DM203: rule(
    'DM203',
    'deletes-items',
    'warning',
    'rehearsal',
    'a transform deletes items (or attributes) that its down does not restore',
  ),
  DM204: rule('DM204', 'item-too-large', 'error', 'rehearsal', "an item would grow past DynamoDB's 400 KB item limit"),
  DM205: rule(
    'DM205',
    'not-idempotent',
    'error',
    'rehearsal',
    'declared idempotent, but up applied twice differs from up once',
  ),
  DM206: rule('DM206', 'round-trip', 'error', 'rehearsal', 'up then down does not give back the items as they were'),
  DM207: rule(
    'DM207',
    'schema-misfit',
    'error',
    'rehearsal',
    "the items after up do not fit the schema of the step's version",
  ),
  DM208: rule('DM208', 'not-rehearsable', 'warning', 'rehearsal', 'writes made outside ctx.data cannot be rehearsed'),
  DM209: rule('DM209', 'rehearsal-threw', 'error', 'rehearsal', 'up or down threw while rehearsed on the sample'),
};

/** Whether a string is a rule code. */
export function isRuleCode(s: string): s is RuleCode {
  return (RULE_CODES as readonly string[]).includes(s);
}

/** The rule's page in the docs (`docs/analyzers.md#dm101-unpaginated-read`). */
export function ruleAnchor(code: RuleCode): string {
  return `docs/analyzers.md#${code.toLowerCase()}-${ANALYZER_RULES[code].name}`;
}

import { type AnalyzerFinding, type ChecksReport, formatFinding } from '../analyzers/findings';
import { ANALYZER_RULES } from '../analyzers/rules';
import { escapeMarkdown, inlineCode } from './escape';

/**
 * The "Checks" section of a plan: the analyzers' counts by code, the warnings and the
 * suppressed findings with their reasons (errors are the plan's blockers, listed with them),
 * and what the rehearsal did per step. The same model for the terminal and the PR comment.
 */

/** Terminal lines (indented as the plan's), or none when there is nothing to say. */
export function renderChecksText(c: ChecksReport | undefined): string[] {
  if (!c) return [];
  const out: string[] = [];
  const rehearsed = c.rehearsal ? ` (rehearsed on ${c.rehearsal.samplePercent}% of the table)` : '';
  out.push(`  checks: ${headline(c)}${rehearsed}`);
  for (const n of c.counts)
    out.push(
      `    ${n.code} ${ANALYZER_RULES[n.code].name.padEnd(28)} ${n.severity.padEnd(7)} ${n.findings}${n.suppressed ? ` (${n.suppressed} suppressed)` : ''}`,
    );
  for (const f of shownFindings(c.findings)) out.push(`    ${f.suppressed ? '~' : '!'} ${formatFinding(f)}`);
  for (const s of c.rehearsal?.steps ?? []) out.push(`    rehearsal ${s.version}: ${rehearsalLine(s)}`);
  return out;
}

/** The markdown section, or undefined when the plan has no checks. */
export function renderChecksMarkdown(c: ChecksReport | undefined): string | undefined {
  if (!c) return undefined;
  const out: string[] = [];
  const rehearsed = c.rehearsal ? ` · rehearsed on ${c.rehearsal.samplePercent}% of the table, read-only` : '';
  out.push(`**Checks:** ${escapeMarkdown(headline(c))}${rehearsed}`);
  if (c.counts.length)
    out.push(
      [
        '| Code | Rule | Severity | Findings | Suppressed |',
        '| --- | --- | --- | --- | --- |',
        ...c.counts.map(
          (n) =>
            `| ${inlineCode(n.code)} | ${ANALYZER_RULES[n.code].name} | ${n.severity} | ${n.findings} | ${n.suppressed} |`,
        ),
      ].join('\n'),
    );
  const lines = shownFindings(c.findings).map(
    (f) =>
      `- ${f.suppressed ? '🔇' : '⚠️'} ${inlineCode(f.code)} ${escapeMarkdown(`${f.file}${f.line ? `:${f.line}` : ''} (${f.version}): ${f.message}`)}${f.count !== undefined ? ` (${f.count} item${f.count === 1 ? '' : 's'})` : ''}${f.suppressed ? ` — suppressed: ${escapeMarkdown(f.suppressed)}` : ''}`,
  );
  for (const s of c.rehearsal?.steps ?? [])
    lines.push(`- 🧪 rehearsal of ${inlineCode(s.version)}: ${escapeMarkdown(rehearsalLine(s))}`);
  if (lines.length) out.push(lines.join('\n'));
  return out.join('\n\n');
}

function headline(c: ChecksReport): string {
  const suppressed = c.findings.filter((f) => f.suppressed).length;
  if (!c.findings.length) return 'no findings';
  const parts = [
    `${c.errors} error${c.errors === 1 ? '' : 's'}`,
    `${c.warnings} warning${c.warnings === 1 ? '' : 's'}`,
    ...(suppressed ? [`${suppressed} suppressed`] : []),
  ];
  return parts.join(', ');
}

/** Warnings and suppressed findings (the errors are listed as blockers). */
function shownFindings(findings: readonly AnalyzerFinding[]): AnalyzerFinding[] {
  return findings.filter((f) => f.severity === 'warning' || f.suppressed);
}

function rehearsalLine(s: NonNullable<ChecksReport['rehearsal']>['steps'][number]): string {
  const roundTrip = {
    checked: 'round trip checked',
    'no-down': 'no down: round trip not checked',
    irreversible: 'irreversible: round trip not checked',
  }[s.roundTrip];
  const idem = s.idempotence === 'checked' ? 'idempotence checked' : 'not declared idempotent';
  const raw = s.unrehearsedWrites ? `; ${s.unrehearsedWrites} write(s) outside ctx.data not rehearsed` : '';
  return `${s.sampled} item(s) read, ${s.changed} changed; ${roundTrip}; ${idem}${raw}`;
}

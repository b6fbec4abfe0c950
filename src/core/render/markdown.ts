import { shortChecksum } from '../checksum';
import { renderChecksMarkdown } from './checks';
import type { DriftFinding } from '../drift';
import { statusOfReport, type ReportStatus } from '../outcome';
import { mostUrgent, type Status } from '../status-vocabulary';
import type { LiveExecution, Plan, PlanStep, RunReport, StepReport } from '../types';
import { codeBlock, escapeMarkdown, inlineCode } from './escape';
import {
  describeReplicatedCost,
  describeReplication,
  describeStepProgress,
  formatBytes,
  formatCount,
  formatDuration,
} from './text';

/**
 * Markdown for the PR comment and the job summary: one rendering of the same model, so what
 * a reviewer saw on the pull request is what the run's summary shows. The comment's hidden
 * lines (the marker that finds it again, the reviewed plan hashes) are not rendering: they are
 * the comment protocol's (github/comment-protocol.ts), passed in as `preamble`.
 */

/** One environment's section. */
export interface EnvironmentSection {
  plan: Plan;
  /** Where the environment is in its life on a pull request, in the one status vocabulary. */
  phase: Status;
  /** The run, once apply started (applying shows the plan; applied/failed show this). */
  report?: RunReport | undefined;
  /** Scheduled drift check findings. */
  findings?: readonly DriftFinding[] | undefined;
  /** Whether the merge needs an approving review (`require-approval`). */
  approvalRequired?: boolean | undefined;
  /** Protected environments need `confirm: <table>` on a rollback dispatch. */
  protected?: boolean | undefined;
  /** An error that stopped this environment outside the run (a gate, the plan changed). */
  error?: string | undefined;
  /** What to do about `error`. */
  next?: string | undefined;
  /** Recorded recovery point (PITR or backup) taken before apply. */
  recoveryPoint?: string | undefined;
  /** What a command without steps did (unlock, repair). */
  message?: string | undefined;
  /** While applying: the fanned-out step running in its Step Functions execution, as last seen. */
  live?: LiveExecution | undefined;
}

/** Everything one comment or summary shows. */
export interface MarkdownInput {
  sections: readonly EnvironmentSection[];
  /** Manifest path, shown in the header. */
  manifest?: string | undefined;
  /** Notes for the whole comment (fork pull request, token without comment rights). */
  notes?: readonly string[] | undefined;
  /** Link to this run, for the "full plan in the job summary" pointer. */
  runUrl?: string | undefined;
  /** Commit the plan was made at. */
  sha?: string | undefined;
  /** Workflow file users dispatch to roll back; default migrate-dispatch.yml. */
  dispatchWorkflow?: string | undefined;
  /** Body limit in characters, `preamble` included (a comment's: github/comment-protocol.ts); default none. */
  maxLength?: number | undefined;
  /**
   * Put first, as given, and kept when the body is cut: the hidden lines a caller records in
   * the body (the pull request comment's marker and plan hashes, github/comment-protocol.ts).
   */
  preamble?: string | undefined;
}

/** Steps shown before the list folds into <details>. */
const OPEN_STEPS = 10;
/** Long error messages are cut in comments; the log has them whole. */
const ERROR_CHARS = 4_000;

/** How each status reads in a heading (the comment's, the job summary's, and each environment's). */
export const STATUS_LABEL: Record<Status, string> = {
  planned: '📋 planned',
  applying: '⏳ applying',
  applied: '✅ applied',
  'no-op': '✅ up to date',
  'dry-run': '🧪 dry run',
  incomplete: '⏸️ incomplete',
  running: '🔄 running in Step Functions',
  failed: '❌ failed',
  'precondition-failed': '⛔ precondition failed',
  'rehearsal-failed': '⛔ rehearsal failed',
  blocked: '⛔ blocked',
  drift: '⚠️ drift',
};

/** The overall status shown in the header: the most urgent of the environments'. */
export function overallPhase(sections: readonly EnvironmentSection[]): Status {
  return mostUrgent(sections.map((s) => s.phase)) ?? 'no-op';
}

/**
 * Renders the comment/summary body. Stays under `maxLength`, when given: when the full
 * rendering is too long, sections drop their step tables and point to the job summary; if that
 * is still too long the body is cut with the same pointer (the preamble kept).
 */
export function renderMarkdown(input: MarkdownInput): string {
  const limit = input.maxLength ?? Number.POSITIVE_INFINITY;
  const full = assemble(input, 'full');
  if (full.length <= limit) return full;
  const compact = assemble(input, 'compact');
  if (compact.length <= limit) return compact;
  const tail = `\n\n…cut to fit GitHub's comment limit. ${pointer(input)}\n`;
  return compact.slice(0, Math.max(0, limit - tail.length)) + tail;
}

type Mode = 'full' | 'compact';

function assemble(input: MarkdownInput, mode: Mode): string {
  const out: string[] = input.preamble ? [input.preamble] : [];
  const phase = overallPhase(input.sections);
  const where = input.manifest ? ` · ${inlineCode(input.manifest)}` : '';
  out.push(`## dynamodb-migrate: ${STATUS_LABEL[phase]}${where}`);
  const meta: string[] = [];
  if (input.sha) meta.push(`commit ${inlineCode(input.sha.slice(0, 12))}`);
  if (input.runUrl) meta.push(`[workflow run](${safeUrl(input.runUrl)})`);
  if (meta.length) out.push(meta.join(' · '));
  for (const n of input.notes ?? []) out.push(`> [!NOTE]\n> ${escapeMarkdown(n)}`);
  if (mode === 'compact')
    out.push(`> [!NOTE]\n> This plan is too long for a comment: steps are left out. ${pointer(input)}`);
  if (!input.sections.length) out.push('No environment selected.');
  for (const s of input.sections) out.push(renderSection(s, input, mode));
  return `${out.join('\n\n')}\n`;
}

function pointer(input: MarkdownInput): string {
  return input.runUrl
    ? `The full plan is in the [job summary](${safeUrl(input.runUrl)}).`
    : 'The full plan is in the job summary of the workflow run.';
}

function renderSection(s: EnvironmentSection, input: MarkdownInput, mode: Mode): string {
  const p = s.plan;
  const out: string[] = [];
  out.push(`### ${STATUS_LABEL[s.phase]} · ${escapeMarkdown(p.environment)}`);
  out.push(
    [
      '| Table | Version | Direction | Approval | Plan hash |',
      '| --- | --- | --- | --- | --- |',
      `| ${inlineCode(p.table)} | ${versionCell(p)} | ${directionCell(p)} | ${approvalCell(s)} | ${p.stateUnknown ? '— (table not read)' : inlineCode(p.hash)} |`,
    ].join('\n'),
  );
  if (p.stateUnknown) {
    out.push(
      '> [!NOTE]\n> The table state could not be read, so this plan comes from the migration files only (current version assumed 0.0.0). Nothing was read from or written to the table.',
    );
  }
  if (p.global) out.push(`🌐 ${escapeMarkdown(describeReplication(p.global))}`);
  const problems = problemsOf(s);
  if (problems) out.push(problems);
  if (s.message) out.push(`**${escapeMarkdown(s.message)}**`);
  if (s.live && s.phase === 'applying') out.push(renderLive(s.live));
  if (s.report && s.phase !== 'applying') out.push(renderReport(s.report, mode));
  else if (mode === 'full' && p.steps.length) out.push(renderSteps(p.steps));
  else if (p.steps.length)
    out.push(
      `${p.steps.length} step${p.steps.length === 1 ? '' : 's'}: ${p.steps.map((x) => `${x.direction} ${inlineCode(x.version)}`).join(', ')}.`,
    );
  else if (!s.findings?.length) out.push('No steps: the table is at the target.');
  const estimate = renderEstimate(p);
  if (estimate && p.steps.length && s.phase !== 'applied') out.push(estimate);
  const checks = renderChecksMarkdown(p.checks);
  if (checks && !s.report) out.push(checks);
  if (s.recoveryPoint) out.push(`Recovery point: ${escapeMarkdown(s.recoveryPoint)}`);
  const rollback = renderRollback(s, input);
  if (rollback) out.push(rollback);
  return out.join('\n\n');
}

/** The step running in Step Functions: its execution's link, and its progress as of when it was read. */
function renderLive(l: LiveExecution): string {
  const arrow = l.direction === 'up' ? '▲ up' : '▼ down';
  const at = `${new Date(l.at).toISOString().slice(11, 19)} UTC`;
  const how = l.progress
    ? `${escapeMarkdown(describeStepProgress(l.progress))} (as of ${at})`
    : `${l.attached ? 'Attached to its running execution' : 'Started'} at ${at}; its progress shows here once the segments write their first checkpoints.`;
  return [
    `⏳ **${arrow} ${inlineCode(l.version)}** runs in its Step Functions execution [${escapeMarkdown(l.name)}](${safeUrl(l.url)}), which records the step and releases the lock itself.`,
    `${how}<br>This comment follows it about once a minute, the job log every few seconds.`,
  ].join('\n');
}

function versionCell(p: Plan): string {
  return p.currentVersion === p.targetVersion
    ? `${inlineCode(p.currentVersion)} (at target)`
    : `${inlineCode(p.currentVersion)} → ${inlineCode(p.targetVersion)}`;
}

function directionCell(p: Plan): string {
  if (p.direction === 'none') return 'none';
  return p.direction === 'up' ? '▲ up' : '▼ down (rollback)';
}

function approvalCell(s: EnvironmentSection): string {
  if (s.approvalRequired === undefined) return '—';
  return s.approvalRequired ? 'required (approving review)' : 'not required';
}

/** Blockers, errors, failed state, drift, lock and warnings: what a reviewer must not miss. */
function problemsOf(s: EnvironmentSection): string | undefined {
  const p = s.plan;
  const lines: string[] = [];
  if (s.error && !(s.report?.error === s.error)) {
    lines.push(`> [!CAUTION]\n> ${quote(s.error)}${s.next ? `\n>\n> **Next:** ${quote(s.next)}` : ''}`);
  }
  for (const f of s.findings ?? []) lines.push(`- ⚠️ **${escapeMarkdown(f.kind)}:** ${escapeMarkdown(f.message)}`);
  // A report that failed shows its own error; blockers in it are the plan's.
  for (const b of p.blockers) {
    lines.push(`- ⛔ ${escapeMarkdown(b.message)}<br>**Next:** ${escapeMarkdown(b.next)}`);
  }
  for (const d of p.drift) {
    if (p.blockers.some((b) => b.kind === 'drift' && b.version === d.version)) continue;
    lines.push(
      `- ⚠️ ${escapeMarkdown(d.file)} changed after ${inlineCode(d.version)} was applied (recorded ${inlineCode(shortChecksum(d.recorded))}, now ${inlineCode(shortChecksum(d.current))}).`,
    );
  }
  if (p.failed && !p.blockers.some((b) => b.kind === 'failed-state')) {
    lines.push(
      `- ⚠️ The ${p.failed.direction} of ${inlineCode(p.failed.version)} failed: ${escapeMarkdown(clip(p.failed.status, 500))}`,
    );
  }
  // The plan a run reports was made under the run's own lock, which it has since released.
  const ownLock = s.report?.lockId !== undefined && p.lock?.lockId === s.report.lockId;
  for (const w of p.warnings) {
    if (w.code === 'state-unknown' && p.stateUnknown) continue;
    if (ownLock && (w.code === 'lock-held' || w.code === 'stale-lock')) continue;
    lines.push(
      `- ${w.code === 'irreversible' || w.code === 'lock-held' || w.code === 'stale-lock' ? '⚠️' : 'ℹ️'} ${escapeMarkdown(w.message)}`,
    );
  }
  return lines.length ? lines.join('\n') : undefined;
}

function renderSteps(steps: readonly PlanStep[]): string {
  const rows = [
    '| | Version | Description | Reversible | Idempotent | Checksum |',
    '| --- | --- | --- | --- | --- | --- |',
    ...steps.map(
      (x) =>
        `| ${x.direction === 'up' ? '▲ up' : '▼ down'}${x.kind === 'migrate' ? '' : ` (${x.kind})`} | ${inlineCode(x.version)} | ${escapeMarkdown(x.description) || '—'}${checksNote(x)} | ${x.reversible ? 'yes' : '**no**'} | ${x.idempotent ? 'yes' : 'no'} | ${inlineCode(shortChecksum(x.checksum))} |`,
    ),
  ].join('\n');
  return fold(`${steps.length} step${steps.length === 1 ? '' : 's'}`, rows, steps.length <= OPEN_STEPS);
}

function renderReport(r: RunReport, mode: Mode): string {
  const out: string[] = [];
  const applied = r.steps.filter((x) => x.status === 'applied');
  const totals = sumCounts(r.steps);
  const summary: Record<ReportStatus, string> = {
    applied: `Applied ${applied.length} step${applied.length === 1 ? '' : 's'} in ${formatDuration(r.durationMs)}`,
    'no-op': 'Nothing to apply: the table was already at the target',
    failed: `Failed after ${formatDuration(r.durationMs)}`,
    'precondition-failed': "Not applied: a step's precondition (its `before` hook) failed",
    blocked: 'Not applied',
    'dry-run': `Dry run in ${formatDuration(r.durationMs)}: nothing was written`,
    incomplete: `Stopped at a checkpoint after ${formatDuration(r.durationMs)}`,
    running: 'Running in its Step Functions execution, which records the step and releases the lock itself',
  };
  out.push(
    `**${summary[statusOfReport(r)]}**${totals ? ` · ${totals}` : ''}${r.lockId ? ` · lock ${inlineCode(r.lockId)}` : ''}`,
  );
  if (r.steps.length && mode === 'full') {
    const rows = [
      '| | Version | Status | Duration | Scanned | Changed | Skipped | Failed |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...r.steps.map((x) => stepRow(x)),
    ].join('\n');
    out.push(fold(`${r.steps.length} step${r.steps.length === 1 ? '' : 's'} run`, rows, r.steps.length <= OPEN_STEPS));
  }
  const executions = r.steps.filter((x) => x.execution);
  if (executions.length)
    out.push(
      `**Step Functions:** ${executions.map((x) => `[${escapeMarkdown(`${x.direction} ${x.version}`)}](${x.execution})`).join(' · ')}`,
    );
  const checks = renderChecks(r.steps);
  if (checks) out.push(checks);
  // A run blocked by the plan's own blockers has them listed above already.
  const repeatsBlockers = r.status === 'blocked' && r.plan.blockers.length > 0;
  if (r.error && !repeatsBlockers) out.push(`**Error**\n\n${codeBlock(clip(r.error, ERROR_CHARS))}`);
  if (r.next && !repeatsBlockers) out.push(`**Next:** ${escapeMarkdown(r.next)}`);
  if (r.status === 'blocked' && mode === 'full' && r.plan.steps.length) out.push(renderSteps(r.plan.steps));
  return out.join('\n\n');
}

function stepRow(x: StepReport): string {
  const c = x.counts;
  const icon =
    x.status === 'applied'
      ? '✅'
      : x.status === 'failed'
        ? '❌'
        : x.status === 'dry-run'
          ? '🧪'
          : x.status === 'skipped'
            ? '⏭️'
            : x.status === 'running'
              ? '🔄'
              : '⏸️';
  const n = (v: number | undefined) => (v === undefined ? '—' : formatCount(v));
  return `| ${icon} ${x.direction} | ${inlineCode(x.version)} | ${x.status} | ${formatDuration(x.durationMs)} | ${n(c?.scanned)} | ${n(c?.changed)} | ${n(c?.skipped)} | ${n(c?.failed)} |`;
}

/** A step's hooks, said after its description: which steps check before and after, and which run a canary. */
function checksNote(x: PlanStep): string {
  const parts = [
    x.checks?.includes('before') ? 'preconditions (before)' : undefined,
    x.checks?.includes('verify') ? 'post-checks (verify)' : undefined,
    x.canaryPercent ? `canary ${x.canaryPercent}% first` : undefined,
  ].filter(Boolean);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

/** What the steps' before and verify hooks found. */
function renderChecks(steps: readonly StepReport[]): string | undefined {
  const lines: string[] = [];
  for (const x of steps) {
    for (const c of x.checks ?? []) {
      const scope = c.scope === 'canary' ? 'the canary' : c.hook === 'before' ? 'the table' : 'every item';
      lines.push(
        `- ${c.passed ? '✅' : '❌'} ${inlineCode(x.version)} ${c.hook} on ${scope}${c.passed ? ': passed' : ':'}`,
      );
      for (const f of c.passed ? [] : c.findings.slice(0, 10)) {
        const examples = f.examples?.length
          ? ` — e.g. ${f.examples
              .slice(0, 3)
              .map((k) => inlineCode(Object.values(k).join(' / ')))
              .join(', ')}`
          : '';
        lines.push(
          `  - ${escapeMarkdown(f.message)}${f.count !== undefined ? ` (${formatCount(f.count)})` : ''}${examples}`,
        );
      }
    }
    if (x.canaryReverted === true)
      lines.push(
        `- ↩️ ${inlineCode(x.version)}: the canary's changes were undone with its down; the rest of the table was not touched.`,
      );
    if (x.canaryReverted === false)
      lines.push(
        `- ⚠️ ${inlineCode(x.version)} has no down: the canary's changes are still in the table; the rest was not touched.`,
      );
  }
  return lines.length ? `**Checks**\n\n${lines.join('\n')}` : undefined;
}

function sumCounts(steps: readonly StepReport[]): string | undefined {
  const withCounts = steps.filter((x) => x.counts);
  if (!withCounts.length) return undefined;
  const sum = (k: 'scanned' | 'changed' | 'skipped' | 'failed') =>
    withCounts.reduce((a, x) => a + (x.counts?.[k] ?? 0), 0);
  return `${formatCount(sum('scanned'))} items scanned, ${formatCount(sum('changed'))} changed, ${formatCount(sum('skipped'))} skipped, ${formatCount(sum('failed'))} failed`;
}

function renderEstimate(p: Plan): string | undefined {
  const e = p.estimate;
  if (!e) return undefined;
  const time =
    e.secondsAtRate !== undefined && e.rate !== undefined
      ? `; about ${formatDuration(e.secondsAtRate * 1000)} per rewrite at ${formatCount(e.rate)} write units/s`
      : '';
  const replicated =
    e.replicas && e.totalWriteUnits !== undefined ? ` Global table: ${escapeMarkdown(describeReplicatedCost(e))}.` : '';
  return `**Estimate** (table statistics, refreshed by DynamoDB about every six hours): ~${formatCount(e.items)} items, ${formatBytes(e.sizeBytes)}; a full scan reads ~${formatCount(e.readUnits)} read units, rewriting every item once costs ~${formatCount(e.writeUnits)} write units${time}.${replicated}`;
}

/** The exact dispatch that would undo this plan. */
function renderRollback(s: EnvironmentSection, input: MarkdownInput): string | undefined {
  const r = s.plan.rollback;
  // A plan from the files alone does not know the version to go back to; a drift check plans nothing.
  const stopped = s.phase === 'failed' || s.phase === 'precondition-failed' || s.phase === 'blocked';
  if (!r || s.plan.stateUnknown || stopped || s.phase === 'drift') return undefined;
  const workflow = input.dispatchWorkflow ?? 'migrate-dispatch.yml';
  const fields: [string, string][] = [
    ['environment', s.plan.environment],
    ['command', r.command],
    ['version', r.version],
  ];
  if (s.protected) fields.push(['confirm', s.plan.table]);
  const gh = `gh workflow run ${workflow} ${fields.map(([k, v]) => `-f ${k}=${shellQuote(v)}`).join(' ')}`;
  const title = s.phase === 'applied' ? 'To roll this back' : 'To roll back after it is applied';
  const body = [
    `Dispatch ${inlineCode(workflow)} with:`,
    '',
    '| Input | Value |',
    '| --- | --- |',
    ...fields.map(([k, v]) => `| ${inlineCode(k)} | ${inlineCode(v)} |`),
    '',
    codeBlock(gh, 'sh'),
  ].join('\n');
  return fold(title, body, false);
}

function fold(summary: string, body: string, open: boolean): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function quote(text: string): string {
  return escapeMarkdown(clip(text, ERROR_CHARS));
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters in the log)` : text;
}

/** Only http(s) URLs become links; anything else (javascript:, markup) is dropped. */
function safeUrl(url: string): string {
  return /^https?:\/\/[^\s()<>]+$/.test(url) ? url : '#';
}

function shellQuote(v: string): string {
  return /^[A-Za-z0-9_.,:/@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

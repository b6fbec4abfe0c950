export const id = 331;
export const ids = [331];
export const modules = {

/***/ 5331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  report: () => (/* binding */ report),
  reportError: () => (/* binding */ reportError)
});

// UNUSED EXPORTS: exitCodeOfOutcomes, failureOf

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/core/render/escape.ts
var render_escape = __webpack_require__(6745);
// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __webpack_require__(96);
// EXTERNAL MODULE: ./src/github/constants.ts
var constants = __webpack_require__(8746);
// EXTERNAL MODULE: ./src/core/status-vocabulary.ts
var status_vocabulary = __webpack_require__(5366);
;// CONCATENATED MODULE: ./src/github/outputs.ts



/** The `status` of one environment's section (core/outcome.ts maps the vocabulary onto the documented values). */
function statusOfSection(s) {
    return (0,outcome/* outputStatusOf */.hj)(s.phase, s.plan.steps.length > 0);
}
/** The run's `status`: the most urgent of its environments, in the vocabulary's one order. */
function overallStatus(sections) {
    return (0,status_vocabulary/* mostUrgent */.t)(sections.map(statusOfSection)) ?? 'no-op';
}
/**
 * Every output of the action for the sections of this run. With one environment the scalar
 * outputs are its values; with several they are `env=value` pairs joined by commas, and the
 * JSON outputs carry the environment in each entry.
 */
function outputsOf(sections, extra = {}) {
    const scalar = (pick) => {
        if (sections.length === 1)
            return pick(sections[0]) ?? '';
        return sections
            .map((s) => [s.plan.environment, pick(s)])
            .filter(([, v]) => v !== undefined && v !== '')
            .map(([env, v]) => `${env}=${v}`)
            .join(',');
    };
    const planOf = (s) => s.report?.plan ?? s.plan;
    const steps = sections.flatMap((s) => planOf(s).steps.map((x) => ({
        environment: s.plan.environment,
        version: x.version,
        direction: x.direction,
        kind: x.kind,
        description: x.description,
        reversible: x.reversible,
        idempotent: x.idempotent,
        checksum: x.checksum,
    })));
    const applied = sections.flatMap((s) => (s.report?.steps ?? [])
        .filter((x) => x.status === 'applied')
        .map((x) => ({
        environment: s.plan.environment,
        version: x.version,
        direction: x.direction,
        durationMs: x.durationMs,
        ...(x.counts ? { counts: x.counts } : {}),
    })));
    const changed = sections.some((s) => s.report ? s.report.steps.some((x) => x.status === 'applied') : planOf(s).steps.length > 0);
    return {
        // The table's version when the run ends, read back by the runner; without a run (a plan, a
        // blocked or refused run) or a version read back (dry run), the version it was found at.
        [constants/* Outputs */.tY.CurrentVersion]: scalar((s) => s.report?.finalVersion ?? planOf(s).currentVersion),
        [constants/* Outputs */.tY.PreviousVersion]: scalar((s) => planOf(s).currentVersion),
        [constants/* Outputs */.tY.TargetVersion]: scalar((s) => planOf(s).targetVersion),
        [constants/* Outputs */.tY.Direction]: scalar((s) => planOf(s).direction),
        [constants/* Outputs */.tY.Steps]: JSON.stringify(steps),
        [constants/* Outputs */.tY.PlanHash]: scalar((s) => (planOf(s).stateUnknown ? undefined : planOf(s).hash)),
        [constants/* Outputs */.tY.Changed]: String(changed),
        [constants/* Outputs */.tY.Applied]: JSON.stringify(applied),
        [constants/* Outputs */.tY.Status]: overallStatus(sections),
        // The run's own lock, else a lock found held on the table (what an unlock dispatch needs).
        [constants/* Outputs */.tY.LockId]: extra.lockId ?? scalar((s) => s.report?.lockId ?? planOf(s).lock?.lockId),
        [constants/* Outputs */.tY.CommentUrl]: extra.commentUrl ?? '',
    };
}

;// CONCATENATED MODULE: ./src/action/report.ts






/**
 * The end of every run that got as far as a mode: the comment's last update, the job summary
 * (the same markdown, never cut), the outputs, and the failure, once. Returns the exit code.
 */
async function report(run, result) {
    const { io } = run;
    const sections = result.outcomes.map((o) => o.section);
    await result.comment?.show(sections, { notes: result.notes, planHashes: result.planHashes });
    const notes = [...result.notes, ...(result.comment?.warnings ?? [])];
    try {
        await io.writeSummary((0,markdown/* renderMarkdown */.Gc)({ ...run.markdown, notes, sections, maxLength: 1_000_000 }));
    }
    catch (e) {
        io.warning(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(e)}`);
    }
    for (const [name, value] of Object.entries(outputsOf(sections, { commentUrl: result.comment?.url })))
        io.setOutput(name, value);
    const failure = failureOf(result.outcomes);
    if (failure)
        io.setFailed(failure);
    return exitCodeOfOutcomes(result.outcomes);
}
/** The run's exit code: that of the first environment that did not succeed. */
function exitCodeOfOutcomes(outcomes) {
    return (0,outcome/* exitCodeOfEnvironments */.Dw)(outcomes.map((o) => o.exitCode));
}
/** The one-line reason the step failed, naming each environment that did; undefined when none did. */
function failureOf(outcomes) {
    const failing = outcomes.filter((o) => o.exitCode !== errors/* EXIT */.dc.ok);
    if (!failing.length)
        return undefined;
    const why = failing.map(({ section: s }) => `${s.plan.environment}: ${s.error ?? s.report?.error ?? firstBlocker(s) ?? s.phase}`);
    return `dynamodb-migrate ${overallStatus(outcomes.map((o) => o.section))}. ${why.join(' | ')}`;
}
/**
 * Bad input and refusals (inputs, event, manifest, migration files, a gate before any
 * environment ran) end here: nothing was written to any table.
 */
async function reportError(io, e) {
    const status = (0,outcome/* statusOfError */.mW)(e);
    io.setOutput(constants/* Outputs */.tY.Status, status);
    io.setFailed((0,errors/* messageOf */.bD)(e));
    await io
        .writeSummary(`## dynamodb-migrate: ${markdown/* STATUS_LABEL */._P[status]}\n\n${(0,render_escape/* codeBlock */.DV)((0,errors/* messageOf */.bD)(e))}\n\nNothing was written to any table.\n`)
        .catch(() => undefined);
    if (!(e instanceof errors/* MigrateError */.Oq) && e instanceof Error && e.stack)
        io.debug(e.stack);
    return (0,outcome/* exitCodeOf */.FO)(e);
}
function firstBlocker(s) {
    return s.plan.blockers[0]?.message ?? s.findings?.[0]?.message;
}


/***/ }),

/***/ 96:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   _P: () => (/* binding */ STATUS_LABEL)
/* harmony export */ });
/* unused harmony export overallPhase */
/* harmony import */ var _checksum__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1688);
/* harmony import */ var _checks__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9287);
/* harmony import */ var _outcome__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9411);
/* harmony import */ var _status_vocabulary__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5366);
/* harmony import */ var _escape__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6745);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7060);






/** Steps shown before the list folds into <details>. */
const OPEN_STEPS = 10;
/** Long error messages are cut in comments; the log has them whole. */
const ERROR_CHARS = 4_000;
/** How each status reads in a heading (the comment's, the job summary's, and each environment's). */
const STATUS_LABEL = {
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
function overallPhase(sections) {
    return (0,_status_vocabulary__WEBPACK_IMPORTED_MODULE_5__/* .mostUrgent */ .t)(sections.map((s) => s.phase)) ?? 'no-op';
}
/**
 * Renders the comment/summary body. Stays under `maxLength`, when given: when the full
 * rendering is too long, sections drop their step tables and point to the job summary; if that
 * is still too long the body is cut with the same pointer (the preamble kept).
 */
function renderMarkdown(input) {
    const limit = input.maxLength ?? Number.POSITIVE_INFINITY;
    const full = assemble(input, 'full');
    if (full.length <= limit)
        return full;
    const compact = assemble(input, 'compact');
    if (compact.length <= limit)
        return compact;
    const tail = `\n\n…cut to fit GitHub's comment limit. ${pointer(input)}\n`;
    return compact.slice(0, Math.max(0, limit - tail.length)) + tail;
}
function assemble(input, mode) {
    const out = input.preamble ? [input.preamble] : [];
    const phase = overallPhase(input.sections);
    const where = input.manifest ? ` · ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(input.manifest)}` : '';
    out.push(`## dynamodb-migrate: ${STATUS_LABEL[phase]}${where}`);
    const meta = [];
    if (input.sha)
        meta.push(`commit ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(input.sha.slice(0, 12))}`);
    if (input.runUrl)
        meta.push(`[workflow run](${safeUrl(input.runUrl)})`);
    if (meta.length)
        out.push(meta.join(' · '));
    for (const n of input.notes ?? [])
        out.push(`> [!NOTE]\n> ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(n)}`);
    if (mode === 'compact')
        out.push(`> [!NOTE]\n> This plan is too long for a comment: steps are left out. ${pointer(input)}`);
    if (!input.sections.length)
        out.push('No environment selected.');
    for (const s of input.sections)
        out.push(renderSection(s, input, mode));
    return `${out.join('\n\n')}\n`;
}
function pointer(input) {
    return input.runUrl
        ? `The full plan is in the [job summary](${safeUrl(input.runUrl)}).`
        : 'The full plan is in the job summary of the workflow run.';
}
function renderSection(s, input, mode) {
    const p = s.plan;
    const out = [];
    out.push(`### ${STATUS_LABEL[s.phase]} · ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(p.environment)}`);
    out.push([
        '| Table | Version | Direction | Approval | Plan hash |',
        '| --- | --- | --- | --- | --- |',
        `| ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.table)} | ${versionCell(p)} | ${directionCell(p)} | ${approvalCell(s)} | ${p.stateUnknown ? '— (table not read)' : (0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.hash)} |`,
    ].join('\n'));
    if (p.stateUnknown) {
        out.push('> [!NOTE]\n> The table state could not be read, so this plan comes from the migration files only (current version assumed 0.0.0). Nothing was read from or written to the table.');
    }
    if (p.global)
        out.push(`🌐 ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_text__WEBPACK_IMPORTED_MODULE_4__/* .describeReplication */ .CP)(p.global))}`);
    const problems = problemsOf(s);
    if (problems)
        out.push(problems);
    if (s.message)
        out.push(`**${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.message)}**`);
    if (s.live && s.phase === 'applying')
        out.push(renderLive(s.live));
    if (s.report && s.phase !== 'applying')
        out.push(renderReport(s.report, mode));
    else if (mode === 'full' && p.steps.length)
        out.push(renderSteps(p.steps));
    else if (p.steps.length)
        out.push(`${p.steps.length} step${p.steps.length === 1 ? '' : 's'}: ${p.steps.map((x) => `${x.direction} ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(x.version)}`).join(', ')}.`);
    else if (!s.findings?.length)
        out.push('No steps: the table is at the target.');
    const estimate = renderEstimate(p);
    if (estimate && p.steps.length && s.phase !== 'applied')
        out.push(estimate);
    const checks = (0,_checks__WEBPACK_IMPORTED_MODULE_1__/* .renderChecksMarkdown */ .p)(p.checks);
    if (checks && !s.report)
        out.push(checks);
    if (s.recoveryPoint)
        out.push(`Recovery point: ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.recoveryPoint)}`);
    const rollback = renderRollback(s, input);
    if (rollback)
        out.push(rollback);
    return out.join('\n\n');
}
/** The step running in Step Functions: its execution's link, and its progress as of when it was read. */
function renderLive(l) {
    const arrow = l.direction === 'up' ? '▲ up' : '▼ down';
    const at = `${new Date(l.at).toISOString().slice(11, 19)} UTC`;
    const how = l.progress
        ? `${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_text__WEBPACK_IMPORTED_MODULE_4__/* .describeStepProgress */ .DJ)(l.progress))} (as of ${at})`
        : `${l.attached ? 'Attached to its running execution' : 'Started'} at ${at}; its progress shows here once the segments write their first checkpoints.`;
    return [
        `⏳ **${arrow} ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(l.version)}** runs in its Step Functions execution [${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(l.name)}](${safeUrl(l.url)}), which records the step and releases the lock itself.`,
        `${how}<br>This comment follows it about once a minute, the job log every few seconds.`,
    ].join('\n');
}
function versionCell(p) {
    return p.currentVersion === p.targetVersion
        ? `${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.currentVersion)} (at target)`
        : `${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.currentVersion)} → ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.targetVersion)}`;
}
function directionCell(p) {
    if (p.direction === 'none')
        return 'none';
    return p.direction === 'up' ? '▲ up' : '▼ down (rollback)';
}
function approvalCell(s) {
    if (s.approvalRequired === undefined)
        return '—';
    return s.approvalRequired ? 'required (approving review)' : 'not required';
}
/** Blockers, errors, failed state, drift, lock and warnings: what a reviewer must not miss. */
function problemsOf(s) {
    const p = s.plan;
    const lines = [];
    if (s.error && !(s.report?.error === s.error)) {
        lines.push(`> [!CAUTION]\n> ${quote(s.error)}${s.next ? `\n>\n> **Next:** ${quote(s.next)}` : ''}`);
    }
    for (const f of s.findings ?? [])
        lines.push(`- ⚠️ **${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(f.kind)}:** ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(f.message)}`);
    // A report that failed shows its own error; blockers in it are the plan's.
    for (const b of p.blockers) {
        lines.push(`- ⛔ ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(b.message)}<br>**Next:** ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(b.next)}`);
    }
    for (const d of p.drift) {
        if (p.blockers.some((b) => b.kind === 'drift' && b.version === d.version))
            continue;
        lines.push(`- ⚠️ ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(d.file)} changed after ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(d.version)} was applied (recorded ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)((0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .shortChecksum */ .s2)(d.recorded))}, now ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)((0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .shortChecksum */ .s2)(d.current))}).`);
    }
    if (p.failed && !p.blockers.some((b) => b.kind === 'failed-state')) {
        lines.push(`- ⚠️ The ${p.failed.direction} of ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.failed.version)} failed: ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(clip(p.failed.status, 500))}`);
    }
    // The plan a run reports was made under the run's own lock, which it has since released.
    const ownLock = s.report?.lockId !== undefined && p.lock?.lockId === s.report.lockId;
    for (const w of p.warnings) {
        if (w.code === 'state-unknown' && p.stateUnknown)
            continue;
        if (ownLock && (w.code === 'lock-held' || w.code === 'stale-lock'))
            continue;
        lines.push(`- ${w.code === 'irreversible' || w.code === 'lock-held' || w.code === 'stale-lock' ? '⚠️' : 'ℹ️'} ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(w.message)}`);
    }
    return lines.length ? lines.join('\n') : undefined;
}
function renderSteps(steps) {
    const rows = [
        '| | Version | Description | Reversible | Idempotent | Checksum |',
        '| --- | --- | --- | --- | --- | --- |',
        ...steps.map((x) => `| ${x.direction === 'up' ? '▲ up' : '▼ down'}${x.kind === 'migrate' ? '' : ` (${x.kind})`} | ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(x.version)} | ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(x.description) || '—'}${checksNote(x)} | ${x.reversible ? 'yes' : '**no**'} | ${x.idempotent ? 'yes' : 'no'} | ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)((0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .shortChecksum */ .s2)(x.checksum))} |`),
    ].join('\n');
    return fold(`${steps.length} step${steps.length === 1 ? '' : 's'}`, rows, steps.length <= OPEN_STEPS);
}
function renderReport(r, mode) {
    const out = [];
    const applied = r.steps.filter((x) => x.status === 'applied');
    const totals = sumCounts(r.steps);
    const summary = {
        applied: `Applied ${applied.length} step${applied.length === 1 ? '' : 's'} in ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(r.durationMs)}`,
        'no-op': 'Nothing to apply: the table was already at the target',
        failed: `Failed after ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(r.durationMs)}`,
        'precondition-failed': "Not applied: a step's precondition (its `before` hook) failed",
        blocked: 'Not applied',
        'dry-run': `Dry run in ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(r.durationMs)}: nothing was written`,
        incomplete: `Stopped at a checkpoint after ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(r.durationMs)}`,
        running: 'Running in its Step Functions execution, which records the step and releases the lock itself',
    };
    out.push(`**${summary[(0,_outcome__WEBPACK_IMPORTED_MODULE_2__/* .statusOfReport */ .I5)(r)]}**${totals ? ` · ${totals}` : ''}${r.lockId ? ` · lock ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(r.lockId)}` : ''}`);
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
        out.push(`**Step Functions:** ${executions.map((x) => `[${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(`${x.direction} ${x.version}`)}](${x.execution})`).join(' · ')}`);
    const checks = renderChecks(r.steps);
    if (checks)
        out.push(checks);
    // A run blocked by the plan's own blockers has them listed above already.
    const repeatsBlockers = r.status === 'blocked' && r.plan.blockers.length > 0;
    if (r.error && !repeatsBlockers)
        out.push(`**Error**\n\n${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .codeBlock */ .DV)(clip(r.error, ERROR_CHARS))}`);
    if (r.next && !repeatsBlockers)
        out.push(`**Next:** ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.next)}`);
    if (r.status === 'blocked' && mode === 'full' && r.plan.steps.length)
        out.push(renderSteps(r.plan.steps));
    return out.join('\n\n');
}
function stepRow(x) {
    const c = x.counts;
    const icon = x.status === 'applied'
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
    const n = (v) => (v === undefined ? '—' : (0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(v));
    return `| ${icon} ${x.direction} | ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(x.version)} | ${x.status} | ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(x.durationMs)} | ${n(c?.scanned)} | ${n(c?.changed)} | ${n(c?.skipped)} | ${n(c?.failed)} |`;
}
/** A step's hooks, said after its description: which steps check before and after, and which run a canary. */
function checksNote(x) {
    const parts = [
        x.checks?.includes('before') ? 'preconditions (before)' : undefined,
        x.checks?.includes('verify') ? 'post-checks (verify)' : undefined,
        x.canaryPercent ? `canary ${x.canaryPercent}% first` : undefined,
    ].filter(Boolean);
    return parts.length ? ` · ${parts.join(' · ')}` : '';
}
/** What the steps' before and verify hooks found. */
function renderChecks(steps) {
    const lines = [];
    for (const x of steps) {
        for (const c of x.checks ?? []) {
            const scope = c.scope === 'canary' ? 'the canary' : c.hook === 'before' ? 'the table' : 'every item';
            lines.push(`- ${c.passed ? '✅' : '❌'} ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(x.version)} ${c.hook} on ${scope}${c.passed ? ': passed' : ':'}`);
            for (const f of c.passed ? [] : c.findings.slice(0, 10)) {
                const examples = f.examples?.length
                    ? ` — e.g. ${f.examples
                        .slice(0, 3)
                        .map((k) => (0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(Object.values(k).join(' / ')))
                        .join(', ')}`
                    : '';
                lines.push(`  - ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(f.message)}${f.count !== undefined ? ` (${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(f.count)})` : ''}${examples}`);
            }
        }
        if (x.canaryReverted === true)
            lines.push(`- ↩️ ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(x.version)}: the canary's changes were undone with its down; the rest of the table was not touched.`);
        if (x.canaryReverted === false)
            lines.push(`- ⚠️ ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(x.version)} has no down: the canary's changes are still in the table; the rest was not touched.`);
    }
    return lines.length ? `**Checks**\n\n${lines.join('\n')}` : undefined;
}
function sumCounts(steps) {
    const withCounts = steps.filter((x) => x.counts);
    if (!withCounts.length)
        return undefined;
    const sum = (k) => withCounts.reduce((a, x) => a + (x.counts?.[k] ?? 0), 0);
    return `${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(sum('scanned'))} items scanned, ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(sum('changed'))} changed, ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(sum('skipped'))} skipped, ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(sum('failed'))} failed`;
}
function renderEstimate(p) {
    const e = p.estimate;
    if (!e)
        return undefined;
    const time = e.secondsAtRate !== undefined && e.rate !== undefined
        ? `; about ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(e.secondsAtRate * 1000)} per rewrite at ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(e.rate)} write units/s`
        : '';
    const replicated = e.replicas && e.totalWriteUnits !== undefined ? ` Global table: ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_text__WEBPACK_IMPORTED_MODULE_4__/* .describeReplicatedCost */ .EL)(e))}.` : '';
    return `**Estimate** (table statistics, refreshed by DynamoDB about every six hours): ~${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(e.items)} items, ${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(e.sizeBytes)}; a full scan reads ~${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(e.readUnits)} read units, rewriting every item once costs ~${(0,_text__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(e.writeUnits)} write units${time}.${replicated}`;
}
/** The exact dispatch that would undo this plan. */
function renderRollback(s, input) {
    const r = s.plan.rollback;
    // A plan from the files alone does not know the version to go back to; a drift check plans nothing.
    const stopped = s.phase === 'failed' || s.phase === 'precondition-failed' || s.phase === 'blocked';
    if (!r || s.plan.stateUnknown || stopped || s.phase === 'drift')
        return undefined;
    const workflow = input.dispatchWorkflow ?? 'migrate-dispatch.yml';
    const fields = [
        ['environment', s.plan.environment],
        ['command', r.command],
        ['version', r.version],
    ];
    if (s.protected)
        fields.push(['confirm', s.plan.table]);
    const gh = `gh workflow run ${workflow} ${fields.map(([k, v]) => `-f ${k}=${shellQuote(v)}`).join(' ')}`;
    const title = s.phase === 'applied' ? 'To roll this back' : 'To roll back after it is applied';
    const body = [
        `Dispatch ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(workflow)} with:`,
        '',
        '| Input | Value |',
        '| --- | --- |',
        ...fields.map(([k, v]) => `| ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(k)} | ${(0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(v)} |`),
        '',
        (0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .codeBlock */ .DV)(gh, 'sh'),
    ].join('\n');
    return fold(title, body, false);
}
function fold(summary, body, open) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function quote(text) {
    return (0,_escape__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(clip(text, ERROR_CHARS));
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters in the log)` : text;
}
/** Only http(s) URLs become links; anything else (javascript:, markup) is dropped. */
function safeUrl(url) {
    return /^https?:\/\/[^\s()<>]+$/.test(url) ? url : '#';
}
function shellQuote(v) {
    return /^[A-Za-z0-9_.,:/@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 5366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ mostUrgent)
/* harmony export */ });
/* unused harmony export STATUS_URGENCY */
/**
 * The one status vocabulary: every status a run or an environment can be in or end in, and one
 * urgency order over them. The terminal, the PR comment (its headings and its overall heading)
 * and the action's `status` output all speak it. Which outcome gets which status, and which exit
 * code, is decided in core/outcome.ts. This module imports nothing, so that core/types.ts can
 * build its `RunStatus` from it.
 */
/** Every status, from the most to the least urgent: the overall status of several is the first of them here. */
const STATUS_URGENCY = [
    // A step threw, its `verify` found problems, or the run could not finish. Exit 1 (3 when the lock was lost).
    'failed',
    // A step's `before` hook (its precondition) found a problem in the data, or threw: the step was
    // not run and nothing was written. Exit 1: the data (or the hook) must change, not the input.
    'precondition-failed',
    // A rehearsal of the plan (`plan --rehearse`) found an error in what a step would do to the
    // sampled data (analyzer codes DM2xx): nothing was written. Exit 5.
    'rehearsal-failed',
    // The plan cannot run as it stands: its blockers (exit 2; 4 for drift, 1 for a failed state), a
    // plan changed since review (exit 4), a gate or a refused command (exit 2).
    'blocked',
    // The scheduled check found the table away from the manifest. Exit 4.
    'drift',
    // A step stopped at a checkpoint before its time budget ran out; `apply --resume` continues. Exit 1.
    'incomplete',
    // A fanned-out step runs on in its Step Functions execution, which records it and releases the
    // lock itself; nobody waits on it (--detach, the action's wait: false). Exit 0.
    'running',
    // Steps are running (a pull request comment while the merge applies).
    'applying',
    // A plan was made and shown; nothing ran.
    'planned',
    // Every step ran without writing.
    'dry-run',
    // Every step of the plan was applied.
    'applied',
    // Nothing to do: the table is at the target.
    'no-op',
];
/** The most urgent of `statuses` (by `STATUS_URGENCY`), or undefined when there is none. */
function mostUrgent(statuses) {
    let best;
    for (const s of statuses)
        if (best === undefined || rank(s) < rank(best))
            best = s;
    return best;
}
function rank(s) {
    return STATUS_URGENCY.indexOf(s);
}


/***/ })

};

export const id = 532;
export const ids = [532];
export const modules = {

/***/ 5458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ failedOutcome),
/* harmony export */   x: () => (/* binding */ eachEnvironment)
/* harmony export */ });
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_outcome__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9411);


/**
 * Runs `fn` for each environment of the run, in order, each in a log group. One that throws
 * becomes a failed outcome and the next still runs (a mode that must stop says so to `fn`
 * through the outcomes so far).
 */
async function eachEnvironment(run, label, fn) {
    const outcomes = [];
    for (const env of run.environments) {
        run.io.startGroup(label(env));
        try {
            outcomes.push(await fn(env, outcomes));
        }
        catch (e) {
            outcomes.push(await failedOutcome(run, env, e));
        }
        finally {
            run.io.endGroup();
        }
    }
    return outcomes;
}
/** A section for an environment that threw: the error, and a plan from the files to show. */
async function failedOutcome(run, env, e) {
    run.io.error(`${env.name}: ${(0,_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(e)}`);
    if (!(e instanceof _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .MigrateError */ .Oq) && e instanceof Error && e.stack)
        run.io.debug(e.stack);
    let plan;
    try {
        plan = await run.openSession(env, 'read-only').plan({ command: 'apply' }, null);
    }
    catch {
        plan = emptyPlan(env);
    }
    const next = e instanceof _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .MigrateError */ .Oq ? undefined : 'Check the log of this job; re-run it once the cause is fixed.';
    return {
        section: { plan, phase: 'failed', error: (0,_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(e), next, protected: env.protected },
        exitCode: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_1__/* .exitCodeOf */ .FO)(e),
    };
}
function emptyPlan(env) {
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


/***/ }),

/***/ 2751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a5: () => (/* binding */ stickyCommentFor)
/* harmony export */ });
/* unused harmony exports commentWarning, StickyComment */
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _github_comment__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7318);
/* harmony import */ var _github_comment_protocol__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9511);



/**
 * What a comment write that did not go through leaves behind: this text as a warning in the
 * log and as a note in the job summary. The run goes on; later writes are skipped, as one
 * refusal is enough (a token without the permission will not get it mid-run).
 */
function commentWarning(failure) {
    return 'warning' in failure
        ? failure.warning
        : `Could not write the pull request comment: ${(0,_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(failure.error)}. The plan is in the job summary.`;
}
/**
 * The pull request's one comment of this run, found again by its hidden marker and updated in
 * place at every phase (planned, applying, applied). A refusal by GitHub is not a failure of
 * the run: see commentWarning.
 */
class StickyComment {
    run;
    api;
    target;
    found;
    /** The comment's address once written; what the `comment-url` output says. */
    url;
    /** The warnings a refused write left, for the job summary. */
    warnings = [];
    refused = false;
    /** Writes go out one at a time, in the order asked: a progress update never lands after the final word. */
    queue = Promise.resolve();
    constructor(run, api, target, 
    /** The comment as found when the run began; undefined: it is looked up on the first write. */
    found) {
        this.run = run;
        this.api = api;
        this.target = target;
        this.found = found;
    }
    get marker() {
        return (0,_github_comment_protocol__WEBPACK_IMPORTED_MODULE_2__/* .commentMarker */ .Ql)(this.run.markdown.key);
    }
    /**
     * Renders the sections as the comment body and writes it, unless a write was refused already;
     * after the writes asked for before it. Never rejects.
     */
    show(sections, o = {}) {
        const next = this.queue
            .then(() => this.write(sections, o))
            .catch((e) => this.run.io.warning(commentWarning({ error: e })));
        this.queue = next;
        return next;
    }
    async write(sections, o) {
        if (this.refused)
            return;
        const body = (0,_github_comment_protocol__WEBPACK_IMPORTED_MODULE_2__/* .commentBody */ .I2)({ ...this.run.markdown, sections, notes: o.notes, planHashes: o.planHashes });
        let failure;
        try {
            const res = await (0,_github_comment__WEBPACK_IMPORTED_MODULE_1__/* .upsertComment */ .l)(this.api, this.target, this.marker, body, this.found);
            if (res.ok) {
                this.found = { id: res.id, url: res.url, body };
                this.url = res.url;
                this.run.io.info(`Pull request comment ${res.action}: ${res.url}`);
                return;
            }
            failure = res;
        }
        catch (error) {
            failure = { error };
        }
        const warning = commentWarning(failure);
        this.run.io.warning(warning);
        this.warnings.push(warning);
        this.refused = true;
    }
}
/** The sticky comment of pull request `issue`, when this run may write one (a token, and comment: true). */
function stickyCommentFor(run, issue, found) {
    if (!run.api || !run.settings.comment)
        return undefined;
    return new StickyComment(run, run.api, { owner: run.ctx.owner, repo: run.ctx.repo, issue }, found);
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


/***/ }),

/***/ 9511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ readPlanHashes),
/* harmony export */   I2: () => (/* binding */ commentBody),
/* harmony export */   Ql: () => (/* binding */ commentMarker)
/* harmony export */ });
/* unused harmony exports GITHUB_COMMENT_LIMIT, reviewedHashes */
/* harmony import */ var _core_render_markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96);

/**
 * The pull request comment as a protocol between runs: the hidden first line by which a run
 * finds its comment again (its identity), and the hidden second line recording the plan hashes
 * the reviewers saw, which the merge's apply reads back and must match. The body between is
 * the renderer's (core/render/markdown.ts), which knows nothing of either.
 */
/** GitHub's limit on a comment body. */
const GITHUB_COMMENT_LIMIT = 65_536;
/** What the body may take: room is left for GitHub's own counting of characters. */
const COMMENT_BUDGET = GITHUB_COMMENT_LIMIT - 1_536;
/** The hidden first line by which the sticky comment is found again. */
function commentMarker(key) {
    // Nothing in the key may end the HTML comment early.
    const safe = (key ?? '').replace(/[^A-Za-z0-9_./:-]/g, '-').replace(/-{2,}/g, '-');
    return safe ? `<!-- dynamodb-migrate: ${safe} -->` : '<!-- dynamodb-migrate -->';
}
const PLANS_PREFIX = '<!-- dynamodb-migrate-plans: ';
const ENV_NAME = /^[A-Za-z0-9_-]+$/;
const HASH = /^[0-9a-f]{8,64}$/;
/**
 * The plan hashes recorded in a comment body (second line), per environment: what the
 * reviewers saw, and what apply on merge must match.
 */
function readPlanHashes(body) {
    const line = body.split('\n', 2)[1] ?? '';
    if (!line.startsWith(PLANS_PREFIX) || !line.endsWith(' -->'))
        return {};
    const out = {};
    for (const pair of line.slice(PLANS_PREFIX.length, -4).split(' ')) {
        const [env, hash] = pair.split('=');
        if (env && hash && ENV_NAME.test(env) && HASH.test(hash))
            out[env] = hash;
    }
    return out;
}
/** The hashes of the sections that show a plan for review (planned, or stopped with a new plan). */
function reviewedHashes(sections) {
    const out = {};
    for (const s of sections) {
        // A plan from the files alone (fork) says nothing about the table: nothing to match.
        const shown = s.phase === 'planned' ||
            s.phase === 'blocked' ||
            s.phase === 'precondition-failed' ||
            s.phase === 'rehearsal-failed';
        if (shown && !s.plan.stateUnknown)
            out[s.plan.environment] = s.plan.hash;
    }
    return out;
}
/**
 * The comment's body: the marker, the plan-hash line when there are hashes to record, then the
 * rendering of the sections, all within GitHub's limit (`maxLength` to say otherwise).
 */
function commentBody(input) {
    const { key, planHashes, ...markdown } = input;
    const pairs = Object.entries(planHashes ?? reviewedHashes(input.sections)).filter(([env, hash]) => ENV_NAME.test(env) && HASH.test(hash));
    const hidden = [commentMarker(key)];
    if (pairs.length)
        hidden.push(`${PLANS_PREFIX}${pairs.map(([env, hash]) => `${env}=${hash}`).join(' ')} -->`);
    return (0,_core_render_markdown__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdown */ .Gc)({ ...markdown, maxLength: input.maxLength ?? COMMENT_BUDGET, preamble: hidden.join('\n') });
}


/***/ }),

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ findComment),
/* harmony export */   l: () => (/* binding */ upsertComment)
/* harmony export */ });
/* harmony import */ var _rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6417);

/**
 * The pull request's comment whose first line is `marker`. Only the first line counts: text
 * quoted from migration files further down cannot impersonate the marker.
 */
async function findComment(api, target, marker) {
    const comments = await api.paginate(`/repos/${enc(target.owner)}/${enc(target.repo)}/issues/${target.issue}/comments`);
    const mine = comments.filter((c) => (c.body ?? '').split('\n', 1)[0]?.trim() === marker);
    // Should there ever be two (a race of two runs), keep updating the oldest, as it is the one linked from notifications.
    const c = mine[0];
    return c ? { id: c.id, url: c.html_url, body: c.body ?? '' } : undefined;
}
/** A POST that failed on GitHub's side is tried this many times in all, looking for the comment before each new try. */
const POST_ATTEMPTS = 3;
/**
 * Creates the sticky comment, or updates it in place when one with the same marker exists.
 * A token that may not read or write comments (403, 404 for a token without access) is not a
 * failure of the run: the caller gets a warning to print, and the job summary still has it all.
 * Nor is a rate limit that outlasts the client's patience: the next run writes the comment.
 */
async function upsertComment(api, target, marker, body, known) {
    try {
        const base = `/repos/${enc(target.owner)}/${enc(target.repo)}/issues`;
        const update = async (c) => {
            const res = await api.request('PATCH', `${base}/comments/${c.id}`, { body });
            return { ok: true, action: 'updated', id: res.id, url: res.html_url };
        };
        const existing = known ?? (await findComment(api, target, marker));
        if (existing)
            return await update(existing);
        for (let attempt = 1;; attempt++) {
            try {
                const c = await api.request('POST', `${base}/${target.issue}/comments`, { body });
                return { ok: true, action: 'created', id: c.id, url: c.html_url };
            }
            catch (e) {
                // A 502 or a lost answer may come after GitHub made the comment: posting again blindly would make two.
                if (!(e instanceof _rest__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .O && e.transient) || attempt >= POST_ATTEMPTS)
                    throw e;
                const made = await findComment(api, target, marker);
                if (made)
                    return made.body === body ? { ok: true, action: 'created', id: made.id, url: made.url } : await update(made);
            }
        }
    }
    catch (e) {
        if (e instanceof _rest__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .O && e.rateLimit) {
            return {
                ok: false,
                warning: `Could not write the pull request comment: ${e.message}. GitHub's ${e.rateLimit.kind} rate limit stopped it; the next run brings the comment up to date. The plan is in the job summary.`,
            };
        }
        if (e instanceof _rest__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .O && (e.status === 401 || e.status === 403 || e.status === 404)) {
            return {
                ok: false,
                warning: `Could not write the pull request comment (${e.message}). Give the job \`permissions: pull-requests: write\` (and issues: write), or set comment: false. The plan is in the job summary.`,
            };
        }
        throw e;
    }
}
function enc(s) {
    return encodeURIComponent(s);
}


/***/ })

};

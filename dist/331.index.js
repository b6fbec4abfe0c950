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
// EXTERNAL MODULE: ./src/core/render/markdown.ts + 2 modules
var markdown = __webpack_require__(3862);
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


/***/ })

};

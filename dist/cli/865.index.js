export const id = 865;
export const ids = [865];
export const modules = {

/***/ 4865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkPlan: () => (/* binding */ checkPlan),
/* harmony export */   lintFindings: () => (/* binding */ lintFindings)
/* harmony export */ });
/* unused harmony export staticFindingsOf */
/* harmony import */ var _core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1869);
/* harmony import */ var _core_analyzers_rules__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9576);


/**
 * The analyzers on a plan, for `plan` and the pull request's plan: the static rules on the
 * migrations of its up steps and, when asked, a rehearsal (`rehearse`, given by the session
 * that can read the table). Findings go into `plan.checks`; an error that no suppression covers
 * becomes a blocker (`check`, or `rehearsal`: exit 5). The parser is imported here, lazily, so
 * that only the commands that show findings load it.
 */
async function checkPlan(plan, project, opts = {}) {
    // Nothing to run, nothing to check.
    if (!plan.steps.length)
        return plan;
    const versions = new Set(plan.steps.filter((s) => s.direction === 'up' && s.kind !== 'reset').map((s) => s.version));
    const migrations = project.migrations.filter((m) => versions.has(m.version));
    const found = await staticFindingsOf(migrations);
    const rehearsal = opts.rehearse ? await opts.rehearse(plan) : undefined;
    if (rehearsal)
        found.push(...rehearsal.findings);
    const findings = (0,_core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__/* .applySuppressions */ .px)(found, (v) => project.migrations.find((m) => m.version === v)?.suppress);
    const checks = (0,_core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__/* .checksReport */ .ky)(findings, rehearsal?.summary);
    const blockers = findings
        .filter((f) => f.severity === 'error' && !f.suppressed)
        .map((f) => ({
        kind: f.code.startsWith('DM2') ? 'rehearsal' : 'check',
        version: f.version,
        message: (0,_core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__/* .formatFinding */ .tf)(f),
        next: `Fix it (${(0,_core_analyzers_rules__WEBPACK_IMPORTED_MODULE_1__/* .ruleAnchor */ .Ei)(f.code)}), or accept it in ${f.file} with suppress: { ${f.code}: '<why this is fine>' }.`,
    }));
    return { ...plan, checks, blockers: [...plan.blockers, ...blockers] };
}
/** The static findings of these migrations (every migration, for lint). */
async function staticFindingsOf(migrations) {
    if (!migrations.some((m) => m.code !== undefined))
        return [];
    const { staticFindings } = await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(795)]).then(__webpack_require__.bind(__webpack_require__, 9795));
    return migrations.flatMap((m) => m.code === undefined
        ? []
        : staticFindings({
            version: m.version,
            file: m.file,
            code: m.code,
            irreversible: m.irreversible,
            hasDown: m.hasDown,
        }));
}
/** Lint's findings: every migration's static findings, suppressions applied. */
async function lintFindings(project) {
    const all = [...project.migrations, ...(project.reset ? [project.reset] : [])];
    const found = await staticFindingsOf(all);
    return (0,_core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__/* .applySuppressions */ .px)(found, (v) => all.find((m) => m.version === v)?.suppress);
}


/***/ })

};

export const id = 718;
export const ids = [718];
export const modules = {

/***/ 5718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FORK_NOTE: () => (/* binding */ FORK_NOTE),
/* harmony export */   planMode: () => (/* binding */ planMode),
/* harmony export */   planOutcome: () => (/* binding */ planOutcome),
/* harmony export */   planSourceOf: () => (/* binding */ planSourceOf)
/* harmony export */ });
/* harmony import */ var _core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1869);
/* harmony import */ var _core_outcome__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9411);
/* harmony import */ var _outcome__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5458);
/* harmony import */ var _sticky_comment__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2751);




const FORK_NOTE = 'This pull request comes from a fork: its workflow has no access to the tables, so the plan below comes from the migration files alone. It is applied only after merge.';
/**
 * Where a plan's state comes from: the table (undefined: the session reads it), or nothing at
 * all (null: the files alone) for a fork's pull request, whose workflow must not touch the
 * tables; then a note says so.
 */
function planSourceOf(intent) {
    return intent.readState ? { state: undefined, notes: [] } : { state: null, notes: [FORK_NOTE] };
}
/** A plan shown for review: planned, or blocked with the exit code its first blocker implies. */
function planOutcome(plan, env, approvalRequired) {
    return {
        section: { plan, phase: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_1__/* .statusOfPlan */ .$b)(plan), approvalRequired, protected: env.protected },
        exitCode: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_1__/* .exitCodeOfPlan */ .Cp)(plan),
    };
}
/** pull_request and `command: plan`: read (unless a fork), plan every environment, never write. */
async function planMode(run, intent) {
    const source = planSourceOf(intent);
    const pr = intent.pullRequest;
    const comment = pr ? (0,_sticky_comment__WEBPACK_IMPORTED_MODULE_3__/* .stickyCommentFor */ .a5)(run, pr.number) : undefined;
    if (pr && run.settings.comment && !run.api)
        run.io.warning('No github-token: the plan is in the job summary only.');
    const outcomes = await (0,_outcome__WEBPACK_IMPORTED_MODULE_2__/* .eachEnvironment */ .x)(run, (env) => `plan ${env.name} (${env.table})`, async (env) => {
        const session = run.openSession(env, 'read-only');
        const planned = await session.plan({ command: 'apply' }, source.state);
        // The environment's `rehearse:` key; a fork's plan reads no table, so it is not rehearsed.
        const sample = source.state === null ? undefined : (0,_core_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__/* .rehearsalSample */ .Ug)(env);
        // The analyzers' parser is loaded here, after the plan, never at the action's start.
        const { checkPlan } = await __webpack_require__.e(/* import() */ 865).then(__webpack_require__.bind(__webpack_require__, 4865));
        const plan = await checkPlan(planned, session.project, {
            rehearse: sample !== undefined && session.rehearse ? (p) => session.rehearse(p, sample) : undefined,
        });
        return planOutcome(plan, env, run.settings.requireApproval);
    });
    return { outcomes, notes: source.notes, comment };
}


/***/ })

};

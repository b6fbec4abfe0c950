export const id = 958;
export const ids = [958];
export const modules = {

/***/ 6958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   driftMode: () => (/* binding */ driftMode),
/* harmony export */   driftOutcome: () => (/* binding */ driftOutcome)
/* harmony export */ });
/* harmony import */ var _core_outcome__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9411);
/* harmony import */ var _outcome__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5458);


/** A drift check's section; any finding fails the run with the exit code of drift. */
function driftOutcome(d, env) {
    return {
        section: { plan: d.plan, phase: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_0__/* .statusOfDrift */ .Tv)(d), findings: d.findings, protected: env.protected },
        exitCode: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_0__/* .exitCodeOfDrift */ .Mr)(d),
    };
}
/** schedule and `command: drift`: compare each table with the manifest, read-only. */
async function driftMode(run) {
    const outcomes = await (0,_outcome__WEBPACK_IMPORTED_MODULE_1__/* .eachEnvironment */ .x)(run, (env) => `drift ${env.name} (${env.table})`, async (env) => {
        const d = await run.openSession(env, 'read-only').drift();
        for (const f of d.findings)
            run.io.warning(`${env.name}: ${f.message}`);
        return driftOutcome(d, env);
    });
    return { outcomes, notes: [] };
}


/***/ }),

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


/***/ })

};

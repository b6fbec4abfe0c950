export const id = 548;
export const ids = [548];
export const modules = {

/***/ 548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   maintainMode: () => (/* binding */ maintainMode)
/* harmony export */ });
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _outcome__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5458);


/** unlock, repair and stop, by dispatch, on the one environment the inputs name. */
async function maintainMode(run, mode) {
    return { outcomes: [await maintainOne(run, mode)], notes: [] };
}
async function maintainOne(run, mode) {
    // readSettings requires exactly one environment for these commands.
    const env = run.environments[0];
    const { settings } = run;
    try {
        const session = run.openSession(env, 'write');
        let message;
        if (mode === 'unlock') {
            await session.unlock(settings.lockId, settings.reason);
            message = `Removed lock ${settings.lockId} from ${env.table}.`;
        }
        else if (mode === 'stop') {
            // A fanned-out step's execution: recorded incomplete (resumable), the lock released.
            if (!session.stop)
                throw new _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`command "stop": ${env.name} has no state-machine, so no step of it runs in a Step Functions execution to stop.`);
            message = await session.stop(settings.reason);
        }
        else {
            message = await session.repair({ version: settings.version, mark: settings.mark, reason: settings.reason });
        }
        run.io.notice(`${env.name}: ${message}`);
        const plan = await session.plan({ command: 'apply' });
        return { section: { plan, phase: 'applied', message, protected: env.protected }, exitCode: _core_errors__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok };
    }
    catch (e) {
        return (0,_outcome__WEBPACK_IMPORTED_MODULE_1__/* .failedOutcome */ .i)(run, env, e);
    }
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

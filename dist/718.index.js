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
/* harmony import */ var _core_outcome__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9411);
/* harmony import */ var _outcome__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5458);
/* harmony import */ var _sticky_comment__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2751);



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
        section: { plan, phase: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_0__/* .statusOfPlan */ .$b)(plan), approvalRequired, protected: env.protected },
        exitCode: (0,_core_outcome__WEBPACK_IMPORTED_MODULE_0__/* .exitCodeOfPlan */ .Cp)(plan),
    };
}
/** pull_request and `command: plan`: read (unless a fork), plan every environment, never write. */
async function planMode(run, intent) {
    const source = planSourceOf(intent);
    const pr = intent.pullRequest;
    const comment = pr ? (0,_sticky_comment__WEBPACK_IMPORTED_MODULE_2__/* .stickyCommentFor */ .a5)(run, pr.number) : undefined;
    if (pr && run.settings.comment && !run.api)
        run.io.warning('No github-token: the plan is in the job summary only.');
    const outcomes = await (0,_outcome__WEBPACK_IMPORTED_MODULE_1__/* .eachEnvironment */ .x)(run, (env) => `plan ${env.name} (${env.table})`, async (env) => planOutcome(await run.openSession(env, 'read-only').plan({ command: 'apply' }, source.state), env, run.settings.requireApproval));
    return { outcomes, notes: source.notes, comment };
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
    /** Renders the sections as the comment body and writes it, unless a write was refused already. */
    async show(sections, o = {}) {
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

/***/ 9511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ readPlanHashes),
/* harmony export */   I2: () => (/* binding */ commentBody),
/* harmony export */   Ql: () => (/* binding */ commentMarker)
/* harmony export */ });
/* unused harmony exports GITHUB_COMMENT_LIMIT, reviewedHashes */
/* harmony import */ var _core_render_markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3862);

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
        const shown = s.phase === 'planned' || s.phase === 'blocked' || s.phase === 'precondition-failed';
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

export const id = 592;
export const ids = [592];
export const modules = {

/***/ 592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyMode: () => (/* binding */ applyMode),
  approvalGate: () => (/* binding */ approvalGate),
  approvalOf: () => (/* binding */ approvalOf),
  backupNameOf: () => (/* binding */ backupNameOf),
  planChangeGate: () => (/* binding */ planChangeGate),
  previousGate: () => (/* binding */ previousGate),
  reasonOf: () => (/* binding */ reasonOf)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/gates.ts

/** Commands that move a table backwards or rewrite its history: confirmed by a person. */
const DESTRUCTIVE = new Set(['down', 'to', 'reset']);
/**
 * On a protected environment, a down/to needs `confirm` equal to the table name (as a
 * dispatch input or --confirm), and reset is refused outright. Shared by CLI and action.
 */
function checkConfirmation(env, command, confirm, inputName = '--confirm') {
    if (!env.protected)
        return;
    if (command === 'reset') {
        throw new errors/* RefusedError */.fk(`reset is refused on ${env.name}: the environment is protected.`);
    }
    if ((command === 'down' || command === 'to') && confirm !== env.table) {
        throw new errors/* RefusedError */.fk(`${command} on protected environment ${env.name} needs ${inputName} ${env.table} (the table name) to confirm the rollback${confirm ? `; got "${confirm}"` : ''}.`);
    }
}

// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
;// CONCATENATED MODULE: ./src/github/approval.ts
const WRITE = new Set(['admin', 'maintain', 'write']);
/**
 * The pull request merged as `sha` (GET /repos/{o}/{r}/commits/{sha}/pulls). A merge, squash
 * or rebase commit lists the pull request it came from; a direct push lists none.
 */
async function findMergedPullRequest(api, owner, repo, sha) {
    const pulls = await api.paginate(`/repos/${enc(owner)}/${enc(repo)}/commits/${enc(sha)}/pulls`);
    const merged = pulls.filter((p) => p.merged_at);
    const exact = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
    return exact ? { number: exact.number, url: exact.html_url, author: exact.user?.login } : undefined;
}
/**
 * Checks that the pull request has an approving review from someone with write access.
 * Each reviewer's latest decisive review counts (a later "changes requested" or a dismissal
 * withdraws an approval), and write access is checked through the API rather than trusted
 * from the review's author association.
 */
async function checkApproval(api, owner, repo, pr) {
    const reviews = await api.paginate(`/repos/${enc(owner)}/${enc(repo)}/pulls/${pr.number}/reviews`);
    const latest = new Map();
    for (const r of reviews) {
        const login = r.user?.login;
        // COMMENTED and PENDING reviews do not change a reviewer's decision.
        if (!login || (r.state !== 'APPROVED' && r.state !== 'CHANGES_REQUESTED' && r.state !== 'DISMISSED'))
            continue;
        latest.set(login, r.state);
    }
    const approvers = [...latest]
        .filter(([login, state]) => state === 'APPROVED' && login !== pr.author)
        .map(([login]) => login);
    const withWrite = [];
    for (const login of approvers) {
        const p = await api.request('GET', `/repos/${enc(owner)}/${enc(repo)}/collaborators/${enc(login)}/permission`);
        if (WRITE.has(p.permission ?? '') || WRITE.has(p.role_name ?? ''))
            withWrite.push(login);
    }
    if (withWrite.length)
        return { approved: true, by: withWrite };
    const reason = approvers.length
        ? `Pull request #${pr.number} was approved by ${approvers.join(', ')}, but none of them has write access to ${owner}/${repo}.`
        : `Pull request #${pr.number} has no approving review (require-approval is true).`;
    return {
        approved: false,
        reason,
        next: `Have a maintainer with write access approve #${pr.number}, then re-run this job; or apply with a workflow_dispatch (command: apply) through the protected environment.`,
    };
}
function enc(s) {
    return encodeURIComponent(s);
}

// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
// EXTERNAL MODULE: ./src/github/comment-protocol.ts
var comment_protocol = __webpack_require__(9511);
// EXTERNAL MODULE: ./src/github/constants.ts
var constants = __webpack_require__(8746);
// EXTERNAL MODULE: ./src/action/outcome.ts
var action_outcome = __webpack_require__(5458);
// EXTERNAL MODULE: ./src/action/sticky-comment.ts
var sticky_comment = __webpack_require__(2751);
;// CONCATENATED MODULE: ./src/action/modes/apply.ts









/** An earlier environment did not finish: the later ones wait (dev before production). */
function previousGate(stoppedAt) {
    if (stoppedAt === undefined)
        return undefined;
    return {
        error: new errors/* MigrateError */.Oq(`Not applied: ${stoppedAt} did not finish first.`),
        next: `Resolve ${stoppedAt}, then re-run this job.`,
    };
}
/** `require-approval`: a merge without the approval is refused (exit 2); undefined when approved or not required. */
function approvalGate(approval) {
    if (!approval || approval.approved)
        return undefined;
    return { error: new errors/* RefusedError */.fk(approval.reason), next: approval.next };
}
/**
 * The plan reviewers saw must still be the plan: the table may have moved, or another pull
 * request merged first. A different hash stops the merge (exit 4) unless `on-plan-change:
 * replan`; the engine checks again under the lock. No reviewed hash: nothing to compare.
 */
function planChangeGate(plan, reviewed, onPlanChange, pullRequest) {
    if (!reviewed || plan.hash === reviewed || onPlanChange !== 'fail')
        return undefined;
    return {
        error: new errors/* PlanChangedError */.aq(`The plan changed since it was reviewed on #${pullRequest} (reviewed ${reviewed}, now ${plan.hash}): ${plan.currentVersion} -> ${plan.targetVersion}, ${plan.steps.length} step(s).`),
        next: 'Review the new plan shown here; re-running this job applies it (this comment now records it as the reviewed plan). Or set on-plan-change: replan.',
    };
}
/** Whether the merged pull request has the approval `require-approval` asks for. */
async function approvalOf(api, ctx, pr) {
    if (!api) {
        return {
            approved: false,
            reason: 'require-approval is true but there is no github-token to check reviews with.',
            next: 'Pass github-token (the default workflow token works) with permissions pull-requests: read.',
        };
    }
    if (!pr) {
        return {
            approved: false,
            reason: `require-approval is true but commit ${ctx.sha.slice(0, 12)} was not merged from a pull request, so there is no review to check.`,
            next: 'Merge changes through an approved pull request, or apply with a workflow_dispatch through the protected environment.',
        };
    }
    return checkApproval(api, ctx.owner, ctx.repo, pr);
}
/** What the audit log records as the reason of the run, unless the `reason` input says. */
function reasonOf(settings, intent, ctx, pr) {
    if (settings.reason)
        return settings.reason;
    const from = intent.trigger === 'push' ? `merge of ${pr ? `#${pr.number}` : ctx.sha.slice(0, 12)}` : 'workflow_dispatch';
    return `${from} by ${ctx.actor}`;
}
/** The name of the on-demand backup a protected apply may take (one per commit and table). */
function backupNameOf(env, sha, now) {
    return `dynamodb-migrate-${env.table}-${sha.slice(0, 12) || now}`;
}
/** push to the default branch and dispatch: the gates, then apply each environment in turn. */
async function applyMode(run, intent) {
    const { settings } = run;
    for (const env of run.environments)
        checkConfirmation(env, intent.command, settings.confirm, `input "${constants/* Inputs */.G0.Confirm}"`);
    const merge = intent.trigger === 'push' ? await mergeOf(run) : undefined;
    const reviewed = merge?.found ? (0,comment_protocol/* readPlanHashes */.G$)(merge.found.body) : {};
    const comment = merge ? (0,sticky_comment/* stickyCommentFor */.a5)(run, merge.pr.number, merge.found) : undefined;
    const approval = intent.trigger === 'push' && settings.requireApproval ? await approvalOf(run.api, run.ctx, merge?.pr) : undefined;
    const outcomes = await (0,action_outcome/* eachEnvironment */.x)(run, (env) => `${intent.command} ${env.name} (${env.table})`, (env, done) => applyOne(run, intent, env, { pr: merge?.pr, approval, reviewed: reviewed[env.name], done, comment }));
    return {
        outcomes,
        notes: [],
        comment,
        // An approval gate leaves the reviewed plan as it was: re-running after approval must match it.
        planHashes: approval && !approval.approved && merge?.found ? reviewed : undefined,
    };
}
async function applyOne(run, intent, env, g) {
    const { settings, io } = run;
    const session = run.openSession(env, 'write');
    const plan = await session.plan({ command: intent.command, version: settings.version });
    const base = {
        approvalRequired: intent.trigger === 'push' ? settings.requireApproval : undefined,
        protected: env.protected,
    };
    const blocked = (gate) => {
        io.error(`${env.name}: ${gate.error.message}`);
        return {
            section: { ...base, plan, phase: 'blocked', error: gate.error.message, next: gate.next },
            exitCode: (0,outcome/* exitCodeOf */.FO)(gate.error),
        };
    };
    const stopped = previousGate(g.done.find((o) => o.exitCode !== errors/* EXIT */.dc.ok)?.section.plan.environment) ?? approvalGate(g.approval);
    if (stopped)
        return blocked(stopped);
    if (g.approval?.approved)
        io.notice(`${env.name}: approved by ${g.approval.by.join(', ')}.`);
    const changed = planChangeGate(plan, g.reviewed, settings.onPlanChange, g.pr?.number);
    if (changed)
        return blocked(changed);
    if (g.pr && !g.reviewed)
        io.notice(`${env.name}: no reviewed plan found on #${g.pr.number}; applying the current plan ${plan.hash}.`);
    let recoveryPoint;
    const options = {
        expectedHash: g.reviewed,
        onPlanChange: settings.onPlanChange,
        reason: reasonOf(settings, intent, run.ctx, g.pr),
        // Right before the first step, for either runner (under the lock when it runs here): the
        // recovery point is of the state the steps start from, and the comment says "applying".
        onStart: async (current) => {
            if (env.protected && !settings.dryRun && current.steps.length) {
                recoveryPoint = await session.ensureRecoveryPoint(env['recovery-point'] ?? 'pitr-or-backup', backupNameOf(env, run.ctx.sha, run.now()));
                io.notice(`${env.name}: recovery point: ${recoveryPoint}`);
            }
            if (current.steps.length)
                await g.comment?.show([...g.done.map((o) => o.section), { ...base, plan: current, phase: 'applying' }]);
            // The runner records it in the audit log.
            return { recoveryPoint };
        },
    };
    const report = await session.apply(plan, options);
    return {
        section: { ...base, plan: report.plan, phase: (0,outcome/* statusOfReport */.I5)(report), report, recoveryPoint },
        exitCode: (0,outcome/* exitCodeOfReport */.j0)(report),
    };
}
/** The pull request merged as this commit and its comment; a GitHub error is a warning, not a failure. */
async function mergeOf(run) {
    const { api, ctx, io } = run;
    if (!api)
        return undefined;
    const pr = await findMergedPullRequest(api, ctx.owner, ctx.repo, ctx.sha).catch((e) => {
        io.warning(`Could not find the pull request merged as ${ctx.sha}: ${(0,errors/* messageOf */.bD)(e)}`);
        return undefined;
    });
    if (!pr)
        return undefined;
    const found = await (0,comment/* findComment */.h)(api, { owner: ctx.owner, repo: ctx.repo, issue: pr.number }, (0,comment_protocol/* commentMarker */.Ql)(run.markdown.key)).catch((e) => {
        io.warning(`Could not read the comments of #${pr.number}: ${(0,errors/* messageOf */.bD)(e)}`);
        return undefined;
    });
    return { pr, found };
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

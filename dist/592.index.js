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
  followInComment: () => (/* binding */ followInComment),
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
    // The analyzers' static errors block apply as they block the plan (the parser loaded now, after the plan).
    const { checkPlan } = await __webpack_require__.e(/* import() */ 865).then(__webpack_require__.bind(__webpack_require__, 4865));
    const plan = await checkPlan(await session.plan({ command: intent.command, version: settings.version, resume: settings.resume }), session.project);
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
    let applying = plan;
    const options = {
        expectedHash: g.reviewed,
        onPlanChange: settings.onPlanChange,
        reason: reasonOf(settings, intent, run.ctx, g.pr),
        detach: !settings.wait,
        // Right before the first step, for either runner (under the lock when it runs here): the
        // recovery point is of the state the steps start from, and the comment says "applying".
        onStart: async (current) => {
            if (env.protected && !settings.dryRun && current.steps.length) {
                recoveryPoint = await session.ensureRecoveryPoint(env['recovery-point'] ?? 'pitr-or-backup', backupNameOf(env, run.ctx.sha, run.now()));
                io.notice(`${env.name}: recovery point: ${recoveryPoint}`);
            }
            applying = current;
            if (current.steps.length)
                await g.comment?.show([...g.done.map((o) => o.section), { ...base, plan: current, phase: 'applying' }]);
            // The runner records it in the audit log.
            return { recoveryPoint };
        },
        // A fanned-out step runs in Step Functions for as long as it takes: the comment links its
        // execution at once and follows its progress (not awaited: the watch goes on meanwhile).
        onExecution: g.comment &&
            followInComment((live) => void g.comment?.show([...g.done.map((o) => o.section), { ...base, plan: applying, phase: 'applying', live }]), { everyMs: run.progressCommentMs }),
    };
    const report = await session.apply(plan, options);
    return {
        section: { ...base, plan: report.plan, phase: (0,outcome/* statusOfReport */.I5)(report), report, recoveryPoint },
        exitCode: (0,outcome/* exitCodeOfReport */.j0)(report),
    };
}
/**
 * Which of a running execution's sightings go to the comment: each new execution at once (its
 * link), then its progress at most once every `everyMs`. The final word is the report's.
 */
function followInComment(show, o) {
    let shown;
    return (live) => {
        if (shown?.name === live.name && (!live.progress || live.at - shown.at < o.everyMs))
            return;
        shown = { name: live.name, at: live.at };
        show(live);
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


/***/ })

};

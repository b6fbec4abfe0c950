export const id = 640;
export const ids = [640];
export const modules = {

/***/ 3640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStudio: () => (/* binding */ runStudio)
});

// UNUSED EXPORTS: STUDIO_READ_RATE, openStudio

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/cli/flags.ts
var flags = __webpack_require__(5377);
// EXTERNAL MODULE: ./src/cli/io.ts + 1 modules
var io = __webpack_require__(7188);
// EXTERNAL MODULE: ./src/cli/local-table.ts
var local_table = __webpack_require__(7148);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/run-settings.ts
var run_settings = __webpack_require__(386);
// EXTERNAL MODULE: ./src/dynamodb/client.ts
var dynamodb_client = __webpack_require__(8693);
// EXTERNAL MODULE: ./src/dynamodb/local.ts
var local = __webpack_require__(1195);
// EXTERNAL MODULE: ./src/loader/load-project.ts + 2 modules
var load_project = __webpack_require__(9808);
// EXTERNAL MODULE: ./src/runner/actor.ts
var actor = __webpack_require__(351);
// EXTERNAL MODULE: ./src/runner/open-session.ts + 31 modules
var open_session = __webpack_require__(5205);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/core/gates.ts
var gates = __webpack_require__(7311);
// EXTERNAL MODULE: ./src/core/history.ts
var core_history = __webpack_require__(8863);
// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/core/render/text.ts + 1 modules
var render_text = __webpack_require__(2930);
// EXTERNAL MODULE: ./src/core/render/schema-diff.ts
var schema_diff = __webpack_require__(8389);
// EXTERNAL MODULE: ./src/core/schema-diff.ts
var core_schema_diff = __webpack_require__(6706);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(5009);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/studio/access.ts
/** The manifest's `studio:` key; unset, protected environments are read-only and the others read-write. */
function studioAccess(env) {
    return env.studio ?? (env.protected ? 'read-only' : 'read-write');
}
/** What a person runs instead of a button the studio will not press: the CLI's command for the same action. */
function commandInstead(env, action) {
    const base = `dynamodb-migrate --env ${env.name}`;
    const confirm = env.protected ? ` --confirm ${env.table}` : '';
    switch (action.command) {
        case 'apply':
            return `${base} apply${action.hash ? ` --plan ${action.hash}` : ''}`;
        case 'to':
            return `${base}${confirm} to ${action.version ?? '<version>'}`;
        case 'down':
            return `${base}${confirm} down`;
        case 'unlock':
            return `${base} unlock <lock-id> --reason "<why>"`;
        case 'repair':
            return `${base} repair --version ${action.version ?? '<version>'} --mark applied|reverted --reason "<why>"`;
        default:
            return `${base} ${action.command}`;
    }
}
/** The same action as a dispatch of the workflow `dynamodb-migrate init` writes (migrate-dispatch.yml). */
function workflowInstead(env, action) {
    const f = [`environment=${env.name}`, `command=${action.command}`];
    if (action.command === 'to' || action.command === 'repair')
        f.push(`version=${action.version ?? '<version>'}`);
    if (action.command === 'unlock')
        f.push('lock-id=<lock-id>', 'reason="<why>"');
    if (action.command === 'repair')
        f.push('mark=applied', 'reason="<why>"');
    if (env.protected && (action.command === 'down' || action.command === 'to'))
        f.push(`confirm=${env.table}`);
    return `gh workflow run migrate-dispatch.yml ${f.map((x) => `-f ${x}`).join(' ')}`;
}

;// CONCATENATED MODULE: ./src/studio/api.ts












/** A refusal the page shows as it is: the status and one message saying what to do. */
class ApiError extends Error {
    status;
    extra;
    constructor(status, message, extra = {}) {
        super(message);
        this.status = status;
        this.extra = extra;
    }
}
const api_version = schemas/* string */.YjP().refine(version.isVersion, { message: 'expected a semver version such as 1.2.0' });
const planBody = schemas/* strictObject */.rej({
    command: schemas/* enum */.k5n(['apply', 'up', 'down', 'repeat', 'reset', 'to']),
    version: api_version.optional(),
});
const runBody = planBody.extend({
    hash: schemas/* string */.YjP().min(1).max(200),
    confirm: schemas/* string */.YjP().max(255).optional(),
});
const unlockBody = schemas/* strictObject */.rej({ lockId: schemas/* string */.YjP().min(1).max(200), reason: schemas/* string */.YjP().trim().min(1).max(500) });
const repairBody = schemas/* strictObject */.rej({
    version: api_version,
    mark: schemas/* enum */.k5n(['applied', 'reverted']),
    reason: schemas/* string */.YjP().trim().min(1).max(500),
});
/**
 * The studio's JSON API: every read and every action of the page. Reads go through the same
 * MigrationSession as the CLI; an action re-plans, checks the CLI's protection rules and the
 * studio access, and runs exactly the plan the page showed (its hash).
 */
class StudioApi {
    c;
    /** The run the studio started on each environment: at most one at a time. */
    runs = new Map();
    constructor(c) {
        this.c = c;
    }
    /** Routes one request; throws ApiError for what the page should show as a refusal. */
    async handle(method, path, query, body) {
        const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
        const [what, name, action] = parts;
        if (method === 'GET' && what === 'board' && parts.length === 1)
            return ok(await this.board());
        if (method === 'GET' && what === 'log' && parts.length === 1)
            return ok(await this.auditLog(query));
        if (what === 'envs' && name !== undefined) {
            const env = this.environment(name);
            if (method === 'GET' && action === undefined)
                return ok(await this.environmentView(env));
            if (method === 'GET' && action === 'schema')
                return ok(this.schemaView(env, query, await this.tableSchema(env)));
            if (method === 'GET' && action === 'data')
                return ok(await this.dataView(env, query));
            if (method === 'GET' && action === 'items')
                return ok(await this.itemsPage(env, query));
            if (method === 'POST' && action === 'plan')
                return ok(await this.plan(env, parse(planBody, body)));
            if (method === 'POST' && action === 'run')
                return { status: 202, body: await this.run(env, parse(runBody, body)) };
            if (method === 'POST' && action === 'unlock')
                return ok(await this.unlock(env, parse(unlockBody, body)));
            if (method === 'POST' && action === 'repair')
                return ok(await this.repair(env, parse(repairBody, body)));
        }
        throw new ApiError(404, `No such endpoint: ${method} ${path}`);
    }
    environment(name) {
        const config = this.c.project.manifest.environments[name];
        if (!config) {
            const known = Object.keys(this.c.project.manifest.environments).join(', ');
            throw new ApiError(404, `No environment "${name}" in ${this.c.project.manifestPath} (it has ${known}).`);
        }
        return { ...config, name };
    }
    get environments() {
        return Object.entries(this.c.project.manifest.environments).map(([name, e]) => ({ ...e, name }));
    }
    /** Every environment side by side; one that cannot be read shows its error instead. */
    async board() {
        const cards = await Promise.all(this.environments.map(async (env) => {
            try {
                const s = this.c.session(env);
                const state = await s.readState();
                const plan = await s.plan({ command: 'apply' }, state);
                const [last] = await s.readLog(1);
                return this.card(env, state, plan, last);
            }
            catch (e) {
                return { ...this.identity(env), error: (0,core_errors/* messageOf */.bD)(e) };
            }
        }));
        return { manifest: this.c.project.manifestPath, environments: cards, at: this.c.now() };
    }
    identity(env) {
        return {
            name: env.name,
            table: env.table,
            region: env.region ?? null,
            protected: env.protected,
            runner: env.runner,
            access: studioAccess(env),
            running: this.runs.get(env.name) ?? null,
        };
    }
    card(env, state, plan, last) {
        const history = (0,core_history/* readHistory */.Lu)(state.records);
        const order = (0,version.compareVersions)(history.currentVersion, plan.targetVersion);
        return {
            ...this.identity(env),
            currentVersion: history.currentVersion,
            targetVersion: plan.targetVersion,
            sync: order === 0 ? 'in-sync' : order < 0 ? 'behind' : 'ahead',
            outstanding: plan.direction === 'up' ? plan.steps.length : 0,
            drift: plan.drift,
            failed: plan.failed ?? null,
            blockers: plan.blockers,
            lock: state.lock ? { ...state.lock, expired: state.lock.leaseExpiresAt <= this.c.now() } : null,
            lastRun: last ?? null,
            replicas: state.global?.replicas.map((r) => r.region) ?? [],
        };
    }
    /** One environment: its card, the version sequence, the plan to the target and the recent log. */
    async environmentView(env) {
        const s = this.c.session(env);
        const state = await s.readState();
        const plan = await s.plan({ command: 'apply' }, state);
        const log = await s.readLog(50);
        const status = (0,core_status/* buildStatus */.B)(state, this.c.project.migrations, plan, this.c.now());
        const history = (0,core_history/* readHistory */.Lu)(state.records);
        const applied = new Map(history.applied.map((r) => [r.version, r]));
        const versions = this.c.project.migrations.map((m) => {
            const r = applied.get(m.version);
            const failed = history.failed?.version === m.version ? history.failed : undefined;
            const state = failed
                ? 'failed'
                : r
                    ? 'applied'
                    : (0,version.compareVersions)(m.version, history.currentVersion) > 0
                        ? 'outstanding'
                        : 'skipped';
            return {
                version: m.version,
                description: m.description,
                file: m.file,
                checksum: m.checksum,
                irreversible: m.irreversible,
                idempotent: m.idempotent,
                state,
                drifted: status.applied.find((a) => a.version === m.version)?.drifted ?? false,
                record: r
                    ? {
                        date: r.date,
                        checksum: r.checksum,
                        durationMs: r.durationMs,
                        counts: r.counts,
                        actor: r.actor,
                        runUrl: r.runUrl,
                    }
                    : failed
                        ? { date: failed.date, status: failed.status, actor: failed.actor }
                        : null,
            };
        });
        const [last] = log;
        return {
            ...this.card(env, state, plan, last),
            versions,
            hasReset: this.c.project.reset !== undefined,
            resetAllowed: !!env['allow-reset'] && !env.protected && this.c.project.reset !== undefined,
            plan,
            planText: (0,render_text/* renderPlanText */.$D)(plan),
            status,
            log,
            instead: studioAccess(env) === 'read-only' ? this.insteadAll(env, plan) : null,
        };
    }
    insteadAll(env, plan) {
        const cmds = ['apply', 'up', 'down', 'repeat', 'to'];
        if (!env.protected)
            cmds.push('reset');
        return cmds.map((command) => ({
            command,
            cli: commandInstead(env, { command, hash: command === 'apply' ? plan.hash : undefined }),
            workflow: workflowInstead(env, { command }),
        }));
    }
    /** The plan a button would run, with its hash; what would refuse it is said, not hidden. */
    async plan(env, input) {
        checkVersionGiven(input);
        const plan = await this.c.session(env).plan({ command: input.command, version: input.version });
        let refusal = null;
        try {
            this.checkAllowed(env, input.command, env.protected ? env.table : undefined);
        }
        catch (e) {
            refusal = (0,core_errors/* messageOf */.bD)(e);
        }
        return {
            plan,
            text: (0,render_text/* renderPlanText */.$D)(plan),
            refusal,
            needsConfirm: env.protected && (input.command === 'down' || input.command === 'to'),
            cli: commandInstead(env, { command: input.command, version: input.version, hash: plan.hash }),
            workflow: workflowInstead(env, { command: input.command, version: input.version }),
        };
    }
    /** Refuses what the studio may not do here: read-only access, then the CLI's rules for protected environments. */
    checkAllowed(env, command, confirm) {
        if (studioAccess(env) === 'read-only') {
            throw new ApiError(403, `${env.name} is read-only in the studio${env.studio ? ' (studio: read-only in the manifest)' : ' (protected environments are, unless the manifest says studio: read-write)'}: run ${commandInstead(env, { command })} or dispatch the workflow.`);
        }
        if (command !== 'unlock' && command !== 'repair')
            (0,gates/* checkConfirmation */._)(env, command, confirm, 'the table name');
    }
    /**
     * Runs a plan the page showed: refused unless allowed here, unless it is still the same plan
     * (hash), and while another run from the studio is going on this environment. Answers at
     * once; the run's lines, figures and outcome reach the page through the event stream.
     */
    async run(env, input) {
        checkVersionGiven(input);
        this.checkAllowed(env, input.command, input.confirm);
        const busy = this.runs.get(env.name);
        if (busy?.state === 'running') {
            throw new ApiError(409, `${busy.command} is already running on ${env.name}: wait for it to end.`);
        }
        const s = this.c.session(env);
        const plan = await s.plan({ command: input.command, version: input.version });
        if (plan.hash !== input.hash) {
            throw new ApiError(409, `The plan changed since it was shown (shown ${input.hash}, now ${plan.hash}): review the new plan and run it again.`, { plan, text: (0,render_text/* renderPlanText */.$D)(plan) });
        }
        const run = {
            id: (0,external_node_crypto_.randomUUID)(),
            command: input.command,
            version: input.version,
            planHash: plan.hash,
            state: 'running',
            startedAt: this.c.now(),
        };
        this.runs.set(env.name, run);
        this.c.hub.publish({ type: 'run', env: env.name, run });
        void s
            .apply(plan, { expectedHash: input.hash, reason: 'studio' })
            .then((report) => {
            Object.assign(run, {
                state: 'done',
                status: report.status,
                text: (0,render_text/* renderReportText */.Uv)(report),
                finalVersion: report.finalVersion,
            });
        })
            .catch((e) => {
            Object.assign(run, { state: 'error', error: (0,core_errors/* messageOf */.bD)(e) });
        })
            .finally(() => this.c.hub.publish({ type: 'run', env: env.name, run: { ...run } }));
        return run;
    }
    async unlock(env, input) {
        this.checkAllowed(env, 'unlock', undefined);
        await this.c.session(env).unlock(input.lockId, input.reason);
        return { message: `unlocked ${env.table} (lock ${input.lockId})` };
    }
    async repair(env, input) {
        this.checkAllowed(env, 'repair', undefined);
        return { message: await this.c.session(env).repair(input) };
    }
    async tableSchema(env) {
        return (await this.c.session(env).readState()).schema;
    }
    /** The data model stored in the table or at a version, and the change between two of them. */
    schemaView(env, query, stored) {
        const pick = (v, what) => {
            if (v === null || v === '' || v === 'table')
                return stored;
            const m = this.c.project.migrations.find((x) => x.version === v);
            if (!m)
                throw new ApiError(400, `${what}=${v}: no migration ${v} in ${this.c.project.dir}.`);
            return m.schema;
        };
        const at = query.get('version') ?? 'table';
        const schema = pick(at, 'version');
        const summary = (0,core_schema_diff/* diffSchemas */.e7)(undefined, schema);
        const compare = query.get('compare');
        const diff = compare ? (0,core_schema_diff/* diffSchemas */.e7)(pick(compare, 'compare'), schema) : undefined;
        return {
            environment: env.name,
            version: at,
            versions: ['table', ...this.c.project.migrations.filter((m) => m.schema).map((m) => m.version)],
            found: schema !== undefined,
            schemaVersion: summary.toVersion ?? null,
            models: summary.models.added,
            indexes: summary.indexes.added,
            compare: compare ?? null,
            diff: diff ?? null,
            diffText: diff ? (0,schema_diff/* renderSchemaDiffText */.g)(diff) : null,
        };
    }
    /**
     * The table's items by model: `validate` (read-only, at the manifest's read-rate or the
     * studio's default), its counts, findings and example items that do not fit, per model.
     */
    async dataView(env, query) {
        const v = query.get('version') || undefined;
        if (v !== undefined && !(0,version.isVersion)(v))
            throw new ApiError(400, `version=${v}: expected a semver version.`);
        const s = this.c.session(env);
        const readRate = s.settings.readRate ?? this.c.defaultReadRate;
        const report = await s.validate({ readRate, version: v });
        return { environment: env.name, readRate, report };
    }
    /** One page of a model's items (read-only, paced to the read rate). */
    async itemsPage(env, query) {
        const browser = this.c.items?.(env);
        if (!browser) {
            throw new ApiError(400, `${env.name} runs through a Lambda controller: the studio browses items of runner: local environments only.`);
        }
        const schema = await this.tableSchema(env);
        const models = Object.keys((schema?.models ?? {})).sort();
        const model = query.get('model') ?? '';
        if (!models.includes(model)) {
            throw new ApiError(400, `model=${model}: ${models.length ? `expected one of ${models.join(', ')} (the models of the schema stored in ${env.table})` : `${env.table} stores no schema yet: apply a version that has one`}.`);
        }
        const size = Number(query.get('size') ?? 25);
        if (!Number.isInteger(size) || size < 1 || size > 100) {
            throw new ApiError(400, `size=${query.get('size')}: expected a whole number from 1 to 100.`);
        }
        const params = (schema?.params ?? {});
        return browser.page({
            model,
            typeField: params.typeField ?? '_type',
            cursor: query.get('cursor') ?? undefined,
            pageSize: size,
        });
    }
    /** The audit log of every environment's table, newest first, filtered by environment, actor and outcome. */
    async auditLog(query) {
        const envFilter = query.get('env') || undefined;
        const actor = query.get('actor')?.trim().toLowerCase() || undefined;
        const outcome = query.get('outcome')?.trim().toLowerCase() || undefined;
        const limit = Number(query.get('limit') ?? 200);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
            throw new ApiError(400, `limit=${query.get('limit')}: expected a whole number from 1 to 1000.`);
        }
        const envs = envFilter ? [this.environment(envFilter)] : this.environments;
        const entries = [];
        const errors = [];
        for (const env of envs) {
            try {
                for (const e of await this.c.session(env).readLog(limit))
                    entries.push({ ...e, table: env.table });
            }
            catch (err) {
                errors.push({ environment: env.name, error: (0,core_errors/* messageOf */.bD)(err) });
            }
        }
        const shown = entries
            .filter((e) => !envFilter || e.environment === envFilter)
            .filter((e) => !actor || e.actor.toLowerCase().includes(actor))
            .filter((e) => !outcome || e.outcome.toLowerCase() === outcome)
            .sort((a, b) => b.at - a.at)
            .slice(0, limit);
        return { entries: shown, errors, outcomes: [...new Set(entries.map((e) => e.outcome))].sort() };
    }
}
function ok(body) {
    return { status: 200, body };
}
function parse(schema, body) {
    const r = schema.safeParse(body);
    if (r.success)
        return r.data;
    const issues = r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new ApiError(400, `Bad request body: ${issues}.`);
}
function checkVersionGiven(input) {
    if (input.command === 'to' && input.version === undefined)
        throw new core_errors/* InputError */.dz('to needs a version (0.0.0 rolls everything back).');
    if (input.command !== 'to' && input.version !== undefined)
        throw new core_errors/* InputError */.dz(`${input.command} takes no version.`);
}
/** The HTTP status of an error thrown by a session: bad input 400, a refusal 403, a held lock or drift 409. */
function httpStatusOf(e) {
    if (e instanceof ApiError)
        return e.status;
    if (e instanceof core_errors/* RefusedError */.fk)
        return 403;
    const code = (0,outcome/* exitCodeOf */.FO)(e);
    return code === core_errors/* EXIT */.dc.input ? 400 : code === core_errors/* EXIT */.dc.locked || code === core_errors/* EXIT */.dc.drift ? 409 : 500;
}

;// CONCATENATED MODULE: ./src/studio/events.ts
/**
 * Server-Sent Events to every open page: each event numbered, the last few hundred kept so a page
 * that reconnects with `Last-Event-ID` misses nothing, a comment line now and then so proxies
 * and the browser keep the stream open.
 */
class EventHub {
    keep;
    next = 1;
    recent = [];
    clients = new Set();
    heartbeat;
    constructor(keep = 500) {
        this.keep = keep;
        this.heartbeat = setInterval(() => {
            for (const c of this.clients)
                c.write(': keep-alive\n\n');
        }, 15_000);
        this.heartbeat.unref();
    }
    publish(event) {
        const entry = { id: this.next++, event };
        this.recent.push(entry);
        if (this.recent.length > this.keep)
            this.recent.shift();
        for (const c of this.clients)
            c.write(events_frame(entry));
    }
    /** Opens a stream on an answer; replays what came after `lastEventId`. */
    attach(res, lastEventId, headers) {
        res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
        res.write('retry: 2000\n\n');
        const after = Number(lastEventId);
        if (Number.isInteger(after))
            for (const e of this.recent)
                if (e.id > after)
                    res.write(events_frame(e));
        this.clients.add(res);
        res.on('close', () => this.clients.delete(res));
    }
    /** Ends every stream (the studio is stopping). */
    close() {
        clearInterval(this.heartbeat);
        for (const c of this.clients)
            c.end();
        this.clients.clear();
    }
    /**
     * A session's logger that also tells the page: the terminal still gets every line (`inner`),
     * and the page gets the same lines and the bulk passes' figures, tagged with the environment.
     */
    loggerFor(env, inner) {
        return {
            info: (m) => {
                inner.info(m);
                this.publish({ type: 'log', env, level: 'info', message: m });
            },
            warn: (m) => {
                inner.warn(m);
                this.publish({ type: 'log', env, level: 'warn', message: m });
            },
            error: (m) => {
                inner.error(m);
                this.publish({ type: 'log', env, level: 'error', message: m });
            },
            debug: (m) => inner.debug(m),
            progress: (p) => {
                inner.progress?.(p);
                this.publish({ type: 'progress', env, progress: { ...p } });
            },
        };
    }
}
function events_frame(e) {
    return `id: ${e.id}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(4305);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js
var util_dynamodb_dist_cjs = __webpack_require__(5290);
;// CONCATENATED MODULE: ./src/studio/items.ts



/**
 * Pages through one model's items with a read-only scan: at most `pageSize` items read per page
 * (the filter on the type attribute keeps the model's), and pages spaced so the reads stay under
 * `readRate` units per second, however fast the page asks.
 */
class ItemBrowser {
    o;
    nextReadAt = 0;
    queue = Promise.resolve();
    constructor(o) {
        this.o = o;
    }
    page(q) {
        const run = this.queue.then(() => this.read(q));
        this.queue = run.catch(() => undefined);
        return run;
    }
    async read(q) {
        const now = this.o.now ?? Date.now;
        const wait = this.nextReadAt - now();
        if (wait > 0)
            await (this.o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait);
        const out = await this.o.client.send(new dist_cjs.ScanCommand({
            TableName: this.o.table,
            Limit: q.pageSize,
            FilterExpression: '#t = :m',
            ExpressionAttributeNames: { '#t': q.typeField },
            ExpressionAttributeValues: { ':m': { S: q.model } },
            ExclusiveStartKey: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
            ReturnConsumedCapacity: 'TOTAL',
        }));
        // A page costs at least half a unit (one eventually consistent read), whatever is reported.
        const readUnits = Math.max(0.5, out.ConsumedCapacity?.CapacityUnits ?? 0);
        this.nextReadAt = now() + (readUnits / this.o.readRate) * 1000;
        return {
            model: q.model,
            items: (out.Items ?? []).map((i) => (0,util_dynamodb_dist_cjs.unmarshall)(i)),
            scanned: out.ScannedCount ?? 0,
            readUnits,
            cursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString('base64url') : null,
        };
    }
}
function decodeCursor(cursor) {
    try {
        const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        const isKeyValue = (v) => !!v && typeof v === 'object' && Object.keys(v).length === 1 && ['S', 'N', 'B'].includes(Object.keys(v)[0]);
        if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every(isKeyValue))
            return key;
    }
    catch {
        // reported below
    }
    throw new core_errors/* InputError */.dz('cursor: not a cursor this studio gave; start again from the first page.');
}

// EXTERNAL MODULE: ./src/runner/local/read-only-client.ts
var read_only_client = __webpack_require__(7411);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/studio/page.ts
/**
 * The studio's page: one HTML document, one stylesheet, one script, kept here as strings so the
 * bundled CLI carries them and nothing is loaded from anywhere else (the CSP is `default-src
 * 'self'`: no inline script or style). The script builds the DOM with text nodes only, never
 * HTML from data.
 */
/** The page; `csrf` is the token the script sends with every POST. */
function pageHtml(csrf) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${csrf}">
<title>dynamodb-migrate studio</title>
<link rel="stylesheet" href="/studio.css">
<script src="/studio.js" defer></script>
</head>
<body>
<header><a href="#/" class="brand">dynamodb-migrate <b>studio</b></a>
<nav><a href="#/">Board</a><a href="#/log">Audit log</a></nav>
<span id="live" class="live" title="live updates">connecting…</span></header>
<main id="main"><p class="muted">Loading…</p></main>
</body>
</html>
`;
}
const PAGE_CSS = `
:root { --bg:#f6f7f9; --card:#fff; --ink:#1b1f24; --muted:#5b6570; --line:#dde1e6; --ok:#1a7f37; --warn:#9a6700; --bad:#cf222e; --accent:#0969da; --prod:#8250df; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background:var(--bg); color:var(--ink); }
header { display:flex; gap:24px; align-items:center; padding:10px 20px; background:#24292f; color:#fff; }
header a { color:#fff; text-decoration:none; }
header nav a { margin-right:16px; opacity:.85; }
header nav a:hover { opacity:1; text-decoration:underline; }
.brand b { color:#7ee2a8; }
.live { margin-left:auto; font-size:12px; opacity:.8; }
.live.on::before { content:"●"; color:#7ee2a8; margin-right:4px; }
main { padding:20px; max-width:1400px; margin:0 auto; }
h1 { font-size:22px; margin:0 0 4px; } h2 { font-size:16px; margin:22px 0 8px; } h3 { font-size:14px; margin:14px 0 6px; }
.muted { color:var(--muted); }
.board { display:grid; grid-template-columns:repeat(auto-fill, minmax(320px, 1fr)); gap:16px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:14px 16px; border-top:4px solid var(--accent); }
.card.protected { border-top-color:var(--prod); }
.card h2 { margin:0 0 6px; font-size:18px; } .card h2 a { color:inherit; }
.card dl { display:grid; grid-template-columns:110px 1fr; gap:3px 10px; margin:8px 0 0; }
.card dt { color:var(--muted); } .card dd { margin:0; overflow-wrap:anywhere; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; margin-left:6px; vertical-align:middle; background:#eaeef2; }
.badge.ok { background:#dafbe1; color:var(--ok); } .badge.warn { background:#fff8c5; color:var(--warn); }
.badge.bad { background:#ffebe9; color:var(--bad); } .badge.prod { background:#fbefff; color:var(--prod); }
.version { font:600 20px ui-monospace, SFMono-Regular, Menlo, monospace; }
.banner { padding:8px 12px; border-radius:6px; margin:10px 0; background:#fbefff; color:#5a32a3; border:1px solid #d8b9ff; }
.banner.bad { background:#ffebe9; color:var(--bad); border-color:#ffcecb; }
.tabs { display:flex; gap:4px; border-bottom:1px solid var(--line); margin:16px 0; }
.tabs a { padding:6px 12px; border:1px solid transparent; border-bottom:none; border-radius:6px 6px 0 0; color:var(--accent); text-decoration:none; }
.tabs a.on { background:var(--card); border-color:var(--line); color:var(--ink); margin-bottom:-1px; }
table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line); }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#f0f2f5; font-weight:600; font-size:12px; }
tr.applied td:first-child { border-left:3px solid var(--ok); } tr.outstanding td:first-child { border-left:3px solid var(--warn); }
tr.failed td:first-child { border-left:3px solid var(--bad); } tr.skipped td:first-child { border-left:3px solid var(--line); }
code, pre { font:12px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background:#0d1117; color:#e6edf3; padding:10px 12px; border-radius:6px; overflow:auto; white-space:pre-wrap; margin:6px 0; }
.actions { display:flex; flex-wrap:wrap; gap:8px; align-items:center; background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 12px; }
button { font:inherit; padding:5px 14px; border-radius:6px; border:1px solid #c8ced6; background:#f6f8fa; cursor:pointer; }
button:hover:not(:disabled) { background:#eef1f4; }
button.primary { background:#1f883d; border-color:#1a7f37; color:#fff; } button.danger { background:#cf222e; border-color:#a40e26; color:#fff; }
button:disabled { opacity:.5; cursor:not-allowed; }
input, select { font:inherit; padding:4px 6px; border:1px solid #c8ced6; border-radius:6px; }
.panel { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 14px; margin:12px 0; }
.refusal { color:var(--bad); font-weight:600; }
.progress-bar { height:8px; background:#eaeef2; border-radius:4px; overflow:hidden; margin:6px 0; }
.progress-bar span { display:block; height:100%; background:var(--ok); }
.lines { max-height:260px; overflow:auto; }
.cols { display:grid; grid-template-columns:1fr 1fr; gap:16px; } @media (max-width:900px) { .cols { grid-template-columns:1fr; } }
.scroll { overflow:auto; }
.filters { display:flex; gap:8px; margin:8px 0; align-items:center; }
`;
const PAGE_JS = String.raw `'use strict';
(function () {
  var CSRF = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var main = document.getElementById('main');
  var live = {};            // env -> { lines: [], progress: null, run: null }
  var current = null;       // what the page shows: { view, env, data }
  var boardTimer = null;

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'on') { for (var ev in v) el.addEventListener(ev, v[ev]); }
      else if (k === 'text') el.textContent = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, c) {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { add(el, x); }); return; }
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  function show() { main.replaceChildren(); for (var i = 0; i < arguments.length; i++) add(main, arguments[i]); }
  function fill(el) { el.replaceChildren(); for (var i = 1; i < arguments.length; i++) add(el, arguments[i]); }
  function when(ms) { return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : ''; }
  function short(c) { return c ? String(c).split(':').pop().slice(0, 10) : ''; }
  function secs(ms) { return ms === undefined || ms === null ? '' : (ms / 1000).toFixed(1) + ' s'; }
  function counts(c) { return c ? c.scanned + ' scanned, ' + c.changed + ' changed' + (c.failed ? ', ' + c.failed + ' failed' : '') : ''; }
  function badge(text, kind, test) { return h('span', { class: 'badge ' + (kind || ''), 'data-test': test }, text); }
  function envLive(name) { return live[name] || (live[name] = { lines: [], progress: null, run: null }); }

  function api(method, path, body) {
    var init = { method: method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.headers['x-csrf-token'] = CSRF; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { var e = new Error(j.error || ('HTTP ' + r.status)); e.status = r.status; e.body = j; throw e; }
        return j;
      });
    });
  }
  function failure(e) { return h('p', { class: 'refusal', 'data-test': 'error' }, e.message); }

  // ---- live updates -------------------------------------------------------
  function connect() {
    var es = new EventSource('/api/events');
    var dot = document.getElementById('live');
    es.onopen = function () { dot.textContent = 'live'; dot.className = 'live on'; };
    es.onerror = function () { dot.textContent = 'reconnecting…'; dot.className = 'live'; };
    es.addEventListener('log', function (m) {
      var e = JSON.parse(m.data), l = envLive(e.env);
      l.lines.push({ level: e.level, message: e.message });
      if (l.lines.length > 300) l.lines.shift();
      paintLive(e.env);
    });
    es.addEventListener('progress', function (m) {
      var e = JSON.parse(m.data); envLive(e.env).progress = e.progress; paintLive(e.env);
    });
    es.addEventListener('run', function (m) {
      var e = JSON.parse(m.data), l = envLive(e.env);
      if (e.run.state === 'running' && (!l.run || l.run.id !== e.run.id)) { l.lines = []; l.progress = null; }
      l.run = e.run;
      paintLive(e.env);
      if (e.run.state !== 'running' && current && (current.view === 'board' || current.env === e.env)) refresh();
    });
  }

  function liveBox(name) {
    var l = envLive(name), p = l.progress, run = l.run;
    var box = h('div', { class: 'panel', id: 'live-' + name, 'data-test': 'live', 'data-run-id': run && run.id, 'data-run-state': run && run.state });
    add(box, h('h3', null, 'Live progress', run ? badge(run.state === 'running' ? run.command + ' running' : run.command + ': ' + (run.status || run.state), run.state === 'running' ? 'warn' : run.status === 'applied' || run.status === 'no-op' ? 'ok' : 'bad', 'run-state') : null));
    if (!run && !l.lines.length) add(box, h('p', { class: 'muted' }, 'Nothing running. A run started from this studio shows its steps, passes and checks here as they happen.'));
    if (p) {
      var frac = p.estimatedTotal ? Math.min(1, p.scanned / p.estimatedTotal) : p.segmentsDone / Math.max(1, p.segmentsTotal);
      add(box, h('div', { 'data-test': 'progress' },
        h('div', null, p.pass + ': ' + p.scanned + ' scanned, ' + p.changed + ' changed, ' + p.skipped + ' skipped, ' + p.failed + ' failed; ' +
          Math.round(p.itemsPerSecond) + '/s; ' + p.segmentsDone + '/' + p.segmentsTotal + ' segments' + (p.etaSeconds !== undefined && p.etaSeconds !== null ? '; ETA ' + Math.round(p.etaSeconds) + ' s' : '')),
        h('div', { class: 'progress-bar' }, h('span', { style: null, 'data-frac': frac }))));
    }
    if (l.lines.length) add(box, h('pre', { class: 'lines', 'data-test': 'live-lines' }, l.lines.map(function (x) { return (x.level === 'info' ? '' : x.level + ': ') + x.message; }).join('\n')));
    if (run && run.text) add(box, h('pre', { 'data-test': 'run-report' }, run.text));
    if (run && run.error) add(box, h('p', { class: 'refusal' }, run.error));
    return box;
  }
  function paintLive(name) {
    var old = document.getElementById('live-' + name);
    if (old) { var n = liveBox(name); old.replaceWith(n); sizeBars(n); }
    if (current && current.view === 'board') boardSoon();
  }
  // Widths from data attributes: the CSP allows no inline styles, but the CSSOM may set them.
  function sizeBars(root) {
    root.querySelectorAll('[data-frac]').forEach(function (s) { s.style.width = Math.round(Number(s.getAttribute('data-frac')) * 100) + '%'; });
  }

  // ---- board --------------------------------------------------------------
  var boardPending = false;
  function boardSoon() { if (!boardPending) { boardPending = true; setTimeout(function () { boardPending = false; if (current && current.view === 'board') board(); }, 300); } }
  function syncBadge(e) {
    if (e.sync === 'in-sync') return badge('in sync', 'ok', 'sync');
    if (e.sync === 'behind') return badge('behind: ' + e.outstanding + ' to apply', 'warn', 'sync');
    return badge('ahead of target', 'warn', 'sync');
  }
  function card(e) {
    var head = h('h2', null, h('a', { href: '#/env/' + encodeURIComponent(e.name) }, e.name),
      e.protected ? badge('protected', 'prod') : null, e.access === 'read-only' ? badge('read-only', '', 'read-only') : null);
    var c = h('section', { class: 'card' + (e.protected ? ' protected' : ''), 'data-env': e.name, 'data-test': 'env-card' }, head);
    if (e.error) { add(c, h('p', { class: 'refusal' }, e.error)); return c; }
    var running = envLive(e.name).run || e.running;
    add(c, h('div', null, h('span', { class: 'version', 'data-test': 'current-version' }, e.currentVersion), ' → ', h('span', { class: 'version', 'data-test': 'target-version' }, e.targetVersion), ' ', syncBadge(e)));
    add(c, h('dl', null,
      h('dt', null, 'table'), h('dd', null, e.table),
      h('dt', null, 'region'), h('dd', null, (e.region || 'from the AWS environment') + (e.replicas.length > 1 ? ' · replicas ' + e.replicas.join(', ') : '')),
      h('dt', null, 'runner'), h('dd', null, e.runner),
      h('dt', null, 'drift'), h('dd', null, e.drift.length ? badge(e.drift.length + ' changed file(s)', 'bad', 'drift') : badge('none', 'ok')),
      h('dt', null, 'failed'), h('dd', null, e.failed ? badge(e.failed.version + ' ' + e.failed.direction + ' failed', 'bad', 'failed') : badge('no', 'ok')),
      h('dt', null, 'lock'), h('dd', { 'data-test': 'lock' }, e.lock ? [badge(e.lock.expired ? 'expired lease' : 'locked', e.lock.expired ? 'bad' : 'warn'), ' ' + e.lock.owner + ' (' + e.lock.command + '), lease to ' + when(e.lock.leaseExpiresAt), e.lock.runUrl ? [' ', h('a', { href: e.lock.runUrl, rel: 'noreferrer' }, 'run')] : null] : 'free'),
      h('dt', null, 'last run'), h('dd', null, e.lastRun ? e.lastRun.command + ' by ' + e.lastRun.actor + ', ' + when(e.lastRun.at) + ': ' + e.lastRun.outcome : 'none'),
      running && running.state === 'running' ? [h('dt', null, 'now'), h('dd', null, badge(running.command + ' running', 'warn', 'running'))] : null));
    return c;
  }
  function board() {
    return api('GET', '/api/board').then(function (b) {
      if (!current || current.view !== 'board') return;
      show(h('h1', null, 'Environments'), h('p', { class: 'muted' }, b.manifest + ' · refreshed ' + when(b.at)),
        h('div', { class: 'board', 'data-test': 'board' }, b.environments.map(card)));
    }).catch(function (e) { show(failure(e)); });
  }

  // ---- an environment -----------------------------------------------------
  function tabs(name, on) {
    var t = [['overview', ''], ['schema', '/schema'], ['data', '/data'], ['log', '/log']];
    return h('nav', { class: 'tabs' }, t.map(function (x) { return h('a', { href: '#/env/' + encodeURIComponent(name) + x[1], class: x[0] === on ? 'on' : null }, x[0]); }));
  }
  function envHeader(d, on) {
    return [h('h1', null, d.name, d.protected ? badge('protected', 'prod') : null, d.access === 'read-only' ? badge('read-only', '', 'read-only') : null),
      h('p', { class: 'muted' }, d.table + ' · ' + (d.region || 'default region') + ' · runner ' + d.runner),
      d.protected ? h('div', { class: 'banner' }, 'Protected environment: reset is refused; down and to need the table name typed' + (d.access === 'read-only' ? '; the studio only shows what to run.' : '.')) : null,
      tabs(d.name, on)];
  }
  function environment(name) {
    return api('GET', '/api/envs/' + encodeURIComponent(name)).then(function (d) {
      if (!current || current.env !== name || current.view !== 'env') return;
      current.data = d;
      // A page opened (or reloaded) while a run from this studio goes on, or after it: its state and report.
      if (d.running && (!envLive(name).run || envLive(name).run.id !== d.running.id)) envLive(name).run = d.running;
      var rows = d.versions.map(function (v) {
        var r = v.record || {};
        return h('tr', { class: v.state, 'data-version': v.version },
          h('td', null, h('code', null, v.version)), h('td', null, v.description),
          h('td', null, badge(v.state, v.state === 'applied' ? 'ok' : v.state === 'failed' ? 'bad' : v.state === 'outstanding' ? 'warn' : ''), v.drifted ? badge('file changed', 'bad') : null, v.irreversible ? badge('irreversible') : null),
          h('td', null, when(r.date)), h('td', null, h('code', null, short(r.checksum || v.checksum))),
          h('td', null, secs(r.durationMs)), h('td', null, counts(r.counts)), h('td', null, r.actor || ''),
          h('td', null, r.status ? h('span', { class: 'refusal' }, r.status) : null));
      });
      var state = h('div', { class: 'panel' },
        h('span', null, 'version '), h('span', { class: 'version', 'data-test': 'current-version' }, d.currentVersion), ' → target ',
        h('span', { class: 'version' }, d.targetVersion), ' ', syncBadge(d),
        d.failed ? h('div', { class: 'banner bad' }, 'Failed: ' + d.failed.version + ' ' + d.failed.direction + ': ' + d.failed.status) : null,
        d.lock ? h('div', { class: 'banner' }, 'Locked by ' + d.lock.owner + ' (' + d.lock.command + ') since ' + when(d.lock.acquiredAt) + ', lock id ' + d.lock.lockId) : null,
        d.blockers.map(function (b) { return h('div', { class: 'banner bad' }, b.message + ' Next: ' + b.next); }));
      show(envHeader(d, 'overview'), state, actions(d), h('div', { id: 'plan-box' }), liveBox(name),
        h('h2', null, 'Versions'),
        h('table', { 'data-test': 'versions' }, h('tr', null, ['version', 'description', 'state', 'applied', 'checksum', 'duration', 'items', 'actor', ''].map(function (x) { return h('th', null, x); })), rows),
        d.hasReset ? h('p', { class: 'muted' }, 'reset migration: ' + (d.resetAllowed ? 'present (allow-reset: true)' : 'present, not allowed here')) : null,
        h('h2', null, 'Plan to the target'), h('pre', { 'data-test': 'target-plan' }, d.planText),
        d.instead ? insteadBox(d.instead) : null);
      sizeBars(main);
    }).catch(function (e) { show(failure(e)); });
  }
  function insteadBox(list) {
    return h('div', { class: 'panel', 'data-test': 'instead' }, h('h3', null, 'Read-only here: run one of these instead'),
      h('table', null, h('tr', null, h('th', null, 'action'), h('th', null, 'CLI'), h('th', null, 'workflow dispatch')),
        list.map(function (x) { return h('tr', null, h('td', null, x.command), h('td', null, h('code', null, x.cli)), h('td', null, h('code', null, x.workflow))); })));
  }
  function actions(d) {
    var ro = d.access === 'read-only';
    var versions = h('select', { 'data-test': 'to-version' }, h('option', { value: '0.0.0' }, '0.0.0'), d.versions.map(function (v) { return h('option', { value: v.version }, v.version); }));
    function btn(label, command, kind, extra) {
      return h('button', { class: kind || null, 'data-action': command, title: ro ? 'read-only: shows the plan and the command to run' : null,
        on: { click: function () { preview(d, command, command === 'to' ? versions.value : undefined); } } }, label, extra);
    }
    var box = h('div', { class: 'actions', 'data-test': 'actions' },
      btn('Apply (to target)', 'apply', 'primary'), btn('Up', 'up'), btn('Down', 'down'), btn('Repeat', 'repeat'),
      d.protected ? null : btn('Reset', 'reset', 'danger'), h('span', null, ' To '), versions, btn('Plan to…', 'to'),
      ro ? badge('read-only: plans only', '', 'read-only') : null);
    var lockId = h('input', { placeholder: 'lock id', 'data-test': 'unlock-id', value: d.lock ? d.lock.lockId : '' });
    var unlockReason = h('input', { placeholder: 'reason (for the log)', 'data-test': 'unlock-reason' });
    var repV = h('select', { 'data-test': 'repair-version' }, d.versions.map(function (v) { return h('option', { value: v.version }, v.version); }));
    var repMark = h('select', { 'data-test': 'repair-mark' }, h('option', { value: 'applied' }, 'applied'), h('option', { value: 'reverted' }, 'reverted'));
    var repReason = h('input', { placeholder: 'reason (required)', 'data-test': 'repair-reason' });
    var out = h('span', { 'data-test': 'maintenance-result' });
    function post(path, body) { api('POST', path, body).then(function (r) { fill(out, badge(r.message, 'ok')); refresh(); }).catch(function (e) { fill(out, h('span', { class: 'refusal' }, e.message)); }); }
    var maint = h('details', { class: 'panel' }, h('summary', null, 'Unlock and repair'),
      h('div', { class: 'filters' }, 'Unlock', lockId, unlockReason, h('button', { disabled: ro, 'data-action': 'unlock', on: { click: function () { post('/api/envs/' + encodeURIComponent(d.name) + '/unlock', { lockId: lockId.value, reason: unlockReason.value }); } } }, 'Unlock')),
      h('div', { class: 'filters' }, 'Repair', repV, 'mark', repMark, repReason, h('button', { disabled: ro, 'data-action': 'repair', on: { click: function () { post('/api/envs/' + encodeURIComponent(d.name) + '/repair', { version: repV.value, mark: repMark.value, reason: repReason.value }); } } }, 'Repair')),
      out);
    return [box, maint];
  }
  function preview(d, command, version) {
    var slot = document.getElementById('plan-box');
    fill(slot, h('p', { class: 'muted' }, 'Planning ' + command + '…'));
    api('POST', '/api/envs/' + encodeURIComponent(d.name) + '/plan', { command: command, version: version }).then(function (p) {
      var confirm = p.needsConfirm ? h('input', { placeholder: 'type ' + d.table + ' to confirm', 'data-test': 'confirm' }) : null;
      var result = h('div', { 'data-test': 'run-result' });
      var nothing = !p.plan.steps.length;
      var run = h('button', { class: 'primary', 'data-test': 'run', disabled: !!p.refusal || nothing || p.plan.blockers.length > 0,
        on: { click: function () {
          run.disabled = true;
          api('POST', '/api/envs/' + encodeURIComponent(d.name) + '/run', { command: command, version: version, hash: p.plan.hash, confirm: confirm ? confirm.value : undefined })
            .then(function (r) { fill(result, h('span', { class: 'badge warn', 'data-run-id': r.id }, r.command + ' started')); var l = envLive(d.name); if (!l.run || l.run.id !== r.id) { l.run = r; l.lines = []; l.progress = null; } paintLive(d.name); })
            .catch(function (e) { run.disabled = false; fill(result, h('span', { class: 'refusal' }, e.message)); });
        } } }, 'Run this plan (' + short(p.plan.hash) + ')');
      fill(slot, h('div', { class: 'panel', 'data-test': 'plan' },
        h('h3', null, 'Plan: ' + command + (version ? ' ' + version : '')), h('pre', null, p.text),
        p.refusal ? h('p', { class: 'refusal', 'data-test': 'refusal' }, p.refusal) : null,
        p.refusal ? h('p', null, 'Instead: ', h('code', null, p.cli), h('br'), 'or: ', h('code', null, p.workflow)) : null,
        nothing ? h('p', { class: 'muted' }, 'Nothing to do.') : null,
        h('div', { class: 'filters' }, confirm, run, h('button', { on: { click: function () { fill(slot); } } }, 'Close')), result));
    }).catch(function (e) { fill(slot, failure(e)); });
  }

  // ---- schema -------------------------------------------------------------
  function schema(name, q) {
    var path = '/api/envs/' + encodeURIComponent(name) + '/schema?' + new URLSearchParams(q || {}).toString();
    return api('GET', path).then(function (s) {
      var at = h('select', { 'data-test': 'schema-version' }, s.versions.map(function (v) { return h('option', { value: v, selected: v === s.version }, v === 'table' ? 'stored in the table' : v); }));
      var cmp = h('select', { 'data-test': 'schema-compare' }, h('option', { value: '' }, '(no comparison)'), s.versions.map(function (v) { return h('option', { value: v, selected: v === s.compare }, v === 'table' ? 'stored in the table' : v); }));
      function go() { var o = { version: at.value }; if (cmp.value) o.compare = cmp.value; schema(name, o); }
      at.addEventListener('change', go); cmp.addEventListener('change', go);
      var models = s.models.map(function (m) {
        return h('div', { class: 'panel', 'data-model': m.name }, h('h3', null, m.name),
          h('p', { class: 'muted' }, m.keys.map(function (k) { return k.index + '.' + k.role + ' ' + k.attribute + ' = ' + k.template; }).join(' · ')),
          h('table', null, h('tr', null, h('th', null, 'attribute'), h('th', null, 'type'), h('th', null, 'required'), h('th', null, 'more')),
            m.attributes.map(function (a) { return h('tr', null, h('td', null, a.name), h('td', null, a.type || ''), h('td', null, a.required ? 'yes' : ''), h('td', null, [a.enum ? 'enum ' + JSON.stringify(a.enum) : '', a.value ? 'value ' + a.value : '', a.map ? 'map ' + a.map : ''].filter(Boolean).join('; '))); })));
      });
      show(envHeader({ name: name, table: current.data ? current.data.table : '', region: current.data && current.data.region, runner: current.data ? current.data.runner : '', protected: current.data && current.data.protected, access: current.data && current.data.access }, 'schema'),
        h('div', { class: 'filters' }, 'Data model ', at, ' compared with ', cmp),
        s.found ? null : h('p', { class: 'muted' }, 'No schema ' + (s.version === 'table' ? 'stored in the table (_schema item).' : 'in migration ' + s.version + '.')),
        s.diffText ? [h('h2', null, 'Change from ' + (s.compare === 'table' ? 'the table\'s schema' : s.compare) + ' to ' + (s.version === 'table' ? 'the table\'s schema' : s.version)), h('pre', { 'data-test': 'schema-diff' }, s.diffText)] : null,
        s.indexes.length ? [h('h2', null, 'Indexes'), h('table', null, h('tr', null, h('th', null, 'index'), h('th', null, 'kind'), h('th', null, 'hash'), h('th', null, 'sort')),
          s.indexes.map(function (i) { return h('tr', null, h('td', null, i.name), h('td', null, i.kind), h('td', null, i.hash || ''), h('td', null, i.sort || '')); }))] : null,
        s.models.length ? h('h2', null, 'Models (' + s.models.length + ')') : null, h('div', { 'data-test': 'models' }, models));
    }).catch(function (e) { show(failure(e)); });
  }

  // ---- data by model ------------------------------------------------------
  function data(name) {
    var d = current.data || { name: name };
    var base = '/api/envs/' + encodeURIComponent(name);
    var check = h('button', { class: 'primary', 'data-test': 'scan' }, 'Check every item against the schema');
    var summary = h('div', { 'data-test': 'data-summary' });
    var list = h('div', { 'data-test': 'data' }, h('p', { class: 'muted' }, 'Reading the schema…'));
    var panels = {};
    function browse(model, cursor, into) {
      var q = new URLSearchParams({ model: model }); if (cursor) q.set('cursor', cursor);
      fill(into, h('p', { class: 'muted' }, 'Reading…'));
      api('GET', base + '/items?' + q.toString()).then(function (p) {
        var keys = {};
        p.items.forEach(function (it) { Object.keys(it).forEach(function (k) { keys[k] = true; }); });
        var cols = Object.keys(keys).sort(function (a, b) { return (a === 'pk' || a === 'sk' ? '0' : '1') + a < (b === 'pk' || b === 'sk' ? '0' : '1') + b ? -1 : 1; });
        fill(into, 
          p.items.length ? h('div', { class: 'scroll' }, h('table', { 'data-test': 'items' }, h('tr', null, cols.map(function (c) { return h('th', null, c); })),
            p.items.map(function (it) { return h('tr', null, cols.map(function (c) { var v = it[c]; return h('td', null, v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)); })); })))
            : h('p', { class: 'muted' }, 'No ' + model + ' items in this part of the table.'),
          h('p', { class: 'muted' }, p.scanned + ' items read for this page (' + p.readUnits + ' RCU). ',
            p.cursor ? h('button', { 'data-test': 'next-page', on: { click: function () { browse(model, p.cursor, into); } } }, 'Next page') : 'End of the table.'));
      }).catch(function (e) { fill(into, failure(e)); });
    }
    api('GET', base + '/schema').then(function (s) {
      if (!s.models.length) { fill(list, h('p', { class: 'muted' }, 'The table stores no schema yet: its items cannot be grouped by model.')); return; }
      fill(list, s.models.map(function (m) {
        var findings = h('div');
        var items = h('div');
        panels[m.name] = findings;
        return h('div', { class: 'panel', 'data-model': m.name }, h('h3', null, m.name, ' ', h('button', { 'data-test': 'browse', on: { click: function () { browse(m.name, null, items); } } }, 'Browse items')), findings, items);
      }));
    }).catch(function (e) { fill(list, failure(e)); });
    check.addEventListener('click', function () {
      check.disabled = true; fill(summary, h('p', { class: 'muted' }, 'Scanning the whole table (read-only, rate-limited)…'));
      api('GET', base + '/data').then(function (r) {
        check.disabled = false;
        var rep = r.report;
        fill(summary, h('p', { 'data-test': 'validate-summary' }, rep.scanned + ' items scanned at up to ' + r.readRate + ' RCU/s against the schema of ' + rep.version + ' (type field ' + rep.typeField + '): ' + rep.invalid + ' do not fit, ' + rep.unknownType + ' of no model.'));
        Object.keys(rep.models).forEach(function (m) {
          var x = rep.models[m], slot = panels[m];
          if (!slot) return;
          fill(slot, h('p', null, badge(x.scanned + ' items'), x.invalid ? badge(x.invalid + ' do not fit', 'bad', 'invalid') : badge('all fit', 'ok', 'fit')),
            x.problems.length ? h('table', null, h('tr', null, h('th', null, 'attribute'), h('th', null, 'problem'), h('th', null, 'items')),
              x.problems.map(function (p) { return h('tr', null, h('td', null, p.attribute), h('td', null, p.kind), h('td', null, p.count)); })) : null,
            x.examples.length ? [h('h3', null, 'Examples that do not fit'), h('pre', null, x.examples.map(function (e) { return JSON.stringify(e); }).join('\n'))] : null);
        });
      }).catch(function (e) { check.disabled = false; fill(summary, failure(e)); });
    });
    show(envHeader(d.table ? d : { name: name, table: '', runner: '' }, 'data'),
      h('p', null, 'The table\'s items by the models of the schema stored in it. Browsing reads a page at a time; checking reads every item; both are read-only and kept under the read rate.'),
      check, summary, list);
  }

  // ---- audit log ----------------------------------------------------------
  function log(q, envName) {
    q = q || {};
    if (envName) q.env = envName;
    return api('GET', '/api/log?' + new URLSearchParams(q).toString()).then(function (r) {
      var actor = h('input', { placeholder: 'actor', value: q.actor || '', 'data-test': 'log-actor' });
      var outcome = h('select', { 'data-test': 'log-outcome' }, h('option', { value: '' }, 'any outcome'), r.outcomes.map(function (o) { return h('option', { value: o, selected: o === q.outcome }, o); }));
      var envSel = envName ? null : h('input', { placeholder: 'environment', value: q.env || '', 'data-test': 'log-env' });
      function go() { var o = {}; if (actor.value) o.actor = actor.value; if (outcome.value) o.outcome = outcome.value; if (envSel && envSel.value) o.env = envSel.value; log(o, envName); }
      var rows = r.entries.map(function (e) {
        return h('tr', null, h('td', null, when(e.at)), h('td', null, e.environment), h('td', null, e.actor), h('td', null, e.command),
          h('td', null, e.event), h('td', null, badge(e.outcome, /fail|error|refused/.test(e.outcome) ? 'bad' : '')), h('td', null, (e.versions || []).join(', ')),
          h('td', null, e.message || '', e.reason ? ' (' + e.reason + ')' : ''));
      });
      var head = envName && current.data ? envHeader(current.data, 'log') : [h('h1', null, 'Audit log')];
      show(head, h('div', { class: 'filters' }, envSel, actor, outcome, h('button', { on: { click: go } }, 'Filter')),
        r.errors.map(function (e) { return h('p', { class: 'refusal' }, e.environment + ': ' + e.error); }),
        h('table', { 'data-test': 'log' }, h('tr', null, ['when', 'environment', 'actor', 'command', 'event', 'outcome', 'versions', 'message'].map(function (x) { return h('th', null, x); })), rows));
    }).catch(function (e) { show(failure(e)); });
  }

  // ---- routing ------------------------------------------------------------
  function route() {
    var parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    if (boardTimer) { clearInterval(boardTimer); boardTimer = null; }
    var keep = current && current.data;
    if (parts[0] === 'env' && parts[1]) {
      var name = parts[1], sub = parts[2] || '';
      current = { view: sub ? sub : 'env', env: name, data: keep && keep.name === name ? keep : null };
      if (sub === 'schema') return schema(name);
      if (sub === 'data') return data(name);
      if (sub === 'log') return log({}, name);
      return environment(name);
    }
    if (parts[0] === 'log') { current = { view: 'log' }; return log({}); }
    current = { view: 'board' };
    boardTimer = setInterval(board, 5000);
    return board();
  }
  function refresh() {
    if (!current) return;
    if (current.view === 'env') environment(current.env);
    else if (current.view === 'board') board();
  }
  window.addEventListener('hashchange', route);
  connect();
  route();
})();
`;

;// CONCATENATED MODULE: ./src/studio/security.ts

/** The studio's name for its session cookie. */
const SESSION_COOKIE = 'dm_studio';
/** The header a state-changing request carries its CSRF token in (a custom header: no form can send it). */
const CSRF_HEADER = 'x-csrf-token';
function newSecrets() {
    const r = () => (0,external_node_crypto_.randomBytes)(24).toString('base64url');
    return { urlToken: r(), session: r(), csrf: r() };
}
/** Constant-time comparison of a presented secret with the expected one. */
function sameSecret(given, expected) {
    if (given === undefined)
        return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
/** The Host headers the studio answers: its own address only, so a rebound DNS name gets nothing. */
function allowedHosts(port) {
    return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}
/** The origins whose pages may post to the studio or read its event stream: its own. */
function allowedOrigins(port) {
    return new Set([...allowedHosts(port)].map((h) => `http://${h}`));
}
/**
 * The studio's checks, in order: the Host (DNS rebinding), the Origin on writes and on the event
 * stream (a page elsewhere posting here; `Origin: null` included), then the session: the cookie,
 * or on the page itself the URL token about to be exchanged for it; then the CSRF token on writes.
 */
function refusalOf(r, port, secrets) {
    if (!r.host || !allowedHosts(port).has(r.host.toLowerCase())) {
        return { status: 403, message: `Host "${r.host ?? ''}" refused: open the studio at http://127.0.0.1:${port}/.` };
    }
    const writes = r.method !== 'GET' && r.method !== 'HEAD';
    const stream = r.path === '/api/events';
    if (writes && r.origin === undefined)
        return { status: 403, message: 'A request that changes state needs an Origin header.' };
    if ((writes || stream) && r.origin !== undefined && !allowedOrigins(port).has(r.origin)) {
        return { status: 403, message: `Origin "${r.origin}" refused: only the studio's own page may do this.` };
    }
    const exchanging = r.method === 'GET' && r.path === '/' && r.urlToken !== undefined;
    if (exchanging) {
        return sameSecret(r.urlToken, secrets.urlToken)
            ? undefined
            : { status: 401, message: 'Wrong token: open the address dynamodb-migrate studio printed.' };
    }
    if (!sameSecret(cookieValue(r.cookie, SESSION_COOKIE), secrets.session)) {
        return {
            status: 401,
            message: 'Not signed in: open the address dynamodb-migrate studio printed (it holds a token).',
        };
    }
    if (writes && !sameSecret(r.csrf, secrets.csrf)) {
        return { status: 403, message: `Missing or wrong ${CSRF_HEADER} header: reload the studio's page.` };
    }
    return undefined;
}
/** One cookie's value from a Cookie header. */
function cookieValue(header, name) {
    if (!header)
        return undefined;
    for (const part of header.split(';')) {
        const i = part.indexOf('=');
        if (i > 0 && part.slice(0, i).trim() === name)
            return part.slice(i + 1).trim();
    }
    return undefined;
}
/** The cookie the URL token is exchanged for: unreadable by scripts, never sent by another site. */
function sessionCookie(secrets) {
    return `${SESSION_COOKIE}=${secrets.session}; HttpOnly; SameSite=Strict; Path=/`;
}
/** Headers on every answer: no framing, no sniffing, nothing cached, nothing but this origin's files. */
const SECURITY_HEADERS = {
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
};

;// CONCATENATED MODULE: ./src/studio/server.ts





/** The only address the studio listens on: this machine, never the network. */
const STUDIO_HOST = '127.0.0.1';
/** Largest request body read (the API's bodies are a few hundred bytes). */
const MAX_BODY = 64 * 1024;
/**
 * Serves the studio on 127.0.0.1 (`port` 0 takes a free one): the page and its two files, the
 * JSON API and the event stream, every request checked first (security.ts).
 */
async function startStudioServer(o) {
    const secrets = o.secrets ?? newSecrets();
    let port = o.port;
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res, { ...o, secrets, port }).catch((e) => {
            if (!res.headersSent)
                send(res, 500, { error: (0,core_errors/* messageOf */.bD)(e) });
            else
                res.end();
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', (e) => reject(e.code === 'EADDRINUSE' || e.code === 'EACCES'
            ? new core_errors/* InputError */.dz(`--port ${o.port}: ${STUDIO_HOST}:${o.port} ${e.code === 'EADDRINUSE' ? 'is in use' : 'may not be opened by this user'}; pass another --port, or --port 0 for any free one.`)
            : e));
        server.listen(o.port, STUDIO_HOST, () => resolve());
    });
    port = server.address().port;
    return {
        url: `http://${STUDIO_HOST}:${port}/?token=${secrets.urlToken}`,
        port,
        secrets,
        close: () => new Promise((resolve) => {
            o.hub.close();
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
async function handle(req, res, o) {
    const url = new URL(req.url ?? '/', 'http://studio.invalid');
    const method = req.method ?? 'GET';
    const header = (name) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
    };
    const refusal = refusalOf({
        method,
        path: url.pathname,
        host: header('host'),
        origin: header('origin'),
        cookie: header('cookie'),
        csrf: header(CSRF_HEADER),
        urlToken: url.searchParams.get('token') ?? undefined,
    }, o.port, o.secrets);
    if (refusal) {
        req.resume();
        if (url.pathname.startsWith('/api/'))
            return send(res, refusal.status, { error: refusal.message });
        return sendText(res, refusal.status, 'text/plain; charset=utf-8', `${refusal.message}\n`);
    }
    if (method === 'GET' && url.pathname === '/') {
        if (url.searchParams.has('token')) {
            // The token's one use: it becomes the cookie, and the address bar forgets it.
            res.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': sessionCookie(o.secrets), location: '/' });
            return void res.end();
        }
        return sendText(res, 200, 'text/html; charset=utf-8', pageHtml(o.secrets.csrf));
    }
    if (method === 'GET' && url.pathname === '/studio.css')
        return sendText(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
    if (method === 'GET' && url.pathname === '/studio.js')
        return sendText(res, 200, 'text/javascript; charset=utf-8', PAGE_JS);
    if (method === 'GET' && url.pathname === '/favicon.ico') {
        res.writeHead(204, SECURITY_HEADERS);
        return void res.end();
    }
    if (method === 'GET' && url.pathname === '/api/events') {
        return o.hub.attach(res, header('last-event-id'), SECURITY_HEADERS);
    }
    if (!url.pathname.startsWith('/api/'))
        return sendText(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    if (method !== 'GET' && method !== 'POST')
        return send(res, 405, { error: `${method} is not allowed here.` });
    let body;
    if (method === 'POST') {
        try {
            body = await readJson(req);
        }
        catch (e) {
            return send(res, 400, { error: (0,core_errors/* messageOf */.bD)(e) });
        }
    }
    try {
        const answer = await o.api.handle(method, url.pathname, url.searchParams, body);
        send(res, answer.status, answer.body);
    }
    catch (e) {
        send(res, httpStatusOf(e), { error: (0,core_errors/* messageOf */.bD)(e), ...(e instanceof ApiError ? e.extra : {}) });
    }
}
async function readJson(req) {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
        req.resume();
        throw new Error(`Expected a JSON body (content-type: application/json), got "${type}".`);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY)
            throw new Error(`Request body over ${MAX_BODY} bytes.`);
        chunks.push(chunk);
    }
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    }
    catch {
        throw new Error('The request body is not valid JSON.');
    }
}
function send(res, status, body) {
    sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
function sendText(res, status, type, text) {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/studio/open-studio.ts


















/** The studio's default read rate for its data view when the manifest gives none (RCU/s). */
const STUDIO_READ_RATE = 100;
/**
 * `dynamodb-migrate studio`: loads the project once, opens one session per environment of the
 * manifest (the CLI's sessions, their loggers also telling the page), serves the page, prints
 * its address, and serves until the process is interrupted.
 */
async function runStudio(f, o, until = interrupted()) {
    const cleanups = [];
    try {
        const studio = await openStudio(f, o, cleanups);
        cleanups.unshift(() => studio.close());
        process.stdout.write(`dynamodb-migrate studio for ${f.manifest}\n  open ${studio.url}\n  (the address holds a token made for this run: keep it to yourself; Ctrl-C stops the studio)\n`);
        if (o.open)
            openBrowser(studio.url);
        await until;
    }
    finally {
        for (const c of cleanups)
            await c().catch(() => undefined);
    }
}
/** The studio started: its server, the sessions it opens on demand, an embedded DynamoDB Local with --local. */
async function openStudio(f, o, cleanups) {
    if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65_535) {
        throw new core_errors/* InputError */.dz(`--port ${o.port}: expected a port number from 0 (any free port) to 65535.`);
    }
    const run = (0,flags/* parseRunFlags */.y)(f, process.env);
    const project = await (0,load_project.loadProject)(f.manifest);
    const hub = new EventHub();
    const terminal = (0,io/* stderrLogger */.D7)(!!f.verbose);
    const local = f.local ? await localTables(f, project, cleanups) : undefined;
    const sessions = new Map();
    const session = (env) => {
        const open = sessions.get(env.name);
        if (open)
            return open;
        const log = hub.loggerFor(env.name, terminal);
        const settings = (0,run_settings/* resolveRunSettings */.BW)(env, {
            actor: process.env.DYNAMODB_MIGRATE_ACTOR,
            lockTimeoutSeconds: run.lockTimeoutSeconds,
            samplePercent: run.samplePercent,
            canaryPercent: run.canaryPercent,
        }, { now: Date.now(), defaultActor: (0,actor/* defaultActor */.p)() });
        const region = f.region ?? env.region;
        const s = local
            ? (0,open_session/* openMigrationSession */.F)(project, { ...env, runner: 'local' }, settings, { client: local, region, log })
            : (0,open_session/* openMigrationSession */.F)(project, env, settings, { endpoint: run.endpoint, region, log });
        sessions.set(env.name, s);
        return s;
    };
    const browsers = new Map();
    const items = (env) => {
        if (env.runner === 'lambda' && !local)
            return undefined;
        let b = browsers.get(env.name);
        if (!b) {
            const region = f.region ?? env.region;
            const client = local ?? (0,dynamodb_client/* createDynamoClient */.yG)({ endpoint: run.endpoint, region });
            b = new ItemBrowser({
                client: (0,read_only_client/* readOnlyClient */.M7)(client),
                table: env.table,
                readRate: env['read-rate'] ?? STUDIO_READ_RATE,
            });
            browsers.set(env.name, b);
        }
        return b;
    };
    const api = new StudioApi({ project, session, items, hub, now: Date.now, defaultReadRate: STUDIO_READ_RATE });
    return startStudioServer({ api, hub, port: o.port });
}
/** --local: one embedded DynamoDB Local (data in .dynamodb-local/, as the CLI's --local) with every environment's table. */
async function localTables(f, project, cleanups) {
    const dbPath = (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(f.manifest)), '..', '.dynamodb-local');
    (0,external_node_fs_.mkdirSync)(dbPath, { recursive: true });
    const engine = await (0,local/* startDynamoDbLocal */.K5)({ dbPath });
    cleanups.push(() => engine.stop());
    const client = (0,dynamodb_client/* createDynamoClient */.yG)({ endpoint: engine.endpoint, region: f.region ?? 'us-east-1', local: true });
    for (const name of Object.keys(project.manifest.environments)) {
        await (0,local_table/* ensureLocalTable */.K)(client, project.manifest.environments[name].table, project.migrations.at(-1)?.schema);
    }
    return client;
}
function interrupted() {
    return new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
    });
}
/** --open: the system's browser on the address (best effort; the address is printed anyway). */
function openBrowser(url) {
    const [cmd, args] = process.platform === 'darwin'
        ? ['open', [url]]
        : process.platform === 'win32'
            ? ['cmd', ['/c', 'start', '', url]]
            : ['xdg-open', [url]];
    try {
        const child = (0,external_node_child_process_.spawn)(cmd, args, { stdio: 'ignore', detached: true });
        child.on('error', () => undefined);
        child.unref();
    }
    catch {
        // The address is on the terminal; nothing else to do.
    }
}


/***/ })

};

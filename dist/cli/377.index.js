export const id = 377;
export const ids = [377];
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


/***/ })

};

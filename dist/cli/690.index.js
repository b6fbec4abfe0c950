export const id = 690;
export const ids = [690,323];
export const modules = {

/***/ 5681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ homeRegionProblem),
/* harmony export */   Ne: () => (/* binding */ reviewReplication),
/* harmony export */   TE: () => (/* binding */ homeRegionOf),
/* harmony export */   UQ: () => (/* binding */ replicaCount)
/* harmony export */ });
/** The home region of an environment's migrations: `home-region`, else `region` (undefined: the manifest says neither). */
function homeRegionOf(env) {
    return env['home-region'] ?? env.region;
}
/** Replicas that apply every write: one per region holding a copy (witnesses hold none). */
function replicaCount(global) {
    return global ? Math.max(1, global.replicas.length) : 1;
}
function regionList(global) {
    return global.replicas.map((r) => r.region).join(', ');
}
/**
 * Why a run that reached `region` may not write the migration state of `env`'s table, or
 * undefined when it may. Used by the plan (as a blocker) and by the state store before any
 * write (as a refusal), so the two can never disagree.
 */
function homeRegionProblem(env, region, global) {
    const table = env.table;
    const where = `environments.${env.name}`;
    const home = homeRegionOf(env);
    if (!global) {
        if (env['global-table'] === true) {
            return {
                message: `${where} says global-table: true, but ${table}${region ? ` in ${region}` : ''} is not a global table (DescribeTable lists no replicas in other regions).`,
                next: `Check the region this run uses (--region, the environment's region, AWS_REGION), or remove global-table: true.`,
            };
        }
        if (env['home-region'] && region && env['home-region'] !== region) {
            return {
                message: `${where}.home-region is ${env['home-region']}, but ${table} in ${region} is not a global table: it has no replica in ${env['home-region']} to hold its migrations.`,
                next: `Remove home-region from ${where}; if ${table} in ${region} is a regional table of its own, mark it global-table: false.`,
            };
        }
        return undefined;
    }
    const replicas = regionList(global);
    const described = `${table} is a global table (replicas in ${replicas}${global.consistency === 'STRONG' ? ', multi-Region strong consistency' : ''})`;
    if (env['global-table'] === false) {
        return {
            message: `${where} says global-table: false, but ${described}.`,
            next: `Remove global-table: false and give every environment of ${table} the same home-region.`,
        };
    }
    if (!home) {
        return {
            message: `${described}, and ${where} names neither a region nor a home-region: which replica holds its lock and records would depend on the AWS region each run happens to use ` +
                `(this one: ${region ?? 'unknown'}), and two runs in two regions would both take "the" lock and both migrate.`,
            next: `Set home-region: <one of ${replicas}> on ${where} in the manifest.`,
        };
    }
    const legacy = global.version?.startsWith('2017') === true;
    if (!legacy && !global.replicas.some((r) => r.region === home)) {
        const witness = global.witnesses.some((w) => w.region === home);
        return {
            message: `${where}${env['home-region'] ? '.home-region' : '.region'} is ${home}, but ${table} has no replica there${witness ? ` (${home} is its MRSC witness, which serves no reads or writes)` : ''}: its replicas are in ${replicas}.`,
            next: `Set home-region on ${where} to one of ${replicas}.`,
        };
    }
    if (region !== home) {
        return {
            message: `${described}; this run reaches its replica in ${region ?? 'an unknown region'}, but the home region of its migrations is ${home} (${where}${env['home-region'] ? '.home-region' : '.region'}). ` +
                `The lock, records, schema item and log are written only there: a replica checks a condition only against its own copy, so a run here would not see one in ${home}.`,
            next: `Run it against ${home}: --region ${home}, or the environment whose region is ${home}. To move the home, change home-region on every environment of ${table} while no run holds the lock.`,
        };
    }
    return undefined;
}
/**
 * What a plan says about the table's replication: blockers when this run may not migrate it
 * from here (or the manifest disagrees with DescribeTable), warnings about replicas that are
 * not ACTIVE and about what differs on MRSC and legacy tables, and the replica set to show.
 */
function reviewReplication(env, state) {
    if (!state)
        return { blockers: [], warnings: [] };
    const problem = homeRegionProblem(env, state.region, state.global);
    const blockers = problem ? [{ kind: 'refused', message: problem.message, next: problem.next }] : [];
    const warnings = [];
    const g = state.global;
    if (!g)
        return { blockers, warnings };
    for (const r of g.replicas) {
        // UPDATING replicas (a GSI or capacity change) replicate as usual.
        if (r.status && r.status !== 'ACTIVE' && r.status !== 'UPDATING') {
            warnings.push({
                code: 'replica-not-active',
                message: `The replica of ${env.table} in ${r.region} is ${r.status}${r.progress ? ` (${r.progress}%)` : ''}${r.detail ? `: ${r.detail}` : ''}: it may not show this migration's writes until it is ACTIVE again.`,
            });
        }
    }
    if (g.consistency === 'STRONG') {
        warnings.push({
            code: 'mrsc',
            message: `${env.table} uses multi-Region strong consistency, which has no transactions: the state is written one item at a time, each after checking the lock is still ours (see docs/global-tables.md).`,
        });
    }
    if (g.version?.startsWith('2017')) {
        warnings.push({
            code: 'legacy-global-table',
            message: `${env.table} is a legacy (2017.11.29) global table: DescribeTable may not list its replicas, so only this run's region is checked against the home region. AWS recommends upgrading to version 2019.11.21.`,
        });
    }
    return { blockers, warnings, global: { ...g, home: homeRegionOf(env) } };
}


/***/ }),

/***/ 3790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JW: () => (/* binding */ lintMigrations),
/* harmony export */   Kh: () => (/* binding */ lintTargets),
/* harmony export */   Vc: () => (/* binding */ stemOf)
/* harmony export */ });
/* unused harmony exports fileNameMatches, versionFromFileName, lintGlobalTables */
/* harmony import */ var _analyzers_findings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1869);
/* harmony import */ var _global_table__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5681);
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3323);



/** The file name without its extension. */
function stemOf(base) {
    return base.replace(/\.(ts|mts|cts|js|mjs|cjs)$/, '');
}
/** Whether a file name starts with the version it declares: `<version>[-slug].<ext>`, or `reset[-slug]`. */
function fileNameMatches(base, version) {
    const stem = stemOf(base);
    const names = version === _version__WEBPACK_IMPORTED_MODULE_1__.RESET ? [_version__WEBPACK_IMPORTED_MODULE_1__.RESET, _version__WEBPACK_IMPORTED_MODULE_1__.LEGACY_RESET] : [version];
    return names.some((n) => stem === n || stem.startsWith(`${n}-`));
}
/** The x.y.z a file name starts with, for messages. */
function versionFromFileName(base) {
    return /^(\d+\.\d+\.\d+)/.exec(stemOf(base))?.[1];
}
/**
 * Checks every loaded migration file and reports every problem at once: load failures, no
 * default export, bad or duplicate versions, file names that disagree with their version,
 * missing `up`, missing `down` on a migration not marked irreversible.
 */
function lintMigrations(files) {
    const problems = [];
    const sources = [];
    let reset;
    const seen = new Map();
    const add = (where, code, message) => problems.push({ where, code, message });
    for (const f of files) {
        const base = f.file.split('/').pop() ?? f.file;
        if (f.loadError !== undefined) {
            add(f.file, 'load-error', `cannot be loaded: ${f.loadError}`);
            continue;
        }
        const m = f.exported;
        if (m === undefined || m === null || typeof m !== 'object') {
            add(f.file, 'no-default-export', 'has no default export: export default defineMigration({ version, description, up, down })');
            continue;
        }
        const def = m;
        const before = problems.length;
        let version = def.version;
        if (version === _version__WEBPACK_IMPORTED_MODULE_1__.LEGACY_RESET)
            version = _version__WEBPACK_IMPORTED_MODULE_1__.RESET;
        if (typeof version !== 'string' || !version) {
            add(f.file, 'no-version', 'has no "version" property: add version: "x.y.z" matching the file name');
            continue;
        }
        if (version !== _version__WEBPACK_IMPORTED_MODULE_1__.RESET && !(0,_version__WEBPACK_IMPORTED_MODULE_1__.isVersion)(version)) {
            add(f.file, 'invalid-version', `version "${version}" is not valid semver (expected x.y.z, e.g. 1.2.0)`);
            continue;
        }
        const fromName = versionFromFileName(base);
        if (!fileNameMatches(base, version)) {
            add(f.file, 'name-mismatch', fromName
                ? `file name says ${fromName} but the migration says version "${version}": rename the file to ${version}${stemOf(base).slice(fromName.length)}${base.slice(stemOf(base).length)} or fix the version`
                : `file name must start with its version: rename it to ${version}-<slug>${base.slice(base.lastIndexOf('.'))}`);
        }
        const other = seen.get(version);
        if (other)
            add(f.file, 'duplicate-version', `version ${version} is also declared by ${other}: give one of them a new version`);
        else
            seen.set(version, f.file);
        if (typeof def.up !== 'function') {
            add(f.file, 'no-up', def.up === undefined ? 'has no up(ctx) function' : `"up" must be a function, got ${typeOf(def.up)}`);
        }
        const irreversible = def.irreversible === true;
        if (def.down === undefined && !irreversible && version !== _version__WEBPACK_IMPORTED_MODULE_1__.RESET) {
            add(f.file, 'no-down', 'has no down(ctx): add one, or declare irreversible: true if it cannot be undone');
        }
        else if (def.down !== undefined && typeof def.down !== 'function') {
            add(f.file, 'no-down', `"down" must be a function, got ${typeOf(def.down)}`);
        }
        for (const flag of ['irreversible', 'idempotent']) {
            if (def[flag] !== undefined && typeof def[flag] !== 'boolean')
                add(f.file, 'bad-flag', `"${flag}" must be true or false`);
        }
        if (def.description !== undefined && typeof def.description !== 'string')
            add(f.file, 'bad-description', '"description" must be a string');
        if (def.schema !== undefined &&
            (typeof def.schema !== 'object' || def.schema === null || Array.isArray(def.schema))) {
            add(f.file, 'bad-schema', '"schema" must be a OneTable schema object');
        }
        for (const message of (0,_analyzers_findings__WEBPACK_IMPORTED_MODULE_0__/* .suppressionProblems */ .cV)(def.suppress))
            add(f.file, 'bad-suppress', message);
        for (const hook of ['before', 'verify']) {
            if (def[hook] !== undefined && typeof def[hook] !== 'function')
                add(f.file, 'bad-hook', `"${hook}" must be a function (ctx) => findings, got ${typeOf(def[hook])}`);
        }
        if (problems.length > before)
            continue;
        const source = {
            version,
            description: typeof def.description === 'string' ? def.description : '',
            file: f.file,
            checksum: f.checksum,
            ...(f.sources ? { fileChecksum: f.fileChecksum, sources: f.sources } : {}),
            idempotent: def.idempotent === true,
            irreversible,
            hasUp: true,
            hasDown: typeof def.down === 'function',
            hasBefore: typeof def.before === 'function',
            hasVerify: typeof def.verify === 'function',
            schema: def.schema,
            ...(def.suppress !== undefined ? { suppress: def.suppress } : {}),
        };
        if (version === _version__WEBPACK_IMPORTED_MODULE_1__.RESET)
            reset = source;
        else
            sources.push(source);
    }
    sources.sort((a, b) => (0,_version__WEBPACK_IMPORTED_MODULE_1__.compareVersions)(a.version, b.version));
    return { migrations: sources, reset, problems };
}
/**
 * Checks each environment against the folder and the others: its target exists, and
 * environments that may be replicas of one global table agree on its home region.
 */
function lintTargets(manifest, manifestFile, migrations) {
    const versions = new Set(migrations.map((m) => m.version));
    const problems = lintGlobalTables(manifest, manifestFile);
    for (const [name, env] of Object.entries(manifest.environments)) {
        if (env.target !== 'latest' && !versions.has(env.target)) {
            problems.push({
                where: `${manifestFile}: environments.${name}.target`,
                code: 'target-not-found',
                message: `target ${env.target} has no migration file in the folder (have: ${[...versions].join(', ') || 'none'})`,
            });
        }
    }
    return problems;
}
/**
 * Two environments naming the same table with different home regions (`home-region`, else
 * `region`) point at two replicas of it if it is a global table (a table name is unique per
 * account and region, and every replica has the table's name). Each would then take its own
 * lock in its own region and both would migrate, their writes mixing last-writer-wins. They
 * must agree on one home (one marked as the home of the other: `home-region` set to the
 * other's region), or say that they are separate regional tables (`global-table: false`).
 * An environment with neither region nor home-region is not compared: on a global table every
 * plan and apply of it is refused until it names a home.
 */
function lintGlobalTables(manifest, manifestFile) {
    const problems = [];
    const envs = Object.entries(manifest.environments);
    const reported = new Set();
    for (const [i, [a, ea]] of envs.entries()) {
        for (const [b, eb] of envs.slice(i + 1)) {
            if (ea.table !== eb.table || ea['global-table'] === false || eb['global-table'] === false)
                continue;
            const homeA = (0,_global_table__WEBPACK_IMPORTED_MODULE_2__/* .homeRegionOf */ .TE)(ea);
            const homeB = (0,_global_table__WEBPACK_IMPORTED_MODULE_2__/* .homeRegionOf */ .TE)(eb);
            if (!homeA || !homeB || homeA === homeB || reported.has(b))
                continue;
            reported.add(b);
            problems.push({
                where: `${manifestFile}: environments.${b}`,
                code: 'replica-homes',
                message: `environments ${a} and ${b} both name table ${ea.table} but with different home regions (${homeA} and ${homeB}; the home is home-region, else region): ` +
                    `if ${ea.table} is a global table they are two of its replicas, and each would take its own lock and both would migrate. ` +
                    `Mark one as the home of the other (home-region: ${homeA} on ${b}), or, if they are separate regional tables, set global-table: false on them`,
            });
        }
    }
    return problems;
}
function typeOf(v) {
    return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}


/***/ }),

/***/ 8178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ng: () => (/* binding */ parseManifest),
  aP: () => (/* binding */ selectEnvironment)
});

// UNUSED EXPORTS: manifestJsonSchema, manifestSchema, selectEnvironments

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/manifest-schema.ts
/**
 * The manifest's schema and the types it gives, apart from reading the YAML file (manifest.ts):
 * the Lambda controller gets its manifest as JSON in its bundle and needs no YAML parser.
 */


const versionOrLatest = schemas/* string */.YjP()
    .refine((v) => v === 'latest' || (0,version.isVersion)(v), { message: 'expected "latest" or a semver version such as 1.4.0' });
const environmentSchema = schemas/* strictObject */.rej({
    table: schemas/* string */.YjP()
        .min(3)
        .max(255)
        .regex(/^[a-zA-Z0-9_.-]+$/, 'expected a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -)')
        .describe('DynamoDB table name'),
    region: schemas/* string */.YjP()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
        .optional()
        .describe('AWS region of the table; default from the AWS environment'),
    'home-region': schemas/* string */.YjP()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
        .optional()
        .describe('Global tables: the one replica whose region holds the lock, records, schema item and log, and the only one apply runs against (default: region). See docs/global-tables.md'),
    'global-table': schemas/* boolean */.zMY()
        .optional()
        .describe('Global tables: true requires the table to have replicas, false declares a regional table (not a replica of a same-named table elsewhere); checked against DescribeTable on every plan'),
    target: versionOrLatest.default('latest').describe('"latest" (highest version in the folder) or a semver version'),
    'allow-reset': schemas/* boolean */.zMY().default(false).describe('Allow the reset command (never on a protected environment)'),
    protected: schemas/* boolean */.zMY()
        .default(false)
        .describe('Refuse reset; down/to need confirm = table name; require a recovery point before apply'),
    studio: schemas/* enum */.k5n(['read-only', 'read-write'])
        .optional()
        .describe('What `dynamodb-migrate studio` may do here: read-only shows the command or workflow to run instead of buttons (default: read-only when protected, else read-write)'),
    runner: schemas/* enum */.k5n(['local', 'lambda'])
        .default('local')
        .describe('Run migrations in this process or in a Lambda controller'),
    function: schemas/* string */.YjP().min(1).optional().describe('Lambda function name or ARN (runner: lambda)'),
    'state-machine': schemas/* string */.YjP()
        .regex(/^arn:aws[a-z-]*:states:[a-z]{2}(-[a-z]+)+-\d:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/, 'expected the ARN of a state machine, such as arn:aws:states:us-east-1:123456789012:stateMachine:migrate-controller-steps')
        .optional()
        .describe('runner: lambda: the state machine build-controller generated (its StateMachineArn output); big steps fan out as one Step Functions execution each. See docs/lambda.md'),
    segments: schemas/* number */.aig()
        .int()
        .min(1)
        .max(10_000)
        .optional()
        .describe("state-machine: scan segments of each bulk pass of a fanned-out step, one Distributed Map child each (default one per GiB of table, up to 10,000; the CLI's --segments wins)"),
    concurrency: schemas/* number */.aig()
        .int()
        .min(1)
        .max(10_000)
        .optional()
        .describe("state-machine: the Distributed Map's MaxConcurrency, segments in flight at once (default write-rate / 1,000 and at least 8, within the segments; the CLI's --concurrency wins)"),
    protocol: schemas/* enum */.k5n(['dynamodb-migrate', 'onetable'])
        .default('dynamodb-migrate')
        .describe('Controller protocol: ours, or an existing OneTable Controller'),
    'recovery-point': schemas/* enum */.k5n(['pitr', 'backup', 'pitr-or-backup', 'none'])
        .optional()
        .describe('Protected environments: require PITR, take an on-demand backup, or PITR else backup (default)'),
    'write-rate': schemas/* number */.aig()
        .positive()
        .optional()
        .describe("Write units per second used for time estimates and as the default bulk write limit; on a global table, the home region's (every replica applies the same writes at the same rate)"),
    'lock-timeout': schemas/* number */.aig()
        .int()
        .min(0)
        .optional()
        .describe('Seconds to wait for a held lock before exiting 3 (default 0)'),
    'read-rate': schemas/* number */.aig()
        .positive()
        .optional()
        .describe("Read units per second at most for validate and the drift check's validation"),
    canary: schemas/* number */.aig()
        .gt(0)
        .max(50)
        .optional()
        .describe('Percent of items each step with a verify hook runs on and verifies before it takes the rest (0 < p <= 50)'),
    validate: schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* strictObject */.rej({ sample: schemas/* number */.aig().gt(0).max(100).optional() })])
        .optional()
        .describe('The scheduled drift check also validates the data against the schema (true: every item; { sample: P }: P percent)'),
    rehearse: schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* strictObject */.rej({ sample: schemas/* number */.aig().gt(0).max(100).optional() })])
        .optional()
        .describe("The pull request's plan also rehearses each step on a sample of the table, read-only (true: 1 percent; { sample: P }: P percent); see docs/analyzers.md"),
})
    .superRefine((env, ctx) => {
    if (env.runner === 'lambda' && !env.function) {
        ctx.addIssue({ code: 'custom', path: ['function'], message: 'runner: lambda needs function: <name or ARN>' });
    }
    if (env['state-machine'] && (env.runner !== 'lambda' || env.protocol === 'onetable')) {
        ctx.addIssue({
            code: 'custom',
            path: ['state-machine'],
            message: "state-machine needs runner: lambda with this tool's controller (not protocol: onetable)",
        });
    }
    for (const key of ['segments', 'concurrency']) {
        if (env[key] !== undefined && !env['state-machine'])
            ctx.addIssue({
                code: 'custom',
                path: [key],
                message: `${key} sets how a big step fans out, which needs state-machine: <ARN> (the state machine build-controller generates; docs/lambda.md). Name it, or leave ${key} out`,
            });
    }
    if (env.protected && env['allow-reset']) {
        ctx.addIssue({ code: 'custom', path: ['allow-reset'], message: 'a protected environment cannot allow reset' });
    }
    if (env['global-table'] === false && env['home-region'] && env['home-region'] !== env.region) {
        ctx.addIssue({
            code: 'custom',
            path: ['home-region'],
            message: 'global-table: false declares a regional table, which has no other region to be the home of its migrations',
        });
    }
});
/** The manifest file's schema; also published as JSON Schema (schema/manifest.schema.json). */
const manifestSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).describe('Format of this file; always 1'),
    migrations: schemas/* string */.YjP().default('.').describe('Folder of migration files, relative to this file'),
    environments: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9_-]+$/, 'environment names use letters, digits, _ and -'), environmentSchema)
        .refine((e) => Object.keys(e).length > 0, { message: 'declare at least one environment' })
        .describe('One entry per environment, keyed by name'),
});
/** JSON Schema of the manifest, for editors. */
function manifestJsonSchema() {
    return {
        $id: 'https://github.com/dynamodb-migrate/dynamodb-migrate/schema/manifest.schema.json',
        title: 'dynamodb-migrate manifest',
        ...z.toJSONSchema(manifestSchema, { io: 'input' }),
    };
}

;// CONCATENATED MODULE: ./src/core/manifest.ts




/**
 * Parses and validates manifest text. Every error names the file, the path inside it and
 * what was expected; all schema errors are reported together.
 */
function parseManifest(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
    if (doc.errors.length) {
        const e = doc.errors[0];
        const pos = e.linePos?.[0];
        const at = pos ? `:${pos.line}:${pos.col}` : '';
        throw new errors/* ManifestError */.Sh(`${file}${at}: invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}. Fix the syntax and run lint again.`);
    }
    const data = doc.toJS();
    const parsed = manifestSchema.safeParse(data);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => {
            const path = i.path.length ? i.path.join('.') : '(top level)';
            let msg = i.message;
            if (i.code === 'unrecognized_keys')
                msg = `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
            return `${file}: ${path}: ${msg}`;
        });
        throw new errors/* ManifestError */.Sh(lines.length === 1
            ? `${lines[0]}. See schema/manifest.schema.json.`
            : `${lines.length} problems in the manifest:\n  - ${lines.join('\n  - ')}\nSee schema/manifest.schema.json.`);
    }
    return parsed.data;
}
/** Picks one environment: the named one, else the only one, else `dev`. */
function selectEnvironment(manifest, file, name) {
    const names = Object.keys(manifest.environments);
    const chosen = name ?? (names.length === 1 ? names[0] : names.includes('dev') ? 'dev' : undefined);
    if (!chosen) {
        throw new errors/* ManifestError */.Sh(`${file}: several environments (${names.join(', ')}) and none named "dev": choose one with --env.`);
    }
    const env = manifest.environments[chosen];
    if (!env) {
        throw new errors/* ManifestError */.Sh(`${file}: no environment "${chosen}"; the manifest declares ${names.join(', ')}.`);
    }
    return { ...env, name: chosen };
}
/** Picks several environments by comma-separated names; empty means all of them. */
function selectEnvironments(manifest, file, names) {
    const list = (names ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (!list.length)
        return Object.keys(manifest.environments).map((n) => selectEnvironment(manifest, file, n));
    return list.map((n) => selectEnvironment(manifest, file, n));
}


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LEGACY_RESET: () => (/* binding */ LEGACY_RESET),
/* harmony export */   RESET: () => (/* binding */ RESET),
/* harmony export */   ZERO: () => (/* binding */ ZERO),
/* harmony export */   bumpVersion: () => (/* binding */ bumpVersion),
/* harmony export */   compareVersions: () => (/* binding */ compareVersions),
/* harmony export */   isVersion: () => (/* binding */ isVersion),
/* harmony export */   maxVersion: () => (/* binding */ maxVersion),
/* harmony export */   sortVersions: () => (/* binding */ sortVersions)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);

/** Versions are strict semver (no leading "v"); `reset` is the one named migration. */
const RESET = 'reset';
/** OneTable's former name for the reset migration. */
const LEGACY_RESET = 'latest';
/** The version of a table with no migration records. */
const ZERO = '0.0.0';
function isVersion(v) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v) === v;
}
function compareVersions(a, b) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(a, b);
}
function sortVersions(items, key) {
    return [...items].sort((x, y) => compareVersions(key(x), key(y)));
}
function maxVersion(versions) {
    const valid = versions.filter(isVersion);
    return valid.length ? valid.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : undefined;
}
/** Next version for `generate --bump`. */
function bumpVersion(current, bump) {
    const next = semver__WEBPACK_IMPORTED_MODULE_0___default().inc(current, bump);
    if (!next)
        throw new Error(`cannot bump ${current}`);
    return next;
}


/***/ }),

/***/ 8772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NJ: () => (/* reexport */ createDataEngine),
  TF: () => (/* reexport */ isPassFailed),
  _S: () => (/* reexport */ isPassIncomplete)
});

// UNUSED EXPORTS: CHECKPOINT_HASH, CheckpointStore, PassFailedError, PassIncompleteError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(4305);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/abort-fanout.ts
const NO_LINK = { signal: undefined, release: () => undefined };
/**
 * Gives each of many concurrent operations (requests, rate-limit waits, retry backoffs) its own
 * AbortSignal tied to one parent signal, with a single 'abort' listener on the parent while any
 * is in flight and none when idle. Passing the parent itself to every request would add one
 * listener per request in flight (the SDK and every sleep add their own), which Node reports
 * as a MaxListenersExceededWarning once a pass has more than ten requests out.
 */
class AbortFanout {
    parent;
    live = new Set();
    listening = false;
    constructor(parent) {
        this.parent = parent;
    }
    /** A signal for one operation; call `release` once the operation has settled. */
    link() {
        const parent = this.parent;
        if (!parent)
            return NO_LINK;
        if (parent.aborted)
            return { signal: AbortSignal.abort(parent.reason), release: NO_LINK.release };
        const controller = new AbortController();
        this.live.add(controller);
        if (!this.listening) {
            parent.addEventListener('abort', this.onAbort, { once: true });
            this.listening = true;
        }
        return {
            signal: controller.signal,
            release: () => {
                if (!this.live.delete(controller) || this.live.size > 0 || !this.listening)
                    return;
                parent.removeEventListener('abort', this.onAbort);
                this.listening = false;
            },
        };
    }
    /** Runs `task` with a signal of its own, released when the task settles. */
    async run(task) {
        const link = this.link();
        try {
            return await task(link.signal);
        }
        finally {
            link.release();
        }
    }
    onAbort = () => {
        this.listening = false;
        const reason = this.parent?.reason;
        const live = [...this.live];
        this.live.clear();
        for (const c of live)
            c.abort(reason);
    };
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/retry.ts
var retry = __webpack_require__(3399);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/checkpoints.ts



/** Hash key of checkpoint items; starts with `_migration`, so no pass ever selects them. */
const CHECKPOINT_HASH = '_migration_checkpoint';
/**
 * Sort key suffix of a step's attempt record. Pass checkpoints always have more parts after the
 * pass name (`<pass>:<range>:<segment>/<total>`, `<pass>:sampled`), so no pass name collides.
 */
const ATTEMPT = 'attempt';
/**
 * Checkpoints of one step, stored in the migrated table as
 * `_migration_checkpoint` / `<version>:<direction>:<pass>:<range>:<segment>/<total>`, one item
 * per segment so that segments run by different processes never contend. `<range>` is the
 * slice of the sample space the run takes (`0-100` for a full run), so a canary's checkpoints
 * never mix with the full run's.
 *
 * Checkpoints belong to one attempt of the step: the runner discards what earlier attempts
 * left ({@link discardEarlierAttempts}) whenever it starts the step afresh rather than
 * resuming it, so checkpoints that outlived their step's record (a run that died between
 * recording the step and deleting them) can never make a later run skip items. A canary's
 * progress (`<version>:<direction>:<pass>:sampled`) is the one thing a later attempt may
 * continue: the full run after a canary takes only the rest of the sample space.
 *
 * The attempt itself is recorded as `<version>:<direction>:attempt` (attribute `attempt`, an id
 * the runner draws when it starts the step afresh): `once` passes put it in their marker
 * tokens, so a resume of the attempt (which reads it back) skips the items the attempt already
 * changed, and a later attempt, with an id of its own, changes them again.
 */
class CheckpointStore {
    client;
    table;
    keys;
    scope;
    /** Segments save at once: each request hears the run's signal through one shared listener. */
    aborts;
    constructor(client, table, keys, 
    /** `<version>:<direction>`. */
    scope, signal) {
        this.client = client;
        this.table = table;
        this.keys = keys;
        this.scope = scope;
        this.aborts = new AbortFanout(signal);
    }
    /** Every checkpoint saved for this pass and range. */
    async list(pass, range) {
        const prefix = `${this.scope}:${pass}:${range}:`;
        const out = [];
        for (const item of await this.query(prefix)) {
            const cp = item.checkpoint?.M;
            const sortValue = item[this.keys.sort]?.S ?? '';
            const m = /:(\d+)\/(\d+)$/.exec(sortValue);
            if (!cp || !m)
                continue;
            out.push({
                segment: Number(m[1]),
                total: Number(m[2]),
                lastKey: cp.lastKey?.M,
                done: cp.done?.BOOL === true,
                counts: {
                    scanned: num(cp.scanned),
                    changed: num(cp.changed),
                    skipped: num(cp.skipped),
                    failed: num(cp.failed),
                },
            });
        }
        return out;
    }
    async save(pass, range, cp) {
        const state = {
            done: { BOOL: cp.done },
            scanned: { N: String(cp.counts.scanned) },
            changed: { N: String(cp.counts.changed) },
            skipped: { N: String(cp.counts.skipped) },
            failed: { N: String(cp.counts.failed) },
        };
        if (cp.lastKey)
            state.lastKey = { M: cp.lastKey };
        const item = {
            [this.keys.hash]: { S: CHECKPOINT_HASH },
            [this.keys.sort]: { S: `${this.scope}:${pass}:${range}:${cp.segment}/${cp.total}` },
            checkpoint: { M: state },
            updatedAt: { N: String(Date.now()) },
            _type: { S: '_MigrationCheckpoint' },
        };
        await this.retry((opts) => this.client.send(new dist_cjs.PutItemCommand({ TableName: this.table, Item: item }), opts));
    }
    /** How much of the sample space earlier canary runs of this pass finished (0 when none). */
    async sampledUpTo(pass) {
        const res = await this.retry((opts) => this.client.send(new dist_cjs.GetItemCommand({
            TableName: this.table,
            Key: this.key(`${this.scope}:${pass}:sampled`),
            ConsistentRead: true,
        }), opts));
        return num(res.Item?.percent);
    }
    /**
     * Records how much of the sample space a canary run of this pass covered, or, with
     * `finished`, that the full run after the canaries has covered the rest: that progress then
     * serves only a resume of the same attempt, never a later attempt.
     */
    async recordSampled(pass, percent, opts = {}) {
        const item = {
            ...this.key(`${this.scope}:${pass}:sampled`),
            percent: { N: String(percent) },
            updatedAt: { N: String(Date.now()) },
        };
        if (opts.finished)
            item.finished = { BOOL: true };
        await this.retry((opts) => this.client.send(new dist_cjs.PutItemCommand({ TableName: this.table, Item: item }), opts));
    }
    /**
     * Keeps the first failure of a segment of this attempt (`<version>:<direction>:failure`): a
     * Distributed Map only reports that a child failed, so the step's outcome reads it here.
     * `checkpointed`: the segment stopped at its checkpoints (its pass's items failed), so a resume
     * continues from them.
     */
    async recordFailure(message, opts = {}) {
        const item = {
            ...this.key(`${this.scope}:failure`),
            message: { S: message },
            checkpointed: { BOOL: opts.checkpointed === true },
            updatedAt: { N: String(Date.now()) },
            _type: { S: '_MigrationCheckpoint' },
        };
        await this.retry((opts) => this.client
            .send(new dist_cjs.PutItemCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: 'attribute_not_exists(message)',
        }), opts)
            .catch((e) => {
            // Another segment's failure came first: that one is the step's.
            if (e.name !== 'ConditionalCheckFailedException')
                throw e;
        }));
    }
    /** Forgets a segment's failure once the step's outcome carries it (a resume keeps the checkpoints, not the failure). */
    async clearFailure() {
        await this.deleteItems([this.key(`${this.scope}:failure`)]);
    }
    /** The failure a segment of this attempt recorded, if any. */
    async failure() {
        const res = await this.retry((opts) => this.client.send(new dist_cjs.GetItemCommand({ TableName: this.table, Key: this.key(`${this.scope}:failure`), ConsistentRead: true }), opts));
        const message = res.Item?.message?.S;
        return message ? { message, checkpointed: res.Item?.checkpointed?.BOOL === true } : undefined;
    }
    /** The id of the attempt these checkpoints belong to; undefined when none was recorded. */
    async attempt() {
        const res = await this.retry((opts) => this.client.send(new dist_cjs.GetItemCommand({ TableName: this.table, Key: this.key(`${this.scope}:${ATTEMPT}`), ConsistentRead: true }), opts));
        return res.Item?.attempt?.S || undefined;
    }
    /** Records the id of a fresh attempt of the step (after {@link discardEarlierAttempts}). */
    async recordAttempt(id) {
        const item = {
            ...this.key(`${this.scope}:${ATTEMPT}`),
            attempt: { S: id },
            updatedAt: { N: String(Date.now()) },
            _type: { S: '_MigrationCheckpoint' },
        };
        await this.retry((opts) => this.client.send(new dist_cjs.PutItemCommand({ TableName: this.table, Item: item }), opts));
    }
    /**
     * Every segment checkpoint of this step, by pass (`<pass>:<range>`), in the order the passes
     * were first saved: what a caller watching a fanned-out step reads for its items, rate and ETA.
     * `consistent: false` for a watch, which reads every checkpoint every few seconds: half the
     * read units, and a second-old figure is as good; the step's final counts read consistently.
     */
    async progress(opts = {}) {
        const passes = new Map();
        for (const item of await this.query(`${this.scope}:`, opts.consistent ?? true)) {
            const cp = item.checkpoint?.M;
            const m = /^(.*):(\d+)\/(\d+)$/.exec((item[this.keys.sort]?.S ?? '').slice(this.scope.length + 1));
            if (!cp || !m)
                continue;
            const name = m[1];
            const p = passes.get(name) ?? {
                pass: name,
                total: Number(m[3]),
                done: 0,
                started: 0,
                counts: { scanned: 0, changed: 0, skipped: 0, failed: 0 },
                updatedAt: 0,
            };
            p.started++;
            if (cp.done?.BOOL === true)
                p.done++;
            p.counts.scanned += num(cp.scanned);
            p.counts.changed += num(cp.changed);
            p.counts.skipped += num(cp.skipped);
            p.counts.failed += num(cp.failed);
            p.updatedAt = Math.max(p.updatedAt, num(item.updatedAt));
            passes.set(name, p);
        }
        return [...passes.values()];
    }
    /** Deletes every checkpoint and sample record of this step (after it is recorded). */
    async clear() {
        return this.deleteItems(await this.query(`${this.scope}:`));
    }
    /**
     * Before a fresh (not resumed) attempt of the step: deletes every checkpoint earlier attempts
     * left. With `keepCanary`, a canary's progress that no full run has finished yet is kept, so
     * that this attempt processes only the rest of the sample space.
     */
    async discardEarlierAttempts(opts) {
        const items = await this.query(`${this.scope}:`);
        const canaryProgress = (item) => (item[this.keys.sort]?.S ?? '').endsWith(':sampled') && item.finished?.BOOL !== true && num(item.percent) < 100;
        return this.deleteItems(opts.keepCanary ? items.filter((i) => !canaryProgress(i)) : items);
    }
    async deleteItems(items) {
        for (let i = 0; i < items.length; i += 25) {
            let requests = items.slice(i, i + 25).map((item) => ({
                DeleteRequest: { Key: { [this.keys.hash]: item[this.keys.hash], [this.keys.sort]: item[this.keys.sort] } },
            }));
            while (requests.length) {
                const res = await this.retry((opts) => this.client.send(new dist_cjs.BatchWriteItemCommand({ RequestItems: { [this.table]: requests } }), opts));
                requests = (res.UnprocessedItems?.[this.table] ?? []);
            }
        }
        return items.length;
    }
    async query(prefix, consistent = true) {
        const out = [];
        let start;
        do {
            const res = await this.retry((opts) => this.client.send(new dist_cjs.QueryCommand({
                TableName: this.table,
                KeyConditionExpression: '#h = :h AND begins_with(#s, :p)',
                ExpressionAttributeNames: { '#h': this.keys.hash, '#s': this.keys.sort },
                ExpressionAttributeValues: { ':h': { S: CHECKPOINT_HASH }, ':p': { S: prefix } },
                ConsistentRead: consistent,
                ExclusiveStartKey: start,
            }), opts));
            out.push(...(res.Items ?? []));
            start = res.LastEvaluatedKey;
        } while (start);
        return out;
    }
    key(sort) {
        return { [this.keys.hash]: { S: CHECKPOINT_HASH }, [this.keys.sort]: { S: sort } };
    }
    /** Sends with retries; `call` gets the send options carrying this request's own abort signal. */
    retry(call) {
        return this.aborts.run((signal) => (0,retry/* withRetry */.bD)(() => call(signal ? { abortSignal: signal } : {}), { signal }));
    }
}
function num(v) {
    return v?.N ? Number(v.N) : 0;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/errors.ts
/**
 * A pass stopped at its deadline after saving its checkpoints. Thrown out of the migration's
 * `up`/`down` so that nothing after the pass runs; the runner reports the step `incomplete`
 * and a resumed run continues from the checkpoints.
 */
class PassIncompleteError extends Error {
    pass;
    counts;
    name = 'PassIncompleteError';
    constructor(pass, counts) {
        super(`Pass '${pass}' reached its deadline and stopped at a checkpoint after ${counts.scanned} items; resume the step to finish it.`);
        this.pass = pass;
        this.counts = counts;
    }
}
/** A pass stopped because more items failed than `maxFailures` allows. */
class PassFailedError extends Error {
    pass;
    counts;
    failures;
    name = 'PassFailedError';
    constructor(pass, counts, 
    /** Keys and messages of the first failures. */
    failures) {
        super(`Pass '${pass}' stopped: ${counts.failed} item(s) failed (first: ${failures
            .slice(0, 3)
            .map((f) => `${JSON.stringify(f.key)}: ${f.error}`)
            .join('; ')}). Fix the transform or raise maxFailures, then resume the step; finished pages are not redone.`);
        this.pass = pass;
        this.counts = counts;
        this.failures = failures;
    }
}
/** True for the error a pass throws when more items failed than it allows (it stopped at its checkpoints). */
function isPassFailed(err) {
    return err instanceof PassFailedError;
}
/** True for the error a pass throws when its deadline came first. */
function isPassIncomplete(err) {
    return err instanceof PassIncompleteError;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js
var util_dynamodb_dist_cjs = __webpack_require__(5290);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/expressions.ts

/** Hash-key prefixes of bookkeeping items the engine never reads or writes. */
const RESERVED_HASH_PREFIXES = ['_migration', '_schema'];
/** True when a hash key value belongs to the tool's own bookkeeping. */
function isReservedHashKey(value) {
    return typeof value === 'string' && RESERVED_HASH_PREFIXES.some((p) => value.startsWith(p));
}
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true };
/** Marshals one value the way an item attribute is marshalled. */
function toAttributeValue(value) {
    const wrapped = (0,util_dynamodb_dist_cjs.marshall)({ v: value }, MARSHALL);
    return wrapped.v;
}
/** Accumulates placeholders for one request, keeping ours (`#_…`, `:_…`) apart from the author's. */
class ExpressionBuilder {
    names = {};
    values = {};
    n = 0;
    name(attribute) {
        const key = `#_${this.n++}`;
        this.names[key] = attribute;
        return key;
    }
    value(v) {
        const key = `:_${this.n++}`;
        this.values[key] = toAttributeValue(v);
        return key;
    }
    /** Adds an author's expression, with its own placeholders, and returns its text. */
    include(e) {
        Object.assign(this.names, e.names ?? {});
        for (const [k, v] of Object.entries(e.values ?? {}))
            this.values[k] = toAttributeValue(v);
        return e.expression;
    }
    /** The request fields, omitting empty maps (DynamoDB rejects them). */
    params() {
        return {
            ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
            ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
        };
    }
}
/** Joins conditions with AND, each in parentheses. */
function and(parts) {
    const present = parts.filter((p) => !!p);
    if (present.length === 0)
        return undefined;
    return present.length === 1 ? present[0] : present.map((p) => `(${p})`).join(' AND ');
}
/**
 * The server-side part of a selection: entity type and the author's filter. Bookkeeping items
 * are left out client-side (the pass checks every item's hash key): they are a handful, while
 * two `NOT begins_with` clauses here would cost the server on every item it reads.
 */
function selectionFilter(b, selection) {
    const parts = [];
    if (selection.type !== undefined) {
        const types = typeof selection.type === 'string' ? [selection.type] : selection.type;
        const t = b.name(selection.typeAttribute ?? '_type');
        parts.push(types.length === 1 ? `${t} = ${b.value(types[0])}` : `${t} IN (${types.map((x) => b.value(x)).join(', ')})`);
    }
    if (selection.where)
        parts.push(b.include(selection.where));
    return and(parts);
}
/** The UpdateExpression for `set` (undefined values remove) and `remove`. */
function updateExpression(b, set, remove) {
    const sets = [];
    const removes = [];
    for (const [attr, value] of Object.entries(set)) {
        if (value === undefined)
            removes.push(b.name(attr));
        else
            sets.push(`${b.name(attr)} = ${b.value(value)}`);
    }
    for (const attr of remove)
        removes.push(b.name(attr));
    return [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
        .filter(Boolean)
        .join(' ');
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/item-size.ts
var item_size = __webpack_require__(7410);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/partiql.ts
/** ExecuteStatement's limit on a statement's text. */
const MAX_STATEMENT_LENGTH = 8192;
/** A PartiQL identifier: double-quoted, a double quote inside doubled. */
function quoteName(name) {
    return `"${name.split('"').join('""')}"`;
}
/**
 * `UPDATE "table" SET "a" = ? … REMOVE "b" … WHERE "pk" = ? AND "sk" = ?`, with the marker's
 * condition when the pass marks items. A PartiQL UPDATE of an item that does not exist fails
 * its condition instead of creating it, like UpdateItem with `attribute_exists(<hash>)`.
 * Undefined when the text would exceed DynamoDB's limit (the writer then uses UpdateItem).
 */
function updateStatementRequest(table, keys, key, st) {
    const parameters = [];
    for (const [, value] of st.set)
        parameters.push(value);
    parameters.push(key[keys.hash], key[keys.sort]);
    if (st.marker)
        parameters.push({ S: st.marker.token });
    const statement = statementText(table, keys, st);
    if (statement.length > MAX_STATEMENT_LENGTH)
        return undefined;
    return { Statement: statement, Parameters: parameters };
}
/**
 * The statement's text depends only on its shape (table, attributes, marker attribute), which
 * is the same for nearly every item of a pass: built once per shape, not quoted anew per item.
 */
const texts = new Map();
function statementText(table, keys, st) {
    // Each name with its length in front: no two shapes give the same key, whatever the names hold.
    const marker = st.marker?.attribute;
    let shape = `${table.length}:${table}${keys.hash.length}:${keys.hash}${keys.sort.length}:${keys.sort}${marker === undefined ? '-' : `${marker.length}:${marker}`}${st.set.length};`;
    for (const [attr] of st.set)
        shape += `${attr.length}:${attr}`;
    for (const attr of st.remove)
        shape += `${attr.length}:${attr}`;
    let text = texts.get(shape);
    if (text === undefined) {
        const parts = [`UPDATE ${quoteName(table)}`];
        for (const [attr] of st.set)
            parts.push(`SET ${quoteName(attr)} = ?`);
        for (const attr of st.remove)
            parts.push(`REMOVE ${quoteName(attr)}`);
        parts.push(`WHERE ${quoteName(keys.hash)} = ? AND ${quoteName(keys.sort)} = ?`);
        if (st.marker) {
            const m = quoteName(st.marker.attribute);
            parts.push(`AND (${m} IS MISSING OR ${m} <> ?)`);
        }
        text = parts.join(' ');
        // Passes whose items each set different attributes would otherwise grow it without bound.
        if (texts.size >= 1000)
            texts.clear();
        texts.set(shape, text);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/page-writer.ts




/** BatchWriteItem's limits: 25 requests; 16 MB cannot be reached by 25 items of at most 400 KB. */
const BATCH_SIZE = 25;
/**
 * Writes one page's items: updates, conditional writes and batched puts first, then deletes,
 * so that an action that moves data into new items and deletes the source can never lose it
 * if the process dies in between. Resolves once every write of the page has settled.
 */
async function writePage(ctx, jobs) {
    const first = [];
    const puts = [];
    const deletes = [];
    const laterSingles = [];
    const statements = [];
    for (const job of jobs) {
        const own = job.plan.own;
        job.pending = job.plan.puts.length + (own ? 1 : 0);
        for (const item of job.plan.puts)
            puts.push({ request: { PutRequest: { Item: item } }, job, units: (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(item)) });
        if (!own)
            continue;
        if ('single' in own) {
            const w = own.single;
            const request = w.statement && ctx.statements?.enabled
                ? updateStatementRequest(ctx.table, ctx.keys, w.key, w.statement)
                : undefined;
            if (w.kind === 'delete')
                laterSingles.push(job);
            else if (request)
                statements.push({ request, job, write: w, units: (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(w.source ?? w.key)), resent: false });
            else
                first.push(single(ctx, job, w));
        }
        else if ('put' in own.batch) {
            puts.push({ request: { PutRequest: { Item: own.batch.put } }, job, units: (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(own.batch.put)) });
        }
        else {
            deletes.push({ request: { DeleteRequest: { Key: own.batch.delete } }, job, units: 1 });
        }
    }
    for (let i = 0; i < statements.length; i += BATCH_SIZE)
        first.push(statementBatch(ctx, statements.slice(i, i + BATCH_SIZE)));
    for (let i = 0; i < puts.length; i += BATCH_SIZE)
        first.push(batch(ctx, puts.slice(i, i + BATCH_SIZE)));
    await Promise.all(first);
    ctx.signal?.throwIfAborted();
    const second = [];
    for (const job of laterSingles) {
        const own = job.plan.own;
        // A delete must not outlive a failed put of the data it was moving.
        if (own && 'single' in own && job.outcome !== 'failed')
            second.push(single(ctx, job, own.single));
        else
            settle(job, 'skipped');
    }
    const liveDeletes = [];
    for (const d of deletes) {
        if (d.job.outcome === 'failed')
            settle(d.job, 'skipped');
        else
            liveDeletes.push(d);
    }
    for (let i = 0; i < liveDeletes.length; i += BATCH_SIZE)
        second.push(batch(ctx, liveDeletes.slice(i, i + BATCH_SIZE)));
    await Promise.all(second);
}
function settle(job, result, error) {
    job.pending--;
    // Failure wins over everything; a skipped own write (condition) wins over changed puts.
    if (result === 'failed') {
        job.outcome = 'failed';
        job.error ??= error;
    }
    else if (result === 'skipped' && job.outcome !== 'failed')
        job.outcome = 'skipped';
}
/**
 * The table's own units of a response (asked with INDEXES): the rate is the table's, as its
 * provisioned capacity and the plan's estimate are; a global secondary index has capacity of its
 * own, and one short of it makes DynamoDB throttle the table's writes, which the limiter hears.
 */
function consumed(c) {
    if (!c)
        return undefined;
    const list = Array.isArray(c) ? c : [c];
    return list.reduce((n, x) => n + (x.Table?.CapacityUnits ?? x.CapacityUnits ?? 0), 0);
}
/** `maybeApplied`: an earlier request with this write got no answer, so it may have landed. */
async function single(ctx, job, w, maybeApplied = false) {
    let attempts = 0;
    try {
        await ctx.slots.run(async () => {
            // Built once a slot is free: a page's waiting writes hold only their plans.
            w.expand?.();
            const sized = w.item ?? w.source;
            const estimate = sized ? (0,item_size/* writeUnits */.R)((0,item_size/* itemSize */.z)(sized)) : 1;
            const common = {
                TableName: ctx.table,
                ...(w.conditionExpression ? { ConditionExpression: w.conditionExpression } : {}),
                ...(w.names && hasKeys(w.names) ? { ExpressionAttributeNames: w.names } : {}),
                ...(w.values && hasKeys(w.values) ? { ExpressionAttributeValues: w.values } : {}),
                ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' } : {}),
            };
            const command = w.kind === 'update'
                ? new dist_cjs.UpdateItemCommand({ ...common, Key: w.key, UpdateExpression: w.updateExpression })
                : w.kind === 'put'
                    ? new dist_cjs.PutItemCommand({ ...common, Item: w.item })
                    : new dist_cjs.DeleteItemCommand({ ...common, Key: w.key });
            const res = await ctx.aborts.run((signal) => (0,retry/* withRetry */.bD)(async (attempt) => {
                attempts = attempt;
                await ctx.limiter.acquire(estimate, signal);
                ctx.signal?.throwIfAborted();
                ctx.stats.requests++;
                return ctx.client.send(command, signal ? { abortSignal: signal } : {});
            }, { signal, onRetry: (err) => onRetry(ctx, err) }));
            ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
        });
        settle(job, 'changed');
    }
    catch (err) {
        if (ctx.signal?.aborted)
            throw ctx.signal.reason;
        if (err.name === 'ConditionalCheckFailedException') {
            // The SDK's own retries count too: a marker condition failing after a lost response
            // means our earlier attempt applied the write.
            const sdkAttempts = err.$metadata?.attempts ?? 1;
            settle(job, w.marked && (maybeApplied || attempts > 1 || sdkAttempts > 1) ? 'changed' : 'skipped');
        }
        else
            settle(job, 'failed', err);
    }
}
function hasKeys(o) {
    for (const _ in o)
        return true;
    return false;
}
function onRetry(ctx, err) {
    ctx.stats.retries++;
    if ((0,retry/* isThrottle */.p0)(err)) {
        ctx.stats.throttles++;
        ctx.limiter.throttled();
    }
}
/** One BatchWriteItem, retrying what DynamoDB leaves unprocessed with backoff and jitter. */
async function batch(ctx, entries) {
    let pending = entries;
    try {
        await ctx.slots.run(() => ctx.aborts.run(async (signal) => {
            for (let round = 1; pending.length; round++) {
                const estimate = pending.reduce((n, e) => n + e.units, 0);
                const requests = pending.map((e) => e.request);
                const res = await (0,retry/* withRetry */.bD)(async () => {
                    await ctx.limiter.acquire(estimate, signal);
                    ctx.signal?.throwIfAborted();
                    ctx.stats.requests++;
                    return ctx.client.send(new dist_cjs.BatchWriteItemCommand({
                        RequestItems: { [ctx.table]: requests },
                        ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' } : {}),
                    }), signal ? { abortSignal: signal } : {});
                }, { signal, onRetry: (err) => onRetry(ctx, err) });
                ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
                const left = new Set(res.UnprocessedItems?.[ctx.table] ?? []);
                if (left.size === 0)
                    break;
                // Unprocessed items are DynamoDB's way of throttling a batch.
                ctx.stats.unprocessed += left.size;
                ctx.limiter.throttled();
                if (round >= retry/* DEFAULT_RETRY */.vI.maxAttempts)
                    throw new Error(`${left.size} items stayed unprocessed after ${round} BatchWriteItem rounds`);
                const leftKeys = new Set([...left].map((r) => requestKey(r, ctx.keys)));
                pending = pending.filter((e) => leftKeys.has(requestKey(e.request, ctx.keys)));
                await (0,retry/* sleep */.yy)((0,retry/* backoffDelay */.EY)(round, retry/* DEFAULT_RETRY */.vI), signal);
            }
        }));
        for (const e of entries)
            settle(e.job, 'changed');
    }
    catch (err) {
        if (ctx.signal?.aborted)
            throw ctx.signal.reason;
        const done = new Set(entries.filter((e) => !pending.includes(e)));
        for (const e of entries)
            settle(e.job, done.has(e) ? 'changed' : 'failed', err);
    }
}
/** Identifies a request in UnprocessedItems, which come back as fresh objects. */
function requestKey(r, keys) {
    const k = r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {};
    return `${r.PutRequest ? 'p' : 'd'}${JSON.stringify(k[keys.hash] ?? null)}\u0000${JSON.stringify(k[keys.sort] ?? null)}`;
}
/** Per-statement errors of BatchExecuteStatement worth another round; the first three are throttling. */
const STATEMENT_THROTTLES = new Set(['ProvisionedThroughputExceeded', 'ThrottlingError', 'RequestLimitExceeded']);
const STATEMENT_TRANSIENT = new Set([...STATEMENT_THROTTLES, 'InternalServerError', 'TransactionConflict']);
/** DynamoDB will not run PartiQL for us at all: no permission, or an endpoint without it. */
function refusesPartiql(err) {
    const name = err.name ?? '';
    return /AccessDenied|UnknownOperation|UnrecognizedClient|NotImplemented/.test(name);
}
function refuse(ctx, reason) {
    if (!ctx.statements?.enabled)
        return;
    ctx.statements.enabled = false;
    ctx.statements.onRefused?.(reason);
}
/**
 * Up to 25 in-place updates as one BatchExecuteStatement. Each statement succeeds or fails on
 * its own (it is not a transaction): throttled and transient ones go again in the next round
 * with backoff, a failed condition counts as skipped (or as changed, for a marked pass whose
 * earlier request got no answer and so may have landed), and what DynamoDB will not take as
 * PartiQL is written with UpdateItem instead, which also gives the precise error if any.
 */
async function statementBatch(ctx, entries) {
    let pending = entries;
    const viaUpdateItem = [];
    try {
        await ctx.slots.run(() => ctx.aborts.run(async (signal) => {
            for (let round = 1; pending.length; round++) {
                if (!ctx.statements?.enabled) {
                    viaUpdateItem.push(...pending);
                    pending = [];
                    break;
                }
                const estimate = pending.reduce((n, e) => n + e.units, 0);
                const sent = pending;
                let attempts = 0;
                let res;
                try {
                    res = await (0,retry/* withRetry */.bD)(async (attempt) => {
                        attempts = attempt;
                        if (attempt > 1)
                            for (const e of sent)
                                e.resent = true;
                        await ctx.limiter.acquire(estimate, signal);
                        ctx.signal?.throwIfAborted();
                        ctx.stats.requests++;
                        return ctx.client.send(new dist_cjs.BatchExecuteStatementCommand({
                            Statements: sent.map((e) => e.request),
                            ...(ctx.returnCapacity ? { ReturnConsumedCapacity: 'INDEXES' } : {}),
                        }), signal ? { abortSignal: signal } : {});
                    }, { signal, onRetry: (err) => onRetry(ctx, err) });
                }
                catch (err) {
                    if (ctx.signal?.aborted || signal?.aborted || (0,retry/* isRetryable */.r3)(err))
                        throw err;
                    // Refused as a whole: UpdateItem for these, and for the rest of the pass if PartiQL is off limits.
                    if (refusesPartiql(err))
                        refuse(ctx, `${err.name}: ${err.message}`);
                    viaUpdateItem.push(...sent);
                    pending = [];
                    break;
                }
                if (attempts > 1 || (res.$metadata.attempts ?? 1) > 1)
                    for (const e of sent)
                        e.resent = true;
                ctx.limiter.settle(estimate, consumed(res.ConsumedCapacity) ?? estimate);
                const again = [];
                let throttled = false;
                sent.forEach((e, i) => {
                    const answer = res.Responses?.[i];
                    const code = answer ? answer.Error?.Code : 'InternalServerError';
                    if (!code)
                        settle(e.job, 'changed');
                    else if (code === 'ConditionalCheckFailed')
                        settle(e.job, e.write.marked && e.resent ? 'changed' : 'skipped');
                    else if (STATEMENT_TRANSIENT.has(code)) {
                        again.push(e);
                        throttled ||= STATEMENT_THROTTLES.has(code);
                    }
                    else {
                        if (code === 'AccessDenied')
                            refuse(ctx, `AccessDenied: ${answer?.Error?.Message ?? ''}`);
                        viaUpdateItem.push(e);
                    }
                });
                pending = again;
                if (!pending.length)
                    break;
                ctx.stats.retries++;
                if (throttled) {
                    ctx.stats.throttles++;
                    ctx.limiter.throttled();
                }
                if (round >= retry/* DEFAULT_RETRY */.vI.maxAttempts)
                    throw new Error(`${pending.length} update statements were still throttled or failing after ${round} BatchExecuteStatement rounds`);
                await (0,retry/* sleep */.yy)((0,retry/* backoffDelay */.EY)(round, retry/* DEFAULT_RETRY */.vI), signal);
            }
        }));
    }
    catch (err) {
        if (ctx.signal?.aborted)
            throw ctx.signal.reason;
        for (const e of pending)
            settle(e.job, 'failed', err);
    }
    await Promise.all(viaUpdateItem.map((e) => single(ctx, e.job, e.write, e.resent)));
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/page-reader.ts



/** Reads pages of one selection: parallel Scan segments, or Query for a partition. */
class PageReader {
    client;
    limiter;
    aborts;
    onRetry;
    /** Read units of the last page, the estimate for the next one. */
    lastUnits = 16;
    base;
    query;
    constructor(client, table, keys, selection, limiter, 
    /** Each read takes a signal of its own: up to one read per segment is in flight at once. */
    aborts, pageSize, onRetry) {
        this.client = client;
        this.limiter = limiter;
        this.aborts = aborts;
        this.onRetry = onRetry;
        this.query = selection.partition !== undefined;
        const b = new ExpressionBuilder();
        let keyCondition;
        if (selection.partition !== undefined) {
            if (isReservedHashKey(selection.partition))
                throw new RangeError(`partition '${selection.partition}' holds the tool's bookkeeping and cannot be selected`);
            keyCondition = and([
                `${b.name(keys.hash)} = ${b.value(selection.partition)}`,
                selection.sortPrefix !== undefined
                    ? `begins_with(${b.name(keys.sort)}, ${b.value(selection.sortPrefix)})`
                    : undefined,
            ]);
        }
        else if (selection.sortPrefix !== undefined) {
            throw new RangeError('sortPrefix needs partition: a key prefix is served by Query within one partition');
        }
        const filter = selectionFilter(b, selection);
        this.base = {
            TableName: table,
            ...(keyCondition ? { KeyConditionExpression: keyCondition } : {}),
            ...(filter ? { FilterExpression: filter } : {}),
            ...b.params(),
            ...(pageSize ? { Limit: pageSize } : {}),
            // Only a limiter with a ceiling needs the real units (see the writer).
            ...(Number.isFinite(limiter.ceiling) ? { ReturnConsumedCapacity: 'TOTAL' } : {}),
        };
    }
    /** Reads the page of `segment` of `total` that starts after `start`. */
    async read(segment, total, start) {
        const input = {
            ...this.base,
            ...(start ? { ExclusiveStartKey: start } : {}),
            ...(this.query ? {} : { Segment: segment, TotalSegments: total }),
        };
        const estimate = this.lastUnits;
        const res = await this.aborts.run((signal) => (0,retry/* withRetry */.bD)(async () => {
            await this.limiter.acquire(estimate, signal);
            const command = this.query ? new dist_cjs.QueryCommand(input) : new dist_cjs.ScanCommand(input);
            return this.client.send(command, signal ? { abortSignal: signal } : {});
        }, {
            signal,
            onRetry: (err) => {
                if ((0,retry/* isThrottle */.p0)(err))
                    this.limiter.throttled();
                this.onRetry(err);
            },
        }));
        const units = res.ConsumedCapacity?.CapacityUnits ?? estimate;
        this.lastUnits = Math.max(1, units);
        this.limiter.settle(estimate, units);
        return { items: res.Items ?? [], lastKey: res.LastEvaluatedKey };
    }
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/progress.ts
/** Adds `b` into `a`. */
function addCounts(a, b) {
    a.scanned += b.scanned;
    a.changed += b.changed;
    a.skipped += b.skipped;
    a.failed += b.failed;
    return a;
}
function zeroCounts() {
    return { scanned: 0, changed: 0, skipped: 0, failed: 0 };
}
/**
 * Reports a pass's progress at a bounded frequency, whatever the item rate: a callback (the
 * step report), a bar on a TTY, or a log line in CI. Nothing here grows with the table.
 */
class ProgressReporter {
    pass;
    counts;
    segments;
    opts;
    started;
    lastCallback = 0;
    lastLog;
    lastBar = 0;
    /** Counts carried over from checkpoints of earlier runs; excluded from the rate. */
    baseScanned;
    constructor(pass, counts, segments, opts) {
        this.pass = pass;
        this.counts = counts;
        this.segments = segments;
        this.opts = opts;
        this.started = opts.now();
        this.lastLog = this.started;
        this.baseScanned = counts.scanned;
    }
    snapshot() {
        const elapsedMs = this.opts.now() - this.started;
        const scannedNow = this.counts.scanned - this.baseScanned;
        const itemsPerSecond = elapsedMs > 0 ? (scannedNow * 1000) / elapsedMs : 0;
        const total = this.opts.estimatedTotal;
        const left = total !== undefined ? Math.max(0, total - this.counts.scanned) : undefined;
        return {
            pass: this.pass,
            ...this.counts,
            itemsPerSecond,
            etaSeconds: left !== undefined && itemsPerSecond > 0 ? left / itemsPerSecond : undefined,
            estimatedTotal: total,
            segmentsDone: this.segments.done(),
            segmentsTotal: this.segments.total,
            elapsedMs,
        };
    }
    /** Called after every page; emits only when an interval has passed. */
    tick(final = false) {
        const t = this.opts.now();
        const due = (last, interval) => final || t - last >= interval;
        if (this.opts.onProgress && due(this.lastCallback, this.opts.progressIntervalMs)) {
            this.lastCallback = t;
            this.opts.onProgress(this.snapshot());
        }
        if (this.opts.bar) {
            if (due(this.lastBar, 200)) {
                this.lastBar = t;
                this.opts.bar.write(`\r${renderBar(this.snapshot())}${final ? '\n' : ''}`);
            }
        }
        else if (due(this.lastLog, this.opts.logIntervalMs) && (!final || t > this.started)) {
            this.lastLog = t;
            this.opts.logger.info(renderLine(this.snapshot()));
        }
    }
}
/** `pass-1: 12,000 scanned, 4,000 changed, 8,000 skipped, 0 failed; 3,100/s; 4/16 segments; ETA 0:32`. */
function renderLine(p) {
    const n = (x) => Math.round(x).toLocaleString('en-US');
    return (`${p.pass}: ${n(p.scanned)} scanned, ${n(p.changed)} changed, ${n(p.skipped)} skipped, ${n(p.failed)} failed; ` +
        `${n(p.itemsPerSecond)}/s; ${p.segmentsDone}/${p.segmentsTotal} segments` +
        (p.etaSeconds !== undefined ? `; ETA ${duration(p.etaSeconds)}` : ''));
}
function renderBar(p) {
    const fraction = p.estimatedTotal
        ? Math.min(1, p.scanned / p.estimatedTotal)
        : p.segmentsDone / Math.max(1, p.segmentsTotal);
    const width = 24;
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${renderLine(p)}   `;
}
function duration(seconds) {
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, '0');
    return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/rate-limiter.ts

/**
 * A token bucket over capacity units (read or write) that adapts like TCP: it cuts its rate
 * when DynamoDB throttles and climbs back towards the ceiling once throttling stops.
 *
 * Callers take an estimate before a request and settle the difference once the response
 * reports the capacity it consumed, so the limit holds in real units, not in guesses.
 * With no ceiling the bucket is open until the first throttle, then adapts the same way.
 *
 * The rate never falls below a quarter of the best rate seen (or a tenth of the ceiling):
 * throttling that does not depend on our rate (a hot partition, another writer) would
 * otherwise drive it to nothing, and retries with backoff already absorb what the floor lets
 * through. Before anything has been measured, a throttle only triggers the retry's backoff.
 */
class AdaptiveRateLimiter {
    ceiling;
    now;
    rate;
    tokens = 0;
    lastRefill;
    lastThrottle = -Infinity;
    lastChange;
    /** Start of the current measuring window; NaN until the first response, so setup time never counts. */
    windowStart = NaN;
    windowUnits = 0;
    /** Units per second consumed in the last complete one-second window. */
    observed = 0;
    peak = 0;
    constructor(
    /** Units per second never to exceed; Infinity for none. */
    ceiling, now = Date.now) {
        this.ceiling = ceiling;
        this.now = now;
        this.rate = ceiling;
        this.lastRefill = now();
        this.lastChange = this.lastRefill - 1000;
        // Empty at the start, not a second's worth: a pass that opened with twice its rate would
        // spend burst credit the table may not have saved, and be throttled in its first second.
    }
    /** The rate currently allowed (units/s), Infinity when open. */
    get currentRate() {
        return this.rate;
    }
    /** Waits until `units` may be spent. Debt is allowed: a large request waits after, not forever. */
    async acquire(units, signal) {
        this.refill();
        if (!Number.isFinite(this.rate))
            return;
        this.tokens -= units;
        if (this.tokens < 0)
            await (0,retry/* sleep */.yy)(Math.ceil((-this.tokens / this.rate) * 1000), signal);
    }
    /** Corrects an estimate once the response says what the request really consumed. */
    settle(estimated, actual) {
        this.record(actual);
        if (Number.isFinite(this.rate))
            this.tokens -= actual - estimated;
    }
    /** DynamoDB throttled a request (or left batch items unprocessed): slow down. */
    throttled() {
        const t = this.now();
        this.lastThrottle = t;
        // One cut per second: a burst of concurrent throttles is one signal, not twenty.
        if (t - this.lastChange < 1000 && Number.isFinite(this.rate))
            return;
        // Open and nothing measured over a whole second yet: while a pass starts up, what it has
        // consumed says nothing about what the table can take.
        if (!Number.isFinite(this.rate) && this.observed === 0)
            return;
        const base = Number.isFinite(this.rate) ? this.rate : this.observed;
        this.rate = Math.max(this.floor(), base * 0.7);
        this.tokens = Math.min(this.tokens, 0);
        this.lastChange = t;
    }
    floor() {
        return Math.max(1, Number.isFinite(this.ceiling) ? this.ceiling / 10 : this.peak / 4);
    }
    record(units) {
        const t = this.now();
        if (Number.isNaN(this.windowStart)) {
            // The first window opens with the first response: time spent before the pass sent
            // anything (DescribeTable, checkpoints, a cold start) would make the first measured
            // rate, and so the floor, far too low, and one early throttle would then crawl.
            this.windowStart = t;
            this.windowUnits = units;
            return;
        }
        this.windowUnits += units;
        const elapsed = t - this.windowStart;
        if (elapsed >= 1000) {
            this.observed = (this.windowUnits * 1000) / elapsed;
            this.peak = Math.max(this.peak, this.observed);
            this.windowStart = t;
            this.windowUnits = 0;
        }
    }
    refill() {
        const t = this.now();
        // Climb back by a fifth a second once a second has passed without throttling.
        if (this.rate < this.ceiling && t - this.lastThrottle > 1000 && t - this.lastChange >= 1000) {
            this.rate = this.rate * 1.2 + 1;
            this.lastChange = t;
            if (this.rate >= this.ceiling)
                this.rate = this.ceiling;
            // Unlimited and well above what we use: open the bucket again.
            else if (!Number.isFinite(this.ceiling) && this.peak > 0 && this.rate > this.peak * 2)
                this.rate = Infinity;
        }
        if (!Number.isFinite(this.rate)) {
            this.lastRefill = t;
            return;
        }
        this.tokens = Math.min(this.rate, this.tokens + ((t - this.lastRefill) / 1000) * this.rate);
        this.lastRefill = t;
    }
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/sampling.ts

/**
 * Where an item falls in [0, 100), from a hash of its key. Stable across runs and machines,
 * so a canary of p% and the full run after it agree on which items the canary took.
 */
function sampleBucket(item, keys) {
    const digest = (0,external_node_crypto_.createHash)('md5')
        .update(JSON.stringify(item[keys.hash] ?? null))
        .update('\u0000')
        .update(JSON.stringify(item[keys.sort] ?? null))
        .digest();
    return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}
function inSample(bucket, range) {
    return bucket >= range.from && bucket < range.to;
}

// EXTERNAL MODULE: ./src/dynamodb/bulk/semaphore.ts
var semaphore = __webpack_require__(7215);
// EXTERNAL MODULE: ./src/dynamodb/bulk/table-facts.ts
var table_facts = __webpack_require__(631);
;// CONCATENATED MODULE: ./src/dynamodb/bulk/write-plan.ts


/** Thrown for an action the engine cannot carry out; the item counts as failed. */
class ActionError extends Error {
    name = 'ActionError';
}
const write_plan_MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true };
/**
 * How `set`/`remove` updates are written unless a pass says otherwise: in place, touching only
 * the named attributes, so never overwriting what the application wrote to the item after we
 * read it; batched as PartiQL UPDATE statements (see PassOptions.updates).
 */
const DEFAULT_UPDATES = 'in-place';
/**
 * Turns an author's action into requests. An update goes, by default, through UpdateItem with
 * `attribute_exists(<hash>)`, so an item deleted by the application since it was read is not
 * resurrected as a fragment; with `updates: 'rewrite'` an unconditional one is applied to the
 * item as read and written back in a batch instead (see PassOptions.updates).
 */
function planWrites(source, action, keys, marker, updates = DEFAULT_UPDATES) {
    if (!action)
        return undefined;
    const key = { [keys.hash]: source[keys.hash], [keys.sort]: source[keys.sort] };
    const puts = (action.put ?? []).map((p) => checkedItem(p, keys));
    if ('delete' in action && action.delete) {
        const own = action.condition
            ? { single: conditional('delete', key, action.condition, keys, undefined) }
            : { batch: { delete: key } };
        return { own, puts, deletes: true };
    }
    if ('replace' in action && action.replace) {
        const item = checkedItem(marker ? { ...action.replace, [marker.attribute]: marker.token } : action.replace, keys);
        if (item[keys.hash]?.S !== key[keys.hash]?.S || item[keys.sort]?.S !== key[keys.sort]?.S)
            throw new ActionError('replace must keep the item key; to move an item, return { put: [newItem], delete: true }');
        if (!action.condition && !marker)
            return { own: { batch: { put: item } }, puts, deletes: false };
        const write = conditional('put', key, action.condition, keys, marker);
        write.item = item;
        return { own: { single: write }, puts, deletes: false };
    }
    const set = action.set ?? {};
    const remove = action.remove ?? [];
    if (Object.keys(set).length === 0 && remove.length === 0) {
        // Only new items: the source stays as it is.
        return puts.length ? { puts, deletes: false } : undefined;
    }
    for (const attr of [...Object.keys(set), ...remove])
        if (attr === keys.hash || attr === keys.sort)
            throw new ActionError(`cannot update key attribute '${attr}'; put a new item and delete this one`);
    const condition = action.condition;
    if (updates === 'rewrite' && !condition && !marker)
        return { own: { batch: { put: rewritten(source, set, remove) } }, puts, deletes: false };
    if (updates === 'in-place' && !condition) {
        const write = {
            kind: 'update',
            key,
            marked: !!marker,
            source,
            statement: updateStatement(set, remove, marker),
        };
        write.expand = () => {
            write.expand = undefined;
            Object.assign(write, updateItemWrite(key, set, remove, undefined, keys, marker));
        };
        return { own: { single: write }, puts, deletes: false };
    }
    const write = updateItemWrite(key, set, remove, condition, keys, marker);
    write.source = source;
    return { own: { single: write }, puts, deletes: false };
}
/** An UpdateItem of `set`/`remove`, only if the item exists (and is unmarked, and meets the author's condition). */
function updateItemWrite(key, set, remove, condition, keys, marker) {
    // One builder for condition and update, so their placeholders never clash.
    const b = new ExpressionBuilder();
    const write = conditional('update', key, condition, keys, marker, b);
    write.updateExpression = updateExpression(b, marker ? { ...set, [marker.attribute]: marker.token } : set, remove);
    return write;
}
function conditional(kind, key, condition, keys, marker, b = new ExpressionBuilder()) {
    const parts = [];
    if (kind !== 'delete')
        parts.push(`attribute_exists(${b.name(keys.hash)})`);
    if (marker) {
        const m = b.name(marker.attribute);
        parts.push(`attribute_not_exists(${m}) OR ${m} <> ${b.value(marker.token)}`);
    }
    if (condition)
        parts.push(b.include(condition));
    const expr = and(parts);
    return {
        kind,
        key,
        ...(expr ? { conditionExpression: expr } : {}),
        // Shared with the builder: an update adds its own placeholders afterwards.
        names: b.names,
        values: b.values,
        marked: !!marker,
    };
}
function updateStatement(set, remove, marker) {
    const out = { set: [], remove: [...remove], marker };
    for (const [attr, value] of Object.entries(set)) {
        if (value === undefined)
            out.remove.push(attr);
        else
            out.set.push([attr, toAttributeValue(value)]);
    }
    if (marker)
        out.set.push([marker.attribute, toAttributeValue(marker.token)]);
    return out;
}
/** The item as read with the update applied, for a batched put. */
function rewritten(source, set, remove) {
    const item = { ...source };
    for (const [attr, value] of Object.entries(set)) {
        if (value === undefined)
            delete item[attr];
        else
            item[attr] = toAttributeValue(value);
    }
    for (const attr of remove)
        delete item[attr];
    return item;
}
function checkedItem(item, keys) {
    const av = (0,util_dynamodb_dist_cjs.marshall)(item, write_plan_MARSHALL);
    if (!av[keys.hash] || !av[keys.sort])
        throw new ActionError(`an item to put has no '${keys.hash}'/'${keys.sort}' key`);
    if (isReservedHashKey(item[keys.hash]))
        throw new ActionError(`items under '${String(item[keys.hash])}' are the tool's bookkeeping and cannot be written by a migration`);
    return av;
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/pass.ts













const MAX_RECORDED_FAILURES = 10;
/**
 * The token a `once` pass marks items with: `<version>:<direction>:<pass>:<attempt>`. A resume
 * of the attempt builds the same token and skips what it already changed; another attempt
 * builds another. Without an attempt (no runner, or an attempt begun before attempts were
 * recorded) the token is `<version>:<direction>:<pass>`, as it always was.
 */
function markerToken(scope, pass, attempt) {
    return attempt ? `${scope}:${pass}:${attempt}` : `${scope}:${pass}`;
}
/** Default page budget of a pass: enough to keep the writes busy while the next pages are read. */
const DEFAULT_PAGES_IN_FLIGHT = 4;
/** Default write requests in flight (see PassOptions.writeConcurrency). */
const DEFAULT_WRITE_CONCURRENCY = 128;
const HALTED = Symbol('halted');
/**
 * The read and write ceilings of a pass, in units per second. What the rate names wins; what it
 * leaves out is, on a provisioned table, the table's own capacity: above it DynamoDB only
 * throttles (once any saved burst is spent), so a pass that starts there uses what the table
 * has without a throttle storm, and the plan's estimate (made at that capacity) holds. The
 * limiter still backs off when the application's traffic takes part of it. On-demand tables
 * have no such figure: the pass is open until DynamoDB throttles it.
 */
function passCeilings(rate, facts) {
    if (rate && 'percent' in rate)
        return (0,table_facts/* resolveRate */.bh)(rate, facts);
    return {
        read: rate?.read ?? facts?.provisioned?.read ?? Infinity,
        write: rate?.write ?? facts?.provisioned?.write ?? Infinity,
    };
}
/**
 * Runs one pass: reads the selection segment by segment (a bounded number at once), transforms
 * and writes each page's items while the next pages are read, and saves each segment's
 * position once its pages up to there are written. Memory is bounded by the page budget
 * (`pagesInFlight`) and the write slots, whatever the size of the table or the segment count.
 */
async function runPass(env, name, selection, fn, opts) {
    if (name.includes(':'))
        throw new RangeError(`pass name '${name}' must not contain ':'`);
    const started = env.now();
    const { signal } = env;
    signal?.throwIfAborted();
    const facts = await (0,retry/* withRetry */.bD)(() => (0,table_facts/* describeTableFacts */.Zf)(env.client, env.table, signal), { signal });
    const ceilings = passCeilings(opts.rate, facts);
    const readLimiter = new AdaptiveRateLimiter(ceilings.read, env.now);
    const writeLimiter = new AdaptiveRateLimiter(ceilings.write, env.now);
    const target = opts.samplePercent ?? 100;
    if (!(target > 0 && target <= 100))
        throw new RangeError(`samplePercent must be in (0, 100], got ${target}`);
    const sampledUpTo = env.store ? await env.store.sampledUpTo(name) : 0;
    const range = { from: Math.min(sampledUpTo, target), to: target };
    const rangeLabel = `${range.from}-${range.to}`;
    const sampling = range.from > 0 || range.to < 100;
    const stats = { requests: 0, retries: 0, throttles: 0, unprocessed: 0 };
    // Every read, write and wait of the pass hears the run's signal through this one listener.
    const aborts = new AbortFanout(signal);
    const reader = new PageReader(env.client, env.table, env.keys, selection, readLimiter, aborts, opts.pageSize, () => stats.retries++);
    const saved = env.store ? await env.store.list(name, rangeLabel) : [];
    const plan = segmentPlan(opts.segments, reader.query, saved, facts);
    const queue = [...(plan.only ?? Array.from({ length: plan.total }, (_, i) => i))];
    for (const s of queue)
        if (!(Number.isInteger(s) && s >= 0 && s < plan.total))
            throw new RangeError(`segment ${s} is not in 0..${plan.total - 1}`);
    const checkpoints = new Map();
    for (const cp of saved)
        if (cp.total === plan.total)
            checkpoints.set(cp.segment, cp);
    const counts = zeroCounts();
    let segmentsDone = 0;
    for (const s of queue) {
        const cp = checkpoints.get(s);
        if (!cp)
            continue;
        addCounts(counts, cp.counts);
        if (cp.done)
            segmentsDone++;
    }
    const resumed = checkpoints.size > 0;
    if (resumed)
        env.logger.info(`${name}: resuming from checkpoints (${segmentsDone}/${queue.length} segments done, ${counts.scanned} items before)`);
    const marker = opts.once
        ? {
            attribute: opts.once === true ? '_migrated' : opts.once.attribute,
            token: markerToken(env.scope, name, await env.attempt?.()),
        }
        : undefined;
    const writer = {
        client: env.client,
        table: env.table,
        keys: env.keys,
        signal,
        aborts,
        limiter: writeLimiter,
        slots: new semaphore/* Semaphore */.j(opts.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY),
        stats,
        // The limiter needs what requests really consumed only when it enforces a ceiling; open, it
        // learns the rate from estimates (item sizes), and the server is spared the accounting.
        returnCapacity: Number.isFinite(ceilings.write),
        statements: {
            enabled: true,
            onRefused: (why) => env.logger.warn(`${name}: DynamoDB refused batched PartiQL updates (${why}); writing one UpdateItem per item instead, which is slower. Allow dynamodb:PartiQLUpdate on the table to batch them.`),
        },
    };
    const estimatedTotal = reader.query || facts.itemCount === undefined
        ? undefined
        : Math.round((facts.itemCount * queue.length) / plan.total);
    const progress = new ProgressReporter(name, counts, { done: () => segmentsDone, total: queue.length }, {
        estimatedTotal: selection.type === undefined && !selection.where ? estimatedTotal : undefined,
        onProgress: env.onProgress,
        progressIntervalMs: env.progressIntervalMs,
        logIntervalMs: env.logIntervalMs,
        bar: env.progressBar,
        logger: env.logger,
        now: env.now,
    });
    const failures = [];
    const maxFailures = opts.maxFailures ?? 0;
    let stop;
    const shouldStop = () => {
        if (stop)
            return true;
        if (env.deadline !== undefined && env.now() >= env.deadline)
            stop = 'deadline';
        return stop !== undefined;
    };
    const interval = opts.checkpointIntervalMs ?? 2000;
    const save = async (cp) => {
        if (!env.store || env.dryRun)
            return;
        signal?.throwIfAborted();
        await env.store.save(name, rangeLabel, cp);
    };
    const processPage = async (page) => {
        const pageCounts = zeroCounts();
        const jobs = [];
        const fail = (key, err) => {
            pageCounts.failed++;
            if (failures.length < MAX_RECORDED_FAILURES) {
                const entry = { key: safeUnmarshall(key), error: err instanceof Error ? err.message : String(err) };
                failures.push(entry);
                env.logger.warn(`${name}: item ${JSON.stringify(entry.key)} failed: ${entry.error}`);
            }
        };
        for (const raw of page.items) {
            if (isReservedHashKey(raw[env.keys.hash]?.S))
                continue;
            pageCounts.scanned++;
            if (sampling && !inSample(sampleBucket(raw, env.keys), range)) {
                pageCounts.skipped++;
                continue;
            }
            if (marker && raw[marker.attribute]?.S === marker.token) {
                pageCounts.skipped++;
                continue;
            }
            const key = { [env.keys.hash]: raw[env.keys.hash], [env.keys.sort]: raw[env.keys.sort] };
            let plan;
            try {
                const item = (0,util_dynamodb_dist_cjs.unmarshall)(raw);
                if (selection.filter && !selection.filter(item)) {
                    pageCounts.skipped++;
                    continue;
                }
                const result = fn(item);
                const action = isThenable(result) ? await result : result;
                plan = planWrites(raw, action, env.keys, marker, opts.updates ?? DEFAULT_UPDATES);
            }
            catch (err) {
                fail(key, err);
                continue;
            }
            if (!plan)
                pageCounts.skipped++;
            else if (env.dryRun)
                pageCounts.changed++;
            else
                jobs.push({ plan, key, pending: 0, outcome: 'changed' });
        }
        if (jobs.length)
            await writePage(writer, jobs);
        for (const job of jobs) {
            if (job.outcome === 'failed')
                fail(job.key, job.error);
            else
                pageCounts[job.outcome]++;
        }
        return pageCounts;
    };
    // Pages read and not yet written, across all segments: the bound on memory, whatever the
    // table's size or segment count (a page is at most 1 MB, or `pageSize` items).
    const pageSlots = new semaphore/* Semaphore */.j(opts.pagesInFlight ?? DEFAULT_PAGES_IN_FLIGHT);
    /**
     * Reads a segment's pages one after another without waiting for their writes: each page's
     * writes run while the next pages are read and transformed, within the shared page budget.
     * Pages are checkpointed strictly in order, each once it and every page before it is written.
     */
    const runSegment = async (segment) => {
        const cp = checkpoints.get(segment) ?? {
            segment,
            total: plan.total,
            done: false,
            counts: zeroCounts(),
        };
        if (cp.done)
            return;
        let lastSave = env.now();
        // Set once the pass failed past maxFailures or a commit threw: read nothing more, commit nothing more.
        let halted = false;
        const inFlight = new Set();
        // Takes the page's next key only: a page's items are freed as soon as its writes are done,
        // even while an earlier page of the segment is still being written.
        const commit = async (lastKey, work) => {
            const pageCounts = await work;
            if (halted)
                return;
            addCounts(counts, pageCounts);
            if (counts.failed > maxFailures) {
                // This page and those after it are not checkpointed: a resumed run retries them.
                stop = 'failed';
                halted = true;
                return;
            }
            addCounts(cp.counts, pageCounts);
            cp.lastKey = lastKey;
            cp.done = !lastKey;
            if (cp.done)
                segmentsDone++;
            if (cp.done || shouldStop() || env.now() - lastSave >= interval) {
                await save(cp);
                lastSave = env.now();
            }
            progress.tick();
        };
        let committed = Promise.resolve();
        let readError;
        try {
            let start = cp.lastKey;
            do {
                if (halted || shouldStop())
                    break;
                const wait = pageSlots.acquire();
                if (wait)
                    await wait;
                let page;
                try {
                    if (halted)
                        throw HALTED;
                    page = await reader.read(segment, plan.total, start);
                }
                catch (err) {
                    pageSlots.release();
                    throw err;
                }
                const work = processPage(page).finally(() => pageSlots.release());
                inFlight.add(work);
                void work.then(() => inFlight.delete(work), () => inFlight.delete(work));
                const lastKey = page.lastKey;
                committed = committed.then(() => commit(lastKey, work));
                committed.catch(() => (halted = true));
                start = lastKey;
            } while (start);
        }
        catch (err) {
            // A failed read ends the segment; the pages read before it are still committed.
            if (err !== HALTED)
                readError = { error: err };
        }
        try {
            await committed;
        }
        finally {
            // Nothing of this segment outlives it, even when a commit failed.
            await Promise.allSettled([...inFlight]);
        }
        if (readError)
            throw readError.error;
    };
    const workers = Array.from({ length: Math.min(queue.length, opts.concurrency ?? 16) }, async () => {
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
            if (shouldStop())
                return;
            try {
                await runSegment(s);
            }
            catch (err) {
                // The other segments stop at their next page boundary, with a checkpoint.
                stop ??= 'error';
                throw err;
            }
        }
    });
    const settled = await Promise.allSettled(workers);
    if (signal?.aborted)
        throw signal.reason;
    const rejected = settled.find((r) => r.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    progress.tick(true);
    env.logger.debug(`${name}: ${stats.requests} write requests, ${stats.retries} retries, ${stats.throttles} throttled, ${stats.unprocessed} unprocessed`);
    if (stop === 'failed')
        throw new PassFailedError(name, counts, failures);
    if (stop === 'deadline')
        throw new PassIncompleteError(name, counts);
    if (env.store && !env.dryRun) {
        if (range.to < 100)
            await env.store.recordSampled(name, range.to);
        // The full run after a canary is done with this pass: the canary's progress now serves a
        // resume of this attempt only (its checkpoints are under this range), not a later attempt.
        else if (range.from > 0)
            await env.store.recordSampled(name, range.from, { finished: true });
    }
    return {
        pass: name,
        status: 'complete',
        counts,
        resumed,
        segments: plan,
        durationMs: env.now() - started,
        dryRun: env.dryRun,
    };
}
function segmentPlan(option, query, saved, facts) {
    if (query)
        return { total: 1 };
    const asked = typeof option === 'number' ? { total: option } : option;
    const savedTotal = saved[0]?.total;
    if (asked && savedTotal !== undefined && asked.total !== savedTotal)
        throw new RangeError(`this pass was started with ${savedTotal} segments and is now asked for ${asked.total}; checkpoints are only valid for the same count, so run it with ${savedTotal}`);
    const plan = asked ?? { total: savedTotal ?? (0,table_facts/* defaultSegmentCount */.Ec)(facts) };
    if (!(Number.isInteger(plan.total) && plan.total >= 1 && plan.total <= 1_000_000))
        throw new RangeError(`segments must be 1..1000000, got ${plan.total}`);
    return plan;
}
function isThenable(v) {
    return typeof v?.then === 'function';
}
function safeUnmarshall(key) {
    try {
        return (0,util_dynamodb_dist_cjs.unmarshall)(key);
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/engine.ts





const silent = { info() { }, warn() { }, debug() { } };
/** An attempt id: the start time and some randomness, short because every marked item carries it. */
function newAttemptId() {
    return `${Date.now().toString(36)}${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
/** Builds the data engine for one step of a run (one migration version and direction). */
function createDataEngine(options) {
    const scope = options.checkpoint ? `${options.checkpoint.version}:${options.checkpoint.direction}` : 'adhoc';
    const store = options.checkpoint
        ? new CheckpointStore(options.client, options.table, options.keys, scope, options.signal)
        : undefined;
    const oppositeDirection = { up: 'down', down: 'up' }[options.checkpoint?.direction ?? ''];
    const opposite = options.checkpoint && oppositeDirection
        ? new CheckpointStore(options.client, options.table, options.keys, `${options.checkpoint.version}:${oppositeDirection}`, options.signal)
        : undefined;
    const env = {
        client: options.client,
        table: options.table,
        keys: options.keys,
        dryRun: options.dryRun ?? false,
        signal: options.signal,
        deadline: options.deadline,
        store,
        scope,
        logger: options.logger ?? silent,
        onProgress: options.onProgress,
        progressIntervalMs: options.progressIntervalMs ?? 1000,
        logIntervalMs: options.logIntervalMs ?? 10_000,
        progressBar: options.progressBar ?? (process.stderr.isTTY && !process.env.CI ? process.stderr : false),
        now: Date.now,
    };
    // The step's attempt, which `once` markers name: set by startAttempt, or else read back from
    // the checkpoints (a resume; absent for a library user who never starts one, and for an
    // attempt begun before attempts were recorded: markers then carry no attempt id, as then).
    let attempt;
    env.attempt = () => {
        if (!attempt) {
            const read = store ? store.attempt() : Promise.resolve(undefined);
            // A failed read is not cached: the next pass reads again.
            read.catch(() => {
                if (attempt === read)
                    attempt = undefined;
            });
            attempt = read;
        }
        return attempt;
    };
    const results = [];
    let passNumber = 0;
    let stoppedAtDeadline = false;
    const transform = async (selection, fn, passOptions = {}) => {
        passNumber++;
        const merged = { ...options.defaults, ...passOptions };
        if (merged.samplePercent === undefined && options.samplePercent !== undefined)
            merged.samplePercent = options.samplePercent;
        const name = merged.name ?? `pass-${passNumber}`;
        const started = Date.now();
        try {
            const result = await runPass(env, name, selection, fn, merged);
            results.push(result);
            return result;
        }
        catch (err) {
            if (err instanceof PassIncompleteError) {
                stoppedAtDeadline = true;
                results.push({
                    pass: name,
                    status: 'incomplete',
                    counts: err.counts,
                    resumed: false,
                    segments: typeof merged.segments === 'object' ? merged.segments : { total: merged.segments ?? 0 },
                    durationMs: Date.now() - started,
                    dryRun: env.dryRun,
                });
            }
            throw err;
        }
    };
    return {
        transform,
        forEach: (selection, fn, passOptions) => transform(selection, async (item) => {
            await fn(item);
            return undefined;
        }, passOptions),
        count: async (selection, predicate, passOptions = {}) => {
            const { exampleLimit = 5, ...rest } = passOptions;
            let count = 0;
            const examples = [];
            await transform(selection, async (item) => {
                if (predicate && !(await predicate(item)))
                    return undefined;
                count++;
                if (examples.length < exampleLimit)
                    examples.push({ [env.keys.hash]: item[env.keys.hash], [env.keys.sort]: item[env.keys.sort] });
                return undefined;
            }, rest);
            return { count, examples };
        },
        counts: () => (results.length ? results.reduce((sum, r) => addCounts(sum, r.counts), zeroCounts()) : undefined),
        passes: () => results,
        incomplete: () => stoppedAtDeadline,
        startAttempt: async ({ keepCanary }) => {
            const id = newAttemptId();
            if (store && !env.dryRun) {
                await store.discardEarlierAttempts({ keepCanary });
                await store.recordAttempt(id);
            }
            attempt = Promise.resolve(id);
            return id;
        },
        complete: async ({ keepCanary = false } = {}) => {
            if (!store || env.dryRun)
                return;
            if (keepCanary)
                await store.discardEarlierAttempts({ keepCanary: true });
            else
                await store.clear();
            await opposite?.clear();
        },
    };
}

;// CONCATENATED MODULE: ./src/dynamodb/bulk/index.ts
/**
 * The bulk data engine for migration authors: parallel Scan or Query, batched and retried
 * writes within a rate limit, per-segment checkpoints, canary sampling, dry runs and
 * deadlines. Start at {@link createDataEngine}.
 */





/***/ }),

/***/ 7410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ writeUnits),
/* harmony export */   z: () => (/* binding */ itemSize)
/* harmony export */ });
/**
 * Approximate stored size of an item in bytes, by DynamoDB's rules (names plus values; numbers
 * about one byte per two digits). Used only to estimate capacity before the response says.
 */
function itemSize(item) {
    let size = 0;
    for (const name in item)
        size += name.length + valueSize(item[name]);
    return size;
}
function valueSize(v) {
    if (v.S !== undefined)
        return Buffer.byteLength(v.S);
    if (v.N !== undefined)
        return Math.ceil(v.N.length / 2) + 1;
    if (v.B !== undefined)
        return v.B.byteLength;
    if (v.BOOL !== undefined || v.NULL !== undefined)
        return 1;
    if (v.SS)
        return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
    if (v.NS)
        return v.NS.reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
    if (v.BS)
        return v.BS.reduce((n, b) => n + b.byteLength, 0);
    if (v.L)
        return 3 + v.L.reduce((n, x) => n + 1 + valueSize(x), 0);
    if (v.M)
        return 3 + itemSize(v.M);
    return 0;
}
/** Write units for an item of this size (1 KB each, at least one). */
function writeUnits(bytes) {
    return Math.max(1, Math.ceil(bytes / 1024));
}


/***/ }),

/***/ 3399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   p0: () => (/* binding */ isThrottle),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/** Patient enough to ride out throttling on a busy table; the SDK's own retries come on top. */
const DEFAULT_RETRY = { maxAttempts: 12, baseMs: 50, maxDelayMs: 10_000 };
const THROTTLE_NAMES = new Set([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'ThrottledException',
    'TooManyRequestsException',
    // MRSC global tables: the item is being written from another region at this moment. Like a
    // throttle it passes if we wait, and slowing down makes it rarer while the application writes.
    'ReplicatedWriteConflictException',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
/** DynamoDB asked us to slow down: the rate limiter should back off as well as retry. */
function isThrottle(err) {
    const e = err;
    return !!e && (THROTTLE_NAMES.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429);
}
/**
 * Worth another attempt: throttling, 5xx and dropped connections. Anything else (validation,
 * a failed condition, access denied) would fail the same way again.
 */
function isRetryable(err) {
    if (isThrottle(err))
        return true;
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (e.name === 'AbortError')
        return false;
    const status = e.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 500)
        return true;
    if (e.name === 'InternalServerError' || e.name === 'ServiceUnavailable' || e.name === 'TimeoutError')
        return true;
    if (e.code && TRANSIENT_CODES.has(e.code))
        return true;
    // Node reports a connection closed mid-response in the message only.
    return /socket hang up|ECONNRESET|EPIPE|other side closed|premature close/i.test(e.message ?? '');
}
/** Full jitter (AWS architecture blog): spreads retries of many workers evenly over the window. */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(attempt, 20));
    return Math.floor(random() * ceiling);
}
/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * Runs `call` until it succeeds, fails with a non-retryable error, or runs out of attempts.
 * `onRetry` hears every retryable failure (the rate limiter listens for throttling).
 */
async function withRetry(call, opts) {
    const policy = opts.policy ?? DEFAULT_RETRY;
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw opts.signal.reason;
        try {
            return await call(attempt);
        }
        catch (err) {
            if (opts.signal?.aborted)
                throw opts.signal.reason;
            if (!isRetryable(err) || attempt >= policy.maxAttempts)
                throw err;
            opts.onRetry?.(err, attempt);
            await sleep(backoffDelay(attempt, policy), opts.signal);
        }
    }
}


/***/ }),

/***/ 7215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Semaphore)
/* harmony export */ });
/** Bounds how many async tasks run at once; waiters are served in order. */
class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!(limit >= 1))
            throw new RangeError(`a concurrency limit must be at least 1, got ${limit}`);
    }
    /** Takes a slot, waiting in line for one if none is free; give it back with {@link release}. */
    acquire() {
        if (this.active < this.limit) {
            this.active++;
            return undefined;
        }
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    /** Gives a slot back; it passes straight to the next waiter, so `active` never dips and rises again. */
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
    /** Runs `task` once a slot is free. */
    async run(task) {
        const wait = this.acquire();
        if (wait)
            await wait;
        try {
            return await task();
        }
        finally {
            this.release();
        }
    }
}


/***/ }),

/***/ 631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ec: () => (/* binding */ defaultSegmentCount),
/* harmony export */   Qx: () => (/* binding */ replicationOf),
/* harmony export */   Zf: () => (/* binding */ describeTableFacts),
/* harmony export */   bh: () => (/* binding */ resolveRate)
/* harmony export */ });
/* unused harmony exports regionOfTableArn, ON_DEMAND_ASSUMED_UNITS */
/* harmony import */ var _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4305);

async function describeTableFacts(client, table, signal) {
    const { Table: t } = await client.send(new _aws_sdk_client_dynamodb__WEBPACK_IMPORTED_MODULE_0__.DescribeTableCommand({ TableName: table }), signal ? { abortSignal: signal } : {});
    const read = t?.ProvisionedThroughput?.ReadCapacityUnits ?? 0;
    const write = t?.ProvisionedThroughput?.WriteCapacityUnits ?? 0;
    const onDemand = t?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' || (read === 0 && write === 0);
    return {
        itemCount: t?.ItemCount,
        sizeBytes: t?.TableSizeBytes,
        provisioned: onDemand ? undefined : { read, write },
        onDemandMax: t?.OnDemandThroughput
            ? {
                read: positive(t.OnDemandThroughput.MaxReadRequestUnits),
                write: positive(t.OnDemandThroughput.MaxWriteRequestUnits),
            }
            : undefined,
    };
}
const ARN_REGION = /^arn:aws[\w-]*:dynamodb:([a-z]{2}(?:-[a-z]+)+-\d):/;
/** The region in a table's ARN (`arn:aws:dynamodb:<region>:...`); undefined for DynamoDB Local's `ddblocal`. */
function regionOfTableArn(arn) {
    return arn ? ARN_REGION.exec(arn)?.[1] : undefined;
}
/**
 * Which replica a DescribeTable answer came from, and the table's replica set when it is a
 * global table. The region is the table ARN's (what the server says), else the client's (for
 * DynamoDB Local and proxies, whatever the client signs for). Replicas are taken from
 * `Replicas` plus the answering replica itself, so it does not matter whether the list names
 * it. A table is global when another region holds a replica, or its `GlobalTableVersion` is
 * the legacy one (whose replicas DescribeTable may not list).
 */
function replicationOf(t, clientRegion) {
    const region = regionOfTableArn(t?.TableArn) ?? clientRegion;
    const listed = (t?.Replicas ?? []).filter((r) => r.RegionName);
    const others = listed.filter((r) => r.RegionName !== region);
    const legacy = t?.GlobalTableVersion?.startsWith('2017') === true;
    if (!region || (!others.length && !legacy))
        return { region };
    const self = listed.find((r) => r.RegionName === region);
    const replicas = [
        {
            RegionName: region,
            ReplicaStatus: self?.ReplicaStatus ?? t?.TableStatus,
            ReplicaStatusDescription: self?.ReplicaStatusDescription,
            ReplicaStatusPercentProgress: self?.ReplicaStatusPercentProgress,
        },
        ...others,
    ]
        .map((r) => ({
        region: r.RegionName,
        status: r.ReplicaStatus,
        detail: r.ReplicaStatusDescription,
        progress: r.ReplicaStatusPercentProgress,
    }))
        .sort((a, b) => a.region.localeCompare(b.region));
    return {
        region,
        global: {
            region,
            version: t?.GlobalTableVersion,
            consistency: t?.MultiRegionConsistency === 'STRONG' ? 'STRONG' : 'EVENTUAL',
            replicas,
            witnesses: (t?.GlobalTableWitnesses ?? [])
                .filter((w) => w.RegionName)
                .map((w) => ({ region: w.RegionName, status: w.WitnessStatus })),
        },
    };
}
function positive(n) {
    return n !== undefined && n > 0 ? n : undefined;
}
const MIB = 1024 * 1024;
/**
 * Default parallel-scan segments: one per 4 MiB, at least 8 and at most 1,000. AWS's guidance
 * (one per 2 GB) aims at not hurting the live table; we bound that with the rate limit instead
 * and want every worker busy, since a segment reads 1 MB pages one after another.
 */
function defaultSegmentCount(facts) {
    const size = facts.sizeBytes ?? 0;
    return Math.max(8, Math.min(1000, Math.ceil(size / (4 * MIB))));
}
/** What on-demand tables count as for a percentage limit (the EMR connector's convention). */
const ON_DEMAND_ASSUMED_UNITS = 40_000;
/** Turns a rate option into read/write ceilings in units per second (Infinity: unlimited). */
function resolveRate(rate, facts) {
    if (!rate)
        return { read: Infinity, write: Infinity };
    if ('percent' in rate) {
        if (!(rate.percent > 0 && rate.percent <= 100))
            throw new RangeError(`rate.percent must be in (0, 100], got ${rate.percent}`);
        const share = rate.percent / 100;
        const read = facts?.provisioned?.read ?? facts?.onDemandMax?.read ?? ON_DEMAND_ASSUMED_UNITS;
        const write = facts?.provisioned?.write ?? facts?.onDemandMax?.write ?? ON_DEMAND_ASSUMED_UNITS;
        return { read: Math.max(1, read * share), write: Math.max(1, write * share) };
    }
    return { read: rate.read ?? Infinity, write: rate.write ?? Infinity };
}


/***/ }),

/***/ 9808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintProject: () => (/* binding */ lintProject),
  loadProject: () => (/* binding */ loadProject),
  transpilerOrder: () => (/* binding */ transpilerOrder)
});

// NAMESPACE OBJECT: ./src/authoring.ts
var authoring_namespaceObject = {};
__webpack_require__.r(authoring_namespaceObject);
__webpack_require__.d(authoring_namespaceObject, {
  createDataEngine: () => (bulk/* createDataEngine */.NJ),
  defineMigration: () => (defineMigration)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(4305);
var dist_cjs_namespaceObject = /*#__PURE__*/__webpack_require__.t(dist_cjs, 2);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js
var util_dynamodb_dist_cjs = __webpack_require__(5290);
var util_dynamodb_dist_cjs_namespaceObject = /*#__PURE__*/__webpack_require__.t(util_dynamodb_dist_cjs, 2);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jiti/lib/jiti.mjs
var lib_jiti = __webpack_require__(7778);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/lint.ts
var lint = __webpack_require__(3790);
// EXTERNAL MODULE: ./src/core/manifest.ts + 1 modules
var manifest = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/dynamodb/bulk/index.ts + 13 modules
var bulk = __webpack_require__(8772);
;// CONCATENATED MODULE: ./src/authoring.ts

/** Gives a migration its types; returns it unchanged (a plain object works the same). */
function defineMigration(migration) {
    return migration;
}

// EXTERNAL MODULE: ./src/loader/local-imports.ts
var local_imports = __webpack_require__(4579);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/jiti/package.json
var jiti_package = __webpack_require__(4628);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/loader/transpile-cache.ts






/** Bumped when the layout of an entry changes. */
const FORMAT = 'dm-transpile-1';
/**
 * Where transpiled migration files are kept between runs: DYNAMODB_MIGRATE_CACHE_DIR when set
 * (empty: no cache), else $XDG_CACHE_HOME/dynamodb-migrate, else ~/.cache/dynamodb-migrate. Never
 * inside the repository, so nothing appears in `git status` and a checkout cannot plant entries.
 *
 * In a GitHub Actions job it is the job's own temporary folder (RUNNER_TEMP, emptied after each
 * job), never the runner's home: on a self-hosted runner the home outlives the job, so one job
 * (a fork's pull request, whose migration files are public and so are the keys) could write an
 * entry that the next (an apply with write access) would run as the compiled migration.
 */
function transpileCacheDir(env = process.env, home = (0,external_node_os_.homedir)()) {
    const own = env.DYNAMODB_MIGRATE_CACHE_DIR;
    if (own !== undefined)
        return own === '' ? undefined : (0,external_node_path_.resolve)(own);
    if (env.GITHUB_ACTIONS === 'true') {
        const temp = env.RUNNER_TEMP;
        return temp && (0,external_node_path_.isAbsolute)(temp) ? (0,external_node_path_.join)(temp, 'dynamodb-migrate-cache') : undefined;
    }
    const xdg = env.XDG_CACHE_HOME;
    return (0,external_node_path_.join)(xdg && (0,external_node_path_.isAbsolute)(xdg) ? xdg : (0,external_node_path_.join)(home, '.cache'), 'dynamodb-migrate');
}
/**
 * The key of one transform: this tool's and jiti's versions (the transform's code), every
 * option jiti passes (file name, module kind, source maps, ...) and the file's text. Two runs
 * share an entry only when they would compute the same output.
 */
function transpileKey(opts, versions = { tool: package_0/* version */.rE, jiti: jiti_package/* version */.rE }) {
    const { source, ...rest } = opts;
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([FORMAT, versions.tool, versions.jiti, rest]))
        .update('\0')
        .update(source)
        .digest('hex');
}
/** Thrown by the cached transform on a miss that no transpiler loaded so far takes (see `needsTranspiler`). */
class TranspilerNotLoaded extends Error {
    constructor(filename) {
        super(`${filename ?? 'source'}: not in the transpile cache and no transpiler loaded takes it`);
        this.name = 'TranspilerNotLoaded';
    }
}
/**
 * A cache of transpiled files in `dir` (no cache when undefined), one file per key. An entry
 * holds its key and the SHA-256 of its code on its first line: an entry that does not match (cut
 * short, edited, from another format) is ignored and written again. Entries are written to a
 * temporary file and renamed, so concurrent runs never read half an entry; any file-system error
 * only costs the transform it would have saved.
 */
function openTranspileCache(dir) {
    const stats = { hits: 0, misses: 0, stored: 0, by: {} };
    const folder = dir === undefined ? undefined : (0,external_node_path_.join)(dir, 'transpile');
    const transpilers = [];
    let untaken;
    let writable = folder !== undefined;
    const read = (key) => {
        if (!folder)
            return undefined;
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(folder, `${key}.js`), 'utf8');
        }
        catch {
            return undefined;
        }
        const nl = text.indexOf('\n');
        if (nl < 0)
            return undefined;
        const [format, entryKey, digest] = text
            .slice(0, nl)
            .replace(/^\/\/ /, '')
            .split(' ');
        const code = text.slice(nl + 1);
        if (format !== FORMAT || entryKey !== key || digest !== sha256(code))
            return undefined;
        return code;
    };
    const write = (key, code, by) => {
        if (!folder || !writable)
            return;
        const tmp = (0,external_node_path_.join)(folder, `.${key}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
        try {
            (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
            // The transpiler's name after the three fields a reader checks: which path made the entry.
            (0,external_node_fs_.writeFileSync)(tmp, `// ${FORMAT} ${key} ${sha256(code)} ${by}\n${code}`);
            (0,external_node_fs_.renameSync)(tmp, (0,external_node_path_.join)(folder, `${key}.js`));
            stats.stored++;
        }
        catch {
            // A read-only or full disk: run without storing, and stop trying for this run.
            writable = false;
            try {
                (0,external_node_fs_.rmSync)(tmp, { force: true });
            }
            catch {
                // Nothing was written, or the folder is not there to clean.
            }
        }
    };
    return {
        transform(opts) {
            const key = transpileKey(opts);
            const cached = read(key);
            if (cached !== undefined) {
                stats.hits++;
                return { code: cached };
            }
            for (const t of transpilers) {
                const out = t.transpile(opts);
                if (!out)
                    continue;
                stats.misses++;
                stats.by[t.name] = (stats.by[t.name] ?? 0) + 1;
                // A file that does not parse is not stored: its error is reported from a fresh transform each time.
                if (!out.error && !out.code.includes('__JITI_ERROR__'))
                    write(key, out.code, t.name);
                return out;
            }
            untaken = opts;
            throw new TranspilerNotLoaded(opts.filename);
        },
        addTranspiler(name, transpile) {
            transpilers.push({ name, transpile });
            untaken = undefined;
        },
        get needsTranspiler() {
            return untaken !== undefined;
        },
        get untaken() {
            return untaken;
        },
        get transpilers() {
            return transpilers.map((t) => t.name);
        },
        stats,
    };
}
/** The name of the transpiler that made a cache entry, from its first line (undefined: not said). */
function transpilerOfEntry(text) {
    const header = text.slice(0, Math.max(0, text.indexOf('\n')));
    return header.startsWith(`// ${FORMAT} `) ? header.split(' ')[4] : undefined;
}
function sha256(s) {
    return (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex');
}

;// CONCATENATED MODULE: ./src/loader/load-project.ts












const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/**
 * Reads the manifest and loads every migration file in its folder (TypeScript through jiti,
 * no build step). Throws ManifestError or MigrationFileError listing every problem at once.
 */
async function loadProject(manifestPath) {
    const manifest = readManifest(manifestPath);
    const dir = migrationsDir(manifestPath, manifest);
    const files = await readMigrationFiles(dir);
    const result = (0,lint/* lintMigrations */.JW)(files);
    const problems = [...result.problems, ...(0,lint/* lintTargets */.Kh)(manifest, manifestPath, result.migrations)];
    if (problems.length)
        throw new errors/* MigrationFileError */.lm(problems);
    return projectOf(manifestPath, manifest, dir, files, result);
}
/** The project from files already read and linted without a problem. */
function projectOf(manifestPath, manifest, dir, files, result) {
    const attach = (s) => {
        const f = files.find((i) => i.file === s.file);
        const mod = f.exported;
        return {
            ...s,
            path: f.abs,
            up: mod.up,
            down: mod.down,
            before: mod.before,
            verify: mod.verify,
            code: f.code,
        };
    };
    return {
        manifestPath,
        manifest,
        dir,
        migrations: result.migrations.map(attach),
        reset: result.reset ? attach(result.reset) : undefined,
    };
}
/**
 * Lint: every problem in the manifest and the migration files, reported together. When the
 * manifest itself is invalid, the files beside it are still checked.
 */
async function lintProject(manifestPath) {
    const problems = [];
    let manifest;
    try {
        manifest = readManifest(manifestPath);
    }
    catch (e) {
        if (!(e instanceof errors/* ManifestError */.Sh))
            throw e;
        const lines = e.message.split('\n').slice(e.message.includes('problems in the manifest') ? 1 : 0);
        problems.push(...lines.filter((l) => l.trim() && !l.startsWith('See ')).map((l) => l.replace(/^\s*-\s*/, '')));
    }
    let dir;
    try {
        dir = manifest ? migrationsDir(manifestPath, manifest) : (0,external_node_path_.dirname)((0,external_node_path_.resolve)(manifestPath));
    }
    catch (e) {
        return { problems: [...problems, (0,errors/* messageOf */.bD)(e)] };
    }
    if (!(0,external_node_fs_.existsSync)(dir))
        return { problems };
    const files = await readMigrationFiles(dir);
    const result = (0,lint/* lintMigrations */.JW)(files);
    problems.push(...result.problems.map((p) => `${p.where}: ${p.message}`));
    if (manifest)
        problems.push(...(0,lint/* lintTargets */.Kh)(manifest, manifestPath, result.migrations).map((p) => `${p.where}: ${p.message}`));
    if (problems.length || !manifest)
        return { problems };
    // The files were read and linted above: the project is made from them, not imported again.
    return { problems, project: projectOf(manifestPath, manifest, dir, files, result) };
}
function readManifest(manifestPath) {
    const abs = (0,external_node_path_.resolve)(manifestPath);
    if (!(0,external_node_fs_.existsSync)(abs)) {
        throw new errors/* ManifestError */.Sh(`${manifestPath}: manifest not found. Create one (see README, "Manifest") or pass --manifest PATH.`);
    }
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(abs, 'utf8');
    }
    catch (e) {
        throw new errors/* ManifestError */.Sh(`${manifestPath}: cannot be read: ${(0,errors/* messageOf */.bD)(e)}`);
    }
    return (0,manifest/* parseManifest */.Ng)(text, manifestPath);
}
function migrationsDir(manifestPath, manifest) {
    const dir = (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(manifestPath)), manifest.migrations);
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new errors/* ManifestError */.Sh(`${manifestPath}: migrations: folder ${(0,external_node_path_.relative)(process.cwd(), dir) || '.'} does not exist.`);
    }
    return dir;
}
/** Imports every migration file of a folder; a file that fails to import carries its error. */
async function readMigrationFiles(dir) {
    const names = (0,external_node_fs_.readdirSync)(dir)
        .filter((f) => CODE_FILE.test(f) && !f.endsWith('.d.ts') && !f.startsWith('.') && !f.startsWith('_'))
        .filter((f) => (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, f)).isFile())
        .sort();
    // Transpiled files are kept between runs (see transpile-cache.ts). A transpiler is loaded only
    // when a file is not in the cache: first Node's own type stripping where Node has it
    // (strip-transform.ts), babel only for what that does not take (or on Node 20), since babel is
    // the largest module a run would otherwise load.
    const cache = openTranspileCache(transpileCacheDir());
    const compiled = new Map();
    const jiti = (0,lib_jiti/* createJiti */.Z)((0,external_node_path_.join)(dir, 'noop.js'), {
        moduleCache: false,
        fsCache: false,
        interopDefault: false,
        virtualModules: authoringModules(),
        // The compiled text of each file is kept for the static analyzers (lint, plan).
        transform: (opts) => {
            const out = cache.transform(opts);
            if (opts.filename)
                compiled.set(opts.filename, out.code);
            return out;
        },
    });
    const infos = [];
    for (const f of names) {
        const path = (0,external_node_path_.join)(dir, f);
        const bytes = (0,external_node_fs_.readFileSync)(path);
        const info = {
            file: (0,external_node_path_.relative)(process.cwd(), path) || f,
            ...(0,local_imports/* migrationChecksums */.zJ)(path, bytes),
            abs: path,
        };
        let imported = await importMigration(jiti, path);
        while ('error' in imported && cache.needsTranspiler && (await addTranspiler(cache, dir))) {
            imported = await importMigration(jiti, path);
        }
        info.code = compiled.get(path) ?? bytes.toString('utf8');
        if ('error' in imported)
            info.loadError = firstLine((0,errors/* messageOf */.bD)(imported.error));
        else
            info.exported = imported.mod && typeof imported.mod === 'object' ? imported.mod.default : undefined;
        infos.push(info);
    }
    return infos;
}
async function importMigration(jiti, path) {
    try {
        return { mod: (await jiti.import(path)) };
    }
    catch (error) {
        return { error };
    }
}
/**
 * Which transpilers a miss may use: `strip` (Node's type stripping, strip-transform.ts) then
 * `babel` (jiti's), or only `babel` when DYNAMODB_MIGRATE_TRANSPILER=babel says so (to compare
 * the two, or to step around the light path).
 */
function transpilerOrder(env = process.env) {
    return env.DYNAMODB_MIGRATE_TRANSPILER === 'babel' ? ['babel'] : ['strip', 'babel'];
}
const nodeStripsTypes = typeof external_node_module_.stripTypeScriptTypes === 'function';
/**
 * Adds the next transpiler that may take the miss the cache could not serve, imported now:
 * type stripping when this Node has it (or the file is JavaScript, which needs no stripping),
 * then babel. False when none is left.
 */
async function addTranspiler(cache, dir) {
    const miss = cache.untaken;
    for (const name of transpilerOrder()) {
        if (cache.transpilers.includes(name))
            continue;
        if (name === 'strip') {
            if (!nodeStripsTypes && miss?.ts !== false)
                continue;
            const { nodeTypeStripper, stripTransform } = await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(152)]).then(__webpack_require__.bind(__webpack_require__, 2771));
            const strip = nodeTypeStripper();
            cache.addTranspiler('strip', (opts) => stripTransform(opts, strip));
            return true;
        }
        const { createJiti: createBabelJiti } = await __webpack_require__.e(/* import() */ 365).then(__webpack_require__.bind(__webpack_require__, 8365));
        const babel = createBabelJiti((0,external_node_path_.join)(dir, 'noop.js'), { moduleCache: false, fsCache: false });
        cache.addTranspiler('babel', (opts) => ({ code: babel.transform(opts) }));
        return true;
    }
    return false;
}
/**
 * Modules a migration file may import without installing anything beside it (the action
 * runs from its bundle, with no node_modules in the user's repository): our public API and
 * the same DynamoDB SDK that built ctx.client.
 */
function authoringModules() {
    return {
        'dynamodb-migrate': authoring_namespaceObject,
        '@aws-sdk/client-dynamodb': dist_cjs_namespaceObject,
        '@aws-sdk/util-dynamodb': util_dynamodb_dist_cjs_namespaceObject,
    };
}
function firstLine(s) {
    const line = s.split('\n').find((l) => l.trim()) ?? s;
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}


/***/ }),

/***/ 4579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zJ: () => (/* binding */ migrationChecksums)
/* harmony export */ });
/* unused harmony exports localSpecifiers, resolveLocal, localModulesOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_checksum__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1688);



/**
 * The files a migration runs: its own file and every local module it imports (relative
 * specifiers, followed recursively; packages are not local and are left out), each checksummed
 * from its bytes. Specifiers are found by a scan of the text rather than a parser, so that every
 * command can afford it: a commented-out import of a file that exists is counted too, which can
 * only make drift stricter, never miss it.
 */
/** `import … from './x'`, `export … from './x'`, `import './x'`, `import('./x')`, `require('./x')`. */
const SPECIFIER = /(?:\bfrom|\bimport|\bimport\s*\(|\brequire\s*\()\s*(['"`])(\.{1,2}\/[^'"`\n]*)\1/g;
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];
/** The relative specifiers in a module's text. */
function localSpecifiers(text) {
    const out = new Set();
    for (const m of text.matchAll(SPECIFIER))
        if (m[2])
            out.add(m[2]);
    return [...out];
}
/** The file a relative specifier names, as TypeScript and jiti resolve it; undefined when none. */
function resolveLocal(fromFile, spec) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(fromFile), spec);
    const candidates = [
        base,
        ...EXTENSIONS.map((e) => base + e),
        // TypeScript's ESM style: `./x.js` written for `./x.ts`.
        ...(/\.[mc]?js$/.test(base) ? ['.ts', '.mts', '.cts'].map((e) => base.replace(/\.[mc]?js$/, e)) : []),
        ...EXTENSIONS.map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, `index${e}`)),
    ];
    return candidates.find((c) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(c) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(c).isFile() && !c.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).includes('node_modules'));
}
/** Every local file reachable from a migration file by relative imports, the file itself first. */
function localModulesOf(path, read = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8')) {
    const seen = new Set([path]);
    const queue = [path];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        if (file.endsWith('.json'))
            continue;
        for (const spec of localSpecifiers(read(file))) {
            const found = resolveLocal(file, spec);
            if (found && !seen.has(found)) {
                seen.add(found);
                queue.push(found);
            }
        }
    }
    return [...seen];
}
/** The checksums recorded for a migration file: the file alone, and the file with its imports. */
function migrationChecksums(path, bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path)) {
    const fileChecksum = (0,_core_checksum__WEBPACK_IMPORTED_MODULE_2__/* .checksumOf */ .lf)(bytes);
    const files = localModulesOf(path, (p) => (p === path ? bytes.toString('utf8') : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8')));
    if (files.length === 1)
        return { checksum: fileChecksum, fileChecksum };
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
    const sources = {};
    for (const f of files)
        sources[(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(dir, f).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/')] = f === path ? fileChecksum : (0,_core_checksum__WEBPACK_IMPORTED_MODULE_2__/* .checksumOf */ .lf)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(f));
    return { checksum: (0,_core_checksum__WEBPACK_IMPORTED_MODULE_2__/* .treeChecksumOf */ .lT)(fileChecksum, sources), fileChecksum, sources };
}


/***/ }),

/***/ 5439:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 5439;
module.exports = webpackEmptyAsyncContext;

/***/ })

};

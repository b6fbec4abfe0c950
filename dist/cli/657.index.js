export const id = 657;
export const ids = [657];
export const modules = {

/***/ 1055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rx: () => (/* binding */ iamRoles),
/* harmony export */   Th: () => (/* binding */ renderIamText)
/* harmony export */ });
/* unused harmony exports PLACEHOLDER, compactJson */
/* harmony import */ var _workflows__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2968);

const OIDC_HOST = 'token.actions.githubusercontent.com';
/** Placeholders printed where init was not told the account or the repository. */
const PLACEHOLDER = { account: 'ACCOUNT_ID', repo: 'OWNER/REPO' };
/** What the table commands need to read: plan, status and drift (docs/action.md, "IAM policy: plan"). */
const READ = [
    'dynamodb:DescribeTable',
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:DescribeContinuousBackups',
];
/**
 * What apply adds: item writes of migrations and of the lock, audit log and checkpoints; records
 * and `_schema` written in transactions that check the lock (ConditionCheckItem); bulk writes;
 * PartiQL in-place updates (docs/lambda.md lists the same for the controller's role).
 */
const WRITE = [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:TransactWriteItems',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PartiQLUpdate',
];
/**
 * The two roles of docs/action.md, for these environments: a read-only plan role (pull requests
 * and the drift check) and an apply role that only the GitHub Environments can assume. With
 * `runner: lambda` the callers invoke the controller instead of writing to the table.
 */
function iamRoles(s) {
    const account = s.account ?? PLACEHOLDER.account;
    const repo = s.repo ?? PLACEHOLDER.repo;
    const local = s.environments.filter((e) => e.runner === 'local');
    const lambda = s.environments.filter((e) => e.runner === 'lambda');
    const prot = s.environments.filter((e) => e.protected);
    const tables = (envs) => envs.flatMap((e) => [tableArn(e, account), `${tableArn(e, account)}/index/*`]);
    const functions = [...new Set(lambda.map((e) => functionArn(e, account)))];
    const invoke = functions.length
        ? [{ Sid: 'InvokeController', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: functions }]
        : [];
    const planStatements = [
        ...(local.length ? [{ Sid: 'ReadTables', Effect: 'Allow', Action: READ, Resource: tables(local) }] : []),
        ...invoke,
    ];
    const applyStatements = [
        ...(local.length
            ? [{ Sid: 'ReadWriteTables', Effect: 'Allow', Action: [...READ, ...WRITE], Resource: tables(local) }]
            : []),
        // The recovery point of a protected table is taken by the caller, whatever the runner.
        ...(prot.length
            ? [
                {
                    Sid: 'RecoveryPoint',
                    Effect: 'Allow',
                    Action: [
                        ...(prot.some((e) => e.runner === 'lambda') ? ['dynamodb:DescribeContinuousBackups'] : []),
                        'dynamodb:CreateBackup',
                    ],
                    Resource: prot.map((e) => tableArn(e, account)),
                },
            ]
            : []),
        ...invoke,
    ];
    const planNotes = [`Trusted for pull requests and for the drift check, which runs on the ${s.branch} branch.`];
    const applyNotes = [
        `Trusted only for jobs in the GitHub Environments ${s.environments.map((e) => e.name).join(', ')}: create them (Settings -> Environments)${prot.length ? `, with required reviewers on ${prot.map((e) => e.name).join(', ')}` : ''}.`,
    ];
    if (lambda.length) {
        planNotes.push(`runner: lambda (${lambda.map((e) => e.name).join(', ')}): plans go through the controller, and a role that may invoke it is only as read-only as the function: give pull requests a function that only plans (docs/lambda.md).`);
        applyNotes.push(`The controller's own role needs the table writes (docs/lambda.md, "IAM"); add what your migrations call beyond the table.`);
    }
    else {
        applyNotes.push('Add what your migrations call beyond the table (another table, S3, ...).');
    }
    if (!s.account || !s.repo) {
        const missing = [!s.account && `${PLACEHOLDER.account} (--account)`, !s.repo && `${PLACEHOLDER.repo} (--repo)`]
            .filter(Boolean)
            .join(' and ');
        planNotes.push(`Replace ${missing} before you create it.`);
        applyNotes.push(`Replace ${missing} before you create it.`);
    }
    return {
        plan: {
            name: 'dynamodb-migrate-plan',
            variable: _workflows__WEBPACK_IMPORTED_MODULE_0__/* .ROLE_VARIABLES */ .fK.plan,
            purpose: 'read-only: plan on pull requests, drift check',
            trust: trustPolicy(account, [`repo:${repo}:pull_request`, `repo:${repo}:ref:refs/heads/${s.branch}`]),
            policy: { Version: '2012-10-17', Statement: planStatements },
            notes: planNotes,
        },
        apply: {
            name: 'dynamodb-migrate-apply',
            variable: _workflows__WEBPACK_IMPORTED_MODULE_0__/* .ROLE_VARIABLES */ .fK.apply,
            purpose: 'apply on merge, dispatch (rollback, reset, unlock, repair)',
            trust: trustPolicy(account, s.environments.map((e) => `repo:${repo}:environment:${e.name}`)),
            policy: { Version: '2012-10-17', Statement: applyStatements },
            notes: applyNotes,
        },
    };
}
/** The roles as text for the terminal: what to create, its trust and permissions policies. */
function renderIamText(roles) {
    const out = [
        'IAM: two roles that GitHub Actions assumes through OIDC (docs/action.md, step 2). Once per account, add the',
        `identity provider ${OIDC_HOST} with audience sts.amazonaws.com.`,
    ];
    for (const r of [roles.plan, roles.apply]) {
        out.push('', `${r.name} (${r.purpose}); store its ARN as the repository variable ${r.variable}.`, ...r.notes.map((n) => `  ${n}`), '  trust policy:', indent(compactJson(r.trust), 4), '  permissions policy:', indent(compactJson(r.policy), 4));
    }
    return out.join('\n');
}
function trustPolicy(account, subjects) {
    return {
        Version: '2012-10-17',
        Statement: [
            {
                Effect: 'Allow',
                Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${OIDC_HOST}` },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                    StringEquals: { [`${OIDC_HOST}:aud`]: 'sts.amazonaws.com', [`${OIDC_HOST}:sub`]: subjects },
                },
            },
        ],
    };
}
function tableArn(e, account) {
    return `arn:aws:dynamodb:${e.region}:${account}:table/${e.table}`;
}
function functionArn(e, account) {
    const fn = e.function ?? '';
    return fn.startsWith('arn:') ? fn : `arn:aws:lambda:${e.region}:${account}:function:${fn}`;
}
/** JSON with two-space indents, short arrays and objects of plain values on one line (easier to read, same JSON). */
function compactJson(value, depth = 0) {
    const pad = '  '.repeat(depth + 1);
    const end = '  '.repeat(depth);
    const flat = JSON.stringify(value);
    const plain = (v) => v === null || typeof v !== 'object';
    if (plain(value))
        return flat;
    const entries = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
    if (flat.length + depth * 2 <= 100 && entries.every(([, v]) => plain(v) || (Array.isArray(v) && v.every(plain)))) {
        return Array.isArray(value)
            ? flat.replace(/","/g, '", "')
            : flat
                .replace(/","/g, '", "')
                .replace(/":(?=\S)/g, '": ')
                .replace(/,"/g, ', "');
    }
    const body = entries.map(([k, v]) => `${pad}${k === undefined ? '' : `${JSON.stringify(k)}: `}${compactJson(v, depth + 1)}`);
    return Array.isArray(value) ? `[\n${body.join(',\n')}\n${end}]` : `{\n${body.join(',\n')}\n${end}}`;
}
function indent(text, n) {
    const pad = ' '.repeat(n);
    return text
        .split('\n')
        .map((l) => pad + l)
        .join('\n');
}


/***/ }),

/***/ 2006:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ displayPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** A path as init shows it: relative to the current directory, with forward slashes. */
function displayPath(abs) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(process.cwd(), abs).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/') || '.';
}


/***/ }),

/***/ 4657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/loader/load-project.ts + 2 modules
var load_project = __webpack_require__(9808);
// EXTERNAL MODULE: ./src/init/workflows.ts
var workflows = __webpack_require__(2968);
;// CONCATENATED MODULE: ./src/init/settings.ts

const ENV_NAME = /^[A-Za-z0-9_-]+$/;
const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const PRODUCTION_LIKE = /(^|[-_])(prod|production|prd|live)([-_]|$)/i;
/** Environments protected when --protected is not given: those named like production. */
function defaultProtected(names) {
    return names.filter((n) => PRODUCTION_LIKE.test(n));
}
/**
 * Checks an init request and resolves it into settings: one clear InputError (exit 2) naming
 * the flag and what was expected for the first thing wrong.
 */
function resolveInitSettings(req, ctx) {
    const fromTables = parseTables(req.tables);
    const adopted = ctx.adopted ?? [];
    const names = [...new Set([...adopted.map((e) => e.name), ...fromTables.map(([n]) => n)])];
    if (!names.length) {
        throw new errors/* InputError */.dz(ctx.oneTable
            ? `init --from-onetable: ${ctx.oneTable.source} names no table: pass --table <env>=<table> for each environment (e.g. --table dev=orders-dev).`
            : 'init: no table: pass --table <env>=<table> for each environment (e.g. --table dev=orders-dev --table production=orders-prod).');
    }
    const regionFlag = req.region;
    if (regionFlag !== undefined && !REGION.test(regionFlag))
        throw new errors/* InputError */.dz(`init --region ${regionFlag}: expected an AWS region such as us-east-1.`);
    const fallbackRegion = regionFlag ?? adopted.find((e) => e.region)?.region ?? ctx.defaultRegion;
    if (fallbackRegion !== undefined && !REGION.test(fallbackRegion)) {
        throw new errors/* InputError */.dz(`init: the region ${fallbackRegion} (from the AWS environment) is not an AWS region: pass --region, e.g. --region us-east-1.`);
    }
    const runners = perEnvironment('--runner', req.runner, names);
    for (const [env, r] of runners) {
        if (r !== 'local' && r !== 'lambda')
            throw new errors/* InputError */.dz(`init --runner ${env === '*' ? r : `${env}=${r}`}: expected local or lambda.`);
    }
    const functions = perEnvironment('--function', req.function, names);
    const environments = names.map((name) => {
        const base = adopted.find((e) => e.name === name);
        const table = fromTables.find(([n]) => n === name)?.[1] ?? base?.table;
        if (!table) {
            const from = ctx.oneTable ? ` (${ctx.oneTable.source} names none for it)` : '';
            throw new errors/* InputError */.dz(`init: environment ${name} has no table${from}: pass --table ${name}=<table>.`);
        }
        const region = regionFlag ?? base?.region ?? fallbackRegion;
        if (!region)
            throw new errors/* InputError */.dz('init: no region: pass --region (e.g. --region us-east-1), or set AWS_REGION.');
        const runner = (runners.get(name) ?? runners.get('*') ?? base?.runner ?? 'local');
        const fn = functions.get(name) ?? functions.get('*') ?? (runner === 'lambda' ? base?.function : undefined);
        if (runner === 'lambda' && !fn) {
            throw new errors/* InputError */.dz(`init --runner lambda: environment ${name} needs its controller: pass --function <name or ARN> (or --function ${name}=<name or ARN>).`);
        }
        const env = { name, table, region, protected: false, runner };
        if (runner === 'lambda') {
            env.function = fn;
            if (base?.protocol && base.function === fn)
                env.protocol = base.protocol;
        }
        return env;
    });
    const protectedNames = parseProtected(req.protected, names);
    for (const e of environments)
        e.protected = protectedNames.includes(e.name);
    const migrationsDir = normalizeRelative('--migrations', req.migrations ?? 'migrations');
    const manifestPath = normalizeRelative('--manifest', req.manifest ?? joinPosix(migrationsDir, 'manifest.yaml'));
    if (!/\.ya?ml$/.test(manifestPath))
        throw new errors/* InputError */.dz(`init --manifest ${manifestPath}: expected a .yaml or .yml file.`);
    const branch = req.branch ?? 'main';
    if (!/^[A-Za-z0-9._/-]+$/.test(branch))
        throw new errors/* InputError */.dz(`init --branch ${branch}: expected a branch name such as main.`);
    if (req.repo !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(req.repo))
        throw new errors/* InputError */.dz(`init --repo ${req.repo}: expected owner/name, e.g. acme/orders.`);
    if (req.account !== undefined && !/^\d{12}$/.test(req.account))
        throw new errors/* InputError */.dz(`init --account ${req.account}: expected a 12-digit AWS account id.`);
    return {
        environments,
        region: environments[0].region,
        manifestPath,
        migrationsDir,
        branch,
        repo: req.repo,
        account: req.account,
        workflows: req.workflows,
        toolVersion: ctx.toolVersion,
        schemaRef: ctx.installedSchema
            ? relativePosix(dirnamePosix(manifestPath), ctx.installedSchema)
            : schemaUrl(ctx.toolVersion),
        firstMigration: !ctx.hasMigrations && !ctx.oneTable,
        oneTable: ctx.oneTable,
    };
}
/** `env=table` entries, commas allowed; a single bare table name is the environment `dev`. */
function parseTables(raw) {
    const entries = raw
        .flatMap((r) => r.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
    const out = [];
    for (const entry of entries) {
        const eq = entry.indexOf('=');
        if (eq < 0 && entries.length > 1) {
            throw new errors/* InputError */.dz(`init --table ${entry}: with several tables, name each one's environment: --table <env>=<table> (e.g. --table dev=${entry}).`);
        }
        const name = eq < 0 ? 'dev' : entry.slice(0, eq).trim();
        const table = eq < 0 ? entry : entry.slice(eq + 1).trim();
        if (!ENV_NAME.test(name))
            throw new errors/* InputError */.dz(`init --table ${entry}: the environment name "${name}" may use letters, digits, _ and - only.`);
        if (!TABLE_NAME.test(table))
            throw new errors/* InputError */.dz(`init --table ${entry}: "${table}" is not a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -).`);
        if (out.some(([n]) => n === name))
            throw new errors/* InputError */.dz(`init --table ${entry}: environment ${name} is given twice.`);
        out.push([name, table]);
    }
    return out;
}
/** A value for every environment (`*`), or `env=value` entries naming declared environments. */
function perEnvironment(flag, raw, names) {
    const out = new Map();
    if (raw === undefined)
        return out;
    const entries = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (!entries.length)
        throw new errors/* InputError */.dz(`init ${flag}: expected a value.`);
    for (const entry of entries) {
        // An ARN holds ":" but no "=", so `=` alone marks an environment.
        const eq = entry.indexOf('=');
        if (eq < 0) {
            if (entries.length > 1)
                throw new errors/* InputError */.dz(`init ${flag} ${raw}: give one value for all environments, or <env>=<value> entries.`);
            out.set('*', entry);
            continue;
        }
        const name = entry.slice(0, eq).trim();
        if (!names.includes(name))
            throw new errors/* InputError */.dz(`init ${flag} ${entry}: no environment ${name} (the environments are ${names.join(', ')}).`);
        out.set(name, entry.slice(eq + 1).trim());
    }
    return out;
}
function parseProtected(raw, names) {
    if (raw === undefined)
        return defaultProtected(names);
    const list = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (list.length === 1 && list[0] === 'none')
        return [];
    for (const n of list) {
        if (!names.includes(n))
            throw new errors/* InputError */.dz(`init --protected ${raw}: no environment ${n} (the environments are ${names.join(', ')}; "none" protects none).`);
    }
    return list;
}
function normalizeRelative(flag, p) {
    if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p))
        throw new errors/* InputError */.dz(`init ${flag} ${p}: expected a path relative to the repository root.`);
    const parts = [];
    for (const seg of p.replace(/\\/g, '/').split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (!parts.length)
                throw new errors/* InputError */.dz(`init ${flag} ${p}: expected a path inside the repository (no leading ..).`);
            parts.pop();
        }
        else
            parts.push(seg);
    }
    return parts.join('/') || '.';
}
/** The manifest's JSON Schema as published with a release (for editors, without installing the package). */
function schemaUrl(toolVersion) {
    return `https://raw.githubusercontent.com/dynamodb-migrate/dynamodb-migrate/v${toolVersion}/schema/manifest.schema.json`;
}
/** Joins POSIX path parts, `.` meaning the root. */
function joinPosix(...parts) {
    return parts.filter((p) => p && p !== '.').join('/') || '.';
}
/** The POSIX path of `to` relative to the folder `from` (both relative to the root). */
function relativePosix(from, to) {
    const a = from === '.' ? [] : from.split('/');
    const b = to === '.' ? [] : to.split('/');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i])
        i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}
/** The folder part of a POSIX path. */
function dirnamePosix(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : p.slice(0, i);
}

// EXTERNAL MODULE: ./src/core/manifest.ts + 1 modules
var core_manifest = __webpack_require__(8178);
;// CONCATENATED MODULE: ./src/init/onetable-adapter.ts
/**
 * The adapter `init --from-onetable` writes beside OneTable migrations that keep OneTable's
 * signature `up(db, migrate, params)`: wrapped in `fromOneTable(...)`, such a file runs under
 * dynamodb-migrate (which calls `up(ctx)`) with a OneTable Table built on ctx.client, and still
 * runs under OneTable Migrate as before.
 */
/** The adapter's file name: a leading `_` keeps our loader from taking it for a migration. */
const ONETABLE_ADAPTER_FILE = '_onetable.js';
/** Keys of migrate.json5's `onetable` block that stay out of the committed adapter. */
const LEFT_OUT = new Set(['name', 'client', 'crypto', 'schema', 'logger']);
/**
 * The adapter's source. `tableParams` is migrate.json5's `onetable` block (its name, client,
 * schema and crypto settings left out: the table comes from ctx, and keys do not belong in git).
 */
function renderOneTableAdapter(format, tableParams) {
    const params = Object.fromEntries(Object.entries(tableParams).filter(([k]) => !LEFT_OUT.has(k)));
    const crypto = 'crypto' in tableParams;
    const imp = format === 'esm' ? "import { Table } from 'dynamodb-onetable';" : "const { Table } = require('dynamodb-onetable');";
    const exp = format === 'esm' ? 'export function fromOneTable(migration) {' : 'function fromOneTable(migration) {';
    return `// Written by \`dynamodb-migrate init --from-onetable\`. Runs a OneTable Migrate migration, whose up and
// down take (db, migrate, params), under dynamodb-migrate, which calls up(ctx) and down(ctx):
//
//   ${format === 'esm' ? "import { fromOneTable } from './_onetable.js';" : "const { fromOneTable } = require('./_onetable.js');"}
//   ${format === 'esm' ? 'export default fromOneTable({' : 'module.exports = fromOneTable({'} version: '1.0.0', schema, async up(db, migrate, params) { ... }, ... });
//
// db is a OneTable Table on ctx.client (dry runs get a client that refuses writes) and ctx.table,
// with the migration's schema; migrate.params.profile is $PROFILE, as the OneTable CLI reads it;
// params.dry is ctx.params.dryRun. OneTable Migrate itself still runs the wrapped file unchanged.
// Wrapping changes the file's checksum: harmless for versions OneTable applied (their records hold
// none); for a version dynamodb-migrate applied, run \`repair --mark applied --reason ...\` after.
// (The leading _ keeps dynamodb-migrate's loader from taking this file for a migration.)
${imp}

/** migrate.json5's onetable settings${crypto ? ' (crypto left out: add the keys from your secrets here if migrations read encrypted fields)' : ''}. */
const TABLE_PARAMS = ${JSON.stringify(params)};

${exp}
  const wrap = (fn) =>
    fn &&
    function (first, ...rest) {
      // Called by OneTable Migrate: (db, migrate, params) as before.
      if (first && typeof first.setClient === 'function') return fn.call(this, first, ...rest);
      const ctx = first;
      const db = new Table({ ...TABLE_PARAMS, client: ctx.client, name: ctx.table, schema: migration.schema });
      const migrate = { params: { profile: process.env.PROFILE } };
      return fn.call(this, db, migrate, { dry: ctx.params.dryRun });
    };
  return { ...migration, up: wrap(migration.up), down: wrap(migration.down) };
}
${format === 'cjs' ? '\nmodule.exports = { fromOneTable };\n' : ''}`;
}

;// CONCATENATED MODULE: ./src/init/files.ts




/** The first migration's file name (in the migrations folder). */
const FIRST_MIGRATION = '1.0.0-initial.ts';
/**
 * Every file init writes for these settings, in the order it reports them: the manifest, the
 * OneTable adapter (when adopted files keep OneTable's signature), the first migration (unless
 * the folder has migrations already), and the four workflows.
 * The manifest is checked against the real schema here, so init never writes one that lint refuses.
 */
function planInitFiles(s) {
    const manifest = renderManifest(s);
    (0,core_manifest/* parseManifest */.Ng)(manifest, s.manifestPath);
    const files = [{ path: s.manifestPath, kind: 'manifest', content: manifest }];
    const ot = s.oneTable;
    if (ot?.legacySignature.length) {
        files.push({
            path: joinPosix(s.migrationsDir, ONETABLE_ADAPTER_FILE),
            kind: 'adapter',
            content: renderOneTableAdapter(ot.format, ot.tableParams),
        });
    }
    if (s.firstMigration)
        files.push({
            path: joinPosix(s.migrationsDir, FIRST_MIGRATION),
            kind: 'migration',
            content: renderFirstMigration(),
        });
    if (s.workflows)
        files.push(...(0,workflows/* renderWorkflows */.L5)(s).map((w) => ({ ...w, kind: 'workflow' })));
    return files;
}
/** The manifest, with its `$schema` line and a comment on every choice init made. */
function renderManifest(s) {
    const migrations = relativePosix(dirnamePosix(s.manifestPath), s.migrationsDir);
    const lines = [`# yaml-language-server: $schema=${s.schemaRef}`];
    if (s.oneTable)
        lines.push(...oneTableHeader(s));
    else
        lines.push(`# Written by \`dynamodb-migrate init\` (${s.toolVersion}). The format: README, "Manifest".`);
    lines.push('version: 1', commented(`migrations: ${(0,workflows/* yamlScalar */.Ew)(migrations)}`, 'folder of migration files, relative to this file'), 'environments:');
    s.environments.forEach((e, i) => {
        lines.push(`  ${(0,workflows/* yamlScalar */.Ew)(e.name)}:`, `    table: ${(0,workflows/* yamlScalar */.Ew)(e.table)}`, `    region: ${e.region}`);
        lines.push(i === 0
            ? commented('    target: latest', 'the highest version in the folder; pin one (1.2.0) to hold an environment back')
            : '    target: latest');
        if (e.protected) {
            lines.push(commented('    protected: true', 'reset refused; down/to need --confirm <table>; a recovery point before apply'));
            lines.push(commented('    recovery-point: pitr-or-backup', 'pitr | backup | pitr-or-backup | none'));
        }
        else if (s.oneTable?.hasReset) {
            lines.push(commented('    # allow-reset: true', 'allow the reset migration here (it rewrites the history; never on protected)'));
        }
        if (e.runner === 'lambda') {
            lines.push(commented('    runner: lambda', 'run through a Lambda controller (docs/lambda.md)'));
            lines.push(`    function: ${(0,workflows/* yamlScalar */.Ew)(e.function ?? '')}`);
            if (e.protocol === 'onetable')
                lines.push(commented('    protocol: onetable', 'an existing OneTable Controller (migrate.json5 "arn")'));
        }
    });
    return `${lines.join('\n')}\n`;
}
function oneTableHeader(s) {
    const ot = s.oneTable;
    const folder = ot.source.endsWith('/') ? `folder ${ot.source}` : `folder that ${ot.source} names`;
    const out = [
        `# Written by \`dynamodb-migrate init --from-onetable\` (${s.toolVersion}) around the OneTable Migrate`,
        `# ${folder}. Nothing was baselined: the _migration records OneTable wrote are this`,
        "# tool's history as they are, so status and plan start from the version each table is at.",
    ];
    if (ot.legacySignature.length) {
        const viaController = s.environments.filter((e) => e.protocol === 'onetable').map((e) => e.name);
        out.push('#', `# NOT RUNNABLE AS ${ot.legacySignature.length === 1 ? 'IT IS' : 'THEY ARE'}: ${ot.legacySignature.join(', ')} ${ot.legacySignature.length === 1 ? 'uses' : 'use'} OneTable's up(db, migrate, params).`, '# dynamodb-migrate calls up(ctx) and down(ctx) (ctx.client, ctx.table, ctx.data: README, "Writing a', '# migration"), so these fail if they run here: a down past them, a reset, or an apply on a table', '# that does not have them yet. Versions a table already has never run again. Before they may', `# run, wrap each one in fromOneTable(...) from ${ONETABLE_ADAPTER_FILE} (written beside them), or rewrite it:`, '# docs/init.md, "Adopting OneTable migrations".', ...(viaController.length
            ? [
                `# (${viaController.join(', ')}: protocol onetable, so the OneTable Controller runs its own copies, as before.)`,
            ]
            : []));
    }
    return out;
}
/** The first migration: records 1.0.0 and changes no data; comments show where real work goes. */
function renderFirstMigration() {
    return `import { defineMigration } from 'dynamodb-migrate';

// The first version: applying it records 1.0.0 in the table (one _migration item) and changes no
// data. Write the next one with \`dynamodb-migrate generate <slug>\` (README, "Writing a migration").
export default defineMigration({
  version: '1.0.0',
  description: 'Start versioning the table (changes no data)',
  idempotent: true, // up can run again safely: allows \`apply --resume\` after a failure
  // irreversible: true, // no down: rolling back past this version is refused

  async up(ctx) {
    ctx.log.info(\`\${ctx.table}: versioned by dynamodb-migrate from 1.0.0\`);
    // Real work goes through the bulk engine (parallel scan, batched writes, checkpoints), e.g.:
    // await ctx.data.transform({ type: 'Customer' }, (item) => (item.status ? undefined : { set: { status: 'active' } }));
  },

  async down(ctx) {
    ctx.log.info(\`\${ctx.table}: back before 1.0.0\`);
    // Undo what up did, e.g.:
    // await ctx.data.transform({ type: 'Customer' }, () => ({ remove: ['status'] }));
  },

  // After up (and after down), with a read-only ctx: return what is wrong; any finding fails the step
  // (README, "Preconditions, post-checks and the canary"). For the transform above, e.g.:
  async verify(ctx) {
    // const missing = await ctx.data.count({ type: 'Customer' }, (c) => !c.status);
    // if (ctx.direction === 'up' && missing.count) return [{ message: 'Customers without a status', ...missing }];
    ctx.log.debug('verify: nothing to check in 1.0.0');
    return [];
  },
});
`;
}
/** A line with its comment, the comments of a file lined up in one column. */
function commented(line, comment) {
    return `${line}${' '.repeat(Math.max(1, 36 - line.length))}# ${comment}`;
}

// EXTERNAL MODULE: ./src/init/iam.ts
var iam = __webpack_require__(1055);
// EXTERNAL MODULE: ./src/core/lint.ts
var lint = __webpack_require__(3790);
// EXTERNAL MODULE: ./src/core/version.ts
var core_version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/init/onetable-config.ts



const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' && v ? v : undefined);
/**
 * Reads a parsed `migrate.json5`: `onetable.name` (or `name`) is the table, `aws.region` the
 * region, `arn` a OneTable Controller (runner: lambda, protocol: onetable), and each of
 * `profiles` (merged over the top level, as the OneTable CLI merges them) an environment.
 */
function readOneTableConfig(data, file) {
    if (!isObject(data))
        throw new errors/* InputError */.dz(`${file}: expected an object ({ onetable: { name }, dir, ... }).`);
    const { profiles, ...top } = data;
    if (profiles !== undefined && !isObject(profiles))
        throw new errors/* InputError */.dz(`${file}: profiles: expected an object of profiles.`);
    const notes = [];
    const named = profiles && Object.keys(profiles).length ? Object.entries(profiles) : [[str(top.profile) ?? 'dev', {}]];
    const environments = named.map(([name, profile]) => {
        if (!/^[A-Za-z0-9_-]+$/.test(name))
            throw new errors/* InputError */.dz(`${file}: profile "${name}": an environment name may use letters, digits, _ and - only.`);
        const c = merge(top, isObject(profile) ? profile : {});
        const onetable = isObject(c.onetable) ? c.onetable : {};
        const aws = isObject(c.aws) ? c.aws : {};
        const arn = str(c.arn);
        const endpoint = str(c.endpoint) ?? str(aws.endpoint);
        if (endpoint)
            notes.push(`${name}: migrate.json5 sets endpoint ${endpoint}; the manifest has no endpoint: pass --endpoint ${endpoint} to the CLI for it.`);
        if (onetable.crypto !== undefined)
            notes.push(`${name}: onetable.crypto is set; ctx.data reads items as stored, so encrypted attributes reach migrations encrypted.`);
        const env = {
            name,
            table: str(onetable.name) ?? str(c.name),
            region: str(aws.region) ?? str(c.region),
            runner: arn ? 'lambda' : 'local',
        };
        if (arn) {
            env.function = arn;
            env.protocol = 'onetable';
        }
        return env;
    });
    return { dir: str(top.dir), environments, tableParams: isObject(top.onetable) ? top.onetable : {}, notes };
}
function merge(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b))
        out[k] = isObject(v) && isObject(a[k]) ? merge(a[k], v) : v;
    return out;
}
/**
 * Whether a migration function keeps OneTable's signature `up(db, migrate, params)`: it declares
 * more than one parameter, or its only one is named `db` (OneTable's Table). dynamodb-migrate calls
 * `up(ctx)`, so such a function would get ctx as `db` and undefined for the rest.
 */
function hasOneTableSignature(fn) {
    if (typeof fn !== 'function')
        return false;
    if (fn.length > 1)
        return true;
    const params = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(fn))?.[1] ?? '';
    return /^\s*db\s*(=|,|$)/.test(params);
}
/** The kind of a file in a OneTable folder, by its name, as our loader will see it. */
function oneTableFileKind(base) {
    const stem = (0,lint/* stemOf */.Vc)(base);
    if (stem === core_version.RESET || stem === core_version.LEGACY_RESET)
        return 'reset';
    const version = /^(\d+\.\d+\.\d+)/.exec(stem)?.[1];
    return version && (0,core_version.isVersion)(version) ? 'versioned' : 'other';
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/init/json5.ts

/**
 * Parses JSON5 text (what OneTable's `migrate.json5` is written in): comments, unquoted keys,
 * single-quoted strings, trailing commas, hex numbers, leading or trailing decimal points,
 * Infinity and NaN. Errors name the file, line and column. Written here rather than taken as a
 * dependency: one config file is read, once, by `init --from-onetable`.
 */
function parseJson5(text, file) {
    const p = new Json5Parser(text, file);
    p.skipSpace();
    const value = p.value();
    p.skipSpace();
    if (!p.atEnd())
        p.fail('unexpected text after the value');
    return value;
}
const IDENT_START = /[A-Za-z_$\p{L}]/u;
const IDENT_PART = /[A-Za-z0-9_$\p{L}\p{N}\u200c\u200d]/u;
const ESCAPES = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };
class Json5Parser {
    s;
    file;
    i = 0;
    constructor(s, file) {
        this.s = s;
        this.file = file;
    }
    atEnd() {
        return this.i >= this.s.length;
    }
    fail(what) {
        const before = this.s.slice(0, this.i);
        const line = before.split('\n').length;
        const col = this.i - before.lastIndexOf('\n');
        throw new errors/* InputError */.dz(`${this.file}:${line}:${col}: invalid JSON5: ${what}.`);
    }
    skipSpace() {
        for (;;) {
            const c = this.s[this.i];
            if (c === undefined)
                return;
            if (/\s|\ufeff/.test(c))
                this.i++;
            else if (this.s.startsWith('//', this.i)) {
                const end = this.s.indexOf('\n', this.i);
                this.i = end < 0 ? this.s.length : end + 1;
            }
            else if (this.s.startsWith('/*', this.i)) {
                const end = this.s.indexOf('*/', this.i + 2);
                if (end < 0)
                    this.fail('unterminated /* comment');
                this.i = end + 2;
            }
            else
                return;
        }
    }
    value() {
        const c = this.s[this.i];
        if (c === '{')
            return this.object();
        if (c === '[')
            return this.array();
        if (c === '"' || c === "'")
            return this.string();
        if (c !== undefined && /[-+.0-9]/.test(c))
            return this.number();
        const word = this.identifier();
        if (word === 'true')
            return true;
        if (word === 'false')
            return false;
        if (word === 'null')
            return null;
        if (word === 'Infinity')
            return Number.POSITIVE_INFINITY;
        if (word === 'NaN')
            return Number.NaN;
        if (word)
            this.fail(`unexpected word "${word}"`);
        return this.fail(c === undefined ? 'unexpected end of text' : `unexpected "${c}"`);
    }
    object() {
        const out = {};
        this.i++;
        for (;;) {
            this.skipSpace();
            if (this.s[this.i] === '}') {
                this.i++;
                return out;
            }
            const c = this.s[this.i];
            const key = c === '"' || c === "'" ? this.string() : this.identifier();
            if (!key && c !== '"' && c !== "'")
                this.fail('expected a key');
            this.skipSpace();
            if (this.s[this.i] !== ':')
                this.fail(`expected ":" after "${key}"`);
            this.i++;
            this.skipSpace();
            Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
            this.skipSpace();
            if (this.s[this.i] === ',')
                this.i++;
            else if (this.s[this.i] !== '}')
                this.fail('expected "," or "}"');
        }
    }
    array() {
        const out = [];
        this.i++;
        for (;;) {
            this.skipSpace();
            if (this.s[this.i] === ']') {
                this.i++;
                return out;
            }
            out.push(this.value());
            this.skipSpace();
            if (this.s[this.i] === ',')
                this.i++;
            else if (this.s[this.i] !== ']')
                this.fail('expected "," or "]"');
        }
    }
    string() {
        const quote = this.s[this.i];
        let out = '';
        this.i++;
        for (;;) {
            const c = this.s[this.i];
            if (c === undefined || c === '\n')
                this.fail('unterminated string');
            this.i++;
            if (c === quote)
                return out;
            if (c !== '\\') {
                out += c;
                continue;
            }
            const e = this.s[this.i++];
            if (e === undefined)
                this.fail('unterminated string');
            if (e === '\r' && this.s[this.i] === '\n')
                this.i++;
            else if (e === '\n' || e === '\r' || e === '\u2028' || e === '\u2029')
                continue;
            else if (e === 'x' || e === 'u') {
                const n = e === 'x' ? 2 : 4;
                const hex = this.s.slice(this.i, this.i + n);
                if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex))
                    this.fail(`bad \\${e} escape`);
                out += String.fromCharCode(Number.parseInt(hex, 16));
                this.i += n;
            }
            else
                out += ESCAPES[e] ?? e;
        }
    }
    number() {
        const m = /^[-+]?(0[xX][0-9a-fA-F]+|Infinity|NaN|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(this.s.slice(this.i));
        if (!m)
            this.fail('bad number');
        this.i += m[0].length;
        const sign = m[0].startsWith('-') ? -1 : 1;
        const body = m[1];
        if (/^0[xX]/.test(body))
            return sign * Number.parseInt(body.slice(2), 16);
        if (body === 'Infinity')
            return sign * Number.POSITIVE_INFINITY;
        if (body === 'NaN')
            return Number.NaN;
        return sign * Number(body);
    }
    identifier() {
        const start = this.i;
        if (!IDENT_START.test(this.s[this.i] ?? ''))
            return '';
        this.i++;
        while (IDENT_PART.test(this.s[this.i] ?? ''))
            this.i++;
        return this.s.slice(start, this.i);
    }
}

;// CONCATENATED MODULE: ./src/init/onetable-folder.ts







const CONFIG_FILES = ['migrate.json5', 'migrate.json'];
const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/**
 * Reads a OneTable Migrate folder: `given` is the folder holding `migrate.json5` (whose `dir`
 * names the migrations), that file itself, or the migrations folder. Its files are loaded by our
 * own loader before anything is written, so init refuses (exit 2, every problem listed) a folder
 * the manifest could not load.
 */
async function readOneTableFolder(given, root) {
    const abs = (0,external_node_path_.resolve)(given);
    if (!(0,external_node_fs_.existsSync)(abs))
        throw new errors/* InputError */.dz(`init --from-onetable ${given}: no such file or folder.`);
    let configFile;
    if ((0,external_node_fs_.statSync)(abs).isFile())
        configFile = abs;
    else
        configFile = CONFIG_FILES.map((f) => (0,external_node_path_.join)(abs, f)).find((f) => (0,external_node_fs_.existsSync)(f));
    const config = configFile
        ? readOneTableConfig(parseJson5((0,external_node_fs_.readFileSync)(configFile, 'utf8'), rel(configFile)), rel(configFile))
        : undefined;
    const dir = config?.dir ? (0,external_node_path_.resolve)((0,external_node_path_.dirname)(configFile), config.dir) : configFile ? (0,external_node_path_.dirname)(configFile) : abs;
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new errors/* InputError */.dz(`init --from-onetable ${given}: ${rel(configFile)} names the migrations folder ${config?.dir}, which does not exist.`);
    }
    const inRoot = (0,external_node_path_.relative)(root, dir);
    if (inRoot.startsWith('..') || (0,external_node_path_.resolve)(root, inRoot) !== dir) {
        throw new errors/* InputError */.dz(`init --from-onetable ${given}: the migrations folder ${dir} is outside the repository ${root}: run init from the repository (or pass --root).`);
    }
    const codeFiles = (0,external_node_fs_.readdirSync)(dir).filter((f) => CODE_FILE.test(f) &&
        !f.endsWith('.d.ts') &&
        !f.startsWith('.') &&
        !f.startsWith('_') &&
        (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, f)).isFile());
    if (!codeFiles.some((f) => oneTableFileKind(f) === 'versioned')) {
        throw new errors/* InputError */.dz(`init --from-onetable ${given}: ${rel(dir) || '.'} has no migration files named by version (0.0.1.js, 1.0.0.js, ...).`);
    }
    const others = codeFiles.filter((f) => oneTableFileKind(f) === 'other');
    const project = await loadWithOurLoader(dir, given, others);
    const legacySignature = [...project.migrations, ...(project.reset ? [project.reset] : [])]
        .filter((m) => hasOneTableSignature(m.up) || hasOneTableSignature(m.down))
        .map((m) => (0,external_node_path_.basename)(m.path));
    const first = legacySignature[0];
    const format = first && /\bmodule\.exports\b/.test((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, first), 'utf8')) ? 'cjs' : 'esm';
    const source = configFile ? rel(configFile, root) : `${toPosix(inRoot) || '.'}/`;
    return {
        migrationsDir: toPosix(inRoot) || '.',
        adopted: config?.environments ?? [],
        adoption: { source, legacySignature, hasReset: !!project.reset, format, tableParams: config?.tableParams ?? {} },
        notes: config?.notes ?? [],
    };
}
/**
 * Loads the folder as a manifest around it will: through lintProject, with a throwaway manifest
 * in a temporary folder, so a folder our loader refuses is reported before anything is written.
 */
async function loadWithOurLoader(dir, given, others) {
    const tmp = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'dm-init-'));
    try {
        const manifest = (0,external_node_path_.join)(tmp, 'manifest.yaml');
        (0,external_node_fs_.writeFileSync)(manifest, `version: 1\nmigrations: ${JSON.stringify(dir)}\nenvironments:\n  adopt:\n    table: adopt-check\n`);
        const { problems, project } = await (0,load_project.lintProject)(manifest);
        if (project && !problems.length)
            return project;
        const hint = others.length
            ? `\nOur loader takes every .js/.ts file in the migrations folder for a migration; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not named by version. Move helper modules (a shared schema.js) into a subfolder such as schema/ (and update their imports), or rename them with a leading _ (skipped); give a named OneTable migration a version, or move it out of the folder.`
            : '';
        throw new errors/* InputError */.dz(`init --from-onetable ${given}: our loader cannot load ${rel(dir) || '.'} as it is (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}${hint}`);
    }
    catch (e) {
        if (e instanceof errors/* InputError */.dz)
            throw e;
        throw new errors/* InputError */.dz(`init --from-onetable ${given}: cannot load ${rel(dir)}: ${(0,errors/* messageOf */.bD)(e)}`);
    }
    finally {
        (0,external_node_fs_.rmSync)(tmp, { recursive: true, force: true });
    }
}
function rel(p, from = process.cwd()) {
    return toPosix((0,external_node_path_.relative)(from, p)) || '.';
}
function toPosix(p) {
    return p.split(external_node_path_.sep).join('/');
}

;// CONCATENATED MODULE: ./src/init/questions.ts

/**
 * Asks for what the flags left out, in the order a person decides it: environments and their
 * tables, region, migrations folder, runner (and controller), protected environments. Flags given
 * are never asked again.
 */
async function askMissing(req, ask, d, given) {
    const tables = [...req.tables];
    const out = { ...req, tables };
    const tableFor = (env) => `${slug(d.project)}-${env}`;
    if (!tables.length) {
        if (d.known.length) {
            for (const k of d.known.filter((e) => !e.table))
                tables.push(`${k.name}=${await ask(`Table for ${k.name}`, tableFor(k.name))}`);
        }
        else {
            const envs = (await ask('Environments, in the order merges apply to them (comma-separated)', 'dev,production'))
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
            for (const env of envs)
                tables.push(`${env}=${await ask(`Table for ${env}`, tableFor(env))}`);
        }
    }
    const regionKnown = d.known.length > 0 && d.known.every((k) => k.region);
    if (out.region === undefined && !regionKnown)
        out.region = await ask('AWS region', d.region ?? 'us-east-1');
    if (!given.migrations && out.migrations === undefined)
        out.migrations = await ask('Migrations folder (relative to the repository)', 'migrations');
    if (out.runner === undefined) {
        out.runner = await ask('Runner: local (in the CI job) or lambda (through a Lambda controller)', 'local');
        if (out.runner === 'lambda' && out.function === undefined)
            out.function = await ask('Controller function (name or ARN)', 'migrate-controller');
    }
    if (out.protected === undefined) {
        const names = [
            ...new Set([
                ...d.known.map((k) => k.name),
                ...tables.map((t) => (t.includes('=') ? t.slice(0, t.indexOf('=')) : 'dev')),
            ]),
        ];
        out.protected = await ask('Protected environments (comma-separated, or none)', defaultProtected(names).join(',') || 'none');
    }
    return out;
}
function slug(name) {
    return (name
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'app');
}

// EXTERNAL MODULE: ./src/init/paths.ts
var paths = __webpack_require__(2006);
;// CONCATENATED MODULE: ./src/init/run-init.ts














/**
 * Runs init: settings from the flags (and answers), the files from the templates, a refusal
 * naming every file that exists (unless --force) before anything is written, then the writes.
 */
async function runInit(f, io) {
    const root = (0,external_node_path_.resolve)(f.root ?? '.');
    if (!(0,external_node_fs_.existsSync)(root))
        throw new errors/* InputError */.dz(`init --root ${f.root}: no such folder.`);
    const notes = [];
    let oneTable;
    if (f.fromOnetable !== undefined) {
        if (f.migrations !== undefined)
            throw new errors/* InputError */.dz('init: --migrations and --from-onetable conflict: the OneTable folder is the migrations folder.');
        oneTable = await readOneTableFolder(f.fromOnetable, root);
        notes.push(...oneTable.notes);
    }
    let manifest;
    if (io.manifestGiven && f.manifest) {
        const abs = (0,external_node_path_.resolve)(f.manifest);
        manifest = (0,external_node_path_.relative)(root, abs);
        if (manifest.startsWith('..'))
            throw new errors/* InputError */.dz(`init --manifest ${f.manifest}: expected a path inside the repository ${root}.`);
        manifest = manifest.split(external_node_path_.sep).join('/');
    }
    let req = {
        tables: f.table ?? [],
        region: f.region,
        migrations: oneTable ? oneTable.migrationsDir : f.migrations,
        manifest: manifest ??
            (oneTable ? `${oneTable.migrationsDir === '.' ? '' : `${oneTable.migrationsDir}/`}manifest.yaml` : undefined),
        runner: f.runner,
        function: f.function,
        protected: f.protected,
        branch: f.branch,
        repo: f.repo ?? repositoryOf(root, io.env),
        account: f.account,
        workflows: f.workflows,
    };
    const defaultRegion = io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
    if (io.ask) {
        req = await askMissing(req, io.ask, { project: (0,external_node_path_.basename)(root), region: defaultRegion, known: oneTable?.adopted ?? [] }, { migrations: !!oneTable || !!manifest });
    }
    const installed = 'node_modules/dynamodb-migrate/schema/manifest.schema.json';
    let settings = resolveInitSettings(req, {
        toolVersion: package_0/* version */.rE,
        installedSchema: (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, installed)) ? installed : undefined,
        defaultRegion,
        adopted: oneTable?.adopted,
        hasMigrations: false,
        oneTable: oneTable?.adoption,
    });
    const existing = migrationFilesIn((0,external_node_path_.join)(root, settings.migrationsDir));
    if (settings.firstMigration && existing.length) {
        settings = { ...settings, firstMigration: false };
        notes.push(`${settings.migrationsDir}/ already holds ${existing.length} migration file(s) (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', ...' : ''}): no first migration written.`);
    }
    if (!settings.repo || !settings.account) {
        notes.push(`The IAM policies hold placeholders: pass ${[!settings.repo && '--repo owner/name', !settings.account && '--account <id>'].filter(Boolean).join(' and ')} to fill them in.`);
    }
    const legacy = oneTable?.adoption.legacySignature ?? [];
    if (legacy.length) {
        const viaController = settings.environments.filter((e) => e.protocol === 'onetable').map((e) => e.name);
        notes.push(`${legacy.join(', ')} ${legacy.length === 1 ? 'uses' : 'use'} OneTable's up(db, migrate, params); dynamodb-migrate calls up(ctx)/down(ctx), so ${legacy.length === 1 ? 'it cannot' : 'they cannot'} run here as ${legacy.length === 1 ? 'it is' : 'they are'}. A table that already has them is fine (they never run again); a down past them, a reset, or an apply on a new table would fail${viaController.length ? ` (not on ${viaController.join(', ')}: protocol onetable, its OneTable Controller runs them)` : ''}. Wrap each in fromOneTable(...) from ${settings.migrationsDir}/_onetable.js (written now; OneTable still runs the wrapped files; not loadable by the bundled CLI and action yet), or rewrite it: docs/init.md, "Adopting OneTable migrations".`);
    }
    const files = planInitFiles(settings);
    const taken = files.filter((x) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, x.path)));
    if (taken.length && !f.force) {
        const names = taken.map((x) => (0,paths/* displayPath */.G)((0,external_node_path_.join)(root, x.path)));
        throw new errors/* InputError */.dz(`init: ${names.join(', ')} ${taken.length === 1 ? 'already exists' : 'already exist'}: nothing was written. Pass --force to overwrite${taken.some((x) => x.kind === 'workflow') ? ', or --no-workflows to keep your workflows' : ''}.`);
    }
    const result = {
        dryRun: !!f.dryRun,
        root,
        files: files.map((x) => ({
            path: x.path,
            kind: x.kind,
            action: taken.includes(x) ? 'overwrite' : 'create',
            ...(f.dryRun ? { content: x.content } : {}),
        })),
        environments: settings.environments.map((e) => ({
            name: e.name,
            table: e.table,
            region: e.region,
            protected: e.protected,
            runner: e.runner,
        })),
        actionRef: (0,workflows/* actionRef */.Cw)(settings.toolVersion),
        iam: (0,iam/* iamRoles */.Rx)(settings),
        notes,
    };
    if (f.dryRun)
        return result;
    if (io.ask) {
        const answer = await io.ask(`Write ${files.map((x) => x.path).join(', ')}?`, 'yes');
        if (!/^y(es)?$/i.test(answer.trim()))
            return { ...result, cancelled: true };
    }
    for (const x of files) {
        const abs = (0,external_node_path_.join)(root, x.path);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(abs), { recursive: true });
        (0,external_node_fs_.writeFileSync)(abs, x.content);
    }
    // What was there before may not pass: say so now rather than on the first pull request.
    const { problems } = await (0,load_project.lintProject)((0,external_node_path_.join)(root, settings.manifestPath));
    if (problems.length)
        notes.push(`lint found ${problems.length} problem(s) in the migrations folder:\n${problems.map((p) => `    - ${p}`).join('\n')}`);
    return result;
}
/** Migration files already in a folder (by name, as the loader would take them). */
function migrationFilesIn(dir) {
    if (!(0,external_node_fs_.existsSync)(dir))
        return [];
    return (0,external_node_fs_.readdirSync)(dir).filter((f) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts') && oneTableFileKind(f) !== 'other');
}
/** owner/name from GITHUB_REPOSITORY, else the origin remote when it is on github.com. */
function repositoryOf(root, env) {
    if (env.GITHUB_REPOSITORY && /^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_REPOSITORY))
        return env.GITHUB_REPOSITORY;
    try {
        const url = (0,external_node_child_process_.execFileSync)('git', ['-C', root, 'config', '--get', 'remote.origin.url'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
        return /github\.com[:/]([\w.-]+\/[\w.-]+?)(\.git)?\/?$/.exec(url)?.[1];
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 2968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ actionRef),
/* harmony export */   Ew: () => (/* binding */ yamlScalar),
/* harmony export */   L5: () => (/* binding */ renderWorkflows),
/* harmony export */   fK: () => (/* binding */ ROLE_VARIABLES)
/* harmony export */ });
/* unused harmony exports ACTION_REPOSITORY, DISPATCH_COMMANDS, jobId */
/** The action's repository; the workflows pin it to a release tag. */
const ACTION_REPOSITORY = 'dynamodb-migrate/dynamodb-migrate';
/** Repository variables holding the two roles' ARNs (docs/action.md, step 2). */
const ROLE_VARIABLES = { plan: 'AWS_PLAN_ROLE_ARN', apply: 'AWS_APPLY_ROLE_ARN' };
/** The commands the dispatch workflow offers: every command of the action but `auto`. */
const DISPATCH_COMMANDS = [
    'plan',
    'apply',
    'up',
    'down',
    'to',
    'repeat',
    'reset',
    'unlock',
    'repair',
    'drift',
];
/** `dynamodb-migrate/dynamodb-migrate@v<version>`: the release that wrote the workflows. */
function actionRef(toolVersion) {
    return `${ACTION_REPOSITORY}@v${toolVersion}`;
}
/**
 * The four workflows of docs/action.md, for these environments: plan on pull requests, apply on
 * merge (one job per environment, in order, each in its GitHub Environment and a concurrency group
 * of its own), dispatch, and a daily drift check. OIDC only: no AWS secret is stored.
 */
function renderWorkflows(s) {
    const dir = '.github/workflows';
    return [
        { path: `${dir}/migrate-plan.yml`, content: planWorkflow(s) },
        { path: `${dir}/migrate-apply.yml`, content: applyWorkflow(s) },
        { path: `${dir}/migrate-dispatch.yml`, content: dispatchWorkflow(s) },
        { path: `${dir}/migrate-drift.yml`, content: driftWorkflow(s) },
    ];
}
const q = (s) => `'${s.replace(/'/g, "''")}'`;
/** A YAML scalar: plain where YAML reads it back as the same string, else single-quoted. */
function yamlScalar(s) {
    const plain = s === '.' || (/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(s) && !YAML_SPECIAL.test(s));
    return plain ? s : q(s);
}
const YAML_SPECIAL = /^(true|false|null|yes|no|on|off|y|n|[-+]?[\d._]+(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i;
/** Job ids start with a letter or `_` and must stay strings; environment names may be `1` or `on`. */
function jobId(env) {
    return /^[A-Za-z_]/.test(env) && !YAML_SPECIAL.test(env) ? env : `env-${env}`;
}
function header(s, file, lines) {
    return [
        ...lines.map((l) => `# ${l}`),
        `# Written by \`dynamodb-migrate init\` (${s.toolVersion}); the action is pinned to that release,`,
        `# ${actionRef(s.toolVersion)}: move the tag forward when you upgrade.`,
        `name: ${file}`,
        '',
    ];
}
function pathsFilter(s, indent) {
    if (s.migrationsDir === '.')
        return [];
    const paths = [`${s.migrationsDir}/**`];
    if (!s.manifestPath.startsWith(`${s.migrationsDir}/`))
        paths.push(s.manifestPath);
    return [`${indent}paths:`, ...paths.map((p) => `${indent}  - ${q(p)}`)];
}
/** checkout, node (for `npm ci` when migrations import packages), AWS credentials by OIDC. */
function setupSteps(s, role, credentialsIf) {
    return [
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: actions/setup-node@v4',
        '        with:',
        '          node-version: 24',
        '      # Only needed when migration files import packages (for example the AWS SDK).',
        '      - run: npm ci',
        "        if: hashFiles('package-lock.json') != ''",
        ...(credentialsIf
            ? ['      # Fork pull requests get no OIDC token: the action then plans from the files alone.']
            : []),
        '      - uses: aws-actions/configure-aws-credentials@v4',
        ...(credentialsIf ? [`        if: ${credentialsIf}`] : []),
        '        with:',
        `          role-to-assume: \${{ vars.${role} }}`,
        `          aws-region: ${s.region}`,
    ];
}
function actionStep(s, inputs, id) {
    return [
        `      - uses: ${actionRef(s.toolVersion)}`,
        ...(id ? [`        id: ${id}`] : []),
        '        with:',
        `          manifest: ${yamlScalar(s.manifestPath)}`,
        ...inputs.map(([k, v]) => `          ${k}: ${v}`),
    ];
}
function planWorkflow(s) {
    return [
        ...header(s, 'migrate-plan', [
            `Plans every environment on each pull request that touches ${s.migrationsDir === '.' ? 'the repository' : `${s.migrationsDir}/`} and keeps one`,
            'comment on the pull request up to date. Never writes to a table.',
        ]),
        'on:',
        '  pull_request:',
        ...pathsFilter(s, '    '),
        '',
        'permissions:',
        '  contents: read',
        '  id-token: write        # OIDC to AWS',
        '  pull-requests: write   # the plan comment',
        '',
        'jobs:',
        '  plan:',
        `    # Inert until the repository variable ${ROLE_VARIABLES.plan} is set (a read-only role).`,
        `    if: vars.${ROLE_VARIABLES.plan} != ''`,
        '    runs-on: ubuntu-latest',
        ...setupSteps(s, ROLE_VARIABLES.plan, 'github.event.pull_request.head.repo.full_name == github.repository'),
        ...actionStep(s, []),
        '',
    ].join('\n');
}
function applyWorkflow(s) {
    const jobs = s.environments.flatMap((e, i) => {
        const prev = s.environments[i - 1];
        return [
            ...(i ? [''] : []),
            `  ${jobId(e.name)}:`,
            ...(prev ? [`    needs: ${jobId(prev.name)}`] : []),
            `    if: vars.${ROLE_VARIABLES.apply} != ''`,
            '    runs-on: ubuntu-latest',
            `    environment: ${yamlScalar(e.name)}${e.protected ? '   # protected: add required reviewers to this GitHub Environment' : ''}`,
            '    concurrency:',
            `      group: dynamodb-migrate-${e.name}`,
            '      cancel-in-progress: false',
            ...setupSteps(s, ROLE_VARIABLES.apply),
            ...actionStep(s, [
                ['environment', yamlScalar(e.name)],
                ['require-approval', q('true')],
            ]),
        ];
    });
    return [
        ...header(s, 'migrate-apply', [
            `Applies merged migrations, one environment after the other (${s.environments.map((e) => e.name).join(' -> ')}).`,
            'Each job runs in a GitHub Environment (add required reviewers there for a human gate) and in a',
            'concurrency group per environment, so two applies never overlap.',
        ]),
        'on:',
        '  push:',
        `    branches: [${s.branch}]`,
        ...pathsFilter(s, '    '),
        '',
        'permissions:',
        '  contents: read',
        '  id-token: write',
        "  pull-requests: write   # the merged pull request's comment goes from applying to applied",
        '',
        'jobs:',
        ...jobs,
        '',
    ].join('\n');
}
function dispatchWorkflow(s) {
    const names = s.environments.map((e) => e.name);
    const inputs = [
        [
            'environment',
            [
                'description: Environment (as named in the manifest)',
                'required: true',
                'type: choice',
                `options: [${names.map(yamlScalar).join(', ')}]`,
            ],
        ],
        [
            'command',
            [
                'description: What to do',
                'required: true',
                'type: choice',
                'default: plan',
                `options: [${DISPATCH_COMMANDS.join(', ')}]`,
            ],
        ],
        ['version', ['description: Version for to (0.0.0 = everything) or repair', 'required: false', 'type: string']],
        [
            'mark',
            [
                'description: For repair, mark the version applied or reverted',
                'required: false',
                'type: choice',
                'default: applied',
                'options: [applied, reverted]',
            ],
        ],
        ['lock-id', ['description: For unlock, the lock id to remove', 'required: false', 'type: string']],
        [
            'reason',
            ['description: Why (recorded in the audit log; required for repair)', 'required: false', 'type: string'],
        ],
        [
            'confirm',
            ['description: Protected environments, down/to only, the table name', 'required: false', 'type: string'],
        ],
    ];
    return [
        ...header(s, 'migrate-dispatch', [
            'Roll back, reset, unlock, repair or re-plan one environment by hand (Actions -> migrate-dispatch',
            `-> Run workflow, or \`gh workflow run migrate-dispatch.yml -f environment=${names[0]} -f command=to -f version=1.0.0\`).`,
            'The PR comment shows the exact inputs.',
        ]),
        'on:',
        '  workflow_dispatch:',
        '    inputs:',
        ...inputs.flatMap(([name, props]) => [`      ${name}:`, ...props.map((p) => `        ${p}`)]),
        '',
        'permissions:',
        '  contents: read',
        '  id-token: write',
        '',
        'jobs:',
        '  dispatch:',
        `    if: vars.${ROLE_VARIABLES.apply} != ''`,
        '    runs-on: ubuntu-latest',
        '    environment: ${{ inputs.environment }}',
        '    concurrency:',
        '      group: dynamodb-migrate-${{ inputs.environment }}',
        '      cancel-in-progress: false',
        ...setupSteps(s, ROLE_VARIABLES.apply),
        ...actionStep(s, inputs.map(([name]) => [name, `\${{ inputs.${name} }}`])),
        '',
    ].join('\n');
}
function driftWorkflow(s) {
    return [
        ...header(s, 'migrate-drift', [
            'Every morning, compares each table with the manifest (version behind or ahead, failed state,',
            'stale lock, changed migration files). The job fails and its summary says what drifted.',
        ]),
        'on:',
        '  schedule:',
        "    - cron: '17 6 * * *'",
        '  workflow_dispatch:',
        '',
        'permissions:',
        '  contents: read',
        '  id-token: write',
        '',
        'jobs:',
        '  drift:',
        `    if: vars.${ROLE_VARIABLES.plan} != ''`,
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      fail-fast: false',
        '      matrix:',
        `        environment: [${s.environments.map((e) => yamlScalar(e.name)).join(', ')}]`,
        ...setupSteps(s, ROLE_VARIABLES.plan),
        ...actionStep(s, [
            ['environment', '${{ matrix.environment }}'],
            ['command', 'drift'],
        ], 'drift'),
        '',
    ].join('\n');
}


/***/ })

};

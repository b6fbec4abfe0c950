export const id = 350;
export const ids = [350];
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

/***/ 4350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderInitText: () => (/* binding */ renderInitText)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _iam__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1055);
/* harmony import */ var _paths__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2006);



/** The text init prints: the files, the pinned action, the next steps, the IAM roles. */
function renderInitText(r, f) {
    const out = [];
    const abs = (p) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(r.root, p);
    if (r.cancelled)
        return 'Cancelled: nothing was written.';
    if (r.dryRun) {
        out.push(`init --dry-run: would write ${r.files.length} file(s); nothing was written.`);
        for (const x of r.files)
            out.push('', `--- ${(0,_paths__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .G)(abs(x.path))} (${x.action === 'create' ? 'new' : 'overwrite'}) ---`, (x.content ?? '').trimEnd());
        out.push('');
    }
    else {
        out.push(`init: wrote ${r.files.length} file(s)`);
        for (const x of r.files)
            out.push(`  ${x.action === 'create' ? 'created    ' : 'overwrote  '}${(0,_paths__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .G)(abs(x.path))}`);
    }
    if (r.files.some((x) => x.kind === 'workflow')) {
        out.push(`The workflows use ${r.actionRef}: this release, pinned by its tag; move the tag forward when you upgrade.`);
    }
    if (r.notes.length)
        out.push('', ...r.notes.map((n) => `note: ${n}`));
    const manifest = r.files.find((x) => x.kind === 'manifest');
    const m = manifest ? (0,_paths__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .G)(abs(manifest.path)) : f.manifest;
    const protectedEnvs = r.environments.filter((e) => e.protected).map((e) => e.name);
    out.push('', 'Next:', `  1. Check it:           dynamodb-migrate --manifest ${m} lint`, `  2. Try it locally:     dynamodb-migrate --manifest ${m} --local plan   (then apply, status; needs Java for DynamoDB Local)`, `  3. AWS:                create the two roles below, then set the repository variables ${r.iam.plan.variable} and ${r.iam.apply.variable} (the workflows do nothing until then)`, `  4. GitHub:             create the Environments ${r.environments.map((e) => e.name).join(', ')} (Settings -> Environments)${protectedEnvs.length ? `; add required reviewers on ${protectedEnvs.join(', ')}` : ''}`, '  5. Open a pull request with these files: the plan comment appears; merging applies it.', '', (0,_iam__WEBPACK_IMPORTED_MODULE_1__/* .renderIamText */ .Th)(r.iam));
    return out.join('\n');
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

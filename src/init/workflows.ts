import type { InitEnvironment, InitSettings } from './settings';

/** The action's repository; the workflows pin it to a release tag. */
export const ACTION_REPOSITORY = 'dynamodb-migrate/dynamodb-migrate';

/** Repository variables holding the two roles' ARNs (docs/action.md, step 2). */
export const ROLE_VARIABLES = { plan: 'AWS_PLAN_ROLE_ARN', apply: 'AWS_APPLY_ROLE_ARN' } as const;

/** The commands the dispatch workflow offers: every command of the action but `auto`. */
export const DISPATCH_COMMANDS = [
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
] as const;

/** `dynamodb-migrate/dynamodb-migrate@v<version>`: the release that wrote the workflows. */
export function actionRef(toolVersion: string): string {
  return `${ACTION_REPOSITORY}@v${toolVersion}`;
}

/**
 * The four workflows of docs/action.md, for these environments: plan on pull requests, apply on
 * merge (one job per environment, in order, each in its GitHub Environment and a concurrency group
 * of its own), dispatch, and a daily drift check. OIDC only: no AWS secret is stored.
 */
export function renderWorkflows(s: InitSettings): { path: string; content: string }[] {
  const dir = '.github/workflows';
  return [
    { path: `${dir}/migrate-plan.yml`, content: planWorkflow(s) },
    { path: `${dir}/migrate-apply.yml`, content: applyWorkflow(s) },
    { path: `${dir}/migrate-dispatch.yml`, content: dispatchWorkflow(s) },
    { path: `${dir}/migrate-drift.yml`, content: driftWorkflow(s) },
  ];
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A YAML scalar: plain where YAML reads it back as the same string, else single-quoted. */
export function yamlScalar(s: string): string {
  const plain = s === '.' || (/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(s) && !YAML_SPECIAL.test(s));
  return plain ? s : q(s);
}

const YAML_SPECIAL = /^(true|false|null|yes|no|on|off|y|n|[-+]?[\d._]+(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i;

/** Job ids start with a letter or `_` and must stay strings; environment names may be `1` or `on`. */
export function jobId(env: string): string {
  return /^[A-Za-z_]/.test(env) && !YAML_SPECIAL.test(env) ? env : `env-${env}`;
}

function header(s: InitSettings, file: string, lines: string[]): string[] {
  return [
    ...lines.map((l) => `# ${l}`),
    `# Written by \`dynamodb-migrate init\` (${s.toolVersion}); the action is pinned to that release,`,
    `# ${actionRef(s.toolVersion)}: move the tag forward when you upgrade.`,
    `name: ${file}`,
    '',
  ];
}

function pathsFilter(s: InitSettings, indent: string): string[] {
  if (s.migrationsDir === '.') return [];
  const paths = [`${s.migrationsDir}/**`];
  if (!s.manifestPath.startsWith(`${s.migrationsDir}/`)) paths.push(s.manifestPath);
  return [`${indent}paths:`, ...paths.map((p) => `${indent}  - ${q(p)}`)];
}

/** checkout, node (for `npm ci` when migrations import packages), AWS credentials by OIDC. */
function setupSteps(s: InitSettings, role: string, credentialsIf?: string): string[] {
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

function actionStep(s: InitSettings, inputs: [string, string][], id?: string): string[] {
  return [
    `      - uses: ${actionRef(s.toolVersion)}`,
    ...(id ? [`        id: ${id}`] : []),
    '        with:',
    `          manifest: ${yamlScalar(s.manifestPath)}`,
    ...inputs.map(([k, v]) => `          ${k}: ${v}`),
  ];
}

function planWorkflow(s: InitSettings): string {
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

function applyWorkflow(s: InitSettings): string {
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

function dispatchWorkflow(s: InitSettings): string {
  const names = s.environments.map((e) => e.name);
  const inputs: [string, string[]][] = [
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
    ...actionStep(
      s,
      inputs.map(([name]) => [name, `\${{ inputs.${name} }}`] as [string, string]),
    ),
    '',
  ].join('\n');
}

function driftWorkflow(s: InitSettings): string {
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
    `        environment: [${s.environments.map((e: InitEnvironment) => yamlScalar(e.name)).join(', ')}]`,
    ...setupSteps(s, ROLE_VARIABLES.plan),
    ...actionStep(
      s,
      [
        ['environment', '${{ matrix.environment }}'],
        ['command', 'drift'],
      ],
      'drift',
    ),
    '',
  ].join('\n');
}

import type { InitEnvironment, InitSettings } from './settings';
import { ROLE_VARIABLES } from './workflows';

/** An IAM role the workflows assume through GitHub's OIDC provider. */
export interface IamRole {
  name: string;
  /** The repository variable that holds its ARN. */
  variable: string;
  purpose: string;
  trust: Record<string, unknown>;
  policy: Record<string, unknown>;
  notes: string[];
}

const OIDC_HOST = 'token.actions.githubusercontent.com';

/** Placeholders printed where init was not told the account or the repository. */
export const PLACEHOLDER = { account: 'ACCOUNT_ID', repo: 'OWNER/REPO' } as const;

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
export function iamRoles(s: InitSettings): { plan: IamRole; apply: IamRole } {
  const account = s.account ?? PLACEHOLDER.account;
  const repo = s.repo ?? PLACEHOLDER.repo;
  const local = s.environments.filter((e) => e.runner === 'local');
  const lambda = s.environments.filter((e) => e.runner === 'lambda');
  const prot = s.environments.filter((e) => e.protected);
  const tables = (envs: InitEnvironment[]) =>
    envs.flatMap((e) => [tableArn(e, account), `${tableArn(e, account)}/index/*`]);
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
    planNotes.push(
      `runner: lambda (${lambda.map((e) => e.name).join(', ')}): plans go through the controller, and a role that may invoke it is only as read-only as the function: give pull requests a function that only plans (docs/lambda.md).`,
    );
    applyNotes.push(
      `The controller's own role needs the table writes (docs/lambda.md, "IAM"); add what your migrations call beyond the table.`,
    );
  } else {
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
      variable: ROLE_VARIABLES.plan,
      purpose: 'read-only: plan on pull requests, drift check',
      trust: trustPolicy(account, [`repo:${repo}:pull_request`, `repo:${repo}:ref:refs/heads/${s.branch}`]),
      policy: { Version: '2012-10-17', Statement: planStatements },
      notes: planNotes,
    },
    apply: {
      name: 'dynamodb-migrate-apply',
      variable: ROLE_VARIABLES.apply,
      purpose: 'apply on merge, dispatch (rollback, reset, unlock, repair)',
      trust: trustPolicy(
        account,
        s.environments.map((e) => `repo:${repo}:environment:${e.name}`),
      ),
      policy: { Version: '2012-10-17', Statement: applyStatements },
      notes: applyNotes,
    },
  };
}

/** The roles as text for the terminal: what to create, its trust and permissions policies. */
export function renderIamText(roles: { plan: IamRole; apply: IamRole }): string {
  const out = [
    'IAM: two roles that GitHub Actions assumes through OIDC (docs/action.md, step 2). Once per account, add the',
    `identity provider ${OIDC_HOST} with audience sts.amazonaws.com.`,
  ];
  for (const r of [roles.plan, roles.apply]) {
    out.push(
      '',
      `${r.name} (${r.purpose}); store its ARN as the repository variable ${r.variable}.`,
      ...r.notes.map((n) => `  ${n}`),
      '  trust policy:',
      indent(compactJson(r.trust), 4),
      '  permissions policy:',
      indent(compactJson(r.policy), 4),
    );
  }
  return out.join('\n');
}

function trustPolicy(account: string, subjects: string[]): Record<string, unknown> {
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

function tableArn(e: InitEnvironment, account: string): string {
  return `arn:aws:dynamodb:${e.region}:${account}:table/${e.table}`;
}

function functionArn(e: InitEnvironment, account: string): string {
  const fn = e.function ?? '';
  return fn.startsWith('arn:') ? fn : `arn:aws:lambda:${e.region}:${account}:function:${fn}`;
}

/** JSON with two-space indents, short arrays and objects of plain values on one line (easier to read, same JSON). */
export function compactJson(value: unknown, depth = 0): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  const flat = JSON.stringify(value);
  const plain = (v: unknown) => v === null || typeof v !== 'object';
  if (plain(value)) return flat;
  const entries = Array.isArray(value) ? value.map((v) => [undefined, v] as const) : Object.entries(value as object);
  if (flat.length + depth * 2 <= 100 && entries.every(([, v]) => plain(v) || (Array.isArray(v) && v.every(plain)))) {
    return Array.isArray(value)
      ? flat.replace(/","/g, '", "')
      : flat
          .replace(/","/g, '", "')
          .replace(/":(?=\S)/g, '": ')
          .replace(/,"/g, ', "');
  }
  const body = entries.map(
    ([k, v]) => `${pad}${k === undefined ? '' : `${JSON.stringify(k)}: `}${compactJson(v, depth + 1)}`,
  );
  return Array.isArray(value) ? `[\n${body.join(',\n')}\n${end}]` : `{\n${body.join(',\n')}\n${end}}`;
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

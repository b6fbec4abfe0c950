import { validateWorkflow } from '@action-validator/core';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Table } from 'dynamodb-onetable';
import { Migrate } from 'onetable-migrate';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import pkg from '../../package.json';
import { lintProject } from '../../src/loader/load-project';
import { ROOT, runCliInProcess } from '../support/cli';
import { createTestTable, localClient, localEndpoint } from '../support/dynamodb-local';

const WORKFLOWS = ['migrate-apply.yml', 'migrate-dispatch.yml', 'migrate-drift.yml', 'migrate-plan.yml'];
const ACTION_INPUTS = Object.keys((parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'dm-init-'));
}

/** Every file under a folder, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const initArgs = (root: string, ...more: string[]) => [
  'init',
  '--root',
  root,
  '--table',
  'dev=orders-dev',
  '--table',
  'production=orders-prod',
  '--region',
  'eu-west-1',
  '--repo',
  'acme/orders',
  ...more,
];

type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<
    string,
    {
      environment?: string;
      concurrency?: { group: string; 'cancel-in-progress': boolean };
      steps: { uses?: string; with?: Record<string, string> }[];
    }
  >;
};

describe('init with flags', () => {
  test('writes the manifest, a first migration and the four workflows, which pass lint and the workflow validator', async () => {
    const root = tempRoot();
    const r = await runCliInProcess(initArgs(root));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(filesUnder(root)).toEqual([
      ...WORKFLOWS.map((w) => `.github/workflows/${w}`),
      'migrations/1.0.0-initial.ts',
      'migrations/manifest.yaml',
    ]);

    const manifestPath = join(root, 'migrations', 'manifest.yaml');
    const manifest = readFileSync(manifestPath, 'utf8');
    expect(manifest.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://raw.githubusercontent.com/dynamodb-migrate/dynamodb-migrate/v${pkg.version}/schema/manifest.schema.json`,
    );
    const { problems, project } = await lintProject(manifestPath);
    expect(problems).toEqual([]);
    expect(project?.migrations.map((m) => [m.version, m.file.split('/').pop()])).toEqual([
      ['1.0.0', '1.0.0-initial.ts'],
    ]);
    expect(project?.migrations[0]?.hasDown).toBe(true);
    expect(project?.manifest.environments).toMatchObject({
      dev: { table: 'orders-dev', region: 'eu-west-1', target: 'latest', protected: false, runner: 'local' },
      production: {
        table: 'orders-prod',
        region: 'eu-west-1',
        target: 'latest',
        protected: true,
        'recovery-point': 'pitr-or-backup',
      },
    });
    expect(project?.migrations[0]?.hasVerify).toBe(true);

    for (const file of WORKFLOWS) {
      const text = readFileSync(join(root, '.github', 'workflows', file), 'utf8');
      expect(validateWorkflow(text).errors, file).toEqual([]);
      const wf = parse(text) as Workflow;
      expect(wf.permissions['id-token'], file).toBe('write');
      const uses = Object.values(wf.jobs).flatMap((j) =>
        j.steps.map((s) => s.uses).filter((u) => u?.startsWith('dynamodb-migrate/')),
      );
      expect(uses.length, file).toBeGreaterThan(0);
      expect(new Set(uses), file).toEqual(new Set([`dynamodb-migrate/dynamodb-migrate@v${pkg.version}`]));
      for (const job of Object.values(wf.jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith('dynamodb-migrate/'))) {
          expect(step.with?.manifest).toBe('migrations/manifest.yaml');
          for (const k of Object.keys(step.with ?? {})) expect(ACTION_INPUTS, `${file}: ${k}`).toContain(k);
        }
      }
    }
    const apply = parse(readFileSync(join(root, '.github/workflows/migrate-apply.yml'), 'utf8')) as Workflow & {
      jobs: Record<string, { needs?: string }>;
    };
    expect(Object.keys(apply.jobs)).toEqual(['dev', 'production']);
    expect(apply.jobs.production?.needs).toBe('dev');
    for (const [name, job] of Object.entries(apply.jobs)) {
      expect(job.environment).toBe(name);
      expect(job.concurrency).toEqual({ group: `dynamodb-migrate-${name}`, 'cancel-in-progress': false });
    }
    const dispatch = parse(readFileSync(join(root, '.github/workflows/migrate-dispatch.yml'), 'utf8')) as Workflow;
    expect(dispatch.jobs.dispatch?.concurrency?.group).toBe('dynamodb-migrate-${{ inputs.environment }}');
    expect(
      (dispatch.on.workflow_dispatch as { inputs: { environment: { options: string[] } } }).inputs.environment.options,
    ).toEqual(['dev', 'production']);
    const plan = readFileSync(join(root, '.github/workflows/migrate-plan.yml'), 'utf8');
    expect(plan).not.toContain('AWS_APPLY_ROLE_ARN');
    expect((parse(plan) as Workflow).on).toEqual({ pull_request: { paths: ['migrations/**'] } });

    expect(r.stdout).toContain(`The workflows use dynamodb-migrate/dynamodb-migrate@v${pkg.version}: this release`);
    expect(r.stdout).toContain('dynamodb-migrate-plan (read-only');
    expect(r.stdout).toContain('"repo:acme/orders:environment:production"');
  });

  test('the written project applies and rolls back on a real table (DynamoDB Local)', async () => {
    const root = tempRoot();
    const table = await createTestTable(localClient());
    expect((await runCliInProcess(['init', '--root', root, '--table', table, '--region', 'us-east-1'])).code).toBe(0);
    const manifest = join(root, 'migrations', 'manifest.yaml');
    const cli = (...a: string[]) => runCliInProcess(['--manifest', manifest, '--endpoint', localEndpoint(), ...a]);
    const applied = await cli('apply', '--yes');
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);
    const status = JSON.parse((await cli('status', '--json')).stdout) as {
      currentVersion: string;
      outstanding: unknown[];
    };
    expect(status).toMatchObject({ currentVersion: '1.0.0', outstanding: [] });
    expect((await cli('down', '--yes')).code).toBe(0);
    expect((JSON.parse((await cli('status', '--json')).stdout) as { currentVersion: string }).currentVersion).toBe(
      '0.0.0',
    );
  });

  test('--json --dry-run: the IAM roles: plan only reads, apply writes, each trusted for its own events', async () => {
    const root = tempRoot();
    const r = await runCliInProcess(initArgs(root, '--account', '123456789012', '--dry-run', '--json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      iam: Record<
        'plan' | 'apply',
        {
          variable: string;
          trust: { Statement: { Condition: { StringEquals: Record<string, string[]> } }[] };
          policy: { Statement: { Action: string | string[]; Resource: string[] }[] };
        }
      >;
    };
    const actions = (role: 'plan' | 'apply') => out.iam[role].policy.Statement.flatMap((s) => s.Action);
    const resources = (role: 'plan' | 'apply') => out.iam[role].policy.Statement.flatMap((s) => s.Resource);
    const subjects = (role: 'plan' | 'apply') =>
      out.iam[role].trust.Statement[0]!.Condition.StringEquals['token.actions.githubusercontent.com:sub'];
    expect(actions('plan').filter((a) => /Put|Update|Delete|Write|Create|PartiQL/.test(a))).toEqual([]);
    expect(actions('plan')).toEqual(
      expect.arrayContaining(['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan']),
    );
    expect(actions('apply')).toEqual(
      expect.arrayContaining([
        'dynamodb:PutItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:TransactWriteItems',
        'dynamodb:ConditionCheckItem',
        'dynamodb:PartiQLUpdate',
        'dynamodb:CreateBackup',
      ]),
    );
    expect(resources('plan')).toContain('arn:aws:dynamodb:eu-west-1:123456789012:table/orders-prod/index/*');
    expect(out.iam.plan.variable).toBe('AWS_PLAN_ROLE_ARN');
    expect(subjects('plan')).toEqual(['repo:acme/orders:pull_request', 'repo:acme/orders:ref:refs/heads/main']);
    expect(subjects('apply')).toEqual(['repo:acme/orders:environment:dev', 'repo:acme/orders:environment:production']);
  });

  test('runner lambda: the manifest names the controller and the roles invoke it', async () => {
    const root = tempRoot();
    const r = await runCliInProcess(
      initArgs(root, '--runner', 'production=lambda', '--function', 'production=migrate-controller', '--json'),
    );
    expect(r.code).toBe(0);
    const { project, problems } = await lintProject(join(root, 'migrations', 'manifest.yaml'));
    expect(problems).toEqual([]);
    expect(project?.manifest.environments.production).toMatchObject({
      runner: 'lambda',
      function: 'migrate-controller',
    });
    expect(project?.manifest.environments.dev?.runner).toBe('local');
    const iam = (
      JSON.parse(r.stdout) as { iam: { apply: { policy: { Statement: { Sid: string; Resource: string[] }[] } } } }
    ).iam;
    const bySid = Object.fromEntries(iam.apply.policy.Statement.map((s) => [s.Sid, s.Resource]));
    expect(bySid.InvokeController).toEqual(['arn:aws:lambda:eu-west-1:ACCOUNT_ID:function:migrate-controller']);
    // Only dev's table is written from the runner; production's is written by the controller.
    expect(bySid.ReadWriteTables?.some((a) => a.includes('orders-prod'))).toBe(false);
  });

  test('a second init refuses (exit 2, naming the files) and writes nothing; --force overwrites', async () => {
    const root = tempRoot();
    expect((await runCliInProcess(initArgs(root))).code).toBe(0);
    const manifest = join(root, 'migrations', 'manifest.yaml');
    const written = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, `${written}# edited by hand\n`);

    const again = await runCliInProcess(initArgs(root));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^error: init: .*migrations\/manifest\.yaml, .*\.github\/workflows\/migrate-plan\.yml.* already exist: nothing was written\. Pass --force/,
    );
    expect(readFileSync(manifest, 'utf8')).toContain('# edited by hand');

    const forced = await runCliInProcess(initArgs(root, '--force'));
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('overwrote');
    expect(readFileSync(manifest, 'utf8')).toBe(written);
  });

  test('one existing file is named alone, and nothing else is written', async () => {
    const root = tempRoot();
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(root, '.github', 'workflows', 'migrate-plan.yml'), 'name: ours\n');
    const r = await runCliInProcess(initArgs(root));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /migrate-plan\.yml already exists: nothing was written\. Pass --force to overwrite, or --no-workflows to keep your workflows\./,
    );
    expect(filesUnder(root)).toEqual(['.github/workflows/migrate-plan.yml']);
    // --no-workflows leaves the workflows alone and writes the rest.
    expect((await runCliInProcess(initArgs(root, '--no-workflows'))).code).toBe(0);
    expect(filesUnder(root)).toEqual([
      '.github/workflows/migrate-plan.yml',
      'migrations/1.0.0-initial.ts',
      'migrations/manifest.yaml',
    ]);
    expect(readFileSync(join(root, '.github', 'workflows', 'migrate-plan.yml'), 'utf8')).toBe('name: ours\n');
  });

  test('a folder with migrations already gets no first migration (no duplicate 1.0.0)', async () => {
    const root = tempRoot();
    mkdirSync(join(root, 'db'));
    writeFileSync(join(root, 'db', '1.0.0-seed.ts'), "export default { version: '1.0.0', up() {}, down() {} };\n");
    const r = await runCliInProcess(initArgs(root, '--migrations', 'db'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no first migration written');
    expect(existsSync(join(root, 'db', '1.0.0-initial.ts'))).toBe(false);
    expect((await lintProject(join(root, 'db', 'manifest.yaml'))).problems).toEqual([]);
    expect(readFileSync(join(root, '.github/workflows/migrate-plan.yml'), 'utf8')).toContain("- 'db/**'");
  });

  test('--dry-run prints every file and writes nothing', async () => {
    const root = tempRoot();
    const r = await runCliInProcess(initArgs(root, '--dry-run'));
    expect(r.code).toBe(0);
    expect(readdirSync(root)).toEqual([]);
    expect(r.stdout).toMatch(/^init --dry-run: would write 6 file\(s\); nothing was written\./);
    for (const f of [
      'migrations/manifest.yaml',
      'migrations/1.0.0-initial.ts',
      ...WORKFLOWS.map((w) => `.github/workflows/${w}`),
    ]) {
      expect(r.stdout).toMatch(new RegExp(`--- \\S*${f.replace(/[.]/g, '\\.')} \\(new\\) ---`));
    }
    expect(r.stdout).toContain('    table: orders-prod\n');
    expect(r.stdout).toContain('concurrency:\n      group: dynamodb-migrate-production');
  });

  test.each([
    [['--runner', 'kubernetes'], /^error: init --runner kubernetes: expected local or lambda\.\n$/],
    [['--runner', 'lambda'], /^error: init --runner lambda: environment dev needs its controller: pass --function/],
    [
      ['--protected', 'prod'],
      /^error: init --protected prod: no environment prod \(the environments are dev, production; "none" protects none\)\.\n$/,
    ],
    [['--region', 'Europe'], /^error: init --region Europe: expected an AWS region such as us-east-1\.\n$/],
  ])('bad flag %j: one clear error, exit 2, nothing written', async (extra, message) => {
    const root = tempRoot();
    const r = await runCliInProcess(initArgs(root, ...extra));
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(readdirSync(root)).toEqual([]);
  });

  test('no table: one clear error, exit 2', async () => {
    const root = tempRoot();
    const r = await runCliInProcess(['init', '--root', root, '--region', 'us-east-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: init: no table: pass --table <env>=<table> for each environment (e.g. --table dev=orders-dev --table production=orders-prod).\n',
    );
    const bad = await runCliInProcess(['init', '--root', root, '--table', 'dev=x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: init --table dev=x: "x" is not a DynamoDB table name/);
    expect(readdirSync(root)).toEqual([]);
  });
});

/** A OneTable Migrate project as its CLI expects it: migrate.json5 beside the migrations folder. */
function oneTableProject(tables: { dev: string; prod: string }, extra: Record<string, string> = {}): string {
  const root = tempRoot();
  const files: Record<string, string> = {
    'package.json': '{ "type": "module" }\n',
    'migrate.json5': `// OneTable CLI configuration
{
  onetable: { name: '${tables.dev}', partial: true, },
  dir: './migrations',
  aws: { region: 'us-east-1' },
  profiles: {
    dev: { onetable: { name: '${tables.dev}' } },
    prod: { onetable: { name: '${tables.prod}' }, /* the live table */ },
  },
}
`,
    'migrations/schema/index.js': `export default {
  format: 'onetable:1.1.0',
  version: '0.0.1',
  indexes: { primary: { hash: 'pk', sort: 'sk' } },
  models: { Status: { pk: { type: String, value: 'status' }, sk: { type: String, value: 'status' }, state: { type: String } } },
  params: { isoDates: false, timestamps: false },
};
`,
    'migrations/0.0.1.js': `import Schema from './schema/index.js';
export default {
  version: '0.0.1',
  description: 'Initial migration',
  schema: Schema,
  async up(db, migrate, params) {
    if (!params.dry) await db.create('Status', { state: 'open' });
  },
  async down(db, migrate, params) {
    if (!params.dry) await db.remove('Status', {});
  },
};
`,
    'migrations/1.0.0.js': `import Schema from './schema/index.js';
export default {
  version: '1.0.0',
  description: 'Close the store',
  schema: Schema,
  async up(db, migrate, params) {
    if (!params.dry) await db.update('Status', { state: 'closed' });
  },
  async down(db, migrate, params) {
    if (!params.dry) await db.update('Status', { state: 'open' });
  },
};
`,
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('init --from-onetable', () => {
  test('writes a manifest around the folder that loads, and the table OneTable migrated is read as it is', async () => {
    const client = localClient();
    const dev = await createTestTable(client);
    const root = oneTableProject({ dev, prod: 'shop-prod' });

    // OneTable Migrate itself takes the dev table to 1.0.0 from the same files.
    const schema = (await import(join(root, 'migrations/schema/index.js'))) as { default: object };
    const db = new Table({ client, name: dev, partial: true, schema: schema.default } as never);
    const migrate = new Migrate(db, {
      dir: join(root, 'migrations'),
      log: { info: () => undefined, error: () => undefined },
    } as never);
    await migrate.init();
    await migrate.apply('up', '1.0.0', {});
    expect(await migrate.getCurrentVersion()).toBe('1.0.0');

    const r = await runCliInProcess(['init', '--root', root, '--from-onetable', root, '--repo', 'acme/shop']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifestPath = join(root, 'migrations', 'manifest.yaml');
    const manifest = readFileSync(manifestPath, 'utf8');
    expect(manifest).toContain("NOT RUNNABLE AS THEY ARE: 0.0.1.js, 1.0.0.js use OneTable's up(db, migrate, params).");
    expect(r.stdout).toContain(
      "0.0.1.js, 1.0.0.js use OneTable's up(db, migrate, params); dynamodb-migrate calls up(ctx)/down(ctx)",
    );
    // No first migration beside OneTable's: the folder has its history already.
    expect(filesUnder(join(root, 'migrations'))).toEqual([
      '0.0.1.js',
      '1.0.0.js',
      '_onetable.js',
      'manifest.yaml',
      'schema/index.js',
    ]);

    const { problems, project } = await lintProject(manifestPath);
    expect(problems).toEqual([]);
    expect(project?.manifest.migrations).toBe('.');
    expect(project?.migrations.map((m) => m.version)).toEqual(['0.0.1', '1.0.0']);
    expect(project?.manifest.environments).toMatchObject({
      dev: { table: dev, region: 'us-east-1', protected: false },
      prod: { table: 'shop-prod', region: 'us-east-1', protected: true },
    });
    for (const w of WORKFLOWS)
      expect(validateWorkflow(readFileSync(join(root, '.github/workflows', w), 'utf8')).errors, w).toEqual([]);

    // No baseline: OneTable's _migration records are the history, nothing is outstanding, no drift.
    const cli = (...a: string[]) =>
      runCliInProcess(['--manifest', manifestPath, '--endpoint', localEndpoint(), '--env', 'dev', ...a]);
    const status = JSON.parse((await cli('status', '--json')).stdout) as {
      currentVersion: string;
      applied: { version: string; drifted: boolean }[];
      outstanding: unknown[];
    };
    expect(status.currentVersion).toBe('1.0.0');
    expect(status.applied.map((a) => [a.version, a.drifted])).toEqual([
      ['0.0.1', false],
      ['1.0.0', false],
    ]);
    expect(status.outstanding).toEqual([]);
    const plan = await cli('plan', '--json');
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as { steps: unknown[] }).steps).toEqual([]);
  });

  test('wrapped in fromOneTable from the adapter init writes, the OneTable migrations run under both tools', async () => {
    const client = localClient();
    const [ours, theirs] = [await createTestTable(client), await createTestTable(client)];
    const root = oneTableProject({ dev: ours, prod: 'shop-prod' });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const r = await runCliInProcess(['init', '--root', root, '--from-onetable', root, '--no-workflows']);
    expect(r.code).toBe(0);
    expect(filesUnder(join(root, 'migrations'))).toContain('_onetable.js');
    expect(readFileSync(join(root, 'migrations', '_onetable.js'), 'utf8')).toContain(
      'const TABLE_PARAMS = {"partial":true};',
    );
    // The edit docs/init.md describes: import the adapter, wrap the default export.
    for (const f of ['0.0.1.js', '1.0.0.js']) {
      const path = join(root, 'migrations', f);
      const text = readFileSync(path, 'utf8');
      writeFileSync(
        path,
        `import { fromOneTable } from './_onetable.js';\n${text.replace('export default {', 'export default fromOneTable({').replace(/\};\n$/, '});\n')}`,
      );
    }
    // A copy, at new URLs: this process keeps the files as init imported them, before the edit.
    const copy = tempRoot();
    cpSync(root, copy, { recursive: true });
    const manifestPath = join(copy, 'migrations', 'manifest.yaml');
    const { problems, project } = await lintProject(manifestPath);
    expect(problems).toEqual([]);
    expect(project?.migrations.map((m) => m.version)).toEqual(['0.0.1', '1.0.0']);

    const status = async (table: string) => {
      const items = await client.send(new ScanCommand({ TableName: table }));
      return items.Items?.find((i) => i.pk?.S === 'status')?.state?.S;
    };
    // dynamodb-migrate runs OneTable's up(db, migrate, params) on a table that has none of them.
    const cli = (...a: string[]) =>
      runCliInProcess(['--manifest', manifestPath, '--endpoint', localEndpoint(), '--env', 'dev', ...a]);
    const applied = await cli('apply', '--yes');
    expect(applied.stderr).not.toMatch(/error/);
    expect(applied.code).toBe(0);
    expect(await status(ours)).toBe('closed');
    expect((await cli('down', '--yes')).code).toBe(0);
    expect(await status(ours)).toBe('open');

    // OneTable Migrate still runs the wrapped files as before.
    const schema = (await import(join(copy, 'migrations/schema/index.js'))) as { default: object };
    const db = new Table({ client, name: theirs, partial: true, schema: schema.default } as never);
    const migrate = new Migrate(db, {
      dir: join(copy, 'migrations'),
      log: { info: () => undefined, error: () => undefined },
    } as never);
    await migrate.init();
    await migrate.apply('up', '1.0.0', {});
    expect(await status(theirs)).toBe('closed');
  });

  test('a folder our loader cannot load is refused before anything is written (exit 2, every file named)', async () => {
    const root = oneTableProject(
      { dev: 'shop-dev', prod: 'shop-prod' },
      {
        'migrations/cleanup.js':
          "export default { version: 'cleanup', description: 'named', schema: {}, async up() {}, async down() {} };\n",
      },
    );
    const before = filesUnder(root);
    const r = await runCliInProcess(['init', '--root', root, '--from-onetable', join(root, 'migrate.json5')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: init --from-onetable .*migrate\.json5: our loader cannot load \S*migrations as it is \(1 problem\); nothing was written:\n {2}- .*cleanup\.js: version "cleanup" is not valid semver/,
    );
    expect(r.stderr).toContain('cleanup.js is not named by version');
    expect(filesUnder(root)).toEqual(before);
  });

  test('a folder without migrate.json5 needs --table, and OneTable files with up(ctx)-style signatures are not flagged', async () => {
    const root = tempRoot();
    mkdirSync(join(root, 'migrations'));
    writeFileSync(
      join(root, 'migrations', '0.0.1.js'),
      "export default { version: '0.0.1', schema: {}, async up() {}, async down() {} };\n",
    );
    const none = await runCliInProcess([
      'init',
      '--root',
      root,
      '--from-onetable',
      join(root, 'migrations'),
      '--region',
      'us-east-1',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'error: init --from-onetable: migrations/ names no table: pass --table <env>=<table> for each environment (e.g. --table dev=orders-dev).\n',
    );
    const ok = await runCliInProcess([
      'init',
      '--root',
      root,
      '--from-onetable',
      join(root, 'migrations'),
      '--region',
      'us-east-1',
      '--table',
      'shop-dev',
      '--no-workflows',
    ]);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(root, 'migrations', 'manifest.yaml'), 'utf8')).not.toContain('NOT RUNNABLE');
    expect((await lintProject(join(root, 'migrations', 'manifest.yaml'))).problems).toEqual([]);
  });
});

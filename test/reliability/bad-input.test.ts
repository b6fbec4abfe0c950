import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';
import { copyProject } from '../support/project';
import { recordFigures } from './support/results';

/**
 * Bad input: every case must end with one clear message naming what and where, its exit code,
 * and a table that a scan shows unchanged. The table already holds state (1.0.0 applied and an
 * application item), so "unchanged" means more than "still empty".
 */

const client = localClient();
let table = '';
let tried = 0;
let passed = 0;

interface Case {
  name: string;
  /** Arguments after --manifest/--endpoint (unless `raw`). */
  args: string[];
  code: number;
  /** The message must contain each of these. */
  says: (string | RegExp)[];
  /** Edits the copied project before the run. */
  edit?: (p: { dir: string; manifest: string }) => void;
  /** Writes to the table before the "before" scan (a state problem). */
  state?: () => Promise<void>;
  env?: Record<string, string | undefined>;
  /** Full argument list: no --manifest/--endpoint added. */
  raw?: (p: { manifest: string }) => string[];
}

const file = (name: string, text: string) => (p: { dir: string }) => writeFileSync(join(p.dir, name), text);
const manifestEdit = (from: string | RegExp, to: string) => (p: { manifest: string }) =>
  writeFileSync(p.manifest, readFileSync(p.manifest, 'utf8').replace(from, to));
const noCredsHome = mkdtempSync(join(tmpdir(), 'dm-nocreds-'));
const put = (item: Record<string, unknown>) => () =>
  client.send(new PutItemCommand({ TableName: table, Item: marshall(item) })).then(() => undefined);
const del = async (pk: string, sk: string) => {
  const { DeleteItemCommand } = await import('@aws-sdk/client-dynamodb');
  await client.send(new DeleteItemCommand({ TableName: table, Key: marshall({ pk, sk }) }));
};

const CASES: Case[] = [
  // The manifest
  {
    name: 'manifest: YAML syntax error',
    args: ['plan'],
    code: 2,
    says: ['manifest.yaml'],
    edit: (p) => writeFileSync(p.manifest, 'version: 1\nenvironments: [dev:\n  table: x\n'),
  },
  {
    name: 'manifest: empty file',
    args: ['plan'],
    code: 2,
    says: ['manifest.yaml'],
    edit: (p) => writeFileSync(p.manifest, ''),
  },
  {
    name: 'manifest: unknown key in an environment',
    args: ['apply'],
    code: 2,
    says: ['unknown key "colour"', 'environments.dev'],
    edit: manifestEdit('target: latest', 'target: latest\n    colour: red'),
  },
  {
    name: 'manifest: unknown top-level key',
    args: ['apply'],
    code: 2,
    says: ['unknown key "enviroments"'],
    edit: manifestEdit('environments:', 'enviroments: {}\nenvironments:'),
  },
  {
    name: 'manifest: unsupported format version',
    args: ['plan'],
    code: 2,
    says: ['version'],
    edit: manifestEdit('version: 1', 'version: 7'),
  },
  {
    name: 'manifest: environment without a table',
    args: ['plan'],
    code: 2,
    says: ['environments.dev', 'table'],
    edit: manifestEdit(/ {4}table: \S+\n(?= {4}target: latest)/, ''),
  },
  { name: 'manifest: missing environment (--env)', args: ['--env', 'staging', 'apply'], code: 2, says: ['staging'] },
  {
    name: 'manifest: bad target (not semver)',
    args: ['apply'],
    code: 2,
    says: ['environments.dev.target'],
    edit: manifestEdit('target: latest', 'target: banana'),
  },
  {
    name: 'manifest: target not in the folder',
    args: ['apply'],
    code: 2,
    says: ['9.9.9', 'target'],
    edit: manifestEdit('target: latest', 'target: 9.9.9'),
  },
  {
    name: 'manifest: migrations folder missing',
    args: ['apply'],
    code: 2,
    says: ['does not exist'],
    edit: manifestEdit('migrations: .', 'migrations: ./nowhere'),
  },
  {
    name: 'manifest: file not found',
    args: [],
    raw: () => ['--manifest', '/nonexistent/manifest.yaml', '--endpoint', localEndpoint(), 'apply'],
    code: 2,
    says: ['/nonexistent/manifest.yaml: manifest not found'],
  },
  // Migration files
  {
    name: 'migration: syntax error',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-syntax.ts', 'cannot be loaded'],
    edit: file('1.3.0-syntax.ts', 'export default {{{\n'),
  },
  {
    name: 'migration: throws on import',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-throws.ts', 'cannot be loaded', 'no config for this region'],
    edit: file('1.3.0-throws.ts', "throw new Error('no config for this region');\nexport default {};\n"),
  },
  {
    name: 'migration: no default export',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-named.ts', 'no default export'],
    edit: file('1.3.0-named.ts', "export const migration = { version: '1.3.0', up() {}, down() {} };\n"),
  },
  {
    name: 'migration: default export is not an object',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-string.ts', 'no default export'],
    edit: file('1.3.0-string.ts', "export default '1.3.0';\n"),
  },
  {
    name: 'migration: duplicate version',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-dup.ts', 'also declared by'],
    edit: file('1.3.0-dup.ts', "export default { version: '1.2.0', up() {}, down() {} };\n"),
  },
  {
    name: 'migration: file name and version disagree',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-mismatch.ts', 'file name says 1.3.0'],
    edit: file('1.3.0-mismatch.ts', "export default { version: '1.3.1', up() {}, down() {} };\n"),
  },
  {
    name: 'migration: version is not semver',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-bad.ts', 'not valid semver'],
    edit: file('1.3.0-bad.ts', "export default { version: 'one', up() {}, down() {} };\n"),
  },
  {
    name: 'migration: no version property',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-nover.ts', 'has no "version"'],
    edit: file('1.3.0-nover.ts', 'export default { up() {}, down() {} };\n'),
  },
  {
    name: 'migration: missing up',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-noup.ts', 'has no up'],
    edit: file('1.3.0-noup.ts', "export default { version: '1.3.0', down() {} };\n"),
  },
  {
    name: 'migration: missing down (not irreversible)',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-nodown.ts', 'has no down'],
    edit: file('1.3.0-nodown.ts', "export default { version: '1.3.0', up() {} };\n"),
  },
  {
    name: 'migration: up is not a function',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-upstr.ts', '"up" must be a function'],
    edit: file('1.3.0-upstr.ts', "export default { version: '1.3.0', up: 'PutItem', down() {} };\n"),
  },
  {
    name: 'migration: idempotent is not a boolean',
    args: ['apply'],
    code: 2,
    says: ['1.3.0-flag.ts', '"idempotent" must be true or false'],
    edit: file('1.3.0-flag.ts', "export default { version: '1.3.0', idempotent: 'yes', up() {}, down() {} };\n"),
  },
  {
    name: 'migration: applied file changed (drift)',
    args: ['apply'],
    code: 4,
    says: ['1.0.0-status.ts changed after version 1.0.0 was applied'],
    edit: (p) =>
      writeFileSync(
        join(p.dir, '1.0.0-status.ts'),
        `${readFileSync(join(p.dir, '1.0.0-status.ts'), 'utf8')}\n// edited\n`,
      ),
  },
  // Commands and flags
  { name: 'flags: unknown command', args: ['frobnicate'], code: 2, says: ["unknown command 'frobnicate'"] },
  { name: 'flags: unknown option', args: ['apply', '--colour'], code: 2, says: ["unknown option '--colour'"] },
  { name: 'flags: to without a version', args: ['to'], code: 2, says: ["missing required argument 'version'"] },
  {
    name: 'flags: to a version that has no file',
    args: ['to', '9.9.9'],
    code: 2,
    says: ['no migration file for version 9.9.9'],
  },
  {
    name: 'flags: to a version that is not semver',
    args: ['to', 'latest-ish'],
    code: 2,
    says: ['not a semver version'],
  },
  {
    name: 'flags: endpoint is not a URL',
    args: [],
    raw: (p) => ['--manifest', p.manifest, '--endpoint', 'http//127.0.0.1', 'apply'],
    code: 2,
    says: ['not a URL'],
  },
  {
    name: 'flags: endpoint with another scheme',
    args: [],
    raw: (p) => ['--manifest', p.manifest, '--endpoint', 'ftp://127.0.0.1:8000', 'apply'],
    code: 2,
    says: ['expected an http:// or https:// URL'],
  },
  {
    name: 'flags: nothing listens at the endpoint',
    args: [],
    raw: (p) => ['--manifest', p.manifest, '--endpoint', 'http://127.0.0.1:9', 'plan'],
    code: 2,
    says: ['Cannot reach DynamoDB'],
  },
  {
    name: 'flags: --lock-timeout not a number',
    args: ['--lock-timeout', 'soon', 'apply'],
    code: 2,
    says: ['--lock-timeout soon'],
  },
  { name: 'flags: --sample out of range', args: ['--sample', '0', 'apply'], code: 2, says: ['--sample 0'] },
  { name: 'flags: --time-budget negative', args: ['--time-budget', '-5', 'apply'], code: 2, says: ['--time-budget'] },
  {
    name: 'flags: --local with --endpoint',
    args: ['--local', 'apply'],
    code: 2,
    says: ['--local and --endpoint conflict'],
  },
  {
    name: 'flags: repair without --reason',
    args: ['repair', '--version', '1.0.0', '--mark', 'applied'],
    code: 2,
    says: ['--reason'],
  },
  {
    name: 'flags: repair --mark with a bad value',
    args: ['repair', '--version', '1.0.0', '--mark', 'fixed', '--reason', 'x'],
    code: 2,
    says: ['fixed'],
  },
  { name: 'flags: unlock when nothing is locked', args: ['unlock', 'abc'], code: 2, says: ['is not locked'] },
  {
    name: 'flags: reset on a protected environment',
    args: ['--env', 'production', 'reset', '--yes'],
    code: 2,
    says: ['protected'],
  },
  {
    name: 'flags: down on a protected environment without --confirm',
    args: ['--env', 'production', 'down', '--yes'],
    code: 2,
    says: ['--confirm basic-prod'],
    edit: manifestEdit('table: basic-prod', 'table: basic-prod'),
  },
  {
    name: 'input: the table does not exist',
    args: ['apply'],
    code: 2,
    says: ['Table no-such-table-xyz was not found'],
    edit: manifestEdit(/table: \S+\n {4}target: latest/, 'table: no-such-table-xyz\n    target: latest'),
  },
  {
    name: 'input: no AWS credentials',
    args: [],
    raw: (p) => ['--manifest', p.manifest, '--endpoint', localEndpoint(), 'plan'],
    env: {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      HOME: noCredsHome,
      AWS_CONFIG_FILE: join(noCredsHome, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(noCredsHome, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    },
    code: 2,
    says: ['No AWS credentials were found'],
  },
  // State in the table: not bad input (exit 2) nor a lock held by a known run (exit 3), but a
  // state nothing can run on until the item is fixed (exit 1), named with the way out.
  {
    name: 'state: a corrupt _migration record',
    args: ['apply'],
    code: 1,
    says: [
      '_migration:garbage is corrupt',
      '"version" is a number',
      'Nothing was run',
      'aws dynamodb delete-item',
      'dynamodb-migrate repair',
    ],
    state: put({ pk: '_migration', sk: '_migration:garbage', version: 42, status: { nested: true } }),
  },
  {
    name: 'state: a lock item of an unknown format',
    args: ['apply'],
    code: 1,
    says: ['unknown format', '_migration_lock', /dynamodb-migrate unlock unknown-[0-9a-f]{12}/],
    state: put({ pk: '_migration_lock', sk: '_migration_lock', holder: 'someone else', until: 'tomorrow' }),
  },
];

beforeAll(async () => {
  table = await createTestTable(client);
  const { manifest } = copyProject('basic', table);
  const r = await runCli(['--manifest', manifest, '--endpoint', localEndpoint(), 'to', '1.0.0']);
  if (r.code !== 0) throw new Error(r.stderr);
  await put({ pk: 'customer#1', sk: 'profile', name: 'Ada' })();
});

afterAll(async () => {
  recordFigures('bad-input', { badInput: { tried, passed } });
  rmSync(noCredsHome, { recursive: true, force: true });
  await deleteTestTable(client, table);
});

// Cases that only read run a few at a time; the ones that plant bad state in the table run
// alone afterwards, so that no scan of one case sees another case's setup.
const readOnly = CASES.filter((c) => !c.state);
const withState = CASES.filter((c) => c.state);

describe.concurrent(`bad input: ${readOnly.length} cases, each one clear message, its exit code, no write`, () => {
  test.each(readOnly.map((c) => [c.name, c] as const))('%s', (_name, c) => tryCase(c));
});

describe(`bad state: ${withState.length} cases`, () => {
  test.each(withState.map((c) => [c.name, c] as const))('%s', (_name, c) => tryCase(c));
});

async function tryCase(c: Case): Promise<void> {
  {
    tried++;
    const project = copyProject('basic', table);
    c.edit?.(project);
    if (c.state) await c.state();
    try {
      const before = await scanAll(client, table);
      const args = c.raw ? c.raw(project) : ['--manifest', project.manifest, '--endpoint', localEndpoint(), ...c.args];
      const r = await runCli(args, c.env ? { env: c.env } : {});
      const out = r.stdout + r.stderr;
      expect(r.code, out).toBe(c.code);
      for (const s of c.says)
        expect(out).toMatch(typeof s === 'string' ? new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : s);
      // One clear message: a single "error:" line, no stack trace.
      expect(out).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
      expect((r.stderr.match(/^error:/gm) ?? []).length).toBeLessThanOrEqual(1);
      expect(await scanAll(client, table)).toEqual(before);
      passed++;
    } finally {
      if (c.name.startsWith('state: a corrupt')) await del('_migration', '_migration:garbage');
      if (c.name.startsWith('state: a lock')) await del('_migration_lock', '_migration_lock');
    }
  }
}

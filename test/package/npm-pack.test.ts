import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestTable, localClient, localEndpoint } from '../support/dynamodb-local';

// The package as a user gets it: `npm pack` of this working tree (so dist/ as built by
// `npm run package`), installed into a project outside the repository with the tools a user adds
// beside it. Nothing here resolves from the repository's node_modules.
const ROOT = join(import.meta.dirname, '..', '..');
const versionOf = (name: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
// The versions this repository installed, so that npm finds them in its cache.
const TOOLS = ['@vercel/ncc', 'typescript', '@types/node'].map((name) => `${name}@${versionOf(name)}`);

let tmp: string;
let project: string;
let files: string[] = [];
/** Why the packed package could not be installed (no npm registry and a cold cache); the tests say so and skip. */
let noInstall: string | undefined;

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 150_000 });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

beforeAll(() => {
  for (const built of ['dist/lib/index.js', 'dist/lib/types/index.d.ts', 'dist/cli/index.js']) {
    if (!existsSync(join(ROOT, built)))
      throw new Error(`${built} is missing: run npm run package first (this test packs dist/ as it is).`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'dm-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', tmp], ROOT);
  expect(pack.code, pack.out).toBe(0);
  const [packed] = JSON.parse(pack.out.slice(pack.out.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed!.files.map((f) => f.path);

  project = join(tmp, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'packed-user', private: true, type: 'module' }));
  const specs = [join(tmp, packed!.filename), ...TOOLS];
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // The cache first (quick, and enough once this has run on the machine), else the registry.
  let install = run('npm', ['install', '--offline', ...quiet, ...specs], project);
  if (install.code !== 0) install = run('npm', ['install', '--prefer-offline', ...quiet, ...specs], project);
  if (install.code !== 0) {
    if (!/ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/.test(install.out))
      throw new Error(`npm install of the packed tarball failed:\n${install.out}`);
    noInstall = `SKIPPED: the packed package was not installed: no npm registry and its dependencies are not in the npm cache.\n${install.out.slice(0, 600)}`;
    console.warn(`\n!!! ${noInstall}\n`);
  }
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed package', () => {
  test('holds the built library with its declarations and the CLI, and no sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/lib/index.js',
        'dist/lib/types/index.d.ts',
        'dist/cli/index.js',
        'schema/manifest.schema.json',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // The CLI loads each command's code from chunks beside its entry (dist/cli/<id>.index.js): all of them are packed.
    const cli = readdirSync(join(ROOT, 'dist/cli')).map((f) => `dist/cli/${f}`);
    expect(cli.filter((f) => /\/\d+\.index\.js$/.test(f)).length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(cli));
    // The action's bundle is for GitHub, not for npm users.
    expect(files).not.toContain('dist/index.js');
  });

  test("a TypeScript file type-checks against `import { defineMigration } from 'dynamodb-migrate'`, and a wrong one does not", (ctx) => {
    if (noInstall) return ctx.skip(noInstall);
    // NodeNext: the strictest resolution (ESM, declarations must name .js files). skipLibCheck as
    // most projects set it: then declarations that fail to resolve their own imports turn into
    // `any` silently, which the typo in bad.ts would no longer be reported against.
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['good.ts', 'bad.ts'],
      }),
    );
    writeFileSync(
      join(project, 'good.ts'),
      [
        "import { defineMigration, type MigrationContext } from 'dynamodb-migrate';",
        'export default defineMigration({',
        "  version: '1.0.0',",
        '  async up(ctx: MigrationContext) {',
        '    const table: string = ctx.table;',
        "    await ctx.data.forEach({ type: 'Customer' }, () => undefined);",
        '    return table;',
        '  },',
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'bad.ts'),
      [
        "import { defineMigration } from 'dynamodb-migrate';",
        'export default defineMigration({',
        "  version: '1.0.0',",
        '  up: (ctx) => ctx.tabel,',
        '});',
        '',
      ].join('\n'),
    );
    const tsc = run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', '.'], project);
    expect(tsc.code, tsc.out).not.toBe(0);
    expect(tsc.out).toMatch(
      /bad\.ts\(4,\d+\): error TS2551: Property 'tabel' does not exist on type 'MigrationContext<BulkData>'/,
    );
    // Nothing else: good.ts and the package's declarations are clean.
    expect(tsc.out.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('bad.ts('))).toEqual([]);
  }, 90_000);

  test('the installed bin runs: --help, and lint of a migration that imports dynamodb-migrate', (ctx) => {
    if (noInstall) return ctx.skip(noInstall);
    writeProject(project, 'packed-dev');
    const bin = join(project, 'node_modules', '.bin', 'dynamodb-migrate');
    const help = run(bin, ['--help'], project);
    expect(help.code, help.out).toBe(0);
    expect(help.out).toContain('build-controller');
    const lint = run(bin, ['lint'], project);
    expect(lint.code, lint.out).toBe(0);
    expect(lint.out).toContain('1 migrations');
  });

  test('build-controller of the installed CLI bundles the installed library; the handler applies the migration', async (ctx) => {
    if (noInstall) return ctx.skip(noInstall);
    const dynamo = localClient();
    const table = await createTestTable(dynamo);
    writeProject(project, table);
    const build = run(
      join(project, 'node_modules', '.bin', 'dynamodb-migrate'),
      ['build-controller', '--out', 'build/controller'],
      project,
    );
    expect(build.code, build.out).toBe(0);
    expect(
      readFileSync(join(project, 'build', 'controller.zip'))
        .subarray(0, 4)
        .toString('hex'),
    ).toBe('504b0304');
    // index.js (Lambda's index.handler) names the handler of the bundle, controller.js.
    const code = readFileSync(join(project, 'build', 'controller', 'controller.js'), 'utf8');
    expect(code).toContain('MODULE: ./node_modules/dynamodb-migrate/dist/lib/index.js');
    expect(code).not.toContain(ROOT);

    // As Lambda runs it: the folder alone, no node_modules anywhere above it.
    const deployed = join(tmp, 'deployed');
    cpSync(join(project, 'build', 'controller'), deployed, { recursive: true });
    const invoke = (event: object) => {
      const script = `require(${JSON.stringify(join(deployed, 'index.js'))}).handler(${JSON.stringify(event)}).then((r) => console.log(JSON.stringify(r)))`;
      const r = run(process.execPath, ['-e', script], deployed, {
        AWS_ENDPOINT_URL_DYNAMODB: localEndpoint(),
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_REGION: 'us-east-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      });
      expect(r.code, r.out).toBe(0);
      return (JSON.parse(r.out.trim().split('\n').at(-1)!) as { body: unknown }).body;
    };
    expect(invoke({ cmd: 'getOutstandingVersions', config: { name: table } })).toEqual(['1.0.0']);
    expect(invoke({ cmd: 'dm:apply', config: { name: table }, args: { command: 'apply' } })).toMatchObject({
      status: 'applied',
    });
    const hello = await dynamo.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: 'hello' }, sk: { S: 'hello' } } }),
    );
    expect(hello.Item?.from?.S).toBe('packed');
  }, 120_000);
});

/** A user's project: the manifest at its default path and one TypeScript migration importing the library and the SDK. */
function writeProject(dir: string, table: string): void {
  mkdirSync(join(dir, 'migrations'), { recursive: true });
  writeFileSync(
    join(dir, 'migrations', 'manifest.yaml'),
    ['version: 1', 'migrations: .', 'environments:', '  dev:', `    table: ${table}`, '    target: latest', ''].join(
      '\n',
    ),
  );
  writeFileSync(
    join(dir, 'migrations', '1.0.0-hello.ts'),
    [
      "import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';",
      "import { defineMigration } from 'dynamodb-migrate';",
      '',
      "const Key = { pk: { S: 'hello' }, sk: { S: 'hello' } };",
      'export default defineMigration({',
      "  version: '1.0.0',",
      "  description: 'Say hello',",
      '  async up(ctx) {',
      "    await ctx.client.send(new PutItemCommand({ TableName: ctx.table, Item: { ...Key, from: { S: 'packed' } } }));",
      '  },',
      '  async down(ctx) {',
      '    await ctx.client.send(new DeleteItemCommand({ TableName: ctx.table, Key }));',
      '  },',
      '});',
      '',
    ].join('\n'),
  );
}

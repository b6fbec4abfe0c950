/**
 * The Lambda controller's cold start: `build-controller` bundles test/fixtures/projects/lambda
 * (three migrations and a reset) from this repository's source into a folder under
 * node_modules/.cache (so the migrations' own imports resolve when bundling), and each cold
 * `node` process then loads the bundle: with `import()` (how the Lambda stand-in of the tests
 * loads it) and with `require()` (how Lambda's Node.js runtime loads a `.js` handler whose
 * package.json says commonjs, as build-controller writes it), and once more loading it and
 * answering a first OneTable command against DynamoDB Local, so that what loading on demand
 * moves from the import to the first invocation is counted too.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { buildController } from '../../src/build/build-controller';
import { createDynamoClient } from '../../src/dynamodb/client';
import { startDynamoDbLocal } from '../../src/dynamodb/local';
import { nodeStartMs } from './action';
import type { LatencyRow } from './rows';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'projects', 'lambda');
const RUNS = 7;
export const CONTROLLER_TARGET_MS = 300;

/** What one cold process reports: ms since its start (performance.now()) at each point. */
interface ChildTimes {
  /** When the bundle's loading began (what Node itself cost before it). */
  startMs: number;
  /** import() or require() of the bundle, to its handler being there. */
  loadMs: number;
  /** From the start of the load to the first invocation's answer (when asked). */
  firstAnswerMs?: number;
  /** CPU (user + system) the process had used when the handler was there. */
  cpuMs: number;
}

/** The child: loads the bundle as asked, optionally invokes it once, prints ChildTimes. */
const CHILD = `
const [how, file, event] = process.argv.slice(1);
const t0 = performance.now();
const mod = how === 'require'
  ? (await import('node:module')).createRequire(import.meta.url)(file)
  : await import((await import('node:url')).pathToFileURL(file).href);
const handler = mod.handler ?? mod.default?.handler;
const t1 = performance.now();
const cpu = process.cpuUsage();
if (typeof handler !== 'function') throw new Error('no handler exported');
const out = { startMs: t0, loadMs: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
if (event) {
  await handler(JSON.parse(event), { getRemainingTimeInMillis: () => 60000, functionName: 'bench' });
  out.firstAnswerMs = performance.now() - t0;
}
console.log(JSON.stringify(out));
`;

function runChild(
  how: 'import' | 'require',
  file: string,
  env: NodeJS.ProcessEnv,
  event?: object,
): Promise<ChildTimes> {
  const args = ['--input-type=module', '-e', CHILD, how, file, ...(event ? [JSON.stringify(event)] : [])];
  return new Promise((ok, fail) =>
    execFile(process.execPath, args, { env, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return fail(new Error(`controller child failed: ${stderr || err.message}`));
      ok(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildTimes);
    }),
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Builds the controller of the lambda fixture (build-controller into a temporary folder, from
 * this repository's source) and times RUNS cold processes of each way of loading it.
 */
export async function measureController(
  o: {
    runs?: number | undefined;
    /** A running DynamoDB Local to use; default: one started for the measurement. */
    endpoint?: string | undefined;
    /** A controller already built (development: compare two builds); its invocation row is left out. */
    entry?: string | undefined;
  } = {},
): Promise<LatencyRow[]> {
  const runs = o.runs ?? RUNS;
  // Inside the repository, so the migrations' @aws-sdk imports resolve when bundling.
  const root = join(ROOT, 'node_modules', '.cache', 'dm-bench-latency', `controller-${process.pid}`);
  // DynamoDB Local: the caller's (the bench's run shares one), else one of its own.
  const local = o.endpoint ? { endpoint: o.endpoint, stop: async () => {} } : await startDynamoDbLocal();
  try {
    const table = `bench-controller-${Date.now()}`;
    const project = join(root, 'migrations');
    mkdirSync(project, { recursive: true });
    cpSync(FIXTURE, project, { recursive: true });
    const manifest = join(project, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('table: lambda-dev', `table: ${table}`));
    const built = o.entry
      ? { entry: o.entry, migrations: [] }
      : await buildController({ manifest, out: join(root, 'controller'), zip: false });
    const client = createDynamoClient({ endpoint: local.endpoint, region: 'us-east-1', local: true });
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    client.destroy();
    // What a Lambda function's environment holds; nothing of this process's.
    const env = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
    };
    const dir = dirname(built.entry);
    const size = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    const what = `build-controller of test/fixtures/projects/lambda (${built.migrations.length || 'its'} migration files), ${(size / 1e6).toFixed(2)} MB of JavaScript`;
    const anchor = await nodeStartMs(runs);
    const event = { cmd: 'getCurrentVersion', config: { name: table } };
    const cases = [
      { name: 'controller bundle: import()', how: 'import', event: undefined },
      {
        name: "controller bundle: require() (Lambda's runtime, package type commonjs)",
        how: 'require',
        event: undefined,
      },
      { name: 'controller bundle: import() and a first getCurrentVersion answered', how: 'import', event },
    ] as const;
    const rows: LatencyRow[] = [];
    for (const c of cases) {
      if (o.entry && c.event) continue;
      await runChild(c.how, built.entry, env, c.event); // warm the file cache
      const times: ChildTimes[] = [];
      for (let i = 0; i < runs; i++) times.push(await runChild(c.how, built.entry, env, c.event));
      const ms = times.map((t) => (c.event ? t.firstAnswerMs! : t.loadMs));
      rows.push({
        name: c.name,
        medianMs: median(ms),
        targetMs: c.event ? undefined : CONTROLLER_TARGET_MS,
        anchorMs: anchor,
        note: `${what}; in-process time from the start of the load${c.event ? ' to the answer' : ''}, median of ${runs} cold processes (runs: ${ms.map((t) => t.toFixed(0)).join(', ')}); Node's own start before it, median ${median(times.map((t) => t.startMs)).toFixed(0)} ms; CPU used when loaded, median ${median(times.map((t) => t.cpuMs)).toFixed(0)} ms; anchor: node -e 0 (whole process)`,
      });
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
    await local.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await measureController()) console.log(JSON.stringify(row));
}

/**
 * The action's start: from `node dist/index.js` (the committed bundle, run as the runner runs
 * it: INPUT_* variables, the event payload at GITHUB_EVENT_PATH, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files) to the first API call it makes, GitHub's REST API (the loopback
 * stand-in of the tests) or DynamoDB (DynamoDB Local behind a proxy that notes when its first
 * request arrives). Uses dist/index.js as it is: run `npm run package` first to measure the
 * source.
 */
import { execFile, execFileSync } from 'node:child_process';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { inputEnv } from '../../src/github/inputs';
import { startDynamoDbLocal } from '../../src/dynamodb/local';
import { createDynamoClient } from '../../src/dynamodb/client';
import { transpilerOfEntry } from '../../src/loader/transpile-cache';
import { startGitHubStub, type GitHubStub } from '../../test/support/github-api-stub';
import type { LatencyRow } from './rows';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'index.js');
const MIGRATIONS = join(ROOT, 'test', 'action', 'fixtures', 'migrations');
/** Two migration files as a small repository has them (they import the AWS SDK, as users' do). */
const FILES = ['1.0.0-seed.ts', '1.1.0-status.ts'];
const RUNS = 7;
export const ACTION_TARGET_MS = 300;

/** A forwarding proxy in front of DynamoDB Local that keeps the arrival time of each request. */
interface CountingProxy {
  url: string;
  /** process.hrtime.bigint() of every request since the last reset, in order. */
  arrivals: bigint[];
  /** Called at each request's arrival, before it is forwarded. */
  onRequest: (() => void) | undefined;
  close(): Promise<void>;
}

function startCountingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const arrivals: bigint[] = [];
  const proxy = { arrivals, onRequest: undefined as (() => void) | undefined };
  const server: Server = createServer((req, res) => {
    arrivals.push(process.hrtime.bigint());
    proxy.onRequest?.();
    const out = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok(
        Object.assign(proxy, {
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        }),
      ),
    ),
  );
}

/** The milliseconds from `start` to the first of these arrivals (undefined: none). */
function firstAfter(start: bigint, ...lists: bigint[][]): number | undefined {
  const first = lists
    .flat()
    .filter((t) => t >= start)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
  return first === undefined ? undefined : Number(first - start) / 1e6;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Wall time of a cold `node -e 0`, the anchor: what any Node process costs before our code runs. */
export async function nodeStartMs(runs = RUNS, node = process.execPath): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await new Promise<void>((ok, fail) => execFile(node, ['-e', '0'], (e) => (e ? fail(e) : ok())));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/** A repository checkout with the manifest and the migrations, and a table for them. */
function workspace(table: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-action-'));
  mkdirSync(join(dir, 'migrations'));
  // Migration files import the AWS SDK as a user's would, from the repository's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const f of FILES) copyFileSync(join(MIGRATIONS, f), join(dir, 'migrations', f));
  writeFileSync(
    join(dir, 'migrations', 'manifest.yaml'),
    `version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: ${table}\n    region: us-east-1\n`,
  );
  return dir;
}

/** One cold run of the bundle on a pull request (plan mode): ms from spawn to its first API request. */
async function timeOneRun(o: {
  dist: string;
  ws: string;
  gh: GitHubStub;
  proxy: CountingProxy;
  event: 'pull_request' | 'push';
  /** The transpile cache to keep between runs; default none kept (HOME is new each run, as on a fresh runner). */
  cacheDir?: string | undefined;
  nodeArgs?: string[] | undefined;
  node: string;
}): Promise<{ wallMs: number; cpuMs: number | undefined; transpiled: Record<string, number> }> {
  const tmp = mkdtempSync(join(tmpdir(), 'dm-bench-runner-'));
  const files = { event: join(tmp, 'event.json'), output: join(tmp, 'output'), summary: join(tmp, 'summary.md') };
  const full = `${o.gh.owner}/${o.gh.repo}`;
  const payload =
    o.event === 'pull_request'
      ? {
          action: 'synchronize',
          number: 7,
          pull_request: {
            number: 7,
            head: { sha: 'a'.repeat(40), repo: { full_name: full } },
            base: { ref: 'main', repo: { full_name: full } },
          },
          repository: { full_name: full, default_branch: 'main' },
        }
      : { ref: 'refs/heads/main', repository: { full_name: full, default_branch: 'main' } };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: full,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.gh.url,
    GITHUB_WORKSPACE: o.ws,
    RUNNER_TEMP: tmp,
    AWS_ENDPOINT_URL_DYNAMODB: o.proxy.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // A plan only (a push would apply): the first API call is what is timed, not the writes.
    ...inputEnv({ 'github-token': o.gh.token, command: 'plan' }),
    ...(o.cacheDir ? { DYNAMODB_MIGRATE_CACHE_DIR: o.cacheDir } : {}),
  };
  const ghArrivals = () => o.gh.requests.map((r) => BigInt(r.at) * 1_000_000n);
  o.proxy.arrivals.length = 0;
  o.gh.requests.length = 0;
  let pid: number | undefined;
  let cpuMs: number | undefined;
  // The CPU the process had used when its first DynamoDB request arrived: a figure that other
  // load on the machine inflates much less than the wall time.
  o.proxy.onRequest = () => {
    if (cpuMs === undefined && pid !== undefined) cpuMs = cpuMsOf(pid);
  };
  const start = process.hrtime.bigint();
  // Date.now() of the same instant, to compare with the stand-in's millisecond arrival times.
  const startWall = BigInt(Date.now()) * 1_000_000n;
  try {
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((ok) => {
      const child = execFile(
        o.node,
        [...(o.nodeArgs ?? []), o.dist],
        { cwd: o.ws, env, timeout: 120_000 },
        (err, _out, stderr) => ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
      );
      pid = child.pid;
    });
    const dynamo = firstAfter(start, o.proxy.arrivals);
    const github = firstAfter(startWall, ghArrivals());
    const first = [dynamo, github].filter((t): t is number => t !== undefined).sort((a, b) => a - b)[0];
    if (first === undefined) throw new Error(`the action made no API call (exit ${code}): ${stderr.slice(-2000)}`);
    // Which transpiler made each file this run (a fresh runner's cache, in RUNNER_TEMP, starts empty).
    const transpiled: Record<string, number> = {};
    const entries = join(o.cacheDir ?? join(tmp, 'dynamodb-migrate-cache'), 'transpile');
    if (!o.cacheDir && existsSync(entries))
      for (const name of readdirSync(entries).filter((n) => n.endsWith('.js'))) {
        const by = transpilerOfEntry(readFileSync(join(entries, name), 'utf8')) ?? 'unnamed';
        transpiled[by] = (transpiled[by] ?? 0) + 1;
      }
    // The GitHub stand-in came first: the process's CPU at that moment is not known.
    return {
      wallMs: first,
      cpuMs: github !== undefined && github < (dynamo ?? Infinity) ? undefined : cpuMs,
      transpiled,
    };
  } finally {
    o.proxy.onRequest = undefined;
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** User and system CPU a running process has used (Linux /proc; undefined elsewhere), 10 ms steps. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Medians of RUNS cold runs of dist/index.js as it is (the lead rebuilds it with `npm run
 * package` before a bench run), from process start to the first API request: a pull request's
 * plan and a push with `command: plan` on a fresh runner (no transpile cache), and the pull
 * request's plan with the transpile cache warm, beside plain `node -e 0`.
 */
export async function measureAction(
  o: {
    /** The bundle to run; default dist/index.js. */
    dist?: string | undefined;
    /** Cold runs per row (default 7). */
    runs?: number | undefined;
    /** A running DynamoDB Local to use; default: one started for the measurement. */
    endpoint?: string | undefined;
    /** Node options for each run, e.g. --cpu-prof (development). */
    nodeArgs?: string[] | undefined;
    /**
     * The Node that runs the action; default BENCH_ACTION_NODE, else this process's. GitHub runs
     * the action on node24 (action.yml), whose type stripping spares babel on a fresh runner.
     */
    node?: string | undefined;
  } = {},
): Promise<LatencyRow[]> {
  const dist = o.dist ?? DIST;
  const node = o.node ?? process.env.BENCH_ACTION_NODE ?? process.execPath;
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const runs = o.runs ?? RUNS;
  // DynamoDB Local: the caller's (the bench's run shares one), else one of its own.
  const local = o.endpoint ? { endpoint: o.endpoint, stop: async () => {} } : await startDynamoDbLocal();
  const proxy = await startCountingProxy(local.endpoint);
  const gh = await startGitHubStub();
  const dirs: string[] = [];
  try {
    const client = createDynamoClient({ endpoint: local.endpoint, region: 'us-east-1', local: true });
    const table = `bench-action-${Date.now()}`;
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
    const ws = workspace(table);
    dirs.push(ws);
    const anchor = await nodeStartMs(RUNS, node);
    const rows: LatencyRow[] = [];
    const cases = [
      { name: 'pull_request plan', event: 'pull_request', cacheDir: undefined },
      { name: 'push, command: plan', event: 'push', cacheDir: undefined },
      // A later step of the same job, or a runner that keeps its home: the migrations' transpiled code is cached.
      { name: 'pull_request plan, transpile cache warm', event: 'pull_request', cacheDir: join(ws, '.dm-cache') },
    ] as const;
    for (const c of cases) {
      // One untimed run first: the files in the OS cache, and the transpile cache filled when it is kept.
      await timeOneRun({ dist, ws, gh, proxy, event: c.event, cacheDir: c.cacheDir, node });
      const times: Awaited<ReturnType<typeof timeOneRun>>[] = [];
      for (let i = 0; i < runs; i++)
        times.push(
          await timeOneRun({ dist, ws, gh, proxy, event: c.event, cacheDir: c.cacheDir, nodeArgs: o.nodeArgs, node }),
        );
      // Say which path compiled the migrations in the timed runs: type stripping or babel.
      const transpiled: Record<string, number> = {};
      for (const t of times)
        for (const [by, count] of Object.entries(t.transpiled)) transpiled[by] = (transpiled[by] ?? 0) + count;
      const transformNote = c.cacheDir
        ? 'no transform (cache warm)'
        : `files transformed, over the ${runs} runs: ${
            Object.entries(transpiled)
              .map(([by, count]) => `${count} by ${by === 'strip' ? "Node's type stripping" : by}`)
              .join(', ') || 'none'
          }`;
      const cpu = times.map((t) => t.cpuMs).filter((t): t is number => t !== undefined);
      rows.push({
        name: `action ${c.name}: start to first API call`,
        medianMs: median(times.map((t) => t.wallMs)),
        targetMs: ACTION_TARGET_MS,
        anchorMs: anchor,
        note: `${relative(ROOT, dist)} on Node ${nodeVersion}, ${FILES.length} migrations, transpile cache ${c.cacheDir ? 'warm' : 'empty (a fresh runner)'}, ${transformNote}; median of ${runs} cold processes (runs: ${times.map((t) => t.wallMs.toFixed(0)).join(', ')}); CPU used by then, median: ${cpu.length ? `${median(cpu)} ms` : 'n/a'}; anchor: node -e 0`,
      });
    }
    return rows;
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await gh.close();
    await proxy.close();
    await local.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await measureAction()) console.log(JSON.stringify(row));
}

/**
 * The bench's latency section: how long a user waits for the bundled CLI (`node
 * dist/cli/index.js`), each command a cold process, medians of 7 (after one untimed run, which
 * also fills the transpile cache), against DynamoDB Local on this machine. `plan`, `status` and
 * `lint` on a project of 200 TypeScript migrations (20 applied) are shown beside the same command
 * on 20 migrations, so the cost per file shows; `--version` and `--help` beside plain `node -e 0`.
 * The transpile cache is a fresh folder per run, so the first `plan` at 200 (the cache empty)
 * is reported too. Then the action's rows (action.ts) and the controller's (controller.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { measureAction } from './action';
import { coldMedian, coldRun } from './cold';
import { measureController } from './controller';
import { APPLIED, DUMMY_AWS_ENV, prepareLatencyProject } from './project';
import type { LatencyRow } from './rows';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled CLI, as `npm run package` builds it. */
export const BUNDLED_CLI = join(ROOT, 'dist/cli/index.js');

/** The issue's targets, in milliseconds. */
const TARGET = { version: 150, command: 500 } as const;
const RUNS = 7;
const SIZES = [APPLIED, 200] as const;

/** The CLI's rows: each command's median, its target and its anchor. */
export async function measureCli(opts: {
  endpoint: string;
  client: DynamoDBClient;
  cli?: string;
  log?: (m: string) => void;
}): Promise<LatencyRow[]> {
  const cli = opts.cli ?? BUNDLED_CLI;
  const log = opts.log ?? (() => undefined);
  const work = mkdtempSync(join(tmpdir(), 'dm-latency-'));
  try {
    const env = { ...process.env, ...DUMMY_AWS_ENV, DYNAMODB_MIGRATE_CACHE_DIR: join(work, 'cache') };
    const stamp = Date.now().toString(36);
    const projects = new Map<number, string>();
    for (const n of SIZES) {
      const p = await prepareLatencyProject({
        dir: join(work, `project-${n}`),
        count: n,
        table: `latency-${n}-${stamp}`,
        client: opts.client,
        endpoint: opts.endpoint,
        cli,
      });
      projects.set(n, p.manifest);
    }
    const time = (args: string[], okCodes: number[] = [0]) => coldMedian(args, { env, okCodes, runs: RUNS }).medianMs;
    const rows: LatencyRow[] = [];
    const node = time(['-e', '0']);
    rows.push({ name: 'node -e 0', medianMs: node, note: 'plain node, the floor of any cold start' });
    rows.push({
      name: '--version',
      medianMs: time([cli, '--version']),
      targetMs: TARGET.version,
      anchorMs: node,
      note: 'anchor: node -e 0',
    });
    rows.push({ name: '--help', medianMs: time([cli, '--help']), anchorMs: node, note: 'anchor: node -e 0' });

    // The first plan on 200 files, with the transpile cache empty (one run: it fills the cache).
    const manifest200 = projects.get(200)!;
    const first = coldRun([cli, '--manifest', manifest200, '--endpoint', opts.endpoint, 'plan'], { env });
    log(`latency: plan at 200 migrations, transpile cache empty: ${first.ms.toFixed(0)} ms`);

    const commands: { name: string; args: (manifest: string) => string[] }[] = [
      { name: 'plan', args: (m) => ['--manifest', m, '--endpoint', opts.endpoint, 'plan'] },
      { name: 'status', args: (m) => ['--manifest', m, '--endpoint', opts.endpoint, 'status'] },
      { name: 'lint', args: (m) => ['--manifest', m, 'lint'] },
    ];
    for (const c of commands) {
      const at = new Map(SIZES.map((n) => [n, time([cli, ...c.args(projects.get(n)!)])]));
      const small = at.get(APPLIED)!;
      rows.push({ name: `${c.name}, ${APPLIED} migrations`, medianMs: small });
      rows.push({
        name: `${c.name}, 200 migrations`,
        medianMs: at.get(200)!,
        targetMs: TARGET.command,
        anchorMs: small,
        note: `anchor: ${c.name} at ${APPLIED} migrations; ${perFile(small, at.get(200)!)} ms a file`,
      });
      log(`latency: ${c.name}: ${small.toFixed(0)} ms at ${APPLIED}, ${at.get(200)!.toFixed(0)} ms at 200`);
    }
    rows.push({
      name: 'plan, 200 migrations, transpile cache empty',
      medianMs: first.ms,
      anchorMs: rows.find((r) => r.name === 'plan, 200 migrations')!.medianMs,
      note: 'one run, which fills the cache; anchor: plan at 200 with the cache filled',
    });
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The cost of each of the 180 files added from 20 to 200 migrations, signed. */
const perFile = (small: number, large: number): string => {
  const d = (large - small) / (200 - APPLIED);
  return `${d < 0 ? '−' : '+'}${Math.abs(d).toFixed(2)}`;
};

const ms = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`;

/** The rows as a markdown table: median, target (met or not) and anchor. */
export function latencyTable(rows: readonly LatencyRow[]): string {
  return [
    `Cold processes, median of ${RUNS} each (after one untimed run), DynamoDB Local, ${cpus().length} CPUs, Node ${process.version}`,
    '',
    '| What | Median | Target | Anchor | Note |',
    '|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${ms(r.medianMs)} | ${r.targetMs === undefined ? '' : `≤ ${ms(r.targetMs)} ${r.medianMs <= r.targetMs ? '(met)' : '(**not met**)'}`} | ${r.anchorMs === undefined ? '' : ms(r.anchorMs)} | ${r.note ?? ''} |`,
    ),
  ].join('\n');
}

/**
 * Runs the section (the CLI's rows, then the action's and the controller's, measured by
 * action.ts and controller.ts on the same DynamoDB Local), writes bench/results/latency.json and
 * returns the table.
 */
export async function runLatencySection(opts: {
  endpoint: string;
  client: DynamoDBClient;
  cli?: string;
  log?: (m: string) => void;
}): Promise<string> {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const startLoad = load();
  const rows = [
    ...(await measureCli(opts)),
    ...(await measureAction({ endpoint: opts.endpoint })),
    ...(await measureController({ endpoint: opts.endpoint })),
  ].map((r) => ({ ...r, medianMs: Math.round(r.medianMs * 10) / 10 }));
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadAverage: { start: startLoad, end: load() } },
    runs: RUNS,
    cli: relative(ROOT, opts.cli ?? BUNDLED_CLI),
    rows,
    targets: Object.fromEntries(
      rows
        .filter((r) => r.targetMs !== undefined)
        .map((r) => [r.name, { targetMs: r.targetMs, met: r.medianMs <= r.targetMs! }]),
    ),
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latency.json'), `${JSON.stringify(results, null, 2)}\n`);
  return latencyTable(rows);
}

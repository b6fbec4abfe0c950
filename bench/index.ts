/**
 * `npm run bench [-- --items N]`: the same migration (customers get GSI keys packed from two
 * attributes; `name` becomes `fullName`) run four ways on DynamoDB Local, each on a fresh copy
 * of the same N items (about 1 KB each, three entity types):
 *   (a) our engine with its defaults (in-place PartiQL UPDATEs, 25 to a BatchExecuteStatement,
 *       safe on a live table), in a child process (its peak RSS, at N/10 and at N);
 *   (a') extra rows, not among the four: the engine with `updates: 'rewrite'` (BatchWriteItem of
 *       whole items, for items no one else writes during the migration) and with
 *       `updates: 'update-item'` (one UpdateItem per item, the default before PartiQL batching);
 *   (b) the idiomatic OneTable migration, with onetable-migrate and dynamodb-onetable;
 *   (c) a bare-SDK upper bound: parallel Scan + BatchWriteItem at the best concurrency tried;
 *   (d) a naive sequential Scan + UpdateItem loop, on a prefix of the data.
 * Items/s is table items processed per second of the migration. Writes bench/results/latest.json.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PassOptions } from '../src/dynamodb/bulk';
import { createDynamoClient } from '../src/dynamodb/client';
import { startDynamoDbLocal } from '../src/dynamodb/local';
import { createBenchTable, dropBenchTable, seedBenchTable, verifyBenchTable } from './data';
import { runBareSdk } from './variants/bare-sdk';
import { runNaive } from './variants/naive';
import { runOnetable } from './variants/onetable';

const run = promisify(execFile);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 30) throw new Error(`--${name} must be an integer >= 30`);
  return v;
}

const N = arg('items', 100_000);
const NAIVE = Math.min(N, arg('naive-items', 10_000));
const log = (m: string): void => void process.stderr.write(`${m}\n`);

const local = await startDynamoDbLocal({ timeoutMs: 120_000 });
const client = createDynamoClient({ endpoint: local.endpoint, local: true, region: 'us-east-1' });
let tableNo = 0;

async function freshTable(n: number): Promise<string> {
  const name = `bench-${++tableNo}`;
  await createBenchTable(client, name);
  const t = performance.now();
  await seedBenchTable(client, name, n);
  log(`seeded ${name} with ${n} items in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return name;
}

async function checked(table: string, n: number, customers = Math.ceil(n / 3)): Promise<void> {
  const v = await verifyBenchTable(client, table);
  if (v.items !== n || v.migratedCustomers !== customers)
    throw new Error(`${table}: expected ${n} items and ${customers} migrated customers, found ${JSON.stringify(v)}`);
}

interface EngineRun {
  ms: number;
  maxRssBytes: number;
  peakLiveHeapBytes: number;
  segments: number;
}

async function engine(n: number, options?: PassOptions): Promise<EngineRun> {
  const table = await freshTable(n);
  const script = fileURLToPath(new URL('./variants/engine-child.ts', import.meta.url));
  const args = ['--import', 'jiti/register', script, local.endpoint, table, ...(options ? [JSON.stringify(options)] : [])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as EngineRun;
  await checked(table, n);
  await dropBenchTable(client, table);
  return out;
}

try {
  log(`benchmark: N = ${N} items, ${cpus().length} CPUs, Node ${process.version}`);
  const tenth = await engine(Math.round(N / 10));
  log(`(a) engine at N/10: ${tenth.ms.toFixed(0)} ms, peak RSS ${(tenth.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  const full = await engine(N);
  log(`(a) engine at N: ${full.ms.toFixed(0)} ms, ${full.segments} segments, peak RSS ${(full.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  const rewrite = await engine(N, { updates: 'rewrite' });
  log(`(a') engine, updates: 'rewrite', at N: ${rewrite.ms.toFixed(0)} ms, peak RSS ${(rewrite.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  const perItem = await engine(N, { updates: 'update-item' });
  log(`(a') engine, updates: 'update-item', at N: ${perItem.ms.toFixed(0)} ms, peak RSS ${(perItem.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);

  let table = await freshTable(N);
  const onetable = await runOnetable(client, table);
  await checked(table, N);
  await dropBenchTable(client, table);
  log(`(b) onetable: ${onetable.ms.toFixed(0)} ms for ${onetable.updated} updates`);

  table = await freshTable(N);
  const trials: { segments: number; writers: number; ms: number }[] = [];
  // The first trial migrates the fresh copy; the later ones rewrite the same items identically.
  for (const [segments, writers] of [
    [16, 4],
    [8, 4],
    [16, 8],
    [32, 4],
  ] as const) {
    const r = await runBareSdk(client, table, segments, writers);
    trials.push({ segments, writers, ms: r.ms });
    log(`(c) bare SDK ${segments} segments x ${writers} writers: ${r.ms.toFixed(0)} ms`);
  }
  await checked(table, N);
  await dropBenchTable(client, table);
  const best = trials.reduce((a, b) => (b.ms < a.ms ? b : a));

  table = await freshTable(NAIVE);
  const naive = await runNaive(client, table, NAIVE);
  await checked(table, NAIVE);
  await dropBenchTable(client, table);
  log(`(d) naive: ${naive.ms.toFixed(0)} ms for ${naive.scanned} items`);

  const rate = (items: number, ms: number): number => Math.round((items * 1000) / ms);
  const variants = {
    engine: { itemsPerSecond: rate(N, full.ms), seconds: full.ms / 1000, items: N, segments: full.segments, updates: 'in-place (default)' },
    engineRewrite: {
      itemsPerSecond: rate(N, rewrite.ms),
      seconds: rewrite.ms / 1000,
      items: N,
      segments: rewrite.segments,
      updates: 'rewrite',
      note: "extra row (a'): opt-in BatchWriteItem of whole items; loses application writes made between read and write",
      peakRssBytes: rewrite.maxRssBytes,
    },
    engineUpdateItem: {
      itemsPerSecond: rate(N, perItem.ms),
      seconds: perItem.ms / 1000,
      items: N,
      segments: perItem.segments,
      updates: 'update-item',
      note: "extra row (a'): one UpdateItem per item, same safety as the default, 25 times the requests",
      peakRssBytes: perItem.maxRssBytes,
    },
    onetable: { itemsPerSecond: rate(N, onetable.ms), seconds: onetable.ms / 1000, items: N },
    bareSdk: { itemsPerSecond: rate(N, best.ms), seconds: best.ms / 1000, items: N, best: { segments: best.segments, writers: best.writers }, trials },
    naive: {
      itemsPerSecond: rate(naive.scanned, naive.ms),
      seconds: naive.ms / 1000,
      items: naive.scanned,
      extrapolatedSecondsAtN: (naive.ms / 1000) * (N / naive.scanned),
      note: naive.scanned < N ? `ran on a fresh table of the first ${naive.scanned} items; rate extrapolated to N` : undefined,
    },
  };
  const ratios = {
    engineToBareSdk: variants.engine.itemsPerSecond / variants.bareSdk.itemsPerSecond,
    engineToOnetable: variants.engine.itemsPerSecond / variants.onetable.itemsPerSecond,
    engineToNaive: variants.engine.itemsPerSecond / variants.naive.itemsPerSecond,
    engineRewriteToBareSdk: variants.engineRewrite.itemsPerSecond / variants.bareSdk.itemsPerSecond,
    engineToEngineUpdateItem: variants.engine.itemsPerSecond / variants.engineUpdateItem.itemsPerSecond,
  };
  const peakRssBytes = { tenth: tenth.maxRssBytes, full: full.maxRssBytes, ratio: full.maxRssBytes / tenth.maxRssBytes };
  const peakLiveHeapBytes = { tenth: tenth.peakLiveHeapBytes, full: full.peakLiveHeapBytes, ratio: full.peakLiveHeapBytes / tenth.peakLiveHeapBytes };
  const targets = {
    engineToBareSdk: { target: 0.9, met: ratios.engineToBareSdk >= 0.9 },
    engineToOnetable: { target: 8, met: ratios.engineToOnetable >= 8 },
    rssFullToTenth: { target: 1.25, met: peakRssBytes.ratio <= 1.25 },
  };
  const results = {
    items: N,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, dynamodb: 'DynamoDB Local (in memory), same machine' },
    variants,
    ratios,
    peakRssBytes,
    peakLiveHeapBytes,
    targets,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

  const f = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const rows = [
    ['(a) dynamodb-migrate engine, defaults (PartiQL UPDATE x25, live-safe)', f(variants.engine.itemsPerSecond), `${variants.engine.seconds.toFixed(1)} s`],
    [
      "(a') extra: engine with `updates: 'rewrite'` (BatchWriteItem, no concurrent writers)",
      f(variants.engineRewrite.itemsPerSecond),
      `${variants.engineRewrite.seconds.toFixed(1)} s`,
    ],
    [
      "(a') extra: engine with `updates: 'update-item'` (UpdateItem per item, live-safe)",
      f(variants.engineUpdateItem.itemsPerSecond),
      `${variants.engineUpdateItem.seconds.toFixed(1)} s`,
    ],
    ['(b) onetable-migrate, idiomatic', f(variants.onetable.itemsPerSecond), `${variants.onetable.seconds.toFixed(1)} s`],
    [`(c) bare SDK, ${best.segments} segments x ${best.writers} writers`, f(variants.bareSdk.itemsPerSecond), `${variants.bareSdk.seconds.toFixed(1)} s`],
    [
      `(d) naive Scan + UpdateItem${naive.scanned < N ? ` (first ${f(naive.scanned)} items)` : ''}`,
      f(variants.naive.itemsPerSecond),
      `${variants.naive.seconds.toFixed(1)} s${naive.scanned < N ? ` (~${f(variants.naive.extrapolatedSecondsAtN)} s at N)` : ''}`,
    ],
  ];
  const table_ = [
    `N = ${f(N)} items (~1 KB, 3 entity types; ${f(Math.ceil(N / 3))} customers migrated), DynamoDB Local, ${cpus().length} CPUs`,
    '',
    '| Variant | Items/s | Time |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `a/c = ${ratios.engineToBareSdk.toFixed(2)} (target >= 0.9: ${targets.engineToBareSdk.met ? 'met' : 'NOT met'}); ` +
      `a/b = ${ratios.engineToOnetable.toFixed(1)} (target >= 8: ${targets.engineToOnetable.met ? 'met' : 'NOT met'}); a/d = ${ratios.engineToNaive.toFixed(1)}; a'/c = ${ratios.engineRewriteToBareSdk.toFixed(2)} (rewrite); ` +
      `default/update-item = ${ratios.engineToEngineUpdateItem.toFixed(2)}`,
    `Engine peak RSS: ${mib(peakRssBytes.tenth)} at N/10, ${mib(peakRssBytes.full)} at N (x${peakRssBytes.ratio.toFixed(2)}; target <= 1.25: ${targets.rssFullToTenth.met ? 'met' : 'NOT met'})`,
    `Engine live heap (largest heapUsed right after a full GC): ${mib(peakLiveHeapBytes.tenth)} at N/10, ${mib(peakLiveHeapBytes.full)} at N (x${peakLiveHeapBytes.ratio.toFixed(2)})`,
  ].join('\n');
  process.stdout.write(`\n${table_}\n`);
} finally {
  await local.stop();
}

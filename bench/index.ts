/**
 * `npm run bench [-- --items N]`: the same migration (customers get GSI keys packed from two
 * attributes; `name` becomes `fullName`) run several ways, each on a fresh copy of the data.
 *
 * On DynamoDB Local (what bounds it there is the CPU of the JVM beside the client), N items
 * of about 1 KB, three entity types:
 *   (a) our engine with its defaults (in-place PartiQL UPDATEs, 25 to a BatchExecuteStatement,
 *       safe on a live table), in a child process (its peak RSS, at N/10 and at N);
 *   (a') extra rows: the engine with `updates: 'rewrite'` (BatchWriteItem of whole items, for
 *       items no one else writes during the migration) and with `updates: 'update-item'`;
 *   (b) the idiomatic OneTable migration, with onetable-migrate and dynamodb-onetable;
 *   (c) a bare-SDK bound: parallel Scan + BatchWriteItem at the best concurrency tried (the
 *       bound for `rewrite`: it has the same lack of safety);
 *   (c') a bare-SDK bound with the default's safety: parallel Scan + PartiQL UPDATE x25 per
 *       BatchExecuteStatement, no bookkeeping (the bound for the default);
 *   a/c', the default against its bound, is measured alike on both sides: `--pairs` rounds
 *       (default 3), each running (a) and (c') once, each on a fresh table in a fresh process,
 *       in alternating order (a first, then c' first, ...), c' at the concurrency its four
 *       calibration trials found best; each row is the median of its runs, and the ratio
 *       is of the medians (the per-round ratios are kept beside it);
 *   (d) a naive sequential Scan + UpdateItem loop, on a prefix of the data.
 *
 * Under the capacity stand-in (bench/capacity/proxy.ts: DynamoDB Local behind a proxy that
 * meters and limits units as provisioned capacity does), on a table of `--capacity-items`
 * customers (every item is migrated, as the plan's estimate assumes) provisioned at
 * `--capacity-wcu` / `--capacity-rcu`: the engine's default with no write-rate, the engine with
 * a write-rate of half the capacity, OneTable, the naive loop and the bare SDK (c). For each:
 * achieved WCU / provisioned, throttled requests, retries, wall time, and the plan's time
 * estimate (src/core/planner.ts, from DescribeTable through the stand-in) against the time
 * measured.
 *
 * Items/s is table items processed per second of the migration. Writes bench/results/latest.json
 * (only when every row ran: `--rows local` or `--rows capacity` are for development).
 *
 * First, the latency section (bench/latency/, `--rows latency` alone): cold starts of the bundled
 * CLI on projects of 20 and 200 migrations, medians of 7, each beside its target and anchor;
 * writes bench/results/latency.json.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { planMigrations } from '../src/core/planner';
import type { PassOptions } from '../src/dynamodb/bulk';
import { createDynamoClient } from '../src/dynamodb/client';
import { startDynamoDbLocal } from '../src/dynamodb/local';
import { StateStore } from '../src/dynamodb/state/state-store';
import { startCapacityProxy, type TableMeter } from './capacity/proxy';
import { createBenchTable, dropBenchTable, seedBenchTable, verifyBenchTable } from './data';
import { runLatencySection } from './latency';
import { bareClient, runBareSdk, runSafeBareSdk } from './variants/bare-sdk';
import { runNaive } from './variants/naive';
import { runOnetable } from './variants/onetable';
import { runRehearsalRow } from './variants/rehearsal';
import { runValidateRow } from './variants/validate';

const run = promisify(execFile);

function arg(name: string, fallback: number, min = 30): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return v;
}

const N = arg('items', 100_000);
const NAIVE = Math.min(N, arg('naive-items', 10_000));
const CAP_N = Math.min(N, arg('capacity-items', 20_000));
/** Rounds of (a) against (c'), each a fresh table and process for both, in alternating order. */
const PAIRS = arg('pairs', 3, 1);
/** The sequential variants (OneTable, naive) under the stand-in run on this prefix: they are latency-bound. */
const SEQ_N = Math.min(CAP_N, arg('capacity-sequential-items', 5_000));
const CAP = { write: arg('capacity-wcu', 500), read: arg('capacity-rcu', 500) };
/** Added to each request under the stand-in: a client in the table's region (a GitHub-hosted runner is further away). */
const LATENCY_MS = arg('capacity-latency-ms', 5, 0);
const rowsArg =
  process.argv.indexOf('--rows') >= 0
    ? process.argv[process.argv.indexOf('--rows') + 1]!
    : 'latency,local,capacity,validate,rehearsal';
const ROWS = new Set(rowsArg.split(','));
const log = (m: string): void => void process.stderr.write(`${m}\n`);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const local = await startDynamoDbLocal({ timeoutMs: 120_000 });
const client = createDynamoClient({ endpoint: local.endpoint, local: true, region: 'us-east-1' });
/** The bare-SDK bounds' client (see bareClient). */
const bare = bareClient(local.endpoint);
let tableNo = 0;

async function freshTable(n: number, customersOnly = false): Promise<string> {
  const name = `bench-${++tableNo}`;
  await createBenchTable(client, name);
  const t = performance.now();
  await seedBenchTable(client, name, n, customersOnly);
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

/** The engine in a child process of its own, on `table` at `endpoint`. */
async function engineChild(endpoint: string, table: string, options?: PassOptions): Promise<EngineRun> {
  const script = fileURLToPath(new URL('./variants/engine-child.ts', import.meta.url));
  const args = ['--import', 'jiti/register', script, endpoint, table, ...(options ? [JSON.stringify(options)] : [])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as EngineRun;
}

async function engine(n: number, options?: PassOptions): Promise<EngineRun> {
  const table = await freshTable(n);
  const out = await engineChild(local.endpoint, table, options);
  await checked(table, n);
  await dropBenchTable(client, table);
  return out;
}

/** (c') in a child process of its own (bare-child.ts), on a fresh table, at this concurrency. */
async function safeBareChild(segments: number, writers: number): Promise<{ ms: number }> {
  const table = await freshTable(N);
  const script = fileURLToPath(new URL('./variants/bare-child.ts', import.meta.url));
  const args = ['--import', 'jiti/register', script, local.endpoint, table, String(segments), String(writers), 'safe'];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number };
  await checked(table, N);
  await dropBenchTable(client, table);
  return out;
}

const medianOf = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

type Trial = { segments: number; writers: number; ms: number };

/** Runs a bare-SDK bound at each concurrency on one table; the first trial migrates it, the later ones write the same result again. */
async function bound(label: string, fn: typeof runBareSdk): Promise<{ best: Trial; trials: Trial[] }> {
  const table = await freshTable(N);
  const trials: Trial[] = [];
  for (const [segments, writers] of [
    [16, 4],
    [8, 4],
    [16, 8],
    [32, 4],
  ] as const) {
    const r = await fn(bare, table, segments, writers);
    trials.push({ segments, writers, ms: r.ms });
    log(`${label} ${segments} segments x ${writers} writers: ${r.ms.toFixed(0)} ms`);
  }
  await checked(table, N);
  await dropBenchTable(client, table);
  return { best: trials.reduce((a, b) => (b.ms < a.ms ? b : a)), trials };
}

const rate = (items: number, ms: number): number => Math.round((items * 1000) / ms);
const f = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;

/** One row under the stand-in. */
interface CapacityRow {
  seconds: number;
  items: number;
  writeUnits: number;
  achievedWcu: number;
  /** Write units consumed per second over the provisioned WCU. */
  utilization: number;
  requests: number;
  throttledRequests: number;
  throttledPct: number;
  retries: number;
  /** When the variant ran on a prefix of `items`: its time for the whole table at the same rate. */
  extrapolatedSecondsAtN?: number | undefined;
  /** The rate the variant was asked to keep (write-rate), when one was set. */
  setRate?: number | undefined;
  estimateSeconds?: number | undefined;
  /** (estimate - measured) / measured, in percent. */
  estimateErrorPct?: number | undefined;
}

async function capacityRows(best: { segments: number; writers: number }): Promise<Record<string, CapacityRow>> {
  const proxy = await startCapacityProxy({ target: local.endpoint, latencyMs: LATENCY_MS });
  const viaProxy = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1' });
  const bareViaProxy = bareClient(proxy.endpoint);
  /** The plan's estimate for a step that rewrites the table, as `plan` shows it, from DescribeTable through the stand-in. */
  const estimate = async (table: string, writeRate: number | undefined): Promise<number | undefined> => {
    const state = await new StateStore(viaProxy, table).readState();
    const plan = planMigrations({
      command: 'apply',
      environment: {
        name: 'bench',
        table,
        target: 'latest',
        protected: false,
        'allow-reset': false,
      },
      // The run's write limit, as resolveRunSettings takes it from the manifest's write-rate.
      writeRate,
      migrations: [
        {
          version: '0.0.1',
          description: 'bench',
          file: '0.0.1.ts',
          checksum: 'sha256:0',
          idempotent: true,
          irreversible: false,
          hasUp: true,
          hasDown: true,
        },
      ],
      state,
      now: Date.now(),
    });
    return plan.estimate?.secondsAtRate;
  };
  /** `prefix`: the variant migrates only that many items (it is latency-bound); its time at CAP_N is extrapolated. */
  const row = async (
    label: string,
    variant: (table: string, c: DynamoDBClient) => Promise<number>,
    { writeRate, onDemand = false, prefix }: { writeRate?: number; onDemand?: boolean; prefix?: number } = {},
  ): Promise<CapacityRow> => {
    const table = await freshTable(CAP_N, true);
    if (!onDemand) proxy.provision(table, CAP);
    const estimateSeconds = onDemand ? undefined : await estimate(table, writeRate);
    // Anew: the run starts with no saved burst (the plan's reads are not the migration's).
    if (!onDemand) proxy.provision(table, CAP);
    const before = proxy.meter(table);
    const ms = await variant(table, viaProxy);
    const m = proxy.meter(table);
    const d = (k: keyof TableMeter): number => m[k] - before[k];
    await checked(table, CAP_N, prefix ?? CAP_N);
    await dropBenchTable(client, table);
    const seconds = ms / 1000;
    const atN = prefix ? (seconds * CAP_N) / prefix : seconds;
    const r: CapacityRow = {
      seconds,
      items: prefix ?? CAP_N,
      ...(prefix ? { extrapolatedSecondsAtN: atN } : {}),
      writeUnits: d('writeUnits'),
      achievedWcu: d('writeUnits') / seconds,
      utilization: d('writeUnits') / seconds / CAP.write,
      requests: d('requests'),
      throttledRequests: d('throttledRequests'),
      throttledPct: (100 * d('throttledRequests')) / Math.max(1, d('requests')),
      retries: d('retries'),
      setRate: writeRate,
      estimateSeconds,
      estimateErrorPct: estimateSeconds === undefined ? undefined : (100 * (estimateSeconds - atN)) / atN,
    };
    log(
      `[capacity] ${label}: ${seconds.toFixed(1)} s, ${f(r.achievedWcu)} WCU (${r.utilization.toFixed(2)}), ${r.throttledPct.toFixed(1)}% throttled, ${r.retries} retries, estimate ${estimateSeconds ?? '-'} s`,
    );
    return r;
  };
  try {
    return {
      engine: await row('engine, defaults', async (t) => (await engineChild(proxy.endpoint, t)).ms),
      engineWriteRate: await row(
        'engine, write-rate 50%',
        async (t) => (await engineChild(proxy.endpoint, t, { rate: { write: CAP.write / 2 } })).ms,
        { writeRate: CAP.write / 2 },
      ),
      onetable: await row('onetable', async (t, c) => (await runOnetable(c, t, SEQ_N)).ms, { prefix: SEQ_N }),
      naive: await row('naive', async (t, c) => (await runNaive(c, t, SEQ_N)).ms, { prefix: SEQ_N }),
      bareSdk: await row('bare SDK', async (t) => (await runBareSdk(bareViaProxy, t, best.segments, best.writers)).ms),
      // Not a capacity row: the same pass with the table on-demand (no bucket) shows what the
      // stand-in and DynamoDB Local behind it serve on this machine; the provisioned rows
      // measure capacity only while this is well above the provisioned WCU.
      engineOnDemand: await row(
        'engine, defaults, table on-demand',
        async (t) => (await engineChild(proxy.endpoint, t)).ms,
        { onDemand: true },
      ),
    };
  } finally {
    viaProxy.destroy();
    bareViaProxy.destroy();
    await proxy.stop();
  }
}

const startLoad = load();
try {
  log(`benchmark: N = ${N} items, ${cpus().length} CPUs, Node ${process.version}, load average ${startLoad}`);
  let localResults: Record<string, unknown> | undefined;
  let ratios: Record<string, number> = {};
  let localTable = '';
  let best: { segments: number; writers: number } = { segments: 32, writers: 4 };
  let rssNote = '';
  let peakRssBytes: { tenth: number; full: number; ratio: number } | undefined;
  let peakLiveHeapBytes: { tenth: number; full: number; ratio: number } | undefined;

  // First, while the machine is quietest: cold starts of the bundled CLI (bench/latency/).
  let latencyTableText = '';
  if (ROWS.has('latency')) latencyTableText = await runLatencySection({ endpoint: local.endpoint, client, log });

  if (ROWS.has('local')) {
    const tenth = await engine(Math.round(N / 10));
    log(`(a) engine at N/10: ${tenth.ms.toFixed(0)} ms, peak RSS ${mib(tenth.maxRssBytes)}`);
    const rewrite = await engine(N, { updates: 'rewrite' });
    log(`(a') engine, updates: 'rewrite', at N: ${rewrite.ms.toFixed(0)} ms, peak RSS ${mib(rewrite.maxRssBytes)}`);
    const perItem = await engine(N, { updates: 'update-item' });
    log(`(a') engine, updates: 'update-item', at N: ${perItem.ms.toFixed(0)} ms, peak RSS ${mib(perItem.maxRssBytes)}`);

    let table = await freshTable(N);
    const onetable = await runOnetable(client, table);
    await checked(table, N);
    await dropBenchTable(client, table);
    log(`(b) onetable: ${onetable.ms.toFixed(0)} ms for ${onetable.updated} updates`);

    const c = await bound('(c) bare SDK', runBareSdk);
    // Calibration: the four trials fix the concurrency of (c'); its figure comes from the rounds below.
    const cSafeTrials = await bound("(c') safe bare SDK, calibration", runSafeBareSdk);
    best = c.best;

    // (a) against (c'), measured alike: each run a fresh table and a fresh process, the order
    // alternating so that neither side always runs on the warmer JVM; medians of PAIRS each.
    const engineRuns: EngineRun[] = [];
    const safeRuns: { ms: number }[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const safeFirst = i % 2 === 1;
      if (safeFirst) safeRuns.push(await safeBareChild(cSafeTrials.best.segments, cSafeTrials.best.writers));
      engineRuns.push(await engine(N));
      if (!safeFirst) safeRuns.push(await safeBareChild(cSafeTrials.best.segments, cSafeTrials.best.writers));
      log(
        `round ${i + 1} of ${PAIRS} (${safeFirst ? "c' first" : 'a first'}): (a) ${engineRuns[i]!.ms.toFixed(0)} ms, (c') ${safeRuns[i]!.ms.toFixed(0)} ms, a/c' = ${(safeRuns[i]!.ms / engineRuns[i]!.ms).toFixed(2)}`,
      );
    }
    const engineMs = medianOf(engineRuns.map((r) => r.ms));
    const safeMs = medianOf(safeRuns.map((r) => r.ms));
    // The run whose time is the median carries the row's other figures (segments, peak RSS).
    const full = engineRuns.find((r) => r.ms === engineMs) ?? engineRuns[0]!;
    log(
      `(a) engine at N: median ${engineMs.toFixed(0)} ms of ${PAIRS}, ${full.segments} segments, peak RSS ${mib(full.maxRssBytes)}`,
    );
    const cSafe = { best: { ...cSafeTrials.best, ms: safeMs }, trials: cSafeTrials.trials };

    table = await freshTable(NAIVE);
    const naive = await runNaive(client, table, NAIVE);
    await checked(table, NAIVE);
    await dropBenchTable(client, table);
    log(`(d) naive: ${naive.ms.toFixed(0)} ms for ${naive.scanned} items`);

    const variants = {
      engine: {
        itemsPerSecond: rate(N, engineMs),
        seconds: engineMs / 1000,
        items: N,
        segments: full.segments,
        updates: 'in-place (default)',
        runs: engineRuns.map((r) => r.ms),
        note: `median of ${PAIRS} runs, each on a fresh table in a fresh process, alternating with (c')`,
      },
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
      bareSdk: {
        itemsPerSecond: rate(N, c.best.ms),
        seconds: c.best.ms / 1000,
        items: N,
        best: { segments: c.best.segments, writers: c.best.writers },
        trials: c.trials,
      },
      safeBareSdk: {
        itemsPerSecond: rate(N, cSafe.best.ms),
        seconds: cSafe.best.ms / 1000,
        items: N,
        best: { segments: cSafe.best.segments, writers: cSafe.best.writers },
        runs: safeRuns.map((r) => r.ms),
        calibrationTrials: cSafe.trials,
        note: `(c'): PartiQL UPDATE x25 per BatchExecuteStatement, the default's safety, no bookkeeping; median of ${PAIRS} runs, each on a fresh table in a fresh process, alternating with (a), at the concurrency the best of four calibration trials on one table chose`,
      },
      naive: {
        itemsPerSecond: rate(naive.scanned, naive.ms),
        seconds: naive.ms / 1000,
        items: naive.scanned,
        extrapolatedSecondsAtN: (naive.ms / 1000) * (N / naive.scanned),
        note:
          naive.scanned < N
            ? `ran on a fresh table of the first ${naive.scanned} items; rate extrapolated to N`
            : undefined,
      },
    };
    ratios = {
      engineToBareSdk: variants.engine.itemsPerSecond / variants.bareSdk.itemsPerSecond,
      engineToSafeBareSdk: safeMs / engineMs,
      ...Object.fromEntries(engineRuns.map((r, i) => [`engineToSafeBareSdkRound${i + 1}`, safeRuns[i]!.ms / r.ms])),
      engineToOnetable: variants.engine.itemsPerSecond / variants.onetable.itemsPerSecond,
      engineToNaive: variants.engine.itemsPerSecond / variants.naive.itemsPerSecond,
      engineRewriteToBareSdk: variants.engineRewrite.itemsPerSecond / variants.bareSdk.itemsPerSecond,
      engineToEngineUpdateItem: variants.engine.itemsPerSecond / variants.engineUpdateItem.itemsPerSecond,
    };
    peakRssBytes = { tenth: tenth.maxRssBytes, full: full.maxRssBytes, ratio: full.maxRssBytes / tenth.maxRssBytes };
    peakLiveHeapBytes = {
      tenth: tenth.peakLiveHeapBytes,
      full: full.peakLiveHeapBytes,
      ratio: full.peakLiveHeapBytes / tenth.peakLiveHeapBytes,
    };
    localResults = variants;

    const rows = [
      [
        '(a) dynamodb-migrate engine, defaults (PartiQL UPDATE x25, live-safe)',
        f(variants.engine.itemsPerSecond),
        `${variants.engine.seconds.toFixed(1)} s`,
      ],
      [
        "(a') engine with `updates: 'rewrite'` (BatchWriteItem, no concurrent writers)",
        f(variants.engineRewrite.itemsPerSecond),
        `${variants.engineRewrite.seconds.toFixed(1)} s`,
      ],
      [
        "(a') engine with `updates: 'update-item'` (UpdateItem per item, live-safe)",
        f(variants.engineUpdateItem.itemsPerSecond),
        `${variants.engineUpdateItem.seconds.toFixed(1)} s`,
      ],
      [
        '(b) onetable-migrate, idiomatic',
        f(variants.onetable.itemsPerSecond),
        `${variants.onetable.seconds.toFixed(1)} s`,
      ],
      [
        `(c) bare SDK, BatchWriteItem, ${c.best.segments} segments x ${c.best.writers} writers`,
        f(variants.bareSdk.itemsPerSecond),
        `${variants.bareSdk.seconds.toFixed(1)} s`,
      ],
      [
        `(c') bare SDK, PartiQL UPDATE x25 (live-safe), ${cSafe.best.segments} segments x ${cSafe.best.writers} writers`,
        f(variants.safeBareSdk.itemsPerSecond),
        `${variants.safeBareSdk.seconds.toFixed(1)} s`,
      ],
      [
        `(d) naive Scan + UpdateItem${naive.scanned < N ? ` (first ${f(naive.scanned)} items)` : ''}`,
        f(variants.naive.itemsPerSecond),
        `${variants.naive.seconds.toFixed(1)} s${naive.scanned < N ? ` (~${f(variants.naive.extrapolatedSecondsAtN)} s at N)` : ''}`,
      ],
    ];
    localTable = [
      `N = ${f(N)} items (~1 KB, 3 entity types; ${f(Math.ceil(N / 3))} customers migrated), DynamoDB Local, ${cpus().length} CPUs`,
      '',
      '| Variant | Items/s | Time |',
      '|---|---:|---:|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      `a/c' = ${ratios.engineToSafeBareSdk!.toFixed(2)} (target >= 0.9) · a'/c = ${ratios.engineRewriteToBareSdk!.toFixed(2)} (rewrite; target >= 0.9) · a/b = ${ratios.engineToOnetable!.toFixed(1)} (target >= 8) · ` +
        `a/c = ${ratios.engineToBareSdk!.toFixed(2)} · a/d = ${ratios.engineToNaive!.toFixed(1)} · default/update-item = ${ratios.engineToEngineUpdateItem!.toFixed(2)}`,
      `(a) and (c') are each the median of ${PAIRS} runs measured alike (a fresh table and a fresh process each, the order alternating; c' at ${cSafe.best.segments} x ${cSafe.best.writers}, the best of its four calibration trials on one table); a/c' per round: ${engineRuns.map((r, i) => (safeRuns[i]!.ms / r.ms).toFixed(2)).join(', ')}. (c) is the best of four trials on one table; the other rows are single runs.`,
    ].join('\n');
    rssNote = [
      `Engine peak RSS: ${mib(peakRssBytes.tenth)} at N/10, ${mib(peakRssBytes.full)} at N (x${peakRssBytes.ratio.toFixed(2)}; target <= 1.25)`,
      `Engine live heap (largest heapUsed right after a full GC): ${mib(peakLiveHeapBytes.tenth)} at N/10, ${mib(peakLiveHeapBytes.full)} at N (x${peakLiveHeapBytes.ratio.toFixed(2)})`,
    ].join('\n');
  }

  let capacity: Record<string, CapacityRow> | undefined;
  let capacityTable = '';
  if (ROWS.has('capacity')) {
    // A JVM that has not run PartiQL yet spends its first seconds compiling it: not the stand-in's capacity.
    if (!ROWS.has('local')) await engine(3000);
    capacity = await capacityRows(best);
    const labels: Record<string, string> = {
      engineOnDemand: 'headroom check: engine, defaults, same table on-demand (no bucket)',
      engine: 'engine, defaults, no write-rate',
      engineWriteRate: `engine, write-rate ${f(CAP.write / 2)} (50%)`,
      onetable: 'onetable-migrate, idiomatic',
      naive: 'naive Scan + UpdateItem',
      bareSdk: `bare SDK (c), ${best.segments} x ${best.writers} BatchWriteItem`,
    };
    capacityTable = [
      `Capacity stand-in: ${f(CAP_N)} customers (~1 KB, every item migrated), table provisioned at ${f(CAP.write)} WCU / ${f(CAP.read)} RCU, no saved burst at the start, ${LATENCY_MS} ms added per request`,
      '',
      '| Variant | WCU used / provisioned | Throttled requests | Retries | Time | Plan estimate (error) |',
      '|---|---:|---:|---:|---:|---:|',
      ...Object.entries(capacity)
        .map(([k, r]) =>
          [
            labels[k],
            k === 'engineOnDemand'
              ? `${f(r.achievedWcu)} (${(r.achievedWcu / CAP.write).toFixed(1)}x the provisioned rows' capacity)`
              : `${f(r.achievedWcu)} / ${f(CAP.write)} = ${r.utilization.toFixed(2)}${r.setRate ? ` (${(r.achievedWcu / r.setRate).toFixed(2)} of the set rate)` : ''}`,
            `${r.throttledPct.toFixed(1)}% (${f(r.throttledRequests)} of ${f(r.requests)})`,
            f(r.retries),
            `${r.seconds.toFixed(1)} s${r.extrapolatedSecondsAtN ? ` (${f(r.items)} items; ~${f(r.extrapolatedSecondsAtN)} s for all)` : ''}`,
            r.estimateSeconds === undefined
              ? '-'
              : `${f(r.estimateSeconds)} s (${r.estimateErrorPct! >= 0 ? '+' : ''}${r.estimateErrorPct!.toFixed(0)}%)`,
          ].join(' | '),
        )
        .map((r) => `| ${r} |`),
    ].join('\n');
  }

  const endLoad = load();
  if (localResults && capacity && peakRssBytes && peakLiveHeapBytes) {
    const e = capacity.engine!;
    const w = capacity.engineWriteRate!;
    const targets = {
      engineToSafeBareSdk: { target: 0.9, met: ratios.engineToSafeBareSdk! >= 0.9 },
      engineRewriteToBareSdk: { target: 0.9, met: ratios.engineRewriteToBareSdk! >= 0.9 },
      engineToOnetable: { target: 8, met: ratios.engineToOnetable! >= 8 },
      rssFullToTenth: { target: 1.25, met: peakRssBytes.ratio <= 1.25 },
      capacityUtilization: { target: 0.9, met: e.utilization >= 0.9 },
      capacityThrottledPct: { target: 2, met: e.throttledPct <= 2 },
      writeRateWithin10Pct: { target: 0.1, met: Math.abs(w.achievedWcu / w.setRate! - 1) <= 0.1 },
      estimateWithin20Pct: {
        target: 20,
        met: Math.abs(e.estimateErrorPct ?? Infinity) <= 20 && Math.abs(w.estimateErrorPct ?? Infinity) <= 20,
      },
    };
    const results = {
      items: N,
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        dynamodb: 'DynamoDB Local (in memory), same machine',
        loadAverage: { start: startLoad, end: endLoad },
      },
      variants: localResults,
      capacity: {
        items: CAP_N,
        provisioned: CAP,
        burst: 'none saved at start',
        latencyMs: LATENCY_MS,
        variants: capacity,
      },
      ratios,
      peakRssBytes,
      peakLiveHeapBytes,
      targets,
    };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  }
  let validateTableText = '';
  if (ROWS.has('validate')) {
    // validate's speed: the engine's read-only scan with every item checked, against a bare parallel scan.
    const table = await freshTable(N);
    const v = await runValidateRow(client, table);
    await dropBenchTable(client, table);
    const ratio = v.scanMs / v.validateMs;
    validateTableText = [
      `| Variant | Items/s | Time |`,
      `| --- | ---: | ---: |`,
      `| validate (engine scan + schema check of every item) | ${Math.round(rate(v.scanned, v.validateMs)).toLocaleString('en-US')} | ${(v.validateMs / 1000).toFixed(1)} s |`,
      `| bare parallel Scan (${v.segments} segments, unmarshall, count) | ${Math.round(rate(v.scanned, v.scanMs)).toLocaleString('en-US')} | ${(v.scanMs / 1000).toFixed(1)} s |`,
      ``,
      `validate/scan = ${ratio.toFixed(2)} (target >= 0.8), ${v.scanned.toLocaleString('en-US')} items, best of 3 each`,
    ].join('\n');
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('./results/validate.json', import.meta.url),
      `${JSON.stringify({ items: v.scanned, date: new Date().toISOString(), loadAverage: load(), validateItemsPerSecond: rate(v.scanned, v.validateMs), bareScanItemsPerSecond: rate(v.scanned, v.scanMs), ratio, target: 0.8, met: ratio >= 0.8, invalid: v.invalid }, null, 2)}\n`,
    );
  }
  let rehearsalTableText = '';
  if (ROWS.has('rehearsal')) {
    // plan --rehearse --sample 1 of one step (the bench's migration) against a plain plan of the same table.
    const table = await freshTable(N);
    const r = await runRehearsalRow(client, table, 1);
    await dropBenchTable(client, table);
    rehearsalTableText = [
      `| Variant | Time | Items/s |`,
      `| --- | ---: | ---: |`,
      `| plan (state read + planner) | ${(r.planMs / 1000).toFixed(2)} s | — |`,
      `| plan --rehearse --sample 1 (one step: the table read once for its 1% sample, up, up again, down in memory) | ${(r.rehearsalMs / 1000).toFixed(2)} s | ${Math.round(rate(N, r.rehearsalMs)).toLocaleString('en-US')} read, ${Math.round(rate(r.sampled, r.rehearsalMs)).toLocaleString('en-US')} rehearsed |`,
      ``,
      `${N.toLocaleString('en-US')} items, ${r.sampled.toLocaleString('en-US')} of them rehearsed (the step's customers in the 1% sample); findings: ${r.findings.join(', ') || 'none'}; best of 3 each`,
    ].join('\n');
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('./results/rehearsal.json', import.meta.url),
      `${JSON.stringify({ items: N, samplePercent: 1, rehearsed: r.sampled, date: new Date().toISOString(), loadAverage: load(), planSeconds: r.planMs / 1000, rehearsalSeconds: r.rehearsalMs / 1000, itemsReadPerSecond: rate(N, r.rehearsalMs), itemsRehearsedPerSecond: rate(r.sampled, r.rehearsalMs), findings: r.findings }, null, 2)}\n`,
    );
  }
  process.stdout.write(
    `\n${[latencyTableText, localTable, rssNote, capacityTable, validateTableText, rehearsalTableText, `Load average: ${startLoad} at the start, ${endLoad} at the end`].filter(Boolean).join('\n\n')}\n`,
  );
} finally {
  bare.destroy();
  await local.stop();
}

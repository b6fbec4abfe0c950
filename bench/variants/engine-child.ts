/**
 * Variant (a), run in a child process so that its peak RSS is its own: our engine with its
 * defaults, or with the pass options given as JSON (variant (a'), `{"updates":"rewrite"}`, and
 * bench/sweep.ts). Usage: engine-child.ts <endpoint> <table> [options-json]; prints one JSON line.
 * It also reports the live heap: the largest heapUsed seen right after one of V8's own full
 * (mark-compact) collections, i.e. what the pass really holds, apart from how far V8 lets the
 * heap grow between collections, which is most of peak RSS and rises with the length of a run.
 * Nothing forces a collection, so the run's speed and RSS are as users get them.
 */
import { Agent } from 'node:http';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../src/dynamodb/client';
import { createDataEngine, type PassOptions } from '../../src/dynamodb/bulk';
import { migrateCustomer } from '../data';

const [endpoint, table, json] = process.argv.slice(2);
if (!endpoint || !table) throw new Error('usage: engine-child.ts <endpoint> <table> [options-json]');
const options = (json ? JSON.parse(json) : {}) as PassOptions;
// BENCH_MAX_SOCKETS (sweeps only): a client whose agent opens more than the SDK's default 50 sockets.
const sockets = Number(process.env.BENCH_MAX_SOCKETS ?? 0);
const client = sockets
  ? new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: sockets }) },
    })
  : createDynamoClient({ endpoint, local: true, region: 'us-east-1' });
const data = createDataEngine({
  client,
  table,
  keys: { hash: 'pk', sort: 'sk' },
  checkpoint: { version: '0.0.1', direction: 'up' },
  progressBar: false,
});
let peakLiveHeapBytes = 0;
let majorGcs = 0;
const gcWatch = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (
      ((e as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind !==
      constants.NODE_PERFORMANCE_GC_MAJOR
    )
      continue;
    majorGcs++;
    peakLiveHeapBytes = Math.max(peakLiveHeapBytes, process.memoryUsage().heapUsed);
  }
});
gcWatch.observe({ entryTypes: ['gc'] });
const started = performance.now();
const result = await data.transform(
  { type: 'Customer' },
  (c) => ({ set: migrateCustomer(c), remove: ['name'] }),
  options,
);
const ms = performance.now() - started;
gcWatch.disconnect();
await data.complete();
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ ms, counts: result.counts, segments: result.segments.total, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, peakLiveHeapBytes, majorGcs })}\n`,
);

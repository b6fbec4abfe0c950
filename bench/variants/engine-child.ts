/**
 * Variant (a), run in a child process so that its peak RSS is its own: our engine with its
 * defaults, or with the pass options given as JSON (variant (a'), `{"updates":"rewrite"}`, and
 * bench/sweep.ts). Usage: engine-child.ts <endpoint> <table> [options-json]; prints one JSON line.
 */
import { Agent } from 'node:http';
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
const data = createDataEngine({ client, table, keys: { hash: 'pk', sort: 'sk' }, checkpoint: { version: '0.0.1', direction: 'up' }, progressBar: false });
const started = performance.now();
const result = await data.transform({ type: 'Customer' }, (c) => ({ set: migrateCustomer(c), remove: ['name'] }), options);
const ms = performance.now() - started;
await data.complete();
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ ms, counts: result.counts, segments: result.segments.total, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);

/**
 * Variant (a), run in a child process so that its peak RSS is its own: our engine with its
 * defaults. Usage: engine-child.ts <endpoint> <table>; prints one JSON line.
 */
import { createDynamoClient } from '../../src/dynamodb/client';
import { createDataEngine } from '../../src/dynamodb/bulk';
import { migrateCustomer } from '../data';

const [endpoint, table] = process.argv.slice(2);
if (!endpoint || !table) throw new Error('usage: engine-child.ts <endpoint> <table>');
const client = createDynamoClient({ endpoint, local: true, region: 'us-east-1' });
const data = createDataEngine({ client, table, keys: { hash: 'pk', sort: 'sk' }, checkpoint: { version: '0.0.1', direction: 'up' }, progressBar: false });
const started = performance.now();
const result = await data.transform({ type: 'Customer' }, (c) => ({ set: migrateCustomer(c), remove: ['name'] }));
const ms = performance.now() - started;
await data.complete();
process.stdout.write(`${JSON.stringify({ ms, counts: result.counts, segments: result.segments.total, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);

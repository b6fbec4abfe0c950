import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDynamoClient } from '../../../src/dynamodb/client';
import { createDataEngine } from '../../../src/dynamodb/bulk';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../../support/dynamodb-local';
import { seed } from './seed';

const direct = localClient();
const keys = { hash: 'pk', sort: 'sk' };
// Small on purpose: the faults are per request, and small pages give plenty of requests.
const N = 600;
let proxy: FaultProxy;
let table = '';

beforeAll(async () => {
  table = await createTestTable(direct);
  await seed(direct, table, N);
  proxy = await startFaultProxy({
    target: localEndpoint(),
    seed: 42,
    // 30% of requests fail one way or another; a fifth of the batches come back half unprocessed.
    rates: { throttle: 0.1, serverError: 0.1, drop: 0.1, unprocessed: 0.2 },
  });
});

afterAll(async () => {
  await proxy?.stop();
  await deleteTestTable(direct, table);
});

test('throttling, 500s, dropped connections and unprocessed items still end with correct data and counts', async () => {
  // No SDK retries: every fault reaches the engine, which must cope on its own.
  const client = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1', maxAttempts: 1 });
  const data = createDataEngine({ client, table, keys, checkpoint: { version: '5.0.0', direction: 'up' } });

  // The default updates: PartiQL UPDATEs, 25 to a BatchExecuteStatement.
  const customers = await data.transform(
    { type: 'Customer' },
    (c) => ({ set: { gs1pk: `R#${String(c.region)}` }, remove: ['name'] }),
    {
      segments: 4,
      checkpointIntervalMs: 0,
    },
  );
  // Batched puts, then batched deletes; pages of 30 read items (about 10 orders) make many batches.
  const orders = await data.transform(
    { type: 'Order' },
    (o) => ({ delete: true, put: [{ pk: `LINE#${String(o.id)}`, sk: 'line', from: o.sk }] }),
    {
      segments: 4,
      pageSize: 30,
    },
  );
  // Not idempotent: a write retried after a lost response must not apply twice.
  const products = await data.transform({ type: 'Product' }, (p) => ({ set: { n: Number(p.n) + 1 } }), {
    segments: 4,
    once: true,
  });

  proxy.setRates({});
  const all = (await scanAll(direct, table)).map((i) => unmarshall(i));
  const third = N / 3;
  expect(customers.counts).toEqual({ scanned: third, changed: third, skipped: 0, failed: 0 });
  expect(orders.counts).toEqual({ scanned: third, changed: third, skipped: 0, failed: 0 });
  expect(products.counts).toEqual({ scanned: third, changed: third, skipped: 0, failed: 0 });
  const cs = all.filter((i) => i._type === 'Customer');
  expect(cs).toHaveLength(third);
  expect(cs.every((c) => c.gs1pk === `R#${String(c.region)}` && c.name === undefined)).toBe(true);
  expect(all.filter((i) => i._type === 'Order')).toEqual([]);
  expect(all.filter((i) => String(i.pk).startsWith('LINE#'))).toHaveLength(third);
  const ps = all.filter((i) => i._type === 'Product');
  expect(ps).toHaveLength(third);
  expect(ps.filter((p) => p.n !== 1)).toEqual([]);

  // The faults really happened, on every kind of request.
  expect(proxy.stats.throttle).toBeGreaterThan(10);
  expect(proxy.stats.serverError).toBeGreaterThan(10);
  expect(proxy.stats.dropBefore + proxy.stats.dropAfter).toBeGreaterThan(10);
  expect(proxy.stats.unprocessed).toBeGreaterThan(5);
  const faulted = new Set(proxy.requests.filter((r) => r.fault !== 'none').map((r) => r.operation));
  for (const op of ['Scan', 'BatchWriteItem', 'BatchExecuteStatement', 'PutItem']) expect(faulted).toContain(op);
  expect(proxy.requests.some((r) => r.operation === 'BatchExecuteStatement' && r.fault === 'unprocessed')).toBe(true);
}, 120_000);

import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, expect, test } from 'vitest';
import { LockLostError } from '../../../src/core/errors';
import { createDynamoClient } from '../../../src/dynamodb/client';
import { leaseFencedClient } from '../../../src/runner/local/read-only-client';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../../support/dynamodb-local';
import { startGateProxy, type GateProxy } from '../../support/gate-proxy';
import { freshSession } from '../../support/session';

/**
 * Fencing against real DynamoDB Local, with a proxy that stops answering chosen requests so
 * that the client's sockets stay busy: a write that waited in the client while the lease ran
 * out must not go out after it, and a saturated main client must not starve the heartbeat.
 */

const direct = localClient();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  delete (globalThis as { __leaseTest?: unknown }).__leaseTest;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `f` holds and `value` has stopped changing for a while (the client has sent all it will). */
async function settled(value: () => number, f: (v: number) => boolean, quietMs = 500): Promise<number> {
  const until = Date.now() + 20_000;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const v = value();
    if (v !== last) [last, since] = [v, Date.now()];
    else if (f(v) && Date.now() - since >= quietMs) return v;
    if (Date.now() > until) throw new Error(`gave up waiting (last value ${v})`);
    await sleep(25);
  }
}

async function gate(rule: Parameters<typeof startGateProxy>[1]): Promise<GateProxy> {
  const proxy = await startGateProxy(localEndpoint(), rule);
  cleanups.push(() => proxy.stop());
  return proxy;
}

test('writes that waited in the client while the lease ran out are not sent after it', async () => {
  const table = await createTestTable(direct);
  cleanups.push(() => deleteTestTable(direct, table));
  const proxy = await gate((r) => (r.operation === 'PutItem' ? 'hold' : 'pass'));
  const base = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1' });
  cleanups.push(async () => base.destroy());
  let lost: Error | undefined;
  const fenced = leaseFencedClient(base, () => lost);
  const puts = () => proxy.seen.filter((r) => r.operation === 'PutItem').length;

  // More writes than the client has sockets: the server holds the first ones, the rest wait in the client.
  const sends = Array.from({ length: 120 }, (_, i) =>
    fenced.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `q#${i}` }, sk: { S: 'q' } } })),
  );
  const sentBefore = await settled(puts, (n) => n > 0);
  expect(sentBefore).toBeLessThan(120);

  // The lease runs out (the process was frozen, say), then the server answers again.
  proxy.setRule(() => 'pass');
  lost = new LockLostError('test: the lease ran out');
  proxy.release();
  const results = await Promise.allSettled(sends);

  expect(puts() - sentBefore).toBe(0);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(sentBefore);
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(refused).toHaveLength(120 - sentBefore);
  expect(refused.every((r) => r.reason === lost)).toBe(true);
  expect(await scanAll(direct, table)).toHaveLength(sentBefore);
});

test("the heartbeat keeps renewing the lease while the run's main client is saturated", async () => {
  const proxy = await gate((r) => (r.operation === 'GetItem' && r.body.Key?.pk?.S === 'hold' ? 'hold' : 'pass'));
  const viaProxy = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1' });
  cleanups.push(async () => viaProxy.destroy());
  const leaseMs = 1500;
  const { session, table } = await freshSession('lease', { client: viaProxy, leaseMs });
  cleanups.push(() => deleteTestTable(direct, table));
  let flood: Promise<unknown>[] = [];
  (globalThis as { __leaseTest?: unknown }).__leaseTest = {
    async duringStep() {
      // Reads that never get an answer take every socket of the main client, for longer than the lease.
      flood = Array.from({ length: 60 }, () =>
        session.client
          .send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'hold' }, sk: { S: 'hold' } } }))
          .catch(() => undefined),
      );
      await settled(
        () => proxy.held(),
        (n) => n > 0,
        200,
      );
      await sleep(leaseMs * 2);
      proxy.setRule(() => 'pass');
      proxy.release();
    },
  };
  const report = await session.apply(await session.plan({ command: 'apply' }));
  await Promise.all(flood);
  expect(report.status, report.error).toBe('applied');
  const written = await direct.send(
    new GetItemCommand({
      TableName: table,
      Key: { pk: { S: 'lease-test' }, sk: { S: 'written-after-wait' } },
      ConsistentRead: true,
    }),
  );
  expect(written.Item).toBeDefined();
});

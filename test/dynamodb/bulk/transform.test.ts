import { getEventListeners } from 'node:events';
import { DeleteItemCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDataEngine, PassIncompleteError, type Item } from '../../../src/dynamodb/bulk';
import { createDynamoClient } from '../../../src/dynamodb/client';
import { startFaultProxy } from '../../support/fault-proxy';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../../support/dynamodb-local';
import { BOOKKEEPING, seed } from './seed';

const client = localClient();
const keys = { hash: 'pk', sort: 'sk' };
const N = 3000;
const tables: string[] = [];

async function freshTable(n = N): Promise<string> {
  const table = await createTestTable(client);
  tables.push(table);
  await seed(client, table, n, BOOKKEEPING);
  return table;
}

async function items(table: string): Promise<Item[]> {
  return (await scanAll(client, table)).map((i) => unmarshall(i));
}

const userItems = (all: Item[]): Item[] => all.filter((i) => !String(i.pk).startsWith('_'));

afterAll(async () => {
  for (const t of tables) await deleteTestTable(client, t);
});

describe('transform', () => {
  let table: string;
  beforeAll(async () => {
    table = await freshTable();
  });

  test('every selected item is transformed exactly once, others and bookkeeping untouched', async () => {
    const calls = new Map<string, number>();
    const data = createDataEngine({ client, table, keys, checkpoint: { version: '1.0.0', direction: 'up' } });
    const result = await data.transform(
      { type: 'Customer' },
      (c) => {
        const k = `${String(c.pk)}|${String(c.sk)}`;
        calls.set(k, (calls.get(k) ?? 0) + 1);
        return {
          set: { gs1pk: `${String(c.region)}#${String(c.id)}`, fullName: c.name, n: Number(c.n) + 1 },
          remove: ['name'],
        };
      },
      { segments: 7 },
    );
    const all = await items(table);
    const customers = userItems(all).filter((i) => i._type === 'Customer');
    expect(customers).toHaveLength(N / 3);
    expect(calls.size).toBe(N / 3);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    for (const c of customers) {
      expect(c.n).toBe(1);
      expect(c.fullName).toBe(`name-${String(c.id)}`);
      expect(c.name).toBeUndefined();
      expect(c.gs1pk).toBe(`${String(c.region)}#${String(c.id)}`);
    }
    for (const other of userItems(all).filter((i) => i._type !== 'Customer')) expect(other.n).toBe(0);
    for (const b of all.filter((i) => String(i.pk).startsWith('_'))) expect(b.n ?? 0).toBe(0);
    expect(result.counts).toEqual({ scanned: N / 3, changed: N / 3, skipped: 0, failed: 0 });
    expect(result.status).toBe('complete');
    expect(data.counts()).toEqual(result.counts);
    // Checkpoints were kept until the step completes, then removed.
    expect(all.some((i) => i.pk === '_migration_checkpoint')).toBe(true);
    await data.complete();
    expect((await items(table)).some((i) => i.pk === '_migration_checkpoint')).toBe(false);
  });

  test('a key prefix is read with Query; replace, delete, put and nothing all apply', async () => {
    const data = createDataEngine({ client, table, keys });
    const result = await data.transform({ partition: 'ORG#3', sortPrefix: 'Order#' }, (o) => {
      const id = Number(o.id);
      if (id % 4 === 3) return { replace: { ...o, replaced: true } };
      if (id % 4 === 1) return { delete: true, put: [{ pk: 'LINES', sk: `line#${id}`, from: o.sk }] };
      return id % 4 === 2 ? { put: [{ pk: 'EXTRA', sk: `x#${id}` }] } : undefined;
    });
    const all = userItems(await items(table));
    const orders = (await items(table)).length; // touch the table again after writes
    expect(orders).toBeGreaterThan(0);
    const expected = Array.from({ length: N }, (_, i) => i).filter((i) => i % 10 === 3 && i % 3 === 1);
    expect(result.counts.scanned).toBe(expected.length);
    const byKey = new Map(all.map((i) => [`${String(i.pk)}|${String(i.sk)}`, i]));
    for (const id of expected) {
      const key = `ORG#3|Order#${String(id).padStart(6, '0')}`;
      if (id % 4 === 3) expect(byKey.get(key)?.replaced).toBe(true);
      if (id % 4 === 1) {
        expect(byKey.has(key)).toBe(false);
        expect(byKey.get(`LINES|line#${id}`)?.from).toBe(`Order#${String(id).padStart(6, '0')}`);
      }
      if (id % 4 === 2) expect(byKey.has(`EXTRA|x#${id}`)).toBe(true);
    }
    expect(result.counts.changed).toBe(expected.filter((i) => i % 4 !== 0).length);
    expect(result.counts.skipped).toBe(expected.filter((i) => i % 4 === 0).length);
  });

  test('a failed author condition skips the item; a throwing transform fails the pass', async () => {
    const data = createDataEngine({ client, table, keys });
    const skipped = await data.transform({ partition: 'ORG#5', sortPrefix: 'Product#' }, () => ({
      set: { touched: true },
      condition: { expression: 'attribute_exists(#nope)', names: { '#nope': 'nope' } },
    }));
    expect(skipped.counts.changed).toBe(0);
    expect(skipped.counts.skipped).toBe(skipped.counts.scanned);
    await expect(
      data.transform({ partition: 'ORG#5' }, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow(/boom/);
  });

  test('bookkeeping partitions cannot be selected', async () => {
    const data = createDataEngine({ client, table, keys });
    await expect(data.transform({ partition: '_migration' }, () => undefined)).rejects.toThrow(/bookkeeping/);
  });
});

describe('updates on a live table', () => {
  // The application writes to the very item being migrated, after the engine read it and
  // before the engine writes it: the transform itself makes that write, so the race is certain.
  const appWrite = (table: string, item: Item): Promise<unknown> =>
    client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } },
        UpdateExpression: 'SET appField = :v, #n = :n',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':v': { S: 'written by the app' }, ':n': { N: '41' } },
      }),
    );
  const read = async (table: string, pk: string, sk: string): Promise<Item> =>
    unmarshall(
      (
        await client.send(
          new GetItemCommand({ TableName: table, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }),
        )
      ).Item!,
    );

  test('by default (in-place) a concurrent application write to the item survives the migration', async () => {
    const table = await freshTable(30);
    const data = createDataEngine({ client, table, keys });
    const result = await data.transform({ partition: 'ORG#1' }, async (item) => {
      await appWrite(table, item);
      return { set: { migrated: true, fullName: item.name }, remove: ['name'] };
    });
    expect(result.counts).toEqual({ scanned: 3, changed: 3, skipped: 0, failed: 0 });
    for (const id of [1, 11, 21]) {
      const type = ['Customer', 'Order', 'Product'][id % 3]!;
      const item = await read(table, 'ORG#1', `${type}#${String(id).padStart(6, '0')}`);
      // Both changes are there: the migration's and the application's.
      expect(item).toMatchObject({ migrated: true, fullName: `name-${id}`, appField: 'written by the app', n: 41 });
      expect(item.name).toBeUndefined();
    }
  });

  test("'rewrite' batches whole items back and so loses that write (what the option warns of)", async () => {
    const table = await freshTable(30);
    const data = createDataEngine({ client, table, keys });
    const result = await data.transform(
      { partition: 'ORG#1' },
      async (item) => {
        await appWrite(table, item);
        return { set: { migrated: true, fullName: item.name }, remove: ['name'] };
      },
      { updates: 'rewrite' },
    );
    expect(result.counts).toEqual({ scanned: 3, changed: 3, skipped: 0, failed: 0 });
    for (const id of [1, 11, 21]) {
      const type = ['Customer', 'Order', 'Product'][id % 3]!;
      const item = await read(table, 'ORG#1', `${type}#${String(id).padStart(6, '0')}`);
      expect(item).toMatchObject({ migrated: true, fullName: `name-${id}`, n: 0 });
      expect(item.name).toBeUndefined();
      // The application's write is gone: the item was overwritten with the copy read before it.
      expect(item.appField).toBeUndefined();
    }
  });

  test.each(['in-place', 'update-item'] as const)(
    '%s: an item the application deleted after we read it is not brought back',
    async (updates) => {
      const table = await freshTable(30);
      const data = createDataEngine({ client, table, keys });
      const result = await data.transform(
        { partition: 'ORG#1' },
        async (item) => {
          await client.send(
            new DeleteItemCommand({
              TableName: table,
              Key: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } },
            }),
          );
          return { set: { migrated: true } };
        },
        { updates },
      );
      expect(result.counts).toEqual({ scanned: 3, changed: 0, skipped: 3, failed: 0 });
      expect(userItems(await items(table)).filter((i) => i.pk === 'ORG#1')).toEqual([]);
    },
  );

  test('in-place sends 25 updates to a request; where PartiQL is denied it warns once and uses UpdateItem', async () => {
    const run = async (updates: 'in-place' | 'update-item', deny: string[] = []) => {
      const table = await freshTable(1500);
      const proxy = await startFaultProxy({ target: localEndpoint(), deny });
      const warnings: string[] = [];
      try {
        const viaProxy = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1' });
        const logger = { info: () => undefined, debug: () => undefined, warn: (m: string) => warnings.push(m) };
        const data = createDataEngine({ client: viaProxy, table, keys, logger });
        const result = await data.transform(
          { type: 'Order' },
          (o) => ({ set: { n: Number(o.n) + 5 }, remove: ['name'] }),
          { updates, segments: 2 },
        );
        const orders = userItems(await items(table)).filter((i) => i._type === 'Order');
        const sent = (op: string) => proxy.requests.filter((r) => r.operation === op).length;
        return { result, orders, warnings, statements: sent('BatchExecuteStatement'), updateItems: sent('UpdateItem') };
      } finally {
        await proxy.stop();
      }
    };
    const done = (r: Awaited<ReturnType<typeof run>>): void => {
      expect(r.result.counts).toEqual({ scanned: 500, changed: 500, skipped: 0, failed: 0 });
      expect(r.orders.filter((o) => o.n !== 5 || o.name !== undefined)).toEqual([]);
    };
    const batched = await run('in-place');
    done(batched);
    expect(batched.updateItems).toBe(0);
    // 500 updates in pages of a few hundred: at least 20 requests, far fewer than 500.
    expect(batched.statements).toBeGreaterThanOrEqual(20);
    expect(batched.statements).toBeLessThan(50);
    expect(batched.warnings).toEqual([]);

    const single = await run('update-item');
    done(single);
    expect(single.statements).toBe(0);
    expect(single.updateItems).toBe(500);

    const denied = await run('in-place', ['BatchExecuteStatement']);
    done(denied);
    expect(denied.updateItems).toBe(500);
    expect(denied.warnings).toHaveLength(1);
    expect(denied.warnings[0]).toMatch(/AccessDenied.*dynamodb:PartiQLUpdate/s);
  });

  test("'rewrite' applies set and remove like in-place does, on every selected item once", async () => {
    const table = await freshTable(1500);
    const calls = new Map<string, number>();
    const data = createDataEngine({ client, table, keys });
    const result = await data.transform(
      { type: 'Order' },
      (o) => {
        const k = `${String(o.pk)}|${String(o.sk)}`;
        calls.set(k, (calls.get(k) ?? 0) + 1);
        return { set: { n: Number(o.n) + 1, fullName: o.name, gone: undefined }, remove: ['name'] };
      },
      { updates: 'rewrite', segments: 3 },
    );
    expect(result.counts).toEqual({ scanned: 500, changed: 500, skipped: 0, failed: 0 });
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    const orders = userItems(await items(table)).filter((i) => i._type === 'Order');
    expect(orders.every((o) => o.n === 1 && o.fullName === `name-${String(o.id)}` && o.name === undefined)).toBe(true);
  });
});

describe('pipeline', () => {
  test('pages written out of order, within a small page budget, still transform every item exactly once', async () => {
    const table = await freshTable(1500);
    const calls = new Map<string, number>();
    const data = createDataEngine({ client, table, keys, checkpoint: { version: '6.0.0', direction: 'up' } });
    const result = await data.transform(
      {},
      async (i) => {
        const k = `${String(i.pk)}|${String(i.sk)}`;
        calls.set(k, (calls.get(k) ?? 0) + 1);
        // Uneven transform times make later pages finish before earlier ones.
        if (Number(i.id) % 7 === 0) await new Promise((r) => setTimeout(r, Number(i.id) % 5));
        return { set: { n: Number(i.n) + 1 } };
      },
      { segments: 2, pageSize: 40, pagesInFlight: 3, writeConcurrency: 16, checkpointIntervalMs: 0 },
    );
    expect(result.counts).toEqual({ scanned: 1500, changed: 1500, skipped: 0, failed: 0 });
    expect(calls.size).toBe(1500);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    const all = await items(table);
    expect(userItems(all).every((i) => i.n === 1)).toBe(true);
    // Every segment's checkpoint ends done, with the counts of all its pages.
    const cps = all
      .filter((i) => i.pk === '_migration_checkpoint')
      .map((i) => i.checkpoint as { done: boolean; scanned: number });
    expect(cps).toHaveLength(2);
    expect(cps.every((c) => c.done)).toBe(true);
    expect(cps.reduce((n, c) => n + c.scanned, 0)).toBe(1500);
  });
});

describe('dry run', () => {
  test('counts what would change and writes nothing', async () => {
    const table = await freshTable(1500);
    const before = await scanAll(client, table);
    const data = createDataEngine({
      client,
      table,
      keys,
      dryRun: true,
      checkpoint: { version: '2.0.0', direction: 'up' },
    });
    const result = await data.transform(
      { type: ['Customer', 'Order'] },
      (i) => (i.type === 'Order' ? undefined : { set: { x: 1 } }),
      {
        segments: 4,
        checkpointIntervalMs: 0,
      },
    );
    expect(result.counts).toEqual({ scanned: 1000, changed: 1000, skipped: 0, failed: 0 });
    expect(result.dryRun).toBe(true);
    const after = await scanAll(client, table);
    const sort = (xs: typeof before): string[] => xs.map((x) => JSON.stringify(x)).sort();
    expect(sort(after)).toEqual(sort(before));
  });
});

describe('sample then full run', () => {
  test('a 20% canary and the full run after it transform every item exactly once', async () => {
    const table = await freshTable();
    const checkpoint = { version: '3.0.0', direction: 'up' };
    const calls = new Map<string, number>();
    const fn = (i: Item) => {
      const k = `${String(i.pk)}|${String(i.sk)}`;
      calls.set(k, (calls.get(k) ?? 0) + 1);
      return { set: { n: Number(i.n) + 1 } };
    };
    const canary = await createDataEngine({ client, table, keys, checkpoint, samplePercent: 20 }).transform({}, fn, {
      segments: 4,
    });
    expect(canary.counts.scanned).toBe(N);
    expect(canary.counts.changed).toBeGreaterThan(N * 0.15);
    expect(canary.counts.changed).toBeLessThan(N * 0.25);
    const sampledKeys = new Set(calls.keys());
    const full = await createDataEngine({ client, table, keys, checkpoint }).transform({}, fn);
    expect(full.counts.changed).toBe(N - canary.counts.changed);
    expect(calls.size).toBe(N);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    const all = userItems(await items(table));
    expect(all.every((i) => i.n === 1)).toBe(true);
    // The same canary again picks the same items (deterministic), all of them already done.
    expect([...sampledKeys].length).toBe(canary.counts.changed);
  });
});

describe('deadline', () => {
  test('stops at a checkpoint with the step incomplete; a resumed run finishes the rest once', async () => {
    const n = 1500;
    const table = await freshTable(n);
    const checkpoint = { version: '4.0.0', direction: 'up' };
    const fn = (i: Item) => ({ set: { n: Number(i.n) + 1 } });
    // The rate limit makes the pass take about three seconds; the deadline comes first.
    const first = createDataEngine({ client, table, keys, checkpoint, deadline: Date.now() + 800 });
    await expect(
      first.transform({}, fn, { segments: 6, pageSize: 100, once: true, rate: { write: 1000 } }),
    ).rejects.toBeInstanceOf(PassIncompleteError);
    expect(first.incomplete()).toBe(true);
    const partial = first.passes()[0]!;
    expect(partial.status).toBe('incomplete');
    expect(partial.counts.changed).toBeGreaterThan(0);
    expect(partial.counts.changed).toBeLessThan(n);
    const second = await createDataEngine({ client, table, keys, checkpoint }).transform({}, fn, {
      segments: 6,
      once: true,
    });
    expect(second.resumed).toBe(true);
    expect(second.counts.scanned).toBe(n);
    expect(second.counts.changed + second.counts.skipped).toBe(n);
    expect(userItems(await items(table)).every((i) => i.n === 1)).toBe(true);
  });

  test("a big pass keeps a constant few listeners on the run's signal, however many requests are in flight", async () => {
    // Node warns (MaxListenersExceededWarning) past 10 'abort' listeners on one signal: one per
    // request or per rate-limit wait would pass that on every big pass, and grow with it.
    const table = await freshTable(2000);
    const controller = new AbortController();
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    let most = 0;
    const count = (): void => void (most = Math.max(most, getEventListeners(controller.signal, 'abort').length));
    const timer = setInterval(count, 1);
    try {
      const data = createDataEngine({
        client,
        table,
        keys,
        signal: controller.signal,
        checkpoint: { version: '5.0.0', direction: 'up' },
      });
      const result = await data.transform(
        {},
        (i) => {
          count();
          return { set: { n: Number(i.n) + 1 } };
        },
        { segments: 16, rate: { write: 4000 } },
      );
      expect(result.counts.changed).toBe(2000);
    } finally {
      clearInterval(timer);
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    // One for the pass's requests, one for its checkpoint store's: a constant, not one per request.
    expect(most).toBeLessThanOrEqual(2);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('an aborted lease stops the pass with the signal reason', async () => {
    const table = await freshTable(600);
    const controller = new AbortController();
    const data = createDataEngine({ client, table, keys, signal: controller.signal });
    const reason = new Error('lease lost');
    const run = data.transform(
      {},
      (i) => {
        if (Number(i.id) === 5) controller.abort(reason);
        return { set: { n: 1 } };
      },
      { segments: 1 },
    );
    await expect(run).rejects.toBe(reason);
  });
});

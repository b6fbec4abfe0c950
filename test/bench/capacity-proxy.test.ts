import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  DescribeTableCommand,
  ExecuteTransactionCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { itemBytes, parseStatement, readUnitsFor, writeUnitsFor } from '../../bench/capacity/metering';
import { startCapacityProxy, type CapacityProxy } from '../../bench/capacity/proxy';
import { createDynamoClient } from '../../src/dynamodb/client';
import { createTestTable, deleteTestTable, localClient, localEndpoint } from '../support/dynamodb-local';

type AV = Record<string, AttributeValue>;

/** An item of exactly `bytes` bytes as DynamoDB sizes it (pk, sk and a pad attribute `p`). */
function itemOf(pk: string, sk: string, bytes: number): AV {
  const base = 'pk'.length + pk.length + 'sk'.length + sk.length + 'p'.length;
  return { pk: { S: pk }, sk: { S: sk }, p: { S: 'x'.repeat(bytes - base) } };
}

describe('item sizes and units (DynamoDB rules)', () => {
  test('names and values count in UTF-8 bytes; numbers by significant digits; lists and maps carry overhead', () => {
    expect(itemBytes({ ab: { S: 'héllo' } })).toBe(2 + 6);
    // 12300 and 0.00123 both have 3 significant digits: 2 bytes + 1.
    expect(itemBytes({ n: { N: '12300' } })).toBe(1 + 3);
    expect(itemBytes({ n: { N: '-0.00123' } })).toBe(1 + 3);
    expect(itemBytes({ b: { BOOL: true }, z: { NULL: true } })).toBe(2 + 2);
    // List: 3 + per element (1 + size); map: 3 + per entry (1 + name + size).
    expect(itemBytes({ l: { L: [{ S: 'ab' }, { S: 'c' }] } })).toBe(1 + 3 + 3 + 2);
    expect(itemBytes({ m: { M: { k: { S: 'vv' } } } })).toBe(1 + 3 + 1 + 1 + 2);
    expect(itemBytes({ s: { SS: ['a', 'bc'] } })).toBe(1 + 3);
    expect(itemBytes(itemOf('a', 'b', 1024) as never)).toBe(1024);
  });

  test('writes round up per KB, reads per 4 KB (half when eventually consistent), at least one unit', () => {
    expect([writeUnitsFor(0), writeUnitsFor(1024), writeUnitsFor(1025), writeUnitsFor(4000)]).toEqual([1, 1, 2, 4]);
    expect([
      readUnitsFor(1, true),
      readUnitsFor(4096, true),
      readUnitsFor(4097, true),
      readUnitsFor(4097, false),
    ]).toEqual([1, 1, 2, 1]);
  });

  test('the PartiQL shapes migrations send are understood: key, SETs in order of their parameters, REMOVEs', () => {
    const st = parseStatement(
      'UPDATE "t" SET "a" = ? SET "b" = ? REMOVE "c" WHERE "pk" = ? AND "sk" = ? AND ("m" IS MISSING OR "m" <> ?)',
      [{ S: '1' }, { S: '2' }, { S: 'P' }, { S: 'S' }, { S: 'token' }],
    );
    expect(st).toMatchObject({
      kind: 'update',
      table: 't',
      set: [
        ['a', { S: '1' }],
        ['b', { S: '2' }],
      ],
      remove: ['c'],
      where: { pk: { S: 'P' }, sk: { S: 'S' } },
    });
    // A SET beyond the parser leaves the after-image unknown but still lines WHERE's parameters up.
    const odd = parseStatement("UPDATE t SET a = a + ?, b = ? REMOVE c, d WHERE pk = ? AND sk = 'lit'", [
      { N: '1' },
      { S: 'b' },
      { S: 'P' },
    ]);
    expect(odd.set).toBeUndefined();
    expect(odd.remove).toEqual(['c', 'd']);
    expect(odd.where).toEqual({ pk: { S: 'P' }, sk: { S: 'lit' } });
  });
});

describe('the stand-in in front of DynamoDB Local', () => {
  const direct = localClient();
  let clock = 1_000_000;
  let proxy: CapacityProxy;
  // One attempt: the SDK's own retries would hide what the stand-in answered.
  let client: ReturnType<typeof createDynamoClient>;
  const tables: string[] = [];
  const table = async (): Promise<string> => {
    const t = await createTestTable(direct);
    tables.push(t);
    return t;
  };

  beforeAll(async () => {
    proxy = await startCapacityProxy({ target: localEndpoint(), now: () => clock, controlPlanePerSecond: 5 });
    client = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1', maxAttempts: 1 });
  });
  afterAll(async () => {
    await proxy?.stop();
    for (const t of tables) await deleteTestTable(direct, t);
  });

  test('a provisioned bucket lets a second of capacity in and refuses the rest of a burst, with the real error shape', async () => {
    const t = await table();
    proxy.provision(t, { read: 100, write: 10 });
    // No saved burst: after one second the bucket holds 10 units.
    clock += 1000;
    const requests = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: itemOf(`k${i}`, 's', 500) } }));
    const res = await client.send(
      new BatchWriteItemCommand({ RequestItems: { [t]: requests }, ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(res.UnprocessedItems?.[t]).toHaveLength(15);
    expect(res.ConsumedCapacity).toEqual([{ TableName: t, CapacityUnits: 10 }]);
    const err = await client
      .send(new PutItemCommand({ TableName: t, Item: itemOf('one', 's', 100) }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      $metadata: { httpStatusCode: 400 },
    });
    // What was refused was not written.
    expect(
      (await direct.send(new GetItemCommand({ TableName: t, Key: { pk: { S: 'k20' }, sk: { S: 's' } } }))).Item,
    ).toBeUndefined();
    // Half a second refills 5 units; the retried put goes in.
    clock += 500;
    await client.send(new PutItemCommand({ TableName: t, Item: itemOf('one', 's', 100) }));
    expect(proxy.meter(t)).toMatchObject({
      requests: 3,
      throttledRequests: 2,
      throttledItems: 16,
      retries: 1,
      writeUnits: 11,
    });
  });

  test('unused capacity is saved as burst, up to burstSeconds of it', async () => {
    const t = await table();
    proxy.provision(t, { read: 100, write: 2 });
    // 10 minutes idle saves at most 300 s x 2 units = 600 units.
    clock += 600_000;
    const put = (i: number): Promise<unknown> =>
      client.send(new PutItemCommand({ TableName: t, Item: itemOf(`b${i}`, 's', 10 * 1024) })).catch((e: unknown) => e);
    const results: unknown[] = [];
    for (let i = 0; i < 61; i++) results.push(await put(i));
    // Each put costs 10 units: 60 of them spend the 600 saved; the 61st finds the bucket empty.
    expect(results.slice(0, 60).every((r) => !(r instanceof Error))).toBe(true);
    expect(results[60]).toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  });

  test('units follow item size: KB rounding for writes, the larger of before and after for a PartiQL UPDATE, twice for a transaction', async () => {
    const t = await table();
    const put = async (item: AV): Promise<number | undefined> =>
      (await client.send(new PutItemCommand({ TableName: t, Item: item, ReturnConsumedCapacity: 'TOTAL' })))
        .ConsumedCapacity?.CapacityUnits;
    expect(await put(itemOf('a', 's', 1024))).toBe(1);
    expect(await put(itemOf('b', 's', 1025))).toBe(2);
    await put(itemOf('c', 's', 1000));
    const update = (pk: string, pad: string) => ({
      Statement: `UPDATE "${t}" SET "p" = ? WHERE "pk" = ? AND "sk" = ?`,
      Parameters: [{ S: pad }, { S: pk }, { S: 's' }],
    });
    // a: 1,024 bytes grows to 1,024 - 1,019 + 3,000; c: 1,000 bytes shrinks to a few; z does not exist.
    const res = await client.send(
      new BatchExecuteStatementCommand({
        Statements: [update('a', 'y'.repeat(3000)), update('c', 'y'), update('z', 'y')],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(res.Responses?.map((r) => r.Error?.Code)).toEqual([undefined, undefined, 'ConditionalCheckFailed']);
    // 3 (a, after) + 1 (c, before) + 1 (z: a failed condition still costs a unit).
    expect(res.ConsumedCapacity).toEqual([{ TableName: t, CapacityUnits: 5 }]);
    const quiet = await client.send(new BatchExecuteStatementCommand({ Statements: [update('c', 'w')] }));
    expect(quiet.ConsumedCapacity).toBeUndefined();
    const tx = await client.send(
      new ExecuteTransactionCommand({ TransactStatements: [update('b', 'v')], ReturnConsumedCapacity: 'INDEXES' }),
    );
    // b was 1,025 bytes (2 units) and shrinks: 2 units, twice.
    expect(tx.ConsumedCapacity).toEqual([{ TableName: t, CapacityUnits: 4, Table: { CapacityUnits: 4 } }]);
    const upd = await client.send(
      new UpdateItemCommand({
        TableName: t,
        Key: { pk: { S: 'c' }, sk: { S: 's' } },
        UpdateExpression: 'SET q = :q',
        ExpressionAttributeValues: { ':q': { S: 'q' } },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    expect(upd.ConsumedCapacity).toMatchObject({ TableName: t, CapacityUnits: 1, Table: { CapacityUnits: 1 } });
    expect(proxy.meter(t).writeUnits).toBe(1 + 2 + 1 + 5 + 1 + 4 + 1);
  });

  test('a BatchExecuteStatement beyond capacity answers ProvisionedThroughputExceeded in place of each statement left out, and runs only the rest', async () => {
    const t = await table();
    for (let i = 0; i < 6; i++)
      await direct.send(new PutItemCommand({ TableName: t, Item: itemOf(`u${i}`, 's', 200) }));
    proxy.provision(t, { read: 100, write: 4 });
    clock += 1000;
    const statements = Array.from({ length: 6 }, (_, i) => ({
      Statement: `UPDATE "${t}" SET "done" = ? WHERE "pk" = ? AND "sk" = ?`,
      Parameters: [{ BOOL: true }, { S: `u${i}` }, { S: 's' }],
    }));
    const res = await client.send(new BatchExecuteStatementCommand({ Statements: statements }));
    expect(res.Responses?.map((r) => r.Error?.Code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ProvisionedThroughputExceeded',
      'ProvisionedThroughputExceeded',
    ]);
    const done = await Promise.all(
      statements.map(
        async (_, i) =>
          (await direct.send(new GetItemCommand({ TableName: t, Key: { pk: { S: `u${i}` }, sk: { S: 's' } } }))).Item
            ?.done?.BOOL ?? false,
      ),
    );
    expect(done).toEqual([true, true, true, true, false, false]);
  });

  test('a hot partition key is limited to 1,000 WCU a second even when the table is not', async () => {
    const t = await table();
    const put = (pk: string, sk: string): Promise<unknown> =>
      client.send(new PutItemCommand({ TableName: t, Item: itemOf(pk, sk, 10 * 1024) })).then(
        () => 'ok',
        (e: unknown) => e,
      );
    // On-demand (not provisioned): 100 items of 10 units fill one key's second.
    for (let i = 0; i < 100; i++) expect(await put('hot', `s${i}`)).toBe('ok');
    expect(await put('hot', 'one-more')).toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(await put('cold', 's')).toBe('ok');
    clock += 20;
    expect(await put('hot', 'one-more')).toBe('ok');
  });

  test('reads: a Scan page is charged by the size it read, filter or not, and one in debt holds the next back', async () => {
    const t = await table();
    // 40 items of 4 KB: 160 KB, 20 units eventually consistent.
    for (let i = 0; i < 40; i++)
      await direct.send(new PutItemCommand({ TableName: t, Item: itemOf(`r${i}`, 's', 4096) }));
    proxy.provision(t, { read: 10, write: 10 });
    clock += 1000;
    const scan = () =>
      client.send(
        new ScanCommand({
          TableName: t,
          FilterExpression: 'pk = :none',
          ExpressionAttributeValues: { ':none': { S: 'none' } },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
    const first = await scan();
    expect(first.Items).toHaveLength(0);
    expect(first.ConsumedCapacity).toEqual({ TableName: t, CapacityUnits: 20 });
    // 10 in, 20 charged: the bucket owes 10 and refuses until a second has paid it back.
    await expect(scan()).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    clock += 1000;
    await expect(scan()).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    clock += 100;
    expect((await scan()).ScannedCount).toBe(40);
    expect(proxy.meter(t).readUnits).toBe(40);
  });

  test('DescribeTable shows the simulated capacity; control-plane requests beyond the rate get ThrottlingException', async () => {
    const t = await table();
    proxy.provision(t, { read: 3000, write: 1000 });
    clock += 1000;
    const d = await client.send(new DescribeTableCommand({ TableName: t }));
    expect(d.Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 3000, WriteCapacityUnits: 1000 });
    expect(d.Table?.BillingModeSummary?.BillingMode).toBe('PROVISIONED');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        client.send(new DescribeTableCommand({ TableName: t })).then(
          () => 'ok',
          (e: unknown) => e,
        ),
      ),
    );
    // 5 a second: the first call above and four more go in, the other two are refused.
    expect(answers.filter((a) => a === 'ok')).toHaveLength(4);
    expect(answers.find((a) => a !== 'ok')).toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
      $metadata: { httpStatusCode: 400 },
    });
    expect(proxy.controlPlaneThrottles()).toBe(2);
  });
});

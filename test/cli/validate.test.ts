import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, test } from 'vitest';
import { runCliInProcess } from '../support/cli';
import { createTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { copyProject } from '../support/project';

/**
 * `validate` on DynamoDB Local: planted bad items are found with exact counts, per model and
 * problem; exit 4 when any item does not fit, 0 when all do, 2 without a schema.
 */
async function setup() {
  const client = localClient();
  const table = await createTestTable(client);
  const { manifest } = copyProject('validate', table);
  const cli = (...args: string[]) => runCliInProcess(['--manifest', manifest, '--endpoint', localEndpoint(), ...args]);
  const put = async (items: Record<string, unknown>[]) => {
    for (let i = 0; i < items.length; i += 25) {
      await client.send(
        new BatchWriteItemCommand({
          RequestItems: { [table]: items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: marshall(it) } })) },
        }),
      );
    }
  };
  return { cli, put };
}

const customer = (i: number, over: Record<string, unknown> = {}) => ({
  pk: `customer#c${i}`,
  sk: 'customer#',
  _type: 'Customer',
  id: `c${i}`,
  email: `c${i}@example.com`,
  status: 'active',
  ...over,
});
const order = (i: number, over: Record<string, unknown> = {}) => ({
  pk: `customer#c${i % 40}`,
  sk: `order#o${i}`,
  _type: 'Order',
  id: `o${i}`,
  customerId: `c${i % 40}`,
  total: i,
  ...over,
});

describe('validate', () => {
  test('finds planted bad items with exact counts, by model and problem', async () => {
    const { cli, put } = await setup();
    expect((await cli('apply', '--yes')).code).toBe(0);
    const good = [
      ...Array.from({ length: 300 }, (_, i) => customer(i)),
      ...Array.from({ length: 700 }, (_, i) => order(i)),
    ];
    const missing = [1000, 1001].map((i) => {
      const { email: _e, ...rest } = customer(i);
      return rest;
    });
    const wrongType = [2000, 2001, 2002].map((i) => order(i, { total: String(i) }));
    const badEnum = [3000, 3001, 3002, 3003].map((i) => customer(i, { status: 'deleted' }));
    const badKey = [4000, 4001, 4002, 4003, 4004].map((i) => order(i, { pk: `customer#someone-else` }));
    const unknown = [
      ...Array.from({ length: 6 }, (_, i) => ({ pk: `misc#${i}`, sk: 'misc', _type: 'Invoice' })),
      { pk: 'untyped', sk: 'untyped' },
    ];
    await put([...good, ...missing, ...wrongType, ...badEnum, ...badKey, ...unknown]);

    const r = await cli('validate', '--json');
    expect(r.code, r.stderr).toBe(4);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({ version: '1.0.0', scanned: 1000 + 2 + 3 + 4 + 5 + 7, invalid: 14, unknownType: 7 });
    // The schema item and the migration records are bookkeeping: never read.
    expect(v.models.Customer).toMatchObject({
      scanned: 306,
      invalid: 6,
      problems: [
        { attribute: 'status', kind: 'enum', count: 4 },
        { attribute: 'email', kind: 'missing', count: 2 },
      ],
    });
    expect(v.models.Order).toMatchObject({
      scanned: 708,
      invalid: 8,
      problems: [
        { attribute: 'pk', kind: 'template', count: 5 },
        { attribute: 'total', kind: 'type', count: 3 },
      ],
    });
    expect(v.models.Order.examples).toHaveLength(5);
    expect(v.models.Order.examples[0]).toHaveProperty('pk');

    const text = await cli('validate');
    expect(text.code).toBe(4);
    expect(text.stdout).toMatch(/14 do not fit/);
    expect(text.stdout).toMatch(/template\s+pk: 5/);
  });

  test('exit 0 when every item fits; a sample reads part of the table', async () => {
    const { cli, put } = await setup();
    expect((await cli('apply', '--yes')).code).toBe(0);
    await put(Array.from({ length: 400 }, (_, i) => order(i)));
    const all = await cli('validate', '--json');
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout)).toMatchObject({ scanned: 400, invalid: 0 });
    const sample = JSON.parse((await cli('validate', '--json', '--sample', '25')).stdout);
    expect(sample.samplePercent).toBe(25);
    expect(sample.scanned).toBeGreaterThan(50);
    expect(sample.scanned).toBeLessThan(150);
  });

  test('bad input: no schema stored and none given, a bad rate, an unknown version: exit 2', async () => {
    const { cli } = await setup();
    const none = await cli('validate');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no _schema item to validate against: pass --version/);
    expect((await cli('validate', '--rate', 'fast')).code).toBe(2);
    expect((await cli('validate', '--version', '9.9.9')).stderr).toMatch(/no migration file for that version/);
    // With a version given, the files' schema serves.
    expect((await cli('validate', '--version', '1.0.0')).code).toBe(0);
  });
});

describe('the scheduled drift check', () => {
  test('with validate: in the manifest, data that does not fit is a drift finding', async () => {
    const { freshSession, openLocalSession } = await import('../support/session');
    const { session, client, table } = await freshSession('validate');
    await session.apply(await session.plan({ command: 'apply' }));
    const env = { ...session.environment, validate: { sample: 100 } };
    const checking = openLocalSession(session.project, env, { client });
    expect((await checking.drift()).drifted).toBe(false);
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { [table]: [{ PutRequest: { Item: marshall(order(1, { total: 'lots' })) } }] },
      }),
    );
    const d = await checking.drift();
    expect(d.drifted).toBe(true);
    expect(d.findings).toEqual([
      {
        kind: 'data',
        message: expect.stringMatching(/1 of 1 items \(a 100% sample\) do not fit the schema 1\.0\.0 \(Order 1\)/),
      },
    ]);
    expect(d.validation?.models.Order?.problems).toEqual([{ attribute: 'total', kind: 'type', count: 1 }]);
    // Without validate: in the manifest, the drift check does not read the data.
    expect((await session.drift()).findings).toEqual([]);
  });
});

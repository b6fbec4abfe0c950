import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deployController, type DeployedController } from '../support/controller-fixture';
import { scanAll } from '../support/dynamodb-local';
import { startLambdaStub, type LambdaStub } from '../support/lambda-stub';
import { oneTableCli, type OneTableCliOptions } from '../support/onetable-cli';

/**
 * Our controller driven by SenseDeep's `onetable` CLI 1.3.5 (its `arn` setting), with the exact
 * events it sends (test/support/onetable-cli.ts), each command checked in the table afterwards.
 */
let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

/** The `onetable` block of migrate.json5, which the CLI sends as `config`. */
const config = (d: DeployedController) => ({ name: d.table, partial: true });

const cli = (d: DeployedController, argv: string, o: OneTableCliOptions = {}) =>
  oneTableCli(d.lambda, d.functionName, config(d), argv, o);

async function table(d: DeployedController) {
  const items = (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i));
  const records = items
    .filter((i) => i.pk === '_migration')
    .sort((a, b) => a.date - b.date)
    .map((r) => ({ version: r.version, status: r.status }));
  return {
    items,
    records,
    status: items.find((i) => i.pk === 'status'),
    migrationItems: items.filter((i) => i.pk === '_migration'),
  };
}

/** Every `_migration` item keeps OneTable's format: key, attributes and `_type`. */
function expectOneTableRecords(items: Record<string, any>[]) {
  for (const r of items) {
    expect(r.sk).toBe(`_migration:${r.version}:${r.date}`);
    expect(r).toMatchObject({ _type: '_Migration', status: 'success' });
    expect(typeof r.date).toBe('number');
    expect(typeof r.path).toBe('string');
    expect(typeof r.description).toBe('string');
  }
}

const apply = (run: { events: any[] }) => run.events.filter((e) => e.cmd === 'apply');

describe("OneTable's CLI 1.3.5 driving our controller", () => {
  test('status, outstanding, named and list read the table; up, all, down move it one way or the other', async () => {
    const d = await deployController(stub);
    expect((await cli(d, 'status')).printed).toEqual(['0.0.0']);
    const outstanding = await cli(d, 'outstanding');
    expect(outstanding.printed).toEqual(['1.0.0\n1.1.0\n1.2.0']);
    expect(outstanding.events.map((e) => e.cmd)).toEqual(['getCurrentVersion', 'getOutstandingVersions']);
    // `onetable named` sends getNamedMigrations (OneTable Migrate's name before 1.2.0).
    const named = await cli(d, 'named');
    expect(named.errors).toEqual([]);
    expect(named.printed).toEqual(['reset']);
    expect((await cli(d, 'list')).printed).toEqual(['No migrations applied']);
    expect((await table(d)).items).toEqual([]);

    const up = await cli(d, 'up');
    expect(apply(up)).toEqual([
      { cmd: 'apply', config: config(d), args: { action: 'up', version: '1.0.0', params: { dry: '' } } },
    ]);
    expect(up.errors).toEqual([]);
    let t = await table(d);
    expect(t.records).toEqual([{ version: '1.0.0', status: 'success' }]);
    expect(t.status).toMatchObject({ v: '1.0.0' });

    const all = await cli(d, 'all');
    expect(apply(all).map((e) => e.args)).toEqual([
      { action: 'up', version: '1.1.0', params: { dry: '' } },
      { action: 'up', version: '1.2.0', params: { dry: '' } },
    ]);
    expect(all.printed.at(-1)).toBe('Current database version: 1.2.0');
    t = await table(d);
    expect(t.records.map((r) => r.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expectOneTableRecords(t.migrationItems);
    expect(t.status).toMatchObject({ v: '1.0.0', ups110: 1 });

    const list = await cli(d, 'list');
    expect(list.printed.map((l) => l.trim().split(/\s+/)[1])).toEqual(['1.0.0', '1.1.0', '1.2.0']);

    const down = await cli(d, 'down');
    expect(apply(down).map((e) => e.args)).toEqual([{ action: 'down', version: '1.2.0', params: { dry: '' } }]);
    expect(down.errors).toEqual([]);
    t = await table(d);
    expect(t.records.map((r) => r.version)).toEqual(['1.0.0', '1.1.0']);
    expect(t.status).toMatchObject({ v: '1.0.0', ups110: 1 });
  });

  test('repeat re-runs the current version and leaves one record of it, as OneTable does', async () => {
    const d = await deployController(stub);
    await cli(d, '1.1.0');
    const repeat = await cli(d, 'repeat');
    expect(apply(repeat).map((e) => e.args)).toEqual([{ action: 'repeat', version: '1.1.0', params: { dry: '' } }]);
    expect(repeat.errors).toEqual([]);
    const t = await table(d);
    // 1.1.0's up ran twice; its records are one, so OneTable's tools see it applied once.
    expect(t.status).toMatchObject({ ups110: 2 });
    expect(t.records).toEqual([
      { version: '1.0.0', status: 'success' },
      { version: '1.1.0', status: 'success' },
    ]);
    expectOneTableRecords(t.migrationItems);
    // The repeat is in the audit log.
    const log = t.items.filter((i) => i.pk === '_migration_log');
    expect(log.some((e) => JSON.stringify(e).includes('repeat'))).toBe(true);
  });

  test('`onetable 1.0.0` after a repeat of 1.1.0 reverts 1.1.0 only: the target and its items stay', async () => {
    const d = await deployController(stub);
    await cli(d, '1.1.0');
    await cli(d, 'repeat');
    const down = await cli(d, '1.0.0');
    // One call per record above the target, naming the record object.
    expect(apply(down)).toHaveLength(1);
    expect(apply(down)[0]!.args).toMatchObject({ action: 'down', version: { version: '1.1.0', status: 'success' } });
    expect(down.errors).toEqual([]);
    expect(down.printed.at(-1)).toBe('Current database version: 1.0.0');
    const t = await table(d);
    expect(t.records).toEqual([{ version: '1.0.0', status: 'success' }]);
    // 1.0.0's down was not run: its status record (the seeded item) is still there; 1.1.0's counter is gone.
    expect(t.status).toEqual({ pk: 'status', sk: 'status', v: '1.0.0' });
  });

  test('with two records of a version (a table OneTable 1.2.2 repeated), the second down is refused, not run on the target', async () => {
    const d = await deployController(stub);
    await cli(d, '1.1.0');
    // OneTable Migrate 1.2.2's repeat adds a record of the version beside the first one.
    const date = Date.now() + 5;
    await d.dynamo.send(
      new PutItemCommand({
        TableName: d.table,
        Item: marshall({
          pk: '_migration',
          sk: `_migration:1.1.0:${date}`,
          version: '1.1.0',
          date,
          path: '1.1.0.js',
          description: 'repeated by OneTable',
          status: 'success',
          _type: '_Migration',
        }),
      }),
    );
    const down = await cli(d, '1.0.0');
    expect(apply(down)).toHaveLength(2);
    // The first reverts 1.1.0; the second names 1.1.0 again, which is no longer current: refused.
    expect(down.errors).toHaveLength(1);
    expect(down.errors[0]).toMatchObject({ cmd: 'apply', errorType: 'InputError' });
    expect(down.errors[0]!.errorMessage).toContain('apply down 1.1.0: the table is at 1.0.0');
    const t = await table(d);
    expect(t.records).toEqual([{ version: '1.0.0', status: 'success' }]);
    expect(t.status).toEqual({ pk: 'status', sk: 'status', v: '1.0.0' });
  });

  test('--dry writes nothing and answers what would run', async () => {
    const d = await deployController(stub);
    await cli(d, 'up');
    const before = await scanAll(d.dynamo, d.table);
    const dryUp = await cli(d, 'up', { dry: true });
    expect(apply(dryUp).map((e) => e.args)).toEqual([{ action: 'up', version: '1.1.0', params: { dry: 'Dry Run: ' } }]);
    expect(dryUp.errors).toEqual([]);
    const dryAll = await cli(d, 'all', { dry: true });
    expect(dryAll.errors).toEqual([]);
    const dryDown = await cli(d, 'down', { dry: true });
    expect(dryDown.errors).toEqual([]);
    const dryRepeat = await cli(d, 'repeat', { dry: true });
    expect(dryRepeat.errors).toEqual([]);
    expect(await scanAll(d.dynamo, d.table)).toEqual(before);

    // The answer says it was a dry run, and what would have run.
    const answer = await d.lambda.send(
      new InvokeCommand({
        FunctionName: d.functionName,
        Payload: JSON.stringify({
          cmd: 'apply',
          config: config(d),
          args: { action: 'up', version: '1.2.0', params: { dry: 'Dry Run: ' } },
        }),
      }),
    );
    const body = JSON.parse(new TextDecoder().decode(answer.Payload)).body;
    expect(body).toMatchObject({ version: '1.2.0', dry: true, wouldRun: ['up 1.1.0', 'up 1.2.0'] });
    expect(await scanAll(d.dynamo, d.table)).toEqual(before);
  });

  test('a dry flag in any place OneTable tools put it, in any truthy form, writes nothing', async () => {
    const d = await deployController(stub);
    const send = (extra: Record<string, unknown>, params?: Record<string, unknown>, argsExtra = {}) =>
      d.lambda.send(
        new InvokeCommand({
          FunctionName: d.functionName,
          Payload: JSON.stringify({
            cmd: 'apply',
            config: config(d),
            args: { action: 'up', version: '1.1.0', ...(params ? { params } : {}), ...argsExtra },
            ...extra,
          }),
        }),
      );
    for (const [extra, params, argsExtra] of [
      [{ dry: true }, undefined, {}],
      [{ dry: 'yes' }, undefined, {}],
      [{}, { dry: true }, {}],
      [{}, { dry: 'Dry Run: ' }, {}],
      [{}, undefined, { dry: true }],
      [{}, { dry: '' }, { dry: 'Dry Run: ' }],
    ] as const) {
      const r = await send(extra, params, argsExtra);
      expect(r.FunctionError).toBeUndefined();
    }
    expect((await table(d)).items).toEqual([]);
  });

  test('a version that is not semver, or missing, is bad input naming it, with nothing written', async () => {
    const d = await deployController(stub);
    await cli(d, '1.1.0');
    const before = await scanAll(d.dynamo, d.table);
    const bad = async (args: Record<string, unknown>) => {
      const r = await d.lambda.send(
        new InvokeCommand({
          FunctionName: d.functionName,
          Payload: JSON.stringify({ cmd: 'apply', config: config(d), args: { ...args, params: { dry: '' } } }),
        }),
      );
      expect(r.FunctionError).toBe('Unhandled');
      const payload = JSON.parse(new TextDecoder().decode(r.Payload));
      expect(payload.errorType).toBe('InputError');
      return payload.errorMessage as string;
    };
    expect(await bad({ action: 'down', version: { date: 1, status: 'success' } })).toContain(
      'version {"date":1,"status":"success"} is not a semver version',
    );
    expect(await bad({ action: 'down', version: 7 })).toContain('version 7 is not a semver version');
    expect(await bad({ action: 'down' })).toContain('apply down: version undefined is not a semver version');
    expect(await bad({ action: 'up', version: 'next' })).toContain('version "next" is not a semver version');
    expect(await bad({ action: 'down', version: '1.0.0' })).toContain(
      'apply down 1.0.0: the table is at 1.1.0, and a down reverts only the current version',
    );
    expect(await bad({ action: 'repeat', version: '1.0.0' })).toContain('apply repeat 1.0.0: the table is at 1.1.0');
    expect(await scanAll(d.dynamo, d.table)).toEqual(before);
  });
});

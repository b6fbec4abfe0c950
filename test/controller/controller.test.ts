import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deployController, statusItem, type DeployedController } from '../support/controller-fixture';
import { startLambdaStub, type LambdaStub } from '../support/lambda-stub';
import { scanAll } from '../support/dynamodb-local';

let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

/** Invokes as OneTable's CLI does: RequestResponse with `{cmd, config, args}`; returns Lambda's answer as is. */
async function invoke(
  lambda: LambdaClient,
  fn: string,
  event: Record<string, unknown>,
): Promise<{ error?: string | undefined; payload: any }> {
  const res = await lambda.send(
    new InvokeCommand({
      FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:${fn}`,
      InvocationType: 'RequestResponse',
      LogType: 'Tail',
      Payload: JSON.stringify(event),
    }),
  );
  return { error: res.FunctionError, payload: JSON.parse(new TextDecoder().decode(res.Payload)) };
}

/** OneTable's CLI sends its `onetable` config block as `config`. */
const config = (d: DeployedController) => ({ name: d.table, partial: true, typeField: '_type' });

const body = async (
  d: DeployedController,
  cmd: string,
  args?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => {
  const r = await invoke(d.lambda, d.functionName, { cmd, config: config(d), ...(args ? { args } : {}), ...extra });
  expect(r.error, JSON.stringify(r.payload)).toBeUndefined();
  expect(r.payload.statusCode).toBe(200);
  return r.payload.body;
};

describe('OneTable Controller protocol', () => {
  test('the read commands answer as OneTable Migrate computes them', async () => {
    const d = await deployController(stub);
    expect(await body(d, 'getCurrentVersion')).toBe('0.0.0');
    expect(await body(d, 'getOutstandingVersions')).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect(await body(d, 'getOutstandingVersions', { limit: 1 })).toEqual(['1.0.0']);
    expect(await body(d, 'getNamedVersions')).toEqual(['reset']);
    expect(await body(d, 'getPastMigrations')).toEqual([]);
    expect(await body(d, 'getPastVersions')).toEqual([]);
    const outstanding = await body(d, 'getOutstandingMigrations');
    expect(outstanding.map((m: any) => m.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect(outstanding[0]).toMatchObject({ description: 'Create the status record', schema: { version: '1.0.0' } });
    expect(outstanding[0].up).toBeUndefined();
  });

  test("apply up and down one version per call, as OneTable's CLI drives it; records match the CLI's", async () => {
    const d = await deployController(stub);
    // `onetable 1.1.0` from 0.0.0: one apply per outstanding version.
    expect(await body(d, 'apply', { action: 'up', version: '1.0.0', params: { dry: false } })).toMatchObject({
      version: '1.0.0',
      description: 'Create the status record',
    });
    expect(await body(d, 'apply', { action: 1, version: '1.1.0', params: { dry: false } })).toMatchObject({
      version: '1.1.0',
    });
    expect(await body(d, 'getCurrentVersion')).toBe('1.1.0');
    expect(await body(d, 'getPastVersions')).toEqual(['1.0.0', '1.1.0']);
    const past = await body(d, 'getPastMigrations');
    expect(past.map((r: any) => [r.version, r.status])).toEqual([
      ['1.0.0', 'success'],
      ['1.1.0', 'success'],
    ]);
    expect(typeof past[0].date).toBe('string');
    // The controller's checksum is the file's, as the CLI would record it.
    expect(past[0].checksum).toBe(d.project.migrations[0]!.checksum);
    expect((await statusItem(d)).ups110).toBe(1);

    // `onetable down`: OneTable's down reverts the version it names (the current one).
    expect(await body(d, 'apply', { action: 'down', version: '1.1.0', params: { dry: false } })).toMatchObject({
      version: '1.1.0',
    });
    expect(await body(d, 'getCurrentVersion')).toBe('1.0.0');
    expect((await statusItem(d)).ups110).toBeUndefined();
    await body(d, 'apply', { action: -1, version: '1.0.0' });
    expect(await body(d, 'getCurrentVersion')).toBe('0.0.0');
    expect(await statusItem(d)).toEqual({});
  });

  test("dry runs reach the function and write nothing (top-level dry, or args.params.dry as OneTable's CLI sends it)", async () => {
    const d = await deployController(stub);
    const before = await scanAll(d.dynamo, d.table);
    await body(d, 'apply', { action: 'up', version: '1.1.0' }, { dry: true });
    await body(d, 'apply', { action: 'up', version: '1.1.0', params: { dry: true } });
    expect(await scanAll(d.dynamo, d.table)).toEqual(before);
    expect(await body(d, 'getCurrentVersion')).toBe('0.0.0');
  });

  test('reset runs the reset migration and records every version; repeat re-runs the current one', async () => {
    const d = await deployController(stub);
    await body(d, 'apply', { action: 'reset' });
    expect(await body(d, 'getPastVersions')).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect((await statusItem(d)).v).toBe('reset');
    await body(d, 'apply', { action: 'down', version: '1.2.0' });
    await body(d, 'apply', { action: 'repeat', version: '1.1.0' });
    expect((await statusItem(d)).ups110).toBe(1);
  });

  test('a failing migration is thrown as a Lambda error with its message, and recorded as OneTable does', async () => {
    const d = await deployController(stub, { env: { FAIL_110: '1' } });
    await body(d, 'apply', { action: 'up', version: '1.0.0' });
    const r = await invoke(d.lambda, d.functionName, {
      cmd: 'apply',
      config: config(d),
      args: { action: 'up', version: '1.1.0' },
    });
    expect(r.error).toBe('Unhandled');
    expect(r.payload.errorMessage).toContain('boom in 1.1.0');
    expect(r.payload.errorType).toBe('MigrationFailedError');
    expect(Array.isArray(r.payload.trace)).toBe(true);
    const past = await body(d, 'getPastMigrations');
    expect(past.at(-1)).toMatchObject({ version: '1.1.0', status: 'boom in 1.1.0' });
    // As in OneTable, a failed up counts as the current version.
    expect(await body(d, 'getCurrentVersion')).toBe('1.1.0');
  });

  test('unknown commands and tables are errors naming what is served', async () => {
    const d = await deployController(stub);
    const unknown = await invoke(d.lambda, d.functionName, { cmd: 'migrate', config: config(d) });
    expect(unknown.error).toBe('Unhandled');
    expect(unknown.payload.errorMessage).toMatch(/Unknown command migrate.*getCurrentVersion/);
    const table = await invoke(d.lambda, d.functionName, {
      cmd: 'getCurrentVersion',
      config: { name: 'no-such-table' },
    });
    expect(table.payload).toMatchObject({ errorType: 'InputError' });
    expect(table.payload.errorMessage).toContain(`No migrations defined for no-such-table`);
  });
});

describe('our commands in the same envelope', () => {
  test('the run settings a caller sends are checked with the same schema: a bad value is bad input, nothing runs', async () => {
    const d = await deployController(stub);
    const before = await scanAll(d.dynamo, d.table);
    for (const [settings, says] of [
      [{ samplePercent: 500 }, 'dm:apply: args.settings.samplePercent 500: expected a percentage between 0 and 100.'],
      [{ writeRate: -1 }, 'dm:apply: args.settings.writeRate -1: expected write units per second above 0.'],
      [{ dryRun: 'no' }, 'dm:apply: args.settings.dryRun "no"'],
      [{ fanOut: { segments: 0 } }, 'dm:apply: args.settings.fanOut.segments 0: expected a whole number of 1 or more.'],
    ] as const) {
      const r = await invoke(d.lambda, d.functionName, {
        cmd: 'dm:apply',
        config: config(d),
        args: { command: 'apply', settings },
      });
      expect(r.error).toBe('Unhandled');
      expect(r.payload.errorType).toBe('InputError');
      expect(r.payload.errorMessage).toContain(says);
    }
    expect(await scanAll(d.dynamo, d.table)).toEqual(before);
  });

  test('dm:status, dm:plan and dm:apply with the reviewed plan hash', async () => {
    const d = await deployController(stub);
    const plan = await body(d, 'dm:plan', { command: 'apply' });
    expect(plan.steps.map((s: any) => s.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    const stale = await body(d, 'dm:apply', { command: 'apply', planHash: 'not-the-hash' });
    expect(stale).toMatchObject({ status: 'blocked', exitCode: 4 });
    const report = await body(d, 'dm:apply', {
      command: 'apply',
      planHash: plan.hash,
      settings: { actor: 'ci@example' },
    });
    expect(report.status).toBe('applied');
    expect(report.steps.map((s: any) => s.status)).toEqual(['applied', 'applied', 'applied']);
    const status = await body(d, 'dm:status');
    expect(status.status).toMatchObject({ currentVersion: '1.2.0', lock: null, failed: null });
    expect(status.state.records.find((r: any) => r.version === '1.0.0').actor).toBe('ci@example');
  });
});

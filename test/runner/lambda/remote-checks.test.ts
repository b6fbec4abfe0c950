import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/core/logger';
import { statusOfReport } from '../../../src/core/outcome';
import { deployController, type DeployedController } from '../../support/controller-fixture';
import { scanAll } from '../../support/dynamodb-local';
import { orderItems, seedOrders } from '../../support/orders';
import { startLambdaStub, type LambdaStub } from '../../support/lambda-stub';
import { openLambdaSession } from '../../support/session';

/**
 * runner: lambda with before/verify hooks and the canary: the run is driven from here (the lock,
 * then onStart, then each step), and each step's work is the same step body as a local run,
 * whole in one controller invocation (dm:body), its `before` hook in another (dm:before).
 */
let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

const N = 400;

const seed = (d: DeployedController, extra: Record<string, unknown>[] = []) => seedOrders(d.dynamo, d.table, N, extra);
const orders = (d: DeployedController) => orderItems(d.dynamo, d.table);

const session = (d: DeployedController, canaryPercent?: number) =>
  openLambdaSession(d.project, 'dev', { client: d.lambda, log: silentLogger, actor: 'ci@example', canaryPercent });

const cmds = (d: DeployedController) =>
  stub.invocations.filter((i) => i.functionName === d.functionName).map((i) => i.event.cmd);

describe('runner: lambda, steps with hooks', () => {
  test('a canary that passes verify migrates every item; onStart runs under the lock', async () => {
    const d = await deployController(stub, { fixture: 'checks' });
    await seed(d);
    const s = session(d, 10);
    const plan = await s.plan({ command: 'apply' });
    expect(plan.steps[0]).toMatchObject({ checks: ['before', 'verify'], canaryPercent: 10 });
    let lockAtStart: unknown;
    const report = await s.apply(plan, {
      onStart: async () => {
        lockAtStart = (await s.status()).lock;
        return undefined;
      },
    });
    expect(report.status).toBe('applied');
    expect(lockAtStart).toMatchObject({ owner: 'ci@example' });
    expect(report.steps[0]!.checks?.map((c) => [c.scope, c.passed])).toEqual([
      ['canary', true],
      ['all', true],
    ]);
    const after = await orders(d);
    expect(after.every((o) => o.cents?.N === String(Number(o.amount!.N) * 100))).toBe(true);
    expect(cmds(d)).toContain('dm:before');
    expect(cmds(d)).toContain('dm:body');
    expect(cmds(d)).not.toContain('dm:apply');
    expect((await s.status()).lock).toBeNull();
  });

  test('a canary whose verify fails is undone in the controller; the rest of the table is untouched', async () => {
    const d = await deployController(stub, { fixture: 'checks', env: { CHECKS_BUG: '1' } });
    await seed(d);
    const before = await orders(d);
    const s = session(d, 10);
    const report = await s.apply(await s.plan({ command: 'apply' }));
    expect(report.status).toBe('failed');
    expect(report.exitCode).toBe(1);
    expect(report.steps[0]).toMatchObject({ status: 'failed', canaryReverted: true });
    expect(report.error).toContain("The canary's changes were undone");
    expect(await orders(d)).toEqual(before);
    const records = (await s.readState()).records;
    expect(records.map((r) => r.version)).toEqual(['1.0.0']);
    expect(records[0]!.status).toContain('Orders whose cents is not a number');
  });

  test('a before finding blocks the step in the controller before anything is written', async () => {
    const d = await deployController(stub, { fixture: 'checks' });
    await seed(d, [{ pk: 'ORG#x', sk: 'Order#orphan', _type: 'Order', amount: 1 }]);
    const before = await scanAll(d.dynamo, d.table);
    const s = session(d);
    const report = await s.apply(await s.plan({ command: 'apply' }));
    expect(statusOfReport(report)).toBe('precondition-failed');
    expect(report.exitCode).toBe(1);
    expect(report.error).toContain('Orders without a customerId');
    expect(cmds(d)).not.toContain('dm:body');
    // Nothing but the audit log was written.
    const after = (await scanAll(d.dynamo, d.table)).filter((i) => i.pk?.S !== '_migration_log');
    expect(after).toEqual(before);
  });
});

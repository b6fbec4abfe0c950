import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterEach, describe, expect, test } from 'vitest';
import { statusOfReport } from '../../../src/core/outcome';
import { sampleBucket } from '../../../src/dynamodb/bulk/sampling';
import { scanAll } from '../../support/dynamodb-local';
import { orderItems, seedOrders } from '../../support/orders';
import { freshSession } from '../../support/session';

/**
 * before / verify hooks and the canary gate, on DynamoDB Local: a canary whose verify fails
 * leaves the rest of the table byte-for-byte as it was and the canary undone; one that passes
 * migrates everything; a failing precondition writes nothing; misbehaving hooks are one clear
 * error naming the file and the hook.
 */
const N = 2000;

afterEach(() => {
  delete process.env.CHECKS_BUG;
  delete process.env.CHECKS_HOOK;
});

describe('verify and the canary', () => {
  test('a canary whose verify fails: the canary is undone, the other 95% untouched, the step recorded failed with the findings', async () => {
    const { session, client, table } = await freshSession('checks', { canaryPercent: 5 });
    await seedOrders(client, table, N);
    const before = await orderItems(client, table);
    process.env.CHECKS_BUG = '1';
    const plan = await session.plan({ command: 'apply' });
    expect(plan.steps[0]).toMatchObject({ version: '1.0.0', checks: ['before', 'verify'], canaryPercent: 5 });
    const report = await session.apply(plan);
    expect(report.status).toBe('failed');
    expect(report.exitCode).toBe(1);
    const step = report.steps[0]!;
    expect(step.canaryReverted).toBe(true);
    expect(step.checks?.map((c) => [c.hook, c.scope, c.passed])).toEqual([['verify', 'canary', false]]);
    const canaryOrders = before.filter((i) => sampleBucket(i, { hash: 'pk', sort: 'sk' }) < 5).length;
    expect(canaryOrders).toBeGreaterThan(40);
    expect(canaryOrders).toBeLessThan(200);
    // The canary touched exactly its sample, and only that: the finding counts it.
    expect(step.checks?.[0]?.findings[0]).toMatchObject({
      message: 'Orders whose cents is not a number',
      count: canaryOrders,
    });
    expect(step.checks?.[0]?.findings[0]?.examples).toHaveLength(5);
    expect(report.error).toContain('undone');
    expect(report.next).toMatch(/apply --resume|repair/);
    // Every data item is byte-for-byte what it was: the 95% never touched, the 5% reverted.
    expect(await orderItems(client, table)).toEqual(before);
    const state = await session.readState();
    expect(state.records.map((r) => [r.version, r.status.slice(0, 12)])).toEqual([['1.0.0', 'verify found']]);
  });

  test('a canary whose verify passes migrates everything, then verify checks every item', async () => {
    const { session, client, table } = await freshSession('checks', { canaryPercent: 5 });
    await seedOrders(client, table, N);
    const report = await session.apply(await session.plan({ command: 'apply' }));
    expect(report.status, report.error).toBe('applied');
    const step = report.steps[0]!;
    expect(step.checks?.map((c) => [c.hook, c.scope, c.passed])).toEqual([
      ['verify', 'canary', true],
      ['verify', 'all', true],
    ]);
    expect(step.counts?.changed).toBe(N);
    const items = (await orderItems(client, table)).map((i) => unmarshall(i));
    expect(items).toHaveLength(N);
    expect(items.every((o) => o.cents === o.amount * 100)).toBe(true);
  });

  test('without a canary, a failing verify fails the step after up, with the findings', async () => {
    const { session, client, table } = await freshSession('checks');
    await seedOrders(client, table, N);
    process.env.CHECKS_BUG = '1';
    const report = await session.apply(await session.plan({ command: 'apply' }));
    expect(report.status).toBe('failed');
    expect(report.steps[0]!.checks?.[0]).toMatchObject({
      hook: 'verify',
      scope: 'all',
      passed: false,
      findings: [{ count: N }],
    });
    expect(report.steps[0]!.canaryReverted).toBeUndefined();
  });
});

describe('before', () => {
  test('a failing precondition blocks the step with exit 1 and writes nothing', async () => {
    const { session, client, table } = await freshSession('checks');
    await seedOrders(client, table, N, [{ pk: 'ORG#1', sk: 'Order#orphan', _type: 'Order', amount: 5 }]);
    const all = await scanAll(client, table);
    const report = await session.apply(await session.plan({ command: 'apply' }));
    expect(report.status).toBe('blocked');
    expect(report.exitCode).toBe(1);
    // Named apart from a plan's blockers: shown as precondition-failed.
    expect(report.blockedBy).toBe('precondition');
    expect(statusOfReport(report)).toBe('precondition-failed');
    expect(report.steps[0]).toMatchObject({
      status: 'skipped',
      checks: [{ hook: 'before', passed: false, findings: [{ message: 'Orders without a customerId', count: 1 }] }],
    });
    expect(report.steps[0]!.checks![0]!.findings[0]!.examples).toEqual([{ pk: 'ORG#1', sk: 'Order#orphan' }]);
    expect(report.error).toContain('Nothing was written');
    // Only the audit log (the run's start and end) may have been added; no record, no lock, no data change.
    const after = (await scanAll(client, table)).filter((i) => i.pk?.S !== '_migration_log');
    expect(after).toEqual(all);
  });
});

describe('hooks that misbehave', () => {
  test.each([
    ['throw', /1\.0\.0-order-cents\.ts: verify\(\) threw: verify blew up/],
    ['object', /1\.0\.0-order-cents\.ts: verify\(\) must return a list of findings/],
  ])('verify that %s: one clear error naming the file and the hook', async (mode, message) => {
    const { session, client, table } = await freshSession('checks');
    await seedOrders(client, table, N);
    process.env.CHECKS_HOOK = mode;
    const report = await session.apply(await session.plan({ command: 'apply' }));
    expect(report.status).toBe('failed');
    expect(report.exitCode).toBe(1);
    expect(report.error).toMatch(message);
  });
});

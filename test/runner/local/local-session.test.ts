import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LockHeldError } from '../../../src/core/errors';
import { loadProject } from '../../../src/loader/load-project';
import { openLocalSession as openSession } from '../../support/session';
import { scanAll } from '../../support/dynamodb-local';
import { freshSession } from '../../support/session';

const statusItem = async (client: any, table: string) =>
  unmarshall(
    (
      await client.send(
        new GetItemCommand({
          TableName: table,
          Key: { pk: { S: 'status' }, sk: { S: 'status' } },
          ConsistentRead: true,
        }),
      )
    ).Item ?? {},
  );

afterEach(() => {
  delete process.env.FAIL_110;
});

describe('plan', () => {
  test("the time estimate is at the manifest's write-rate, as resolved into the run's settings", async () => {
    const { session } = await freshSession();
    // A table with items (an empty one has nothing to estimate).
    await session.apply(await session.plan({ command: 'to', version: '1.0.0' }));
    const env = { ...session.environment, 'write-rate': 100 };
    const atRate = openSession(session.project, env);
    expect(atRate.settings.writeRate).toBe(100);
    expect((await atRate.plan({ command: 'apply' })).estimate?.rate).toBe(100);
  });
});

describe('apply', () => {
  test('runs every step in order and records each one in OneTable format', async () => {
    const { session, client, table } = await freshSession();
    const plan = await session.plan({ command: 'apply' });
    expect(plan.steps.map((s) => `${s.direction} ${s.version}`)).toEqual(['up 1.0.0', 'up 1.1.0', 'up 1.2.0']);
    const report = await session.apply(plan);
    expect(report.status).toBe('applied');
    const recs = (
      await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: '_migration' } },
        }),
      )
    ).Items!.map((i) => unmarshall(i));
    expect(recs.map((r) => r.version).sort()).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    for (const r of recs) {
      expect(r.sk).toBe(`_migration:${r.version}:${r.date}`);
      expect(r).toMatchObject({ status: 'success', _type: '_Migration', direction: 'up' });
      expect(r.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(r.path).toMatch(/\.(ts|js)$/);
    }
    const schema = unmarshall(
      (
        await client.send(
          new GetItemCommand({ TableName: table, Key: { pk: { S: '_schema' }, sk: { S: '_schema:Current' } } }),
        )
      ).Item!,
    );
    expect(schema).toMatchObject({ format: 'onetable:1.1.0', _type: '_Schema' });
    expect((await statusItem(client, table)).ups110).toBe(1);
    const again = await session.apply(await session.plan({ command: 'apply' }));
    expect(again.status).toBe('no-op');
    expect((await statusItem(client, table)).ups110).toBe(1);
    const log = await session.readLog();
    expect(log.filter((e) => e.event === 'step' && e.outcome === 'applied')).toHaveLength(3);
  });

  test('down to a target runs the downs above it, not its own; irreversible blocks', async () => {
    const { session, client, table } = await freshSession();
    await session.apply(await session.plan({ command: 'to', version: '1.1.0' }));
    const down = await session.plan({ command: 'to', version: '1.0.0' });
    expect(down.steps.map((s) => `${s.direction} ${s.version}`)).toEqual(['down 1.1.0']);
    expect((await session.apply(down)).status).toBe('applied');
    expect((await statusItem(client, table)).ups110).toBeUndefined();
    expect((await session.readState()).records.map((r) => r.version)).toEqual(['1.0.0']);
    await session.apply(await session.plan({ command: 'apply' }));
    const blocked = await session.plan({ command: 'to', version: '1.0.0' });
    expect(blocked.blockers.map((b) => b.kind)).toEqual(['irreversible']);
    const r = await session.apply(blocked);
    expect(r.status).toBe('blocked');
    expect(r.exitCode).toBe(2);
  });

  test('repeat re-runs the current up', async () => {
    const { session, client, table } = await freshSession();
    await session.apply(await session.plan({ command: 'to', version: '1.1.0' }));
    const plan = await session.plan({ command: 'repeat' });
    expect(plan.steps).toMatchObject([{ version: '1.1.0', kind: 'repeat' }]);
    await session.apply(plan);
    expect((await statusItem(client, table)).ups110).toBe(2);
  });

  test('a failing step is recorded, blocks apply, and resumes when idempotent', async () => {
    const { session, client, table } = await freshSession();
    process.env.FAIL_110 = '1';
    const r = await session.apply(await session.plan({ command: 'apply' }));
    expect(r.status).toBe('failed');
    expect(r.error).toContain('boom in 1.1.0');
    expect(r.next).toContain('--resume');
    const state = await session.readState();
    expect(state.records.find((x) => x.version === '1.1.0')?.status).toBe('boom in 1.1.0');
    const blocked = await session.plan({ command: 'apply' });
    expect(blocked.blockers[0]?.kind).toBe('failed-state');
    expect((await session.apply(blocked)).status).toBe('blocked');
    delete process.env.FAIL_110;
    const resumed = await session.plan({ command: 'apply', resume: true });
    expect(resumed.steps.map((s) => `${s.kind} ${s.version}`)).toEqual(['resume 1.1.0', 'migrate 1.2.0']);
    expect((await session.apply(resumed)).status).toBe('applied');
    expect((await statusItem(client, table)).marked).toBe(true);
  });

  test('repair marks a failed version reverted, with the reason in the audit log', async () => {
    const { session } = await freshSession();
    process.env.FAIL_110 = '1';
    await session.apply(await session.plan({ command: 'apply' }));
    delete process.env.FAIL_110;
    await session.repair({ version: '1.1.0', mark: 'reverted', reason: 'undone by hand' });
    const plan = await session.plan({ command: 'apply' });
    expect(plan.currentVersion).toBe('1.0.0');
    expect(plan.blockers).toEqual([]);
    expect((await session.readLog())[0]).toMatchObject({ event: 'repair', reason: 'undone by hand' });
  });

  test('a changed applied file is drift, until repaired', async () => {
    const { session, dir } = await freshSession();
    await session.apply(await session.plan({ command: 'to', version: '1.1.0' }));
    appendFileSync(join(dir, '1.0.0-status.ts'), '\n// edited after apply\n');
    const edited = openSession(await loadProject(join(dir, 'manifest.yaml')), undefined, {
      client: session.client,
      actor: 'test',
    });
    const plan = await edited.plan({ command: 'apply' });
    expect(plan.drift).toHaveLength(1);
    expect(plan.blockers[0]).toMatchObject({ kind: 'drift', version: '1.0.0' });
    expect(plan.blockers[0]!.message).toMatch(/recorded sha256:.*now sha256:/);
    const r = await edited.apply(plan);
    expect(r.exitCode).toBe(4);
    await edited.repair({ version: '1.0.0', mark: 'applied', reason: 'comment only' });
    expect((await edited.plan({ command: 'apply' })).blockers).toEqual([]);
  });

  test('dry run writes nothing', async () => {
    const { session, client, table } = await freshSession('basic', { dryRun: true });
    const before = await scanAll(client, table);
    const r = await session.apply(await session.plan({ command: 'apply' }));
    expect(r.status).toBe('dry-run');
    expect(r.steps).toHaveLength(3);
    expect(r.steps[0]!.error).toMatch(/dry run/);
    expect(await scanAll(client, table)).toEqual(before);
  });

  test('reset runs reset.ts and records every version; refused on protected', async () => {
    const { session, client, table } = await freshSession();
    const r = await session.apply(await session.plan({ command: 'reset' }));
    expect(r.status).toBe('applied');
    expect((await statusItem(client, table)).v).toBe('reset');
    expect((await session.readState()).records.map((x) => x.version).sort()).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    const prod = openSession(session.project, 'production', { client: session.client, actor: 'test' });
    await expect(prod.plan({ command: 'reset' }, null)).rejects.toThrow(/protected/);
  });
});

describe('plan changes under the lock', () => {
  test('a relative command planned from a state that moved is refused, never re-planned', async () => {
    const { session } = await freshSession();
    await session.apply(await session.plan({ command: 'to', version: '1.1.0' }));
    const stale = await session.plan({ command: 'down' });
    expect((await session.apply(await session.plan({ command: 'down' }))).status).toBe('applied');
    const r = await session.apply(stale);
    expect(r.status).toBe('blocked');
    expect(r.exitCode).toBe(4);
    expect(r.error).toMatch(/plan changed/);
    expect((await session.readState()).records.map((x) => x.version)).toEqual(['1.0.0']);
  });

  test('apply with a reviewed hash refuses a changed plan, or runs the new one with replan', async () => {
    const { session } = await freshSession();
    const reviewed = await session.plan({ command: 'apply' });
    await session.apply(await session.plan({ command: 'to', version: '1.0.0' }));
    const refused = await session.apply(reviewed, { expectedHash: reviewed.hash, onPlanChange: 'fail' });
    expect(refused).toMatchObject({ status: 'blocked', exitCode: 4 });
    expect(refused.plan.steps.map((s) => s.version)).toEqual(['1.1.0', '1.2.0']);
    const replanned = await session.apply(reviewed, { expectedHash: reviewed.hash, onPlanChange: 'replan' });
    expect(replanned.status).toBe('applied');
    expect(replanned.steps.map((s) => s.version)).toEqual(['1.1.0', '1.2.0']);
  });
});

describe('lock', () => {
  test('a held lock stops a second apply naming the holder; an expired lease is taken over', async () => {
    const { session } = await freshSession();
    const lock = await session.store.acquireLock({
      owner: 'someone-else',
      command: 'apply',
      runUrl: 'https://ci/run/1',
      leaseMs: 60_000,
    });
    const err = await session.apply(await session.plan({ command: 'apply' })).catch((e) => e);
    expect(err).toBeInstanceOf(LockHeldError);
    expect(err.message).toContain('someone-else');
    expect(err.message).toContain(lock.lockId);
    await session.store.releaseLock(lock.lockId);
    await session.store.acquireLock({ owner: 'dead-run', command: 'apply', leaseMs: 1, now: Date.now() - 10_000 });
    const r = await session.apply(await session.plan({ command: 'apply' }));
    expect(r.status).toBe('applied');
    expect(await session.store.readLock()).toBeUndefined();
  });

  test('unlock needs the right lock id', async () => {
    const { session } = await freshSession();
    const lock = await session.store.acquireLock({ owner: 'x', command: 'apply', leaseMs: 60_000 });
    await expect(session.unlock('wrong')).rejects.toThrow(lock.lockId);
    await session.unlock(lock.lockId);
    expect(await session.store.readLock()).toBeUndefined();
  });
});

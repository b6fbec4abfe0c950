import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT, LockLostError, messageOf, RefusedError } from '../../src/core/errors';
import { exitCodeOf } from '../../src/core/outcome';
import { readHistory } from '../../src/core/history';
import { silentLogger } from '../../src/core/logger';
import { createDynamoClient } from '../../src/dynamodb/client';
import { StateStore } from '../../src/dynamodb/state/state-store';
import { loadProject } from '../../src/loader/load-project';
import { runCliInProcess } from '../support/cli';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';
import { startGlobalTableProxy, type GlobalTableProxy, type GlobalTableShape } from '../support/global-table-proxy';
import { copyProject } from '../support/project';
import { openLocalSession } from '../support/session';

/**
 * Global tables against a table, through a loopback stand-in in front of DynamoDB Local
 * (test/support/global-table-proxy.ts): DescribeTable answers as the replica in the region a
 * request is signed for would, a region without a replica has no such table, MRSC tables
 * refuse transactions, and ReplicatedWriteConflictException comes on demand. Every region's
 * writes land in the one DynamoDB Local table, so "the table is unchanged" means no replica
 * was written.
 */

const local = localClient();
const shapes: Record<string, GlobalTableShape> = {};
const tables: string[] = [];
let proxy: GlobalTableProxy;

beforeAll(async () => {
  proxy = await startGlobalTableProxy(localEndpoint(), shapes);
});
afterAll(async () => {
  await proxy.stop();
  for (const t of tables) await deleteTestTable(local, t);
});

/** A table presented as a global table, and a client of the stand-in in `region`. */
async function globalTable(shape: GlobalTableShape): Promise<string> {
  const table = await createTestTable(local);
  tables.push(table);
  shapes[table] = shape;
  return table;
}
const clientIn = (region: string, maxAttempts?: number) =>
  createDynamoClient({ endpoint: proxy.endpoint, region, local: true, maxAttempts });
const writesTo = (table: string, since: number) =>
  proxy.requests.slice(since).filter((r) => r.table === table && r.write);

/** The basic fixture with a manifest of our own. */
function project(table: string, environments: string): string {
  const { manifest } = copyProject('basic');
  writeFileSync(manifest, `version: 1\nmigrations: .\nenvironments:\n${environments.replaceAll('TABLE', table)}`);
  return manifest;
}

const twoRegions = `  prod-us:
    table: TABLE
    region: us-east-1
  prod-eu:
    table: TABLE
    region: eu-west-1
    home-region: us-east-1
`;

describe('one home region for state and locks', () => {
  test('an apply aimed at another replica is refused, exit 2, naming the home region, before anything is written', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'eu-west-1'] });
    const manifest = project(table, twoRegions);
    const cli = (...args: string[]) => runCliInProcess(['--manifest', manifest, '--endpoint', proxy.endpoint, ...args]);
    const since = proxy.requests.length;

    const plan = await cli('plan', '--env', 'prod-eu');
    expect(plan.code).toBe(EXIT.input);
    expect(plan.stdout).toContain(
      'global table (eventual consistency, last writer wins, version 2019.11.21): replicas eu-west-1, us-east-1; home region us-east-1; this run is in eu-west-1',
    );
    expect(plan.stdout).toMatch(
      /this run reaches its replica in eu-west-1, but the home region of its migrations is us-east-1/,
    );

    const apply = await cli('apply', '--env', 'prod-eu', '--yes');
    expect(apply.code).toBe(EXIT.input);
    expect(apply.stdout).toMatch(/BLOCKED/);
    expect(apply.stdout).toMatch(/home region of its migrations is us-east-1/);
    expect(apply.stdout).toMatch(/--region us-east-1/);
    // Nothing written in any region: no write request went out, and the table is empty.
    expect(writesTo(table, since)).toEqual([]);
    expect(
      proxy.requests
        .slice(since)
        .filter((r) => r.table === table)
        .every((r) => r.region === 'eu-west-1'),
    ).toBe(true);
    expect(await scanAll(local, table)).toEqual([]);

    // From the home region the same environment may apply (--region), and so may the home's own.
    const home = await cli('apply', '--env', 'prod-us', '--yes');
    expect(home.code, home.stderr).toBe(EXIT.ok);
    const after = await scanAll(local, table);
    expect(after.filter((i) => i.pk?.S === '_migration')).toHaveLength(3);
    expect(writesTo(table, since).every((r) => r.region === 'us-east-1')).toBe(true);

    const status = await cli('status', '--env', 'prod-eu');
    expect(status.code).toBe(EXIT.ok);
    expect(status.stdout).toContain('version 1.2.0');
    expect(status.stdout).toContain('  eu-west-1        ACTIVE  [this run]');
    expect(status.stdout).toContain('  us-east-1        ACTIVE  [home]');
    const viaFlag = await cli('apply', '--env', 'prod-eu', '--region', 'us-east-1', '--yes');
    expect(viaFlag.code, viaFlag.stderr).toBe(EXIT.ok);
    expect(viaFlag.stdout).toContain('nothing to do');
  });

  test('a CI runner configured for another region, on an environment that names no region, is refused until the manifest names a home', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'eu-west-1'], listsSelf: true });
    const manifest = project(table, '  prod:\n    table: TABLE\n');
    const since = proxy.requests.length;
    const apply = await runCliInProcess(['--manifest', manifest, '--endpoint', proxy.endpoint, 'apply', '--yes'], {
      env: { AWS_REGION: 'eu-west-1' },
    });
    expect(apply.code).toBe(EXIT.input);
    expect(apply.stdout).toMatch(
      /names neither a region nor a home-region: which replica holds its lock and records would depend on the AWS region each run happens to use \(this one: eu-west-1\)/,
    );
    expect(apply.stdout).toMatch(/Set home-region: <one of eu-west-1, us-east-1>/);
    expect(writesTo(table, since)).toEqual([]);
    expect(await scanAll(local, table)).toEqual([]);
  });

  test('the state store itself refuses every write from another replica (unlock, repair, log, records), exit 2, sending none', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'eu-west-1'] });
    const store = new StateStore(clientIn('eu-west-1'), table, {
      environment: { name: 'prod', table, region: 'us-east-1' },
    });
    const since = proxy.requests.length;
    const attempts: Promise<unknown>[] = [
      store.acquireLock({ owner: 'me', command: 'apply', leaseMs: 60_000 }),
      store.forceUnlock('some-id'),
      store.appendLog({
        at: 1,
        runId: 'r',
        actor: 'me',
        command: 'apply',
        environment: 'prod',
        event: 'x',
        outcome: 'y',
      }),
      store.writeRecord({ version: '1.0.0', path: 'p', description: '', status: 'success' }),
      store.writeSchema(undefined),
      store.deleteVersionRecords('1.0.0'),
    ];
    for (const a of attempts) {
      const e = await a.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(RefusedError);
      expect(exitCodeOf(e)).toBe(EXIT.input);
      expect(messageOf(e)).toMatch(/home region of its migrations is us-east-1.*Nothing was written/s);
    }
    expect(writesTo(table, since)).toEqual([]);
    // Reading is allowed: status and plan from any replica.
    await expect(store.readState()).resolves.toMatchObject({
      region: 'eu-west-1',
      global: { replicas: [{ region: 'eu-west-1' }, { region: 'us-east-1' }] },
    });
    // The same store from the home region writes.
    const home = new StateStore(clientIn('us-east-1'), table, {
      environment: { name: 'prod', table, region: 'us-east-1' },
    });
    const lock = await home.acquireLock({ owner: 'me', command: 'apply', leaseMs: 60_000 });
    await home.releaseLock(lock.lockId);
  });

  test('validate, like verify inside apply, reads the home region: from another replica it is refused, exit 2', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'eu-west-1'] });
    const manifest = project(table, twoRegions);
    const away = openLocalSession(await loadProject(manifest), 'prod-eu', { client: clientIn('eu-west-1') });
    const e = await away.validate({}).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(exitCodeOf(e)).toBe(EXIT.input);
    expect(messageOf(e)).toMatch(
      /home region of its migrations is us-east-1.*validate reads the home region's copy only/s,
    );
  });

  test('a region with no replica has no such table: the run stops at DescribeTable, naming the region', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'eu-west-1'] });
    const manifest = project(table, '  prod:\n    table: TABLE\n    region: ap-southeast-2\n');
    const plan = await runCliInProcess(['--manifest', manifest, '--endpoint', proxy.endpoint, 'plan']);
    expect(plan.code).toBe(EXIT.input);
    expect(plan.stderr).toContain(`Table ${table} was not found (region ap-southeast-2)`);
  });
});

describe('lint', () => {
  test('two environments on replicas of one table, each its own home: lint and every command refuse the manifest, exit 2', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'eu-west-1'] });
    const manifest = project(table, twoRegions.replace('    home-region: us-east-1\n', ''));
    const lint = await runCliInProcess(['--manifest', manifest, 'lint']);
    expect(lint.code).toBe(EXIT.input);
    expect(lint.stdout + lint.stderr).toMatch(
      new RegExp(
        `environments prod-us and prod-eu both name table ${table} but with different home regions \\(us-east-1 and eu-west-1`,
      ),
    );
    const since = proxy.requests.length;
    const apply = await runCliInProcess([
      '--manifest',
      manifest,
      '--endpoint',
      proxy.endpoint,
      'apply',
      '--env',
      'prod-us',
      '--yes',
    ]);
    expect(apply.code).toBe(EXIT.input);
    expect(apply.stderr).toContain('home-region: us-east-1 on prod-eu');
    expect(proxy.requests.slice(since).filter((r) => r.table === table)).toEqual([]);
    // Marked as the home of the other, lint passes.
    const marked = project(table, twoRegions);
    expect((await runCliInProcess(['--manifest', marked, 'lint'])).code).toBe(EXIT.ok);
  });
});

describe('estimate', () => {
  test("the plan counts replicated writes: N x replicas write units, the rate and time the home region's", async () => {
    const table = await globalTable({
      replicas: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
      itemCount: 100_000,
      sizeBytes: 100_000 * 3000,
    });
    const manifest = project(table, '  prod:\n    table: TABLE\n    region: us-east-1\n    write-rate: 1000\n');
    const session = openLocalSession(await loadProject(manifest), 'prod', { client: clientIn('us-east-1') });
    const plan = await session.plan({ command: 'apply' });
    expect(plan.blockers).toEqual([]);
    expect(plan.estimate).toMatchObject({
      items: 100_000,
      writeUnits: 300_000,
      replicas: 3,
      totalWriteUnits: 900_000,
      rate: 1000,
      secondsAtRate: 300,
    });
    const text = await runCliInProcess(['--manifest', manifest, '--endpoint', proxy.endpoint, 'plan']);
    expect(text.stdout).toContain('300,000 WCU to rewrite, ~5 min 0 s at 1000 WCU/s');
    expect(text.stdout).toContain(
      'replicated: each write is applied by all 3 replicas: ~900,000 write units over all regions (300,000 in each)',
    );
  });
});

/** A project whose one migration rewrites every item with the bulk engine. */
function bulkProject(table: string, shapeEnv = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-global-'));
  writeFileSync(
    join(dir, '1.0.0-tag.mjs'),
    `export default {
  version: '1.0.0',
  description: 'Tag every item',
  idempotent: true,
  async up({ data }) { await data.transform({}, () => ({ set: { tagged: true } })); },
  async down({ data }) { await data.transform({}, () => ({ remove: ['tagged'] })); },
};
`,
  );
  writeFileSync(
    join(dir, 'manifest.yaml'),
    `version: 1\nenvironments:\n  prod:\n    table: ${table}\n    region: us-east-1\n${shapeEnv}`,
  );
  return join(dir, 'manifest.yaml');
}

async function seed(table: string, n: number): Promise<void> {
  const { BatchWriteItemCommand } = await import('@aws-sdk/client-dynamodb');
  for (let i = 0; i < n; i += 25) {
    const items = Array.from({ length: Math.min(25, n - i) }, (_, j) => ({
      PutRequest: { Item: { pk: { S: `item#${i + j}` }, sk: { S: 'x' } } },
    }));
    await local.send(new BatchWriteItemCommand({ RequestItems: { [table]: items } }));
  }
}

describe('ReplicatedWriteConflictException', () => {
  test("is retried like a throttle, past the SDK's own attempts, on the lock, the records and the bulk writes", async () => {
    const table = await globalTable({
      replicas: ['us-east-1', 'us-east-2'],
      consistency: 'STRONG',
      witnesses: ['us-west-2'],
    });
    await seed(table, 60);
    // The SDK makes 2 attempts here; 4 conflicts in a row each, so only our own retry gets through.
    const session = openLocalSession(await loadProject(bulkProject(table)), 'prod', {
      client: clientIn('us-east-1', 2),
      log: silentLogger,
    });
    const plan = await session.plan({ command: 'apply' });
    expect(plan.blockers).toEqual([]);
    const before = proxy.conflicts();
    proxy.injectConflicts(4, (r) => r.operation === 'PutItem' && r.body.Item?.pk?.S === '_migration_lock');
    proxy.injectConflicts(4, (r) => r.operation === 'PutItem' && r.body.Item?.pk?.S === '_migration');
    proxy.injectConflicts(4, (r) => r.operation === 'BatchExecuteStatement' || r.operation === 'BatchWriteItem');
    const report = await session.apply(plan);
    expect(report.error).toBeUndefined();
    expect(report.status).toBe('applied');
    expect(proxy.conflicts() - before).toBe(12);
    expect(report.steps[0]?.counts).toMatchObject({ changed: 60, failed: 0 });
    const items = await scanAll(local, table);
    expect(items.filter((i) => i.pk?.S?.startsWith('item#') && i.tagged?.BOOL === true)).toHaveLength(60);
  });
});

describe('MRSC (multi-Region strong consistency)', () => {
  test('applies without transactions, which MRSC tables refuse: the state goes one item at a time, each after checking the lock', async () => {
    const table = await globalTable({
      replicas: ['us-east-1', 'us-east-2'],
      consistency: 'STRONG',
      witnesses: ['us-west-2'],
    });
    const manifest = project(table, '  prod:\n    table: TABLE\n    region: us-east-1\n    target: 1.1.0\n');
    const since = proxy.requests.length;
    const session = openLocalSession(await loadProject(manifest), 'prod', {
      client: clientIn('us-east-1'),
      log: silentLogger,
    });
    const plan = await session.plan({ command: 'apply' });
    expect(plan.warnings.map((w) => w.code)).toContain('mrsc');
    expect(plan.global).toMatchObject({ consistency: 'STRONG', witnesses: [{ region: 'us-west-2' }] });
    const report = await session.apply(plan);
    expect(report.error).toBeUndefined();
    expect(report.status).toBe('applied');
    expect(readHistory(await session.store.readRecords()).currentVersion).toBe('1.1.0');
    // Down deletes the version's records, one at a time too.
    const down = await session.apply(await session.plan({ command: 'down' }));
    expect(down.error).toBeUndefined();
    expect(down.status).toBe('applied');
    expect(readHistory(await session.store.readRecords()).currentVersion).toBe('1.0.0');
    expect(proxy.requests.slice(since).filter((r) => r.table === table && r.operation.startsWith('Transact'))).toEqual(
      [],
    );
    expect((await session.readLog()).map((e) => e.event)).toContain('apply-end');
  });

  test('a state write under a lock that is no longer ours is refused before it is sent', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'us-east-2'], consistency: 'STRONG' });
    const store = new StateStore(clientIn('us-east-1'), table, {
      environment: { name: 'prod', table, region: 'us-east-1' },
    });
    const lock = await store.acquireLock({ owner: 'me', command: 'apply', leaseMs: 60_000 });
    const since = proxy.requests.length;
    await expect(
      store.writeRecord({ version: '1.0.0', path: 'p', description: '', status: 'success' }, 'someone-else'),
    ).rejects.toBeInstanceOf(LockLostError);
    expect(writesTo(table, since)).toEqual([]);
    const rec = await store.writeRecord(
      { version: '1.0.0', path: 'p', description: '', status: 'success' },
      lock.lockId,
    );
    expect((await store.readRecords()).map((r) => r.key)).toEqual([rec.key]);
    expect(await store.deleteVersionRecords('1.0.0', lock.lockId)).toBe(1);
    await store.releaseLock(lock.lockId);
  });

  test('a record whose put landed but whose answer was lost is not written twice (no transaction token to lean on)', async () => {
    const table = await globalTable({ replicas: ['us-east-1', 'us-east-2'], consistency: 'STRONG' });
    const store = new StateStore(clientIn('us-east-1'), table, {
      environment: { name: 'prod', table, region: 'us-east-1' },
    });
    const lock = await store.acquireLock({ owner: 'me', command: 'apply', leaseMs: 60_000 });
    proxy.loseAnswers(1, (r) => r.operation === 'PutItem' && r.body.Item?.pk?.S === '_migration');
    const rec = await store.writeRecord(
      { version: '1.0.0', path: 'p', description: '', status: 'running: x' },
      lock.lockId,
    );
    expect((await store.readRecords()).map((r) => r.key)).toEqual([rec.key]);
    await store.releaseLock(lock.lockId);
  });
});

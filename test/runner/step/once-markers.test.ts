import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/core/logger';
import { createDynamoClient } from '../../../src/dynamodb/client';
import { CHECKPOINT_HASH } from '../../../src/dynamodb/bulk';
import { openLocalSession as openSession } from '../../support/session';
import type { LocalSession as Session } from '../../../src/runner/local/local-session';
import { seed } from '../../dynamodb/bulk/seed';
import { localClient, localEndpoint } from '../../support/dynamodb-local';
import { startGateProxy, type GateProxy, type GateRequest } from '../../support/gate-proxy';
import { freshSession } from '../../support/session';
import { applyCommand, checkpointKeys as stepCheckpointKeys, orgItems } from '../../support/step-helpers';

/**
 * `once` markers name the attempt of the step that wrote them. A later attempt of the same
 * version and direction (up again after a down that left the markers, a repeat) changes every
 * item again; a resume of an interrupted attempt skips exactly the items that attempt changed.
 * The fixture's up is not idempotent (`ups` + 1), so a skipped item or a doubled one shows.
 */

const N = 600;
const direct = localClient();
let proxy: GateProxy;

beforeAll(async () => {
  proxy = await startGateProxy(localEndpoint());
});
afterAll(async () => {
  await proxy.stop();
});

async function setup(): Promise<{
  session: Session;
  table: string;
  withOpts: (o: { samplePercent?: number; dryRun?: boolean }) => Session;
}> {
  proxy.setRule(() => 'pass');
  const viaProxy = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1' });
  const { session, table } = await freshSession('once', { client: viaProxy });
  await seed(direct, table, N);
  const withOpts = (o: { samplePercent?: number; dryRun?: boolean }) =>
    openSession(session.project, session.environment, { client: viaProxy, log: silentLogger, actor: 'test', ...o });
  return { session, table, withOpts };
}

const run = applyCommand;
const items = (table: string) => orgItems(direct, table);
const checkpointKeys = (table: string, prefix: string) => stepCheckpointKeys(direct, table, prefix);

describe('a later attempt of a once pass', () => {
  test('up, a down that leaves the markers, then up again: every item is changed again', async () => {
    const { session, table } = await setup();
    await run(session, 'apply');
    const first = await items(table);
    expect(first.filter((i) => i.ups !== 1).map((i) => i.sk)).toEqual([]);
    expect(new Set(first.map((i) => i._migrated)).size).toBe(1);
    await run(session, 'down');
    const down = await items(table);
    expect(
      down.filter((i) => i.migrated !== undefined || i.downs !== 1 || i._migrated === undefined).map((i) => i.sk),
    ).toEqual([]);

    await run(session, 'apply');
    const after = await items(table);
    expect(after).toHaveLength(N);
    expect(after.filter((i) => i.migrated !== true || i.ups !== 2).map((i) => i.sk)).toEqual([]);
    // The second attempt's markers are its own.
    expect(new Set(after.map((i) => i._migrated)).size).toBe(1);
    expect(after[0]!._migrated).not.toBe(first[0]!._migrated);
    expect(after[0]!._migrated).toMatch(/^1\.0\.0:up:pass-1:\w+$/);
    expect(await checkpointKeys(table, '1.0.0:')).toEqual([]);
  });

  test('after up and a down that leaves the markers, a dry run of the up counts every item as one it would change', async () => {
    const { session, withOpts } = await setup();
    await run(session, 'apply');
    await run(session, 'down');
    const dry = await withOpts({ dryRun: true }).apply(await session.plan({ command: 'apply' }));
    expect(dry.status, dry.error).toBe('dry-run');
    expect(dry.steps[0]?.counts).toMatchObject({ scanned: N, changed: N, skipped: 0 });
  });

  test('a repeat of the up changes every item again', async () => {
    const { session, table } = await setup();
    await run(session, 'apply');
    await run(session, 'repeat');
    expect((await items(table)).filter((i) => i.ups !== 2).map((i) => i.sk)).toEqual([]);
  });

  test('a 20% canary then a repeat: every item changed exactly once', async () => {
    const { session, table, withOpts } = await setup();
    await run(withOpts({ samplePercent: 20 }), 'apply');
    const canary = (await items(table)).filter((i) => i.ups === 1).length;
    expect(canary).toBeGreaterThan(N * 0.1);
    expect(canary).toBeLessThan(N * 0.3);
    await run(session, 'repeat');
    expect((await items(table)).filter((i) => i.ups !== 1).map((i) => i.sk)).toEqual([]);
  });
});

describe('a resumed attempt of a once pass', () => {
  test('an up interrupted after writing items its checkpoints do not cover, then apply --resume: every item changed exactly once', async () => {
    const { session, table } = await setup();
    // The first few checkpoint saves go through; after them every save is refused, so the pass
    // stops with pages written that no checkpoint covers (each page is written before its save).
    let saves = 0;
    proxy.setRule((r: GateRequest) => {
      if (r.operation !== 'PutItem' || r.body.Item?.pk?.S !== CHECKPOINT_HASH || !r.body.Item?.checkpoint)
        return 'pass';
      return ++saves <= 4
        ? 'pass'
        : { status: 400, type: 'AccessDeniedException', message: 'test: checkpoint save refused' };
    });
    const failed = await session.apply(await session.plan({ command: 'apply' }));
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('checkpoint save refused');
    const between = await items(table);
    const changed = between.filter((i) => i.ups === 1).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(N);
    expect(between.every((i) => i.ups === undefined || i.ups === 1)).toBe(true);
    const token = between.find((i) => i.ups === 1)!._migrated;
    expect(await checkpointKeys(table, '1.0.0:up:attempt')).toHaveLength(1);

    proxy.setRule(() => 'pass');
    const plan = await session.plan({ command: 'apply', resume: true });
    expect(plan.steps.map((s) => `${s.version} ${s.kind}`)).toEqual(['1.0.0 resume']);
    const resumed = await session.apply(plan);
    expect(resumed.status, resumed.error).toBe('applied');
    // The items the first run changed beyond its last checkpoint were read again and skipped.
    expect(resumed.steps[0]!.counts!.skipped).toBeGreaterThan(0);

    const after = await items(table);
    expect(after).toHaveLength(N);
    expect(after.filter((i) => i.migrated !== true || i.ups !== 1).map((i) => [i.sk, i.ups])).toEqual([]);
    // One attempt: the resume marked items with the token of the attempt it resumed.
    expect([...new Set(after.map((i) => i._migrated))]).toEqual([token]);
    expect(await checkpointKeys(table, '1.0.0:')).toEqual([]);
  });
});

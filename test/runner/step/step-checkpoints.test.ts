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
 * A step's checkpoints only ever resume the attempt that wrote them. A run that dies after
 * recording a step but before deleting its checkpoints (here: the clean-up is refused on the
 * wire, which the runner tolerates with a warning) must not make a later run of the same
 * version and direction skip items. A canary's progress still carries over to the full run.
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

/** Refuses every BatchWriteItem that deletes checkpoint items, as a run dying before its clean-up would leave them. */
const refuseCheckpointCleanup = (r: GateRequest) =>
  r.operation === 'BatchWriteItem' &&
  Object.values(r.body.RequestItems ?? {})
    .flat()
    .some((w: any) => w.DeleteRequest?.Key?.pk?.S === CHECKPOINT_HASH)
    ? { status: 400, type: 'AccessDeniedException', message: 'test: checkpoint clean-up refused' }
    : ('pass' as const);

async function setup(): Promise<{
  session: Session;
  table: string;
  log: string[];
  withSample: (percent: number) => Session;
}> {
  proxy.setRule(() => 'pass');
  const viaProxy = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1' });
  const { session, table, log } = await freshSession('checkpoints', { client: viaProxy });
  await seed(direct, table, N);
  const withSample = (percent: number) =>
    openSession(session.project, session.environment, {
      client: viaProxy,
      log: silentLogger,
      actor: 'test',
      samplePercent: percent,
    });
  return { session, table, log, withSample };
}

const run = applyCommand;
const items = (table: string) => orgItems(direct, table);
const checkpointKeys = (table: string, prefix: string) => stepCheckpointKeys(direct, table, prefix);

describe('checkpoints left behind by a recorded step', () => {
  test('a later down then up migrates every item again instead of resuming the old checkpoints', async () => {
    const { session, table, log } = await setup();
    proxy.setRule(refuseCheckpointCleanup);
    await run(session, 'apply');
    expect(log.some((l) => l.includes('could not delete its checkpoints'))).toBe(true);
    // The state a run dying between its success record and its clean-up leaves behind.
    expect((await checkpointKeys(table, '1.0.0:up:')).length).toBeGreaterThan(0);
    await run(session, 'down');
    expect((await items(table)).filter((i) => i.migrated)).toEqual([]);
    proxy.setRule(() => 'pass');
    await run(session, 'apply');
    const after = await items(table);
    expect(after).toHaveLength(N);
    expect(after.filter((i) => i.migrated !== true || i.ups !== 2).map((i) => i.sk)).toEqual([]);
  });

  test('a completed down deletes the checkpoints its up left behind', async () => {
    const { session, table } = await setup();
    proxy.setRule(refuseCheckpointCleanup);
    await run(session, 'apply');
    expect((await checkpointKeys(table, '1.0.0:up:')).length).toBeGreaterThan(0);
    proxy.setRule(() => 'pass');
    await run(session, 'down');
    expect(await checkpointKeys(table, '1.0.0:')).toEqual([]);
  });
});

describe('canary, then the full run', () => {
  test('a 20% canary and a repeat after it process every item exactly once', async () => {
    const { session, table, withSample } = await setup();
    await run(withSample(20), 'apply');
    const canary = (await items(table)).filter((i) => i.ups === 1).length;
    expect(canary).toBeGreaterThan(N * 0.1);
    expect(canary).toBeLessThan(N * 0.3);
    await run(session, 'repeat');
    const after = await items(table);
    expect(after.filter((i) => i.migrated !== true || i.ups !== 1).map((i) => i.sk)).toEqual([]);
    expect(await checkpointKeys(table, '1.0.0:')).toEqual([]);
  });

  test('a canary rolled back with down does not make the next up skip the items it had sampled', async () => {
    const { session, table, withSample } = await setup();
    await run(withSample(20), 'apply');
    await run(session, 'down');
    await run(session, 'apply');
    const after = await items(table);
    expect(after.filter((i) => i.migrated !== true).map((i) => i.sk)).toEqual([]);
  });

  test('a full run after a canary whose clean-up failed does not shrink the next repeat to the rest', async () => {
    const { session, table, withSample } = await setup();
    await run(withSample(20), 'apply');
    proxy.setRule(refuseCheckpointCleanup);
    await run(session, 'repeat');
    expect((await items(table)).filter((i) => i.ups !== 1)).toEqual([]);
    proxy.setRule(() => 'pass');
    await run(session, 'repeat');
    const after = await items(table);
    expect(after.filter((i) => i.ups !== 2).map((i) => i.sk)).toEqual([]);
  });
});

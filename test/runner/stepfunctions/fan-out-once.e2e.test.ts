import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Logger } from '../../../src/core/logger';
import { CHECKPOINT_HASH } from '../../../src/dynamodb/bulk';
import { scanAll } from '../../support/dynamodb-local';
import { startLambdaStub, type LambdaStub } from '../../support/lambda-stub';
import { type SfnStandIn, startSfnStandIn } from '../../support/sfn-standin';
import { deployWithStateMachine, executionSession } from './support';

/**
 * A fanned-out step's execution starts the step in its first state (dm:step) and runs its passes
 * in many dm:segment invocations: the attempt id dm:step records is what every segment's `once`
 * markers carry, so an up after a down that left the markers changes every item again.
 */

let stub: LambdaStub;
let standIn: SfnStandIn;
beforeAll(async () => {
  stub = await startLambdaStub();
  standIn = await startSfnStandIn({ lambdaEndpoint: stub.endpoint, retryDelayMs: 0 });
});
afterAll(async () => {
  await standIn?.stop();
  await stub?.stop();
});

const ITEMS = 120;

test('fan-out: up, a down that leaves the once markers, then up again changes every item again, in every segment', async () => {
  const d = await deployWithStateMachine(stub, standIn, { env: { DM_DOWN_KEEPS_MARKERS: '1' } });
  for (let i = 0; i < ITEMS; i += 25) {
    const batch = Array.from({ length: Math.min(25, ITEMS - i) }, (_, j) => ({
      PutRequest: { Item: marshall({ pk: `ITEM#${i + j}`, sk: 'ITEM', _type: 'Item', id: `item-${i + j}` }) },
    }));
    await d.dynamo.send(new BatchWriteItemCommand({ RequestItems: { [d.table]: batch } }));
  }
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: () => undefined,
  };
  const s = executionSession(d, standIn, {
    log,
    actor: 'ci@example',
    fanOut: { segments: 4, concurrency: 4 },
  });
  const run = async (command: 'apply' | 'down'): Promise<Record<string, any>[]> => {
    const report = await s.apply(await s.plan({ command }));
    expect(report.status, `${report.error}\n${lines.join('\n')}`).toBe('applied');
    return (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');
  };

  const first = await run('apply');
  expect(first.filter((i) => i.n !== 1 || i.second !== 1).map((i) => i.id)).toEqual([]);
  // Every segment of a pass marked its items with the one token of the step's attempt.
  expect(new Set(first.map((i) => i._migrated)).size).toBe(1);
  expect(new Set(first.map((i) => i._second)).size).toBe(1);

  const down = await run('down');
  expect(down.filter((i) => i.n !== undefined || i._migrated === undefined).map((i) => i.id)).toEqual([]);

  const again = await run('apply');
  expect(again).toHaveLength(ITEMS);
  expect(again.filter((i) => i.n !== 1 || i.second !== 1).map((i) => [i.id, i.n, i.second])).toEqual([]);
  expect(new Set(again.map((i) => i._migrated)).size).toBe(1);
  expect(again[0]!._migrated).not.toBe(first[0]!._migrated);

  const checkpoints = await d.dynamo.send(
    new QueryCommand({
      TableName: d.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: CHECKPOINT_HASH } },
    }),
  );
  expect(checkpoints.Items ?? []).toEqual([]);
}, 300_000);

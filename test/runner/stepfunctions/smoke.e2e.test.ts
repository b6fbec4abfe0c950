import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { scanAll } from '../../support/dynamodb-local';
import { type LambdaStub, startLambdaStub } from '../../support/lambda-stub';
import { type SfnStandIn, startSfnStandIn } from '../../support/sfn-standin';
import { checkpointsLeft, deployWithStateMachine, executionSession, keeping, seedItems } from './support';

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

test('smoke: three steps, each an execution', async () => {
  const d = await deployWithStateMachine(stub, standIn);
  await seedItems(d, 100);
  const { log, lines } = keeping();
  const s = executionSession(d, standIn, { log, fanOut: { segments: 4 } });
  const report = await s.apply(await s.plan({ command: 'apply' }));
  expect(
    report.status,
    `${report.error}\n${lines.join('\n')}\n${JSON.stringify(standIn.executions().map((e) => [e.status, e.error, e.cause]))}`,
  ).toBe('applied');
  const items = (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');
  expect(items.filter((i) => i.n !== 1 || i.second !== 1)).toEqual([]);
  expect(await checkpointsLeft(d)).toBe(0);
  expect((await s.readState()).lock).toBeUndefined();
}, 300_000);

import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { scanAll } from '../../support/dynamodb-local';
import { type LambdaStub, startLambdaStub } from '../../support/lambda-stub';
import { type InvocationRequest, type SfnStandIn, startSfnStandIn } from '../../support/sfn-standin';
import { checkpointsLeft, deployWithStateMachine, executionSession, keeping, seedItems } from './support';

/**
 * The acceptance run: 20,000 items over 8 segments, each bulk pass a Distributed Map of
 * the generated state machine (run by the Step Functions stand-in, its Lambda tasks reaching the
 * controller on the Lambda stand-in, the table in DynamoDB Local), with invocations failing as
 * Lambda's do and every segment of the first pass reaching its time budget at least three times.
 */

const ITEMS = 20_000;
const SEGMENTS = 8;

let stub: LambdaStub;
let standIn: SfnStandIn;
let faults: (req: InvocationRequest) => ReturnType<NonNullable<Parameters<typeof startSfnStandIn>[0]['injectFault']>> =
  () => undefined;
beforeAll(async () => {
  stub = await startLambdaStub();
  standIn = await startSfnStandIn({ lambdaEndpoint: stub.endpoint, retryDelayMs: 0, injectFault: (r) => faults(r) });
});
afterAll(async () => {
  await standIn?.stop();
  await stub?.stop();
});

const argsOf = (payload: unknown) =>
  (payload as { args: { pass: number; segment: number; step: { version: string } } }).args;

test('20,000 items over 8 segments: every item changed exactly once, through injected invocation failures and time budgets', async () => {
  // Each invocation may run 10 s and stops at a checkpoint 5 s before that (the controller's margin is at most
  // half the time left). A segment's 2,500 items wait 8 ms each in the first pass (20 s), one page of 5 at a
  // time, so every segment of it needs at least 4 invocations: 3 answers `incomplete` at the least.
  const d = await deployWithStateMachine(stub, standIn, {
    timeoutMs: 10_000,
    env: { DM_SAFETY_MARGIN_MS: '7000', DM_ITEM_DELAY_MS: '8' },
  });
  await seedItems(d, ITEMS);
  faults = (r) => {
    if (r.stateName === 'FirstPass' && argsOf(r.payload).step.version === '1.2.0' && r.attempt === 1)
      return { error: 'Lambda.SdkClientException' };
    if (r.stateName !== 'Segment' || argsOf(r.payload).pass !== 1) return undefined;
    const { segment } = argsOf(r.payload);
    // Throttled before it ran; its answer lost after it ran (the work done, the segment invoked again); a timeout.
    if (segment === 2 && r.attempt === 1) return { error: 'Lambda.TooManyRequestsException' };
    if (segment === 5 && r.attempt === 2) return { error: 'Lambda.ServiceException', when: 'after' };
    if (segment === 6 && r.attempt === 3) return 'timeout';
    return undefined;
  };
  const { log, lines } = keeping();
  const s = executionSession(d, standIn, { log, actor: 'ci@example', fanOut: { segments: SEGMENTS, concurrency: 8 } });
  const plan = await s.plan({ command: 'apply' });
  const report = await s.apply(plan, { expectedHash: plan.hash });
  expect(report.status, `${report.error}\n${lines.join('\n')}`).toBe('applied');
  expect(report.steps.map((x) => `${x.version} ${x.status}`)).toEqual([
    '1.0.0 applied',
    '1.1.0 applied',
    '1.2.0 applied',
  ]);

  const items = (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');
  expect(items).toHaveLength(ITEMS);
  expect(items.filter((i) => i.n !== 1).length).toBe(0);
  expect(items.filter((i) => i.second !== 1).length).toBe(0);

  // Each step was one execution, each bulk pass a Map over the 8 segments.
  const executions = standIn.executions().filter((e) => e.stateMachineArn === d.stateMachineArn);
  expect(executions.map((e) => e.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  const segmentCalls = stub.invocations.filter(
    (i) => i.functionName === d.functionName && i.event.cmd === 'dm:segment',
  );
  const pass1 = segmentCalls.filter((i) => argsOf(i.event).pass === 1);
  expect(new Set(pass1.map((i) => argsOf(i.event).segment)).size).toBe(SEGMENTS);
  const incomplete = new Map<number, number>();
  for (const i of pass1)
    if ((i.payload as { body?: { status?: string } }).body?.status === 'incomplete')
      incomplete.set(argsOf(i.event).segment, (incomplete.get(argsOf(i.event).segment) ?? 0) + 1);
  expect(Math.min(...[...Array(SEGMENTS).keys()].map((k) => incomplete.get(k) ?? 0))).toBeGreaterThanOrEqual(3);
  // The injected failures happened and were retried.
  expect(
    standIn
      .invocations()
      .filter((i) => i.injected)
      .map((i) => i.error)
      .sort(),
  ).toEqual([
    'Lambda.SdkClientException',
    'Lambda.ServiceException',
    'Lambda.TooManyRequestsException',
    'Lambda.Unknown',
  ]);

  // Recorded once each, counts from the checkpoints (both passes), the lock released, the checkpoints gone.
  const state = await s.readState();
  expect(state.records.map((r) => [r.version, r.status])).toEqual([
    ['1.0.0', 'success'],
    ['1.1.0', 'success'],
    ['1.2.0', 'success'],
  ]);
  expect(state.records.find((r) => r.version === '1.2.0')!.counts?.scanned).toBeGreaterThanOrEqual(2 * ITEMS);
  expect(state.lock).toBeUndefined();
  expect(await checkpointsLeft(d)).toBe(0);
  // The caller showed the execution and the progress from the checkpoints.
  expect(
    lines.some((l) =>
      /1\.2\.0: started execution dm-.*: https:\/\/us-east-1\.console\.aws\.amazon\.com\/states\//.test(l),
    ),
  ).toBe(true);
  expect(lines.some((l) => /1\.2\.0: pass \d: \d\/8 segments, [\d,]+ items scanned/.test(l))).toBe(true);
}, 900_000);

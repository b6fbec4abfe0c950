import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ItemCounts } from '../../../src/core/types';
import type { SegmentBody } from '../../../src/controller/protocol';
import { CheckpointStore } from '../../../src/dynamodb/bulk';
import type { SegmentCheckpoint } from '../../../src/dynamodb/bulk/checkpoints';
import { runCliInProcess } from '../../support/cli';
import { type DeployedController, redeployController } from '../../support/controller-fixture';
import { scanAll } from '../../support/dynamodb-local';
import { type LambdaStub, startLambdaStub } from '../../support/lambda-stub';
import { type SfnStandIn, startSfnStandIn } from '../../support/sfn-standin';
import { checkpointsLeft, deployWithStateMachine, executionSession, keeping, seedItems } from './support';

/** A fanned-out step that fails is recorded failed with its error by its execution, which releases the lock. */

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

test('a step that throws before its first bulk pass: recorded failed with its message, the lock released, exit 1', async () => {
  const d = await deployWithStateMachine(stub, standIn, { env: { FAIL_110: '1' } });
  const { log, lines } = keeping();
  const s = executionSession(d, standIn, { log, fanOut: { segments: 4 } });
  const report = await s.apply(await s.plan({ command: 'apply' }));
  expect(report.status, lines.join('\n')).toBe('failed');
  expect(report.steps.map((x) => `${x.version} ${x.status}`)).toEqual(['1.0.0 applied', '1.1.0 failed']);
  expect(report.error).toContain('boom in 1.1.0');
  expect(report.error).toContain('console.aws.amazon.com/states');
  expect(report.exitCode).toBe(1);
  const state = await s.readState();
  expect(state.lock).toBeUndefined();
  expect(state.records.at(-1)).toMatchObject({ version: '1.1.0', status: 'boom in 1.1.0' });
  const failed = standIn.executions().find((e) => e.stateMachineArn === d.stateMachineArn && e.status === 'FAILED');
  expect(failed).toMatchObject({ error: 'MigrationFailed', cause: 'boom in 1.1.0' });
}, 300_000);

test('a failed child of a bulk pass fails the step with its error', async () => {
  const d = await deployWithStateMachine(stub, standIn, { env: { DM_THROW_AT: 'item-37' } });
  await seedItems(d, 120);
  const { log, lines } = keeping();
  const s = executionSession(d, standIn, { log, fanOut: { segments: 4 } });
  const report = await s.apply(await s.plan({ command: 'apply' }));
  expect(report.status, lines.join('\n')).toBe('failed');
  expect(report.steps.map((x) => `${x.version} ${x.status}`)).toEqual([
    '1.0.0 applied',
    '1.1.0 applied',
    '1.2.0 failed',
  ]);
  expect(report.error).toContain('bad item item-37');
  const state = await s.readState();
  expect(state.lock).toBeUndefined();
  // The segment's own error (the bulk engine's account of the failed item), not the Map's "a child failed".
  const recorded = state.records.at(-1)!;
  expect(recorded.version).toBe('1.2.0');
  expect(recorded.status).toMatch(/^Pass 'pass-1' stopped: 1 item\(s\) failed .*bad item item-37/);
  const entries = await s.readLog();
  expect(entries.some((e) => e.event === 'step' && e.outcome === 'failed' && e.message === recorded.status)).toBe(true);
}, 300_000);

const ITEMS = 400;
const SEGMENTS = 4;

/** Every item of the table (unmarshalled), migration state included, in key order. */
const tableItems = async (d: DeployedController) =>
  (await scanAll(d.dynamo, d.table))
    .map((i) => unmarshall(i))
    .sort((a, b) => `${a.pk}\u0000${a.sk}`.localeCompare(`${b.pk}\u0000${b.sk}`));

/** The checkpoints of 1.2.0's first bulk pass, by segment. */
async function passOneCheckpoints(d: DeployedController): Promise<Map<number, SegmentCheckpoint>> {
  const store = new CheckpointStore(d.dynamo, d.table, { hash: 'pk', sort: 'sk' }, '1.2.0:up');
  return new Map((await store.list('pass-1', '0-100')).map((cp) => [cp.segment, cp]));
}

/** The executions of 1.2.0 on this controller's state machine, oldest first. */
const executionsOfBulkStep = (d: { stateMachineArn: string }) =>
  standIn
    .executions()
    .filter((e) => e.stateMachineArn === d.stateMachineArn && JSON.parse(e.input).step.version === '1.2.0')
    .sort((a, b) => a.startDate.getTime() - b.startDate.getTime());

/** A failed run of 1.2.0 (DM_THROW_AT: a segment's item throws), then the fixed controller deployed in its place. */
async function failThenFix(): Promise<{
  d: Awaited<ReturnType<typeof deployWithStateMachine>>;
  finished: Map<number, SegmentCheckpoint>;
  unfinished: Map<number, SegmentCheckpoint>;
}> {
  const d = await deployWithStateMachine(stub, standIn, { env: { DM_THROW_AT: 'item-37' } });
  await seedItems(d, ITEMS);
  const { log, lines } = keeping();
  const s = executionSession(d, standIn, { log, fanOut: { segments: SEGMENTS } });
  const report = await s.apply(await s.plan({ command: 'apply' }));
  expect(report.status, lines.join('\n')).toBe('failed');
  expect(report.steps.map((x) => `${x.version} ${x.status}`)).toEqual([
    '1.0.0 applied',
    '1.1.0 applied',
    '1.2.0 failed',
  ]);
  // What to do next, though the FAILED execution keeps no output: read from the step's record.
  expect(report.next).toContain('apply --resume: 1.2.0 continues from its checkpoints');
  const state = await s.readState();
  expect(state.lock).toBeUndefined();
  // Recorded failed with the item's error, and as stopped at its checkpoints (what makes it resumable).
  expect(state.records.at(-1)).toMatchObject({ version: '1.2.0', checkpointed: true });
  expect(state.records.at(-1)!.status).toContain('bad item item-37');
  const checkpoints = await passOneCheckpoints(d);
  const finished = new Map([...checkpoints].filter(([, cp]) => cp.done));
  const unfinished = new Map([...checkpoints].filter(([, cp]) => !cp.done));
  // The segment of item-37 stopped before it; the others ran to their end (or as far as they got).
  expect(unfinished.size).toBeGreaterThanOrEqual(1);
  expect(finished.size).toBeGreaterThanOrEqual(1);
  expect(executionsOfBulkStep(d).map((e) => e.status)).toEqual(['FAILED']);

  // The cause fixed, the controller deployed again: the same function without the bad item.
  redeployController(stub, d);
  return { d, finished, unfinished };
}

test('failed, fixed, resumed: a new execution finishes the step from its checkpoints without redoing finished segments', async () => {
  const { d, finished, unfinished } = await failThenFix();
  const s = executionSession(d, standIn, { fanOut: { segments: SEGMENTS } });
  const failedExecution = executionsOfBulkStep(d)[0]!;

  // A plain apply is refused by the failed state, exit 1, and writes nothing.
  const before = await tableItems(d);
  const refusedPlan = await s.plan({ command: 'apply' });
  expect(refusedPlan.blockers).toMatchObject([{ kind: 'failed-state', version: '1.2.0' }]);
  expect(refusedPlan.blockers[0]!.message).toContain('bad item item-37');
  expect(refusedPlan.blockers[0]!.next).toContain('apply --resume (it continues from its checkpoints)');
  const refused = await s.apply(refusedPlan);
  expect(refused.status).toBe('blocked');
  expect(refused.exitCode).toBe(1);
  expect(await tableItems(d)).toEqual(before);
  expect(executionsOfBulkStep(d)).toHaveLength(1);

  // apply --resume: the failed step first, as a resume of its attempt.
  const { log, lines } = keeping();
  const r = executionSession(d, standIn, { log, fanOut: { segments: SEGMENTS } });
  const plan = await r.plan({ command: 'apply', resume: true });
  expect(plan.blockers).toEqual([]);
  expect(plan.steps.map((x) => `${x.kind} ${x.version}`)).toEqual(['resume 1.2.0']);
  const resumed = await r.apply(plan);
  expect(resumed.status, `${resumed.error}\n${lines.join('\n')}`).toBe('applied');
  expect(resumed.error).toBeUndefined();
  expect(resumed.steps.map((x) => `${x.version} ${x.status}`)).toEqual(['1.2.0 applied']);

  // Every item changed exactly once by each pass.
  const items = (await tableItems(d)).filter((i) => i._type === 'Item');
  expect(items).toHaveLength(ITEMS);
  expect(items.filter((i) => i.n !== 1 || i.second !== 1).map((i) => [i.id, i.n, i.second])).toEqual([]);

  // A second, new execution under a new lock; the failed one stays FAILED.
  const runs = executionsOfBulkStep(d);
  expect(runs.map((e) => e.status)).toEqual(['FAILED', 'SUCCEEDED']);
  expect(runs[0]!.arn).toBe(failedExecution.arn);
  expect(runs[1]!.name).not.toBe(runs[0]!.name);
  const lockOf = (e: { input: string }) => JSON.parse(e.input).lockId as string;
  expect(lockOf(runs[1]!)).not.toBe(lockOf(runs[0]!));

  // Pass 1 of the resumed execution: each finished segment's child invoked dm:segment once, and it
  // answered with the very counts of its checkpoint: nothing scanned, changed or skipped again.
  const resumedLock = lockOf(runs[1]!);
  const childCalls = (segment: number) =>
    standIn
      .invocations()
      .filter(
        (i) =>
          i.executionArn === runs[1]!.arn &&
          i.stateName === 'Segment' &&
          (i.payload as { args: { pass: number; segment: number } }).args.pass === 1 &&
          (i.payload as { args: { pass: number; segment: number } }).args.segment === segment,
      );
  const answers = (segment: number): SegmentBody[] =>
    stub.invocations
      .filter((i) => {
        const a = i.event.args as { lockId?: string; pass?: number; segment?: number } | undefined;
        return (
          i.functionName === d.functionName &&
          i.event.cmd === 'dm:segment' &&
          a?.lockId === resumedLock &&
          a.pass === 1 &&
          a.segment === segment
        );
      })
      .map((i) => (i.payload as { body: SegmentBody }).body);
  for (const [segment, cp] of finished) {
    expect(childCalls(segment), `segment ${segment}`).toHaveLength(1);
    const said = answers(segment);
    expect(said.length, `segment ${segment}`).toBeGreaterThanOrEqual(1);
    for (const a of said) expect(a, `segment ${segment}`).toMatchObject({ status: 'done', counts: cp.counts });
  }
  // The segment that failed went on from its checkpoint: its pages before it are not read again,
  // so over the four segments every item was scanned once (the failed page was never counted).
  const scannedAgain: Record<number, number> = {};
  let scanned = [...finished.values()].reduce((n, cp) => n + cp.counts.scanned, 0);
  for (const [segment, cp] of unfinished) {
    const last = answers(segment).at(-1)!;
    expect(last.status).toBe('done');
    const total = last.counts as ItemCounts;
    expect(total.failed).toBe(0);
    expect(total.scanned).toBeGreaterThanOrEqual(cp.counts.scanned);
    expect(total.changed).toBeGreaterThanOrEqual(cp.counts.changed);
    scannedAgain[segment] = total.scanned - cp.counts.scanned;
    scanned += total.scanned;
  }
  expect(scanned).toBe(ITEMS);
  expect(Object.values(scannedAgain).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  const checkpointedBefore = [...finished.values(), ...unfinished.values()].reduce((n, cp) => n + cp.counts.scanned, 0);
  console.log(
    `failed -> resume: ${ITEMS} items, ${SEGMENTS} segments; finished before the failure: [${[...finished.keys()]}] (${[...finished.values()].map((cp) => cp.counts.scanned)} items); unfinished: ${JSON.stringify(Object.fromEntries([...unfinished].map(([k, cp]) => [k, cp.counts.scanned])))}; ` +
      `resumed execution, pass 1: ${standIn.invocations().filter((i) => i.executionArn === runs[1]!.arn && i.stateName === 'Segment' && (i.payload as { args: { pass: number } }).args.pass === 1).length} Segment invocations, ${Object.values(scannedAgain).reduce((a, b) => a + b, 0)} items scanned (${checkpointedBefore} were checkpointed before)`,
  );

  const state = await r.readState();
  expect(state.lock).toBeUndefined();
  expect(await checkpointsLeft(d)).toBe(0);
  // One record a version (the resume replaced the failed attempt's), the failure kept in the audit log.
  expect(state.records.map((x) => `${x.version} ${x.status}`)).toEqual([
    '1.0.0 success',
    '1.1.0 success',
    '1.2.0 success',
  ]);
  expect(state.records.at(-1)!.checkpointed).toBeUndefined();
  const steps = (await r.readLog())
    .filter((e) => e.event === 'step' && e.versions?.includes('up 1.2.0'))
    .sort((a, b) => a.at - b.at)
    .map((e) => e.outcome);
  expect(steps).toEqual(['failed', 'applied']);
}, 600_000);

test('through the CLI: apply after the failure exits 1 and names apply --resume; apply --resume exits 0', async () => {
  const { d } = await failThenFix();
  const env = {
    AWS_ENDPOINT_URL_LAMBDA: stub.endpoint,
    AWS_ENDPOINT_URL_SFN: standIn.endpoint,
    AWS_REGION: 'us-east-1',
    DYNAMODB_MIGRATE_POLL_MS: '200',
  };
  const at = ['--manifest', d.manifest, '--env', 'dev', '--segments', String(SEGMENTS)];
  const before = await tableItems(d);
  const refused = await runCliInProcess(['apply', ...at], { env });
  expect(refused.code, refused.stderr).toBe(1);
  expect(`${refused.stdout}\n${refused.stderr}`).toContain('apply --resume');
  expect(await tableItems(d)).toEqual(before);

  const resumed = await runCliInProcess(['apply', ...at, '--resume'], { env });
  expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).toBe(0);
  expect((await tableItems(d)).filter((i) => i._type === 'Item' && (i.n !== 1 || i.second !== 1))).toEqual([]);
  expect(executionsOfBulkStep(d).map((e) => e.status)).toEqual(['FAILED', 'SUCCEEDED']);
  expect((await executionSession(d, standIn).readState()).lock).toBeUndefined();
  expect(await checkpointsLeft(d)).toBe(0);
}, 600_000);

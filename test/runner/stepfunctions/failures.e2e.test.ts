import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LambdaStub, startLambdaStub } from '../../support/lambda-stub';
import { type SfnStandIn, startSfnStandIn } from '../../support/sfn-standin';
import { deployWithStateMachine, executionSession, keeping, seedItems } from './support';

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

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stateMachineDefinition } from '../../../src/runner/stepfunctions/definition';
import { executionArnOf, executionPrefix, sfnApi, startOrAttach } from '../../../src/runner/stepfunctions/execution';
import { ROOT, runCliInProcess } from '../../support/cli';
import { scanAll } from '../../support/dynamodb-local';
import { type LambdaStub, startLambdaStub } from '../../support/lambda-stub';
import { type SfnStandIn, startSfnStandIn } from '../../support/sfn-standin';
import { CREDENTIALS, checkpointsLeft, deployWithStateMachine, executionSession, keeping, seedItems } from './support';

/**
 * A fanned-out step is its execution's, not its caller's: these runs go through the generated
 * state machine in the Step Functions stand-in, the controller on the Lambda stand-in and a
 * table in DynamoDB Local.
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

const ITEMS = 400;
/** Slow enough per item that a segment is still at work when the test acts on it. */
const SLOW = { DM_ITEM_DELAY_MS: '40' };

const items = async (d: { dynamo: Parameters<typeof scanAll>[0]; table: string }) =>
  (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i)).filter((i) => i._type === 'Item');

const segmentStarted = (functionName: string) =>
  standIn.invocationStarted(
    (i) => i.stateName === 'Segment' && i.functionName.endsWith(`:${functionName}`) && i.outcome === 'running',
  );

const cliEnv = (endpointLambda: string) => ({
  AWS_ENDPOINT_URL_LAMBDA: endpointLambda,
  AWS_ENDPOINT_URL_SFN: standIn.endpoint,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: 'us-east-1',
  DYNAMODB_MIGRATE_POLL_MS: '200',
});

describe('the execution owns the step', () => {
  test('the caller killed mid-execution: the step is still recorded and the lock released', async () => {
    const d = await deployWithStateMachine(stub, standIn, { env: SLOW });
    await seedItems(d, ITEMS);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'jiti/register',
        join(ROOT, 'src/cli/index.ts'),
        'apply',
        '--manifest',
        d.manifest,
        '--env',
        'dev',
        '--segments',
        '4',
      ],
      { cwd: ROOT, env: { ...process.env, ...cliEnv(stub.endpoint) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<NodeJS.Signals | number | null>((r) =>
      child.on('exit', (code, signal) => r(signal ?? code)),
    );
    const running = await segmentStarted(d.functionName);
    // The caller dies where it stands (a cancelled job, a lost runner): no cleanup of its own runs.
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toContain('started execution');
    const done = await standIn.finished(running.executionArn);
    expect(done.status).toBe('SUCCEEDED');

    const s = executionSession(d, standIn);
    const state = await s.readState();
    expect(state.lock).toBeUndefined();
    expect(state.records.map((r) => [r.version, r.status])).toEqual([
      ['1.0.0', 'success'],
      ['1.1.0', 'success'],
      ['1.2.0', 'success'],
    ]);
    expect((await items(d)).filter((i) => i.n !== 1 || i.second !== 1)).toEqual([]);
    expect(await checkpointsLeft(d)).toBe(0);
  }, 600_000);

  test('a second start of the same step attaches to the running execution instead of starting another', async () => {
    const d = await deployWithStateMachine(stub, standIn, { env: SLOW });
    await seedItems(d, ITEMS);
    const first = executionSession(d, standIn, { fanOut: { segments: 4 } });
    const firstRun = first.apply(await first.plan({ command: 'apply' }));
    const running = await segmentStarted(d.functionName);
    const { log, lines } = keeping();
    const second = executionSession(d, standIn, { log, fanOut: { segments: 4 } });
    const secondReport = await second.apply(await second.plan({ command: 'apply' }));
    const firstReport = await firstRun;
    expect(firstReport.status, firstReport.error).toBe('applied');
    expect(secondReport.status, `${secondReport.error}\n${lines.join('\n')}`).toBe('applied');
    expect(lines.find((l) => l.includes('attached to running execution'))).toContain(
      running.executionArn.split(':').at(-1),
    );
    expect(secondReport.steps.map((x) => `${x.version} ${x.status}`)).toEqual(['1.2.0 applied']);
    // One execution per step, none started twice.
    const names = standIn
      .executions()
      .filter((e) => e.stateMachineArn === d.stateMachineArn)
      .map((e) => e.name);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    expect((await items(d)).filter((i) => i.n !== 1 || i.second !== 1)).toEqual([]);

    // StartExecution with the name of a running execution: the same input is the same execution,
    // another input is ExecutionAlreadyExists, which is answered by attaching to it.
    const api = sfnApi({ region: 'us-east-1', endpoint: standIn.endpoint, credentials: CREDENTIALS });
    const wait = standIn.createStateMachine(`wait-${d.functionName}`, {
      StartAt: 'Wait',
      States: { Wait: { Type: 'Wait', Seconds: 600, End: true } },
    });
    const a = await startOrAttach(api, { stateMachineArn: wait, name: 'dm-same', input: '{"a":1}' });
    const again = await startOrAttach(api, { stateMachineArn: wait, name: 'dm-same', input: '{"a":1}' });
    const other = await startOrAttach(api, { stateMachineArn: wait, name: 'dm-same', input: '{"a":2}' });
    expect(a).toMatchObject({ attached: false, executionArn: executionArnOf(wait, 'dm-same') });
    expect(again.executionArn).toBe(a.executionArn);
    expect(other).toMatchObject({ attached: true, executionArn: a.executionArn, status: 'RUNNING' });
    await api.stopExecution(a.executionArn, { error: 'done', cause: 'test over' });
  }, 600_000);

  test('stop: the step is recorded incomplete and resumable, the lock is free, and a resume finishes it without redoing items', async () => {
    const d = await deployWithStateMachine(stub, standIn, { env: SLOW });
    await seedItems(d, ITEMS);
    const caller = executionSession(d, standIn, { leaseMs: 3000, fanOut: { segments: 4 } });
    const run = caller.apply(await caller.plan({ command: 'apply' }));
    const running = await segmentStarted(d.functionName);
    const stopper = executionSession(d, standIn, { leaseMs: 3000, actor: 'oncall@example' });
    const said = await stopper.stop('stopped by the on-call');
    expect(said).toMatch(/1\.2\.0: execution dm-.* stopped; the step is recorded incomplete/);
    expect((await standIn.finished(running.executionArn)).status).toBe('ABORTED');
    // The caller that waited sees it stopped: incomplete, resumable.
    const report = await run;
    expect(report.status).toBe('incomplete');
    expect(report.next).toContain('apply --resume');

    const state = await stopper.readState();
    expect(state.lock).toBeUndefined();
    expect(state.records.at(-1)).toMatchObject({ version: '1.2.0' });
    expect(state.records.at(-1)!.status).toMatch(/^incomplete/);
    expect(await stopper.runningSteps()).toEqual([]);
    const partly = await items(d);
    expect(partly.filter((i) => i.n === 1).length).toBeLessThan(ITEMS);

    const resume = executionSession(d, standIn, { fanOut: { segments: 4 } });
    const resumed = await resume.apply(await resume.plan({ command: 'apply', resume: true }));
    expect(resumed.status, resumed.error).toBe('applied');
    expect((await items(d)).filter((i) => i.n !== 1 || i.second !== 1).map((i) => [i.id, i.n, i.second])).toEqual([]);
    expect((await resume.readState()).lock).toBeUndefined();
  }, 600_000);
});

describe('the CLI observes', () => {
  test('apply --detach returns running; status shows the execution; stop leaves it resumable; apply --resume finishes it', async () => {
    const d = await deployWithStateMachine(stub, standIn, { env: SLOW });
    await seedItems(d, ITEMS);
    const env = { ...cliEnv(stub.endpoint), DYNAMODB_MIGRATE_LEASE_MS: '3000' };
    const at = ['--manifest', d.manifest, '--env', 'dev', '--segments', '4'];
    const first = await runCliInProcess(['to', '1.1.0', ...at], { env });
    expect(first.code, first.stderr).toBe(0);

    const detached = await runCliInProcess(['apply', ...at, '--detach'], { env });
    expect(detached.code, detached.stderr).toBe(0);
    expect(detached.stdout).toContain('RUNNING in its Step Functions execution');
    expect(detached.stdout).toMatch(
      /running\s+up\s+1\.2\.0 .*execution: https:\/\/us-east-1\.console\.aws\.amazon\.com\/states\//,
    );
    const status = await runCliInProcess(['status', '--manifest', d.manifest, '--env', 'dev'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/running in Step Functions: dm-[\w-]+-1_2_0-up-|running in Step Functions: dm-/);

    await segmentStarted(d.functionName);
    const stopped = await runCliInProcess(['stop', '--manifest', d.manifest, '--env', 'dev', '--reason', 'on-call'], {
      env,
    });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).toContain('the step is recorded incomplete');
    const s = executionSession(d, standIn);
    const state = await s.readState();
    expect(state.lock).toBeUndefined();
    expect(state.records.at(-1)!.status).toMatch(/^incomplete/);
    expect(await s.runningSteps()).toEqual([]);

    const resumed = await runCliInProcess(['apply', ...at, '--resume'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await items(d)).filter((i) => i.n !== 1 || i.second !== 1)).toEqual([]);
    expect((await s.readState()).lock).toBeUndefined();
  }, 600_000);
});

describe('bad state machines are bad input', () => {
  test('a missing state machine, or one that is not ours: exit 2, one clear message, nothing written', async () => {
    const d = await deployWithStateMachine(stub, standIn);
    await seedItems(d, 10);
    const text = readFileSync(d.manifest, 'utf8');
    const missing = d.stateMachineArn.replace(/stateMachine:.*/, 'stateMachine:not-deployed');
    writeFileSync(d.manifest, text.replace(d.stateMachineArn, missing));
    const args = ['apply', '--manifest', d.manifest, '--env', 'dev', '--segments', '4'];
    const r1 = await runCliInProcess(args, { env: cliEnv(stub.endpoint) });
    expect(r1.code, r1.stderr).toBe(2);
    expect(r1.stderr).toContain(`state-machine ${missing}`);
    expect(r1.stderr).toContain('sam deploy');

    const foreign = standIn.createStateMachine(`foreign-${d.functionName}`, {
      StartAt: 'Done',
      States: { Done: { Type: 'Succeed' } },
    });
    writeFileSync(d.manifest, text.replace(d.stateMachineArn, foreign));
    const r2 = await runCliInProcess(args, { env: cliEnv(stub.endpoint) });
    expect(r2.code, r2.stderr).toBe(2);
    expect(r2.stderr).toContain('is not the state machine build-controller generates');

    const broken = stateMachineDefinition({ functionArn: d.functionArn }) as { States: Record<string, unknown> };
    delete broken.States.RecordFailed;
    expect(() => standIn.createStateMachine(`broken-${d.functionName}`, broken)).toThrow();

    // Nothing was written: no record, no lock, no audit entry, the items untouched.
    const all = (await scanAll(d.dynamo, d.table)).map((i) => unmarshall(i));
    expect(all.filter((i) => String(i.pk).startsWith('_migration'))).toEqual([]);
    expect(all.filter((i) => i._type === 'Item' && i.n !== undefined)).toEqual([]);
    // No execution of this table's steps was started anywhere.
    expect(standIn.executions().filter((e) => e.name.startsWith(executionPrefix(d.table)))).toEqual([]);
  }, 300_000);
});

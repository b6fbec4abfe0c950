import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidDefinition,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LambdaStub, startLambdaStub } from './lambda-stub';
import { type InvocationRequest, type SfnStandIn, startSfnStandIn } from './sfn-standin';

/**
 * The stand-in is only useful if it answers as Step Functions does: every call here goes through
 * @aws-sdk/client-sfn over HTTP, and the executions call a real (loopback) Lambda endpoint.
 */

const HANDLER = join(import.meta.dirname, '..', 'fixtures', 'sfn-standin', 'handler.mjs');
const FN = 'sfn-standin-fn';
const INVOKE = 'arn:aws:states:::lambda:invoke';

let stub: LambdaStub;
let standIn: SfnStandIn;
let sfn: SFNClient;
let gates: string;
/** Faults the current test wants, consulted by the stand-in's injectFault. */
let faults: (req: InvocationRequest) => ReturnType<NonNullable<Parameters<typeof startSfnStandIn>[0]['injectFault']>> =
  () => undefined;

beforeAll(async () => {
  gates = mkdtempSync(join(tmpdir(), 'sfn-standin-'));
  stub = await startLambdaStub();
  stub.define(FN, { module: HANDLER, timeoutMs: 60_000 });
  standIn = await startSfnStandIn({
    lambdaEndpoint: stub.endpoint,
    injectFault: (req) => faults(req),
    retryDelayMs: 0,
  });
  sfn = clientOf(standIn);
});

afterAll(async () => {
  await standIn?.stop();
  await stub?.stop();
  sfn?.destroy();
  rmSync(gates, { recursive: true, force: true });
});

/** The SDK's own client, pointed at a stand-in. */
function clientOf(target: SfnStandIn): SFNClient {
  return new SFNClient({
    endpoint: target.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

function invoke(payload: Record<string, unknown>): Record<string, unknown> {
  return { FunctionName: FN, Payload: payload };
}

/** The history events of one round of a Task -> Choice loop, as Step Functions records them. */
const ROUND_EVENTS = [
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSucceeded',
  'TaskStateExited',
  'ChoiceStateEntered',
  'ChoiceStateExited',
];

/** A Choice loop (Count until n reaches the limit), a Map with MaxConcurrency and Retry, a Catch. */
const FLOW = {
  StartAt: 'Count',
  States: {
    Count: {
      Type: 'Task',
      Resource: INVOKE,
      Parameters: invoke({ op: 'count', 'n.$': '$.count.n' }),
      ResultSelector: { 'n.$': '$.Payload.n', 'status.$': '$.StatusCode' },
      ResultPath: '$.count',
      Next: 'More',
    },
    More: {
      Type: 'Choice',
      Choices: [{ Variable: '$.count.n', NumericLessThanPath: '$.limit', Next: 'Count' }],
      Default: 'Fan',
    },
    Fan: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemSelector: { 'item.$': '$$.Map.Item.Value' },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: INVOKE,
            Parameters: invoke({ op: 'work', 'item.$': '$.item' }),
            OutputPath: '$.Payload',
            Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
            End: true,
          },
        },
      },
      ResultPath: '$.results',
      Next: 'Risky',
    },
    Risky: {
      Type: 'Task',
      Resource: INVOKE,
      Parameters: invoke({ op: 'fail', errorType: 'OrderError', message: 'order 7 is bad' }),
      Catch: [{ ErrorEquals: ['OrderError'], ResultPath: '$.caught', Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};

/** One Task that blocks on a gate file until the test opens it; a Catch leads to a Cleanup Task. */
const GATED = {
  StartAt: 'Hold',
  States: {
    Hold: {
      Type: 'Task',
      Resource: INVOKE,
      Parameters: invoke({ op: 'gate', 'id.$': '$.id', 'dir.$': '$.dir' }),
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Cleanup' }],
      Next: 'Cleanup',
    },
    Cleanup: { Type: 'Task', Resource: INVOKE, Parameters: invoke({ op: 'work', item: 'cleanup' }), End: true },
  },
};

async function run(stateMachineArn: string, input: unknown, name?: string) {
  const started = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) }),
  );
  await standIn.finished(started.executionArn!);
  return sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
}

/** Waits (without a deadline: the test's timeout is the bound) for the gated call `id` to have started. */
async function gateStarted(id: string): Promise<void> {
  while (!existsSync(join(gates, `started-${id}`))) await sleep(20);
}

describe('executions', () => {
  test('a Choice loop, a Map with MaxConcurrency and a Retry on Lambda.ServiceException, a Catch', async () => {
    const arn = standIn.createStateMachine('flow', FLOW);
    faults = (req) =>
      req.stateName === 'Work' && (req.payload as { item?: string }).item === 'b' && req.attempt === 1
        ? { error: 'Lambda.ServiceException' }
        : undefined;
    const done = await run(arn, { count: { n: 0 }, limit: 3, items: ['a', 'b', 'c', 'd'] });
    faults = () => undefined;

    expect(done.status).toBe('SUCCEEDED');
    const output = JSON.parse(done.output!);
    expect(output.count).toEqual({ n: 3, status: 200 });
    expect(output.results).toEqual(['a', 'b', 'c', 'd'].map((item) => ({ item, upper: item.toUpperCase() })));
    // The function's error reaches Catch under its errorType, its cause the error payload's JSON.
    expect(output.caught.Error).toBe('OrderError');
    expect(JSON.parse(output.caught.Cause)).toMatchObject({ errorType: 'OrderError', errorMessage: 'order 7 is bad' });

    const calls = standIn.invocations().filter((i) => i.executionArn === done.executionArn);
    expect(calls.filter((i) => i.stateName === 'Count').map((i) => (i.payload as { n: number }).n)).toEqual([0, 1, 2]);
    const work = calls.filter((i) => i.stateName === 'Work');
    expect(work).toHaveLength(5); // four items, one retried
    expect(work.filter((i) => i.injected)).toMatchObject([
      { attempt: 1, outcome: 'failed', error: 'Lambda.ServiceException' },
    ]);
    expect(standIn.maxConcurrent(done.executionArn!, 'Work')).toBe(2);

    // One round of the Task -> Choice loop is 7 history events, as on AWS.
    const history = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: done.executionArn, maxResults: 1000 }),
    );
    const types = history.events!.map((e) => e.type);
    expect(types.slice(0, 8)).toEqual(['ExecutionStarted', ...ROUND_EVENTS]);
    expect(types.filter((t) => t === 'MapIterationSucceeded')).toHaveLength(4);
    expect(types.filter((t) => t === 'TaskFailed')).toHaveLength(2); // the injected fault and OrderError
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    expect(history.events![0]!.timestamp).toBeInstanceOf(Date);
  });

  test('a failure no Retry or Catch handles fails the execution with its error and cause', async () => {
    const arn = standIn.createStateMachine('throttled', {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Step',
            States: {
              Step: {
                Type: 'Task',
                Resource: INVOKE,
                Parameters: invoke({ op: 'work', 'item.$': '$' }),
                Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 2 }],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    faults = (req) =>
      (req.payload as { item?: number }).item === 2
        ? { error: 'Lambda.TooManyRequestsException', cause: 'Rate exceeded' }
        : undefined;
    const done = await run(arn, { items: [1, 2, 3] });
    faults = () => undefined;
    expect(done).toMatchObject({ status: 'FAILED', error: 'Lambda.TooManyRequestsException', cause: 'Rate exceeded' });
    expect(done.stopDate).toBeInstanceOf(Date);
  });

  test("a Distributed Map's failed child fails the Map with States.ExceedToleratedFailureThreshold, or is tolerated within the threshold", async () => {
    const distributedMap = (tolerance: Record<string, number>) => ({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ...tolerance,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Child',
            States: {
              Child: {
                Type: 'Task',
                Resource: INVOKE,
                Parameters: invoke({
                  'op.$': '$.op',
                  'item.$': '$.item',
                  errorType: 'SegmentError',
                  message: 'segment failed',
                }),
                OutputPath: '$.Payload',
                End: true,
              },
            },
          },
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
          ResultPath: '$.results',
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    const items = [
      { op: 'work', item: 'a' },
      { op: 'fail', item: 'b' },
      { op: 'work', item: 'c' },
      { op: 'work', item: 'd' },
    ];

    // Tolerance 0 (the default): the Map's Catch sees the Map Run's error, not the child's.
    const strict = await run(standIn.createStateMachine('distributed-strict', distributedMap({})), { items });
    expect(strict.status).toBe('SUCCEEDED');
    const caught = JSON.parse(strict.output!).error;
    expect(caught.Error).toBe('States.ExceedToleratedFailureThreshold');
    expect(caught.Cause).not.toContain('segment failed');
    const strictCalls = standIn.invocations().filter((i) => i.executionArn === strict.executionArn);
    expect(strictCalls.map((i) => (i.payload as { item: string }).item)).toEqual(['a', 'b']); // the Map Run stopped there
    expect(standIn.history(strict.executionArn!).some((e) => JSON.stringify(e).includes('__standin:'))).toBe(false);
    // The child's own error stays in the child's history.
    const strictRun = standIn.mapRuns(strict.executionArn!)[0]!;
    expect(strictRun.status).toBe('FAILED');
    expect(strictRun.children.map((c) => c.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(strictRun.children[1]!.events.at(-1)).toMatchObject({
      type: 'ExecutionFailed',
      executionFailedEventDetails: { error: 'SegmentError' },
    });

    // One failure of four within ToleratedFailurePercentage 25 (and within a count of 1): tolerated.
    for (const tolerance of [{ ToleratedFailurePercentage: 25 }, { ToleratedFailureCount: 1 }]) {
      const name = `distributed-${Object.keys(tolerance)[0]}`;
      const lenient = await run(standIn.createStateMachine(name, distributedMap(tolerance)), { items });
      const out = JSON.parse(lenient.output!);
      expect(out.error, name).toBeUndefined();
      expect(
        out.results.map((r: any) => r.item ?? r.Error),
        name,
      ).toEqual(['a', 'SegmentError', 'c', 'd']);
    }
    // Two failures of four are over 25%.
    const twice = [...items.slice(0, 3), { op: 'fail', item: 'd' }];
    const over = await run(
      standIn.createStateMachine('distributed-over', distributedMap({ ToleratedFailurePercentage: 25 })),
      { items: twice },
    );
    expect(JSON.parse(over.output!).error.Error).toBe('States.ExceedToleratedFailureThreshold');
  });

  test("a Distributed Map's children keep histories of their own: 7 events a Task -> Choice round, 4 outside the loop", async () => {
    const arn = standIn.createStateMachine('distributed-rounds', {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.limits',
          ItemSelector: { count: { n: 0 }, 'limit.$': '$$.Map.Item.Value' },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Round',
            States: {
              Round: {
                Type: 'Task',
                Resource: INVOKE,
                Parameters: invoke({ op: 'count', 'n.$': '$.count.n' }),
                ResultSelector: { 'n.$': '$.Payload.n' },
                ResultPath: '$.count',
                Next: 'Again',
              },
              Again: {
                Type: 'Choice',
                Choices: [{ Variable: '$.count.n', NumericLessThanPath: '$.limit', Next: 'Round' }],
                Default: 'Done',
              },
              Done: { Type: 'Succeed' },
            },
          },
          ResultPath: null,
          End: true,
        },
      },
    });
    const done = await run(arn, { limits: [1, 3, 2] });
    expect(done.status).toBe('SUCCEEDED');
    const [mapRun, ...more] = standIn.mapRuns(done.executionArn!);
    expect(more).toEqual([]);
    expect(mapRun!.status).toBe('SUCCEEDED');
    expect(mapRun!.children.map((c) => [c.index, c.status, c.events.length])).toEqual([
      [0, 'SUCCEEDED', 7 * 1 + 4],
      [1, 'SUCCEEDED', 7 * 3 + 4],
      [2, 'SUCCEEDED', 7 * 2 + 4],
    ]);
    expect(mapRun!.children[1]!.events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      ...ROUND_EVENTS,
      ...ROUND_EVENTS,
      ...ROUND_EVENTS,
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    // The parent's own history holds the Map Run, not the children's events.
    expect(standIn.history(done.executionArn!).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
  });

  test('a function that times out is Lambda.Unknown; one that throws is named by its errorType', async () => {
    const arn = standIn.createStateMachine('plain-arn', {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: `arn:aws:lambda:us-east-1:123456789012:function:${FN}`, End: true } },
    });
    faults = () => 'timeout';
    const timedOut = await run(arn, { op: 'work', item: 'x' });
    faults = () => undefined;
    expect(timedOut).toMatchObject({ status: 'FAILED', error: 'Lambda.Unknown' });
    expect(timedOut.cause).toMatch(/Lambda did not return an error type.*Task timed out/);

    const thrown = await run(arn, { op: 'fail', errorType: 'SegmentError', message: 'segment 3 failed' });
    expect(thrown).toMatchObject({ status: 'FAILED', error: 'SegmentError' });
    expect(JSON.parse(thrown.cause!)).toMatchObject({ errorMessage: 'segment 3 failed' });

    // A plain function ARN answers the function's own result, not the lambda:invoke envelope.
    const ok = await run(arn, { op: 'work', item: 'y' });
    expect(JSON.parse(ok.output!)).toEqual({ item: 'y', upper: 'Y' });
    const history = standIn.history(ok.executionArn!).map((e) => e.type);
    expect(history).toContain('LambdaFunctionSucceeded');
  });

  test("Lambda's own errors: 5xx Lambda.ServiceException, 429 Lambda.TooManyRequestsException, 404 Lambda.ResourceNotFoundException, no answer Lambda.SdkClientException", async () => {
    const arn = standIn.createStateMachine('missing-fn', {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: INVOKE, Parameters: { FunctionName: 'no-such-fn', Payload: {} }, End: true },
      },
    });
    const missing = await run(arn, {});
    expect(missing).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
    expect(missing.cause).toMatch(/Status Code: 404/);

    // A Lambda endpoint that answers every Invoke with one error, as Lambda's API sends it.
    let answer = { status: 500, type: 'ServiceException' };
    const failing = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-errortype': answer.type });
        res.end(JSON.stringify({ Type: 'Service', message: `${answer.type} from the test` }));
      });
    });
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
    const failingEndpoint = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    const expectations: [string, { status: number; type: string } | undefined, string][] = [
      [failingEndpoint, { status: 500, type: 'ServiceException' }, 'Lambda.ServiceException'],
      [failingEndpoint, { status: 429, type: 'TooManyRequestsException' }, 'Lambda.TooManyRequestsException'],
      // Port 9 (discard) on loopback: nothing listens, the connection is refused.
      ['http://127.0.0.1:9', undefined, 'Lambda.SdkClientException'],
    ];
    try {
      for (const [endpoint, reply, error] of expectations) {
        if (reply) answer = reply;
        const other = await startSfnStandIn({ lambdaEndpoint: endpoint });
        const client = clientOf(other);
        try {
          const machine = other.createStateMachine('flow', FLOW);
          const started = await client.send(
            new StartExecutionCommand({
              stateMachineArn: machine,
              input: JSON.stringify({ count: { n: 0 }, limit: 1 }),
            }),
          );
          expect(await other.finished(started.executionArn!)).toMatchObject({ status: 'FAILED', error });
        } finally {
          client.destroy();
          await other.stop();
        }
      }
    } finally {
      failing.close();
    }
  });

  test('a result over 256 KiB is States.DataLimitExceeded, which no Catch sees', async () => {
    const arn = standIn.createStateMachine('big', {
      StartAt: 'Big',
      States: {
        Big: {
          Type: 'Task',
          Resource: INVOKE,
          Parameters: invoke({ op: 'big', bytes: 300_000 }),
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    expect(await run(arn, {})).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});

describe('StartExecution and StopExecution', () => {
  test('the same name and input while running attach to the execution; a different input or a closed one is ExecutionAlreadyExists', async () => {
    const arn = standIn.createStateMachine('gated', GATED);
    const input = JSON.stringify({ id: 'idem', dir: gates });
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'run-1-step-2', input }));
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'run-1-step-2', input }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate!.getTime()).toBe(first.startDate!.getTime());
    expect(first.executionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:gated:run-1-step-2`);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'run-1-step-2', input: '{"id":"other"}' })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    await gateStarted('idem');
    writeFileSync(join(gates, 'open-idem'), '');
    expect(await standIn.finished(first.executionArn!)).toMatchObject({ status: 'SUCCEEDED' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'run-1-step-2', input })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    expect(standIn.executions().filter((e) => e.name === 'run-1-step-2')).toHaveLength(1);
  });

  test('stop: ABORTED at once, no Catch or cleanup state runs, the call in flight runs to its end and is ignored', async () => {
    const arn = standIn.createStateMachine('gated-stop', GATED);
    const started = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify({ id: 'stop', dir: gates }) }),
    );
    await gateStarted('stop');
    const stopped = await sfn.send(
      new StopExecutionCommand({ executionArn: started.executionArn, error: 'UserStop', cause: 'stopped by the test' }),
    );
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'UserStop', cause: 'stopped by the test' });
    expect(described.stopDate!.getTime()).toBe(stopped.stopDate!.getTime());
    expect(existsSync(join(gates, 'finished-stop'))).toBe(false);

    writeFileSync(join(gates, 'open-stop'), '');
    await standIn.idle(started.executionArn);
    expect(existsSync(join(gates, 'finished-stop'))).toBe(true);
    const calls = standIn.invocations().filter((i) => i.executionArn === started.executionArn);
    expect(calls.map((c) => [c.stateName, c.outcome])).toEqual([['Hold', 'ignored']]);
    const history = standIn.history(started.executionArn!).map((e) => e.type);
    expect(history.at(-1)).toBe('ExecutionAborted');
    expect(history).not.toContain('TaskSucceeded');
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }))).status).toBe(
      'ABORTED',
    );
    // Stopping again changes nothing.
    await sfn.send(new StopExecutionCommand({ executionArn: started.executionArn }));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }))).error).toBe(
      'UserStop',
    );
  });
});

describe('the API surface', () => {
  test('bad requests get the errors AWS names', async () => {
    const unknown = 'arn:aws:states:us-east-1:123456789012:stateMachine:never-created';
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: unknown }))).rejects.toBeInstanceOf(
      StateMachineDoesNotExist,
    );
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: unknown }))).rejects.toBeInstanceOf(
      StateMachineDoesNotExist,
    );
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: 'not-an-arn' }))).rejects.toBeInstanceOf(
      InvalidArn,
    );
    const arn = standIn.createStateMachine('api', FLOW);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'has space' })),
    ).rejects.toBeInstanceOf(InvalidName);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{oops' }))).rejects.toBeInstanceOf(
      InvalidExecutionInput,
    );
    await expect(
      sfn.send(
        new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:api:nope' }),
      ),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    const noNext = { StartAt: 'A', States: { A: { Type: 'Pass' } } };
    await expect(
      sfn.send(
        new CreateStateMachineCommand({
          name: 'bad',
          definition: JSON.stringify(noNext),
          roleArn: 'arn:aws:iam::123456789012:role/r',
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidDefinition);
    expect(() => standIn.createStateMachine('bad', noNext)).toThrow(/InvalidDefinition/);
    const finished = await run(arn, { count: { n: 0 }, limit: 0, items: [] });
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: finished.executionArn }))).rejects.toBeInstanceOf(
      ExecutionNotRedrivable,
    );
  });

  test('CreateStateMachine and DescribeStateMachine through the SDK; an identical create is the same machine', async () => {
    const input = {
      name: 'via-api',
      definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
      roleArn: 'arn:aws:iam::123456789012:role/sfn',
    };
    const created = await sfn.send(new CreateStateMachineCommand(input));
    expect((await sfn.send(new CreateStateMachineCommand(input))).stateMachineArn).toBe(created.stateMachineArn);
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(described).toMatchObject({ name: 'via-api', status: 'ACTIVE', type: 'STANDARD', roleArn: input.roleArn });
    expect(JSON.parse(described.definition!)).toEqual(JSON.parse(input.definition));
    const done = await run(created.stateMachineArn!, { a: 1 });
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"a":1}' });
  });

  test('ListExecutions: newest first, statusFilter, pages; a forged token is InvalidToken', async () => {
    const arn = standIn.createStateMachine('listed', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    for (const n of [1, 2, 3]) await run(arn, { n }, `listed-${n}`);
    const gated = standIn.createStateMachine('listed-gated', GATED);
    const running = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: gated, input: JSON.stringify({ id: 'list', dir: gates }) }),
    );
    const first = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2 }));
    expect(first.executions!.map((e) => e.name)).toEqual(['listed-3', 'listed-2']);
    const second = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken: first.nextToken }),
    );
    expect(second.executions!.map((e) => e.name)).toEqual(['listed-1']);
    expect(second.nextToken).toBeUndefined();
    const runningOnly = await sfn.send(new ListExecutionsCommand({ stateMachineArn: gated, statusFilter: 'RUNNING' }));
    expect(runningOnly.executions!.map((e) => e.executionArn)).toEqual([running.executionArn]);
    expect(
      (await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING' }))).executions,
    ).toEqual([]);
    await expect(
      sfn.send(new ListExecutionsCommand({ stateMachineArn: gated, nextToken: first.nextToken })),
    ).rejects.toBeInstanceOf(InvalidToken);
    await gateStarted('list');
    await sfn.send(new StopExecutionCommand({ executionArn: running.executionArn }));
    writeFileSync(join(gates, 'open-list'), '');
    await standIn.idle();
  });
});

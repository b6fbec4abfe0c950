import { describe, expect, test } from 'vitest';
import { errorMessage } from '../../../src/controller/execution-commands';
import { InputError } from '../../../src/core/errors';
import {
  checkStateMachine,
  consoleUrl,
  type ExecutionInfo,
  executionArnOf,
  executionName,
  executionPrefix,
  type StepFunctionsApi,
  startOrAttach,
} from '../../../src/runner/stepfunctions/execution';
import { describeStepProgress } from '../../../src/core/render/text';
import { stepProgress } from '../../../src/runner/stepfunctions/progress';
import { outcomeOf, progressEveryMs } from '../../../src/runner/stepfunctions/step-execution';

const SM = 'arn:aws:states:eu-west-1:123456789012:stateMachine:migrate-controller-steps';
const up = (version: string) => ({ version, direction: 'up' as const });

describe('execution names', () => {
  test('at most 80 characters of A-Z a-z 0-9 _ -, whatever the table and version', () => {
    const long = `orders.${'x'.repeat(240)}`;
    for (const [table, version] of [
      ['orders-prod', '1.2.0'],
      [long, '10.20.30-rc.1+build.5'],
      ['a.b_c', '0.0.1'],
    ] as const) {
      const name = executionName(table, up(version), 'lock-1');
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(name.startsWith(executionPrefix(table))).toBe(true);
    }
  });

  test('the same table, step and lock give the same name; another lock, step or direction another', () => {
    const a = executionName('orders', up('1.2.0'), 'lock-1');
    expect(executionName('orders', up('1.2.0'), 'lock-1')).toBe(a);
    expect(executionName('orders', up('1.2.0'), 'lock-2')).not.toBe(a);
    expect(executionName('orders', up('1.2.1'), 'lock-1')).not.toBe(a);
    expect(executionName('orders', { version: '1.2.0', direction: 'down' }, 'lock-1')).not.toBe(a);
    // Two tables whose names read alike once cut still get different prefixes.
    expect(executionPrefix(`${'t'.repeat(30)}a`)).not.toBe(executionPrefix(`${'t'.repeat(30)}b`));
  });

  test('ARN and console link of an execution', () => {
    const arn = executionArnOf(SM, 'dm-x');
    expect(arn).toBe('arn:aws:states:eu-west-1:123456789012:execution:migrate-controller-steps:dm-x');
    expect(consoleUrl(arn)).toBe(
      `https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/${arn}`,
    );
  });
});

/** A fake of the calls startOrAttach and checkStateMachine make. */
function fakeApi(o: { startError?: string; definition?: string | Error }): StepFunctionsApi & { starts: number } {
  const api = {
    starts: 0,
    async startExecution(a: { stateMachineArn: string; name: string }) {
      api.starts++;
      if (o.startError) throw Object.assign(new Error(`${o.startError}: ${a.name}`), { name: o.startError });
      return { executionArn: executionArnOf(a.stateMachineArn, a.name) };
    },
    async describeExecution(executionArn: string): Promise<ExecutionInfo> {
      return { executionArn, status: 'RUNNING' };
    },
    async stopExecution() {},
    async listRunning() {
      return [];
    },
    async describeStateMachine() {
      if (o.definition instanceof Error) throw o.definition;
      return { definition: o.definition ?? '' };
    },
  };
  return api;
}

describe('starting an execution', () => {
  test('started; or, when the name runs with another input, attached to it', async () => {
    expect(await startOrAttach(fakeApi({}), { stateMachineArn: SM, name: 'n', input: '{}' })).toEqual({
      executionArn: executionArnOf(SM, 'n'),
      attached: false,
      status: 'RUNNING',
    });
    expect(
      await startOrAttach(fakeApi({ startError: 'ExecutionAlreadyExists' }), {
        stateMachineArn: SM,
        name: 'n',
        input: '{}',
      }),
    ).toEqual({ executionArn: executionArnOf(SM, 'n'), attached: true, status: 'RUNNING' });
  });

  test('a missing state machine is bad input naming it; other errors pass through', async () => {
    const missing = startOrAttach(fakeApi({ startError: 'StateMachineDoesNotExist' }), {
      stateMachineArn: SM,
      name: 'n',
      input: '{}',
    });
    await expect(missing).rejects.toThrow(InputError);
    await expect(missing).rejects.toThrow(`state-machine ${SM}`);
    await expect(
      startOrAttach(fakeApi({ startError: 'ThrottlingException' }), { stateMachineArn: SM, name: 'n', input: '{}' }),
    ).rejects.toThrow('ThrottlingException');
  });

  test("the state machine is checked: it exists and is build-controller's", async () => {
    await expect(
      checkStateMachine(fakeApi({ definition: '{"x":"dm:segment dm:conclude"}' }), SM),
    ).resolves.toBeUndefined();
    await expect(checkStateMachine(fakeApi({ definition: '{"StartAt":"A"}' }), SM)).rejects.toThrow(
      'is not the state machine build-controller generates',
    );
    await expect(
      checkStateMachine(fakeApi({ definition: new Error('State Machine Does Not Exist') }), SM),
    ).rejects.toThrow(InputError);
  });
});

describe('how an execution ended', () => {
  const where = 'https://console/x';
  test('succeeded: the outcome its last state recorded', () => {
    expect(
      outcomeOf(
        {
          executionArn: 'a',
          status: 'SUCCEEDED',
          output: '{"status":"applied","counts":{"scanned":4,"changed":4,"skipped":0,"failed":0}}',
        },
        10,
        where,
      ),
    ).toEqual({
      status: 'applied',
      error: undefined,
      counts: { scanned: 4, changed: 4, skipped: 0, failed: 0 },
      durationMs: 10,
      where,
    });
  });

  test('failed: the cause (the recorded error); aborted: incomplete (stopped); unwatched: failed, saying it goes on', () => {
    expect(
      outcomeOf({ executionArn: 'a', status: 'FAILED', error: 'MigrationFailed', cause: 'boom' }, 1, where),
    ).toMatchObject({
      status: 'failed',
      error: 'boom',
    });
    expect(outcomeOf({ executionArn: 'a', status: 'ABORTED' }, 1, where).status).toBe('incomplete');
    expect(
      outcomeOf({ executionArn: 'a', status: 'RUNNING', error: 'Unwatched', cause: 'net' }, 1, where).error,
    ).toContain('it goes on and records the step itself');
  });

  test("errors as Step Functions hands them over: a function's JSON cause, a state's text, a Map's threshold", () => {
    expect(errorMessage({ Error: 'InputError', Cause: '{"errorMessage":"bad","errorType":"InputError"}' })).toBe('bad');
    expect(errorMessage({ Error: 'MigrationFailed', Cause: 'boom in 1.1.0' })).toBe('boom in 1.1.0');
    expect(errorMessage({ Error: 'States.ExceedToleratedFailureThreshold', Cause: '' })).toContain('a segment failed');
    expect(errorMessage(undefined)).toBe('failed');
  });
});

describe('progress from the checkpoints', () => {
  const pass = (total: number, done: number, scanned: number) => ({
    pass: 'pass-1:0-100',
    total,
    done,
    counts: { scanned, changed: scanned, skipped: 0, failed: 0 },
  });

  test('rate over the step, ETA from the table size when known', () => {
    const p = stepProgress([pass(8, 2, 5000)], { startedAt: 0, now: 10_000, items: 20_000 })!;
    expect(p).toMatchObject({ pass: 1, segmentsDone: 2, segments: 8, scanned: 5000, rate: 500, etaSeconds: 30 });
    expect(describeStepProgress(p)).toBe(
      'pass 1: 2/8 segments, 5,000 items scanned (5,000 changed), 500/s, about 30 s left',
    );
  });

  test('ETA from the segments done when the size is unknown; none before the first is done', () => {
    expect(stepProgress([pass(8, 4, 100)], { startedAt: 0, now: 60_000 })!.etaSeconds).toBe(60);
    expect(stepProgress([pass(8, 0, 100)], { startedAt: 0, now: 60_000 })!.etaSeconds).toBeUndefined();
    expect(stepProgress([], { startedAt: 0, now: 1 })).toBeUndefined();
  });
});

describe('how often a watch reads the checkpoints', () => {
  test('every poll up to 1,000 segments, then 5 ms a segment: a bounded read rate at any size', () => {
    expect(progressEveryMs(5000, undefined)).toBe(5000);
    expect(progressEveryMs(5000, 932)).toBe(5000);
    expect(progressEveryMs(5000, 9314)).toBe(46_570);
    expect(progressEveryMs(60_000, 9314)).toBe(60_000);
    // Eventually consistent, 3 KiB a checkpoint: 0.375 read units a segment each read.
    for (const k of [1000, 5000, 9314]) expect((k * 0.375) / (progressEveryMs(5000, k) / 1000)).toBeLessThanOrEqual(75);
  });
});

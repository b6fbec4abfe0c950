import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import {
  fanOutConcurrency,
  segmentOrder,
  LOST_INVOCATION_ERRORS,
  MAX_SEGMENT_ROUNDS,
  stateMachineDefinition,
  TRANSIENT_LAMBDA_ERRORS,
} from '../../../src/runner/stepfunctions/definition';

type State = Record<string, any>;
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:migrate-controller';

// asl-validator ships no types: its one export validates a definition.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errors?: unknown[];
};

function validate(definition: unknown): string[] {
  const r = aslValidator(definition);
  return r.isValid ? [] : (r.errors ?? []).map((e) => JSON.stringify(e));
}

/** Every state of the definition and of its Map's item processor, by name. */
function allStates(def: State): Record<string, State> {
  const out: Record<string, State> = {};
  const walk = (states: Record<string, State>) => {
    for (const [name, s] of Object.entries(states)) {
      out[name] = s;
      if (s.ItemProcessor) walk(s.ItemProcessor.States);
    }
  };
  walk(def.States);
  return out;
}

describe('the state machine of a fanned-out step', () => {
  const def = stateMachineDefinition({ functionArn: ARN }) as State;
  const states = allStates(def);

  test('validates against the States Language schema, with an ARN and with the template placeholder', () => {
    expect(validate(def)).toEqual([]);
    expect(validate(stateMachineDefinition({ functionArn: '${ControllerFunctionArn}' }))).toEqual([]);
  });

  test('a broken definition fails the same check (the check can fail)', () => {
    const broken = structuredClone(def);
    delete broken.States.BulkPass.Next;
    expect(validate(broken)).not.toEqual([]);
    const badMode = structuredClone(def);
    badMode.States.BulkPass.ItemProcessor.ProcessorConfig.ExecutionType = 'SOMETIMES';
    expect(validate(badMode)).not.toEqual([]);
  });

  test('the bulk pass is a Distributed Map of STANDARD children over the segments, its concurrency from the input', () => {
    const map = def.States.BulkPass;
    expect(map.Type).toBe('Map');
    // Distributed-only fields asl-validator does not check on an INLINE map: asserted here.
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(map.MaxConcurrencyPath).toBe('$.maxConcurrency');
    expect(map.ToleratedFailurePercentage).toBe(0);
    expect(map.Label).toMatch(/^[A-Za-z0-9]{1,40}$/);
    expect(map.ItemsPath).toBe('$.segments');
    expect(map.ItemSelector['segment.$']).toBe('$$.Map.Item.Value');
    expect(map.ItemSelector['pass.$']).toBe('$.pass.n');
    // The children's outputs are discarded: K of them must not reach the 256 KB payload limit.
    expect(map.ResultPath).toBeNull();
    expect(map.ItemProcessor.States.SegmentDone).toMatchObject({ Type: 'Pass', Result: {}, End: true });
    expect(map.Catch[0]).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'RecordFailed' });
  });

  test('every Lambda task invokes the controller, retries transient errors with backoff and jitter, and is caught', () => {
    const tasks = Object.entries(states).filter(([, s]) => s.Type === 'Task');
    expect(tasks.map(([n]) => n).sort()).toEqual(
      ['Begin', 'FirstPass', 'PassEnd', 'RecordFailed', 'RecordSuccess', 'Segment'].sort(),
    );
    for (const [name, s] of tasks) {
      expect(s.Resource, name).toBe('arn:aws:states:::lambda:invoke');
      expect(s.Parameters.FunctionName, name).toBe(ARN);
      expect(s.Parameters.Payload['config.$'], name).toBe('$.config');
      const transient = s.Retry.find((r: State) => r.ErrorEquals.includes('Lambda.ServiceException'));
      expect(transient.ErrorEquals, name).toEqual([...TRANSIENT_LAMBDA_ERRORS]);
      expect(transient, name).toMatchObject({ JitterStrategy: 'FULL', BackoffRate: 2 });
      expect(transient.MaxAttempts, name).toBeGreaterThan(1);
      // Inside the child a failure fails the child (and so the Map, which is caught); outside every task is caught.
      if (name !== 'Segment') expect(s.Catch?.[0]?.ErrorEquals, name).toEqual(['States.ALL']);
    }
    // Segment invocations that died are retried: the segment goes on from its checkpoint.
    expect(states.Segment!.Retry.some((r: State) => r.ErrorEquals.includes(LOST_INVOCATION_ERRORS[0]))).toBe(true);
  });

  test('the commands: begin, pass 0, each segment of pass n, pass end, conclude; the child loops while incomplete, bounded', () => {
    const cmd = (n: string) => states[n]!.Parameters.Payload.cmd;
    expect([cmd('Begin'), cmd('FirstPass'), cmd('Segment'), cmd('PassEnd'), cmd('RecordSuccess')]).toEqual([
      'dm:step',
      'dm:segment',
      'dm:segment',
      'dm:segment',
      'dm:conclude',
    ]);
    expect(states.FirstPass!.Parameters.Payload.args).toMatchObject({ pass: 0, segment: 0 });
    const answer = states.SegmentAnswer!;
    expect(answer.Choices[1].Next).toBe('Segment');
    expect(JSON.stringify(answer.Choices[1])).toContain(String(MAX_SEGMENT_ROUNDS));
    expect(states.SegmentFailed).toMatchObject({ Type: 'Fail', CausePath: '$.answer.body.error' });
    expect(states.RecordFailed!.Parameters.Payload.args.result).toEqual({ status: 'failed', 'error.$': '$.error' });
    // Every path ends in a recorded step: no Fail but after RecordFailed (or when recording itself failed).
    const reach = (from: string): string[] => {
      const s = def.States[from];
      return [
        s.Next,
        s.Default,
        ...(s.Choices ?? []).map((c: State) => c.Next),
        ...(s.Catch ?? []).map((c: State) => c.Next),
      ].filter(Boolean);
    };
    for (const [name, s] of Object.entries(def.States as Record<string, State>)) {
      for (const next of reach(name)) {
        if ((def.States as Record<string, State>)[next]?.Type === 'Fail')
          expect(['RecordFailed'], `${name} -> ${next}`).toContain(name);
      }
      if (s.Type === 'Fail') expect(['StepFailed', 'NotRecorded']).toContain(name);
    }
  });

  test('history events per child stay under 25,000 at the round limit', () => {
    // Per round: Task (entered, scheduled, started, succeeded, exited), Pass (entered, exited), Choice (entered, exited).
    expect(9 * MAX_SEGMENT_ROUNDS + 10).toBeLessThan(25_000);
  });
});

describe('fanOutConcurrency', () => {
  test('at most the segments and the concurrency asked for (default 8)', () => {
    expect(fanOutConcurrency({ segments: 64 })).toEqual({ maxConcurrency: 8, childWriteRate: undefined });
    expect(fanOutConcurrency({ segments: 4 })).toEqual({ maxConcurrency: 4, childWriteRate: undefined });
    expect(fanOutConcurrency({ segments: 64, concurrency: 20 }).maxConcurrency).toBe(20);
    expect(fanOutConcurrency({ segments: 20_000, concurrency: 12_000 }).maxConcurrency).toBe(10_000);
  });

  test('the write rate divided among the children that run at once, never below 25 WCU/s each', () => {
    expect(fanOutConcurrency({ segments: 64, concurrency: 20, writeRate: 1000 })).toEqual({
      maxConcurrency: 20,
      childWriteRate: 50,
    });
    expect(fanOutConcurrency({ segments: 64, concurrency: 20, writeRate: 100 })).toEqual({
      maxConcurrency: 4,
      childWriteRate: 25,
    });
    expect(fanOutConcurrency({ segments: 8, writeRate: 10 })).toEqual({ maxConcurrency: 1, childWriteRate: 10 });
  });

  test('without a concurrency, a high write rate feeds a child per 1,000 WCU/s (a partition each), within the segments', () => {
    expect(fanOutConcurrency({ segments: 932, writeRate: 40_000 })).toEqual({
      maxConcurrency: 40,
      childWriteRate: 1000,
    });
    expect(fanOutConcurrency({ segments: 932, writeRate: 10_000 })).toEqual({
      maxConcurrency: 10,
      childWriteRate: 1000,
    });
    expect(fanOutConcurrency({ segments: 16, writeRate: 40_000 }).maxConcurrency).toBe(16);
    // A low rate keeps the default 8 (each child gets its share).
    expect(fanOutConcurrency({ segments: 932, writeRate: 2000 })).toEqual({ maxConcurrency: 8, childWriteRate: 250 });
  });
});

describe('segmentOrder', () => {
  test('every segment once; the children in flight together are spread over the hash space', () => {
    for (const k of [1, 2, 3, 4, 8, 10, 64, 100, 932, 9314]) {
      const order = segmentOrder(k);
      expect(order).toHaveLength(k);
      expect(new Set(order).size).toBe(k);
      expect(Math.min(...order)).toBe(0);
      expect(Math.max(...order)).toBe(k - 1);
    }
    // 932 segments (1 TB), 40 in flight: the first 40 taken are far apart, not 40 neighbours
    // (10 consecutive segments of 1 GiB share a 10 GB partition).
    const k = 932;
    const first = [...segmentOrder(k).slice(0, 40)].sort((a, b) => a - b);
    const gaps = first.map((s, i) => (i ? s - first[i - 1]! : s + k - first.at(-1)!));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10);
    // Any 40 in a row of the order are spread likewise.
    const order = segmentOrder(k);
    for (let start = 0; start + 40 <= k; start++) {
      const w = order.slice(start, start + 40).sort((a, b) => a - b);
      const g = w.map((s, i) => (i ? s - w[i - 1]! : s + k - w.at(-1)!));
      expect(Math.min(...g)).toBeGreaterThanOrEqual(19);
    }
  });
});

/**
 * The state machine that runs one fanned-out step (Amazon States Language, JSONPath), generated
 * for a controller by build-controller. Pure: no SDK, no clock. One execution is one step:
 *
 *   Begin (dm:step start: a new attempt, the "running" record)
 *   -> FirstPass (dm:segment pass 0: the step up to its first bulk pass; again while `incomplete`)
 *   -> BulkPass (a Distributed Map over the K segments; each child invokes dm:segment for its
 *      segment of this pass, again while it answers `incomplete`)
 *   -> PassEnd (dm:segment of segment 0 again: it is finished, so it answers at once whether the
 *      migration goes on to another pass, and renews the lock's lease between passes)
 *   -> BulkPass again, or Conclude (dm:conclude: the outcome record, the schema item, the lock
 *      released). Every failure is caught into RecordFailed (dm:conclude with the error: the step
 *      recorded failed and the lock released), so the execution ends with the step recorded and
 *      the lock free, whoever started it and whether or not they still wait.
 */

/** The controller command names the state machine invokes (the controller's protocol, kept literal here). */
export const EXECUTION_COMMANDS = { step: 'dm:step', segment: 'dm:segment', conclude: 'dm:conclude' } as const;

/** Lambda's transient errors, retried with backoff and jitter as AWS recommends. */
export const TRANSIENT_LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
] as const;

/**
 * A segment invocation that died (timeout, out of memory, sandbox crash): the segment goes on
 * from its checkpoint when invoked again, so these are retried too, a few times.
 */
export const LOST_INVOCATION_ERRORS = ['Lambda.Unknown', 'Runtime.ExitError', 'Sandbox.Timedout'] as const;

/**
 * Invocations of one segment in one child before it stops itself: each round costs about 9 of
 * the child's 25,000 history events (Task 5, Pass 2, Choice 2), and a child that hits that limit
 * fails and cannot be redriven. 2,500 rounds of a 15-minute invocation are 26 days.
 */
export const MAX_SEGMENT_ROUNDS = 2500;

export interface DefinitionOptions {
  /**
   * The controller function's ARN, or a template placeholder (`${ControllerFunctionArn}`, which
   * the SAM template substitutes).
   */
  functionArn: string;
  /** Invocations of one segment that died (see LOST_INVOCATION_ERRORS) before the step fails. Default 3. */
  lostInvocationAttempts?: number | undefined;
}

type Json = Record<string, unknown>;

/** The execution's input, as the caller builds it (runner/stepfunctions/execution.ts). */
export interface ExecutionInput {
  /** The controller's `config`: the table's name. */
  config: { name: string };
  lockId: string;
  runId: string;
  planHash: string;
  step: unknown;
  /** The run's settings, without a deadline: the execution outlives the job that started it. */
  settings: unknown;
  totalSegments: number;
  /** 0..K-1 in the order the Distributed Map takes them (segmentOrder). */
  segments: number[];
  /** The Distributed Map's MaxConcurrency (from concurrency and the write rate). */
  maxConcurrency: number;
  /** When the caller started the step (for the outcome record's duration). */
  startedAt: number;
  /** `{date: 0}`; Begin replaces it with the running record's date (0: the step was never begun). */
  ticket: { date: number };
}

/** The state machine's definition for a controller. */
export function stateMachineDefinition(o: DefinitionOptions): Json {
  const invoke = (cmd: string, args: Json): Json => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: o.functionArn, Payload: { cmd, 'config.$': '$.config', args } },
  });
  const run = {
    'lockId.$': '$.lockId',
    'step.$': '$.step',
    'settings.$': '$.settings',
  };
  const transient = {
    ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  };
  const lost = {
    ErrorEquals: [...LOST_INVOCATION_ERRORS],
    IntervalSeconds: 2,
    MaxAttempts: o.lostInvocationAttempts ?? 3,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  };
  const toFailed = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailed' }];
  const body = { 'body.$': '$.Payload.body' };
  const conclude = (result: Json): Json => ({
    ...invoke(EXECUTION_COMMANDS.conclude, {
      ...run,
      'runId.$': '$.runId',
      'planHash.$': '$.planHash',
      'ticket.$': '$.ticket',
      'startedAt.$': '$.startedAt',
      result,
    }),
    ResultSelector: body,
    ResultPath: '$.concluded',
    Retry: [transient],
  });

  const segmentProcessor: Json = {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'Segment',
    States: {
      Segment: {
        ...invoke(EXECUTION_COMMANDS.segment, {
          ...run,
          'pass.$': '$.pass',
          'segment.$': '$.segment',
          'totalSegments.$': '$.totalSegments',
        }),
        ResultSelector: body,
        ResultPath: '$.answer',
        Retry: [transient, lost],
        Next: 'CountRound',
      },
      CountRound: {
        Type: 'Pass',
        Parameters: { 'n.$': 'States.MathAdd($.rounds.n, 1)' },
        ResultPath: '$.rounds',
        Next: 'SegmentAnswer',
      },
      SegmentAnswer: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.answer.body.status', StringEquals: 'failed', Next: 'SegmentFailed' },
          {
            And: [
              { Variable: '$.answer.body.status', StringEquals: 'incomplete' },
              { Variable: '$.rounds.n', NumericLessThan: MAX_SEGMENT_ROUNDS },
            ],
            Next: 'Segment',
          },
          { Variable: '$.answer.body.status', StringEquals: 'incomplete', Next: 'TooManyRounds' },
        ],
        Default: 'SegmentDone',
      },
      SegmentFailed: { Type: 'Fail', Error: 'MigrationFailed', CausePath: '$.answer.body.error' },
      TooManyRounds: {
        Type: 'Fail',
        Error: 'SegmentTooLong',
        Cause: `a segment was invoked ${MAX_SEGMENT_ROUNDS} times without finishing: use more segments`,
      },
      // A child's output is collected by the Map: kept empty, so 10,000 children stay far below 256 KB.
      SegmentDone: { Type: 'Pass', Result: {}, End: true },
    },
  };

  return {
    Comment:
      'dynamodb-migrate: one fanned-out migration step (generated by build-controller; see docs/lambda.md). Pass 0 up to the first bulk pass, each bulk pass as a Distributed Map over the scan segments, the outcome recorded and the lock released by the last states.',
    StartAt: 'Begin',
    States: {
      Begin: {
        ...invoke(EXECUTION_COMMANDS.step, {
          ...run,
          'runId.$': '$.runId',
          'planHash.$': '$.planHash',
          phase: 'start',
        }),
        ResultSelector: { 'date.$': '$.Payload.body.date' },
        ResultPath: '$.ticket',
        Retry: [transient],
        Catch: toFailed,
        Next: 'FirstPass',
      },
      FirstPass: {
        ...invoke(EXECUTION_COMMANDS.segment, {
          ...run,
          pass: 0,
          segment: 0,
          'totalSegments.$': '$.totalSegments',
        }),
        ResultSelector: body,
        ResultPath: '$.first',
        Retry: [transient, lost],
        Catch: toFailed,
        Next: 'FirstPassAnswer',
      },
      FirstPassAnswer: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.first.body.status', StringEquals: 'incomplete', Next: 'FirstPass' },
          { Variable: '$.first.body.status', StringEquals: 'fan-out', Next: 'FirstBulkPass' },
          { Variable: '$.first.body.status', StringEquals: 'done', Next: 'RecordSuccess' },
        ],
        Default: 'FirstPassFailed',
      },
      FirstPassFailed: {
        Type: 'Pass',
        Parameters: { Error: 'MigrationFailed', 'Cause.$': '$.first.body.error' },
        ResultPath: '$.error',
        Next: 'RecordFailed',
      },
      FirstBulkPass: { Type: 'Pass', Result: { n: 1 }, ResultPath: '$.pass', Next: 'BulkPass' },
      BulkPass: {
        Type: 'Map',
        Label: 'Segments',
        ItemsPath: '$.segments',
        ItemSelector: {
          'config.$': '$.config',
          ...run,
          'totalSegments.$': '$.totalSegments',
          'pass.$': '$.pass.n',
          'segment.$': '$$.Map.Item.Value',
          rounds: { n: 0 },
        },
        MaxConcurrencyPath: '$.maxConcurrency',
        ToleratedFailurePercentage: 0,
        ItemProcessor: segmentProcessor,
        ResultPath: null,
        Catch: toFailed,
        Next: 'PassEnd',
      },
      PassEnd: {
        ...invoke(EXECUTION_COMMANDS.segment, {
          ...run,
          'pass.$': '$.pass.n',
          segment: 0,
          'totalSegments.$': '$.totalSegments',
        }),
        ResultSelector: body,
        ResultPath: '$.passEnd',
        Retry: [transient, lost],
        Catch: toFailed,
        Next: 'MorePasses',
      },
      MorePasses: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.passEnd.body.status', StringEquals: 'failed', Next: 'PassEndFailed' },
          {
            And: [
              { Variable: '$.passEnd.body.nextPass', IsPresent: true },
              { Variable: '$.passEnd.body.nextPass', BooleanEquals: true },
            ],
            Next: 'NextPass',
          },
        ],
        Default: 'RecordSuccess',
      },
      PassEndFailed: {
        Type: 'Pass',
        Parameters: { Error: 'MigrationFailed', 'Cause.$': '$.passEnd.body.error' },
        ResultPath: '$.error',
        Next: 'RecordFailed',
      },
      NextPass: {
        Type: 'Pass',
        Parameters: { 'n.$': 'States.MathAdd($.pass.n, 1)' },
        ResultPath: '$.pass',
        Next: 'BulkPass',
      },
      RecordSuccess: {
        ...conclude({ status: 'done' }),
        Catch: toFailed,
        Next: 'Concluded',
      },
      RecordFailed: {
        ...conclude({ status: 'failed', 'error.$': '$.error' }),
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.unrecorded', Next: 'NotRecorded' }],
        Next: 'StepFailed',
      },
      Concluded: { Type: 'Succeed', OutputPath: '$.concluded.body' },
      StepFailed: { Type: 'Fail', Error: 'MigrationFailed', CausePath: '$.concluded.body.error' },
      NotRecorded: {
        Type: 'Fail',
        Error: 'NotRecorded',
        CausePath: '$.unrecorded.Cause',
      },
    },
  };
}

/**
 * The Distributed Map's MaxConcurrency and each child's write rate. Children at once: the
 * `concurrency` asked for; else as many as the write rate feeds at a partition's 1,000 WCU/s
 * each, and at least 8; never more than the segments or Step Functions' 10,000. With a write
 * rate, no more children than can each get 25 write units per second, and the rate divided
 * among those that run at once, so the step as a whole writes at the environment's rate.
 */
export function fanOutConcurrency(o: {
  segments: number;
  concurrency?: number | undefined;
  writeRate?: number | undefined;
}): {
  maxConcurrency: number;
  childWriteRate: number | undefined;
} {
  const wanted =
    o.concurrency ??
    Math.max(DEFAULT_CONCURRENCY, o.writeRate === undefined ? 0 : Math.ceil(o.writeRate / CHILD_WRITE_RATE));
  let n = Math.max(1, Math.min(o.segments, MAX_CONCURRENCY, wanted));
  if (o.writeRate === undefined) return { maxConcurrency: n, childWriteRate: undefined };
  n = Math.max(1, Math.min(n, Math.floor(o.writeRate / MIN_CHILD_WRITE_RATE)));
  return { maxConcurrency: n, childWriteRate: o.writeRate / n };
}

/** Children at once without a write rate or a `concurrency`. */
export const DEFAULT_CONCURRENCY = 8;
/** What one child writes at full speed: a partition takes 1,000 WCU/s, and a segment writes its partitions one after another. */
export const CHILD_WRITE_RATE = 1000;
/** A Distributed Map's most children in parallel. */
export const MAX_CONCURRENCY = 10_000;
/** Below this many write units per second a child's invocation costs more than it writes. */
export const MIN_CHILD_WRITE_RATE = 25;

/**
 * The order the Map takes the segments in: 0, p, 2p, … mod K for a stride p near K/φ² and prime
 * to K, so the children in flight at any time are spread over the table's hash space. With one
 * segment per GiB, consecutive segments share a partition (at most 10 GB, 1,000 WCU/s), and a
 * Map started at 0, 1, 2, … would put its first wave on a handful of partitions.
 */
export function segmentOrder(k: number): number[] {
  if (k <= 2) return Array.from({ length: k }, (_, i) => i);
  let p = Math.max(1, Math.round(k * 0.381966));
  while (gcd(p, k) !== 1) p++;
  return Array.from({ length: k }, (_, i) => (i * p) % k);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { installPromiseWithResolvers } from './promise-with-resolvers';

/**
 * A loopback stand-in of the AWS Step Functions API for tests, spoken over the real wire protocol
 * (AWS JSON 1.0: `POST /`, `X-Amz-Target: AWSStepFunctions.<Op>`, errors as HTTP 400 with
 * `{"__type": "...#<Code>", "message"}`, dates as epoch seconds), so `new SFNClient({ endpoint })`
 * of @aws-sdk/client-sfn works against it unchanged.
 *
 * Operations: CreateStateMachine, DescribeStateMachine, StartExecution, DescribeExecution,
 * StopExecution, ListExecutions, GetExecutionHistory, RedriveExecution (always refused, see below).
 * Anything else answers UnknownOperationException.
 *
 * Semantics kept from AWS (API reference, 2026-12):
 * - CreateStateMachine validates the definition (asl-validator) -> InvalidDefinition; the same
 *   name with the same definition and role returns the same ARN, otherwise StateMachineAlreadyExists.
 *   STANDARD only: an EXPRESS machine is refused (ValidationException saying so).
 * - StartExecution is idempotent for a STANDARD machine: the same name and the same input while
 *   the execution runs returns the same executionArn and startDate; a different input, or a name
 *   whose execution has closed, is ExecutionAlreadyExists. A malformed ARN is InvalidArn, an
 *   unknown machine StateMachineDoesNotExist, a bad name InvalidName, input that is not JSON
 *   InvalidExecutionInput, input over 256 KiB ValidationException.
 * - StopExecution: ABORTED at once (error and cause as given); no further state runs (no Catch,
 *   no cleanup state); Lambda invocations in flight run to their end and their results are
 *   ignored. Stopping a closed execution changes nothing and answers its stop date.
 * - Statuses RUNNING, SUCCEEDED, FAILED, TIMED_OUT (the definition's TimeoutSeconds), ABORTED;
 *   DescribeExecution gives output, or error and cause.
 * - ListExecutions: by stateMachineArn, statusFilter, newest first, maxResults (default 100,
 *   at most 1000) and nextToken (InvalidToken when forged).
 *
 * Executions run in aws-local-stepfunctions. Task states are forwarded to the loopback Lambda
 * endpoint (`lambdaEndpoint`, e.g. test/support/lambda-stub.ts) with @aws-sdk/client-lambda Invoke,
 * answering as Step Functions does:
 * - `arn:aws:states:::lambda:invoke` (the optimized integration; the function and payload from
 *   `Parameters`' FunctionName / Payload, Qualifier passed on): the result is
 *   `{ ExecutedVersion, Payload (parsed JSON), SdkHttpMetadata, SdkResponseMetadata, StatusCode }`;
 *   a plain Lambda ARN as Resource: the function's result itself. `ResultSelector`, `ResultPath`
 *   and `OutputPath` then apply as the interpreter applies them.
 * - A function error is a States error named by the payload's `errorType` with cause = the error
 *   payload's JSON; a function that timed out or whose runtime exited (no `errorType`, or
 *   `Runtime.ExitError`) is `Lambda.Unknown`; throttling (429) `Lambda.TooManyRequestsException`;
 *   a 5xx `Lambda.ServiceException`; no HTTP answer at all (connection refused or reset)
 *   `Lambda.SdkClientException`; another 4xx `Lambda.<Code>` (e.g. Lambda.ResourceNotFoundException).
 * - A result over 256 KiB fails the state with `States.DataLimitExceeded` (terminal: no Retry or
 *   Catch sees it), as does an execution output over 256 KiB.
 *
 * - A Distributed Map (ProcessorConfig.Mode DISTRIBUTED): a child that fails is counted against
 *   ToleratedFailureCount / ToleratedFailurePercentage (both absent: none tolerated); past the
 *   threshold the Map fails with `States.ExceedToleratedFailureThreshold` (its Catch never sees the
 *   child's own error, as on AWS, where that stays in the child execution), the other children
 *   are stopped (ABORTED); a tolerated child's slot in the Map's output is its `{Error, Cause}`.
 *   Each child has a history of its own (`mapRuns()`), apart from the parent's, which records
 *   MapRunStarted / MapRunSucceeded / MapRunFailed instead of the children's events.
 *
 * Differences from AWS that tests must know: a Distributed Map's children run inside the parent's
 * interpreter and are not executions the API knows (no ListExecutions by mapRunArn, DescribeMapRun
 * or DescribeExecution of a child: read them with `mapRuns()`); ItemReader, ItemBatcher,
 * ResultWriter and the *Path forms of the tolerated failure fields are not emulated; a Map
 * without MaxConcurrency (or with 0) runs 40 children at once, not a Distributed Map's 10,000; no
 * redrive (RedriveExecution answers ExecutionNotRedrivable, redriveStatus NOT_REDRIVABLE); a Task
 * without TimeoutSeconds waits up to ~24.8 days (the interpreter's own default, 60 s, is lifted);
 * the history is a close likeness (see `history()`).
 */

/** One call of a Task state to Lambda, as `injectFault` sees it. */
export interface InvocationRequest {
  /** The FunctionName (or the Resource's function ARN) as the definition gives it. */
  functionName: string;
  payload: unknown;
  /**
   * 1 for the first call of this Task state with this payload in this execution, 2 for the next
   * (a Retry, or a loop round that sends the very same payload), and so on.
   */
  attempt: number;
  stateName: string;
  executionArn: string;
  /** 1-based number of this invocation across the stand-in. */
  invocation: number;
}

/**
 * What `injectFault` answers: `undefined` to invoke normally; `{ error, cause? }` to fail the call
 * with that States error name (e.g. 'Lambda.ServiceException') without running the function, or
 * after running it to its end with `when: 'after'` (the function's work is done, its answer lost);
 * 'timeout' to fail it as a function timeout does (`Lambda.Unknown`) without running it.
 */
export type InjectedFault = undefined | { error: string; cause?: string; when?: 'before' | 'after' } | 'timeout';

export interface SfnStandInOptions {
  /** The Lambda Invoke endpoint Task states call (e.g. `startLambdaStub().endpoint`). */
  lambdaEndpoint: string;
  region?: string;
  accountId?: string;
  injectFault?: (req: InvocationRequest) => InjectedFault;
  /**
   * Wait this many milliseconds before each Retry instead of IntervalSeconds x BackoffRate^n (so a
   * definition's real backoff does not slow tests). Default: the definition's own intervals.
   */
  retryDelayMs?: number;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** An execution as `executions()` shows it (input and output as the JSON text AWS keeps). */
export interface StandInExecution {
  arn: string;
  name: string;
  stateMachineArn: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
}

/** One Lambda call a Task state made. */
export interface StandInInvocation extends InvocationRequest {
  /** 'running' while in flight; 'ignored' when it ended after its execution was stopped. */
  outcome: 'running' | 'succeeded' | 'failed' | 'ignored';
  /** Whether `injectFault` chose a fault for it. */
  injected: boolean;
  /** The States error the state saw, when it failed. */
  error?: string;
  cause?: string;
}

/** A history event in GetExecutionHistory's shape (timestamp as a Date here, epoch seconds on the wire). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
}

/** A Distributed Map's run, as `mapRuns()` shows it. */
export interface StandInMapRun {
  mapName: string;
  mapRunArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  /** Item index -> that child's status and history (ExecutionStarted ... its closing event). */
  children: { index: number; status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED'; events: HistoryEvent[] }[];
}

export interface SfnStandIn {
  /** The endpoint to give `new SFNClient({ endpoint })`. */
  endpoint: string;
  region: string;
  accountId: string;
  /** Creates (or finds, when identical) a STANDARD state machine; throws with InvalidDefinition's message on a bad definition. */
  createStateMachine(name: string, definition: object, roleArn?: string): string;
  executions(): StandInExecution[];
  invocations(): StandInInvocation[];
  /**
   * The execution's history: ExecutionStarted; per state <Type>StateEntered / <Type>StateExited;
   * per Lambda call TaskScheduled, TaskStarted, TaskSucceeded / TaskFailed (LambdaFunction* for a
   * plain function ARN); MapIterationStarted / Succeeded / Failed; the closing event. So a round of
   * a Task -> Choice loop costs 7 events, as on AWS.
   */
  history(executionArn: string): HistoryEvent[];
  /**
   * The Map Runs of the execution's Distributed Map states, in start order, each with its
   * children's histories by item index (each child is an execution of its own on AWS, with its
   * own 25,000-event limit; its events are not in the parent's `history()`).
   */
  mapRuns(executionArn: string): StandInMapRun[];
  /** Resolves when the execution has closed (any status but RUNNING). */
  finished(executionArn: string): Promise<StandInExecution>;
  /** Resolves with the first invocation (in flight or later) that matches. */
  invocationStarted(match?: (inv: StandInInvocation) => boolean): Promise<StandInInvocation>;
  /** Resolves when no Lambda call is in flight (of that execution, when one is named). */
  idle(executionArn?: string): Promise<void>;
  /** The most Lambda calls of one Task state that were in flight at once in an execution. */
  maxConcurrent(executionArn: string, stateName: string): number;
  stop(): Promise<void>;
}

/** States' own payload limit: 256 KiB of UTF-8 per state input/output and per execution input/output. */
export const PAYLOAD_LIMIT_BYTES = 262_144;
/** The longest a timer can wait in Node (2^31-1 ms), used for a Task without TimeoutSeconds. */
const MAX_TIMER_SECONDS = 2_147_483;
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
// Characters an execution or state machine name must not hold (control characters are checked apart).
const BAD_NAME_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/u;
const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Machine {
  arn: string;
  name: string;
  definition: string;
  parsed: Record<string, unknown>;
  roleArn: string;
  creationDate: Date;
  /** Every Task state (nested Map and Parallel states included) by its name. */
  tasks: Map<string, TaskState>;
  /** Each state inside a Distributed Map's children, to the name of that Map. */
  childOf: Map<string, string>;
}

interface TaskState {
  Resource: string;
  TimeoutSeconds?: number;
}

interface Execution extends StandInExecution {
  roleArn: string;
  events: HistoryEvent[];
  /** Calls per Task state + payload, for `attempt`. */
  attempts: Map<string, number>;
  inFlight: Map<string, number>;
  peak: Map<string, number>;
  /** The Map Runs of its Distributed Map states, in the order they started. */
  runs: MapRunRecord[];
  /** Per state inside a Distributed Map: the children (indexes) whose next Lambda call is theirs, in order. */
  pendingIndex: Map<string, number[]>;
  abort?: () => void;
  done: Promise<void>;
  close: () => void;
}

/** An error answered on the wire: HTTP 400 with the service's error code. */
class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/**
 * An error a Task state raises inside the interpreter: `name` is what Retry/Catch match, `message`
 * the cause. Terminal ones (States.DataLimitExceeded, a call after the stop) match no Retry or Catch:
 * the interpreter reads isRetryable / isCatchable.
 */
class StatesError extends Error {
  readonly isRetryable: boolean;
  readonly isCatchable: boolean;
  constructor(name: string, cause: string, terminal = false) {
    super(cause);
    this.name = name;
    this.isRetryable = !terminal;
    this.isCatchable = !terminal;
  }
}

type AslValidator = (
  definition: unknown,
  opts: { checkArn: boolean; checkPaths: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

/** Starts the stand-in on a loopback port. */
export async function startSfnStandIn(options: SfnStandInOptions): Promise<SfnStandIn> {
  // The interpreter calls Promise.withResolvers (Node 22+): install it before its module loads.
  installPromiseWithResolvers();
  const { StateMachine } = await import('aws-local-stepfunctions');
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const lambda = new LambdaClient({
    endpoint: options.lambdaEndpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // One HTTP call per Task attempt: retries are the definition's, as in Step Functions.
    maxAttempts: 1,
  });
  const machines = new Map<string, Machine>();
  const executions = new Map<string, Execution>();
  const invocations: StandInInvocation[] = [];
  const waiters: { match: (inv: StandInInvocation) => boolean; resolve: (inv: StandInInvocation) => void }[] = [];
  let idleWaiters: (() => void)[] = [];
  let inFlightTotal = 0;
  let invocationCount = 0;

  const machineArn = (name: string) => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;

  function createMachine(name: string, definition: string, roleArn: string, type = 'STANDARD'): string {
    if (!validName(name)) {
      throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
    }
    if (!ROLE_ARN.test(roleArn))
      throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${roleArn}'`);
    if (type !== 'STANDARD') {
      throw new ApiError(
        'ValidationException',
        `the Step Functions stand-in runs STANDARD state machines only, not ${type}`,
      );
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(definition) as Record<string, unknown>;
    } catch (e) {
      throw new ApiError(
        'InvalidDefinition',
        `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(e as Error).message}'`,
      );
    }
    // asl-validator writes QueryLanguage into what it checks: give it a copy.
    const verdict = aslValidator(structuredClone(parsed), { checkArn: true, checkPaths: true });
    if (!verdict.isValid) {
      throw new ApiError(
        'InvalidDefinition',
        `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ${verdict.errorsText('; ')}'`,
      );
    }
    const arn = machineArn(name);
    const existing = machines.get(arn);
    if (existing) {
      if (existing.definition === definition && existing.roleArn === roleArn) return arn;
      throw new ApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    machines.set(arn, {
      arn,
      name,
      definition,
      parsed,
      roleArn,
      creationDate: new Date(),
      tasks: taskStates(parsed),
      childOf: childStates(parsed),
    });
    return arn;
  }

  function findMachine(arn: unknown): Machine {
    const value = required(arn, 'stateMachineArn');
    const m = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:([^:]+)$/.exec(value);
    if (!m) throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${value}'`);
    const machine = machines.get(value);
    if (!machine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${value}'`);
    return machine;
  }

  function findExecution(arn: unknown): Execution {
    const value = required(arn, 'executionArn');
    if (!/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/.test(value)) {
      throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${value}'`);
    }
    const execution = executions.get(value);
    if (!execution) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${value}'`);
    return execution;
  }

  function addEvent(execution: Execution, type: string, details: Record<string, unknown> = {}): void {
    push(execution.events, type, details);
  }

  function closeExecution(
    execution: Execution,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    result: { output?: string; error?: string; cause?: string },
  ): void {
    if (execution.status !== 'RUNNING') return;
    execution.status = status;
    execution.stopDate = new Date();
    if (result.output !== undefined) execution.output = result.output;
    if (result.error !== undefined) execution.error = result.error;
    if (result.cause !== undefined) execution.cause = result.cause;
    const details: Record<string, unknown> = {};
    if (status === 'SUCCEEDED') {
      addEvent(execution, 'ExecutionSucceeded', {
        executionSucceededEventDetails: { output: result.output, outputDetails: { truncated: false } },
      });
    } else if (status === 'FAILED') {
      addEvent(execution, 'ExecutionFailed', {
        executionFailedEventDetails: { error: result.error, cause: result.cause },
      });
    } else if (status === 'TIMED_OUT') {
      addEvent(execution, 'ExecutionTimedOut', { executionTimedOutEventDetails: details });
    } else {
      addEvent(execution, 'ExecutionAborted', {
        executionAbortedEventDetails: { error: result.error, cause: result.cause },
      });
    }
    for (const run of execution.runs) closeRun(run, status === 'SUCCEEDED' ? 'SUCCEEDED' : 'ABORTED');
    execution.close();
  }

  function startExecution(machine: Machine, name: string, input: string): Execution {
    const arn = `arn:aws:states:${region}:${accountId}:execution:${machine.name}:${name}`;
    let close!: () => void;
    const done = new Promise<void>((r) => (close = r));
    const execution: Execution = {
      arn,
      name,
      stateMachineArn: machine.arn,
      status: 'RUNNING',
      input,
      startDate: new Date(),
      roleArn: machine.roleArn,
      events: [],
      attempts: new Map(),
      inFlight: new Map(),
      peak: new Map(),
      runs: [],
      pendingIndex: new Map(),
      done,
      close,
    };
    executions.set(arn, execution);
    addEvent(execution, 'ExecutionStarted', {
      executionStartedEventDetails: { input, inputDetails: { truncated: false }, roleArn: machine.roleArn },
    });

    const handlers: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [stateName, task] of machine.tasks) {
      handlers[stateName] = (stateInput) => callTask(execution, stateName, task, stateInput);
    }
    for (const [mapName, state] of allStates(machine.parsed)) {
      if (state.Type !== 'Map' || !distributed(state)) continue;
      handlers[`${SYNTHETIC}failed:${mapName}`] = async (failure) =>
        childFailed(execution, mapName, state, failure as { Error?: string; Cause?: string });
    }
    const retryIntervalOverrides: Record<string, number> = {};
    if (options.retryDelayMs !== undefined) {
      for (const stateName of retryableStates(machine.parsed)) retryIntervalOverrides[stateName] = options.retryDelayMs;
    }
    const interpreter = new StateMachine(runnable(machine.parsed) as never, {
      validationOptions: { noValidate: true },
    });
    const run = interpreter.run(JSON.parse(input) as Json, {
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
      context: {
        Execution: { Id: arn, Name: name, RoleArn: machine.roleArn },
        StateMachine: { Id: machine.arn, Name: machine.name },
      },
    });
    execution.abort = run.abort;
    // The interpreter's log ends with its closing event; the execution closes after the log is
    // read, so the last state's Exited event precedes ExecutionSucceeded as on AWS.
    const drained = (async () => {
      for await (const event of run.eventLogs) {
        if (execution.status !== 'RUNNING') continue;
        recordInterpreterEvent(execution, event as unknown as InterpreterEvent);
      }
    })();
    const settled = (result: PromiseSettledResult<Json>) => drained.then(() => result);
    run.result
      .then(
        (output) => settled({ status: 'fulfilled', value: output as Json }),
        (reason: unknown) => settled({ status: 'rejected', reason }),
      )
      .then((result) => {
        if (result.status === 'fulfilled') {
          const output = result.value;
          const text = JSON.stringify(output ?? null);
          if (utf8Length(text) > PAYLOAD_LIMIT_BYTES) {
            closeExecution(execution, 'FAILED', {
              error: 'States.DataLimitExceeded',
              cause: `The state/task returned a result with a size exceeding the maximum number of bytes service limit (${PAYLOAD_LIMIT_BYTES}).`,
            });
          } else {
            closeExecution(execution, 'SUCCEEDED', { output: text });
          }
          return;
        }
        const error = result.reason instanceof Error ? result.reason : new Error(String(result.reason));
        if (error.name === 'ExecutionTimeoutError') return closeExecution(execution, 'TIMED_OUT', {});
        if (error.name === 'ExecutionAbortedError') return; // StopExecution closed it already.
        const cause = error.name === 'ExecutionError' && error.cause instanceof Error ? error.cause : error;
        closeExecution(execution, 'FAILED', { error: cause.name, cause: cause.message });
      });
    return execution;
  }

  /**
   * Interpreter events -> AWS history events (Lambda calls are recorded by callTask itself). A
   * Distributed Map's children get histories of their own (see `mapRuns`); the parent records
   * MapRunStarted / MapRunSucceeded / MapRunFailed instead of their iterations.
   */
  function recordInterpreterEvent(execution: Execution, event: InterpreterEvent): void {
    const type = event.type;
    const state = event.state;
    if (state?.name.startsWith(SYNTHETIC)) {
      // The failure hook of a child: note which child calls it next.
      if (type === 'StateEntered' && event.index !== undefined) queueIndex(execution, state.name, event.index);
      return;
    }
    if (type.startsWith('MapIteration') && event.parentState) {
      const run = currentRun(execution, event.parentState.name);
      if (run && event.index !== undefined) {
        childIteration(run, type, event.index, event);
        return;
      }
      addEvent(execution, type, { mapIterationEventDetails: { name: event.parentState.name, index: event.index } });
      return;
    }
    if (!state) return;
    const machine = machines.get(execution.stateMachineArn)!;
    const mapName = machine.childOf.get(state.name);
    const child =
      mapName !== undefined && event.index !== undefined
        ? currentRun(execution, mapName)?.children.get(event.index)
        : undefined;
    const events = child?.events ?? execution.events;
    if (child && state.type === 'Task' && (type === 'StateEntered' || type === 'StateRetried')) {
      queueIndex(execution, state.name, event.index!);
    }
    const distributedMap = !child && state.type === 'Map' ? startedOrCurrentRun(execution, type, state) : undefined;
    if (type === 'StateEntered') {
      push(events, `${state.type}StateEntered`, {
        stateEnteredEventDetails: { name: state.name, input: JSON.stringify(state.input ?? null) },
      });
      if (distributedMap)
        push(events, 'MapRunStarted', { mapRunStartedEventDetails: { mapRunArn: distributedMap.arn } });
    } else if (type === 'StateExited') {
      if (distributedMap?.status === 'RUNNING') {
        closeRun(distributedMap, 'SUCCEEDED');
        push(events, 'MapRunSucceeded', {});
      }
      push(events, `${state.type}StateExited`, {
        stateExitedEventDetails: { name: state.name, output: JSON.stringify(state.output ?? null) },
      });
    } else if (type === 'StateFailed' && state.type !== 'Task') {
      if (distributedMap?.status === 'RUNNING') {
        closeRun(distributedMap, 'FAILED');
        push(events, 'MapRunFailed', {
          mapRunFailedEventDetails: { error: event.Error, cause: causeText(event.Cause) },
        });
      }
      push(events, `${state.type}StateFailed`, {});
    }
  }

  /** The Map Run a Distributed Map state's event belongs to: a new one when the state is entered. */
  function startedOrCurrentRun(execution: Execution, type: string, state: { name: string; input?: unknown }) {
    const machine = machines.get(execution.stateMachineArn)!;
    const definition = allStates(machine.parsed).find(([n]) => n === state.name)?.[1];
    if (!definition || !distributed(definition)) return undefined;
    if (type !== 'StateEntered') return currentRun(execution, state.name);
    const input =
      typeof definition.InputPath === 'string' ? simplePath(definition.InputPath, state.input) : state.input;
    const items = typeof definition.ItemsPath === 'string' ? simplePath(definition.ItemsPath, input) : input;
    const label = typeof definition.Label === 'string' ? definition.Label : state.name;
    const run: MapRunRecord = {
      mapName: state.name,
      arn: `arn:aws:states:${region}:${accountId}:mapRun:${machine.name}/${label}:${randomUUID()}`,
      status: 'RUNNING',
      total: Array.isArray(items) ? items.length : undefined,
      failed: 0,
      exceeded: false,
      children: new Map(),
    };
    execution.runs.push(run);
    return run;
  }

  /** A child of a Distributed Map begins or ends: its own ExecutionStarted / Succeeded / Failed. */
  function childIteration(run: MapRunRecord, type: string, index: number, event: InterpreterEvent): void {
    if (type === 'MapIterationStarted') {
      if (run.exceeded) return;
      const events: HistoryEvent[] = [];
      push(events, 'ExecutionStarted', {
        executionStartedEventDetails: {
          input: JSON.stringify(event.input ?? null),
          inputDetails: { truncated: false },
        },
      });
      run.children.set(index, { events, status: 'RUNNING' });
      return;
    }
    const child = run.children.get(index);
    if (child?.status !== 'RUNNING') return;
    if (type === 'MapIterationSucceeded') {
      child.status = 'SUCCEEDED';
      push(child.events, 'ExecutionSucceeded', {
        executionSucceededEventDetails: { output: JSON.stringify(event.output ?? null) },
      });
    } else if (type === 'MapIterationFailed') {
      child.status = 'FAILED';
      push(child.events, 'ExecutionFailed', {
        executionFailedEventDetails: { error: event.Error, cause: causeText(event.Cause) },
      });
    }
  }

  function currentRun(execution: Execution, mapName: string): MapRunRecord | undefined {
    return execution.runs.findLast((r) => r.mapName === mapName);
  }

  function queueIndex(execution: Execution, stateName: string, index: number): void {
    const queue = execution.pendingIndex.get(stateName) ?? [];
    queue.push(index);
    execution.pendingIndex.set(stateName, queue);
  }

  /**
   * The history a Lambda call of `stateName` belongs to: the child's, for a state inside a
   * Distributed Map (the interpreter calls a state's handler right after dispatching its
   * StateEntered or StateRetried, so children queue up in the order they call), else the parent's.
   */
  function historyOf(execution: Execution, stateName: string): HistoryEvent[] {
    const mapName = machines.get(execution.stateMachineArn)!.childOf.get(stateName);
    if (mapName === undefined) return execution.events;
    const index = execution.pendingIndex.get(stateName)?.shift();
    const child = index === undefined ? undefined : currentRun(execution, mapName)?.children.get(index);
    return child?.events ?? execution.events;
  }

  /**
   * A child of a Distributed Map failed: tolerated while the failures stay within
   * ToleratedFailureCount / ToleratedFailurePercentage (the child's error is then its result),
   * otherwise the Map Run fails with States.ExceedToleratedFailureThreshold.
   */
  async function childFailed(
    execution: Execution,
    mapName: string,
    map: Record<string, unknown>,
    failure: { Error?: string; Cause?: string },
  ): Promise<Json> {
    // Let the hook's StateEntered reach recordInterpreterEvent, which notes the child.
    await new Promise((r) => setImmediate(r));
    const run = currentRun(execution, mapName);
    const index = execution.pendingIndex.get(`${SYNTHETIC}failed:${mapName}`)?.shift();
    const child = index === undefined ? undefined : run?.children.get(index);
    if (child?.status === 'RUNNING') {
      child.status = 'FAILED';
      push(child.events, 'ExecutionFailed', {
        executionFailedEventDetails: { error: failure.Error, cause: failure.Cause },
      });
    }
    if (!run) throw new StatesError('States.Runtime', `no Map Run of ${mapName} is running`, true);
    run.failed++;
    const count = typeof map.ToleratedFailureCount === 'number' ? map.ToleratedFailureCount : undefined;
    const percentage = typeof map.ToleratedFailurePercentage === 'number' ? map.ToleratedFailurePercentage : undefined;
    const overCount = run.failed > (count ?? (percentage === undefined ? 0 : Number.POSITIVE_INFINITY));
    const overPercentage =
      percentage !== undefined && (run.total === undefined || (run.failed / run.total) * 100 > percentage);
    if (overCount || overPercentage) {
      run.exceeded = true;
      throw new StatesError('States.ExceedToleratedFailureThreshold', CHILD_FAILED_CAUSE);
    }
    return { Error: failure.Error ?? 'States.TaskFailed', Cause: failure.Cause ?? '' };
  }

  async function callTask(execution: Execution, stateName: string, task: TaskState, input: Json): Promise<Json> {
    // Let the interpreter's StateEntered reach the history first (it is delivered in microtasks).
    await new Promise((r) => setImmediate(r));
    if (execution.status !== 'RUNNING') {
      throw new StatesError('States.Runtime', 'the execution is no longer running', true);
    }
    const optimized = task.Resource === LAMBDA_INVOKE;
    let functionName: string;
    let payload: unknown;
    let qualifier: string | undefined;
    if (optimized) {
      const params = (input ?? {}) as Record<string, unknown>;
      if (typeof params.FunctionName !== 'string') {
        throw new StatesError('States.Runtime', `${stateName}: lambda:invoke needs Parameters.FunctionName`, true);
      }
      functionName = params.FunctionName;
      payload = params.Payload ?? {};
      if (typeof params.Qualifier === 'string') qualifier = params.Qualifier;
    } else if (LAMBDA_ARN.test(task.Resource)) {
      functionName = task.Resource;
      payload = input;
    } else {
      throw new StatesError(
        'States.Runtime',
        `${stateName}: the stand-in does not implement Resource ${task.Resource}`,
        true,
      );
    }

    const key = `${stateName}\u0000${JSON.stringify(payload)}`;
    const attempt = (execution.attempts.get(key) ?? 0) + 1;
    execution.attempts.set(key, attempt);
    const request: InvocationRequest = {
      functionName,
      payload,
      attempt,
      stateName,
      executionArn: execution.arn,
      invocation: ++invocationCount,
    };
    const fault = options.injectFault?.(request);
    const record: StandInInvocation = { ...request, outcome: 'running', injected: fault !== undefined };
    invocations.push(record);
    const kind = optimized ? 'Task' : 'LambdaFunction';
    const events = historyOf(execution, stateName);
    const addEvent = (_: Execution, type: string, details: Record<string, unknown> = {}) => push(events, type, details);
    const payloadText = JSON.stringify(payload);
    if (optimized) {
      addEvent(execution, 'TaskScheduled', {
        taskScheduledEventDetails: {
          resourceType: 'lambda',
          resource: 'invoke',
          region,
          parameters: JSON.stringify(input),
        },
      });
      addEvent(execution, 'TaskStarted', { taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' } });
    } else {
      addEvent(execution, 'LambdaFunctionScheduled', {
        lambdaFunctionScheduledEventDetails: { resource: functionName, input: payloadText },
      });
      addEvent(execution, 'LambdaFunctionStarted', {});
    }
    const flight = (execution.inFlight.get(stateName) ?? 0) + 1;
    execution.inFlight.set(stateName, flight);
    execution.peak.set(stateName, Math.max(flight, execution.peak.get(stateName) ?? 0));
    inFlightTotal++;
    for (const w of [...waiters]) {
      if (w.match(record)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(record);
      }
    }

    try {
      const result = await invokeLambda(functionName, payload, qualifier, fault, optimized);
      const text = JSON.stringify(result);
      if (utf8Length(text) > PAYLOAD_LIMIT_BYTES) {
        throw new StatesError(
          'States.DataLimitExceeded',
          `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`,
          true,
        );
      }
      if (execution.status !== 'RUNNING') {
        record.outcome = 'ignored';
        return result;
      }
      record.outcome = 'succeeded';
      addEvent(
        execution,
        optimized ? 'TaskSucceeded' : 'LambdaFunctionSucceeded',
        optimized
          ? { taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke', output: text } }
          : { lambdaFunctionSucceededEventDetails: { output: text } },
      );
      return result;
    } catch (e) {
      const error = e instanceof StatesError ? e : new StatesError('States.Runtime', String(e), true);
      record.error = error.name;
      record.cause = error.message;
      if (execution.status !== 'RUNNING') {
        record.outcome = 'ignored';
      } else {
        record.outcome = 'failed';
        addEvent(execution, `${kind}Failed`, {
          [optimized ? 'taskFailedEventDetails' : 'lambdaFunctionFailedEventDetails']: {
            ...(optimized ? { resourceType: 'lambda', resource: 'invoke' } : {}),
            error: error.name,
            cause: error.message,
          },
        });
      }
      throw error;
    } finally {
      execution.inFlight.set(stateName, (execution.inFlight.get(stateName) ?? 1) - 1);
      inFlightTotal--;
      const ws = idleWaiters;
      idleWaiters = [];
      for (const w of ws) w();
    }
  }

  async function invokeLambda(
    functionName: string,
    payload: unknown,
    qualifier: string | undefined,
    fault: InjectedFault,
    optimized: boolean,
  ): Promise<Json> {
    if (fault === 'timeout') throw functionTimedOut();
    if (fault && fault.when !== 'after') throw injected(fault);
    let res: InvokeCommandOutput;
    try {
      res = await lambda.send(
        new InvokeCommand({
          FunctionName: functionName,
          Payload: new TextEncoder().encode(JSON.stringify(payload)),
          ...(qualifier ? { Qualifier: qualifier } : {}),
        }),
      );
    } catch (e) {
      throw lambdaServiceError(e);
    }
    if (fault) throw injected(fault);
    const text = res.Payload ? new TextDecoder().decode(res.Payload) : '';
    if (res.FunctionError) {
      let errorType: unknown;
      try {
        errorType = (JSON.parse(text) as { errorType?: unknown } | null)?.errorType;
      } catch {
        errorType = undefined;
      }
      if (typeof errorType !== 'string' || errorType === 'Runtime.ExitError') {
        throw new StatesError(
          'Lambda.Unknown',
          `The cause could not be determined because Lambda did not return an error type. Returned payload: ${text}`,
        );
      }
      throw new StatesError(errorType, text);
    }
    const parsed = parsePayload(text);
    if (!optimized) return parsed;
    const requestId = res.$metadata.requestId ?? randomUUID();
    const headers = {
      'Content-Type': 'application/json',
      Date: new Date().toUTCString(),
      'X-Amz-Executed-Version': res.ExecutedVersion ?? '$LATEST',
      'x-amzn-RequestId': requestId,
    };
    return {
      ExecutedVersion: res.ExecutedVersion ?? '$LATEST',
      Payload: parsed,
      SdkHttpMetadata: {
        AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        HttpHeaders: headers,
        HttpStatusCode: res.StatusCode ?? 200,
      },
      SdkResponseMetadata: { RequestId: requestId },
      StatusCode: res.StatusCode ?? 200,
    };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      const error = e instanceof ApiError ? e : new ApiError('InternalFailure', String(e), 500);
      send(res, error.status, { __type: `com.amazonaws.swf.service.v2.model#${error.code}`, message: error.message });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    if (req.method !== 'POST' || !target.startsWith('AWSStepFunctions.')) {
      throw new ApiError('UnknownOperationException', `unknown operation: ${req.method} ${req.url} ${target}`);
    }
    let input: Record<string, unknown>;
    try {
      input = (body.length ? JSON.parse(body) : {}) as Record<string, unknown>;
    } catch {
      throw new ApiError('SerializationException', 'the request body is not JSON');
    }
    const op = target.slice('AWSStepFunctions.'.length);
    send(res, 200, operation(op, input));
  }

  function operation(op: string, input: Record<string, unknown>): unknown {
    switch (op) {
      case 'CreateStateMachine': {
        const definition = required(input.definition, 'definition');
        const arn = createMachine(
          required(input.name, 'name'),
          definition,
          required(input.roleArn, 'roleArn'),
          typeof input.type === 'string' ? input.type : 'STANDARD',
        );
        return { stateMachineArn: arn, creationDate: epoch(machines.get(arn)!.creationDate) };
      }
      case 'DescribeStateMachine': {
        const m = findMachine(input.stateMachineArn);
        return {
          stateMachineArn: m.arn,
          name: m.name,
          status: 'ACTIVE',
          definition: m.definition,
          roleArn: m.roleArn,
          type: 'STANDARD',
          creationDate: epoch(m.creationDate),
          loggingConfiguration: { level: 'OFF', includeExecutionData: false },
          tracingConfiguration: { enabled: false },
        };
      }
      case 'StartExecution': {
        const machine = findMachine(input.stateMachineArn);
        const name = input.name === undefined ? randomUUID() : required(input.name, 'name');
        if (!validName(name)) {
          throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
        }
        const text = input.input === undefined ? '{}' : required(input.input, 'input');
        if (utf8Length(text) > PAYLOAD_LIMIT_BYTES) {
          throw new ApiError(
            'ValidationException',
            `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${PAYLOAD_LIMIT_BYTES}`,
          );
        }
        try {
          JSON.parse(text);
        } catch (e) {
          throw new ApiError(
            'InvalidExecutionInput',
            `Invalid State Machine Execution Input: '${(e as Error).message}'`,
          );
        }
        const arn = `arn:aws:states:${region}:${accountId}:execution:${machine.name}:${name}`;
        const existing = executions.get(arn);
        if (existing) {
          if (existing.status === 'RUNNING' && existing.input === text) {
            return { executionArn: arn, startDate: epoch(existing.startDate) };
          }
          throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
        }
        const execution = startExecution(machine, name, text);
        return { executionArn: execution.arn, startDate: epoch(execution.startDate) };
      }
      case 'DescribeExecution': {
        const e = findExecution(input.executionArn);
        const closed = e.status !== 'RUNNING';
        return {
          ...executionSummary(e),
          input: e.input,
          inputDetails: { included: true },
          ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
          ...(e.error !== undefined ? { error: e.error } : {}),
          ...(e.cause !== undefined ? { cause: e.cause } : {}),
          redriveCount: 0,
          ...(closed && e.status !== 'SUCCEEDED'
            ? {
                redriveStatus: 'NOT_REDRIVABLE',
                redriveStatusReason: 'The Step Functions stand-in does not redrive executions',
              }
            : {}),
        };
      }
      case 'StopExecution': {
        const e = findExecution(input.executionArn);
        if (e.status === 'RUNNING') {
          const result: { error?: string; cause?: string } = {};
          if (typeof input.error === 'string') result.error = input.error;
          if (typeof input.cause === 'string') result.cause = input.cause;
          closeExecution(e, 'ABORTED', result);
          e.abort?.();
        }
        return { stopDate: epoch(e.stopDate ?? new Date()) };
      }
      case 'ListExecutions': {
        if (input.mapRunArn !== undefined) {
          throw new ApiError(
            'ValidationException',
            'the Step Functions stand-in does not emulate Map Runs (mapRunArn)',
          );
        }
        const machine = findMachine(input.stateMachineArn);
        const filter = input.statusFilter;
        if (filter !== undefined && !STATUSES.includes(filter as ExecutionStatus)) {
          throw new ApiError(
            'ValidationException',
            `1 validation error detected: Value '${String(filter)}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${STATUSES.join(', ')}]`,
          );
        }
        const all = [...executions.values()]
          .filter((e) => e.stateMachineArn === machine.arn && (filter === undefined || e.status === filter))
          .reverse(); // newest first: executions is in start order
        const page = paginate(all, input, `${machine.arn}|${String(filter)}`);
        return {
          executions: page.items.map((e) => ({ ...executionSummary(e), redriveCount: 0 })),
          ...(page.nextToken ? { nextToken: page.nextToken } : {}),
        };
      }
      case 'GetExecutionHistory': {
        const e = findExecution(input.executionArn);
        const events = input.reverseOrder === true ? [...e.events].reverse() : e.events;
        const page = paginate(events, input, `${e.arn}|${String(input.reverseOrder === true)}`);
        const withData = input.includeExecutionData !== false;
        return {
          events: page.items.map((ev) => ({ ...(withData ? ev : withoutData(ev)), timestamp: epoch(ev.timestamp) })),
          ...(page.nextToken ? { nextToken: page.nextToken } : {}),
        };
      }
      case 'RedriveExecution': {
        const e = findExecution(input.executionArn);
        throw new ApiError(
          'ExecutionNotRedrivable',
          e.status === 'RUNNING'
            ? `Execution is RUNNING and cannot be redriven: '${e.arn}'`
            : `The Step Functions stand-in does not redrive executions: '${e.arn}' (${e.status}); start a new one`,
        );
      }
      default:
        throw new ApiError('UnknownOperationException', `the Step Functions stand-in does not implement ${op}`);
    }
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  function unwrap<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ApiError) throw new Error(`${e.code}: ${e.message}`);
      throw e;
    }
  }

  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    accountId,
    createStateMachine: (name, definition, roleArn) =>
      unwrap(() =>
        createMachine(name, JSON.stringify(definition), roleArn ?? `arn:aws:iam::${accountId}:role/sfn-standin`),
      ),
    executions: () => [...executions.values()].map(publicExecution),
    invocations: () => invocations.map((i) => ({ ...i })),
    history: (arn) => unwrap(() => findExecution(arn).events.map((e) => ({ ...e }))),
    mapRuns: (arn) =>
      unwrap(() =>
        findExecution(arn).runs.map((run) => ({
          mapName: run.mapName,
          mapRunArn: run.arn,
          status: run.status,
          children: [...run.children.entries()]
            .sort(([a], [b]) => a - b)
            .map(([index, child]) => ({ index, status: child.status, events: child.events.map((e) => ({ ...e })) })),
        })),
      ),
    finished: async (arn) => {
      const e = unwrap(() => findExecution(arn));
      await e.done;
      return publicExecution(e);
    },
    invocationStarted: (match = () => true) => {
      const running = invocations.find((i) => i.outcome === 'running' && match(i));
      if (running) return Promise.resolve(running);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    idle: async (arn) => {
      const busy = () =>
        arn === undefined
          ? inFlightTotal > 0
          : invocations.some((i) => i.executionArn === arn && i.outcome === 'running');
      while (busy()) await new Promise<void>((r) => idleWaiters.push(r));
    },
    maxConcurrent: (arn, stateName) => unwrap(() => findExecution(arn).peak.get(stateName) ?? 0),
    stop: async () => {
      for (const e of executions.values()) {
        if (e.status === 'RUNNING') {
          closeExecution(e, 'ABORTED', { error: 'StandInStopped', cause: 'the Step Functions stand-in was stopped' });
          e.abort?.();
        }
      }
      lambda.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

interface InterpreterEvent {
  type: string;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
}

type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** One run of a Distributed Map state, with its children's histories by item index. */
interface MapRunRecord {
  mapName: string;
  arn: string;
  status: RunStatus;
  total: number | undefined;
  failed: number;
  /** Set when a failure passed the threshold: the interpreter may still start queued children, AWS would not. */
  exceeded: boolean;
  children: Map<number, { events: HistoryEvent[]; status: RunStatus }>;
}

function push(events: HistoryEvent[], type: string, details: Record<string, unknown> = {}): void {
  const id = events.length + 1;
  events.push({ id, previousEventId: id - 1, timestamp: new Date(), type, ...details });
}

/** A Map Run ends: its children still running are stopped (ABORTED), as Step Functions does. */
function closeRun(run: MapRunRecord, status: Exclude<RunStatus, 'RUNNING'>): void {
  if (run.status === 'RUNNING') run.status = status;
  for (const child of run.children.values()) {
    if (child.status !== 'RUNNING') continue;
    child.status = 'ABORTED';
    push(child.events, 'ExecutionAborted', {});
  }
}

function causeText(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  return JSON.stringify(cause);
}

/** Each state inside a Distributed Map's ItemProcessor (at any depth), to that Map's name. */
function childStates(definition: Record<string, unknown>): Map<string, string> {
  const childOf = new Map<string, string>();
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Map' || !distributed(state)) continue;
    for (const [inner] of allStates((state.ItemProcessor ?? state.Iterator) as Record<string, unknown>)) {
      childOf.set(inner, name);
    }
  }
  return childOf;
}

/** The fields DescribeExecution and ListExecutions share, dates as epoch seconds. */
function executionSummary(e: Execution): Record<string, unknown> {
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: epoch(e.startDate),
    ...(e.stopDate ? { stopDate: epoch(e.stopDate) } : {}),
  };
}

function publicExecution(e: Execution): StandInExecution {
  const out: StandInExecution = {
    arn: e.arn,
    name: e.name,
    stateMachineArn: e.stateMachineArn,
    status: e.status,
    input: e.input,
    startDate: e.startDate,
  };
  if (e.output !== undefined) out.output = e.output;
  if (e.error !== undefined) out.error = e.error;
  if (e.cause !== undefined) out.cause = e.cause;
  if (e.stopDate) out.stopDate = e.stopDate;
  return out;
}

/** Every Task state by name, nested Map (ItemProcessor / Iterator) and Parallel branches included. */
function taskStates(definition: Record<string, unknown>): Map<string, TaskState> {
  const tasks = new Map<string, TaskState>();
  for (const [name, state] of allStates(definition)) {
    if (state.Type === 'Task') tasks.set(name, state as unknown as TaskState);
  }
  return tasks;
}

function retryableStates(definition: Record<string, unknown>): string[] {
  return allStates(definition)
    .filter(([, s]) => Array.isArray(s.Retry))
    .map(([n]) => n);
}

function allStates(machine: Record<string, unknown>): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const states = (machine.States ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, state] of Object.entries(states)) {
    out.push([name, state]);
    const inner = (state.ItemProcessor ?? state.Iterator) as Record<string, unknown> | undefined;
    if (inner) out.push(...allStates(inner));
    for (const branch of (state.Branches ?? []) as Record<string, unknown>[]) out.push(...allStates(branch));
  }
  return out;
}

/**
 * The definition as the interpreter runs it: Tasks without TimeoutSeconds get the longest timer
 * Node has instead of the interpreter's 60 s (AWS has no default Task timeout), and an execution
 * TimeoutSeconds beyond a timer's reach is dropped (it could not fire within a test anyway).
 */
function runnable(definition: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(definition);
  if (typeof copy.TimeoutSeconds === 'number' && copy.TimeoutSeconds > MAX_TIMER_SECONDS) delete copy.TimeoutSeconds;
  for (const [, state] of allStates(copy)) {
    if (state.Type === 'Task' && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
      state.TimeoutSeconds = MAX_TIMER_SECONDS;
    } else if (
      state.Type === 'Task' &&
      typeof state.TimeoutSeconds === 'number' &&
      state.TimeoutSeconds > MAX_TIMER_SECONDS
    ) {
      state.TimeoutSeconds = MAX_TIMER_SECONDS;
    }
  }
  for (const [mapName, state] of allStates(copy)) {
    if (state.Type === 'Map' && distributed(state)) wrapDistributedChildren(mapName, state);
  }
  return copy;
}

/** Prefix of the states the stand-in adds to a definition; they are left out of the history. */
const SYNTHETIC = '__standin:';
const CHILD_FAILED_CAUSE =
  'A Map State failed because the number of failed items exceeded the tolerated failure threshold.';

function distributed(state: Record<string, unknown>): boolean {
  const processor = (state.ItemProcessor ?? state.Iterator) as { ProcessorConfig?: { Mode?: string } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

/**
 * A Distributed Map's child is an execution of its own: its failure fails the Map Run only past
 * the tolerated threshold, and then the Map fails with States.ExceedToleratedFailureThreshold, not
 * with the child's error (that stays in the child's execution). The interpreter runs children
 * inline and would pass the child's error up: each child is wrapped in a Parallel whose Catch
 * hands the failure to a stand-in Task that counts it against the Map's thresholds.
 */
function wrapDistributedChildren(mapName: string, map: Record<string, unknown>): void {
  const key = map.ItemProcessor ? 'ItemProcessor' : 'Iterator';
  const { ProcessorConfig, ...processor } = map[key] as Record<string, unknown>;
  map[key] = {
    ProcessorConfig,
    StartAt: `${SYNTHETIC}child:${mapName}`,
    States: {
      [`${SYNTHETIC}child:${mapName}`]: {
        Type: 'Parallel',
        Branches: [processor],
        OutputPath: '$[0]',
        // No ResultPath: its default ('$') is the error output (the interpreter mishandles an explicit '$').
        Catch: [{ ErrorEquals: ['States.ALL'], Next: `${SYNTHETIC}failed:${mapName}` }],
        End: true,
      },
      [`${SYNTHETIC}failed:${mapName}`]: {
        Type: 'Task',
        Resource: `arn:aws:lambda:us-east-1:000000000000:function:standin-child-failed`,
        TimeoutSeconds: MAX_TIMER_SECONDS,
        End: true,
      },
    },
  };
}

/** `$`, `$.a.b`, `$.a[0]`, `$['a']`: enough for the InputPath and ItemsPath of a Map; undefined otherwise. */
function simplePath(path: string, value: unknown): unknown {
  if (!path.startsWith('$') || path.startsWith('$$')) return undefined;
  const parts = path.slice(1).match(/\.[A-Za-z_$][\w$-]*|\[\d+\]|\['[^']*'\]/g) ?? [];
  if (parts.join('') !== path.slice(1)) return undefined;
  let current = value;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    const k = part.startsWith('.')
      ? part.slice(1)
      : part.startsWith("['")
        ? part.slice(2, -2)
        : Number(part.slice(1, -1));
    current = (current as Record<string | number, unknown>)[k];
  }
  return current;
}

function injected(fault: { error: string; cause?: string }): StatesError {
  return new StatesError(fault.error, fault.cause ?? `${fault.error} (injected by the test)`);
}

/** What Step Functions reports for a function that ran out of time (Lambda sends no errorType then). */
function functionTimedOut(): StatesError {
  const payload = JSON.stringify({
    errorMessage: `${new Date().toISOString()} ${randomUUID()} Task timed out after 900.00 seconds`,
  });
  return new StatesError(
    'Lambda.Unknown',
    `The cause could not be determined because Lambda did not return an error type. Returned payload: ${payload}`,
  );
}

/** An SDK error of Lambda's Invoke API as the name Step Functions gives it. */
function lambdaServiceError(e: unknown): StatesError {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  const status = err.$metadata?.httpStatusCode;
  const code = err.name ?? 'Error';
  if (status === undefined) {
    return new StatesError('Lambda.SdkClientException', `Unable to execute HTTP request: ${err.message ?? String(e)}`);
  }
  const name =
    status === 429 || code === 'TooManyRequestsException'
      ? 'Lambda.TooManyRequestsException'
      : status >= 500
        ? 'Lambda.ServiceException'
        : `Lambda.${code}`;
  return new StatesError(
    name,
    `${err.message ?? ''} (Service: AWSLambda; Status Code: ${status}; Error Code: ${code}; Request ID: ${err.$metadata?.requestId ?? 'unknown'}; Proxy: null)`,
  );
}

function parsePayload(text: string): Json {
  if (!text) return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function withoutData(ev: HistoryEvent): HistoryEvent {
  const copy: HistoryEvent = { ...ev };
  for (const [k, v] of Object.entries(copy)) {
    if (k.endsWith('EventDetails') && v && typeof v === 'object') {
      const { input: _i, output: _o, ...rest } = v as Record<string, unknown>;
      copy[k] = rest;
    }
  }
  return copy;
}

/** One page of `items` after `input.nextToken`; the token is bound to the query it came from. */
function paginate<T>(items: T[], input: Record<string, unknown>, query: string): { items: T[]; nextToken?: string } {
  const max = input.maxResults === undefined || input.maxResults === 0 ? 100 : input.maxResults;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > 1000) {
    throw new ApiError(
      'ValidationException',
      `1 validation error detected: Value '${String(input.maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`,
    );
  }
  let offset = 0;
  if (input.nextToken !== undefined) {
    try {
      const token = JSON.parse(Buffer.from(String(input.nextToken), 'base64url').toString('utf8')) as {
        q?: unknown;
        o?: unknown;
      };
      if (token.q !== query || typeof token.o !== 'number') throw new Error('other query');
      offset = token.o;
    } catch {
      throw new ApiError('InvalidToken', `Invalid Token: '${String(input.nextToken)}'`);
    }
  }
  const page = items.slice(offset, offset + max);
  const next = offset + max;
  return next < items.length
    ? { items: page, nextToken: Buffer.from(JSON.stringify({ q: query, o: next })).toString('base64url') }
    : { items: page };
}

function required(value: unknown, member: string): string {
  if (typeof value !== 'string') {
    throw new ApiError(
      'ValidationException',
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

/** A name StartExecution and CreateStateMachine accept: 1 to 80 characters, none of the forbidden ones. */
function validName(name: string): boolean {
  if (name.length < 1 || name.length > 80 || BAD_NAME_CHARS.test(name)) return false;
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}

function epoch(d: Date): number {
  return d.getTime() / 1000;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

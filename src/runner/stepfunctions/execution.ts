import { createHash } from 'node:crypto';
import { InputError, messageOf } from '../../core/errors';
import type { PlanStep } from '../../core/types';

/** An execution as DescribeExecution tells it. */
export interface ExecutionInfo {
  executionArn: string;
  name?: string | undefined;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';
  input?: string | undefined;
  output?: string | undefined;
  error?: string | undefined;
  cause?: string | undefined;
  startDate?: Date | undefined;
}

/**
 * The few Step Functions calls the caller makes, behind an interface: @aws-sdk/client-sfn in a
 * run (sfnApi), a fake in unit tests.
 */
export interface StepFunctionsApi {
  startExecution(o: { stateMachineArn: string; name: string; input: string }): Promise<{ executionArn: string }>;
  describeExecution(executionArn: string): Promise<ExecutionInfo>;
  stopExecution(executionArn: string, o: { error: string; cause: string }): Promise<void>;
  listRunning(stateMachineArn: string): Promise<{ executionArn: string; name: string }[]>;
  /** Throws when the state machine does not exist. */
  describeStateMachine(stateMachineArn: string): Promise<{ definition: string }>;
}

/** The Step Functions API through @aws-sdk/client-sfn (loaded on first use: only fanned-out steps need it). */
export function sfnApi(o: {
  region: string;
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}): StepFunctionsApi {
  let client: Promise<{ sdk: typeof import('@aws-sdk/client-sfn'); c: import('@aws-sdk/client-sfn').SFNClient }>;
  const sfn = () => {
    client ??= import('@aws-sdk/client-sfn').then((sdk) => ({
      sdk,
      c: new sdk.SFNClient({
        region: o.region,
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        ...(o.credentials ? { credentials: o.credentials } : {}),
      }),
    }));
    return client;
  };
  return {
    async startExecution(a) {
      const { sdk, c } = await sfn();
      const r = await c.send(new sdk.StartExecutionCommand(a));
      return { executionArn: r.executionArn! };
    },
    async describeExecution(executionArn) {
      const { sdk, c } = await sfn();
      const r = await c.send(new sdk.DescribeExecutionCommand({ executionArn }));
      return { ...r, executionArn: r.executionArn ?? executionArn, status: r.status as ExecutionInfo['status'] };
    },
    async stopExecution(executionArn, s) {
      const { sdk, c } = await sfn();
      await c.send(new sdk.StopExecutionCommand({ executionArn, ...s }));
    },
    async listRunning(stateMachineArn) {
      const { sdk, c } = await sfn();
      const out: { executionArn: string; name: string }[] = [];
      let nextToken: string | undefined;
      do {
        const r = await c.send(new sdk.ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', nextToken }));
        for (const e of r.executions ?? []) out.push({ executionArn: e.executionArn!, name: e.name! });
        nextToken = r.nextToken;
      } while (nextToken);
      return out;
    },
    async describeStateMachine(stateMachineArn) {
      const { sdk, c } = await sfn();
      const r = await c.send(new sdk.DescribeStateMachineCommand({ stateMachineArn }));
      return { definition: r.definition ?? '' };
    },
  };
}

const hash = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);
const slug = (s: string, n: number) => s.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, n);

/**
 * The prefix of every execution of a table's steps: `dm-<table, 24 characters>-<hash of the
 * table>-`, so that one state machine can serve several tables and a table's executions are
 * found by name.
 */
export function executionPrefix(table: string): string {
  return `dm-${slug(table, 24)}-${hash(table, 6)}-`;
}

/**
 * The execution's name: the table, the step and the run that holds the lock (its lock id), at
 * most 80 characters of A-Z a-z 0-9 _ - (what Step Functions allows, and safe in a console
 * URL). The same step of the same run always gets the same name, so a second StartExecution
 * finds the first execution instead of starting another.
 */
export function executionName(table: string, step: Pick<PlanStep, 'version' | 'direction'>, lockId: string): string {
  const name = `${executionPrefix(table)}${slug(step.version, 20)}-${step.direction}-${hash(`${table}\n${step.version}\n${step.direction}\n${lockId}`, 12)}`;
  return name.slice(0, 80);
}

/** The ARN of an execution of `stateMachineArn` by name. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** The execution's page in the AWS console. */
export function consoleUrl(executionArn: string): string {
  const region = executionArn.split(':')[3] ?? 'us-east-1';
  return `https://${region}.console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${executionArn}`;
}

/**
 * Starts the execution, or finds it: StartExecution with a name already running answers that
 * execution when the input is the same (AWS's idempotency) and ExecutionAlreadyExists when it is
 * not (a second caller's settings differ): then the execution of that name is described instead.
 */
export async function startOrAttach(
  api: StepFunctionsApi,
  o: { stateMachineArn: string; name: string; input: string },
): Promise<{ executionArn: string; attached: boolean; status: ExecutionInfo['status'] }> {
  try {
    const { executionArn } = await api.startExecution(o);
    return { executionArn, attached: false, status: 'RUNNING' };
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'StateMachineDoesNotExist' || name === 'InvalidArn')
      throw new InputError(
        `state-machine ${o.stateMachineArn}: ${messageOf(e)}. Deploy the template build-controller wrote (sam deploy), then set state-machine: to its StateMachineArn output.`,
      );
    if (name !== 'ExecutionAlreadyExists') throw e;
    const info = await api.describeExecution(executionArnOf(o.stateMachineArn, o.name));
    return { executionArn: info.executionArn, attached: true, status: info.status };
  }
}

/**
 * Checks the state machine before anything is written: it exists, and it is one that
 * build-controller generated (it ends steps with dm:conclude). Throws one InputError naming it.
 */
export async function checkStateMachine(api: StepFunctionsApi, stateMachineArn: string): Promise<void> {
  let definition: string;
  try {
    ({ definition } = await api.describeStateMachine(stateMachineArn));
  } catch (e) {
    throw new InputError(
      `state-machine ${stateMachineArn}: ${messageOf(e)}. Deploy the template build-controller wrote (sam deploy), then set state-machine: to its StateMachineArn output.`,
    );
  }
  if (!definition.includes('dm:conclude') || !definition.includes('dm:segment'))
    throw new InputError(
      `state-machine ${stateMachineArn} is not the state machine build-controller generates (its definition never invokes dm:segment and dm:conclude): deploy the <out>.asl.json build-controller wrote, or point state-machine: at it.`,
    );
}

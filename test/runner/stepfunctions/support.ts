import { BatchWriteItemCommand, QueryCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Logger } from '../../../src/core/logger';
import { selectEnvironment } from '../../../src/core/manifest';
import { CHECKPOINT_HASH } from '../../../src/dynamodb/bulk';
import { loadProject } from '../../../src/loader/load-project';
import { RemoteSession } from '../../../src/runner/lambda/remote-session';
import { stateMachineDefinition } from '../../../src/runner/stepfunctions/definition';
import { sfnApi } from '../../../src/runner/stepfunctions/execution';
import { type DeployedController, deployController } from '../../support/controller-fixture';
import type { LambdaStub } from '../../support/lambda-stub';
import type { SfnStandIn } from '../../support/sfn-standin';
import { type TestSessionOptions, testSettings } from '../../support/session';

export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A controller deployed on the Lambda stand-in, its state machine created in the Step Functions stand-in and named in the manifest. */
export async function deployWithStateMachine(
  stub: LambdaStub,
  standIn: SfnStandIn,
  opts: Parameters<typeof deployController>[1] = {},
): Promise<DeployedController & { stateMachineArn: string; functionArn: string }> {
  const d = await deployController(stub, opts);
  const functionArn = `arn:aws:lambda:us-east-1:123456789012:function:${d.functionName}`;
  const stateMachineArn = standIn.createStateMachine(
    `steps-${d.functionName}`,
    stateMachineDefinition({ functionArn }),
  );
  writeFileSync(d.manifest, `${readFileSync(d.manifest, 'utf8').trimEnd()}\n    state-machine: ${stateMachineArn}\n`);
  return { ...d, project: await loadProject(d.manifest), stateMachineArn, functionArn };
}

/** A session through the controller whose fanned-out steps run as executions of the stand-in. */
export function executionSession(
  d: DeployedController,
  standIn: SfnStandIn,
  o: TestSessionOptions & { pollMs?: number } = {},
): RemoteSession {
  const environment = selectEnvironment(d.project.manifest, d.project.manifestPath, 'dev');
  return new RemoteSession(d.project, environment, testSettings(environment, o), {
    log: o.log ?? quiet,
    lambda: d.lambda,
    stepFunctions: sfnApi({ region: 'us-east-1', endpoint: standIn.endpoint, credentials: CREDENTIALS }),
    pollMs: o.pollMs ?? 200,
    now: o.now,
  });
}

export const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** A logger that keeps its lines. */
export function keeping(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (m) => lines.push(m),
      warn: (m) => lines.push(`warn: ${m}`),
      error: (m) => lines.push(`error: ${m}`),
      debug: () => undefined,
    },
  };
}

/** `n` items (`ITEM#i`, `_type: Item`) written in batches of 25, several batches at once. */
export async function seedItems(d: Pick<DeployedController, 'dynamo' | 'table'>, n: number): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < n; i += 25) {
    batches.push(
      Array.from({ length: Math.min(25, n - i) }, (_, j) => ({
        PutRequest: { Item: marshall({ pk: `ITEM#${i + j}`, sk: 'ITEM', _type: 'Item', id: `item-${i + j}` }) },
      })),
    );
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let b = next++; b < batches.length; b = next++) {
        let requests = batches[b]!;
        while (requests.length) {
          const r = await d.dynamo.send(new BatchWriteItemCommand({ RequestItems: { [d.table]: requests } }));
          requests = r.UnprocessedItems?.[d.table] ?? [];
        }
      }
    }),
  );
}

export async function checkpointsLeft(d: Pick<DeployedController, 'dynamo' | 'table'>): Promise<number> {
  const r = await d.dynamo.send(
    new QueryCommand({
      TableName: d.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: CHECKPOINT_HASH } },
    }),
  );
  return r.Items?.length ?? 0;
}

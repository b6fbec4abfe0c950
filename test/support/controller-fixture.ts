import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject, type Project } from '../../src/loader/load-project';
import { createTestTable, localClient, localEndpoint } from './dynamodb-local';
import type { LambdaStub } from './lambda-stub';
import { FIXTURES } from './project';

const HANDLER = join(import.meta.dirname, '..', 'fixtures', 'controller', 'handler.ts');
// Inside the repository, so the copied migrations resolve @aws-sdk/* from its node_modules.
const COPIES = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'dm-controller-tests');

/** A deployed controller for a fresh table: the fixture project copied, a stub function serving it, and a Lambda client. */
export interface DeployedController {
  table: string;
  functionName: string;
  manifest: string;
  /** The same files loaded as the CLI loads them. */
  project: Project;
  lambda: LambdaClient;
  dynamo: ReturnType<typeof localClient>;
}

export async function deployController(
  stub: LambdaStub,
  opts: {
    env?: Record<string, string>;
    timeoutMs?: number;
    protocol?: 'onetable';
    table?: string;
    /** A project of test/fixtures/projects (default: lambda); its one environment is served. */
    fixture?: string;
  } = {},
): Promise<DeployedController> {
  const dynamo = localClient();
  const table = opts.table ?? (await createTestTable(dynamo));
  const functionName = `ctl-${randomUUID().slice(0, 8)}`;
  const dir = join(COPIES, functionName);
  mkdirSync(dir, { recursive: true });
  cpSync(join(FIXTURES, opts.fixture ?? 'lambda'), dir, { recursive: true });
  const manifest = join(dir, 'manifest.yaml');
  const arn = `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`;
  let text = readFileSync(manifest, 'utf8').replace(/table: \S+/, `table: ${table}`);
  text = /function: \S+/.test(text)
    ? text.replace(/function: \S+/, `function: ${arn}`)
    : `${text.trimEnd()}\n    runner: lambda\n    function: ${arn}\n`;
  if (opts.protocol) text += `    protocol: ${opts.protocol}\n`;
  writeFileSync(manifest, text);
  defineController(stub, functionName, manifest, opts);
  const lambda = new LambdaClient({
    endpoint: stub.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { table, functionName, manifest, project: await loadProject(manifest), lambda, dynamo };
}

/**
 * Deploys the same controller again with other settings (a fix of the cause, then a redeploy):
 * the function is defined anew under its name, its environment only `env` over the defaults.
 */
export function redeployController(
  stub: LambdaStub,
  d: Pick<DeployedController, 'functionName' | 'manifest'>,
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): void {
  defineController(stub, d.functionName, d.manifest, opts);
}

function defineController(
  stub: LambdaStub,
  functionName: string,
  manifest: string,
  opts: { env?: Record<string, string> | undefined; timeoutMs?: number | undefined },
): void {
  stub.define(functionName, {
    module: HANDLER,
    timeoutMs: opts.timeoutMs ?? 60_000,
    env: {
      DM_MANIFEST: manifest,
      AWS_ENDPOINT_URL_DYNAMODB: localEndpoint(),
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...opts.env,
    },
  });
}

/** The fixture's `status` item (what its migrations write), consistently read; {} when absent. */
export async function statusItem(d: DeployedController): Promise<Record<string, unknown>> {
  const res = await d.dynamo.send(
    new GetItemCommand({ TableName: d.table, Key: { pk: { S: 'status' }, sk: { S: 'status' } }, ConsistentRead: true }),
  );
  return unmarshall(res.Item ?? {});
}

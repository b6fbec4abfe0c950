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
  opts: { env?: Record<string, string>; timeoutMs?: number; protocol?: 'onetable'; table?: string } = {},
): Promise<DeployedController> {
  const dynamo = localClient();
  const table = opts.table ?? (await createTestTable(dynamo));
  const functionName = `ctl-${randomUUID().slice(0, 8)}`;
  const dir = join(COPIES, functionName);
  mkdirSync(dir, { recursive: true });
  cpSync(join(FIXTURES, 'lambda'), dir, { recursive: true });
  const manifest = join(dir, 'manifest.yaml');
  let text = readFileSync(manifest, 'utf8')
    .replace('table: lambda-dev', `table: ${table}`)
    .replace(/function: \S+/, `function: arn:aws:lambda:us-east-1:123456789012:function:${functionName}`);
  if (opts.protocol) text += `    protocol: ${opts.protocol}\n`;
  writeFileSync(manifest, text);
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
  const lambda = new LambdaClient({
    endpoint: stub.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { table, functionName, manifest, project: await loadProject(manifest), lambda, dynamo };
}

import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadProject } from '../../src/loader/load-project';
import { buildController } from '../../src/build/build-controller';
import { createTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { startLambdaStub, type LambdaStub } from '../support/lambda-stub';
import { FIXTURES } from '../support/project';

let stub: LambdaStub;
beforeAll(async () => {
  stub = await startLambdaStub();
});
afterAll(async () => {
  await stub?.stop();
});

test("build-controller bundles the migrations statically; the bundle serves the manifest's table and records the files' checksums", async () => {
  const dynamo = localClient();
  const table = await createTestTable(dynamo);
  // Inside the repository, so the migrations' @aws-sdk imports resolve when bundling.
  const root = join(
    import.meta.dirname,
    '..',
    '..',
    'node_modules',
    '.cache',
    'dm-build-tests',
    randomUUID().slice(0, 8),
  );
  const project = join(root, 'migrations');
  mkdirSync(project, { recursive: true });
  cpSync(join(FIXTURES, 'lambda'), project, { recursive: true });
  const manifest = join(project, 'manifest.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('table: lambda-dev', `table: ${table}`));

  const out = join(root, 'controller');
  const built = await buildController({ manifest, out });
  expect(existsSync(join(out, 'index.js'))).toBe(true);
  expect(readFileSync(built.zip!).subarray(0, 4).toString('hex')).toBe('504b0304');
  expect(built.tables).toEqual([table]);
  // Beside the bundle: the state machine of fanned-out steps (the function's ARN a placeholder) and the SAM template that fills it.
  expect(built.stateMachine).toBe(`${out}.asl.json`);
  const asl = JSON.parse(readFileSync(built.stateMachine, 'utf8'));
  expect(asl.States.BulkPass.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
  expect(asl.States.Begin.Parameters.FunctionName).toBe('${ControllerFunctionArn}');
  const template = JSON.parse(readFileSync(built.template, 'utf8'));
  expect(template.Resources.ControllerFunction.Properties.CodeUri).toBe('controller.zip');
  expect(template.Resources.StepsStateMachine.Properties.DefinitionUri).toBe('controller.asl.json');
  expect(JSON.stringify(template.Resources.ControllerFunction.Properties.Policies)).toContain(`table/${table}`);
  // The bundle imports every migration statically: nothing of the folder is read at run time.
  // index.js names the bundle's handler (what Lambda runs: index.handler); controller.js is the bundle.
  expect(readFileSync(join(out, 'index.js'), 'utf8')).toContain("require('./controller.js').handler");
  const code = readFileSync(join(out, 'controller.js'), 'utf8');
  expect(code).not.toContain('jiti');
  expect(code).toContain('Count each item once');
  // From this repository, the source: not the committed dist/lib that `dynamodb-migrate` resolves to here.
  expect(code).toContain('MODULE: ./src/index.ts');

  stub.define('bundled', {
    module: join(out, 'index.js'),
    timeoutMs: 60_000,
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: localEndpoint(),
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
    },
  });
  const lambda = new LambdaClient({
    endpoint: stub.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const call = async (event: Record<string, unknown>) => {
    const res = await lambda.send(new InvokeCommand({ FunctionName: 'bundled', Payload: JSON.stringify(event) }));
    const payload = JSON.parse(new TextDecoder().decode(res.Payload));
    expect(res.FunctionError, JSON.stringify(payload)).toBeUndefined();
    return payload.body;
  };
  expect(await call({ cmd: 'getOutstandingVersions', config: { name: table } })).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  const report = await call({ cmd: 'dm:apply', config: { name: table }, args: { command: 'apply' } });
  expect(report.status).toBe('applied');
  const past = await call({ cmd: 'getPastMigrations', config: { name: table } });
  const cli = await loadProject(manifest);
  expect(past.map((r: { version: string; checksum: string }) => [r.version, r.checksum])).toEqual(
    cli.migrations.map((m) => [m.version, m.checksum]),
  );
}, 300_000);

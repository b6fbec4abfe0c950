import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { Logger } from '../core/logger';
import { selectEnvironment, type Environment } from '../core/manifest';
import type { RunSettings } from '../core/run-settings';
import { createDynamoClient } from '../dynamodb/client';
import type { Project } from '../loader/load-project';
import { RemoteSession } from './lambda/remote-session';
import { LocalSession } from './local/local-session';
import { readOnlyClient } from './local/read-only-client';
import type { MigrationSession } from './session';

/** Where a session's requests go: how to reach DynamoDB (local runner) or the controller (lambda runner). */
export interface Connection {
  log: Logger;
  /** DynamoDB endpoint (DynamoDB Local, a proxy); default AWS. */
  endpoint?: string | undefined;
  /** Default: the environment's region, else the AWS environment's. */
  region?: string | undefined;
  /** DynamoDB Local: dummy credentials. */
  local?: boolean | undefined;
  /** A client to use as it is (tests, the controller's cached client). */
  client?: DynamoDBClient | undefined;
  /** runner: lambda: a Lambda client to use as it is; else one is made (AWS_ENDPOINT_URL_LAMBDA is read by the SDK). */
  lambda?: LambdaClient | undefined;
  /** Plans, status and drift only: the DynamoDB client refuses every write, whatever runs. */
  readOnly?: boolean | undefined;
  now?: (() => number) | undefined;
}

/**
 * Opens an environment of a loaded project for a run: in this process, or through its Lambda
 * controller when the manifest says `runner: lambda`. The one constructor the CLI and the
 * action use; they see only the MigrationSession interface.
 */
export function openMigrationSession(
  project: Project,
  env: string | Environment | undefined,
  settings: RunSettings,
  connection: Connection,
): MigrationSession {
  const environment = typeof env === 'object' ? env : selectEnvironment(project.manifest, project.manifestPath, env);
  if (environment.runner === 'lambda') return new RemoteSession(project, environment, settings, connection);
  const region = connection.region ?? environment.region;
  let client =
    connection.client ?? createDynamoClient({ endpoint: connection.endpoint, region, local: connection.local });
  if (connection.readOnly) client = readOnlyClient(client);
  return new LocalSession(project, environment, client, settings, connection);
}

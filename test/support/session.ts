import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { silentLogger, type Logger } from '../../src/core/logger';
import { selectEnvironment, type Environment } from '../../src/core/manifest';
import { resolveRunSettings, type RunSettings } from '../../src/core/run-settings';
import type { Project } from '../../src/loader/load-project';
import { RemoteSession } from '../../src/runner/lambda/remote-session';
import { LocalSession } from '../../src/runner/local/local-session';
import { createTestTable, localClient } from './dynamodb-local';
import { loadCopy } from './project';

/** What tests set of a run: the run settings (lock timeout in ms here) plus where it goes. */
export interface TestSessionOptions {
  client?: DynamoDBClient | undefined;
  log?: Logger | undefined;
  actor?: string | undefined;
  runUrl?: string | undefined;
  gitSha?: string | undefined;
  dryRun?: boolean | undefined;
  samplePercent?: number | undefined;
  canaryPercent?: number | undefined;
  leaseMs?: number | undefined;
  lockTimeoutMs?: number | undefined;
  deadline?: number | undefined;
  fanOut?: RunSettings['fanOut'];
  now?: (() => number) | undefined;
}

/** The run settings tests mean, resolved as the entry points resolve them. */
export function testSettings(env: Environment, o: TestSessionOptions): RunSettings {
  const s = resolveRunSettings(
    env,
    {
      actor: o.actor ?? 'test',
      runUrl: o.runUrl,
      gitSha: o.gitSha,
      dryRun: o.dryRun,
      leaseMs: o.leaseMs,
      samplePercent: o.samplePercent,
      canaryPercent: o.canaryPercent,
      fanOut: o.fanOut,
      lockTimeoutSeconds: o.lockTimeoutMs === undefined ? undefined : o.lockTimeoutMs / 1000,
    },
    { now: Date.now(), defaultActor: 'test' },
  );
  return { ...s, deadline: o.deadline };
}

function environmentOf(project: Project, env: string | Environment | undefined): Environment {
  return typeof env === 'object' ? env : selectEnvironment(project.manifest, project.manifestPath, env);
}

/** A local session (the runner in this process) on a project's environment. */
export function openLocalSession(
  project: Project,
  env: string | Environment | undefined,
  o: TestSessionOptions = {},
): LocalSession {
  const environment = environmentOf(project, env);
  return new LocalSession(project, environment, o.client ?? localClient(), testSettings(environment, o), {
    log: o.log ?? silentLogger,
    now: o.now,
  });
}

/** A session through a Lambda controller (runner: lambda). */
export function openLambdaSession(
  project: Project,
  env: string | Environment | undefined,
  o: Omit<TestSessionOptions, 'client'> & { client: LambdaClient },
): RemoteSession {
  const environment = environmentOf(project, env);
  const { client, ...rest } = o;
  return new RemoteSession(project, environment, testSettings(environment, rest), {
    log: o.log ?? silentLogger,
    lambda: client,
    now: o.now,
  });
}

/** A fresh table in the shared DynamoDB Local and a session on a copy of a fixture project. */
export async function freshSession(
  fixture = 'basic',
  opts: TestSessionOptions & { env?: string } = {},
): Promise<{
  session: LocalSession;
  table: string;
  dir: string;
  client: ReturnType<typeof localClient>;
  log: string[];
}> {
  const client = localClient();
  const table = await createTestTable(client);
  const project = await loadCopy(fixture, table);
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: () => undefined,
  };
  const session = openLocalSession(project, opts.env, { client, log, actor: 'test', ...opts });
  return { session, table, dir: project.copyDir, client, log: lines };
}

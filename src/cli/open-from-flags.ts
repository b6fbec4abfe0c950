import { selectEnvironment } from '../core/manifest';
import { resolveRunSettings, type RunSettingsInput } from '../core/run-settings';
import { loadProject, type Project } from '../loader/load-project';
import { defaultActor } from '../runner/actor';
import { openMigrationSession } from '../runner/open-session';
import type { MigrationSession } from '../runner/session';
import { parseRunFlags, type GlobalFlags } from './flags';
import { stderrLogger } from './io';
import { openLocalTable } from './local-dynamodb';

/** What a command's own flags add to the run's settings (validate's `--rate`), parsed and checked by the command. */
export type CommandSettings = Pick<RunSettingsInput, 'readRate'>;

/**
 * Opens the environment the flags name: flags parsed and checked once into the run's settings
 * (with the manifest's lock-timeout, write-rate and read-rate), then a session in this process, against
 * an embedded DynamoDB Local (--local), or through the environment's Lambda controller.
 * `loaded`: the project when the command has loaded it already.
 */
export async function openFromFlags(
  f: GlobalFlags,
  cleanups: (() => Promise<void>)[],
  loaded?: Project,
  own: CommandSettings = {},
): Promise<MigrationSession> {
  const run = parseRunFlags(f, process.env);
  const project = loaded ?? (await loadProject(f.manifest));
  const env = selectEnvironment(project.manifest, f.manifest, f.env);
  const log = stderrLogger(!!f.verbose);
  const leaseMs = process.env.DYNAMODB_MIGRATE_LEASE_MS ? Number(process.env.DYNAMODB_MIGRATE_LEASE_MS) : undefined;
  const settings = resolveRunSettings(
    env,
    {
      actor: process.env.DYNAMODB_MIGRATE_ACTOR,
      dryRun: !!f.dryRun,
      lockTimeoutSeconds: run.lockTimeoutSeconds,
      leaseMs,
      timeBudgetSeconds: run.timeBudgetSeconds,
      samplePercent: run.samplePercent,
      canaryPercent: run.canaryPercent,
      readRate: own.readRate,
      fanOut:
        run.segments === undefined && run.concurrency === undefined
          ? undefined
          : { segments: run.segments, concurrency: run.concurrency },
    },
    { now: Date.now(), defaultActor: defaultActor() },
  );
  const region = f.region ?? env.region;
  if (!f.local) {
    // runner: lambda reaches the controller (its endpoint from AWS_ENDPOINT_URL_LAMBDA, read by the SDK).
    return openMigrationSession(project, env, settings, { endpoint: run.endpoint, region, log });
  }
  // --local: the migrations run here, against an embedded DynamoDB Local, whatever the runner.
  const client = await openLocalTable({
    manifestPath: f.manifest,
    table: env.table,
    schema: project.migrations.at(-1)?.schema,
    region,
    log,
    cleanups,
  });
  return openMigrationSession(project, { ...env, runner: 'local' }, settings, { client, region, log });
}

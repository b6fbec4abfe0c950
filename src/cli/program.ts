import { Command, CommanderError, Option } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EXIT, InputError, exitCodeOf, messageOf, type ExitCode } from '../core/errors';
import { exitCodeOfPlan, exitCodeOfReport } from '../core/outcome';
import { resolveRunSettings } from '../core/run-settings';
import { checkConfirmation, DESTRUCTIVE } from '../core/gates';
import { selectEnvironment } from '../core/manifest';
import { renderLogText, renderPlanText, renderReportText, renderStatusText } from '../core/render/text';
import { toSchemaItem } from '../core/schema';
import { diffSchemas } from '../core/schema-diff';
import { renderSchemaDiffText } from '../core/render/schema-diff';
import { renderValidationText } from '../core/render/validation';
import type { PlanCommand } from '../core/types';
import { bumpVersion } from '../core/version';
import { startDynamoDbLocal, type DynamoDbLocal } from '../dynamodb/local';
import { createDynamoClient } from '../dynamodb/client';
import { loadProject, lintProject } from '../loader/load-project';
import { buildController } from '../build/build-controller';
import { defaultActor } from '../runner/actor';
import { openMigrationSession } from '../runner/open-session';
import type { MigrationSession } from '../runner/session';
import { explainAwsError } from './aws-errors';
import { registerInitCommand } from './init';
import { confirmOnTty, printJson, printText, stderrLogger } from './io';
import { ensureLocalTable } from './local-table';

/** Flags every command takes. */
interface GlobalFlags {
  manifest: string;
  env?: string;
  endpoint?: string;
  region?: string;
  local?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
  confirm?: string;
  lockTimeout?: string;
  sample?: string;
  canary?: string;
  timeBudget?: string;
  segments?: string;
  concurrency?: string;
  verbose?: boolean;
}

/** Runs the CLI with argv (without node and script); returns the exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const cleanups: (() => Promise<void>)[] = [];
  const program = buildProgram((c) => (code = c), cleanups);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a bad flag or argument.
      code =
        e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version'
          ? EXIT.ok
          : EXIT.input;
    } else {
      const err = explainAwsError(e);
      process.stderr.write(`error: ${messageOf(err)}\n`);
      code = exitCodeOf(err);
    }
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
  }
  return code;
}

function buildProgram(setCode: (c: ExitCode) => void, cleanups: (() => Promise<void>)[]): Command {
  const program = new Command('dynamodb-migrate')
    .description('Versioned, reversible DynamoDB data migrations (OneTable-compatible state).')
    .exitOverride()
    .showHelpAfterError('(run dynamodb-migrate --help for usage)')
    .option('--manifest <path>', 'manifest file', 'migrations/manifest.yaml')
    .option('--env <name>', 'environment in the manifest (default: the only one, else dev)')
    .option('--endpoint <url>', 'DynamoDB endpoint (default: AWS_ENDPOINT_URL_DYNAMODB, else AWS)')
    .option('--region <region>', "AWS region (default: the environment's, else the AWS environment)")
    .option('--local', 'use an embedded DynamoDB Local (data kept in .dynamodb-local/); creates the table if missing')
    .option('--dry-run', 'write nothing; report what would run')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print one JSON document on stdout (logs go to stderr)')
    .option('--confirm <table>', 'confirm a down/to on a protected environment by naming its table')
    .option('--lock-timeout <seconds>', 'wait this long for a held lock before exiting 3')
    .option(
      '--sample <percent>',
      'bulk passes process only this percentage of items (the step is recorded applied; repeat takes the rest)',
    )
    .option(
      '--canary <percent>',
      "steps with a verify hook run on this percentage first, verify it, then take the rest (default: the manifest's canary)",
    )
    .option(
      '--time-budget <seconds>',
      'stop bulk passes at a checkpoint before this much time has passed (resume later)',
    )
    .option(
      '--segments <n>',
      'runner: lambda: split each bulk pass into n scan segments, one invocation each (default: from the table size)',
    )
    .option('--concurrency <n>', 'runner: lambda: segment invocations in flight at once (default min(segments, 8))')
    .option('-v, --verbose', 'debug logging');
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stderr.write(s) });

  const flags = (cmd: Command): GlobalFlags => cmd.optsWithGlobals() as GlobalFlags;
  const session = async (cmd: Command): Promise<MigrationSession> => openFromFlags(flags(cmd), cleanups);

  program
    .command('status')
    .description('current version, applied (date, checksum), outstanding, failed, lock')
    .action(async (_o, cmd: Command) => {
      const f = flags(cmd);
      const s = await session(cmd);
      const status = await s.status();
      if (f.json) printJson(status);
      else printText(renderStatusText(status));
    });

  program
    .command('plan')
    .description('current -> manifest target: the steps, warnings and plan hash (writes nothing)')
    .action(async (_o, cmd: Command) => {
      const f = flags(cmd);
      const s = await session(cmd);
      const plan = await s.plan({ command: 'apply' });
      if (f.json) printJson(plan);
      else printText(renderPlanText(plan));
      setCode(exitCodeOfPlan(plan));
    });

  const runCommand =
    (command: PlanCommand) =>
    async (version: string | undefined, o: { resume?: boolean; plan?: string }, cmd: Command) => {
      const f = flags(cmd);
      const s = await session(cmd);
      checkConfirmation(s.environment, command, f.confirm);
      const plan = await s.plan({ command, version, resume: o.resume });
      if (!f.json) printText(renderPlanText(plan));
      if (plan.steps.length && !plan.blockers.length && !f.yes && !f.dryRun && DESTRUCTIVE.has(command)) {
        const ok = await confirmOnTty(
          `Run ${command} on ${s.environment.table} (${plan.currentVersion} -> ${plan.targetVersion})?`,
        );
        if (!ok) {
          process.stderr.write('Cancelled: nothing was run.\n');
          return;
        }
      }
      const report = await s.apply(plan, { expectedHash: o.plan, onPlanChange: o.plan ? 'fail' : 'replan' });
      if (f.json) printJson(report);
      else printText(renderReportText(report));
      setCode(exitCodeOfReport(report));
    };

  program
    .command('apply')
    .description('lock, run the plan to the manifest target, record every step, release')
    .option('--resume', 're-run the failed step first (it must be idempotent)')
    .option('--plan <hash>', 'refuse to run unless the plan still has this hash')
    .action((o, cmd: Command) => runCommand('apply')(undefined, o, cmd));
  program
    .command('up')
    .description('apply the next outstanding version')
    .action((o, cmd: Command) => runCommand('up')(undefined, o, cmd));
  program
    .command('down')
    .description('roll back the current version')
    .action((o, cmd: Command) => runCommand('down')(undefined, o, cmd));
  program
    .command('repeat')
    .description("re-run the current version's up")
    .action((o, cmd: Command) => runCommand('repeat')(undefined, o, cmd));
  program
    .command('reset')
    .description('run the reset migration and rewrite the history (refused on protected)')
    .action((o, cmd: Command) => runCommand('reset')(undefined, o, cmd));
  program
    .command('to')
    .argument('<version>', 'target version (0.0.0 rolls everything back)')
    .option('--resume', 're-run the failed step first')
    .description('migrate up or down to a version')
    .action((version: string, o, cmd: Command) => runCommand('to')(version, o, cmd));

  program
    .command('lint')
    .description('report every problem in the manifest and migration files at once')
    .action(async (_o, cmd: Command) => {
      const f = flags(cmd);
      const { problems, project } = await lintProject(f.manifest);
      // With a table to read, also find versions below the table's that never ran.
      if (project && (f.local || f.endpoint || f.env)) {
        const s = await openFromFlags(f, cleanups, project);
        const plan = await s.plan({ command: 'apply' });
        problems.push(...plan.blockers.filter((b) => b.kind === 'out-of-order').map((b) => `${b.message} ${b.next}`));
      }
      if (f.json) printJson({ ok: problems.length === 0, problems });
      else
        printText(
          problems.length
            ? `${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`
            : `ok: ${project?.migrations.length ?? 0} migrations, manifest valid`,
        );
      if (problems.length) setCode(EXIT.input);
    });

  program
    .command('generate')
    .argument('<slug>', 'short name, e.g. add-gsi-keys')
    .addOption(
      new Option('--bump <part>', 'which part of the highest version to bump')
        .choices(['major', 'minor', 'patch'])
        .default('minor'),
    )
    .description('write a new migration file stub')
    .action(async (slug: string, o: { bump: 'major' | 'minor' | 'patch' }, cmd: Command) => {
      const f = flags(cmd);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
        throw new InputError(
          `generate ${slug}: the slug must be lower-case letters, digits and dashes (e.g. add-gsi-keys).`,
        );
      const project = await loadProject(f.manifest);
      const highest = project.migrations.at(-1)?.version ?? '0.0.0';
      const version = bumpVersion(highest, o.bump);
      const file = join(project.dir, `${version}-${slug}.ts`);
      if (existsSync(file)) throw new InputError(`${relative(process.cwd(), file)} already exists.`);
      writeFileSync(file, migrationStub(version, slug));
      if (f.json) printJson({ version, file: relative(process.cwd(), file) });
      else printText(`created ${relative(process.cwd(), file)} (${version})`);
    });

  program
    .command('unlock')
    .argument('<lock-id>', 'the id of the lock to remove (shown by status)')
    .option('--reason <text>', 'why (recorded in the audit log)')
    .description('remove a lock left by a dead run')
    .action(async (lockId: string, o: { reason?: string }, cmd: Command) => {
      const s = await session(cmd);
      await s.unlock(lockId, o.reason);
      printText(`unlocked ${s.environment.table} (lock ${lockId})`);
    });

  program
    .command('repair')
    .requiredOption('--version <version>', 'the version to mark')
    .addOption(new Option('--mark <state>', 'what to record').choices(['applied', 'reverted']).makeOptionMandatory())
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .description('mark a version applied or reverted without running it (after a failure or an accepted file change)')
    .action(async (o: { version: string; mark: 'applied' | 'reverted'; reason: string }, cmd: Command) => {
      const f = flags(cmd);
      const s = await session(cmd);
      const message = await s.repair(o);
      if (f.json) printJson({ ok: true, message });
      else printText(message);
    });

  program
    .command('log')
    .option('--limit <n>', 'entries to show', '50')
    .description('the audit log kept in the table, newest first')
    .action(async (o: { limit: string }, cmd: Command) => {
      const f = flags(cmd);
      const s = await session(cmd);
      const entries = await s.readLog(Number(o.limit) || 50);
      if (f.json) printJson(entries);
      else printText(renderLogText(entries));
    });

  program
    .command('schema')
    .option('--version <version>', 'the schema of this migration version (default: the one stored in the table)')
    .description('print the data model (OneTable schema) at a version; --json gives it as stored')
    .action(async (o: { version?: string }, cmd: Command) => {
      const f = flags(cmd);
      let schema: Record<string, unknown> | undefined;
      let label: string;
      if (o.version) {
        const project = await loadProject(f.manifest);
        const m = project.migrations.find((x) => x.version === o.version);
        if (!m) throw new InputError(`schema --version ${o.version}: no migration file for that version.`);
        if (!m.schema) throw new InputError(`schema --version ${o.version}: ${m.file} declares no schema.`);
        schema = toSchemaItem(m.schema);
        label = `${m.file} (${m.version})`;
      } else {
        const s = await session(cmd);
        schema = (await s.readState()).schema;
        if (!schema)
          throw new InputError(
            `${s.environment.table} has no _schema item yet: pass --version to see a migration's schema.`,
          );
        label = `${s.environment.table} _schema:Current`;
      }
      if (f.json) printJson(schema);
      else printText(`${label}\n${renderSchemaDiffText(diffSchemas(undefined, schema))}`);
    });

  program
    .command('validate')
    .option(
      '--version <version>',
      "check against this migration version's schema (default: the one stored in the table)",
    )
    .option('--rate <rcu>', "read units per second at most (default: the manifest's read-rate, else no limit)")
    .description(
      'scan the table and check every item against the data model: required attributes, types, enums, key templates (exit 4 when any item does not fit)',
    )
    .action(async (o: { version?: string; rate?: string }, cmd: Command) => {
      const f = flags(cmd);
      const rate = o.rate === undefined ? undefined : Number(o.rate);
      if (rate !== undefined && !(rate > 0))
        throw new InputError(`--rate ${o.rate}: expected read units per second (a number above 0).`);
      const samplePercent = f.sample === undefined ? undefined : Number(f.sample);
      const s = await session(cmd);
      const report = await s.validate({
        samplePercent,
        readRate: rate ?? s.environment['read-rate'],
        version: o.version,
      });
      if (f.json) printJson(report);
      else printText(renderValidationText(report, s.environment.table));
      if (report.invalid) setCode(EXIT.drift);
    });

  program
    .command('build-controller')
    .requiredOption('--out <dir>', 'folder to write (index.js exports handler); <dir>.zip is written beside it')
    .option('--no-zip', 'skip the zip')
    .description(
      'bundle the Lambda controller with the migrations into a deployable folder and zip (needs @vercel/ncc)',
    )
    .action(async (o: { out: string; zip: boolean }, cmd: Command) => {
      const f = flags(cmd);
      const r = await buildController({ manifest: f.manifest, out: o.out, zip: o.zip, log: stderrLogger(!!f.verbose) });
      if (f.json) printJson(r);
      else
        printText(
          `${relative(process.cwd(), r.entry)} (handler: index.handler) serves ${r.tables.join(', ')} with ${r.migrations.length} migrations${r.zip ? `\n${relative(process.cwd(), r.zip)}` : ''}`,
        );
    });

  registerInitCommand(program);

  return program;
}

/**
 * Opens the environment the flags name: flags parsed and checked once into the run's settings
 * (with the manifest's lock-timeout and write-rate), then a session in this process, against
 * an embedded DynamoDB Local (--local), or through the environment's Lambda controller.
 */
async function openFromFlags(
  f: GlobalFlags,
  cleanups: (() => Promise<void>)[],
  loaded?: Awaited<ReturnType<typeof loadProject>>,
): Promise<MigrationSession> {
  const lockTimeout = f.lockTimeout === undefined ? undefined : Number(f.lockTimeout);
  if (lockTimeout !== undefined && !(lockTimeout >= 0))
    throw new InputError(`--lock-timeout ${f.lockTimeout}: expected a number of seconds.`);
  const sample = f.sample === undefined ? undefined : Number(f.sample);
  if (sample !== undefined && !(sample > 0 && sample <= 100))
    throw new InputError(`--sample ${f.sample}: expected a percentage between 0 and 100.`);
  const canary = f.canary === undefined ? undefined : Number(f.canary);
  if (canary !== undefined && !(canary > 0 && canary <= 50))
    throw new InputError(`--canary ${f.canary}: expected a percentage above 0 and at most 50.`);
  const budget = f.timeBudget === undefined ? undefined : Number(f.timeBudget);
  if (budget !== undefined && !(budget > 0))
    throw new InputError(`--time-budget ${f.timeBudget}: expected a number of seconds.`);
  const segments = f.segments === undefined ? undefined : Number(f.segments);
  if (segments !== undefined && !(Number.isInteger(segments) && segments >= 1))
    throw new InputError(`--segments ${f.segments}: expected a whole number of 1 or more.`);
  const concurrency = f.concurrency === undefined ? undefined : Number(f.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1))
    throw new InputError(`--concurrency ${f.concurrency}: expected a whole number of 1 or more.`);
  let endpoint = f.endpoint ?? process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (endpoint) validateEndpoint(endpoint, f.endpoint ? '--endpoint' : 'AWS_ENDPOINT_URL_DYNAMODB');
  if (f.local && f.endpoint)
    throw new InputError('--local and --endpoint conflict: --local starts its own DynamoDB Local.');
  const project = loaded ?? (await loadProject(f.manifest));
  const env = selectEnvironment(project.manifest, f.manifest, f.env);
  const log = stderrLogger(!!f.verbose);
  const leaseMs = process.env.DYNAMODB_MIGRATE_LEASE_MS ? Number(process.env.DYNAMODB_MIGRATE_LEASE_MS) : undefined;
  const settings = resolveRunSettings(
    env,
    {
      actor: process.env.DYNAMODB_MIGRATE_ACTOR,
      dryRun: !!f.dryRun,
      lockTimeoutSeconds: lockTimeout,
      leaseMs,
      timeBudgetSeconds: budget,
      samplePercent: sample,
      canaryPercent: canary,
      fanOut: segments === undefined && concurrency === undefined ? undefined : { segments, concurrency },
    },
    { now: Date.now(), defaultActor: defaultActor() },
  );
  const region = f.region ?? env.region;
  if (!f.local) {
    // runner: lambda reaches the controller (its endpoint from AWS_ENDPOINT_URL_LAMBDA, read by the SDK).
    return openMigrationSession(project, env, settings, { endpoint, region, log });
  }
  // --local: the migrations run here, against an embedded DynamoDB Local, whatever the runner.
  const dbPath = resolve(dirname(resolve(f.manifest)), '..', '.dynamodb-local');
  mkdirSync(dbPath, { recursive: true });
  log.debug(`starting DynamoDB Local (data in ${dbPath})`);
  const engine: DynamoDbLocal = await startDynamoDbLocal({ dbPath });
  cleanups.push(() => engine.stop());
  endpoint = engine.endpoint;
  const client = createDynamoClient({ endpoint, region, local: true });
  const created = await ensureLocalTable(client, env.table, project.migrations.at(-1)?.schema);
  if (created) log.info(`created table ${env.table} in DynamoDB Local`);
  return openMigrationSession(project, { ...env, runner: 'local' }, settings, { client, region, log });
}

function validateEndpoint(url: string, source: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`${source} ${url}: not a URL (expected e.g. http://localhost:8000).`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new InputError(`${source} ${url}: expected an http:// or https:// URL.`);
}

function migrationStub(version: string, slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return `import { defineMigration } from 'dynamodb-migrate';

export default defineMigration({
  version: '${version}',
  description: '${words.charAt(0).toUpperCase()}${words.slice(1)}',
  // idempotent: true,   // up can safely run twice (allows apply --resume after a failure)
  // irreversible: true, // no down: rolling back past this version is refused

  async up(ctx) {
    ctx.log.info('up ${version}');
  },

  async down(ctx) {
    ctx.log.info('down ${version}');
  },
});
`;
}

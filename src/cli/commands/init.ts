import type { Command } from 'commander';
import type { InitFlags, InitIo } from '../../init/run-init';
import { canAsk, printJson, printText, terminalAsk } from '../io';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * `init`: sets up a repository (manifest, first migration, workflows, IAM policies to create).
 * On a terminal it asks for what the flags leave out.
 */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'set up a repository: manifest, first migration, the plan/apply/dispatch/drift workflows, and the IAM policies to create',
    )
    .option(
      '--table <env=table>',
      'an environment and its table, in the order merges apply to them (repeat, or comma-separate); a bare name is dev',
      collect,
    )
    .option('--migrations <folder>', 'where migrations live, relative to the repository (default: migrations)')
    .option(
      '--runner <runner>',
      'local (in the CI job, default) or lambda (through a controller); or env=runner entries',
    )
    .option('--function <name-or-arn>', 'runner lambda: the controller (or env=function entries)')
    .option(
      '--protected <envs>',
      'protected environments, comma-separated, or none (default: those named like production)',
    )
    .option('--branch <name>', 'the branch merges land on: apply runs on pushes to it', 'main')
    .option(
      '--repo <owner/name>',
      'the GitHub repository, for the IAM trust policies (default: GITHUB_REPOSITORY or the origin remote)',
    )
    .option('--account <id>', 'AWS account id, for the ARNs in the IAM policies')
    .option('--root <dir>', 'repository root to write into (default: the current directory)')
    .option(
      '--from-onetable <dir>',
      'adopt a OneTable Migrate folder (or its migrate.json5): a manifest around it, no baseline',
    )
    .option('--no-workflows', 'write no workflows (keep your own CI)')
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      `
Global flags it reads: --region, --manifest (default <migrations>/manifest.yaml), --dry-run (print the files, write nothing), --yes (ask nothing), --json.
On a terminal it asks for what the flags leave out. It never overwrites a file without --force.

Examples:
  dynamodb-migrate init --table dev=orders-dev --table production=orders-prod --region eu-west-1
  dynamodb-migrate init --table orders-dev --runner lambda --function migrate-controller --dry-run
  dynamodb-migrate init --from-onetable ./migrations       # migrate.json5 there (or its dir) is read`,
    )
    .action(async (_o, cmd: Command) => {
      const f = cmd.optsWithGlobals() as InitFlags;
      const interactive = canAsk() && !f.yes && !f.json;
      const term = interactive ? terminalAsk() : undefined;
      try {
        const io: InitIo = {
          manifestGiven: cmd.getOptionValueSourceWithGlobals('manifest') !== 'default',
          ask: term?.ask,
          env: process.env,
        };
        // Loaded when the command runs, so that --help and --version need not (see program.ts).
        const [{ runInit }, { renderInitText }] = await Promise.all([
          import('../../init/run-init'),
          import('../../init/render-text'),
        ]);
        const result = await runInit(f, io);
        if (f.json) printJson(result);
        else printText(renderInitText(result, f));
      } finally {
        term?.close();
      }
    });
}

import { Command, CommanderError, Help, Option } from 'commander';
import pkg from '../../package.json';
import { EXIT, messageOf, type ExitCode } from '../core/errors';
import { exitCodeOf } from '../core/outcome';
import { explainAwsError } from './aws-errors';
import type { CommandContext } from './command-context';
import { registerApplyCommands } from './commands/apply';
import { registerBuildControllerCommand } from './commands/build-controller';
import { registerGenerateCommand } from './commands/generate';
import { registerInitCommand } from './commands/init';
import { registerLintCommand } from './commands/lint';
import { registerLogCommand } from './commands/log';
import { registerPlanCommand } from './commands/plan';
import { registerRepairCommand } from './commands/repair';
import { registerSchemaCommand } from './commands/schema';
import { registerStatusCommand } from './commands/status';
import { registerStopCommand } from './commands/stop';
import { registerStudioCommand } from './commands/studio';
import { registerUnlockCommand } from './commands/unlock';
import { registerValidateCommand } from './commands/validate';
import type { GlobalFlags } from './flags';

/** This release, as `--version` prints it. */
export const TOOL_VERSION: string = pkg.version;

/**
 * Runs the CLI with argv (without node and script); returns the exit code. Never calls process.exit.
 *
 * What this module imports is what `--help` and `--version` load: commander, the commands'
 * flags and descriptions, and small pure modules. What a command needs to run (the loader and
 * its transpiler, the AWS SDK, the session) is imported when its action runs, so a bundler puts
 * it in a chunk of its own that only that command loads.
 */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const cleanups: (() => Promise<void>)[] = [];
  const program = buildProgram({
    flags: (cmd) => cmd.optsWithGlobals() as GlobalFlags,
    openSession: async (f, loaded, own) => (await import('./open-from-flags')).openFromFlags(f, cleanups, loaded, own),
    setExitCode: (c) => (code = c),
  });
  if (asksForVersion(program, argv)) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  try {
    await program.parseAsync(withoutHelpForUnknownCommand(program, argv), { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a bad flag, argument or command.
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

/**
 * The commander program: the global flags, then one command per file of commands/. Help goes
 * to stdout (it is what was asked for: `--help | less` works); errors, and the usage shown
 * after one, go to stderr.
 */
export function buildProgram(ctx: CommandContext): Command {
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
    .option(
      '--concurrency <n>',
      'runner: lambda: segment invocations in flight at once (default: write-rate / 1,000, at least 8)',
    )
    .option('-v, --verbose', 'debug logging');
  // Before the commands are added: each command copies the output settings when it is made.
  program.configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  // --version is answered before commander parses (see asksForVersion): as a program option it
  // would also take `repair --version 1.2.0`, since global options are read after the command.
  // It is listed in the program's help all the same.
  const versionHelp = new Option('-V, --version', 'print the version');
  program.configureHelp({
    visibleOptions: (cmd) => {
      const shown = new Help().visibleOptions(cmd);
      return cmd === program ? [...shown.slice(0, -1), versionHelp, ...shown.slice(-1)] : shown;
    },
  });

  registerStatusCommand(program, ctx);
  registerPlanCommand(program, ctx);
  registerApplyCommands(program, ctx);
  registerLintCommand(program, ctx);
  registerGenerateCommand(program, ctx);
  registerUnlockCommand(program, ctx);
  registerStopCommand(program, ctx);
  registerRepairCommand(program, ctx);
  registerLogCommand(program, ctx);
  registerSchemaCommand(program, ctx);
  registerValidateCommand(program, ctx);
  registerBuildControllerCommand(program, ctx);
  registerStudioCommand(program, ctx);
  registerInitCommand(program);
  return program;
}

/**
 * `--version` (or `-V`) before any command word, as in `dynamodb-migrate --version`. After a
 * command word it is that command's own flag (`repair --version 1.2.0`), left to commander.
 */
export function asksForVersion(program: Command, argv: readonly string[]): boolean {
  const valueOptions = globalValueOptions(program);
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--version' || w === '-V') return true;
    if (w === '--' || !w.startsWith('-')) return false;
    if (valueOptions.has(w)) i++;
  }
  return false;
}

/** The program's global options that take a value: the word after one of them is not the command. */
export function globalValueOptions(program: Command): Set<string> {
  return new Set(
    program.options
      .filter((o) => o.required || o.optional)
      .flatMap((o) => [o.long, o.short])
      .filter((x): x is string => x !== undefined),
  );
}

/**
 * argv as commander should see it. Commander honours a help flag before it checks the command
 * word, so `nosuch --help` (and `help nosuch`) would print the global help and exit 0. When the
 * word names no command, the help request is dropped: commander then reports the unknown
 * command on stderr, with the closest name, as it does for `nosuch` alone (exit 2).
 */
export function withoutHelpForUnknownCommand(program: Command, argv: readonly string[]): string[] {
  const words = [...argv];
  const end = words.includes('--') ? words.indexOf('--') : words.length;
  const valueOptions = globalValueOptions(program);
  let at = -1;
  for (let i = 0; i < end; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) {
      at = i;
      break;
    }
    if (valueOptions.has(w)) i++;
  }
  if (at < 0) return words;
  const helpCommand = words[at] === 'help';
  const name = helpCommand ? words[at + 1] : words[at];
  if (name === undefined || name.startsWith('-') || isCommand(program, name)) return words;
  return words.filter((w, i) => (helpCommand ? i !== at : true) && (i >= end || (w !== '--help' && w !== '-h')));
}

function isCommand(program: Command, name: string): boolean {
  return program.commands.some((c) => c.name() === name || c.aliases().includes(name));
}

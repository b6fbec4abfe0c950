import type { Command } from 'commander';
import { exitCodeOfValidation } from '../../core/outcome';
import { renderValidationText } from '../../core/render/validation';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/** `validate`: scans the table and checks every item against the data model; exit 4 when one does not fit. */
export function registerValidateCommand(program: Command, ctx: CommandContext): void {
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
      const f = ctx.flags(cmd);
      // Loaded when the command runs, so that --help and --version need not (see program.ts).
      const { parseReadRate } = await import('../flags');
      const rate = parseReadRate(o.rate);
      // --sample is checked with the other run flags when the session opens.
      const samplePercent = f.sample === undefined ? undefined : Number(f.sample);
      // --rate, else the manifest's read-rate: resolved once into the run's settings.
      const s = await ctx.openSession(f, undefined, { readRate: rate });
      const report = await s.validate({
        samplePercent,
        readRate: s.settings.readRate,
        version: o.version,
      });
      if (f.json) printJson(report);
      else printText(renderValidationText(report, s.environment.table));
      ctx.setExitCode(exitCodeOfValidation(report));
    });
}

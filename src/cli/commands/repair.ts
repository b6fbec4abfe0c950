import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/** `repair`: marks a version applied or reverted without running it, with a reason for the audit log. */
export function registerRepairCommand(program: Command, ctx: CommandContext): void {
  program
    .command('repair')
    .requiredOption('--version <version>', 'the version to mark')
    .addOption(new Option('--mark <state>', 'what to record').choices(['applied', 'reverted']).makeOptionMandatory())
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .description('mark a version applied or reverted without running it (after a failure or an accepted file change)')
    .action(async (o: { version: string; mark: 'applied' | 'reverted'; reason: string }, cmd: Command) => {
      const f = ctx.flags(cmd);
      const s = await ctx.openSession(f);
      const message = await s.repair(o);
      if (f.json) printJson({ ok: true, message });
      else printText(message);
    });
}

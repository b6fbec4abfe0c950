import type { Command } from 'commander';
import { renderLogText } from '../../core/render/text';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/** `log`: the audit log kept in the table, newest first. */
export function registerLogCommand(program: Command, ctx: CommandContext): void {
  program
    .command('log')
    .option('--limit <n>', 'entries to show', '50')
    .description('the audit log kept in the table, newest first')
    .action(async (o: { limit: string }, cmd: Command) => {
      const f = ctx.flags(cmd);
      const s = await ctx.openSession(f);
      const entries = await s.readLog(Number(o.limit) || 50);
      if (f.json) printJson(entries);
      else printText(renderLogText(entries));
    });
}

import type { Command } from 'commander';
import type { CommandContext } from '../command-context';

/**
 * `studio`: the migration manager as a local web page (src/studio/). Its code is imported when
 * the command runs, so no other command's start-up grows by it.
 */
export function registerStudioCommand(program: Command, ctx: CommandContext): void {
  program
    .command('studio')
    .description('serve a page on 127.0.0.1 with every environment, its plan and its buttons (Ctrl-C stops it)')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '5480')
    .option('--open', "open the page in the system's browser")
    .action(async (o: { port: string; open?: boolean }, cmd: Command) => {
      const { runStudio } = await import('../../studio/open-studio');
      await runStudio(ctx.flags(cmd), { port: Number(o.port), open: !!o.open });
    });
}

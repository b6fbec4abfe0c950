import type { Command } from 'commander';
import { renderStatusText } from '../../core/render/text';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/** `status`: the table's version, its history, what is outstanding or failed, the lock. */
export function registerStatusCommand(program: Command, ctx: CommandContext): void {
  program
    .command('status')
    .description('current version, applied (date, checksum), outstanding, failed, lock')
    .action(async (_o, cmd: Command) => {
      const f = ctx.flags(cmd);
      const s = await ctx.openSession(f);
      const status = await s.status();
      // Fanned-out steps running in their Step Functions executions (runner: lambda with a state machine).
      const executions = await (s.runningSteps?.() ?? Promise.resolve([])).catch((e: unknown) => {
        process.stderr.write(
          `Could not list the Step Functions executions: ${e instanceof Error ? e.message : String(e)}\n`,
        );
        return [];
      });
      if (f.json) printJson(executions.length ? { ...status, executions } : status);
      else
        printText(
          [renderStatusText(status), ...executions.map((e) => `running in Step Functions: ${e.name}\n  ${e.url}`)].join(
            '\n',
          ),
        );
    });
}

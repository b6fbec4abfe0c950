import type { Command } from 'commander';
import { exitCodeOfPlan } from '../../core/outcome';
import { renderPlanText } from '../../core/render/text';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/** `plan`: what apply would run, writing nothing; exits non-zero on a blocker. */
export function registerPlanCommand(program: Command, ctx: CommandContext): void {
  program
    .command('plan')
    .description('current -> manifest target: the steps, warnings and plan hash (writes nothing)')
    .action(async (_o, cmd: Command) => {
      const f = ctx.flags(cmd);
      const s = await ctx.openSession(f);
      const plan = await s.plan({ command: 'apply' });
      if (f.json) printJson(plan);
      else printText(renderPlanText(plan));
      ctx.setExitCode(exitCodeOfPlan(plan));
    });
}

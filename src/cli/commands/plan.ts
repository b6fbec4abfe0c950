import type { Command } from 'commander';
import { rehearsalSample } from '../../core/analyzers/findings';
import { exitCodeOfPlan } from '../../core/outcome';
import { renderPlanText } from '../../core/render/text';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/**
 * `plan`: what apply would run, writing nothing, with the analyzers' findings on its steps
 * (`--rehearse`: also a rehearsal on `--sample` percent of the table, default 1); exits non-zero
 * on a blocker (5 when the rehearsal found an error).
 */
export function registerPlanCommand(program: Command, ctx: CommandContext): void {
  program
    .command('plan')
    .description('current -> manifest target: the steps, warnings, checks and plan hash (writes nothing)')
    .option(
      '--rehearse',
      'run each up step in memory on a sample of the table (--sample, default 1%), read-only: round trip, idempotence, schema fit, the DM2xx rules',
    )
    .action(async (o: { rehearse?: boolean }, cmd: Command) => {
      const f = ctx.flags(cmd);
      const s = await ctx.openSession(f);
      const planned = await s.plan({ command: 'apply' });
      const sample = rehearsalSample(s.environment, { rehearse: o.rehearse, samplePercent: s.settings.samplePercent });
      // Loaded when the command runs: the analyzers' parser is only for the commands that show findings.
      const { checkPlan } = await import('../../runner/plan-checks');
      const plan = await checkPlan(planned, s.project, {
        rehearse: sample === undefined ? undefined : s.rehearse ? (p) => s.rehearse!(p, sample) : undefined,
      });
      if (sample !== undefined && !s.rehearse)
        plan.warnings.push({
          code: 'rehearsal-unavailable',
          message: `${s.environment.name}: not rehearsed: the migrations run in the controller (runner: lambda), and a rehearsal runs them in this process; rehearse against a copy of the table with the local runner.`,
        });
      if (f.json) printJson(plan);
      else printText(renderPlanText(plan));
      ctx.setExitCode(exitCodeOfPlan(plan));
    });
}

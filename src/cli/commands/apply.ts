import type { Command } from 'commander';
import { checkConfirmation, DESTRUCTIVE } from '../../core/gates';
import { exitCodeOfReport } from '../../core/outcome';
import { renderPlanText, renderReportText } from '../../core/render/text';
import type { PlanCommand } from '../../core/types';
import type { CommandContext } from '../command-context';
import { confirmOnTty, printJson, printText } from '../io';

/**
 * `apply` and the commands that run a plan relative to the table (`up`, `down`, `repeat`,
 * `reset`, `to <version>`): one body, the plan's command the only difference. They are one
 * command under six names, as OneTable's `apply {action}` is, so they share this file.
 */
export function registerApplyCommands(program: Command, ctx: CommandContext): void {
  program
    .command('apply')
    .description('lock, run the plan to the manifest target, record every step, release')
    .option('--resume', 're-run the failed step first (it must be idempotent)')
    .option('--plan <hash>', 'refuse to run unless the plan still has this hash')
    .option(
      '--detach',
      "state-machine: return (status running) once a fanned-out step's execution started; it records the step and releases the lock",
    )
    .action((o: RunOptions, cmd: Command) => runPlanCommand(ctx, 'apply', undefined, o, cmd));
  // Relative to the table's state: no version, no --plan (they never re-plan under the lock).
  const relative: [PlanCommand, string][] = [
    ['up', 'apply the next outstanding version'],
    ['down', 'roll back the current version'],
    ['repeat', "re-run the current version's up"],
    ['reset', 'run the reset migration and rewrite the history (refused on protected)'],
  ];
  for (const [name, description] of relative) {
    program
      .command(name)
      .description(description)
      .action((o: RunOptions, cmd: Command) => runPlanCommand(ctx, name, undefined, o, cmd));
  }
  program
    .command('to')
    .argument('<version>', 'target version (0.0.0 rolls everything back)')
    .option('--resume', 're-run the failed step first')
    .description('migrate up or down to a version')
    .action((version: string, o: RunOptions, cmd: Command) => runPlanCommand(ctx, 'to', version, o, cmd));
}

interface RunOptions {
  resume?: boolean;
  plan?: string;
  detach?: boolean;
}

/**
 * Plans the command, shows the plan, asks on a terminal before a destructive run (unless --yes
 * or --dry-run), runs it (refusing a changed plan when --plan names the reviewed hash), reports.
 */
async function runPlanCommand(
  ctx: CommandContext,
  command: PlanCommand,
  version: string | undefined,
  o: RunOptions,
  cmd: Command,
): Promise<void> {
  const f = ctx.flags(cmd);
  const s = await ctx.openSession(f);
  checkConfirmation(s.environment, command, f.confirm);
  // The analyzers' static errors (DM1xx) block apply as they block the plan; the parser is loaded here.
  const { checkPlan } = await import('../../runner/plan-checks');
  const plan = await checkPlan(await s.plan({ command, version, resume: o.resume }), s.project);
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
  const report = await s.apply(plan, { expectedHash: o.plan, detach: o.detach });
  if (f.json) printJson(report);
  else printText(renderReportText(report));
  ctx.setExitCode(exitCodeOfReport(report));
}

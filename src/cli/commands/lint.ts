import type { Command } from 'commander';
import { formatFinding } from '../../core/analyzers/findings';
import { exitCodeOfLint } from '../../core/outcome';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/**
 * `lint`: every problem in the manifest and the migration files at once; with a table to read
 * (--local, --endpoint or --env), also the versions below the table's that never ran.
 */
export function registerLintCommand(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description('report every problem in the manifest and migration files at once')
    .action(async (_o, cmd: Command) => {
      const f = ctx.flags(cmd);
      // Loaded when the command runs, so that --help and --version need not (see program.ts).
      const { lintProject } = await import('../../loader/load-project');
      const { problems, project } = await lintProject(f.manifest);
      if (project && (f.local || f.endpoint || f.env)) {
        const s = await ctx.openSession(f, project);
        const plan = await s.plan({ command: 'apply' });
        problems.push(...plan.blockers.filter((b) => b.kind === 'out-of-order').map((b) => `${b.message} ${b.next}`));
      }
      // The analyzers' static rules (DM1xx): loaded here, only by the commands that show findings.
      const { lintFindings } = await import('../../runner/plan-checks');
      const findings = project ? await lintFindings(project) : [];
      const errors = findings.filter((x) => x.severity === 'error' && !x.suppressed);
      problems.push(...errors.map(formatFinding));
      const notes = findings.filter((x) => x.severity !== 'error' || x.suppressed).map(formatFinding);
      if (f.json) printJson({ ok: problems.length === 0, problems, findings });
      else
        printText(
          [
            problems.length
              ? `${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`
              : `ok: ${project?.migrations.length ?? 0} migrations, manifest valid`,
            ...(notes.length
              ? [`${notes.length} warning(s) and suppressed finding(s):\n${notes.map((n) => `  - ${n}`).join('\n')}`]
              : []),
          ].join('\n'),
        );
      ctx.setExitCode(exitCodeOfLint(problems));
    });
}

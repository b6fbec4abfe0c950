import type { Command } from 'commander';
import { relative } from 'node:path';
import type { CommandContext } from '../command-context';
import { printJson, printText, stderrLogger } from '../io';

/** `build-controller`: the Lambda controller bundled with this project's migrations, as a folder and a zip. */
export function registerBuildControllerCommand(program: Command, ctx: CommandContext): void {
  program
    .command('build-controller')
    .requiredOption('--out <dir>', 'folder to write (index.js exports handler); <dir>.zip is written beside it')
    .option('--no-zip', 'skip the zip')
    .description(
      'bundle the Lambda controller with the migrations into a deployable folder and zip (needs @vercel/ncc)',
    )
    .action(async (o: { out: string; zip: boolean }, cmd: Command) => {
      const f = ctx.flags(cmd);
      // Loaded when the command runs, so that --help and --version need not (see program.ts).
      const { buildController } = await import('../../build/build-controller');
      const r = await buildController({ manifest: f.manifest, out: o.out, zip: o.zip, log: stderrLogger(!!f.verbose) });
      if (f.json) printJson(r);
      else
        printText(
          `${relative(process.cwd(), r.entry)} (handler: index.handler) serves ${r.tables.join(', ')} with ${r.migrations.length} migrations${r.zip ? `\n${relative(process.cwd(), r.zip)}` : ''}`,
        );
    });
}

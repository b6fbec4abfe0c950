import type { Command } from 'commander';
import { Option } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError } from '../../core/errors';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';
import { migrationTemplate } from '../migration-template';

/** `generate <slug>`: a new migration file, its version the highest one bumped. */
export function registerGenerateCommand(program: Command, ctx: CommandContext): void {
  program
    .command('generate')
    .argument('<slug>', 'short name, e.g. add-gsi-keys')
    .addOption(
      new Option('--bump <part>', 'which part of the highest version to bump')
        .choices(['major', 'minor', 'patch'])
        .default('minor'),
    )
    .description('write a new migration file stub')
    .action(async (slug: string, o: { bump: 'major' | 'minor' | 'patch' }, cmd: Command) => {
      const f = ctx.flags(cmd);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
        throw new InputError(
          `generate ${slug}: the slug must be lower-case letters, digits and dashes (e.g. add-gsi-keys).`,
        );
      // Loaded when the command runs, so that --help and --version need not (see program.ts).
      const [{ loadProject }, { bumpVersion }] = await Promise.all([
        import('../../loader/load-project'),
        import('../../core/version'),
      ]);
      const project = await loadProject(f.manifest);
      const highest = project.migrations.at(-1)?.version ?? '0.0.0';
      const version = bumpVersion(highest, o.bump);
      const file = join(project.dir, `${version}-${slug}.ts`);
      if (existsSync(file)) throw new InputError(`${relative(process.cwd(), file)} already exists.`);
      writeFileSync(file, migrationTemplate(version, slug));
      if (f.json) printJson({ version, file: relative(process.cwd(), file) });
      else printText(`created ${relative(process.cwd(), file)} (${version})`);
    });
}

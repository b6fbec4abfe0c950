import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import { renderSchemaDiffText } from '../../core/render/schema-diff';
import { toSchemaItem } from '../../core/schema';
import { diffSchemas } from '../../core/schema-diff';
import type { CommandContext } from '../command-context';
import { printJson, printText } from '../io';

/** `schema`: the data model at a migration version, or the one stored in the table. */
export function registerSchemaCommand(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .option('--version <version>', 'the schema of this migration version (default: the one stored in the table)')
    .description('print the data model (OneTable schema) at a version; --json gives it as stored')
    .action(async (o: { version?: string }, cmd: Command) => {
      const f = ctx.flags(cmd);
      let schema: Record<string, unknown> | undefined;
      let label: string;
      if (o.version) {
        // Loaded when the command runs, so that --help and --version need not (see program.ts).
        const { loadProject } = await import('../../loader/load-project');
        const project = await loadProject(f.manifest);
        const m = project.migrations.find((x) => x.version === o.version);
        if (!m) throw new InputError(`schema --version ${o.version}: no migration file for that version.`);
        if (!m.schema) throw new InputError(`schema --version ${o.version}: ${m.file} declares no schema.`);
        schema = toSchemaItem(m.schema);
        label = `${m.file} (${m.version})`;
      } else {
        const s = await ctx.openSession(f);
        schema = (await s.readState()).schema;
        if (!schema)
          throw new InputError(
            `${s.environment.table} has no _schema item yet: pass --version to see a migration's schema.`,
          );
        label = `${s.environment.table} _schema:Current`;
      }
      if (f.json) printJson(schema);
      else printText(`${label}\n${renderSchemaDiffText(diffSchemas(undefined, schema))}`);
    });
}

import { renderWorkflows, yamlScalar } from './workflows';
import { dirnamePosix, joinPosix, relativePosix, type InitSettings } from './settings';
import { parseManifest } from '../core/manifest';
import { ONETABLE_ADAPTER_FILE, renderOneTableAdapter } from './onetable-adapter';

/** A file init writes, relative to the repository root (POSIX). */
export interface InitFile {
  path: string;
  kind: 'manifest' | 'migration' | 'adapter' | 'workflow';
  content: string;
}

/** The first migration's file name (in the migrations folder). */
export const FIRST_MIGRATION = '1.0.0-initial.ts';

/**
 * Every file init writes for these settings, in the order it reports them: the manifest, the
 * OneTable adapter (when adopted files keep OneTable's signature), the first migration (unless
 * the folder has migrations already), and the four workflows.
 * The manifest is checked against the real schema here, so init never writes one that lint refuses.
 */
export function planInitFiles(s: InitSettings): InitFile[] {
  const manifest = renderManifest(s);
  parseManifest(manifest, s.manifestPath);
  const files: InitFile[] = [{ path: s.manifestPath, kind: 'manifest', content: manifest }];
  const ot = s.oneTable;
  if (ot?.legacySignature.length) {
    files.push({
      path: joinPosix(s.migrationsDir, ONETABLE_ADAPTER_FILE),
      kind: 'adapter',
      content: renderOneTableAdapter(ot.format, ot.tableParams),
    });
  }
  if (s.firstMigration)
    files.push({
      path: joinPosix(s.migrationsDir, FIRST_MIGRATION),
      kind: 'migration',
      content: renderFirstMigration(),
    });
  if (s.workflows) files.push(...renderWorkflows(s).map((w) => ({ ...w, kind: 'workflow' as const })));
  return files;
}

/** The manifest, with its `$schema` line and a comment on every choice init made. */
export function renderManifest(s: InitSettings): string {
  const migrations = relativePosix(dirnamePosix(s.manifestPath), s.migrationsDir);
  const lines = [`# yaml-language-server: $schema=${s.schemaRef}`];
  if (s.oneTable) lines.push(...oneTableHeader(s));
  else lines.push(`# Written by \`dynamodb-migrate init\` (${s.toolVersion}). The format: README, "Manifest".`);
  lines.push(
    'version: 1',
    commented(`migrations: ${yamlScalar(migrations)}`, 'folder of migration files, relative to this file'),
    'environments:',
  );
  s.environments.forEach((e, i) => {
    lines.push(`  ${yamlScalar(e.name)}:`, `    table: ${yamlScalar(e.table)}`, `    region: ${e.region}`);
    lines.push(
      i === 0
        ? commented(
            '    target: latest',
            'the highest version in the folder; pin one (1.2.0) to hold an environment back',
          )
        : '    target: latest',
    );
    if (e.protected) {
      lines.push(
        commented(
          '    protected: true',
          'reset refused; down/to need --confirm <table>; a recovery point before apply',
        ),
      );
      lines.push(commented('    recovery-point: pitr-or-backup', 'pitr | backup | pitr-or-backup | none'));
    } else if (s.oneTable?.hasReset) {
      lines.push(
        commented(
          '    # allow-reset: true',
          'allow the reset migration here (it rewrites the history; never on protected)',
        ),
      );
    }
    if (e.runner === 'lambda') {
      lines.push(commented('    runner: lambda', 'run through a Lambda controller (docs/lambda.md)'));
      lines.push(`    function: ${yamlScalar(e.function ?? '')}`);
      if (e.protocol === 'onetable')
        lines.push(commented('    protocol: onetable', 'an existing OneTable Controller (migrate.json5 "arn")'));
    }
  });
  return `${lines.join('\n')}\n`;
}

function oneTableHeader(s: InitSettings): string[] {
  const ot = s.oneTable!;
  const folder = ot.source.endsWith('/') ? `folder ${ot.source}` : `folder that ${ot.source} names`;
  const out = [
    `# Written by \`dynamodb-migrate init --from-onetable\` (${s.toolVersion}) around the OneTable Migrate`,
    `# ${folder}. Nothing was baselined: the _migration records OneTable wrote are this`,
    "# tool's history as they are, so status and plan start from the version each table is at.",
  ];
  if (ot.legacySignature.length) {
    const viaController = s.environments.filter((e) => e.protocol === 'onetable').map((e) => e.name);
    out.push(
      '#',
      `# NOT RUNNABLE AS ${ot.legacySignature.length === 1 ? 'IT IS' : 'THEY ARE'}: ${ot.legacySignature.join(', ')} ${ot.legacySignature.length === 1 ? 'uses' : 'use'} OneTable's up(db, migrate, params).`,
      '# dynamodb-migrate calls up(ctx) and down(ctx) (ctx.client, ctx.table, ctx.data: README, "Writing a',
      '# migration"), so these fail if they run here: a down past them, a reset, or an apply on a table',
      '# that does not have them yet. Versions a table already has never run again. Before they may',
      `# run, wrap each one in fromOneTable(...) from ${ONETABLE_ADAPTER_FILE} (written beside them), or rewrite it:`,
      '# docs/init.md, "Adopting OneTable migrations".',
      ...(viaController.length
        ? [
            `# (${viaController.join(', ')}: protocol onetable, so the OneTable Controller runs its own copies, as before.)`,
          ]
        : []),
    );
  }
  return out;
}

/** The first migration: records 1.0.0 and changes no data; comments show where real work goes. */
export function renderFirstMigration(): string {
  return `import { defineMigration } from 'dynamodb-migrate';

// The first version: applying it records 1.0.0 in the table (one _migration item) and changes no
// data. Write the next one with \`dynamodb-migrate generate <slug>\` (README, "Writing a migration").
export default defineMigration({
  version: '1.0.0',
  description: 'Start versioning the table (changes no data)',
  idempotent: true, // up can run again safely: allows \`apply --resume\` after a failure
  // irreversible: true, // no down: rolling back past this version is refused

  async up(ctx) {
    ctx.log.info(\`\${ctx.table}: versioned by dynamodb-migrate from 1.0.0\`);
    // Real work goes through the bulk engine (parallel scan, batched writes, checkpoints), e.g.:
    // await ctx.data.transform({ type: 'Customer' }, (item) => (item.status ? undefined : { set: { status: 'active' } }));
  },

  async down(ctx) {
    ctx.log.info(\`\${ctx.table}: back before 1.0.0\`);
    // Undo what up did, e.g.:
    // await ctx.data.transform({ type: 'Customer' }, () => ({ remove: ['status'] }));
  },

  // After up (and after down), with a read-only ctx: return what is wrong; any finding fails the step
  // (README, "Preconditions, post-checks and the canary"). For the transform above, e.g.:
  async verify(ctx) {
    // const missing = await ctx.data.count({ type: 'Customer' }, (c) => !c.status);
    // if (ctx.direction === 'up' && missing.count) return [{ message: 'Customers without a status', ...missing }];
    ctx.log.debug('verify: nothing to check in 1.0.0');
    return [];
  },
});
`;
}

/** A line with its comment, the comments of a file lined up in one column. */
function commented(line: string, comment: string): string {
  return `${line}${' '.repeat(Math.max(1, 36 - line.length))}# ${comment}`;
}
